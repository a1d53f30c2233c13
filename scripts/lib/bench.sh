# shellcheck shell=bash
# Pieces shared by the benchmark scripts: free ports, Gazette servers started and timed, nginx on
# loopback, wrk runs read back as figures, and peak memory. Source it; every server it starts is
# remembered and stopped by bench_stop_all (call it from an EXIT trap).
#
# The sourcing script sets bench_root (the checkout), bench_duration (seconds per wrk run),
# bench_connections and bench_threads; bench_start_gazette sets bench_pid and bench_startup_ms for it.
# shellcheck disable=SC2154,SC2034

_bench_pids=()        # every server started here, stopped by bench_stop_all
_bench_nginx_dirs=()  # nginx prefixes, for their master pids

bench_say() { printf '[bench] %s\n' "$*" >&2; }

bench_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

bench_install() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || missing+=(nginx-light)
  ((${#missing[@]} == 0)) && return 0
  bench_say "installing ${missing[*]} with apt-get"
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

_bench_now_ms() { echo $(($(date +%s%N) / 1000000)); }

# bench_start_gazette BINARY PORT ARGS… — starts `gazette serve` and waits for its first answer to "/".
# Sets bench_pid and bench_startup_ms (from launch to the first complete answer of the front page).
bench_start_gazette() {
  local binary="$1" port="$2"
  shift 2
  local started
  started="$(_bench_now_ms)"
  "$binary" serve --host 127.0.0.1 --port "$port" "$@" >/dev/null &
  bench_pid=$!
  _bench_pids+=("$bench_pid")
  for _ in $(seq 1 3000); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; then
      bench_startup_ms=$(($(_bench_now_ms) - started))
      return 0
    fi
    kill -0 "$bench_pid" 2>/dev/null || { bench_say "gazette on port $port exited"; return 1; }
    sleep 0.005
  done
  bench_say "gazette on port $port did not answer within 15 s"
  return 1
}

bench_stop() {
  local pid="$1"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}

# Peak resident memory of a process so far, in MB (VmHWM).
bench_peak_rss_mb() {
  awk '/^VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"
}

# bench_start_nginx DIR PORT SERVER-BLOCK-BODY [HTTP-BLOCK-EXTRA] — nginx as an ordinary process with
# its own prefix, configuration and logs in DIR, listening on 127.0.0.1:PORT; as many workers as cores,
# like a production set-up. Sets bench_nginx_pid.
bench_start_nginx() {
  local dir="$1" port="$2" body="$3" extra="${4:-}"
  mkdir -p "$dir/logs" "$dir/temp"
  cat >"$dir/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_requests 1000000;
    keepalive_timeout 75s;
    default_type text/html;
    types { text/html html; application/xml xml; }
    client_body_temp_path $dir/temp/body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;
    $extra
    server {
        listen 127.0.0.1:$port;
        $body
    }
}
EOF
  nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/logs/error.log" &
  bench_nginx_pid=$!
  _bench_pids+=("$bench_nginx_pid")
  for _ in $(seq 1 200); do
    curl -sS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && return 0
    sleep 0.05
  done
  bench_say "nginx did not start; its log:"
  cat "$dir/logs/error.log" >&2
  return 1
}

bench_stop_all() {
  local pid
  for pid in "${_bench_pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  _bench_pids=()
}

# bench_wrk URL [wrk options…] — runs wrk for $bench_duration seconds with $bench_connections
# connections and prints "requests/s p50-ms p99-ms bad-answers" on one line.
bench_wrk() {
  local url="$1"
  shift
  local output
  output="$(wrk -t "$bench_threads" -c "$bench_connections" -d "${bench_duration}s" --timeout 10s \
    -s "$bench_root/Benchmarks/wrk-report.lua" "$@" "$url")"
  awk '/^REPORT/ {print $2, $3, $4, $5}' <<<"$output"
}
