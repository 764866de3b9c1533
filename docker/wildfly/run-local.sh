#!/usr/bin/env bash
# Starts a WildFly configured by cli/configure-server.cli, cli/datasource-h2.cli and
# cli/configure-tls.cli with the FaceGate EAR, over HTTPS with this installation's own certificate.
#   run-local.sh WILDFLY_HOME EAR [standalone.sh options...]
# At the first start it creates, under the data folder (FACEGATE_DATA_DIR, default ~/.facegate):
#   tls/facegate-tls.p12    a self-signed certificate for localhost (EC P-256, 825 days)
#   tls/keystore-password   its random password, readable only by the owner
# Pages and the API are served on https://localhost:8443/; plain HTTP on 8080 redirects there.
set -euo pipefail
wildfly_home=${1:?WildFly home}
ear=${2:?EAR file}
shift 2

data_dir=${FACEGATE_DATA_DIR:-$HOME/.facegate}
tls_dir=$data_dir/tls
keystore=$tls_dir/facegate-tls.p12
password_file=$tls_dir/keystore-password
keytool=${JAVA_HOME:+$JAVA_HOME/bin/}keytool

if [[ ! -f $keystore ]]; then
  mkdir -p "$tls_dir"
  chmod 700 "$tls_dir"
  (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '\n/+=' > "$password_file")
  "$keytool" -genkeypair -alias facegate -keyalg EC -groupname secp256r1 -validity 825 \
    -dname "CN=localhost" -ext "SAN=dns:localhost,ip:127.0.0.1" \
    -storetype PKCS12 -keystore "$keystore" -storepass:file "$password_file" >/dev/null
  chmod 600 "$keystore"
  echo "FaceGate: created a self-signed TLS certificate for localhost in $keystore"
fi

export FACEGATE_DATA_DIR=$data_dir
export FACEGATE_TLS_KEYSTORE=$keystore
FACEGATE_TLS_KEYSTORE_PASSWORD=$(cat "$password_file")
export FACEGATE_TLS_KEYSTORE_PASSWORD
# The application redirects plain HTTP to HTTPS and sends HSTS (facegate.http.*).
export FACEGATE_HTTP_REDIRECT_TO_HTTPS=true

cp "$ear" "$wildfly_home/standalone/deployments/"
exec "$wildfly_home/bin/standalone.sh" -b 127.0.0.1 "$@"
