#!/usr/bin/env bash
# Start-up cost of the commands that run often: `doctor --json` (static) and `statusline` (every few
# seconds inside Claude Code), side by side with Claude Code's own `claude auth status`.
# Usage: bench/startup.sh [runs]   (needs hyperfine: apt-get install -y hyperfine)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-30}"
SEATGUARD_BUILD=aot "$root/seatguard" --version >/dev/null   # the native build, once, outside the measurement
bash "$root/tests/tools/install.sh"
exe="$root/.build/cli/current/seatguard"
claude="$root/tests/tools/node_modules/.bin/claude"
home="$(mktemp -d)"; trap 'rm -rf "$home"' EXIT
# A realistic small setup: a /login file, a user settings file, and 20 MB of transcripts for the status line.
mkdir -p "$home/.claude"
printf '{"claudeAiOauth":{"accessToken":"sk-ant-oat01-%s","refreshToken":"x","expiresAt":4102444800000,"scopes":["user:inference"],"subscriptionType":"max"}}' \
  "$(head -c 300 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 95)" > "$home/.claude/.credentials.json"
chmod 600 "$home/.claude/.credentials.json"
echo '{"permissions":{"allow":["Read"]}}' > "$home/.claude/settings.json"
dotnet run --project "$root/bench/SeatGuard.Bench" -c Release -- corpus "$home/.claude" --mb 20 >/dev/null
input="$home/statusline.json"
echo '{"session_id":"s","model":{"display_name":"Opus"},"workspace":{"current_dir":"/tmp"}}' > "$input"
env -i PATH="$PATH" HOME="$home" "$exe" statusline < "$input" >/dev/null   # fill the usage cache

E="env -i PATH=$PATH HOME=$home"
hyperfine -N -w 3 -r "$runs" --export-markdown "$home/startup.md" \
  -n "seatguard doctor --json" "$E $exe doctor --json" \
  -n "claude auth status" "$E $claude auth status" \
  -n "seatguard --version" "$E $exe --version"
hyperfine -w 3 -r "$runs" --export-markdown "$home/statusline.md" \
  -n "seatguard statusline (warm cache, 20 MB transcripts)" "$E $exe statusline < $input"
cat "$home/startup.md" "$home/statusline.md"
