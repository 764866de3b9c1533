# A clustered FaceGate node (standalone-ha.xml) for docker/site/compose.yml: a portal or an inference
# node, from the same EAR. Build from the repository root after `./mvnw -B -Pgpu -DskipTests package`
# (the gpu profile only adds DJL's PyTorch engine and its JNI, 3.5 MB, so one EAR serves every node):
#   docker build -f docker/site/node.Dockerfile --build-arg FACEGATE_NODE_ROLE=portal -t facegate-portal .
# (Not exercised on the development machines: they have no Docker engine.)
FROM quay.io/wildfly/wildfly:39.0.1.Final-jdk21

# portal: console, API, doors, kiosks; database and index; a member of the balancer.
# inference: the face engine's remote EJB interface only; not a member of the balancer.
ARG FACEGATE_NODE_ROLE=portal
# A GPU inference node: libtorch 2.7.1 built for CUDA 12.8 (PyTorch's "shared-with-deps" zip, which
# bundles cuDNN and the CUDA runtime; not on Maven Central). Empty: no libtorch, CPU engines only.
ARG LIBTORCH_URL=
ARG POSTGRESQL_JDBC_VERSION=42.7.14
ENV JBOSS_HOME=/opt/jboss/wildfly

COPY --chown=jboss:root docker/wildfly/modules/ ${JBOSS_HOME}/modules/
ADD --chown=jboss:root \
    https://repo.maven.apache.org/maven2/org/postgresql/postgresql/${POSTGRESQL_JDBC_VERSION}/postgresql-${POSTGRESQL_JDBC_VERSION}.jar \
    ${JBOSS_HOME}/modules/org/postgresql/main/postgresql.jar
COPY --chown=jboss:root docker/wildfly/cli/ /opt/facegate/cli/
COPY --chown=jboss:root docker/site/cli/ /opt/facegate/site-cli/

# The same scripts as the single node and the tests, on standalone-ha.xml (facegate.server.config),
# then JGroups over TCP with the static member list (configure-cluster.cli) and this site's parts.
# An inference node gets its datasource (a private in-memory one) and its application user from
# configure-inference.cli at start (node-start.sh), never from the image.
RUN set -e; cli="${JBOSS_HOME}/bin/jboss-cli.sh -Dfacegate.server.config=standalone-ha.xml --file"; \
    $cli=/opt/facegate/cli/configure-server.cli; \
    $cli=/opt/facegate/cli/configure-cluster.cli; \
    $cli=/opt/facegate/site-cli/cluster-name.cli; \
    if [ "${FACEGATE_NODE_ROLE}" = portal ]; then \
      $cli=/opt/facegate/cli/datasource-postgresql.cli; \
      $cli=/opt/facegate/site-cli/balancer-member.cli; \
    else \
      test -f /opt/facegate/cli/configure-inference.cli; \
      $cli=/opt/facegate/site-cli/not-a-balancer-member.cli; \
    fi; \
    rm -rf ${JBOSS_HOME}/standalone/configuration/standalone_xml_history ${JBOSS_HOME}/standalone/data ${JBOSS_HOME}/standalone/log

USER root
RUN set -e; if [ -n "${LIBTORCH_URL}" ]; then \
      curl -fsSL -o /tmp/libtorch.zip "${LIBTORCH_URL}"; \
      cd /opt && jar xf /tmp/libtorch.zip && rm -rf /tmp/libtorch.zip /opt/libtorch/include /opt/libtorch/share; \
      test -f /opt/libtorch/lib/libtorch_cuda.so; chown -R jboss:root /opt/libtorch; \
    fi
USER jboss

COPY --chown=jboss:root ear/target/facegate.ear ${JBOSS_HOME}/standalone/deployments/

ENV FACEGATE_ROLE=${FACEGATE_NODE_ROLE} \
    DJL_CACHE_DIR=/opt/jboss/djl-cache

COPY --chown=jboss:root --chmod=755 docker/site/node-start.sh /opt/facegate/node-start.sh
EXPOSE 8080 8009 7600
CMD ["/opt/facegate/node-start.sh"]
