#!/usr/bin/env bash
# Side-by-side RPC benchmark: the same 1000 sequential calls (after 200 warm-up) and 20 000 calls with 100 in
# flight, for
#   (a) Cfc.Wamp caller + callee against the in-process Cfc router (WebSocket on 127.0.0.1), json, cbor, msgpack;
#   (b) Cfc.Wamp caller + callee against fox-wamp 0.7.28 (json: fox-wamp speaks nothing else);
#   (c) autobahn-js 22.11.1 caller + callee against fox-wamp: the baseline of docs/performance.md.
# (b) and (c) need Node 20+ and the interop peers' node_modules (fox-wamp, autobahn). They are looked up in
# $PEERS_DIR (default: tests/interop-peers, installed by scripts/setup-test-deps.sh); without them the script
# says so and runs (a) only.
# Usage: bench/side-by-side/run.sh   (from anywhere; prints one Markdown table)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
peers="${PEERS_DIR:-$root/tests/interop-peers}"

dotnet build -c Release "$root/bench/Cfc.Benchmarks" -nologo -v quiet >/dev/null
bench=(dotnet run -c Release --no-build --project "$root/bench/Cfc.Benchmarks" -- sidebyside)

echo "| peers | serializer | median latency | p99 | throughput |"
echo "|---|---|---|---|---|"
for s in json cbor msgpack; do
  "${bench[@]}" --serializer "$s"
done

if [[ ! -d "$peers/node_modules/fox-wamp" || ! -d "$peers/node_modules/autobahn" ]]; then
  echo
  echo "(b) and (c) require the interop peers: fox-wamp and autobahn under $peers/node_modules (set PEERS_DIR)." >&2
  exit 0
fi

export NODE_PATH="$peers/node_modules"
fifo="$(mktemp -u)"
mkfifo "$fifo"
# The router lives as long as the fifo's writer (fd 3): closing it on exit stops the router.
node "$here/fox-router.js" < "$fifo" > "$fifo.out" &
router_pid=$!
exec 3>"$fifo"
trap 'exec 3>&-; wait "$router_pid" 2>/dev/null || true; rm -f "$fifo" "$fifo.out"' EXIT

for _ in $(seq 1 100); do
  [[ -s "$fifo.out" ]] && break
  sleep 0.1
done
port="$(sed -n 's/.*"port": *\([0-9]*\).*/\1/p' "$fifo.out" | head -n1)"
[[ -n "$port" ]] || { echo "fox-wamp did not start" >&2; exit 1; }
url="ws://127.0.0.1:$port/ws"

"${bench[@]}" --url "$url" --realm realm1 --label "Cfc.Wamp -> fox-wamp"
node "$here/autobahn-bench.js" "$url" realm1 "autobahn-js -> fox-wamp"
