#!/usr/bin/env bash
# Installs what CI needs beyond the .NET SDK and Node/npm, inside the repository (nothing global):
#   .ci/bin/bicep                   Bicep CLI, from NuGet Azure.Bicep.CommandLine.linux-x64 (version in .ci/tools/tools.csproj)
#   .ci/node_modules/.bin/azurite   Azurite, from npm (version in .ci/package.json, locked in .ci/package-lock.json)
#   /usr/bin/aws                    the AWS CLI v2 (Debian package awscli), for .ci/api-clients.py; installed only
#                                   when missing and this runs as root with apt-get (CI), otherwise left alone
#   /usr/bin/chromium               Chromium (Debian package chromium) for the console's browser tests, same rule
#   src/AslOnDurable.WebConsole/web/node_modules, tests/console-e2e/node_modules
#                                   the console's build tools (esbuild, dagre) and playwright-core, by npm ci
# Idempotent; safe to run again. Runtime tests find Azurite here (or via $AZURITE_PATH / PATH).
set -euo pipefail
ci_dir="$(cd "$(dirname "$0")" && pwd)"
cd "$ci_dir"

echo "-- bicep (NuGet)"
dotnet restore tools/tools.csproj --nologo -v quiet
packages="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')"
version="$(sed -n 's/.*"Azure\.Bicep\.CommandLine\.linux-x64" Version="\[\([^]]*\)\]".*/\1/p' tools/tools.csproj)"
bicep_src="${packages%/}/azure.bicep.commandline.linux-x64/${version}/tools/bicep"
if [ ! -f "$bicep_src" ]; then
  echo "bicep binary not found at $bicep_src" >&2
  exit 1
fi
mkdir -p bin
cp -f "$bicep_src" bin/bicep
chmod +x bin/bicep
echo "bicep: $(bin/bicep --version)"

echo "-- azurite (npm)"
wanted="$(node -p "require('./package.json').dependencies.azurite")"
if [ -x node_modules/.bin/azurite ] && [ "$(node_modules/.bin/azurite --version)" = "$wanted" ]; then
  echo "already installed"
elif [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
else
  npm install --no-audit --no-fund --loglevel=error
fi
if [ ! -x node_modules/.bin/azurite ]; then
  # Seen once: npm finished without linking the azurite command (only azurite-blob/-queue/-table); install afresh once.
  echo "node_modules/.bin/azurite missing after npm; installing again"
  rm -rf node_modules
  npm ci --no-audit --no-fund --loglevel=error
fi
if [ ! -x node_modules/.bin/azurite ]; then
  echo "azurite: NOT INSTALLED (npm did not link .ci/node_modules/.bin/azurite); the Runtime tests need it" >&2
  exit 1
fi
echo "azurite: $(node_modules/.bin/azurite --version)"

echo "-- aws cli (Debian awscli)"
if [ -x /usr/bin/aws ]; then
  echo "aws: $(/usr/bin/aws --version 2>&1)"
elif [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq awscli >/dev/null
  echo "aws: $(/usr/bin/aws --version 2>&1)"
else
  echo "aws: not installed (needs root and apt-get); the AWS CLI part of .ci/api-clients.py is skipped"
fi

echo "-- chromium (Debian chromium, for the console's browser tests)"
if [ -x /usr/bin/chromium ]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null)"
elif [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null)"
else
  echo "chromium: not installed (needs root and apt-get); the console's browser tests will fail"
fi

echo "-- web console packages (npm ci)"
for dir in ../src/AslOnDurable.WebConsole/web ../tests/console-e2e; do
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
done
