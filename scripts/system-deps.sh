#!/usr/bin/env bash
# Installs the Debian packages that the tests use (PostgreSQL server, Chromium) when they are
# missing and we are root with apt; otherwise says what is missing and goes on: the tests that
# need them are then skipped with that reason.
set -uo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "system-deps: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null 2>&1 || true
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
    || echo "system-deps: could not install ${need[*]}; tests that need them will be skipped"
else
  echo "system-deps: missing ${need[*]} (not root or no apt-get); tests that need them will be skipped"
fi
exit 0
