#!/usr/bin/env bash
# Builds the JMH project with the repository's Maven wrapper and runs it: one thread (one core) a benchmark,
# 2 forks x (2 warm-up + 3 measured iterations of 5 s), about 12 minutes in all. Extra arguments go to JMH
# (for a quick look: run.sh -f 1 -wi 0 -i 1 -r 1s). The table, and each benchmark's signatures per CPU second,
# go to stdout and to ../results/.
set -euo pipefail
cd "$(dirname "$0")"

../../mvnw -B -q package
mkdir -p ../results
out=../results/signing-$(date -u +%Y%m%dT%H%M%SZ).txt
{
  echo "# $(date -u +%FT%TZ)  load: $(cut -d' ' -f1-3 /proc/loadavg)  nproc: $(nproc)"
  echo "# $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "# $(java -version 2>&1 | head -1)"
} >"$out"
# The results are committed: the JVM's install path ("VM invoker") stays out of them.
timeout 1200 java -jar target/benchmarks.jar "$@" 2>&1 | grep --line-buffered -v '^# VM invoker:' | tee -a "$out"
echo "# finished $(date -u +%FT%TZ)  load: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out"
# The median of the measured iterations' CPU-RATE lines: one core's signing rate, whatever else ran.
{
  echo
  echo "Signatures per CPU second of the benchmark thread (median of the measured iterations):"
  grep '^CPU-RATE' "$out" | awk '{ print $2, $3, $4, $5 }' | sort -k1,3 -k4,4n | awk '
    { key = $1 " " $2 " " $3; values[key] = values[key] " " $4; count[key]++ }
    END { for (key in values) { n = split(substr(values[key], 2), v, " ");
          printf "MEDIAN-CPU-RATE %-40s %8d\n", key, (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 } }' \
    | sort
} | tee -a "$out"
echo "written: $out"
