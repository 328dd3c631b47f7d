#!/usr/bin/env bash
# Where one run's CPU goes, by phase: bench/usage-phases.sh SEATGUARD DATA_DIR newq|daily|status [HOME]
# perf record (20 kHz, call graphs) of one run, then each phase's inclusive samples in ms. For the AOT build's symbols:
#   perf buildid-cache -a .build/bin/aot/SeatGuard.Cli/Release/net10.0/linux-x64/native/seatguard.dbg
# DATA_DIR must hold a filled store (run bench/usage-append.py first); daily/status append one line to HOME's newest transcript.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN=$1; D=$2; CASE=$3; H=${4:-$root/bench/corpus/home-1024-many}; P=$(ls -t $H/.claude/projects/*/*.jsonl | head -1)
app(){ python3 -c "
import json,sys,random
l=json.loads(open('$P').read().splitlines()[-1]); r=random.randrange(1<<40)
l['requestId']='req_x_%d'%r; l['message']['id']='msg_x_%d'%r
open('$P','a').write(json.dumps(l,separators=(',',':'))+'\n')"; }
out=$root/bench/out/perf-$CASE.data; mkdir -p $root/bench/out
case $CASE in
 newq) z=$(shuf -n1 -e Asia/Tokyo Europe/Berlin America/New_York Asia/Kolkata); d=$((RANDOM%27+1)); env -i PATH="$PATH" HOME=$H SEATGUARD_DATA_DIR=$D TZ=UTC perf record -q -F 20000 -g -o $out $BIN usage weekly --json --since 2025-09-$(printf %02d $d) -z $z >/dev/null 2>&1;;
 daily) app; env -i PATH="$PATH" HOME=$H SEATGUARD_DATA_DIR=$D TZ=UTC perf record -q -F 20000 -g -o $out $BIN usage daily --json >/dev/null 2>&1;;
 status) app; echo "{\"session_id\":\"bench\",\"transcript_path\":\"$P\",\"cwd\":\"/home/dev/project0\",\"model\":{\"id\":\"claude-opus-5-5\",\"display_name\":\"Opus 5.5\"},\"version\":\"2.1.330\"}" | env -i PATH="$PATH" HOME=$H SEATGUARD_DATA_DIR=$D TZ=UTC perf record -q -F 20000 -g -o $out $BIN statusline >/dev/null 2>&1;;
esac
perf report -i $out --children --sort symbol --stdio -g none 2>/dev/null > $out.txt
tot=$(perf report -i $out --sort comm -n --stdio -g none 2>/dev/null | awk '/^ +[0-9.]+%/{s+=$3} END{print s}')
echo "$CASE total $(awk -v t=$tot 'BEGIN{printf "%.1f", t/20}') ms CPU (perf, 20 kHz)"
for pat in 'seatguard__Module___StartupCodeMain$' 'StartupCodeHelpers__InitializeModules$' 'UsageLoader__WithListing$' 'TranscriptFiles__Find_0$' 'UsageStore__ReadIfCurrent$' 'UsageStateFile__Read$' 'UsageStore__Open$' 'UsageStore__Update$' 'UsageStateFile__AttachTimes$' 'UsageStateFile__Write$' 'UsageCells__ComputeOrder$' 'WinnerIndex__Open$' 'WinnerIndex__Save$' 'TranscriptParser__Scan' 'UsageReportBuilder___ctor$' 'UsageReportBuilder__Daily$' 'UsageReportBuilder__Weekly$' 'UsageReportBuilder__Blocks' 'UsageTables__Render$' 'ScrubbingWriter__Write_0$' 'ReportOutputCache__' 'PricingStore__Load$' 'PriceBook__get_Embedded$' 'LedgerUsageFacts' 'StatusLine__Report$' 'Credential|Resolver__Resolve' 'GarbageCollectGeneration$'; do
  awk -v p="$pat" '$4 ~ p {gsub("%","",$1); printf "  %-60s %7.1f ms\n", $4, $1*t/2000; exit}' t=$tot $out.txt
done
