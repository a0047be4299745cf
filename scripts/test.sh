#!/usr/bin/env bash
# Installs what the tests need (if missing), runs every test, prints "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v qpdf >/dev/null 2>&1 || need_apt+=(qpdf)
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)
python3 -c "import aiosmtpd" >/dev/null 2>&1 || /usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1 || need_apt+=(python3-aiosmtpd)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null && $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
{ [ -x node_modules/.bin/azurite ] && [ -x node_modules/.bin/redocly ]; } || npm ci --no-audit --no-fund --loglevel=error
dotnet tool restore >/dev/null  # Kiota (.config/dotnet-tools.json), for the generated-client check

results="$(pwd)/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
dotnet build UmkmCredit.sln -c Debug -nologo -clp:ErrorsOnly
build=$?
if [ $build -ne 0 ]; then
  echo "build failed"
  echo "tests: 0 passed, 1 failed"
  exit 1
fi
dotnet test UmkmCredit.sln --no-build -nologo --logger "trx" --results-directory "$results" -- RunConfiguration.TestSessionTimeout=3000000 RunConfiguration.MaxCpuCount=1
status=$?

passed=0; failed=0
for f in "$results"/*.trx; do
  [ -f "$f" ] || continue
  p=$(grep -o '<Counters [^>]*' "$f" | grep -o 'passed="[0-9]*"' | grep -o '[0-9]*' || echo 0)
  x=$(grep -o '<Counters [^>]*' "$f" | grep -o 'failed="[0-9]*"' | grep -o '[0-9]*' || echo 0)
  passed=$((passed + ${p:-0})); failed=$((failed + ${x:-0}))
done
if [ $status -ne 0 ] && [ $failed -eq 0 ]; then failed=1; fi
echo "tests: ${passed} passed, ${failed} failed"
[ $failed -eq 0 ]
