#!/usr/bin/env bash
# The long fuzz run of every parser (issue 13): the same CsCheck properties the unit suite runs with a fixed seed and
# ~1,000 inputs each, here with ITER inputs per parser (default 100,000) from SEED (default: random; a failure names its seed).
#   bench/fuzz.sh [ITER] [SEED]        e.g. bench/fuzz.sh 100000        bench/fuzz.sh 5000 0000000030Y1
# Every input must be handled without an unhandled exception, within a bound per input (10 s) and without a planted
# secret in any output. A failure prints the shrunk input and the seed that reproduces it. One line per parser
# (parser, inputs, seconds, slowest input in ms) goes to bench/out/fuzz-<date>.tsv; docs/benchmarks.md has a run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
iter="${1:-100000}"
seed="${2:-random}"   # "random": CsCheck picks one and prints it with any failure
out="$root/bench/out"
mkdir -p "$out"
report="$out/fuzz-$(date -u +%Y%m%dT%H%M%SZ).tsv"
echo "fuzz: $iter inputs per parser, seed $seed, report $report" >&2
dotnet build "$root/tests/SeatGuard.Tests" -nologo -v q -clp:ErrorsOnly >&2
# A clean environment and a throw-away HOME: the parsers never see this machine's files.
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
env -i PATH="$PATH" HOME="$home" DOTNET_CLI_HOME="$home" DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 \
  SEATGUARD_FUZZ_ITER="$iter" SEATGUARD_FUZZ_SEED="$seed" SEATGUARD_FUZZ_REPORT="$report" \
  dotnet test "$root/tests/SeatGuard.Tests" --no-build --filter "FullyQualifiedName~SeatGuard.Tests.Fuzz" \
    -- xUnit.MaxParallelThreads=1
printf 'parser\tinputs\tseconds\tslowest_ms\n'
cat "$report"
