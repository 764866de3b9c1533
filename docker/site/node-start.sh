#!/bin/sh
# Starts a clustered FaceGate node of docker/site (the CMD of node.Dockerfile).
# An inference node first runs docker/wildfly/cli/configure-inference.cli (branch inference):
# it reads FACEGATE_INFERENCE_USERNAME / FACEGATE_INFERENCE_PASSWORD when it runs, so it runs here,
# at each start, never at image build: no credential (not even its digest) is baked into an image.
# It also gives the node a private in-memory datasource: an inference node holds no connection to
# the site's database.
set -eu
: "${FACEGATE_NODE_NAME:?set FACEGATE_NODE_NAME (unique per member)}"
if [ "${FACEGATE_ROLE:-portal}" = inference ]; then
  : "${FACEGATE_INFERENCE_USERNAME:?set FACEGATE_INFERENCE_USERNAME}"
  : "${FACEGATE_INFERENCE_PASSWORD:?set FACEGATE_INFERENCE_PASSWORD}"
  "${JBOSS_HOME}/bin/jboss-cli.sh" -Dfacegate.server.config=standalone-ha.xml \
    --file=/opt/facegate/cli/configure-inference.cli >/dev/null
fi
# -b: the public interface (HTTP 8080: the balancer's traffic on portals, the portals' EJB calls on
# inference nodes), on the backend network only. -bprivate: JGroups and mod_cluster on the
# container's own address (0.0.0.0 is not valid for JGroups). The management interface keeps its
# default, 127.0.0.1: metrics and health are read from inside the container, never published.
exec "${JBOSS_HOME}/bin/standalone.sh" -c standalone-ha.xml -b 0.0.0.0 \
  -bprivate "$(hostname -i | cut -d' ' -f1)" -Djboss.node.name="${FACEGATE_NODE_NAME}"
