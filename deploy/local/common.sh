# Shared by up.sh and down.sh: where the platform's local state lives and which services it runs.
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STATE_DIR=${PLATFORM_STATE_DIR:-$ROOT/.local}
LOG_DIR=$STATE_DIR/logs
PID_DIR=$STATE_DIR/pids

SERVICES=(identity-service registry-service session-service)

IDENTITY_PORT=${IDENTITY_PORT:-8080}
REGISTRY_PORT=${REGISTRY_PORT:-8081}
SESSION_PORT=${SESSION_PORT:-8082}
DB_HOST=${DB_HOST:-localhost}
DB_PORT=${DB_PORT:-5432}
REDIS_HOST=${REDIS_HOST:-localhost}
REDIS_PORT=${REDIS_PORT:-6379}

port_of() {
  case "$1" in
    identity-service) echo "$IDENTITY_PORT" ;;
    registry-service) echo "$REGISTRY_PORT" ;;
    session-service) echo "$SESSION_PORT" ;;
  esac
}

# Whether something accepts TCP connections at host:port.
reachable() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# Whether the pid file names a live process that this platform started (its command line says so).
ours() {
  local pid_file=$PID_DIR/$1.pid pid
  [ -f "$pid_file" ] || return 1
  pid=$(cat "$pid_file")
  [ -r "/proc/$pid/cmdline" ] || return 1
  # Read whole, then match: a pipe into `grep -q` can end tr with SIGPIPE, which pipefail reports.
  local command
  command=$(tr '\0' ' ' <"/proc/$pid/cmdline")
  [[ $command == *"$2"* ]]
}
