#!/usr/bin/env bash
# Builds and lints every .bicep and .bicepparam file under infra-bicep/ offline with the Bicep CLI that
# install-tools.sh put in .ci/bin, and checks that azd's main.parameters.json is valid JSON. Fails on any error, and on
# any warning or info in the output (bicep lint exits 0 on warnings).
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
count=0

run() {
  local label="$1"; shift
  local log="$out/$label.log"
  count=$((count + 1))
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

# Work on a copy: `build --pattern` writes each template's JSON next to its source.
cp -r "$root/infra-bicep" "$out/infra"
cd "$out/infra"
files=$(find . -name '*.bicep' -o -name '*.bicepparam' | wc -l)
run build build --pattern '**/*.bicep'
run build-params build-params --pattern '**/*.bicepparam'
run lint lint --pattern '**/*.bicep'
run lint-params lint --pattern '**/*.bicepparam'

if ! python3 -m json.tool main.parameters.json >/dev/null; then
  echo "FAIL: infra-bicep/main.parameters.json is not valid JSON" >&2
  status=1
fi

if [ "$status" -eq 0 ]; then
  echo "bicep: $files files built and linted clean in $count runs ($("$bicep" --version))"
fi
exit "$status"
