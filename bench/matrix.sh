#!/usr/bin/env bash
# Wall-clock time of `seatguard doctor --probe --matrix` (every credential environment of the model, each a real
# claude run against the in-process loopback listener), with the machine's load beside it.
# Usage: bench/matrix.sh [parallelism…]   e.g. bench/matrix.sh 2 4 8     (default: the command's own default)
#        SEATGUARD_CLAUDE_VERSION=2.1.332 bench/matrix.sh                (another Claude Code from npm)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/seatguard" --version >/dev/null            # build once, outside the measurement
bash "$root/tests/tools/install.sh"
exe="$root/.build/cli/seatguard"
claude="$root/tests/tools/node_modules/.bin/claude"
if [ -n "${SEATGUARD_CLAUDE_VERSION:-}" ] && [ -x "$root/tests/tools/versions/$SEATGUARD_CLAUDE_VERSION/node_modules/.bin/claude" ]; then
  claude="$root/tests/tools/versions/$SEATGUARD_CLAUDE_VERSION/node_modules/.bin/claude"
fi
home="$(mktemp -d)"; trap 'rm -rf "$home"' EXIT
echo "cores: $(nproc) · load before: $(cut -d' ' -f1-3 /proc/loadavg) · claude: $("$claude" --version 2>/dev/null | head -1)"
for p in "${@:-default}"; do
  args=(doctor --probe --matrix --json --claude "$claude")
  [ "$p" != default ] && args+=(--parallel "$p")
  start=$(date +%s.%N)
  env -i PATH="$PATH" HOME="$home" "$exe" "${args[@]}" > "$home/matrix.json" || true
  end=$(date +%s.%N)
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const per = r.environments.map(e => e.observed.seconds).sort((a, b) => a - b);
    console.log(`parallel ${r.parallelism}: ${r.agreed}/${r.total} agree, ${(+process.argv[2]).toFixed(1)} s wall (command: ${r.seconds} s), per environment median ${per[Math.floor(per.length / 2)]} s, max ${per[per.length - 1]} s`);
  ' "$home/matrix.json" "$(echo "$end - $start" | bc)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
