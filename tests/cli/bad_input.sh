#!/usr/bin/env bash
# End-to-end: `veille extract` on bad input. Every bad file gets a clear error object
# {"source", "error"} naming it (or a sensible result), nothing crashes or hangs, the batch goes on
# (good files after bad ones still produce output) and the exit code is 1 when some input failed.
#
# usage: bash tests/cli/bad_input.sh <path-to-veille> <source-dir>
set -uo pipefail

VEILLE=${1:?usage: bad_input.sh <veille> <source-dir>}
[ -x "$VEILLE" ] || { echo "skip: $VEILLE is not executable"; exit 77; }
# The models of this checkout, wherever the build directory is (extract moderates comments).
export VEILLE_MODELS=${VEILLE_MODELS:-${2:?usage: bad_input.sh <veille> <source-dir>}/models}
command -v python3 >/dev/null || { echo "skip: python3 is needed to check the JSON output"; exit 77; }
command -v gzip >/dev/null || { echo "skip: gzip is needed"; exit 77; }

work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
cd "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

good_html='<!DOCTYPE html><html><head><title>Le conseil vote le budget</title></head><body><article><h1>Le conseil vote le budget</h1><p>Le conseil municipal a adopté mardi soir le budget de la commune, après trois heures de débats animés entre la majorité et l’opposition.</p><p>Les investissements porteront sur les écoles et la voirie.</p></article></body></html>'

# --- the fixtures ---------------------------------------------------------------------------------
printf '%s' "$good_html" > good.html
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10' > image.html          # binary under an .html name
printf '%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n1 0 obj\n' > report.txt           # PDF under a .txt name
head -c 4096 /dev/urandom > noise.html                                    # random bytes
: > empty.html
printf '   \n\n' > blank.txt                                               # whitespace only
printf '<html><body><p>Caf\xc3 cr\xe8me \xff\xfe invalide \xed\xa0\x80</p></body></html>' > invalid_utf8.html
# Declared UTF-8, really windows-1252; declared ISO-8859-1, really UTF-8.
printf '<html><head><meta charset="utf-8"><title>R\xe9forme</title></head><body><p>Le pr\xe9sident a d\xe9clar\xe9 que la r\xe9forme \xe9tait n\xe9cessaire.</p></body></html>' > wrong_utf8.html
printf '<html><head><meta charset="iso-8859-1"><title>R\xc3\xa9forme</title></head><body><p>Le pr\xc3\xa9sident a d\xc3\xa9clar\xc3\xa9 que la r\xc3\xa9forme \xc3\xa9tait n\xc3\xa9cessaire.</p></body></html>' > wrong_latin1.html
printf '%s' "$good_html" | gzip -c > whole.html.gz
head -c $(( $(stat -c %s whole.html.gz) - 12 )) whole.html.gz > truncated.html.gz
printf 'this is not gzip at all' > fake.html.gz

