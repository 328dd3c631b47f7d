#!/usr/bin/env bash
# The SeatGuard GitHub Action's steps (action.yml runs this script; tests run it locally the same way).
#   scan.sh              build SeatGuard from the action's checkout (or use $SEATGUARD_BIN), run the scan,
#                        write the SARIF log and the step outputs (sarif-file, findings, exit-code); exits 0 on
#                        findings so the SARIF can be uploaded first, and 2 on bad input.
#   scan.sh --verdict N  the last step: explain and exit with the scan's exit code N.
# Inputs come as INPUT_PATH, INPUT_FAIL_ON, INPUT_MIN_CONFIDENCE, INPUT_RULES, INPUT_BASELINE, INPUT_SARIF_FILE;
# paths are relative to $GITHUB_WORKSPACE (default: the current directory).
set -euo pipefail

if [ "${1:-}" = "--verdict" ]; then
  code="${2:-2}"
  if [ "$code" = 1 ]; then
    echo "::error title=SeatGuard::findings at or above fail-on '${INPUT_FAIL_ON:-red}' (see the code scanning alerts or the SARIF log)"
  else
    echo "::error title=SeatGuard::seatguard scan failed (exit $code)"
  fi
  exit "$code"
fi

action_path="${GITHUB_ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
workspace="${GITHUB_WORKSPACE:-$PWD}"
out="${GITHUB_OUTPUT:-/dev/null}"
temp="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"

case "${INPUT_FAIL_ON:-red}" in red|gray|any) ;; *) echo "::error title=SeatGuard::fail-on must be red, gray or any, not '${INPUT_FAIL_ON}'"; exit 2 ;; esac
case "${INPUT_MIN_CONFIDENCE:-low}" in low|high) ;; *) echo "::error title=SeatGuard::min-confidence must be low or high, not '${INPUT_MIN_CONFIDENCE}'"; exit 2 ;; esac

# The program: $SEATGUARD_BIN (a command, e.g. a prebuilt binary), else a Release build of this checkout.
if [ -n "${SEATGUARD_BIN:-}" ]; then
  read -r -a seatguard <<<"$SEATGUARD_BIN"
else
  build="$temp/seatguard-action"
  echo "building SeatGuard from $action_path …" >&2
  dotnet publish "$action_path/src/SeatGuard.Cli/SeatGuard.Cli.csproj" -c Release -o "$build" --nologo -v quiet -clp:ErrorsOnly >&2
  seatguard=("$build/seatguard")
fi

sarif="${INPUT_SARIF_FILE:-seatguard.sarif}"
case "$sarif" in /*) ;; *) sarif="$workspace/$sarif" ;; esac
mkdir -p "$(dirname "$sarif")"

args=(scan --format sarif --fail-on "${INPUT_FAIL_ON:-red}" --min-confidence "${INPUT_MIN_CONFIDENCE:-low}")
[ -n "${INPUT_RULES:-}" ] && args+=(--rules "$INPUT_RULES")
[ -n "${INPUT_BASELINE:-}" ] && args+=(--baseline "$INPUT_BASELINE")
read -r -a targets <<<"${INPUT_PATH:-.}"
args+=("${targets[@]}")

set +e
(cd "$workspace" && "${seatguard[@]}" "${args[@]}") >"$sarif"
code=$?
set -e
if [ "$code" -ge 2 ]; then
  rm -f "$sarif"
  echo "::error title=SeatGuard::seatguard scan failed (exit $code)"
  echo "exit-code=$code" >>"$out"
  exit "$code"
fi
findings=$(grep -c '"ruleId"' "$sarif" || true)
{
  echo "sarif-file=$sarif"
  echo "findings=$findings"
  echo "exit-code=$code"
} >>"$out"
echo "SeatGuard: $findings finding(s); SARIF in $sarif; exit $code" >&2
