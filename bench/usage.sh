#!/usr/bin/env bash
# seatguard usage vs ccusage 20.0.24 on the same generated transcript corpus (default ~1 GB).
#   bench/usage.sh [MB] [ROUNDS] [REPORT] [SHAPE]    e.g. bench/usage.sh 1024 5 daily
# SHAPE: "claude" (default: tool output on user lines twice, in message.content and toolUseResult, as Claude Code
# writes it) or "single" (once: twice the share of assistant lines per byte, the harder case for seatguard).
# Runs, alternating in every round: ccusage, seatguard cold (--no-cache), seatguard warm (cache filled);
# prints median wall time, ratios and peak memory (/usr/bin/time -v), then the same three under hyperfine.
# Everything runs with a clean environment and the corpus as HOME; the corpus and outputs stay in bench/corpus
# and bench/out (gitignored).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mb="${1:-1024}"; rounds="${2:-5}"; report="${3:-daily}"; shape="${4:-claude}"
home="$root/bench/corpus/home-$mb-$shape"
gen_flags=(); [ "$shape" = single ] && gen_flags=(--single-tool-results)
out="$root/bench/out"
mkdir -p "$out"
command -v hyperfine >/dev/null || { echo "hyperfine missing: apt-get install -y hyperfine" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing: apt-get install -y time" >&2; exit 2; }

bash "$root/tests/tools/install.sh"
ccusage="$root/tests/tools/node_modules/.bin/ccusage"
echo "building seatguard (Release) and the corpus generator …" >&2
# The program exactly as ./seatguard builds it (Native AOT for this CPU where possible).
build() { dotnet build "$@" -c Release --nologo -v q -clp:ErrorsOnly >"$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 2; }; }
SEATGUARD_BUILD=aot "$root/seatguard" --version >/dev/null
rm -rf "$out/cli" && mkdir -p "$out/cli" && cp -aL "$root/.build/cli/current/." "$out/cli/"
build "$root/bench/SeatGuard.Bench/SeatGuard.Bench.csproj" -o "$out/bench"
if [ ! -d "$home/.claude/projects" ]; then
  "$out/bench/SeatGuard.Bench" corpus "$home/.claude" --mb "$mb" "${gen_flags[@]}" >&2
fi
echo "corpus: $(du -sh "$home/.claude/projects" | cut -f1), $(find "$home/.claude/projects" -name '*.jsonl' | wc -l) files" >&2

data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
base=(env -i "PATH=$PATH" "HOME=$home" "LANG=C.UTF-8")
cc=("${base[@]}" "$ccusage" claude "$report" --json --offline -z UTC)
cold=("${base[@]}" "SEATGUARD_DATA_DIR=$data" "$out/cli/seatguard" usage "$report" --json -z UTC --no-cache)
warm=("${base[@]}" "SEATGUARD_DATA_DIR=$data" "$out/cli/seatguard" usage "$report" --json -z UTC)

# Same numbers? (tokens equal, costs equal in ccusage mode)
"${cc[@]}" > "$out/ccusage.json"
"${cold[@]}" --cost-mode ccusage > "$out/seatguard.json" 2>/dev/null
"${warm[@]}" > /dev/null 2>&1   # fills the cache
python3 - "$out/ccusage.json" "$out/seatguard.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
ta, tb = a.get("totals"), b.get("totals")
if ta and tb:
    same = ta["totalTokens"] == tb["totalTokens"] and abs(ta["totalCost"] - tb["totalCost"]) < 1e-6 * max(1, ta["totalCost"])
    print(f"totals: ccusage {ta['totalTokens']} tokens ${ta['totalCost']:.4f}, seatguard (ccusage mode) {tb['totalTokens']} tokens ${tb['totalCost']:.4f}: {'equal' if same else 'DIFFERENT'}")
PY

measure() { # prints "wall_seconds maxrss_kb cpu_seconds"
  /usr/bin/time -v "$@" >/dev/null 2>"$out/time.txt" || { cat "$out/time.txt" >&2; exit 1; }
  awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=(n==3? t[1]*3600+t[2]*60+t[3] : t[1]*60+t[2])}
              /Maximum resident/ {m=$2} /User time/ {u=$2} /System time/ {k=$2} END {print s, m, u+k}' "$out/time.txt"
}
: > "$out/rounds.txt"
for i in $(seq "$rounds"); do
  echo "ccusage $(measure "${cc[@]}")" >> "$out/rounds.txt"
  echo "cold $(measure "${cold[@]}")" >> "$out/rounds.txt"
  echo "warm $(measure "${warm[@]}")" >> "$out/rounds.txt"
done
python3 - "$out/rounds.txt" "$rounds" "$report" "$shape" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
med = {k: statistics.median(float(r[1]) for r in rows if r[0] == k) for k in ("ccusage", "cold", "warm")}
cpu = {k: statistics.median(float(r[3]) for r in rows if r[0] == k) for k in ("ccusage", "cold", "warm")}
mem = {k: max(int(r[2]) for r in rows if r[0] == k) for k in ("ccusage", "cold", "warm")}
print(f"{sys.argv[3]} ({sys.argv[4]} corpus), {sys.argv[2]} alternating rounds, median wall time, median CPU time (user+sys) and peak RSS:")
for k, name in (("ccusage", "ccusage 20.0.24"), ("cold", "seatguard --no-cache"), ("warm", "seatguard (warm cache)")):
    print(f"  {name:24} {med[k]:7.3f} s wall  {cpu[k]:7.3f} s CPU  {mem[k] / 1024:7.1f} MB")
# /usr/bin/time reports in 10 ms steps: a value below that is shown as a lower bound.
def ratio(a, b): return f"{a / b:.1f}x" if b > 0 else f">{a / 0.01:.0f}x"
print(f"  wall: cold speed-up {ratio(med['ccusage'], med['cold'])}, warm speed-up {ratio(med['ccusage'], med['warm'])}; "
      f"CPU: cold {ratio(cpu['ccusage'], cpu['cold'])}, warm {ratio(cpu['ccusage'], cpu['warm'])}; load average {open('/proc/loadavg').read().split()[0]}")
print(f"  "
      f"peak memory cold {mem['cold'] / mem['ccusage']:.2f}x / warm {mem['warm'] / mem['ccusage']:.2f}x of ccusage's")
PY
q() { printf '%q ' "$@"; }
hyperfine -N --warmup 1 --runs "$rounds" --export-markdown "$out/hyperfine.md" \
  -n ccusage "$(q "${cc[@]}")" -n "seatguard cold" "$(q "${cold[@]}")" -n "seatguard warm" "$(q "${warm[@]}")"
