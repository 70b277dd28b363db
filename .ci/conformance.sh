#!/usr/bin/env bash
# Conformance gates: runs the shared suites (when ../shared is present, as in CI) through the Release CLI and
# fails when a score drops below its floor in .ci/conformance-floors. Prints one "gate:" line per suite and
# writes "<passed-gates> <failed-gates>" to the file named by $1 (for .ci/run's closing total).
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:-/dev/null}
shared=../shared
cli="dotnet src/AslOnDurable.Cli/bin/Release/net10.0/asl.dll"
gates_passed=0
gates_failed=0

floor() { awk -v k="$1" '$1 == k { print $2 }' .ci/conformance-floors; }

gate() { # name, floor, log
  local name=$1 min=$2 log=$3 line passed failed
  line=$(grep -E '^[a-z]+: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
  passed=$(echo "$line" | awk '{print $2}')
  failed=$(echo "$line" | awk '{print $4}')
  if [ -z "$passed" ]; then
    echo "gate: $name did not report a score"; gates_failed=$((gates_failed + 1)); return
  fi
  if [ "$passed" -ge "$min" ]; then
    echo "gate: $name $passed passed (floor $min), $failed failed: ok"; gates_passed=$((gates_passed + 1))
  else
    echo "gate: $name $passed passed, below the floor of $min"; gates_failed=$((gates_failed + 1))
  fi
}

if [ ! -d "$shared/conformance" ]; then
  echo "gate: ../shared/conformance not found beside the repository; conformance skipped"
  echo "0 0" > "$out"
  exit 0
fi

log=$(mktemp)
python3 "$shared/conformance/localstack/run.py" --cmd "$cli" --query-language JSONPath --jobs 2 --timeout 120 --list-failures > "$log" 2>&1
grep -E "^(FAIL|  )" "$log" | head -n 40; tail -n 2 "$log"
gate localstack-jsonpath "$(floor localstack-jsonpath)" "$log"

if [ -n "$(floor localstack-jsonata)" ]; then
  python3 "$shared/conformance/localstack/run.py" --cmd "$cli" --query-language JSONata --jobs 2 --timeout 120 --list-failures > "$log" 2>&1
  grep -E "^(FAIL|  )" "$log" | head -n 40; tail -n 2 "$log"
  gate localstack-jsonata "$(floor localstack-jsonata)" "$log"
fi

if [ -n "$(floor localstack-express)" ]; then
  python3 "$shared/conformance/localstack/run.py" --cmd "$cli" --args=--express --jobs 2 --timeout 120 --list-failures > "$log" 2>&1
  grep -E "^(FAIL|  )" "$log" | head -n 40; tail -n 2 "$log"
  gate localstack-express "$(floor localstack-express)" "$log"
fi

if [ -n "$(floor jsonata)" ]; then
  python3 "$shared/conformance/jsonata/run.py" --cmd "$cli jsonata --jsonl" \
    --exclude-file "$shared/conformance/jsonata/since-v2.0.6.txt" > "$log" 2>&1
  grep -E "^(FAIL|  )" "$log" | head -n 40; tail -n 2 "$log"
  gate jsonata "$(floor jsonata)" "$log"
fi
rm -f "$log"

echo "$gates_passed $gates_failed" > "$out"
[ "$gates_failed" -eq 0 ]
