#!/usr/bin/env bash
# Packs `asl` as a .NET tool, installs the package into a temporary tool folder (as `dotnet tool install --global`
# would, without touching the machine) and runs an example with the installed command. Writes
# "<passed> <failed>" (one check) to the file named by $1 for .ci/run's closing total.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out=${1:-/dev/null}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "tool: FAIL: $*"; echo "0 1" > "$out"; exit 1; }

version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/src/AslOnDurable.Cli/AslOnDurable.Cli.csproj" | head -n 1)
dotnet pack "$root/src/AslOnDurable.Cli" -c Release --no-build -o "$work/packages" --nologo -v quiet \
  || fail "dotnet pack"
[ -f "$work/packages/AslOnDurable.Cli.$version.nupkg" ] || fail "no AslOnDurable.Cli.$version.nupkg"
dotnet tool install AslOnDurable.Cli --version "$version" --tool-path "$work/tools" --add-source "$work/packages" \
  > "$work/install.log" 2>&1 || { cat "$work/install.log"; fail "dotnet tool install"; }

start=$(date +%s%N)
output=$("$work/tools/asl" run "$root/examples/hello-world.asl.json" --input "@$root/examples/hello-world.input.json" --format json) \
  || fail "asl run exited $?"
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "$output" | grep -q '"status":"SUCCEEDED"' || fail "unexpected output: $output"
echo "tool: installed asl $version, hello-world SUCCEEDED in ${elapsed_ms} ms (whole process, first run)"
echo "1 0" > "$out"
