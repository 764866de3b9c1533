#!/usr/bin/env bash
# Elasticsearch set-up of the FaceGate site (service es-setup of docker/site/compose.yml), as root in
# the Elasticsearch image, with the shared certificate volume at config/certs:
#  1. once: a CA and one certificate per node (names es01..es03 plus the alias "elasticsearch" the
#     portals connect to), for transport and HTTP TLS;
#  2. waits until the cluster answers, then creates (idempotently) the role facegate_index (all
#     rights on the indices and aliases facegate-faces*, nothing else) and the user facegate with
#     FACEGATE_ELASTICSEARCH_PASSWORD: the application never uses the elastic superuser.
# Secrets come only from the environment (ELASTIC_PASSWORD, FACEGATE_ELASTICSEARCH_PASSWORD).
set -euo pipefail
: "${ELASTIC_PASSWORD:?set ELASTIC_PASSWORD}"
: "${FACEGATE_ELASTICSEARCH_PASSWORD:?set FACEGATE_ELASTICSEARCH_PASSWORD}"
cd /usr/share/elasticsearch
certs=config/certs

if [[ ! -f $certs/ca/ca.crt ]]; then
  bin/elasticsearch-certutil ca --silent --pem --out $certs/ca.zip
  unzip -q -o $certs/ca.zip -d $certs
  rm $certs/ca.zip
fi
if [[ ! -f $certs/es01/es01.crt ]]; then
  {
    echo "instances:"
    for n in es01 es02 es03; do
      printf '  - name: %s\n    dns: [%s, elasticsearch, localhost]\n    ip: [127.0.0.1]\n' "$n" "$n"
    done
  } > $certs/instances.yml
  bin/elasticsearch-certutil cert --silent --pem --in $certs/instances.yml --out $certs/certs.zip \
    --ca-cert $certs/ca/ca.crt --ca-key $certs/ca/ca.key
  unzip -q -o $certs/certs.zip -d $certs
  rm $certs/certs.zip
fi
# Readable by the Elasticsearch user (uid 1000) and the WildFly user (jboss, in group root); the
# CA key stays readable by root only.
chown -R root:root $certs
find $certs -type d -exec chmod 755 {} +
find $certs -type f -exec chmod 644 {} +
chmod 600 $certs/ca/ca.key

es=(curl -fsS --cacert $certs/ca/ca.crt -u "elastic:${ELASTIC_PASSWORD}" -H 'Content-Type: application/json')
until "${es[@]}" "https://es01:9200/_cluster/health?wait_for_status=yellow&timeout=30s" >/dev/null 2>&1; do
  echo "waiting for the Elasticsearch cluster"; sleep 10
done
"${es[@]}" -X PUT https://es01:9200/_security/role/facegate_index -d \
  '{"indices":[{"names":["facegate-faces*"],"privileges":["all"]}]}' >/dev/null
"${es[@]}" -X PUT https://es01:9200/_security/user/facegate -d \
  "{\"password\":\"${FACEGATE_ELASTICSEARCH_PASSWORD}\",\"roles\":[\"facegate_index\"]}" >/dev/null
echo "Elasticsearch: role facegate_index and user facegate ready"
