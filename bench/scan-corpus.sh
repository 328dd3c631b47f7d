#!/usr/bin/env bash
# Precision and recall per tier of `seatguard scan` on the labelled corpora (tests/SeatGuard.TestKit/ScanCorpus:
# the research set and the independent held-out set). Each file's highest high-confidence finding is compared
# with its label; prints one table per corpus and every mismatch. Usage: bench/scan-corpus.sh [research|heldout …]
# The test suite asserts the same numbers (LabeledCorpusMetricsTests: >= 0.9 for red, gray and green).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
home="$(mktemp -d)"; trap 'rm -rf "$home"' EXIT
env -i PATH="$PATH" HOME="$home" DOTNET_CLI_HOME="$home" DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 \
  dotnet run --project "$root/bench/SeatGuard.Bench" -c Release -- scan-corpus "$@"
