#!/usr/bin/env bash
# End-to-end checks of `veille annotate`: exit codes, option errors, and the JSON schema of the
# annotations on samples/ (UTF-8 byte offsets; text[b:e] is the entity's text; comment spans are
# relative to the comment's text; same output with 1 and 2 workers).
# Usage: annotate_cli.sh <veille binary> <source dir>; exits 77 (skip) without python3 or samples.
set -uo pipefail
veille=$1; src=$2
export VEILLE_MODELS=${VEILLE_MODELS:-$src/models}
command -v python3 >/dev/null || { echo "skip: no python3"; exit 77; }
[ -d "$src/samples" ] || { echo "skip: no samples/ in $src"; exit 77; }
# samples/bad/ holds broken pages on purpose; the good pages are in the other folders.
good=$(find "$src/samples" -mindepth 1 -maxdepth 1 -type d ! -name bad | sort)
fail=0
check() { # check <description> <command...>: the command must succeed
  local what=$1; shift
  if ! "$@"; then echo "FAIL: $what"; fail=1; else echo "ok: $what"; fi
}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

check "annotate --help documents --aliases and --model" bash -c "'$veille' annotate --help | grep -q -- '--aliases' && '$veille' annotate --help | grep -q -- '--model'"
"$veille" annotate >/dev/null 2>&1; check "missing input is a usage error (2)" test $? -eq 2
"$veille" annotate --format xml x >/dev/null 2>&1; check "bad --format is a usage error (2)" test $? -eq 2

printf 'Kyiv\tLOC\tKiev\nOTAN ORG NATO\n' > "$tmp/bad.tsv"
"$veille" annotate --aliases "$tmp/bad.tsv" $good >"$tmp/out" 2>"$tmp/err"; rc=$?
check "alias file syntax error is a usage error (2)" test $rc -eq 2
check "alias file error names the file and line" grep -q "$tmp/bad.tsv:2:" "$tmp/err"
"$veille" annotate --aliases "$tmp/absent.tsv" $good >"$tmp/out" 2>"$tmp/err"; rc=$?
check "missing alias file exits 1 and names it" bash -c "test $rc -eq 1 && grep -q absent.tsv '$tmp/err'"
"$veille" annotate --model "$tmp/absent.bin" $good >"$tmp/out" 2>"$tmp/err"; rc=$?
check "missing model exits 1 and names it" bash -c "test $rc -eq 1 && grep -q absent.bin '$tmp/err'"

"$veille" annotate "$tmp/absent.html" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "missing input file exits 1" test $rc -eq 1
check "missing input file is a JSON error naming it" \
  python3 -c "import json; d=json.loads(open('$tmp/out').read()); assert d['source'].endswith('absent.html') and d['error'], d"

"$veille" annotate -j 1 $good > "$tmp/j1.jsonl"; rc1=$?
"$veille" annotate -j 2 $good > "$tmp/j2.jsonl"; rc2=$?
check "samples annotate without failure" test "$rc1$rc2" = "00"
check "output is the same with 1 and 2 workers" cmp -s "$tmp/j1.jsonl" "$tmp/j2.jsonl"
check "annotation schema and span invariants on every sample page" python3 - "$tmp/j1.jsonl" <<'PY'
import json, re, sys
TYPES = {"PER", "ORG", "LOC", "MISC"}
def spans_ok(b, spans, what):
    prev = 0
    for s in spans:
        assert isinstance(s, list) and len(s) == 2 and all(isinstance(x, int) for x in s), (what, s)
        x, y = s
        assert 0 <= x < y <= len(b), (what, s, len(b))
        assert x >= prev, (what, "not in order", s)
        prev = x
        b[x:y].decode("utf-8")  # on UTF-8 boundaries
