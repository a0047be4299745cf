#!/usr/bin/env bash
# Installs what is missing, starts Azurite on loopback (data in .azurite/) and runs the standalone server
# on http://localhost:7071 with its embedded defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund --loglevel=error
mkdir -p .azurite
if ! (exec 3<>/dev/tcp/127.0.0.1/10000) 2>/dev/null; then
  npx --no-install azurite --silent --loose --skipApiVersionCheck --location .azurite \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 > .azurite/azurite.log 2>&1 &
  AZURITE_PID=$!
  trap 'kill $AZURITE_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 50); do (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null && break; sleep 0.2; done
fi
# A local run: Development generates Links:SigningKey and Admin:ApiKey into .data/secrets/ on first start.
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export Notifications__PickupDirectory="${Notifications__PickupDirectory:-$(pwd)/.data/outbox}"
dotnet run -c Release --project src/UmkmCredit.Server
