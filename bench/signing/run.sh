#!/usr/bin/env bash
# Builds the JMH project with the repository's Maven wrapper and runs it: one thread (one core) a benchmark,
# 2 forks x (2 warm-up + 3 measured iterations of 5 s), about 8 minutes in all. Extra arguments go to JMH
# (for a quick look: run.sh -f 1 -wi 0 -i 1 -r 1s). The table goes to stdout and to ../results/.
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
echo "written: $out"
