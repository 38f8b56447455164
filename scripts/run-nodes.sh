#!/usr/bin/env bash
# Several app nodes on this machine, as ./run.sh --nodes N starts them: the embedded PostgreSQL (started and owned by
# this script, `database start --owner-pid`), a private redis-server on a free loopback port without persistence (the SignalR backplane), and N app
# processes on consecutive ports from 5080 (APPROVAL_BASE_PORT overrides). Ctrl+C stops them all, node 1 last, then the
# embedded database.
set -euo pipefail
cd "$(dirname "$0")/.."
nodes="${1:?usage: scripts/run-nodes.sh N}"
shift
[[ "$nodes" =~ ^[1-9][0-9]*$ ]] || { echo "节点数应为正整数（收到「$nodes」）。" >&2; exit 64; }
base="${APPROVAL_BASE_PORT:-5080}"

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
redis_port=6380
while ! port_free "$redis_port"; do redis_port=$((redis_port + 1)); done
for ((i = 0; i < nodes; i++)); do
  port_free $((base + i)) || { echo "端口 $((base + i)) 已被占用：请先停止占用它的程序，或设置 APPROVAL_BASE_PORT。" >&2; exit 1; }
done

# The embedded database's own command (src/Web `database`); what JasperFx prints on stderr is shown only when it fails.
database() {
  local err
  err="$(mktemp)"
  if dotnet run --no-build --project src/Web -- database "$@" 2>"$err" | sed -u 's/^/[database] /'; then
    rm -f "$err"
  else
    cat "$err" >&2
    rm -f "$err"
    return 1
  fi
}

pids=()
redis_pid=""
database_started=""
stop_all() {
  trap - EXIT INT TERM
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill -TERM "${pids[$i]}" 2>/dev/null || true
    wait "${pids[$i]}" 2>/dev/null || true
  done
  [ -n "$redis_pid" ] && kill -TERM "$redis_pid" 2>/dev/null && wait "$redis_pid" 2>/dev/null
  # The database last, and only if this script still owns it (it may have been another ./run.sh's all along).
  [ -n "$database_started" ] && database stop --owner-pid $$
  exit 0
}
trap stop_all EXIT INT TERM

redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize no --loglevel warning &
redis_pid=$!
echo "redis-server: 127.0.0.1:$redis_port (no persistence)"

dotnet build src/Web --nologo -v quiet
# This script owns the embedded database (when no ConnectionStrings__Approval names another): a node that is killed or
# restarted neither stops it nor leaves it orphaned, and it is stopped after every node.
if [ -z "${ConnectionStrings__Approval:-}" ]; then
  database start --owner-pid $$
  database_started=1
fi
wait_healthy() {
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null "http://127.0.0.1:$1/health" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "node on port $1 exited." >&2; return 1; }
    sleep 0.5
  done
  echo "node on port $1 did not become healthy." >&2
  return 1
}
start_node() {
  local port=$((base + $1))
  ConnectionStrings__Redis="127.0.0.1:$redis_port" ASPNETCORE_URLS="http://127.0.0.1:$port" Approval__NodeName="node $(($1 + 1))" \
    dotnet run --no-build --project src/Web -- "${@:2}" > >(sed -u "s/^/[node $(($1 + 1)) :$port] /") 2>&1 &
  pids+=($!) # the node itself (its output goes through sed by process substitution), so that stop_all stops it
}
# Node 1 migrates the schema and seeds the demo data; the others join it once it is healthy.
start_node 0 "$@"
wait_healthy "$base" "${pids[0]}"
for ((i = 1; i < nodes; i++)); do start_node "$i" "$@"; done
for ((i = 1; i < nodes; i++)); do wait_healthy $((base + i)) "${pids[$i]}"; done
echo "$nodes 个节点已启动：$(for ((i = 0; i < nodes; i++)); do printf 'http://127.0.0.1:%s ' $((base + i)); done)— 按 Ctrl+C 全部停止。"
wait
