#!/usr/bin/env bash
# The status line with Claude Code's real payload (measured on 2.1.330), without and with `rate_limits`, and
# optionally the same input through a baseline build (e.g. main's) to show the rate-limit reading costs nothing.
# Usage: bench/statusline-rate-limits.sh [runs] [baseline-seatguard]   (needs hyperfine)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-30}"
baseline="${2:-}"
"$root/seatguard" --version >/dev/null
exe="$root/.build/cli/seatguard"
home="$(mktemp -d)"; trap 'rm -rf "$home"' EXIT
mkdir -p "$home/.claude"
printf '{"claudeAiOauth":{"accessToken":"sk-ant-oat01-%s","refreshToken":"x","expiresAt":4102444800000,"scopes":["user:inference"],"subscriptionType":"max"}}' \
  "$(head -c 300 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 95)" > "$home/.claude/.credentials.json"
chmod 600 "$home/.claude/.credentials.json"
now="$(date +%s)"
# The shape of statusline-example-oauth.json (session, model, workspace, cost, context_window, …), 3.5 KB.
base='{"session_id":"23657780-5d7f-41f1-8bd7-a3993b18a35c","transcript_path":"/nowhere/s.jsonl","cwd":"/tmp","effort":{"level":"medium"},"model":{"id":"claude-sonnet-5-5","display_name":"Sonnet 5.5"},"workspace":{"current_dir":"/tmp","project_dir":"/tmp","added_dirs":[]},"version":"2.1.330","output_style":{"name":"default"},"cost":{"total_cost_usd":0.000054,"total_duration_ms":2041,"total_api_duration_ms":511,"total_lines_added":0,"total_lines_removed":0},"context_window":{"total_input_tokens":12,"total_output_tokens":3,"context_window_size":1000000,"current_usage":{"input_tokens":12,"output_tokens":3,"cache_creation_input_tokens":0,"cache_read_input_tokens":0},"used_percentage":0,"remaining_percentage":100},"exceeds_200k_tokens":false,"fast_mode":false,"thinking":{"enabled":true}'
echo "$base}" > "$home/without.json"
echo "$base,\"rate_limits\":{\"five_hour\":{\"used_percentage\":42,\"resets_at\":$((now + 7200))},\"seven_day\":{\"used_percentage\":80,\"resets_at\":$((now + 259200))}}}" > "$home/with.json"
E="env -i PATH=$PATH HOME=$home"
args=(-n "statusline, no rate_limits" "$E $exe statusline < $home/without.json"
      -n "statusline, with rate_limits" "$E $exe statusline < $home/with.json")
[ -n "$baseline" ] && args+=(-n "baseline statusline, no rate_limits" "$E $baseline statusline < $home/without.json")
hyperfine -w 5 -r "$runs" --export-markdown "$home/out.md" "${args[@]}"
cat "$home/out.md"
