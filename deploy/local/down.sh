#!/usr/bin/env bash
# Stops exactly the processes up.sh started (the services, then any embedded stores) and nothing else.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

stop() {
  local name=$1 marker=$2 pid
  if ! ours "$name" "$marker"; then
    rm -f "$PID_DIR/$name.pid"
    return
  fi
  pid=$(cat "$PID_DIR/$name.pid")
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 40); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid" 2>/dev/null
  fi
  rm -f "$PID_DIR/$name.pid"
  echo "stopped $name (pid $pid)"
}

for service in "${SERVICES[@]}"; do
  stop "$service" quarkus-run.jar
done
stop postgres LocalStores
stop redis LocalStores
