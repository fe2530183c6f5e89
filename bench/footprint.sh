#!/usr/bin/env bash
# Start-up time (Quarkus's "started in" line of each service log), resident memory (ps -o rss) of each
# service process, and the signing provider identity-service chose. Run it after the load runs, against the
# platform that deploy/local/up.sh started; PLATFORM_STATE_DIR as for up.sh (default: the repository's .local).
set -euo pipefail
bench_dir=$(cd "$(dirname "$0")" && pwd)
state_dir=${PLATFORM_STATE_DIR:-$bench_dir/../.local}
mkdir -p "$bench_dir/results"
out=$bench_dir/results/footprint-$(date -u +%Y%m%dT%H%M%SZ).txt

{
  echo "# footprint at $(date -u +%FT%TZ); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  for service in identity-service registry-service session-service; do
    log=$state_dir/logs/$service.log
    pid=$(cat "$state_dir/pids/$service.pid" 2>/dev/null || true)
    started=$(grep -o 'started in [0-9.]*s' "$log" 2>/dev/null | tail -1 || true)
    rss=$( [ -n "$pid" ] && ps -o rss= -p "$pid" 2>/dev/null | tr -d ' ' || true)
    echo "FOOTPRINT $service ${started:-started in ?} rss_kib=${rss:-?} rss_mib=$(( ${rss:-0} / 1024 ))"
  done
  provider=$(grep -o 'signing keys are made and used by .*' "$state_dir/logs/identity-service.log" 2>/dev/null \
    | tail -1 || true)
  echo "PROVIDER ${provider:-no provider line in the identity-service log}"
} | tee "$out"
