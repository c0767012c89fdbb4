#!/usr/bin/env bash
# veille ingest end to end on samples/: the summary line, idempotence (a second run stores
# nothing), kill -9 in the middle of an ingestion then a rerun loses nothing, the read commands
# (search, stories, entity, show) and their errors, and refusal of a database that is not ours.
# Usage: ingest_cli.sh <veille binary> <source dir>
set -u
VEILLE="$1"
SRC="$2"
SAMPLES="$SRC/samples"
[ -d "$SAMPLES" ] || { echo "skip: $SAMPLES absent"; exit 77; }
export VEILLE_MODELS="$SRC/models"
TMP="$(mktemp -d)"
# Background jobs (the kill -9 test's ingestion and the writer that holds its pipe open) must not
# outlive the script: ctest would wait for them.
trap 'kill -9 $(jobs -p) 2>/dev/null; rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

count() {  # count NAME SUMMARY_LINE
  echo "$2" | sed -n "s/.* $1=\([0-9]*\).*/\1/p"
}

# --- first run, then a second one that stores nothing new
OUT1="$("$VEILLE" ingest --db "$TMP/a.db" -j 2 "$SAMPLES" 2>"$TMP/err1")"
RC1=$?
echo "$OUT1"
echo "$OUT1" | grep -Eq '^ingest: read=[0-9]+ new=[0-9]+ known=[0-9]+ duplicates=[0-9]+ failed=[0-9]+ \([0-9.]+ pages/s\)$' \
  || fail "summary line: $OUT1"
READ1=$(count read "$OUT1"); NEW1=$(count new "$OUT1"); KNOWN1=$(count known "$OUT1"); FAILED1=$(count failed "$OUT1")
[ "$NEW1" -gt 30 ] || fail "expected more than 30 new pages, got $NEW1"
[ $((NEW1 + KNOWN1 + FAILED1)) -eq "$READ1" ] || fail "read != new + known + failed: $OUT1"
# samples/bad holds pages that cannot be read: they are reported by name and the exit code says so.
if [ "$FAILED1" -gt 0 ]; then
  [ "$RC1" -eq 1 ] || fail "exit code $RC1 with failed pages"
  grep -q "bad/" "$TMP/err1" || fail "errors do not name the failed sources: $(cat "$TMP/err1")"
fi
OUT2="$("$VEILLE" ingest --db "$TMP/a.db" "$SAMPLES" 2>/dev/null)"
echo "$OUT2"
[ "$(count new "$OUT2")" -eq 0 ] || fail "second run stored new pages: $OUT2"
[ "$(count known "$OUT2")" -eq $((NEW1 + KNOWN1)) ] || fail "second run known count: $OUT2"

# --- read commands
"$VEILLE" stories --db "$TMP/a.db" > "$TMP/stories.jsonl" || fail "stories"
[ "$(wc -l < "$TMP/stories.jsonl")" -eq 2 ] || fail "stories prints a stories line and a threads line"
head -1 "$TMP/stories.jsonl" | grep -q '"stories":\[{"id":' || fail "stories JSON: $(head -c 300 "$TMP/stories.jsonl")"
"$VEILLE" stories --db "$TMP/a.db" --format table | grep -q "stories" || fail "stories table"
"$VEILLE" search --db "$TMP/a.db" "crue Aulne" > "$TMP/search.json" || fail "search"
grep -q '"hit":true' "$TMP/search.json" || fail "search has no highlighted hit: $(head -c 300 "$TMP/search.json")"
"$VEILLE" search --db "$TMP/a.db" "chateaulin" | grep -q '"total":0' && fail "accent-folded search found nothing"
"$VEILLE" search --db "$TMP/a.db" '"unbalanced' 2>"$TMP/e"; [ $? -eq 2 ] || fail "bad query exit code"
grep -q "quote" "$TMP/e" || fail "bad query message: $(cat "$TMP/e")"
"$VEILLE" search --db "$TMP/a.db" "x'); DROP TABLE articles; --" >/dev/null || fail "metacharacters in a query"
"$VEILLE" show --db "$TMP/a.db" 1 | grep -q '"document":{' || fail "show 1"
"$VEILLE" show --db "$TMP/a.db" 999999 2>"$TMP/e"; [ $? -eq 1 ] || fail "unknown article exit code"
grep -q "999999" "$TMP/e" || fail "unknown article message"
"$VEILLE" show --db "$TMP/a.db" abc 2>/dev/null; [ $? -eq 2 ] || fail "non-numeric id is a usage error"
"$VEILLE" entity --db "$TMP/a.db" "Châteaulin" | grep -q '"mentions":' || fail "entity by name"
"$VEILLE" entity --db "$TMP/a.db" "Personne Inconnue Du Corpus" 2>/dev/null; [ $? -eq 1 ] || fail "unknown entity"
"$VEILLE" stories --db "$TMP/absent.db" 2>"$TMP/e"; [ $? -eq 1 ] || fail "missing database exit code"
[ -e "$TMP/absent.db" ] && fail "a read command created a database"

