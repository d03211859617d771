#!/usr/bin/env bash
# Client tools the tests use, installed from Debian when missing (as root): kcat (an independent Kafka
# client for the identifier scan) and chromium (the web app's end-to-end tests, driven by playwright-core).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
missing=()
command -v kcat >/dev/null 2>&1 || missing+=(kcat)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}" || die "the tests need ${missing[*]} (apt-get install ${missing[*]})"
