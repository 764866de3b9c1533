package dev.facegate.platform.control;

import java.util.Map;
import org.jboss.msc.Service;
import org.jboss.msc.service.ServiceActivatorContext;
import org.jboss.msc.service.ServiceName;
import org.jboss.msc.service.StartContext;
import org.jboss.msc.service.StopContext;
import org.wildfly.clustering.singleton.service.ServiceTargetFactory;
import org.wildfly.clustering.singleton.service.SingletonServiceActivator;
import org.wildfly.clustering.singleton.service.SingletonServiceActivatorContext;

/**
 * Installs the HA singleton service that marks the one node running the once-per-cluster jobs
 * (WildFly's {@code ha-singleton-service} mechanism; the portal EAR itself runs on every node, so
 * {@code singleton-deployment} is not an option). WildFly starts the service on the member the
 * {@code singleton} subsystem's default policy elects and moves it when that member leaves; its
 * start and stop flip {@link ClusterRole}.
 *
 * <p>On a server without the {@code singleton} subsystem ({@code standalone.xml}), the policy's
 * service does not exist and the default activation would fail the deployment on a missing
 * dependency: the server is then alone and leads, as before clustering existed.
 *
 * <p>Listed in {@code META-INF/services/org.jboss.msc.service.ServiceActivator}.
 */
public class OncePerClusterActivator implements SingletonServiceActivator {

  static final ServiceName SERVICE = ServiceName.JBOSS.append("facegate", "once-per-cluster");

  @Override
  public void activate(ServiceActivatorContext context) {
    if (context.getServiceRegistry().getService(policyService()) == null) {
      ClusterRole.singleServer();
      return;
    }
    ClusterRole.clusteredDeployment();
    SingletonServiceActivator.super.activate(context);
  }

  @Override
  public void activate(SingletonServiceActivatorContext context) {
    context.getServiceTarget().addService(SERVICE).setInstance(new Leadership()).install();
  }

  /** The name of the policy's service target factory, resolved as the default activation does. */
  private ServiceName policyService() {
    Map.Entry<String, String[]> resolved =
        ServiceTargetFactory.SERVICE_DESCRIPTOR.resolve(getSingletonPolicy());
    ServiceName name = ServiceName.parse(resolved.getKey());
    return resolved.getValue().length > 0 ? name.append(resolved.getValue()) : name;
  }

  /** Runs on the elected node only. */
  private static final class Leadership implements Service {
    @Override
    public void start(StartContext context) {
      ClusterRole.elected();
    }

    @Override
    public void stop(StopContext context) {
      ClusterRole.demoted();
    }
  }
}
