#!/usr/bin/env bash
# veille review end to end on samples/: the main job. Ingests the samples and writes the review in
# each format; checks the review's JSON schema, that copies are shown under their source, that
# the HTML is self-contained, that a second run stores nothing, the filters, and the errors.
# Usage: review_cli.sh <veille binary> <source dir>
set -u
VEILLE="$1"
SRC="$2"
SAMPLES="$SRC/samples"
[ -d "$SAMPLES" ] || { echo "skip: $SAMPLES absent"; exit 77; }
export VEILLE_MODELS="$SRC/models"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# --- the main job: ingest and write the HTML review; bad pages are reported, the review is written
"$VEILLE" review --db "$TMP/r.db" -j 2 "$SAMPLES" -o "$TMP/review.html" 2>"$TMP/err" \
  || fail "review exit code $? ($(tail -3 "$TMP/err"))"
grep -Eq '^ingest: read=[0-9]+ new=[0-9]+ known=0 duplicates=[0-9]+ failed=[0-9]+' "$TMP/err" \
  || fail "no ingest summary on stderr: $(cat "$TMP/err")"
[ -s "$TMP/review.html" ] || fail "empty review"
[ ! -e "$TMP/review.html.tmp" ] || fail "temporary file left behind"
grep -q '<html lang="fr">' "$TMP/review.html" || fail "not an HTML page"
if grep -Eiq '<script|<link |src="https?:|url\(https?:' "$TMP/review.html"; then
  fail "the HTML review loads something from outside or runs a script"
fi

# --- the same review as JSON: the schema of the README's "Press review" section
"$VEILLE" review --db "$TMP/r.db" --format json > "$TMP/review.json" 2>"$TMP/err2" || fail "json review"
[ -s "$TMP/err2" ] && fail "a review without INPUT should not ingest: $(cat "$TMP/err2")"
python3 - "$TMP/review.json" <<'PY' || fail "review JSON"
import json, sys
r = json.load(open(sys.argv[1]))
for k in ("title", "generated", "since", "query", "stats", "threads", "stories"):
    assert k in r, k
stories = r["stories"]
assert len(stories) >= 5, len(stories)
lasts = [s["last"] or "" for s in stories]
assert lasts == sorted(lasts, reverse=True), "stories are not newest first"
copies = 0
for s in stories:
    for k in ("id", "thread", "title", "first", "last", "sources", "entities", "summary", "quotes",
              "timeline", "comments", "related"):
        assert k in s, (k, s.get("title"))
    assert s["sources"], s["title"]
    assert len(s["summary"]) <= 5, s["title"]
    for src in s["sources"]:
        copies += len(src["duplicates"])
    for q in s["quotes"]:
        assert q["text"] and q["kind"] in ("sentence", "fragment"), q
assert copies >= 1, "no syndicated copy shown under its source"
assert any(len(t["stories"]) >= 2 for t in r["threads"]), "no thread links two stories"
assert any(q["speaker_entity"] for s in stories for q in s["quotes"]), "no quote with a speaker"
assert any(e["type"] == "PER" for s in stories for e in s["entities"]), "no key person"
assert r["stats"]["articles"] >= 30, r["stats"]
print("review:", len(stories), "stories,", len(r["threads"]), "threads,", copies, "copies shown once")
PY

# --- Markdown, from the extension of -o
"$VEILLE" review --db "$TMP/r.db" -o "$TMP/review.md" 2>/dev/null || fail "md review"
head -1 "$TMP/review.md" | grep -q '^# Revue de presse' || fail "markdown title: $(head -1 "$TMP/review.md")"

# --- a second run with the same pages stores nothing new
"$VEILLE" review --db "$TMP/r.db" "$SAMPLES" -o "$TMP/again.html" 2>"$TMP/err3"
grep -q ' new=0 ' "$TMP/err3" || fail "second run stored pages: $(grep ingest: "$TMP/err3")"

# --- filters
"$VEILLE" review --db "$TMP/r.db" --format json --query dockers > "$TMP/q.json" || fail "--query"
python3 -c "
import json, sys
r = json.load(open('$TMP/q.json'))
assert r['query'] == 'dockers'
assert 1 <= len(r['stories']) < len(json.load(open('$TMP/review.json'))['stories']), len(r['stories'])
" || fail "--query did not narrow the review"
"$VEILLE" review --db "$TMP/r.db" --format json --since 2100-01-01 > "$TMP/s.json" || fail "--since"
python3 -c "import json; assert json.load(open('$TMP/s.json'))['stories'] == []" || fail "--since in the future"

# --- errors: clear messages, usage errors exit 2, a missing database is not created
"$VEILLE" review --db "$TMP/r.db" --since yesterday >/dev/null 2>"$TMP/e1"; RC=$?
[ "$RC" -eq 2 ] || fail "bad --since: exit $RC"
grep -q "YYYY-MM-DD" "$TMP/e1" || fail "bad --since message: $(cat "$TMP/e1")"
"$VEILLE" review --db "$TMP/none.db" >/dev/null 2>"$TMP/e2"; RC=$?
[ "$RC" -eq 1 ] || fail "missing database: exit $RC"
[ ! -e "$TMP/none.db" ] || fail "a review without INPUT created a database"
"$VEILLE" review --db "$TMP/r.db" --query '"unbalanced' >/dev/null 2>"$TMP/e3"; RC=$?
[ "$RC" -eq 2 ] || fail "bad query: exit $RC ($(cat "$TMP/e3"))"
printf 'not a database' > "$TMP/foreign.db"
"$VEILLE" review --db "$TMP/foreign.db" >/dev/null 2>"$TMP/e4"; RC=$?
[ "$RC" -eq 1 ] || fail "foreign file: exit $RC"
[ "$(cat "$TMP/foreign.db")" = "not a database" ] || fail "foreign file was modified"
echo "ok"
