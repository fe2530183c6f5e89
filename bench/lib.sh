# Shared by token.sh and session.sh: where the platform is, the operator's token, the benchmark's own instance
# and Trusted Application, and a wrk run that leaves its RESULT line in the results file.
# shellcheck shell=bash

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export BENCH_LUA_DIR=$BENCH_DIR/lua

IDENTITY_URL=${IDENTITY_URL:-http://localhost:8080}
REGISTRY_URL=${REGISTRY_URL:-http://localhost:8081}
SESSION_URL=${SESSION_URL:-http://localhost:8082}
# The dev profile's documented defaults (deploy/local/up.sh prints them).
OPERATOR_CLIENT_ID=${OPERATOR_CLIENT_ID:-${BOOTSTRAP_ADMIN_CLIENT_ID:-operator}}
OPERATOR_CLIENT_SECRET=${OPERATOR_CLIENT_SECRET:-${BOOTSTRAP_ADMIN_CLIENT_SECRET:-dev-operator-secret-change-me}}
BENCH_INSTANCE=${BENCH_INSTANCE:-bench}
BENCH_HOSTNAME=${BENCH_HOSTNAME:-bench.localhost}
BENCH_CLIENT_ID=${BENCH_CLIENT_ID:-net.erp.bench.load}
BENCH_SYSTEM_USER=${BENCH_SYSTEM_USER:-svc-bench-load}
WRK_THREADS=${WRK_THREADS:-2}
WARMUP=${WARMUP:-10s}
DURATION=${DURATION:-30s}

mkdir -p "$BENCH_DIR/results"

# Load goes to this machine only: every base URL must name a loopback host.
require_loopback() {
  local url
  for url in "$IDENTITY_URL" "$REGISTRY_URL" "$SESSION_URL"; do
    case "$url" in
      http://localhost:*|http://127.0.0.1:*|http://\[::1\]:*|http://localhost|http://127.0.0.1) ;;
      *) echo "refusing $url: the benchmarks send load to localhost or 127.0.0.1 only" >&2; exit 2 ;;
    esac
  done
}

log() {
  echo "$*" | tee -a "$RESULTS_FILE"
}

# The commit of this checkout, marked when the working tree has changes git tracks.
checkout_state() {
  local commit
  commit=$(git -C "$BENCH_DIR" rev-parse --short HEAD 2>/dev/null) || { echo unknown; return; }
  if git -C "$BENCH_DIR" diff --quiet HEAD 2>/dev/null; then echo "$commit"; else echo "$commit with changes"; fi
}

# Starts the results file of this run with the conditions it ran under. Usage: start_results NAME [TARGET].
start_results() {
  RESULTS_FILE=$BENCH_DIR/results/$1-$(date -u +%Y%m%dT%H%M%SZ).txt
  {
    echo "# $1 at $(date -u +%FT%TZ)"
    echo "# load average $(cut -d' ' -f1-3 /proc/loadavg); nproc $(nproc);" \
      "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "# checkout at this run: $(checkout_state) (up.sh built the platform from the checkout when it started)"
    echo "# ${2:-identity $IDENTITY_URL, registry $REGISTRY_URL, session $SESSION_URL}; wrk -t$WRK_THREADS," \
      "warm-up $WARMUP, measured $DURATION"
  } | tee "$RESULTS_FILE"
}

urlencode() {
  jq -rn --arg value "$1" '$value | @uri'
}

# client_secret_basic (RFC 6749 2.3.1): both parts form-encoded before Base64.
basic_auth() {
  printf 'Basic %s' "$(printf '%s:%s' "$(urlencode "$1")" "$(urlencode "$2")" | base64 -w0)"
}

# Prints the access token of a client credentials grant, or fails with the server's answer on stderr.
client_token() {
  local client_id=$1 secret=$2 scope=$3 host=$4 answer
  answer=$(curl -sS --max-time 10 -H "Host: $host" -H "Authorization: $(basic_auth "$client_id" "$secret")" \
    --data-urlencode grant_type=client_credentials --data-urlencode "scope=$scope" \
    "$IDENTITY_URL/id/connect/token") || return 1
  jq -er '.access_token' <<<"$answer" 2>/dev/null || { echo "token endpoint answered: $answer" >&2; return 1; }
}

operator_token() {
  OPERATOR_TOKEN=$(client_token "$OPERATOR_CLIENT_ID" "$OPERATOR_CLIENT_SECRET" admin localhost)
}

# Calls the registry's admin API; prints the body, answers 0 on a 2xx. Usage: admin METHOD PATH [JSON].
admin() {
  local method=$1 path=$2 body=${3:-} status out
  out=$(mktemp)
  status=$(curl -sS --max-time 10 -o "$out" -w '%{http_code}' -X "$method" \
    -H "Authorization: Bearer $OPERATOR_TOKEN" -H 'Content-Type: application/json' \
    ${body:+--data "$body"} "$REGISTRY_URL$path") || status=000
  cat "$out"
  rm -f "$out"
  [[ $status == 2* ]]
}

# Creates the benchmark's instance (a licence limit no run reaches) unless it is there, then waits until the
# identity-service knows its hostname.
ensure_instance() {
  local record answer
  record=$(jq -n --arg id "$BENCH_INSTANCE" --arg host "$BENCH_HOSTNAME" \
    '{id: $id, displayName: "Benchmarks", hostnames: [$host], licenseLimit: 10000000, reservedAccounts: [],
      sandbox: true}')
  if admin GET "/api/instances/$BENCH_INSTANCE" >/dev/null; then
    answer=$(admin PUT "/api/instances/$BENCH_INSTANCE" "$record") || { echo "instance: $answer" >&2; return 1; }
  else
    answer=$(admin POST /api/instances "$record") || { echo "instance: $answer" >&2; return 1; }
    CREATED_INSTANCE=yes
  fi
}

# Registers a confidential app with a system user in the benchmark's instance and gives it a secret that
# expires in two hours. Sets CLIENT_ID, CLIENT_SECRET and CLIENT_HOST.
register_app() {
  local app encoded answer secret_answer
  encoded=$(urlencode "$BENCH_CLIENT_ID")
  app=$(jq -n --arg id "$BENCH_CLIENT_ID" --arg user "$BENCH_SYSTEM_USER" \
    '{clientId: $id, name: "Load benchmark", clientType: "CONFIDENTIAL", redirectUris: [],
      postLogoutRedirectUris: [], internalUsersAllowed: false, communityUsersAllowed: false,
      systemUserAllowed: true, systemUser: $user, scopes: ["read"], referenceTokens: "NONE", enabled: true}')
  if ! admin GET "/api/instances/$BENCH_INSTANCE/apps/$encoded" >/dev/null; then
    answer=$(admin POST "/api/instances/$BENCH_INSTANCE/apps" "$app") || { echo "app: $answer" >&2; return 1; }
  fi
  REGISTERED_APP=yes
  secret_answer=$(admin POST "/api/instances/$BENCH_INSTANCE/apps/$encoded/secrets" \
    "{\"expiresAt\":\"$(date -u -d '+2 hours' +%FT%TZ)\"}") || { echo "secret: $secret_answer" >&2; return 1; }
  CLIENT_ID=$BENCH_CLIENT_ID
  CLIENT_SECRET=$(jq -er .secret <<<"$secret_answer") || return 1
  CLIENT_HOST=$BENCH_HOSTNAME
}

# The app every benchmark token comes from: a dedicated one when the registry's admin API works, else the
# operator itself (dev instance, scope read). Waits out the registry caches (5 s) until a token is issued.
choose_client() {
  if ensure_instance && register_app; then
    log "# client: registered app $CLIENT_ID in instance $BENCH_INSTANCE (host $CLIENT_HOST)"
  else
    log "# client: the registry's admin API did not work; falling back to the operator app in dev"
    CLIENT_ID=$OPERATOR_CLIENT_ID
    CLIENT_SECRET=$OPERATOR_CLIENT_SECRET
    CLIENT_HOST=localhost
  fi
  local deadline=$((SECONDS + 20))
  until client_token "$CLIENT_ID" "$CLIENT_SECRET" read "$CLIENT_HOST" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      client_token "$CLIENT_ID" "$CLIENT_SECRET" read "$CLIENT_HOST" >/dev/null
      echo "no token for $CLIENT_ID at host $CLIENT_HOST" >&2
      return 1
    fi
    sleep 1
  done
  export BENCH_BASIC BENCH_HOST=$CLIENT_HOST BENCH_SCOPE=read
  BENCH_BASIC=$(basic_auth "$CLIENT_ID" "$CLIENT_SECRET")
}

# Deletes what this run registered; the instance only when this run created it.
clean_up() {
  if [ "${REGISTERED_APP:-}" = yes ]; then
    admin DELETE "/api/instances/$BENCH_INSTANCE/apps/$(urlencode "$BENCH_CLIENT_ID")" >/dev/null \
      || echo "could not delete app $BENCH_CLIENT_ID" >&2
  fi
  if [ "${CREATED_INSTANCE:-}" = yes ] && [ "${BENCH_KEEP_INSTANCE:-}" != yes ]; then
    admin DELETE "/api/instances/$BENCH_INSTANCE" >/dev/null || echo "could not delete instance $BENCH_INSTANCE" >&2
  fi
}

# One wrk run with a Lua script; its RESULT line goes to the results file. Usage: run_wrk NAME CONNECTIONS
# DURATION SCRIPT URL. wrk is bounded by its duration (a script may end it sooner); timeout is the backstop.
run_wrk() {
  local name=$1 connections=$2 duration=$3 script=$4 url=$5 output markers
  markers=$(mktemp -d)
  output=$(BENCH_NAME=$name BENCH_THREADS=$WRK_THREADS BENCH_MARKERS=$markers timeout 300 \
    wrk -t"$WRK_THREADS" -c"$connections" -d"$duration" --timeout 10s -s "$BENCH_LUA_DIR/$script" "$url" 2>&1)
  rm -rf "$markers"
  echo "$output" | grep -v -E '^(RESULT|STATUS)' >>"$RESULTS_FILE"
  echo "$output" | grep '^RESULT' | sed "s/\$/ connections=$connections load=$(cut -d' ' -f1 /proc/loadavg)/" \
    | tee -a "$RESULTS_FILE"
  echo "$output" | grep -E '^STATUS [^ ]+ [0-9]' | tee -a "$RESULTS_FILE" || true
}
