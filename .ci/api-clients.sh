#!/usr/bin/env bash
# Runs .ci/api-clients.py: boto3 and the AWS CLI (when on PATH) drive `asl serve` from the Release build through a whole
# workflow. Writes "<passed> <failed>" to the file named by $1 for .ci/run's closing total.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out=${1:-/dev/null}
asl="$root/src/AslOnDurable.Cli/bin/Release/net10.0/asl.dll"
if ! python3 -c "import boto3" 2>/dev/null; then
  echo "api clients: FAIL: python3 has no boto3"; echo "0 1" > "$out"; exit 1
fi
[ -f "$asl" ] || { echo "api clients: FAIL: $asl not built"; echo "0 1" > "$out"; exit 1; }
python3 "$root/.ci/api-clients.py" --asl "$asl" --counts "$out"
