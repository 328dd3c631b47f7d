#!/usr/bin/env bash
# Installs the real third-party programs the interop tests run, pinned in package.json:
# Claude Code (plus its native binary, whose postinstall npm does not run here) and ccusage.
#
# SEATGUARD_CLAUDE_VERSION=2.1.332 additionally installs that version of Claude Code from npm into
# tests/tools/versions/2.1.332/ (once); the interop tests then run against it instead of the pinned one
# (tests/SeatGuard.TestKit/ToolPaths.cs reads the same variable):  SEATGUARD_CLAUDE_VERSION=2.1.332 ./test.sh
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$dir"
want_claude="$(node -p "require('./package.json').dependencies['@anthropic-ai/claude-code']")"
want_ccusage="$(node -p "require('./package.json').dependencies.ccusage")"
have_claude="$(node_modules/.bin/claude --version 2>/dev/null | awk '{print $1}' || true)"
have_ccusage="$(node_modules/.bin/ccusage --version 2>/dev/null | awk '{print $NF}' || true)"
if [ "$have_claude" != "$want_claude" ] || [ "$have_ccusage" != "$want_ccusage" ]; then
  echo "tests/tools: installing @anthropic-ai/claude-code@$want_claude and ccusage@$want_ccusage from npm …" >&2
  npm install --no-audit --no-fund --no-package-lock --loglevel=error >&2
  node node_modules/@anthropic-ai/claude-code/install.cjs >&2
  node_modules/.bin/claude --version >&2
  node_modules/.bin/ccusage --version >&2
fi

other="${SEATGUARD_CLAUDE_VERSION:-}"
if [ -n "$other" ] && [ "$other" != "$want_claude" ]; then
  case "$other" in *[!0-9A-Za-z.+-]*) echo "tests/tools: SEATGUARD_CLAUDE_VERSION is not a version: $other" >&2; exit 2 ;; esac
  vdir="$dir/versions/$other"
  have_other="$("$vdir/node_modules/.bin/claude" --version 2>/dev/null | awk '{print $1}' || true)"
  if [ "$have_other" != "$other" ]; then
    echo "tests/tools: installing @anthropic-ai/claude-code@$other into versions/$other …" >&2
    mkdir -p "$vdir"
    printf '{"name":"seatguard-claude-%s","private":true}\n' "$other" > "$vdir/package.json"
    (cd "$vdir" && npm install --no-audit --no-fund --no-package-lock --loglevel=error "@anthropic-ai/claude-code@$other" >&2 \
      && node node_modules/@anthropic-ai/claude-code/install.cjs >&2)
    "$vdir/node_modules/.bin/claude" --version >&2
  fi
fi
