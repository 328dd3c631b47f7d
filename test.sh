#!/usr/bin/env bash
# Runs every SeatGuard test: unit tests and interop tests against the real, pinned Claude Code and
# ccusage (installed from npm into tests/tools on first use). Prints "N passed, N failed" at the end.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

bash "$root/tests/tools/install.sh"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test "$root/SeatGuard.sln" --nologo "$@" 2>&1 | tee "$log" || status=$?

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
