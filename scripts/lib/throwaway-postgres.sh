# Starts a throwaway PostgreSQL cluster on a free loopback port for the tests and removes it on exit.
# Source this file, then call `start_throwaway_postgres`. It exports:
#   STOREOPS_TEST_POSTGRES_URL  the superuser URL (postgres://postgres@127.0.0.1:PORT/postgres)
#   STOREOPS_TEST_PGDATA        the cluster's data directory, STOREOPS_TEST_PGBIN its binaries, STOREOPS_TEST_PGPORT its port
#   STOREOPS_TEST_PGCTL         a command prefix that runs a program as the cluster's owner
# Tests use them to create a database per test and to stop and restart the server.

start_throwaway_postgres() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        echo "PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql-15)." >&2
        return 1
    fi
    local dir run_as=()
    dir=$(mktemp -d /tmp/storeops-pg.XXXXXX)
    if [ "$(id -u)" = 0 ]; then
        chown postgres:postgres "$dir"
        run_as=(runuser -u postgres --)
    fi
    chmod 700 "$dir"
    local port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "${run_as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; return 1; }
    # 1000 connections: the suite runs many tests at once, each with its own pool; with 300 the cluster could refuse
    # connections, and a live server's request then waits about a minute for its pool to give up (measured: 68 s).
    "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=1000 -c fsync=off -c synchronous_commit=off" start >/dev/null \
        || { cat "$dir/server.log" >&2; return 1; }
    export STOREOPS_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
    export STOREOPS_TEST_PGDATA="$dir/data" STOREOPS_TEST_PGBIN="$bin" STOREOPS_TEST_PGPORT="$port"
    export STOREOPS_TEST_PGCTL="${run_as[*]}"
    STOREOPS_THROWAWAY_PG_DIR="$dir"
    trap stop_throwaway_postgres EXIT
    echo "Throwaway PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)" >&2
}

stop_throwaway_postgres() {
    [ -n "${STOREOPS_THROWAWAY_PG_DIR:-}" ] || return 0
    ${STOREOPS_TEST_PGCTL} "$STOREOPS_TEST_PGBIN/pg_ctl" -D "$STOREOPS_TEST_PGDATA" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$STOREOPS_THROWAWAY_PG_DIR"
    STOREOPS_THROWAWAY_PG_DIR=
}
