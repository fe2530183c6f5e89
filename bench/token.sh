#!/usr/bin/env bash
# Client-credentials tokens per second with p50/p99 latency at POST /id/connect/token, client_secret_basic,
# at 16 and 64 connections (CONNECTIONS to change): each count gets a WARMUP run, then a DURATION run that
# counts. Needs the platform up (deploy/local/up.sh); base URLs from IDENTITY_URL and REGISTRY_URL.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
CONNECTIONS=${CONNECTIONS:-16 64}

require_loopback
start_results token
operator_token
trap clean_up EXIT
choose_client

url=$IDENTITY_URL/id/connect/token
for connections in $CONNECTIONS; do
  run_wrk "token-warmup" "$connections" "$WARMUP" token.lua "$url" >/dev/null
  run_wrk "token" "$connections" "$DURATION" token.lua "$url"
done
echo "results: $RESULTS_FILE"
