# shellcheck shell=bash
# Throwaway PostgreSQL server for tests.
#
# Source this file, then:
#   pg_start            # installs PostgreSQL 15 if needed, starts a private server
#                       # on 127.0.0.1:<free port>, exports GAZETTE_TEST_POSTGRES_URL
#   trap pg_stop EXIT   # fast shutdown + removal of the temporary data folder
#
# Call pg_start in the current shell (not inside "$(...)" or a pipeline), or the
# exported URL and the remembered pid are lost with the subshell. The server is
# disowned, so a bare `wait` in the caller does not wait for it.
#
# Environment (all optional):
#   GAZETTE_PG_VERSION        major version (default 15)
#   GAZETTE_PG_START_TIMEOUT  seconds to wait for the server to accept connections (default 60)
#   GAZETTE_PG_LOG            if set, the server log is copied to this file by pg_stop

GAZETTE_PG_VERSION="${GAZETTE_PG_VERSION:-15}"

_gazette_pg_dir=""       # temporary folder: data/, server log, unix socket
_gazette_pg_pid=""       # postmaster pid (from postmaster.pid)
_gazette_pg_launcher=""  # pid of the background job (runuser, or postgres itself)
_gazette_pg_port=""

_pg_say() { printf '[postgres] %s\n' "$*" >&2; }

_pg_bindir() { printf '/usr/lib/postgresql/%s/bin' "$GAZETTE_PG_VERSION"; }

# True when pid exists and is not a zombie.
_pg_alive() {
  local pid="$1" state
  [[ -n "$pid" ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r "/proc/$pid/stat" ]]; then
    state=$(sed -E 's/^[0-9]+ \(.*\) ([A-Za-z]).*/\1/' "/proc/$pid/stat" 2>/dev/null) || return 1
    [[ "$state" != "Z" && "$state" != "X" ]]
  fi
}

