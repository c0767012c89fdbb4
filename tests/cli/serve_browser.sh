#!/usr/bin/env bash
# Browser tests of the web UI (tests/browser/run.mjs): builds a database from samples/ with
# `veille ingest`, starts `veille serve` on a free port, drives Debian's chromium headless with
# playwright-core, leaves screenshots in <build dir>/screenshots, and stops the server.
# Usage: serve_browser.sh <veille binary> <source dir>; exits 77 (skip) when chromium, node, the
# web UI build or web/node_modules (scripts/build_web) is missing.
set -uo pipefail
veille=$1; src=$2
export VEILLE_MODELS=${VEILLE_MODELS:-$src/models}
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "skip: no chromium at $chromium (scripts/bootstrap installs it)"; exit 77; }
command -v node >/dev/null || { echo "skip: no node"; exit 77; }
[ -f "$src/web/node_modules/playwright-core/package.json" ] || { echo "skip: no web/node_modules (run scripts/build_web)"; exit 77; }
webroot=""
for d in "$(dirname "$veille")/webui" "$src/build/webui"; do [ -f "$d/index.html" ] && { webroot=$d; break; }; done
[ -n "$webroot" ] || { echo "skip: the web UI is not built (scripts/build_web)"; exit 77; }
[ -d "$src/samples/html" ] || { echo "skip: no samples/"; exit 77; }

tmp=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; }; rm -rf "$tmp"; }
trap cleanup EXIT
"$veille" ingest --db "$tmp/samples.db" "$src/samples/html" "$src/samples/text" "$src/samples/jsonl" \
  > "$tmp/ingest.out" 2> "$tmp/ingest.err" || { echo "FAIL: veille ingest"; cat "$tmp/ingest.err"; exit 1; }
"$veille" serve --db "$tmp/samples.db" --port 0 --web-root "$webroot" 2>"$tmp/serve.log" &
pid=$!
port=""
for _ in $(seq 100); do
  port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$tmp/serve.log" | grep -o '[0-9]*$')
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "FAIL: server did not start"; cat "$tmp/serve.log"; exit 1; }
shots="$(dirname "$veille")/screenshots"
CHROMIUM=$chromium timeout 300 node "$src/tests/browser/run.mjs" "http://127.0.0.1:$port" "$shots"
