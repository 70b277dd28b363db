#!/usr/bin/env bash
# Builds and lints infra-bicep/main.bicep (and its parameters file) offline with the Bicep CLI that
# install-tools.sh put in .ci/bin. Fails on any error, and on any warning or info in the lint output
# (bicep lint exits 0 on warnings).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bicep="${BICEP:-$root/.ci/bin/bicep}"
if [ ! -x "$bicep" ]; then
  echo "bicep not found at $bicep: run bash .ci/install-tools.sh" >&2
  exit 1
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
status=0

run() {
  local label="$1"; shift
  local log="$out/$label.log"
  if ! "$bicep" "$@" >"$log" 2>&1; then
    echo "FAIL: bicep $*" >&2
    status=1
  fi
  # bicep prints diagnostics as "path(line,col) : Error|Warning|Info CODE: message".
  if grep -Eq ' : (Error|Warning|Info) ' "$log"; then
    echo "FAIL: bicep $* reported diagnostics:" >&2
    status=1
  fi
  cat "$log"
}

run build-main build "$root/infra-bicep/main.bicep" --outdir "$out"
run build-params build-params "$root/infra-bicep/main.bicepparam" --outfile "$out/main.parameters.json"
run lint-main lint "$root/infra-bicep/main.bicep"
run lint-params lint "$root/infra-bicep/main.bicepparam"

if [ "$status" -eq 0 ]; then
  echo "bicep: build and lint clean ($("$bicep" --version))"
fi
exit "$status"
