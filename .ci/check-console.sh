#!/usr/bin/env bash
# The web console (asl serve at /), three checks counted for .ci/run's closing total ("<passed> <failed>" to $1):
#   1. the committed bundle (src/AslOnDurable.WebConsole/dist) is what its sources build to (one test);
#   2. the console's module tests (node --test: graph model, history reading, SigV4 against AWS's test suite, API endpoint and auth);
#   3. browser end-to-end tests (tests/console-e2e: playwright-core drives /usr/bin/chromium against asl serve from the
#      Release build); screenshots land in tests/console-e2e/out (or $CONSOLE_SCREENSHOTS).
# npm packages come from the lock files (install-tools.sh runs npm ci in both folders).
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out=${1:-/dev/null}
web="$root/src/AslOnDurable.WebConsole/web"
e2e="$root/tests/console-e2e"
passed=0
failed=0
count_tap() { # file
  local p f
  p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$1" | tail -1)
  f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$1" | tail -1)
  if [ -z "$p" ] || [ -z "$f" ]; then p=0; f=1; fi
  passed=$((passed + p)); failed=$((failed + f))
}

for dir in "$web" "$e2e"; do
  if [ ! -d "$dir/node_modules" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || { echo "console: FAIL: npm ci in $dir"; echo "0 1" > "$out"; exit 1; }
  fi
done

echo "-- bundle up to date"
fresh=$(mktemp -d)
if (cd "$web" && node build.mjs --out "$fresh" >/dev/null) && diff -r "$fresh" "$web/../dist" >/dev/null; then
  echo "console bundle: ok"; passed=$((passed + 1))
else
  echo "console bundle: FAIL: src/AslOnDurable.WebConsole/dist differs from its sources; run 'npm ci && node build.mjs' in $web and commit dist"
  failed=$((failed + 1))
fi
rm -rf "$fresh"

echo "-- console module tests"
tap=$(mktemp)
(cd "$web" && node --test --test-reporter=spec --test-reporter-destination=stdout --test-reporter=tap --test-reporter-destination="$tap" test/)
count_tap "$tap"

echo "-- browser end-to-end tests"
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "console e2e: FAIL: no Chromium at ${CHROMIUM_PATH:-/usr/bin/chromium} (install-tools.sh installs the Debian package as root)"
  failed=$((failed + 1))
elif [ ! -f "$root/src/AslOnDurable.Cli/bin/Release/net10.0/asl.dll" ]; then
  echo "console e2e: FAIL: asl.dll not built (dotnet build -c Release)"
  failed=$((failed + 1))
else
  (cd "$e2e" && node --test --test-reporter=spec --test-reporter-destination=stdout --test-reporter=tap --test-reporter-destination="$tap" console.test.mjs)
  count_tap "$tap"
fi
rm -f "$tap"

echo "console: $passed passed, $failed failed"
echo "$passed $failed" > "$out"
[ "$failed" -eq 0 ]
