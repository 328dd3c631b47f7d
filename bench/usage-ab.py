#!/usr/bin/env python3
"""seatguard builds A/B, interleaved: usage-ab.py BIN_A,BIN_B[,…] HOME ROUNDS — per round, each build in alternating order (ABBA…)
answers a new weekly question, then one line is appended and it runs `usage daily --json`, then one more and the status
line; prints each build's medians (wall ms). Each build keeps its own data dir (/tmp/ab-<dir of the binary>). Appends to
HOME's newest transcript: use a generated corpus. See docs/benchmarks.md."""
import sys, os, json, time, subprocess, statistics, glob, datetime
from usagelines import newest_transcript, append_line, status_input
bins=sys.argv[1].split(','); HOME=sys.argv[2]; R=int(sys.argv[3])
def runw(b,cmd,stdin=None):
    env={"PATH":os.environ["PATH"],"HOME":HOME,"LANG":"C.UTF-8","SEATGUARD_DATA_DIR":"/tmp/ab-"+os.path.basename(os.path.dirname(b)),"TZ":"UTC"}
    t=time.perf_counter()
    p=subprocess.run([b]+cmd,env=env,input=stdin.encode() if stdin else None,stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)
    return (time.perf_counter()-t)*1000
path=newest_transcript(HOME)
app=lambda: append_line(path)
st=status_input(path)
for b in bins: runw(b,["usage","daily","--json"]); runw(b,["statusline"],st)
res={b:{"newq":[],"daily":[],"status":[]} for b in bins}
zones=["UTC","Europe/Berlin","America/New_York","Asia/Kolkata","Asia/Tokyo","Australia/Sydney","America/Los_Angeles"]
for i in range(R):
    order=bins[:] if i%2==0 else bins[::-1]
    for b in order:
        res[b]["newq"].append(runw(b,["usage","weekly","--json","--since","2025-%02d-%02d"%(9+i%3,1+(i*7+bins.index(b))%27),"-z",zones[i%len(zones)]]))
    for b in order:
        app(); res[b]["daily"].append(runw(b,["usage","daily","--json"]))
    for b in order:
        app(); res[b]["status"].append(runw(b,["statusline"],st))
for b in bins:
    print(b, "  ".join(f"{k} {statistics.median(v):6.1f}" for k,v in res[b].items()))
