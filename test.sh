#!/usr/bin/env bash
# The one test command (README, CI): installs what the tests need, then runs every test project.
#   - Debian packages: chromium (browser tests) and fonts-noto-cjk (Chinese text in screenshots),
#     only when missing; node/npm if the machine has none.
#   - npm packages in tests/: smtp-server (the real SMTP server) and axe-core.
#   - dotnet-ef (local tool), to prove neither migration set lags the model.
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter FullyQualifiedName~Health
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v chromium >/dev/null 2>&1 || [ -x "${CHROMIUM_PATH:-/nonexistent}" ] || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
{ command -v fc-list >/dev/null 2>&1 && fc-list | grep -qi "Noto Sans CJK"; } || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

echo "==> npm packages for the tests"
npm ci --prefix tests --no-audit --no-fund --loglevel=error

echo "==> build"
dotnet tool restore >/dev/null
dotnet build HanZhao.Recruit.sln -c Debug -warnaserror --nologo -v quiet

echo "==> migrations match the model (both providers)"
for provider in Sqlite SqlServer; do
  dotnet ef migrations has-pending-model-changes --no-build \
    --project "migrations/HanZhao.Recruit.Migrations.$provider"
done

echo "==> tests"
log=$(mktemp)
status=0
dotnet test HanZhao.Recruit.sln --no-build -c Debug --nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?
# One closing line over all test projects.
awk '/^ +Passed: [0-9]+$/ { p += $2 } /^ +Failed: [0-9]+$/ { f += $2 } /^ +Skipped: [0-9]+$/ { s += $2 }
     END { printf "Total: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
