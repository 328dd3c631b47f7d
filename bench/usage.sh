#!/usr/bin/env bash
# seatguard usage vs ccusage 20.0.24 on the same generated transcript corpus, side by side in one run.
#   bench/usage.sh [MB] [ROUNDS] [SHAPE] [SCALE_MB]    e.g. bench/usage.sh 1024 9 many 3072
# SHAPE: "many" (default: ~2,900 files and 460k lines per GB — short sessions, small tool results, 20 projects, the
# shape of issue 15's history), "claude" (tool output twice on each user line, as Claude Code writes it, 12 projects)
# or "single" (tool output once: twice the share of assistant lines per byte).
# SCALE_MB: a second, larger corpus of the same shape for the memory-growth check (0: none).
# Scenarios (bench/usage-bench.py): cold, a new question on unchanged data, one line appended then `usage daily
# --json`, one line appended then the status line, the same question again; medians of ROUNDS alternating runs,
# wall/CPU time and peak RSS per process (wait4), ratios. Everything runs with a clean environment and the corpus as
# HOME; corpus and results stay in bench/corpus and bench/out (gitignored).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mb="${1:-1024}"; rounds="${2:-9}"; shape="${3:-many}"; scale="${4:-0}"
out="$root/bench/out"
mkdir -p "$out"

bash "$root/tests/tools/install.sh"
ccusage="$root/tests/tools/node_modules/.bin/ccusage"
echo "building seatguard (Release, as ./seatguard builds it) and the corpus generator …" >&2
SEATGUARD_BUILD=aot "$root/seatguard" --version >/dev/null
rm -rf "$out/cli" && mkdir -p "$out/cli" && cp -aL "$root/.build/cli/current/." "$out/cli/"
dotnet build "$root/bench/SeatGuard.Bench/SeatGuard.Bench.csproj" -c Release -o "$out/bench" --nologo -v q -clp:ErrorsOnly >"$out/build.log" 2>&1 \
  || { cat "$out/build.log" >&2; exit 2; }

corpus() { # corpus MB → prints the HOME holding it
  local size="$1" home="$root/bench/corpus/home-$1-$shape" flags=()
  case "$shape" in single) flags=(--single-tool-results) ;; many) flags=(--many-files) ;; claude) ;; *) echo "unknown shape $shape" >&2; exit 2 ;; esac
  if [ ! -d "$home/.claude/projects" ]; then "$out/bench/SeatGuard.Bench" corpus "$home/.claude" --mb "$size" "${flags[@]}" >&2; fi
  echo "corpus $size MB ($shape): $(du -sh "$home/.claude/projects" | cut -f1), $(find "$home/.claude/projects" -name '*.jsonl' | wc -l) files, $(cat "$home"/.claude/projects/*/*.jsonl "$home"/.claude/projects/*/*/subagents/*.jsonl 2>/dev/null | wc -l) lines" >&2
  echo "$home"
}
home="$(corpus "$mb")"
home3=""
if [ "$scale" != 0 ]; then home3="$(corpus "$scale")"; fi
python3 "$root/bench/usage-bench.py" "$out/cli/seatguard" "$ccusage" "$home" "$rounds" $home3 | tee "$out/usage-bench.txt"
