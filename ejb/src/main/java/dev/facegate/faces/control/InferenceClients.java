package dev.facegate.faces.control;

import dev.facegate.faces.boundary.FaceAnalysisRemote;
import java.util.Hashtable;
import java.util.function.LongFunction;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Proxies of the inference nodes' {@link FaceAnalysisRemote}, made by WildFly's own EJB client: a
 * WildFly naming-client context whose provider URL lists the nodes ({@code remote+http}, HTTP
 * upgrade on their 8080) and whose credentials are the portal's application user. The EJB client
 * takes the nodes as its discovery list, learns the cluster topology from the first node it reaches
 * when the inference nodes form a JGroups cluster, balances stateless calls over the members and
 * leaves out a node whose connection failed.
 *
 * <p>Each proxy carries its own invocation timeout ({@code invocation.timeout}), so the readiness
 * ping can wait less than an analysis.
 */
public final class InferenceClients {

  private static final String APPLICATION = "facegate";
  private static final String EJB_MODULE = "facegate-ejb";

  private InferenceClients() {}

  /**
   * A proxy factory for the given topology: the function takes the invocation timeout in
   * milliseconds.
   *
   * @param topology the inference nodes and the credentials
   * @return a factory of proxies
   */
  public static LongFunction<FaceAnalysisRemote> proxies(InferenceTopology topology) {
    return timeoutMillis -> lookup(topology, timeoutMillis);
  }

  /**
   * The portable name of the remote view: {@code ejb:facegate/facegate-ejb/InferenceService!...}.
   */
  static String jndiName() {
    return "ejb:" + APPLICATION + "/" + EJB_MODULE + "/" + FaceAnalysisRemote.BEAN_AND_VIEW;
  }

  static Hashtable<String, Object> environment(InferenceTopology topology, long timeoutMillis) {
    Hashtable<String, Object> env = new Hashtable<>();
    env.put(
        Context.INITIAL_CONTEXT_FACTORY, "org.wildfly.naming.client.WildFlyInitialContextFactory");
    env.put(Context.PROVIDER_URL, topology.providerUrl());
    env.put(Context.SECURITY_PRINCIPAL, topology.username().orElseThrow());
    env.put(Context.SECURITY_CREDENTIALS, topology.password().orElseThrow());
    env.put("invocation.timeout", timeoutMillis);
    // Same machine or not, the portal must prove who it is: never the local-user shortcut.
    env.put(
        "jboss.naming.client.connect.options.org.xnio.Options.SASL_DISALLOWED_MECHANISMS",
        "JBOSS-LOCAL-USER");
    return env;
  }

  private static FaceAnalysisRemote lookup(InferenceTopology topology, long timeoutMillis) {
    // Creating the context and the proxy contacts no node: a portal starts while its inference
    // nodes are down, and its readiness says so.
    try {
      Context context = new InitialContext(environment(topology, timeoutMillis));
      return (FaceAnalysisRemote) context.lookup(jndiName());
    } catch (NamingException e) {
      throw new IllegalStateException(
          "Cannot create the EJB client proxy for the inference nodes " + topology.nodes(), e);
    }
  }
}
