# The site's load balancer (docker/site/compose.yml): WildFly 39 with standalone-load-balancer.xml,
# Undertow's mod_cluster filter. Portal nodes register themselves over MCMP (port 8090, backend
# network); sessions stick to the node named at the end of JSESSIONID. TLS ends here.
#   docker build -f docker/site/balancer.Dockerfile -t facegate-balancer .
# (Not exercised on the development machines: they have no Docker engine; cli/balancer.cli was run
# offline against WildFly 39.0.1's standalone-load-balancer.xml.)
FROM quay.io/wildfly/wildfly:39.0.1.Final-jdk21

ENV JBOSS_HOME=/opt/jboss/wildfly \
    FACEGATE_TLS_KEYSTORE=/opt/facegate/tls/facegate-tls.p12
COPY --chown=jboss:root docker/site/cli/balancer.cli /opt/facegate/site-cli/balancer.cli
RUN ${JBOSS_HOME}/bin/jboss-cli.sh --file=/opt/facegate/site-cli/balancer.cli \
 && rm -rf ${JBOSS_HOME}/standalone/configuration/standalone_xml_history ${JBOSS_HOME}/standalone/data ${JBOSS_HOME}/standalone/log

EXPOSE 8080 8443
# -b: the published listeners. -bprivate: MCMP (8090); 0.0.0.0 because the balancer sits on two
# networks and the portals reach it on the backend one (the frontend network has no other member,
# and compose publishes only 8080 and 8443). MCMP has no authentication of its own: keep the backend
# network closed (compose: internal). The management interface keeps its default, 127.0.0.1.
CMD ["sh", "-c", "exec ${JBOSS_HOME}/bin/standalone.sh -c standalone-load-balancer.xml -b 0.0.0.0 -bprivate 0.0.0.0"]
