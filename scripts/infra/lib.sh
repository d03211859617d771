# Shared helpers for the infrastructure scripts. Sourced, not run.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE="${TRIALMATCH_INFRA_DIR:-$ROOT/.data/infra}"
LOGS="$STATE/logs"
mkdir -p "$STATE" "$LOGS"

say() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] ERROR: %s\n' "$*" >&2; return 1; }

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

is_root() { [ "$(id -u)" = 0 ]; }

apt_install() {
  is_root || die "need root to install $* (or point the environment variables at running services)" || return 1
  if [ ! -f "$STATE/.apt-updated" ]; then
    say "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$LOGS/apt.log" 2>&1 || { tail -20 "$LOGS/apt.log" >&2; return 1; }
    touch "$STATE/.apt-updated"
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >>"$LOGS/apt.log" 2>&1 || { tail -20 "$LOGS/apt.log" >&2; return 1; }
}

# wait_for DESCRIPTION TIMEOUT_SECONDS COMMAND...: retries COMMAND every second until it succeeds.
wait_for() {
  local what="$1" timeout="$2"; shift 2
  local start; start=$(date +%s)
  until "$@" >/dev/null 2>&1; do
    if [ $(( $(date +%s) - start )) -ge "$timeout" ]; then die "timed out after ${timeout}s waiting for $what"; return 1; fi
    sleep 1
  done
}

ts_node() { (cd "$ROOT" && node -r ts-node/register/transpile-only -r tsconfig-paths/register "$@"); }
