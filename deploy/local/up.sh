#!/usr/bin/env bash
# Builds what is stale, makes sure PostgreSQL and Redis answer (starting private embedded ones where
# nothing listens), starts the three services in the background and waits until all are ready.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
mkdir -p "$LOG_DIR" "$PID_DIR"

export QUARKUS_PROFILE=${QUARKUS_PROFILE:-dev}
export IDENTITY_PORT REGISTRY_PORT SESSION_PORT DB_HOST DB_PORT REDIS_HOST REDIS_PORT
export IDENTITY_URL=${IDENTITY_URL:-http://localhost:$IDENTITY_PORT}
export REGISTRY_URL=${REGISTRY_URL:-http://localhost:$REGISTRY_PORT}
export SESSION_URL=${SESSION_URL:-http://localhost:$SESSION_PORT}

build_if_stale() {
  local stale=no jar
  for service in "${SERVICES[@]}"; do
    jar=$service/target/quarkus-app/quarkus-run.jar
    if [ ! -f "$jar" ] || [ -n "$(find pom.xml ./*/pom.xml ./*/src/main -newer "$jar" -print -quit)" ]; then
      stale=yes
    fi
  done
  if [ ! -f test-fixtures/target/stores.classpath ]; then
    stale=yes
  fi
  if [ "$stale" = yes ]; then
    echo "building (log: $LOG_DIR/build.log) ..."
    ./mvnw -B -DskipTests install >"$LOG_DIR/build.log" 2>&1 || { tail -40 "$LOG_DIR/build.log"; exit 1; }
    ./mvnw -B -q -pl test-fixtures dependency:build-classpath \
      -Dmdep.outputFile=target/stores.classpath >>"$LOG_DIR/build.log" 2>&1
  fi
}

# Starts an embedded store on the local port when nothing listens there.
ensure_store() {
  local store=$1 host=$2 port=$3
  if reachable "$host" "$port"; then
    echo "$store: using the one at $host:$port"
    return
  fi
  case "$host" in
    localhost|127.0.0.1) ;;
    *) echo "$store: nothing answers at $host:$port, and an embedded one can only run here" >&2; exit 1 ;;
  esac
  echo "$store: nothing answers at $host:$port; starting an embedded one (log: $LOG_DIR/$store.log)"
  nohup java -cp "test-fixtures/target/classes:$(cat test-fixtures/target/stores.classpath)" \
    net.erp.fixtures.LocalStores "$store" "$port" "$STATE_DIR/$store-data" >"$LOG_DIR/$store.log" 2>&1 &
  echo $! >"$PID_DIR/$store.pid"
  for _ in $(seq 1 120); do
    reachable "$host" "$port" && return
    sleep 0.5
  done
  echo "$store: the embedded one did not start; see $LOG_DIR/$store.log" >&2
  exit 1
}

start_service() {
  local service=$1
  if ours "$service" quarkus-run.jar; then
    echo "$service: already running (pid $(cat "$PID_DIR/$service.pid"))"
    return
  fi
  if reachable localhost "$(port_of "$service")"; then
    echo "$service: port $(port_of "$service") is taken by another process" >&2
    exit 1
  fi
  nohup java ${JAVA_OPTS:-} -jar "$service/target/quarkus-app/quarkus-run.jar" >"$LOG_DIR/$service.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$PID_DIR/$service.pid"
  # Until it execs java the child is a copy of this shell, whose command line does not name the jar: wait for
  # the exec, so that the readiness loop does not take the service for one that exited.
  for _ in $(seq 50); do
    ours "$service" quarkus-run.jar || ! kill -0 "$pid" 2>/dev/null && return
    sleep 0.1
  done
}

ready() {
  curl -fsS "http://localhost:$(port_of "$1")/q/health/ready" 2>/dev/null | grep -q '"status": *"UP"'
}

wait_until_ready() {
  local deadline=$((SECONDS + ${UP_TIMEOUT_SECONDS:-150})) pending
  while :; do
    pending=()
    for service in "${SERVICES[@]}"; do
      ours "$service" quarkus-run.jar || { echo "$service exited; see $LOG_DIR/$service.log" >&2; exit 1; }
      ready "$service" || pending+=("$service")
    done
    [ ${#pending[@]} -eq 0 ] && return
    if [ $SECONDS -ge $deadline ]; then
      echo "not ready in time: ${pending[*]}; see $LOG_DIR" >&2
      exit 1
    fi
    sleep 1
  done
}

build_if_stale
ensure_store postgres "$DB_HOST" "$DB_PORT"
ensure_store redis "$REDIS_HOST" "$REDIS_PORT"
for service in "${SERVICES[@]}"; do
  start_service "$service"
done
wait_until_ready

cat <<INFO

The platform is ready (profile $QUARKUS_PROFILE, logs in $LOG_DIR):
  identity-service  http://localhost:$IDENTITY_PORT   discovery: http://localhost:$IDENTITY_PORT/id/.well-known/openid-configuration
  registry-service  http://localhost:$REGISTRY_PORT   API: http://localhost:$REGISTRY_PORT/q/openapi
  session-service   http://localhost:$SESSION_PORT   API: http://localhost:$SESSION_PORT/q/openapi
Development operator (dev profile only; set BOOTSTRAP_ADMIN_CLIENT_ID/SECRET to change):
  client_id=${BOOTSTRAP_ADMIN_CLIENT_ID:-operator}  client_secret=${BOOTSTRAP_ADMIN_CLIENT_SECRET:-dev-operator-secret-change-me}
Stop it with deploy/local/down.sh
INFO
