#!/usr/bin/env python3
"""seatguard usage vs ccusage 20.0.24, side by side in one run (called by bench/usage.sh; see docs/benchmarks.md).

usage-bench.py SEATGUARD CCUSAGE HOME ROUNDS [HOME_3GB]

Every measurement runs the program with a clean environment (PATH, HOME, LANG, SEATGUARD_DATA_DIR), 0.3 s after the
previous one ended, and records its wall time, CPU time (user+sys) and peak RSS from wait4(). Scenarios, rounds alternating between the two tools:

  cold         usage daily --json: ccusage (no cache of its own), seatguard --no-cache
  new-question a question not asked before on unchanged transcripts (a --since date and time zone each round)
  append-daily one assistant line appended to the newest transcript, then usage daily --json
  append-line  one line appended, then the status line (Claude Code's status-line JSON on stdin)
  repeat       the same question again (seatguard's report-output cache)
  memory       cold and warm peak RSS on the 1 GB and, when given, the 3 GB corpus
"""
import json, os, statistics, subprocess, sys, tempfile, time, datetime, random, glob, resource
from usagelines import newest_transcript, append_line, status_input

SG, CC, HOME, ROUNDS = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
HOME3 = sys.argv[5] if len(sys.argv) > 5 else None
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "out")
os.makedirs(OUT, exist_ok=True)


# Before each measured run, a pause: the previous process's exit (ccusage's is ~250 MB of heap handed back to the
# kernel, and its cores busy with that) would otherwise overlap the start of the next, whichever tool that is.
SETTLE_S = 0.3


def run(cmd, home, data, stdin=None):
    env = {"PATH": os.environ["PATH"], "HOME": home, "LANG": "C.UTF-8", "SEATGUARD_DATA_DIR": data, "TZ": "UTC"}
    time.sleep(SETTLE_S)
    start = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, stdin=subprocess.PIPE if stdin else subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if stdin:
        p.stdin.write(stdin.encode())
        p.stdin.close()
    out = p.stdout.read()
    p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{cmd} failed with {status}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024.0, out


results = {}


def record(name, tool, samples):
    results.setdefault(name, {})[tool] = {
        "wall_ms": statistics.median(s[0] for s in samples) * 1000, "cpu_ms": statistics.median(s[1] for s in samples) * 1000,
        "rss_mb": max(s[2] for s in samples), "runs": len(samples)}


def measure_all(home, label, rounds):
    data = tempfile.mkdtemp(prefix="sg-bench-data-")
    cc_daily = [CC, "claude", "daily", "--json", "--offline"]
    sg_daily = [SG, "usage", "daily", "--json"]
    # Same numbers? (tokens equal, costs equal under --cost-mode ccusage)
    a = json.loads(run(cc_daily, home, data)[3])["totals"]
    b = json.loads(run(sg_daily + ["--no-cache", "--cost-mode", "ccusage"], home, data)[3])["totals"]
    same = a["totalTokens"] == b["totalTokens"] and abs(a["totalCost"] - b["totalCost"]) <= 1e-6 * max(1, a["totalCost"])
    print(f"[{label}] totals: ccusage {a['totalTokens']} tokens ${a['totalCost']:.4f}; seatguard (ccusage mode) {b['totalTokens']} tokens ${b['totalCost']:.4f}: {'equal' if same else 'DIFFERENT'}")
    results.setdefault("parity", {})[label] = same

    cold_cc, cold_sg = [], []
    for _ in range(rounds):
        cold_cc.append(run(cc_daily, home, data))
        cold_sg.append(run(sg_daily + ["--no-cache"], home, data))
    record(f"{label} cold", "ccusage", cold_cc)
    record(f"{label} cold", "seatguard", cold_sg)

    first = run(sg_daily, home, data)  # fills the store
    record(f"{label} first warm (fills the store)", "seatguard", [first])
    if label != "1GB":
        warm = [run(sg_daily + ["--since", "2025-10-%02d" % (i + 1)], home, data) for i in range(rounds)]
        record(f"{label} new question", "seatguard", warm)
        return data

    zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney", "America/Los_Angeles",
             "Europe/London", "Pacific/Auckland", "Asia/Kathmandu", "America/Sao_Paulo", "Africa/Cairo"]
    nq_cc, nq_sg = [], []
    for i in range(rounds):
        q = ["--since", "2025-%02d-%02d" % (10 + i % 3, 1 + i), "-z", zones[i % len(zones)]]
        nq_cc.append(run([CC, "claude", "weekly", "--json", "--offline"] + q, home, data))
        nq_sg.append(run([SG, "usage", "weekly", "--json"] + q, home, data))
    record("new question", "ccusage", nq_cc)
    record("new question", "seatguard", nq_sg)

    rep = [run(sg_daily, home, data) for _ in range(rounds)]
    record("repeat (output cache)", "seatguard", rep)

    path = newest_transcript(home)
    ad_cc, ad_sg = [], []
    for _ in range(rounds):
        append_line(path)
        ad_cc.append(run(cc_daily, home, data))
        append_line(path)
        ad_sg.append(run(sg_daily, home, data))
    record("append, daily --json", "ccusage", ad_cc)
    record("append, daily --json", "seatguard", ad_sg)

    st_cc, st_sg = [], []
    stdin = status_input(path)
    run([SG, "statusline"], home, data, stdin)  # the status line's recent window, once
    for _ in range(rounds):
        append_line(path)
        st_cc.append(run([CC, "claude", "statusline"], home, data, stdin))
        append_line(path)
        st_sg.append(run([SG, "statusline"], home, data, stdin))
    record("append, statusline", "ccusage", st_cc)
    record("append, statusline", "seatguard", st_sg)
    return data


measure_all(HOME, "1GB", ROUNDS)
if HOME3:
    measure_all(HOME3, "3GB", max(3, ROUNDS // 3))

print()
print(f"{'scenario':36} {'tool':10} {'wall ms':>9} {'cpu ms':>9} {'peak MB':>8}   ratio (ccusage / seatguard)")
for name, tools in results.items():
    if name == "parity":
        continue
    for tool, r in tools.items():
        ratio = ""
        if tool == "seatguard" and "ccusage" in tools:
            c = tools["ccusage"]
            ratio = f"wall {c['wall_ms'] / r['wall_ms']:.1f}x, memory {r['rss_mb'] / c['rss_mb']:.2f}x of ccusage's"
        print(f"{name:36} {tool:10} {r['wall_ms']:9.1f} {r['cpu_ms']:9.1f} {r['rss_mb']:8.1f}   {ratio}")
if HOME3 and "3GB cold" in results:
    for tool in ("ccusage", "seatguard"):
        print(f"peak memory 3 GB / 1 GB, cold, {tool}: {results['3GB cold'][tool]['rss_mb'] / results['1GB cold'][tool]['rss_mb']:.2f}x")
    print(f"peak memory 3 GB / 1 GB, warm (first run, fills the store), seatguard: "
          f"{results['3GB first warm (fills the store)']['seatguard']['rss_mb'] / results['1GB first warm (fills the store)']['seatguard']['rss_mb']:.2f}x")
load = open("/proc/loadavg").read().split()[0]
print(f"load average {load}")
results["load"] = load
json.dump(results, open(os.path.join(OUT, "usage-bench.json"), "w"), indent=1)
