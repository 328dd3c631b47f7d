#!/usr/bin/env bash
# First answer of ./seatguard on a fresh clone, as a new user gets it: a clone of this repository, a throw-away HOME
# and an empty NuGet cache (NUGET_PACKAGES), so every package is downloaded; then the second call (warm).
# Usage: bench/first-run.sh [command…]   (default: doctor)   Prints wall and CPU seconds; results in docs/benchmarks.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
cleanup() {
  # The background native build started by the first call is this script's: end its process group.
  local lock="$work/clone/.build/cli/.native.lock" p
  for p in /proc/[0-9]*; do
    if ls -l "$p/fd" 2>/dev/null | grep -qF "$lock"; then kill -TERM -- "-$(ps -o pgid= "${p#/proc/}" | tr -d ' ')" 2>/dev/null || true; fi
  done
  rm -rf "$work"
}
trap cleanup EXIT
git clone -q "$root" "$work/clone"
mkdir -p "$work/home" "$work/nuget"
cmd=("$@"); [ ${#cmd[@]} -gt 0 ] || cmd=(doctor)
run() { env -i PATH="$PATH" HOME="$work/home" NUGET_PACKAGES="$work/nuget" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 "$work/clone/seatguard" "${cmd[@]}"; }
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
/usr/bin/time -f "first call: %e s wall, %U s user, %S s system" bash -c "$(declare -f run); work='$work'; cmd=(${cmd[*]}); run" >/dev/null
/usr/bin/time -f "second call: %e s wall" bash -c "$(declare -f run); work='$work'; cmd=(${cmd[*]}); run" >/dev/null
echo "downloaded: $(du -sh "$work/nuget" | cut -f1) of packages" >&2
