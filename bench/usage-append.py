#!/usr/bin/env python3
"""seatguard only, quick: usage-append.py SEATGUARD HOME DATA_DIR ROUNDS — fills the store in DATA_DIR once, then medians
(wall, CPU from wait4) of: a new weekly question on unchanged data, one line appended then `usage daily --json`, one
line appended then the status line. Appends to HOME's newest transcript (use a generated corpus). See docs/benchmarks.md."""
import sys, os, json, time, subprocess, statistics, glob, datetime
from usagelines import newest_transcript, append_line, status_input
SG=sys.argv[1]; HOME=sys.argv[2]; DATA=sys.argv[3]; R=int(sys.argv[4]); extra=dict(a.split('=',1) for a in sys.argv[5:])
def runw(cmd,stdin=None):
    env={"PATH":os.environ["PATH"],"HOME":HOME,"LANG":"C.UTF-8","SEATGUARD_DATA_DIR":DATA,"TZ":"UTC",**extra}
    t=time.perf_counter()
    p=subprocess.Popen(cmd,env=env,stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,stdout=subprocess.PIPE,stderr=subprocess.PIPE)
    if stdin: p.stdin.write(stdin.encode()); p.stdin.close()
    o=p.stdout.read(); e=p.stderr.read()
    _,st,ru=os.wait4(p.pid,0)
    return time.perf_counter()-t, ru.ru_utime+ru.ru_stime, o, e
path=newest_transcript(HOME)
c=[0]
def app():
    c[0]+=1; append_line(path)
st=status_input(path)
w,cpu,o,e=runw([SG,"usage","daily","--json"]); print("fill",round(w*1000),round(cpu*1000), file=sys.stderr)
runw([SG,"statusline"],st)
zones=["UTC","Europe/Berlin","America/New_York","Asia/Kolkata","Asia/Tokyo","Australia/Sydney","America/Los_Angeles"]
res={}
def rec(n,s):
    res[n]=(statistics.median(x[0] for x in s)*1000, statistics.median(x[1] for x in s)*1000)
    errs=[x[3].decode() for x in s if x[3]]
    if errs and extra: print(n, errs[-1][-1500:], file=sys.stderr)
s=[]
for i in range(R): s.append(runw([SG,"usage","weekly","--json","--since","2025-%02d-%02d"%(10+i%3,1+i+c[0]%5),"-z",zones[(i+int(time.time()))%len(zones)]]))
rec("newq",s)
s=[]
for i in range(R): app(); s.append(runw([SG,"usage","daily","--json"]))
rec("append-daily",s)
s=[]
for i in range(R): app(); s.append(runw([SG,"statusline"],st))
rec("append-status",s)
for k,v in res.items(): print(f"{k:15} wall {v[0]:7.1f} cpu {v[1]:7.1f}")
print("load", open("/proc/loadavg").read().split()[0])