# Run a command as the user who owns the server: `postgres` when we are root
# (initdb and postgres refuse to run as root), ourselves otherwise.
_pg_as_owner() {
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

_pg_install() {
  local bindir
  bindir="$(_pg_bindir)"
  if [[ -x "$bindir/postgres" && -x "$bindir/initdb" && -x "$bindir/pg_isready" ]]; then
    return 0
  fi
  if [[ "$(id -u)" -ne 0 ]]; then
    _pg_say "error: $bindir/postgres is missing and we are not root; install postgresql-$GAZETTE_PG_VERSION"
    return 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    _pg_say "error: $bindir/postgres is missing and apt-get is not available"
    return 1
  fi
  _pg_say "installing postgresql-$GAZETTE_PG_VERSION with apt-get"
  # Keep Debian's package from creating (and possibly starting) its own
  # "main" cluster on port 5432: we never use it. createcluster.conf
  # includes this folder (postgresql-common >= 2xx).
  mkdir -p /etc/postgresql-common/createcluster.d
  if [[ ! -e /etc/postgresql-common/createcluster.d/gazette-no-main-cluster.conf ]]; then
    printf '# written by the gazette test scripts\ncreate_main_cluster = false\n' \
      >/etc/postgresql-common/createcluster.d/gazette-no-main-cluster.conf
  fi
  local apt_opts=(-o DPkg::Lock::Timeout=300 -o Acquire::Retries=3)
  if ! apt-get "${apt_opts[@]}" update -qq; then
    _pg_say "error: apt-get update failed"
    return 1
  fi
  if ! DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y -qq \
    --no-install-recommends "postgresql-$GAZETTE_PG_VERSION" >&2; then
    _pg_say "error: apt-get install postgresql-$GAZETTE_PG_VERSION failed"
    return 1
  fi
  if [[ ! -x "$bindir/postgres" ]]; then
    _pg_say "error: $bindir/postgres still missing after installing postgresql-$GAZETTE_PG_VERSION"
    return 1
  fi
}

_pg_free_port() {
  local port
  if command -v python3 >/dev/null 2>&1 &&
    port=$(python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()' 2>/dev/null) && [[ -n "$port" ]]; then
    printf '%s' "$port"
  else
    printf '%s' $((20000 + RANDOM % 30000))
  fi
}

# Make a temporary folder the server's owner can use.
_pg_make_dir() {
  local dir base
  for base in "${TMPDIR:-/tmp}" /tmp /var/tmp; do
    dir=$(mktemp -d "$base/gazette-pg.XXXXXX" 2>/dev/null) || continue
    if [[ "$(id -u)" -eq 0 ]]; then
      chown postgres:postgres "$dir"
      chmod 700 "$dir"
      # The postgres user must be able to reach the folder (e.g. not under /root).
      if ! runuser -u postgres -- test -w "$dir" 2>/dev/null; then
        rm -rf "$dir"
        continue
      fi
    fi
    # Unix socket paths are limited to 107 bytes.
    if ((${#dir} > 80)); then
      rm -rf "$dir"
      continue
    fi
    printf '%s' "$dir"
    return 0
  done
  _pg_say "error: could not make a temporary folder usable by the server"
  return 1
}

pg_start() {
  if [[ -n "$_gazette_pg_dir" ]]; then
    _pg_say "already running on port $_gazette_pg_port"
    return 0
  fi
  local started_at=$SECONDS
  _pg_install || return 1

  local bindir
  bindir="$(_pg_bindir)"
  if [[ "$(id -u)" -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    _pg_say "error: running as root but there is no 'postgres' system user"
    return 1
  fi

  _gazette_pg_dir="$(_pg_make_dir)" || { _gazette_pg_dir=""; return 1; }
  local dir="$_gazette_pg_dir"

  # initdb: C.UTF-8 (Unicode-aware ctype, byte-order collation); plain C as fallback.
  local locale ok=""
  for locale in C.UTF-8 C; do
    rm -rf "$dir/data"
    if (cd / && _pg_as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust \
      --encoding=UTF8 --locale="$locale" --no-sync --no-instructions) >"$dir/initdb.log" 2>&1; then
      ok=1
      break
    fi
  done
  if [[ -z "$ok" ]]; then
    _pg_say "error: initdb failed:"
    cat "$dir/initdb.log" >&2
    pg_stop
    return 1
  fi

  local timeout="${GAZETTE_PG_START_TIMEOUT:-60}" attempt port deadline
  for attempt in 1 2 3 4 5; do
    port="$(_pg_free_port)"
    # listen_addresses: loopback only; the unix socket lives in our folder.
    local server=("$bindir/postgres" -D "$dir/data"
      -c listen_addresses=127.0.0.1
      -c port="$port"
      -c unix_socket_directories="$dir"
      -c max_connections=600
      -c fsync=off
      -c synchronous_commit=off
      -c full_page_writes=off
      -c wal_level=minimal
      -c max_wal_senders=0
      -c max_wal_size=1GB
      -c checkpoint_timeout=30min
      -c timezone=UTC
      -c log_timezone=UTC)
    # In its own session (setsid), so that a Ctrl-C meant for the tests or
    # for psql does not reach the postmaster; -w keeps $! alive as long as the
    # server. Started directly (not through a shell function) so that $! is
    # setsid, runuser or the postmaster itself.
    local detach=()
    if command -v setsid >/dev/null 2>&1; then
      detach=(setsid -w)
    fi
    if [[ "$(id -u)" -eq 0 ]]; then
      "${detach[@]}" runuser -u postgres -- "${server[@]}" </dev/null >"$dir/postgres.log" 2>&1 &
    else
      "${detach[@]}" "${server[@]}" </dev/null >"$dir/postgres.log" 2>&1 &
    fi
    _gazette_pg_launcher=$!
    # Out of the job table: a caller's bare `wait` must not wait for the server.
    disown "$_gazette_pg_launcher" 2>/dev/null || true
    _gazette_pg_port="$port"

    deadline=$((SECONDS + timeout))
    while :; do
      if "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -t 1 >/dev/null 2>&1; then
        break
      fi
      if ! _pg_alive "$_gazette_pg_launcher"; then
        break
      fi
      if ((SECONDS >= deadline)); then
        _pg_say "error: server did not accept connections within ${timeout}s; log:"
        cat "$dir/postgres.log" >&2
        pg_stop
        return 1
      fi
      sleep 0.2
    done

    if _pg_alive "$_gazette_pg_launcher"; then
      break
    fi
    # The server exited: retry on another port if that port was taken.
    _gazette_pg_launcher=""
    if grep -q -e 'could not bind' -e 'Address already in use' "$dir/postgres.log" && ((attempt < 5)); then
      _pg_say "port $port was taken, trying another"
      continue
    fi
    _pg_say "error: server exited during start-up; log:"
    cat "$dir/postgres.log" >&2
    pg_stop
    return 1
  done

  _gazette_pg_pid="$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)"
  if ! [[ "$_gazette_pg_pid" =~ ^[0-9]+$ ]]; then
    _pg_say "error: could not read $dir/data/postmaster.pid"
    pg_stop
    return 1
  fi

  export GAZETTE_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
  if ! "$bindir/psql" "$GAZETTE_TEST_POSTGRES_URL" -X -q -t -A -c 'select 1' >/dev/null 2>&1; then
    _pg_say "error: server answers pg_isready but 'select 1' failed; log:"
    cat "$dir/postgres.log" >&2
    pg_stop
    return 1
  fi
  _pg_say "PostgreSQL $GAZETTE_PG_VERSION ready at $GAZETTE_TEST_POSTGRES_URL (pid $_gazette_pg_pid, $((SECONDS - started_at))s)"
}

pg_stop() {
  local dir="$_gazette_pg_dir" pid="$_gazette_pg_pid" launcher="$_gazette_pg_launcher"
  _gazette_pg_dir=""
  _gazette_pg_pid=""
  _gazette_pg_launcher=""
  _gazette_pg_port=""
  unset GAZETTE_TEST_POSTGRES_URL
  [[ -n "$dir" ]] || return 0

  local i
  if [[ -z "$pid" && -n "$launcher" ]]; then
    # Stopped during start-up: find the postmaster's pid.
    for ((i = 0; i < 50; i++)); do
      if [[ -r "$dir/data/postmaster.pid" ]]; then
        pid="$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)"
        [[ "$pid" =~ ^[0-9]+$ ]] && break
        pid=""
      fi
      _pg_alive "$launcher" || break
      sleep 0.1
    done
    if [[ -z "$pid" ]]; then
      # Still no postmaster.pid: walk down from the launcher (setsid, runuser)
      # to the first process named postgres.
      local child
      pid="$launcher"
      for ((i = 0; i < 3; i++)); do
        [[ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" == postgres ]] && break
        child="$(cat "/proc/$pid/task/$pid/children" 2>/dev/null || true)"
        child="${child%% *}"
        [[ "$child" =~ ^[0-9]+$ ]] || break
        pid="$child"
      done
    fi
  fi

  if _pg_alive "$pid"; then
    kill -INT "$pid" 2>/dev/null || true # fast shutdown
    for ((i = 0; i < 150; i++)); do
      _pg_alive "$pid" || break
      sleep 0.2
    done
    if _pg_alive "$pid"; then
      _pg_say "server $pid ignored fast shutdown; sending SIGQUIT"
      kill -QUIT "$pid" 2>/dev/null || true
      for ((i = 0; i < 50; i++)); do
        _pg_alive "$pid" || break
        sleep 0.2
      done
      _pg_alive "$pid" && kill -KILL "$pid" 2>/dev/null
    fi
  fi
  if [[ -n "$launcher" ]]; then
    for ((i = 0; i < 50; i++)); do
      _pg_alive "$launcher" || break
      sleep 0.1
    done
    wait "$launcher" 2>/dev/null || true # reaps it if still in the job table
  fi
  if [[ -n "${GAZETTE_PG_LOG:-}" && -f "$dir/postgres.log" ]]; then
    cp "$dir/postgres.log" "$GAZETTE_PG_LOG" 2>/dev/null || true
  fi
  rm -rf "$dir"
  return 0
}
