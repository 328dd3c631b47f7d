"""What the usage benchmarks write into a corpus and feed the status line (bench/usage-bench.py, usage-append.py,
usage-ab.py): the newest transcript, one assistant line appended as Claude Code writes it, Claude Code's status-line
JSON for that transcript."""
import datetime, glob, json, os


def newest_transcript(home):
    files = glob.glob(os.path.join(home, ".claude", "projects", "*", "*.jsonl"))
    return max(files, key=os.path.getmtime)


counter = [0]


def append_line(path):
    counter[0] += 1
    now = datetime.datetime.now(datetime.timezone.utc)
    line = {"parentUuid": None, "isSidechain": False, "userType": "external", "cwd": "/home/dev/project0", "sessionId": "bench",
            "version": "2.1.330", "type": "assistant", "timestamp": now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z",
            "requestId": f"req_bench_{os.getpid()}_{counter[0]}",
            "message": {"id": f"msg_bench_{os.getpid()}_{counter[0]}", "type": "message", "role": "assistant", "model": "claude-opus-5-5",
                        "content": [{"type": "text", "text": "ok"}],
                        "usage": {"input_tokens": 12, "output_tokens": 345, "cache_creation_input_tokens": 678, "cache_read_input_tokens": 90123,
                                  "cache_creation": {"ephemeral_5m_input_tokens": 678, "ephemeral_1h_input_tokens": 0}, "service_tier": "standard"}}}
    with open(path, "a") as f:
        f.write(json.dumps(line, separators=(",", ":")) + "\n")


def status_input(path):
    return json.dumps({"session_id": "bench", "transcript_path": path, "cwd": "/home/dev/project0",
                       "model": {"id": "claude-opus-5-5", "display_name": "Opus 5.5"},
                       "workspace": {"current_dir": "/home/dev/project0", "project_dir": "/home/dev/project0"},
                       "version": "2.1.330", "cost": {"total_cost_usd": 0.5, "total_duration_ms": 1000}})
