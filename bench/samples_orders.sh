#!/bin/bash
# Stories and threads of samples/ over several input orders, through `veille review` as a user
# runs it: the sample files are copied flat into a directory under names that set the order
# (the walk reads a directory in sorted order), ingested into a fresh database, and the review
# is scored by scripts/score_samples_review.py (pairwise P/R against samples/EXPECTED.json).
# Orders: the default walk, its reverse, and three shuffles with fixed seeds. BATCH=N ingests N
# pages per transaction first (`veille ingest --batch N`; the default, 128, holds all of samples/),
# to see what happens when pages come in separate batches.
#
# Usage: [BATCH=N] bench/samples_orders.sh [VEILLE_BINARY] [WORK_DIR]   (run from anywhere)
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
VEILLE=$(realpath "${1:-$SRC/build/veille}")
WORK=${2:-$(mktemp -d)}
cd "$SRC"  # models/ are found from the checkout
files=$(cd samples && find . -type f ! -name '*.md' ! -name 'EXPECTED.json' | sort)
seeded() { shuf --random-source=<(yes "$1"); }
for order in walk reverse shuffle1 shuffle22 shuffle333; do
  case $order in
    walk) list=$files ;;
    reverse) list=$(echo "$files" | tac) ;;
    shuffle*) list=$(echo "$files" | seeded "${order#shuffle}") ;;
  esac
  dir=$WORK/$order
  rm -rf "$dir" "$WORK/$order.db"*
  mkdir -p "$dir"
  i=100
  for f in $list; do
    i=$((i + 1))
    cp "samples/$f" "$dir/$i-$(basename "$f")"
  done
  if [ -n "${BATCH:-}" ]; then
    "$VEILLE" ingest -q --batch "$BATCH" --db "$WORK/$order.db" "$dir" >/dev/null 2>&1 || true  # bad pages: exit 1
    "$VEILLE" review --db "$WORK/$order.db" -o "$WORK/$order.json" --format json 2>/dev/null
  else
    "$VEILLE" review --db "$WORK/$order.db" "$dir" -o "$WORK/$order.json" --format json 2>/dev/null
  fi
  echo "$order: $(python3 scripts/score_samples_review.py "$WORK/$order.json" | grep pairwise | tr '\n' ' ')"
done
echo "reproduce: ${BATCH:+BATCH=$BATCH }bench/samples_orders.sh $VEILLE"
