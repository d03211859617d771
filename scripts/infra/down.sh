#!/usr/bin/env bash
# Stops what scripts/infra started (never a server named by DATABASE_URL or KAFKA_BROKERS). Logs stay in .data/infra/logs.
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/kafka.sh" stop
bash "$here/postgres.sh" stop
rm -f "${TRIALMATCH_INFRA_DIR:-$here/../../.data/infra}/env"
