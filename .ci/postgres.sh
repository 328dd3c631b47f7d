#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on a loopback port, for the team-store tests.
#
#   eval "$(bash .ci/postgres.sh start)"   # prints: export SEATGUARD_TEST_POSTGRES=postgresql://…; export SEATGUARD_TEST_PGDIR=…
#   bash .ci/postgres.sh stop "$SEATGUARD_TEST_PGDIR"
#
# Installs Debian's postgresql package when no server binaries are present (root only), runs initdb/pg_ctl as an
# unprivileged user (the current one, or `postgres`/`nobody` when this runs as root), listens on 127.0.0.1 only,
# with password authentication and a password made up at start. Everything lives in one temporary directory that
# `stop` removes.
set -euo pipefail

bindir() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  if [ -z "$d" ] && command -v pg_ctl >/dev/null 2>&1; then d="$(dirname "$(command -v pg_ctl)")"; fi
  echo "$d"
}

as_owner() {
  # Runs a command as the cluster's owner.
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}

start() {
  local bin
  bin="$(bindir)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    if [ "$(id -u)" -ne 0 ]; then echo "postgres.sh: no PostgreSQL server binaries (install the postgresql package)" >&2; exit 1; fi
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql) >/dev/null
    bin="$(bindir)"
  fi
  owner="$(id -un)"
  if [ "$(id -u)" -eq 0 ]; then
    if id postgres >/dev/null 2>&1; then owner=postgres; else owner=nobody; fi
  fi
  local dir port password
  dir="$(mktemp -d /tmp/seatguard-pg.XXXXXX)"
  chmod 700 "$dir"
  [ "$(id -u)" -eq 0 ] && chown "$owner" "$dir"
  password="$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
  printf '%s\n' "$password" > "$dir/pwfile"
  [ "$(id -u)" -eq 0 ] && chown "$owner" "$dir/pwfile"
  chmod 600 "$dir/pwfile"
  as_owner "$bin/initdb" -D "$dir/data" -U seatguard --pwfile="$dir/pwfile" --auth=scram-sha-256 -E UTF8 --no-instructions >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$dir/pwfile"
  for _ in $(seq 50); do
    port=$(( 20000 + RANDOM % 30000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200 -c fsync=off" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  echo "export SEATGUARD_TEST_POSTGRES='postgresql://seatguard:$password@127.0.0.1:$port/postgres'"
  echo "export SEATGUARD_TEST_PGDIR='$dir'"
}

stop() {
  local dir="${1:-${SEATGUARD_TEST_PGDIR:-}}" bin
  [ -n "$dir" ] && [ -d "$dir/data" ] || return 0
  bin="$(bindir)"
  owner="$(stat -c %U "$dir")"
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: postgres.sh start | stop DIR" >&2; exit 2 ;;
esac
