#!/usr/bin/env bash
# The same client-credentials load as token.sh, against a Keycloak on this machine, so that the "3 x Keycloak"
# target compares figures taken under the same conditions. Keycloak is not part of the platform; README.md
# says how to start one. This script creates a realm "bench" with a confidential client that has a service
# account, runs wrk at 16 and 64 connections, and deletes the realm again.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
KEYCLOAK_URL=${KEYCLOAK_URL:-http://localhost:28180}
KEYCLOAK_ADMIN=${KEYCLOAK_ADMIN:-admin}
KEYCLOAK_ADMIN_PASSWORD=${KEYCLOAK_ADMIN_PASSWORD:-admin}
CONNECTIONS=${CONNECTIONS:-16 64}
REALM=bench

case "$KEYCLOAK_URL" in
  http://localhost:*|http://127.0.0.1:*) ;;
  *) echo "refusing $KEYCLOAK_URL: load goes to localhost or 127.0.0.1 only" >&2; exit 2 ;;
esac

kc_admin_token() {
  curl -sS --max-time 20 --data-urlencode grant_type=password --data-urlencode client_id=admin-cli \
    --data-urlencode "username=$KEYCLOAK_ADMIN" --data-urlencode "password=$KEYCLOAK_ADMIN_PASSWORD" \
    "$KEYCLOAK_URL/realms/master/protocol/openid-connect/token" | jq -er .access_token
}

# Calls Keycloak's admin REST API with a fresh admin token (they live 60 s). Usage: kc METHOD PATH [JSON].
kc() {
  curl -sS --max-time 20 -f -X "$1" -H "Authorization: Bearer $(kc_admin_token)" \
    -H 'Content-Type: application/json' ${3:+--data "$3"} "$KEYCLOAK_URL/admin/realms$2"
}

start_results keycloak "keycloak $KEYCLOAK_URL"
log "# keycloak $KEYCLOAK_URL, $(curl -sS --max-time 20 -H "Authorization: Bearer $(kc_admin_token)" \
  "$KEYCLOAK_URL/admin/serverinfo" | jq -r '"version " + .systemInfo.version + ", java " + .systemInfo.javaVersion')"

kc DELETE "/$REALM" >/dev/null 2>&1 || true
kc POST "" "{\"realm\":\"$REALM\",\"enabled\":true}" >/dev/null
trap 'kc DELETE "/$REALM" >/dev/null || echo "could not delete realm $REALM" >&2' EXIT
kc POST "/$REALM/clients" '{"clientId":"bench-load","enabled":true,"publicClient":false,
  "clientAuthenticatorType":"client-secret","serviceAccountsEnabled":true,"standardFlowEnabled":false,
  "directAccessGrantsEnabled":false}' >/dev/null
client_uuid=$(kc GET "/$REALM/clients?clientId=bench-load" | jq -er '.[0].id')
secret=$(kc GET "/$REALM/clients/$client_uuid/client-secret" | jq -er .value)
BENCH_BASIC=$(basic_auth bench-load "$secret")
export BENCH_BASIC BENCH_SCOPE=
unset BENCH_HOST

url=$KEYCLOAK_URL/realms/$REALM/protocol/openid-connect/token
curl -sS --max-time 20 -f -H "Authorization: $BENCH_BASIC" -d grant_type=client_credentials "$url" \
  | jq -e .access_token >/dev/null
for connections in $CONNECTIONS; do
  run_wrk "keycloak-warmup" "$connections" "$WARMUP" token.lua "$url" >/dev/null
  run_wrk "keycloak" "$connections" "$DURATION" token.lua "$url"
done
echo "results: $RESULTS_FILE"
