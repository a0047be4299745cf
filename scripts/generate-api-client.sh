#!/usr/bin/env bash
# Regenerates the C# client of the OpenAPI document with Kiota (pinned in .config/dotnet-tools.json).
# Usage: scripts/generate-api-client.sh [output folder]  (default: the committed copy the client tests compile).
# The test GeneratedClientTests runs this into a temporary folder and compares it with the committed copy.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-tests/UmkmCredit.ApiClient.Tests/Generated}"
export KIOTA_CLI_TELEMETRY_OPTOUT=true
dotnet tool run kiota generate --language CSharp --openapi src/UmkmCredit.Api/openapi.json --output "$out" \
  --class-name UmkmCreditClient --namespace-name UmkmCredit.ApiClient --exclude-backward-compatible \
  --clean-output --log-level Error
rm -f "$out/.kiota.log"
