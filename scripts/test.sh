#!/usr/bin/env bash
# `npm test`: static checks, unit tests, then integration and cross-service tests against a real
# PostgreSQL server and a real Kafka broker. Starts whichever of the two is not named by DATABASE_URL /
# KAFKA_BROKERS (and stops what it started); keeps their logs in .data/infra/logs for failure reports.
set -euo pipefail
cd "$(dirname "$0")/.."
export KAFKAJS_NO_PARTITIONER_WARNING=1

step() { printf '\n== %s\n' "$*"; }

step "lint (includes the libs/core boundary rule)"
npx eslint .
step "typecheck (services and the web app)"
npx tsc -p tsconfig.json --noEmit
npx tsc -p apps/web/tsconfig.json
step "build the web app"
npm run build:web
step "unit tests"
npx jest --selectProjects unit

step "real infrastructure"
cleanup() {
  status=$?
  if [ "$status" -ne 0 ]; then
    echo "== tests failed; last infrastructure log lines (full logs in .data/infra/logs):" >&2
    for f in .data/infra/logs/postgres.log .data/infra/logs/kafka.log; do [ -f "$f" ] && { echo "--- $f" >&2; tail -20 "$f" >&2; }; done
  fi
  # Stop only what this run started; servers found running (or named by env) are left alone.
  if [ "${KEEP_INFRA:-}" != "1" ]; then
    [ "${TRIALMATCH_STARTED_KAFKA:-}" = 1 ] && bash scripts/infra/kafka.sh stop >&2 || true
    [ "${TRIALMATCH_STARTED_POSTGRES:-}" = 1 ] && bash scripts/infra/postgres.sh stop >&2 || true
  fi
  exit "$status"
}
trap cleanup EXIT
unset TRIALMATCH_STARTED_KAFKA TRIALMATCH_STARTED_POSTGRES
. scripts/infra/up.sh

step "integration and cross-service tests (real PostgreSQL and Kafka)"
# PGlite (embedded mode) loads its WASM with a dynamic import, which jest's VM allows only with this flag.
NODE_OPTIONS="--experimental-vm-modules --disable-warning=ExperimentalWarning" npx jest --selectProjects integration --runInBand

step "reliability suite, short profile (services as processes, killed and restarted; npm run test:faults runs the full one)"
FAULTS_PROFILE=ci npx jest --selectProjects faults --runInBand
