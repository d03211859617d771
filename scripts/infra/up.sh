#!/usr/bin/env bash
# Starts (or finds) PostgreSQL and Kafka and writes their addresses to .data/infra/env.
# Source it to get DATABASE_URL and KAFKA_BROKERS in your shell: `. scripts/infra/up.sh`.
_tm_infra="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
_tm_env="${TRIALMATCH_INFRA_DIR:-$_tm_infra/../../.data/infra}/env"
mkdir -p "$(dirname "$_tm_env")"
{ bash "$_tm_infra/tools.sh" && bash "$_tm_infra/postgres.sh" start && bash "$_tm_infra/kafka.sh" start; } >"$_tm_env.tmp" || { rm -f "$_tm_env.tmp"; return 1 2>/dev/null || exit 1; }
mv "$_tm_env.tmp" "$_tm_env"
. "$_tm_env"
echo "[infra] DATABASE_URL=$DATABASE_URL KAFKA_BROKERS=$KAFKA_BROKERS" >&2