def check_text(text, obj, what):
    b = text.encode("utf-8")
    for k in ("sentences", "tokens", "entities"):
        assert k in obj, (what, "no", k)
    spans_ok(b, obj["sentences"], what + " sentences")
    spans_ok(b, obj["tokens"], what + " tokens")
    for e in obj["entities"]:
        assert list(e.keys()) == ["begin", "end", "text", "type", "entity", "id"], (what, e)
        x, y = e["begin"], e["end"]
        assert 0 <= x < y <= len(b), (what, e)
        assert b[x:y].decode("utf-8") == e["text"], (what, e, b[x:y])
        assert e["type"] in TYPES, (what, e)
        assert e["entity"] and e["id"].startswith(e["type"] + ":"), (what, e)
        assert re.fullmatch(r"[A-Z]+:\S+", e["id"]), (what, e)
    return len(obj["entities"])
pages = ents = comments = 0
ids = {}
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    pages += 1
    ents += check_text(d["text"], d, d["source"])
    for c in d["comments"]:
        comments += 1
        ents += check_text(c["text"], c, "%s comment %s" % (d["source"], c["id"]))
    for e in d["entities"] + [e for c in d["comments"] for e in c["entities"]]:
        assert ids.setdefault(e["id"], e["type"]) == e["type"]
assert pages >= 3 and ents > 0, (pages, ents)
print("  %d pages, %d comments, %d entity mentions, %d distinct entities" % (pages, comments, ents, len(ids)))
PY

# Cross-page: two pages spelling the same people differently get the same ids; a user alias file
# extends (and overrides) the shipped table.
mkdir -p "$tmp/pages"
cat > "$tmp/pages/a.txt" <<'TXT'
Vladimir Poutine reçoit le président américain

Le président russe Vladimir Poutine a reçu mardi à Moscou l'envoyé spécial de Donald Trump. Selon le Kremlin, Poutine souhaite poursuivre les discussions avec Washington sur l'Ukraine.

Volodymyr Zelensky a réagi depuis Kiev en appelant les Européens à renforcer leur soutien militaire.
TXT
cat > "$tmp/pages/b.txt" <<'TXT'
Zelenski demande davantage de soutien à ses alliés

Le président ukrainien Volodymyr Zelenski a appelé jeudi depuis Kyiv ses alliés européens à accélérer les livraisons d'armes. Il a estimé que Vladimir Putin ne voulait pas la paix.

Donald Trump a de son côté annoncé un nouvel appel avec le dirigeant russe dans les prochains jours.
TXT
"$veille" annotate -j 1 "$tmp/pages" > "$tmp/pages.jsonl"; rc=$?
check "two text pages annotate" test $rc -eq 0
check "same person, same id across pages (Zelensky/Zelenski, Poutine/Putin, Kiev/Kyiv)" python3 - "$tmp/pages.jsonl" <<'PY'
import json, sys
pages = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(pages) == 2, len(pages)
by_text = [{e["text"]: e["id"] for e in p["entities"]} for p in pages]
pairs = [("Volodymyr Zelensky", "Volodymyr Zelenski"), ("Vladimir Poutine", "Vladimir Putin"), ("Kiev", "Kyiv"),
         ("Donald Trump", "Donald Trump")]
found = 0
for a, b in pairs:
    if a in by_text[0] and b in by_text[1]:
        found += 1
        assert by_text[0][a] == by_text[1][b], (a, b, by_text[0][a], by_text[1][b])
assert found >= 2, (found, by_text)
print("  %d cross-page pairs found and linked" % found)
PY
printf '# test aliases\nLe Tsar\tPER\tVladimir Poutine\tPoutine\n' > "$tmp/user.tsv"
"$veille" annotate -j 1 --aliases "$tmp/user.tsv" "$tmp/pages/a.txt" > "$tmp/user.jsonl"; rc=$?
check "--aliases file overrides the shipped table" python3 - "$tmp/user.jsonl" <<'PY'
import json, sys
d = json.loads(open(sys.argv[1], encoding="utf-8").read())
per = [e for e in d["entities"] if e["text"] in ("Vladimir Poutine", "Poutine")]
assert per and all(e["entity"] == "Le Tsar" and e["id"] == "PER:le-tsar" for e in per), per
PY

[ $fail -eq 0 ] && echo "annotate_cli: all checks passed"
exit $fail
