#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster on 127.0.0.1 for the tests: start PORT | stop PORT.
set -euo pipefail
actie=${1:?start of stop}
poort=${2:-54329}
bin=/usr/lib/postgresql/15/bin
map=/tmp/passend-pg-$poort
als_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$actie" in
  start)
    if [ -d "$map" ]; then als_postgres "$bin/pg_ctl" -D "$map/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$map"; fi
    mkdir -p "$map"
    [ "$(id -u)" -eq 0 ] && chown postgres "$map"
    als_postgres "$bin/initdb" -D "$map/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    als_postgres "$bin/pg_ctl" -D "$map/data" -l "$map/log" -w \
      -o "-h 127.0.0.1 -p $poort -k $map -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
    "$bin/psql" -h 127.0.0.1 -p "$poort" -U postgres -qc "CREATE ROLE passend LOGIN SUPERUSER" >/dev/null
    "$bin/psql" -h 127.0.0.1 -p "$poort" -U postgres -qc "CREATE DATABASE passend OWNER passend" >/dev/null
    echo "PostgreSQL 15 testcluster draait op 127.0.0.1:$poort"
    ;;
  stop)
    if [ -d "$map" ]; then
      als_postgres "$bin/pg_ctl" -D "$map/data" -m fast stop >/dev/null 2>&1 || true
      rm -rf "$map"
    fi
    ;;
  *) echo "gebruik: $0 start|stop [poort]" >&2; exit 2 ;;
esac