# --- a file that is not a veille database is refused and left as it was
echo "not a database" > "$TMP/notes.db"
"$VEILLE" ingest --db "$TMP/notes.db" "$SAMPLES/text" >/dev/null 2>"$TMP/e"; [ $? -eq 1 ] || fail "foreign file accepted"
grep -q "not a SQLite database" "$TMP/e" || fail "foreign file message: $(cat "$TMP/e")"
[ "$(cat "$TMP/notes.db")" = "not a database" ] || fail "foreign file was modified"

# --- kill -9 in the middle, then resume: nothing committed is lost, everything ends up stored.
# The pages come through a pipe that stays open, so the ingestion cannot end before the kill
# whatever the machine's speed: it is killed as soon as a first batch is committed.
FEED="$SAMPLES/jsonl/feed-2026-11-18.jsonl"
copies() {  # copies FIRST LAST: distinct pages (own URL, own text) made from the sample feed
  for i in $(seq "$1" "$2"); do
    sed -e "s#\"url\": \"https://#\"url\": \"https://copie$i.#" -e "s#\"text\": \"#\"text\": \"Copie $i. #" "$FEED"
  done
}
copies 1 40 > "$TMP/all.jsonl"
TOTAL=$(wc -l < "$TMP/all.jsonl")
mkfifo "$TMP/pipe"
"$VEILLE" ingest --db "$TMP/k.db" -j 2 --batch 4 - < "$TMP/pipe" >/dev/null 2>"$TMP/kerr" &
PID=$!
{ copies 1 20; exec sleep 600; } > "$TMP/pipe" 2>/dev/null &
WRITER=$!
N=0
for _ in $(seq 1 600); do
  kill -0 $PID 2>/dev/null || break
  N=$("$VEILLE" stories --db "$TMP/k.db" 2>/dev/null | head -1 | sed -n 's/^{"total":\([0-9]*\).*/\1/p')
  [ -n "$N" ] && [ "$N" -gt 0 ] && break
  sleep 0.2
done
kill -9 $PID 2>/dev/null || fail "ingestion ended before it could be killed: $(cat "$TMP/kerr")"
wait $PID 2>/dev/null
kill $WRITER 2>/dev/null; wait $WRITER 2>/dev/null
[ -n "$N" ] && [ "$N" -gt 0 ] || fail "nothing was committed within two minutes"
OUT3="$("$VEILLE" ingest --db "$TMP/k.db" -j 2 "$TMP/all.jsonl" 2>/dev/null)"
echo "after kill -9: $OUT3"
[ "$(count known "$OUT3")" -gt 0 ] || fail "nothing committed before the kill was kept: $OUT3"
[ "$(count new "$OUT3")" -gt 0 ] || fail "the kill came after the end: $OUT3"
[ "$(count read "$OUT3")" -eq "$TOTAL" ] || fail "read $(count read "$OUT3") of $TOTAL pages"
OUT4="$("$VEILLE" ingest --db "$TMP/k.db" "$TMP/all.jsonl" 2>/dev/null)"
[ "$(count known "$OUT4")" -eq "$TOTAL" ] || fail "after resuming, not every page is stored: $OUT4"
echo "ok"
