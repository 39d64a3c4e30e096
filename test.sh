#!/usr/bin/env bash
# The one test command (README, CI): installs what the tests need, then runs every test project.
#   - Debian packages, each checked by its package status (not by guessing from the PATH):
#     chromium (browser tests), fonts-noto-cjk (Chinese text in screenshots), nodejs and npm when
#     no node is on the PATH (the SMTP test server), nginx (the TLS reverse proxy the
#     reverse-proxy tests start in front of the app; openssl makes its certificate).
#   - npm packages in tests/ from the lock file: smtp-server (the real SMTP server) and axe-core.
#   - dotnet-ef (local tool), to prove neither migration set lags the model.
# The apps started by tests log to TestResults/logs/, not to this output; each failing test is
# listed with its message at the end. Extra arguments go to `dotnet test`, e.g.
#   ./test.sh --filter FullyQualifiedName~Health
set -euo pipefail
cd "$(dirname "$0")"

# "install ok installed" exactly, read without a pipe (a pipe into `grep -q` can die of SIGPIPE
# under pipefail and report a missing package that is there).
installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]; }

missing=()
if [ -z "${CHROMIUM_PATH:-}" ]; then installed chromium || missing+=(chromium); fi
installed fonts-noto-cjk || missing+=(fonts-noto-cjk)
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
installed nginx || missing+=(nginx)
installed openssl || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  # Another run may hold dpkg's lock (two clones tested at once): wait for it instead of failing.
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}"
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
mkdir -p TestResults
log=TestResults/test-output.log
status=0
dotnet test HanZhao.Recruit.sln --no-build -c Debug --nologo \
  --logger "console;verbosity=minimal" --logger "trx" --results-directory TestResults "$@" 2>&1 | tee "$log" || status=$?
# One closing line over all test projects, from each project's summary line
# ("Passed!  - Failed:     0, Passed:   721, Skipped:     0, Total:   721, ...").
awk '/(Passed|Failed)! +- +Failed: / {
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "Total: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $status