warc_record() {  # type uri content-type block
  printf 'WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-03-01T10:00:00Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n' \
    "$1" "$2" "$3" "${#4}" "$4"
}
LC_ALL=C
http_html=$(printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n%s' "$good_html")
http_png=$(printf 'HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNGDATA')
http_css=$(printf 'HTTP/1.1 200 OK\r\nContent-Type: text/css\r\n\r\nbody{color:red}')
{
  warc_record warcinfo "" application/warc-fields "software: test"
  warc_record request http://ex.fr/a "application/http; msgtype=request" "$(printf 'GET /a HTTP/1.1\r\nHost: ex.fr\r\n')"
  warc_record response http://ex.fr/a "application/http; msgtype=response" "$http_html"
  warc_record response http://ex.fr/logo.png "application/http; msgtype=response" "$http_png"
  warc_record response http://ex.fr/style.css "application/http; msgtype=response" "$http_css"
  warc_record metadata http://ex.fr/a application/warc-fields "fetchTimeMs: 3"
} > mixed.warc
LC_ALL=C.UTF-8
gzip -c mixed.warc > mixed.warc.gz
head -c $(( $(stat -c %s mixed.warc) - 200 )) mixed.warc > truncated.warc
head -c $(( $(stat -c %s mixed.warc.gz) - 40 )) mixed.warc.gz > truncated.warc.gz
printf 'WARC/1.0\r\nWARC-Type: response\r\n\r\ngarbage without a length\r\n' > nolength.warc

printf '{"html": "<p>Bonjour</p>", "url": "https://ex.fr/j"}\n{"html": broken\n[1,2,3]\n{"text": "Un texte."}\n' > feed.jsonl

# A DOM nested 100,000 deep.
python3 -c 'import sys; sys.stdout.write("<html><body>" + "<div>" * 100000 + "<p>Au fond du document, un paragraphe assez long pour être gardé par l’extracteur.</p>" + "</div>" * 100000 + "</body></html>")' > deep.html
# A 200 MB page, made on the fly.
{ printf '<html><body>'; yes '<p>Une ligne de texte qui se répète encore et encore dans une page démesurée.</p>' | head -c 209715200; printf '</body></html>'; } > huge.html

last_good=zz_last_good.html
cp good.html "$last_good"

inputs=(good.html image.html report.txt noise.html empty.html blank.txt invalid_utf8.html wrong_utf8.html
        wrong_latin1.html whole.html.gz truncated.html.gz fake.html.gz mixed.warc mixed.warc.gz
        truncated.warc truncated.warc.gz nolength.warc feed.jsonl deep.html huge.html missing.html
        "$last_good")

# --- run ------------------------------------------------------------------------------------------
start=$(date +%s)
timeout 120 "$VEILLE" extract "${inputs[@]}" > out.jsonl 2> err.txt
rc=$?
elapsed=$(( $(date +%s) - start ))
echo "veille extract: exit $rc in ${elapsed}s, $(wc -l < out.jsonl) output lines"
[ "$rc" -eq 124 ] && fail "timed out (hang?)"
[ "$rc" -ge 128 ] && fail "crashed with exit $rc: $(tail -n 5 err.txt)"
[ "$rc" -eq 1 ] || fail "expected exit code 1 (some inputs failed), got $rc"

# --- check the output -----------------------------------------------------------------------------
python3 - "$work/out.jsonl" <<'EOF' || failures=$((failures + 1))
import json, sys
docs, errors, bad = {}, {}, []
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    try:
        o = json.loads(line)
    except ValueError as e:
        bad.append(f"line {n} is not JSON: {e}")
        continue
    if "error" in o:
        if set(o) != {"source", "error"} or not o["source"] or not o["error"]:
            bad.append(f"error object with other keys or empty fields: {o}")
        errors[o["source"]] = o["error"]
    else:
        docs[o["source"]] = o

def expect_error(source, *words):
    if source not in errors:
        bad.append(f"{source}: expected an error, got " + ("a document" if source in docs else "nothing"))
        return
    msg = errors[source].lower()
    if not any(w in msg for w in words):
        bad.append(f"{source}: error {errors[source]!r} does not say {words}")

def expect_doc(source, *texts):
    if source not in docs:
        bad.append(f"{source}: expected a document, got " + (errors.get(source) or "nothing"))
        return
    body = docs[source].get("text", "") + " " + (docs[source].get("title") or "")
    for t in texts:
        if t not in body:
            bad.append(f"{source}: {t!r} not in the extracted text {body[:200]!r}")

expect_doc("good.html", "budget")
expect_error("image.html", "png")
expect_error("report.txt", "pdf")
expect_error("noise.html", "binary")
expect_error("empty.html", "empty")
expect_error("truncated.html.gz", "truncated", "gzip")
expect_doc("wrong_utf8.html", "président", "nécessaire")
expect_doc("wrong_latin1.html", "président", "nécessaire")
expect_doc("whole.html.gz", "budget")
expect_doc("mixed.warc#3", "budget")
expect_doc("mixed.warc.gz#3", "budget")
expect_error("nolength.warc#1", "content-length")
expect_error("huge.html", "too large", "budget")
expect_error("missing.html", "no such file", "not found")
expect_doc("zz_last_good.html", "budget")
expect_doc("feed.jsonl#1", "Bonjour")
expect_error("feed.jsonl#2", "json")
expect_error("feed.jsonl#3", "object")
expect_doc("feed.jsonl#4", "Un texte")
if "invalid_utf8.html" in docs:
    t = docs["invalid_utf8.html"]["text"]
    if "\ufffd" not in t and "invalide" not in t:
        bad.append(f"invalid_utf8.html: unexpected text {t!r}")
elif "invalid_utf8.html" not in errors:
    bad.append("invalid_utf8.html: neither a document nor an error")
for s in ("blank.txt", "deep.html", "fake.html.gz"):
    if s not in docs and s not in errors:
        bad.append(f"{s}: neither a document nor an error")
if "deep.html" in docs and "Au fond du document" not in docs["deep.html"]["text"]:
    bad.append("deep.html: the deeply nested paragraph was lost")
# Non-HTML WARC records are skipped silently: no document and no error for them.
for n in (1, 2, 4, 5, 6):
    for name in ("mixed.warc", "mixed.warc.gz"):
        if f"{name}#{n}" in docs or f"{name}#{n}" in errors:
            bad.append(f"{name}#{n}: a non-HTML record produced output")
# Truncated WARCs: the record cut by the end is an error naming it; earlier pages are kept.
for name in ("truncated.warc", "truncated.warc.gz"):
    if not any(s.startswith(name) for s in errors):
        bad.append(f"{name}: no error reported")
    if f"{name}#3" not in docs:
        bad.append(f"{name}#3: the complete page before the cut was lost")
for b in bad:
    print("FAIL:", b)
print(f"{len(docs)} documents, {len(errors)} errors")
sys.exit(1 if bad else 0)
EOF

# stdin, format sniffed.
printf '%s' "$good_html" | timeout 20 "$VEILLE" extract - > stdin.jsonl 2>/dev/null
rc=$?
[ "$rc" -eq 0 ] || fail "stdin: exit $rc"
grep -q '"source":"-"' stdin.jsonl || fail "stdin: no document with source \"-\""

# A directory with only bad files: exit 1, each named.
mkdir -p dir/sub dir/.hidden
cp image.html empty.html dir/; cp good.html dir/sub/; cp image.html dir/.hidden/
timeout 20 "$VEILLE" extract dir > dir.jsonl 2>/dev/null
rc=$?
[ "$rc" -eq 1 ] || fail "directory: expected exit 1, got $rc"
grep -q 'dir/sub/good.html' dir.jsonl || fail "directory: the good file in a subdirectory is missing"
grep -q '.hidden' dir.jsonl && fail "directory: a hidden entry was read"

if [ "$failures" -ne 0 ]; then
  echo "bad_input: $failures failure(s); stderr was:"; head -n 40 err.txt
  exit 1
fi
echo "bad_input: ok"
