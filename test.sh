#!/usr/bin/env bash
# Runs every test of EdgeActors. On a fresh Debian machine it first installs what the tests need
# (Tests/setup/*.sh), builds the solution, runs each test project and prints, as its last line,
# "N passed, N failed, N skipped". Exits non-zero on any failure.
#
#   ./test.sh                 every test project
#   ./test.sh Kernel Edge     only the test projects whose name contains one of the words
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

RUN_DIR=$(mktemp -d /tmp/edgeactors-test.XXXXXX)
RESULTS="$RUN_DIR/results"
mkdir -p "$RESULTS"
: > "$RUN_DIR/env.sh"
export EDGEACTORS_TEST_RUN_DIR="$RUN_DIR"

hooks=(Tests/setup/[0-9]*.sh)
stop_hooks() {
  for ((i=${#hooks[@]}-1; i>=0; i--)); do bash "${hooks[$i]}" stop "$RUN_DIR" || true; done
}
trap stop_hooks EXIT

for h in "${hooks[@]}"; do
  bash "$h" install || { echo "test.sh: set-up '$h install' failed"; echo "0 passed, 1 failed"; exit 1; }
done

if ! command -v dotnet >/dev/null; then
  echo "test.sh: the .NET SDK (dotnet) is not on PATH"; echo "0 passed, 1 failed"; exit 1
fi

echo "== build"
if ! dotnet build EdgeActors.sln -c Release -nologo -v quiet 2>&1 | tail -n 30; then :; fi
if [ "${PIPESTATUS[0]}" -ne 0 ]; then echo "test.sh: build failed"; echo "0 passed, 1 failed"; exit 1; fi

for h in "${hooks[@]}"; do
  bash "$h" start "$RUN_DIR" || { echo "test.sh: set-up '$h start' failed"; echo "0 passed, 1 failed"; exit 1; }
done
# shellcheck disable=SC1091
source "$RUN_DIR/env.sh"

projects=()
for p in Tests/*.Tests/*.csproj; do
  name=$(basename "$p" .csproj)
  if [ $# -gt 0 ]; then
    keep=0; for w in "$@"; do [[ "$name" == *"$w"* ]] && keep=1; done
    [ $keep -eq 1 ] || continue
  fi
  projects+=("$p")
done

passed=0; failed=0; skipped=0; status=0
for p in "${projects[@]}"; do
  name=$(basename "$p" .csproj)
  echo "== $name"
  dotnet test "$p" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$RESULTS" --blame-hang-timeout 5m 2>&1 | tail -n 40
  rc=${PIPESTATUS[0]}
  trx="$RESULTS/$name.trx"
  if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
    p_=$(get passed); f_=$(get failed); e_=$(get error); t_=$(get timeout); a_=$(get aborted); n_=$(get notExecuted)
    passed=$((passed + ${p_:-0})); skipped=$((skipped + ${n_:-0}))
    f=$(( ${f_:-0} + ${e_:-0} + ${t_:-0} + ${a_:-0} ))
    if [ $rc -ne 0 ] && [ $f -eq 0 ]; then f=1; echo "test.sh: $name exited $rc with no failed test recorded (crash or hang)"; fi
    failed=$((failed + f))
  elif [ $rc -ne 0 ]; then
    failed=$((failed + 1)); echo "test.sh: $name produced no results (exit $rc)"
  fi
  [ $rc -ne 0 ] && status=1
done

[ $failed -gt 0 ] && status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
