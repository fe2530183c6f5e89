#!/usr/bin/env bash
# Session opens and touches per second with p50/p99 at POST /api/sessions, at 64 connections (CONNECTIONS).
#   opens:   OPEN_TOKENS distinct service tokens are minted first; each is sent once, so every call opens a
#            session (a service token's sid is new per token). WARMUP_TOKENS more open sessions before that.
#   touches: one token, sent again and again for DURATION after a WARMUP run: every call reuses its session.
# The benchmark's own instance has a licence limit far above what a run opens. Needs the platform up
# (deploy/local/up.sh); base URLs from IDENTITY_URL, REGISTRY_URL and SESSION_URL.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
CONNECTIONS=${CONNECTIONS:-64}
OPEN_TOKENS=${OPEN_TOKENS:-4000}
WARMUP_TOKENS=${WARMUP_TOKENS:-1000}
# wrk waits this long whatever happens; the open runs end earlier when their tokens are used up.
OPEN_LIMIT=${OPEN_LIMIT:-20s}

require_loopback
start_results session
operator_token
work=$(mktemp -d)
trap 'clean_up; rm -rf "$work"' EXIT
choose_client

mint() {
  local markers minted
  markers=$(mktemp -d)
  BENCH_OUT=$1 BENCH_COUNT=$2 BENCH_THREADS=1 BENCH_MARKERS=$markers timeout 330 \
    wrk -t1 -c16 -d300s -s "$BENCH_LUA_DIR/mint.lua" "$IDENTITY_URL/id/connect/token" >/dev/null
  rm -rf "$markers"
  minted=$(wc -l <"$1")
  [ "$minted" -eq "$2" ] || { log "# minted only $minted of $2 tokens"; exit 1; }
}

url=$SESSION_URL/api/sessions
for connections in $CONNECTIONS; do
  # Fresh tokens for every connection count: a token opens a session once only.
  log "# minting $WARMUP_TOKENS + $OPEN_TOKENS tokens"
  mint "$work/warmup" "$WARMUP_TOKENS"
  mint "$work/open" "$OPEN_TOKENS"
  BENCH_TOKENS=$work/warmup run_wrk "open-warmup" "$connections" "$OPEN_LIMIT" open.lua "$url" >/dev/null
  BENCH_TOKENS=$work/open run_wrk "open" "$connections" "$OPEN_LIMIT" open.lua "$url"
done

BENCH_TOKEN=$(client_token "$CLIENT_ID" "$CLIENT_SECRET" read "$CLIENT_HOST")
export BENCH_TOKEN
first=$(curl -sS --max-time 10 -X POST -H "Authorization: Bearer $BENCH_TOKEN" "$url")
log "# touch token's session: $(jq -c '{licensesInUse, licenseLimit}' <<<"$first" 2>/dev/null || echo "$first")"
for connections in $CONNECTIONS; do
  run_wrk "touch-warmup" "$connections" "$WARMUP" touch.lua "$url" >/dev/null
  run_wrk "touch" "$connections" "$DURATION" touch.lua "$url"
done
echo "results: $RESULTS_FILE"
