#!/usr/bin/env bash
# Benchmark of `seatguard scan` against ripgrep (same keyword set) and secretlint 13.0.6
# (@secretlint/secretlint-rule-preset-recommend) on a large real source tree: the npm packages in
# bench/package.json, installed into bench/corpus (gitignored) and moved to bench/corpus/tree so that no
# tool skips them as node_modules. 100 labeled fake tokens and 40 decoys are planted at run time.
# Needs: dotnet, node/npm, ripgrep, hyperfine (apt-get install -y ripgrep hyperfine), python3.
# Usage: bench/scan.sh [runs]      Results: bench/out/scan-*.{json,txt}; copy the summary to docs/benchmarks.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/bench"
out="$bench/out"
corpus="$bench/corpus"
tree="$corpus/tree"
runs="${1:-5}"
mkdir -p "$out/tools"

for tool in rg hyperfine node npm python3; do
  command -v "$tool" >/dev/null || { echo "bench/scan.sh: $tool is required (apt-get install -y ripgrep hyperfine nodejs npm python3)" >&2; exit 2; }
done

if [ ! -d "$tree" ]; then
  echo "installing the corpus (npm packages from bench/package.json) …" >&2
  rm -rf "$corpus" && mkdir -p "$corpus"
  cp "$bench/package.json" "$corpus/package.json"
  (cd "$corpus" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
  mv "$corpus/node_modules" "$tree"
  # The corpus is its own repository root, so the project's .gitignore does not apply inside it.
  git -C "$corpus" init -q
  node "$bench/plant.mjs" "$tree" "$out/labels.tsv"
fi
if [ ! -x "$out/tools/node_modules/.bin/secretlint" ]; then
  echo "installing secretlint …" >&2
  cp "$bench/tools.package.json" "$out/tools/package.json"
  (cd "$out/tools" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
fi
printf '{"rules":[{"id":"@secretlint/secretlint-rule-preset-recommend"}]}\n' > "$out/tools/.secretlintrc.json"

SEATGUARD_BUILD=aot "$root/seatguard" --help >/dev/null # build once (the native build)
sg="$root/.build/cli/current/seatguard"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
keywords="$(env -i PATH="$PATH" HOME="$home" "$sg" scan --list-rules | sed -n 's/^prefilter keywords: //p')"
rg_args=(--hidden --max-filesize 10M -i -F -c)
for k in $keywords; do rg_args+=(-e "$k"); done

files=$(rg --hidden --max-filesize 10M --files "$tree" | wc -l)
bytes=$(du -sb "$tree" | cut -f1)
echo "corpus: $files files, $((bytes / 1024 / 1024)) MiB; keywords: $keywords" | tee "$out/scan-summary.txt"

hyperfine --warmup 1 --runs "$runs" -i --export-json "$out/scan-hyperfine.json" \
  -n seatguard "env -i PATH=$PATH HOME=$home $sg scan $tree --format json --fail-on any" \
  -n ripgrep "rg ${rg_args[*]} $tree" | tee -a "$out/scan-summary.txt"

# The same tree given three times: separates the fixed start-up cost (.NET runtime, JIT, rule book)
# from throughput.
hyperfine --warmup 1 --runs "$runs" -i --export-json "$out/scan-hyperfine-3x.json" \
  -n seatguard-3x "env -i PATH=$PATH HOME=$home $sg scan $tree $tree $tree --format json --fail-on any" \
  -n ripgrep-3x "rg ${rg_args[*]} $tree $tree $tree" | tee -a "$out/scan-summary.txt"

env -i PATH="$PATH" HOME="$home" "$sg" scan "$tree" --format json --fail-on any > "$out/scan-seatguard.json" || true
rg "${rg_args[@]}" "$tree" > "$out/scan-rg.txt" || true
start=$(date +%s.%N)
(cd "$out/tools" && ./node_modules/.bin/secretlint --secretlintrc .secretlintrc.json --format json --no-color "$tree/**/*" > "$out/scan-secretlint.json" 2>"$out/scan-secretlint.err") || true
end=$(date +%s.%N)
echo "$start $end" > "$out/scan-secretlint.time"

python3 - "$out" "$tree" <<'PY' | tee -a "$out/scan-summary.txt"
import json, os, sys
out, tree = sys.argv[1], sys.argv[2]
labels = [l.rstrip('\n').split('\t') for l in open(os.path.join(out, 'labels.tsv')) if l.strip()]
positives = {p: kind for p, kind, want in labels if want == '1'}
decoys = {p for p, kind, want in labels if want == '0'}
rel = lambda p: os.path.relpath(os.path.abspath(p), tree)  # every tool reports paths absolute or relative to this cwd

sg = json.load(open(os.path.join(out, 'scan-seatguard.json')))
sg_hits = {(rel(f['path']), f['rule']) for f in sg['findings']}
sg_found = sum(1 for p, k in positives.items() if (p, k) in sg_hits)
sg_decoys = sum(1 for p in decoys if any(h[0] == p for h in sg_hits))

rg_files = {rel(l.rsplit(':', 1)[0]) for l in open(os.path.join(out, 'scan-rg.txt')) if l.strip()}
rg_found = sum(1 for p in positives if p in rg_files)
rg_decoys = sum(1 for p in decoys if p in rg_files)

sl_files = set()
try:
    for r in json.load(open(os.path.join(out, 'scan-secretlint.json'))):
        if r.get('messages'):
            sl_files.add(rel(r['filePath']))
except (ValueError, TypeError):
    pass
sl_found = sum(1 for p in positives if p in sl_files)
sl_decoys = sum(1 for p in decoys if p in sl_files)

hf = {r['command']: r for r in json.load(open(os.path.join(out, 'scan-hyperfine.json')))['results']}
t_sg, t_rg = hf['seatguard']['mean'], hf['ripgrep']['mean']
cpu = lambda r: r['user'] + r['system']
hf3 = {r['command']: r for r in json.load(open(os.path.join(out, 'scan-hyperfine-3x.json')))['results']}
s, e = map(float, open(os.path.join(out, 'scan-secretlint.time')).read().split())
t_sl = e - s
n = len(positives)
print(f"time (mean of hyperfine runs; secretlint one run): seatguard {t_sg:.2f} s, ripgrep {t_rg:.2f} s, secretlint {t_sl:.1f} s")
print(f"ratios: seatguard/ripgrep {t_sg / t_rg:.2f}x wall, {cpu(hf['seatguard']) / cpu(hf['ripgrep']):.2f}x CPU (user+sys); secretlint/seatguard {t_sl / t_sg:.1f}x")
t3_sg, t3_rg = hf3['seatguard-3x']['mean'], hf3['ripgrep-3x']['mean']
print(f"tree given 3 times: seatguard {t3_sg:.2f} s, ripgrep {t3_rg:.2f} s, ratio {t3_sg / t3_rg:.2f}x; marginal (3x minus 1x): {(t3_sg - t_sg) / (t3_rg - t_rg):.2f}x")
print(f"recall on {n} planted tokens (by rule): seatguard {sg_found}/{n}, secretlint {sl_found}/{n}, ripgrep keyword lines {rg_found}/{n} (unvalidated)")
print(f"decoys flagged (of {len(decoys)}): seatguard {sg_decoys}, secretlint {sl_decoys}, ripgrep {rg_decoys}")
print(f"seatguard findings in total: {len(sg['findings'])} ({sg['stats']['files']} files, {sg['stats']['bytes'] // 1048576} MiB scanned)")
PY
