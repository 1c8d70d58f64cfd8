#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL cluster, exporting WIREWATCH_TEST_PG_URL for it.
#   bash scripts/with-postgres.sh .venv/bin/pytest -q
# When no server binary is installed (/usr/lib/postgresql/*/bin/initdb), or the cluster cannot
# start, the command runs without it and the PostgreSQL tests skip, saying why.
set -uo pipefail

if [ -n "${WIREWATCH_TEST_PG_URL:-}" ]; then exec "$@"; fi
initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
if [ -z "$initdb" ]; then
  echo "with-postgres: no PostgreSQL server installed; PostgreSQL tests will be skipped" >&2
  exec "$@"
fi
bindir=$(dirname "$initdb")

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

tmp=$(mktemp -d /tmp/wirewatch-pg.XXXXXX)
chmod 755 "$tmp"
if [ "$(id -u)" = 0 ]; then chown postgres "$tmp"; fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
user=$(if [ "$(id -u)" = 0 ]; then echo postgres; else id -un; fi)

cleanup() {
  as_pg "$bindir/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

if as_pg "$initdb" -D "$tmp/data" -U "$user" -A trust -E UTF8 >"$tmp/initdb.log" 2>&1 \
  && as_pg "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 30 \
       -o "-h 127.0.0.1 -p $port -k $tmp -F" start >/dev/null 2>&1 \
  && as_pg "$bindir/createdb" -h 127.0.0.1 -p "$port" -U "$user" wirewatch_test; then
  export WIREWATCH_TEST_PG_URL="postgresql+psycopg://$user@127.0.0.1:$port/wirewatch_test"
  echo "with-postgres: PostgreSQL on 127.0.0.1:$port" >&2
else
  echo "with-postgres: could not start PostgreSQL (see below); PostgreSQL tests will be skipped" >&2
  tail -n 5 "$tmp/initdb.log" "$tmp/server.log" 2>/dev/null >&2
fi
"$@"
status=$?
exit $status
