#!/usr/bin/env bash
# Apache Kafka for tests and local runs: uses KAFKA_BROKERS when it points at a running broker;
# otherwise resolves the broker from Maven Central (deploy/kafka/pom.xml, cached in ~/.m2) and runs a
# single KRaft node (broker+controller) on free local ports with Java 17. Topics are always created
# explicitly from libs/contracts (auto-create is off).
#   kafka.sh start   prints `export KAFKA_BROKERS=...` on stdout (idempotent)
#   kafka.sh stop    stops the broker and deletes its data if this script started it (idempotent)
#   kafka.sh crash-restart [SECONDS]   kill -9 the broker this script started, start it again on its data after SECONDS (10)
#   kafka.sh classpath   prints the Java classpath of the broker and kafka-tools (ProducerPerformance, for bench:e2e)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
KSTATE="$STATE/kafka"
POM="$ROOT/deploy/kafka/pom.xml"

admin() { ts_node scripts/infra/kafka-admin.ts "$@"; }

java_ok() {
  command -v java >/dev/null 2>&1 || return 1
  local v; v=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  [ -n "$v" ] && [ "$v" -ge 17 ]
}

classpath() {
  local hash; hash=$(sha256sum "$POM" | cut -c1-16)
  local cache="$STATE/kafka-classpath-$hash"
  if [ ! -s "$cache" ]; then
    command -v mvn >/dev/null 2>&1 || apt_install maven
    say "resolving Kafka from Maven Central (cached in ~/.m2)"
    mvn -q -B -f "$POM" dependency:build-classpath -Dmdep.outputFile="$cache.tmp" >"$LOGS/mvn.log" 2>&1 || { tail -30 "$LOGS/mvn.log" >&2; die "mvn could not resolve Kafka"; }
    mv "$cache.tmp" "$cache"
  fi
  cat "$cache"
}

JVM=(-Xms256m -Xmx1g -Djava.awt.headless=true "-Dlog4j.configuration=file:$KSTATE/log4j.properties")

# Runs the broker of $KSTATE (configured and formatted) in the background; its pid in $KSTATE/pid.
launch() {
  nohup java "${JVM[@]}" -cp "$1" kafka.Kafka "$KSTATE/server.properties" >>"$LOGS/kafka.out" 2>&1 &
  echo $! >"$KSTATE/pid"
}

# For the reliability suite: kill -9 the broker this script started, wait, start it again on its data.
crash_restart() {
  local seconds="${1:-10}"
  [ -f "$KSTATE/pid" ] && [ -f "$KSTATE/brokers" ] || die "no Kafka broker started by this script"
  say "killing the Kafka broker (kill -9)"
  kill -9 "$(cat "$KSTATE/pid")" 2>/dev/null || true
  sleep "$seconds"
  say "starting the Kafka broker again"
  launch "$(classpath)"
  KAFKA_BROKERS="$(cat "$KSTATE/brokers")" admin ready 120 || { tail -40 "$LOGS/kafka.out" >&2; die "Kafka did not come back"; }
}

start() {
  if [ -n "${KAFKA_BROKERS:-}" ]; then
    say "using the Kafka broker(s) named by KAFKA_BROKERS"
    KAFKA_BROKERS="$KAFKA_BROKERS" admin ready 20 || die "KAFKA_BROKERS is set but no broker answers"
    KAFKA_BROKERS="$KAFKA_BROKERS" admin create-topics >&2
    echo "export KAFKA_BROKERS='$KAFKA_BROKERS'"
    return 0
  fi
  if [ -f "$KSTATE/pid" ] && kill -0 "$(cat "$KSTATE/pid")" 2>/dev/null; then
    local b; b=$(cat "$KSTATE/brokers")
    say "reusing the local Kafka broker ($b)"
    KAFKA_BROKERS="$b" admin create-topics >&2
    echo "export KAFKA_BROKERS='$b'"
    return 0
  fi
  java_ok || apt_install openjdk-17-jre-headless
  java_ok || die "Java 17 or newer is needed for Kafka"
  local cp; cp=$(classpath)
  rm -rf "$KSTATE"; mkdir -p "$KSTATE/data"
  local port cport; port=$(free_port); cport=$(free_port)
  while [ "$cport" = "$port" ]; do cport=$(free_port); done
  cat >"$KSTATE/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KSTATE/data
num.partitions=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.retention.hours=24
PROPS
  cat >"$KSTATE/log4j.properties" <<PROPS
log4j.rootLogger=WARN, file
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=WARN
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=$LOGS/kafka.log
log4j.appender.file.Append=false
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
PROPS
  local cid; cid=$(java "${JVM[@]}" -cp "$cp" kafka.tools.StorageTool random-uuid 2>>"$LOGS/kafka-storage.log" | tail -1)
  java "${JVM[@]}" -cp "$cp" kafka.tools.StorageTool format -t "$cid" -c "$KSTATE/server.properties" >>"$LOGS/kafka-storage.log" 2>&1 \
    || { tail -20 "$LOGS/kafka-storage.log" >&2; die "formatting Kafka storage failed"; }
  say "starting Kafka (KRaft) on 127.0.0.1:$port"
  launch "$cp"
  local b="127.0.0.1:$port"
  echo "$b" >"$KSTATE/brokers"
  if ! KAFKA_BROKERS="$b" admin ready 120; then
    tail -40 "$LOGS/kafka.out" "$LOGS/kafka.log" >&2 || true
    stop >/dev/null 2>&1 || true
    die "Kafka did not become ready"
  fi
  KAFKA_BROKERS="$b" admin create-topics >&2
  echo "export KAFKA_BROKERS='$b'"
  echo "export TRIALMATCH_STARTED_KAFKA=1"
}

stop() {
  [ -f "$KSTATE/pid" ] || { say "no local Kafka broker to stop"; return 0; }
  local pid; pid=$(cat "$KSTATE/pid")
  if kill -0 "$pid" 2>/dev/null; then
    say "stopping Kafka"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$KSTATE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  crash-restart) crash_restart "${2:-10}" ;;
  classpath) classpath ;;
  *) echo "usage: $0 start|stop|crash-restart [SECONDS]|classpath" >&2; exit 2 ;;
esac
