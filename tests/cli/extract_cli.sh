#!/usr/bin/env bash
# End-to-end checks of `veille extract` as a user runs it: exit codes, stdin, formats, ordering.
# Usage: extract_cli.sh <veille binary> <source dir>
set -uo pipefail
veille=$1; src=$2
export VEILLE_MODELS=${VEILLE_MODELS:-$src/models}
fail=0
check() { # check <description> <command...>: the command must succeed
  local what=$1; shift
  if ! "$@"; then echo "FAIL: $what"; fail=1; else echo "ok: $what"; fi
}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

check "--version prints the version" bash -c "'$veille' --version | grep -q '^veille [0-9]'"
check "extract --help documents --explain" bash -c "'$veille' extract --help | grep -q -- '--explain'"
"$veille" >/dev/null 2>&1; check "no subcommand is a usage error (2)" test $? -eq 2
"$veille" extract --format pdf x >/dev/null 2>&1; check "bad option value is a usage error (2)" test $? -eq 2
"$veille" extract >/dev/null 2>&1; check "missing input is a usage error (2)" test $? -eq 2

"$veille" extract "$tmp/absent.html" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "missing file exits 1" test $rc -eq 1
check "missing file is a JSON error naming it" \
  python3 -c "import json,sys; d=json.loads(open('$tmp/out').read()); assert d['source'].endswith('absent.html') and d['error'], d"

page='<html lang="fr"><head><title>Le marché couvert rouvre</title></head><body><article><h1>Le marché couvert rouvre</h1><p>Après deux ans de travaux, le marché couvert de la ville rouvre ses portes samedi. Les commerçants sont revenus et la municipalité promet une inauguration en musique pour les habitants du quartier.</p><p>Les horaires restent les mêmes que ceux d’avant la fermeture, du mardi au dimanche.</p></article></body></html>'
printf '%s' "$page" > "$tmp/page.html"
printf '%s' "$page" | "$veille" extract - > "$tmp/stdin.jsonl"; rc=$?
check "stdin page exits 0" test $rc -eq 0
check "stdin page: source '-', lang fr, body found" python3 -c "
import json; d=json.loads(open('$tmp/stdin.jsonl').read())
assert d['source']=='-' and d['lang']=='fr', d
assert 'marché couvert de la ville rouvre' in d['text'], d['text']"
"$veille" extract --format markdown "$tmp/page.html" > "$tmp/page.md"
check "markdown output has the article text" grep -q "Les horaires restent" "$tmp/page.md"

if [ -d "$src/samples" ]; then
  # samples/bad/ holds broken pages on purpose; the good pages are in the other folders.
  good=$(find "$src/samples" -mindepth 1 -maxdepth 1 -type d ! -name bad | sort)
  "$veille" extract -j 1 $good > "$tmp/j1.jsonl"; rc1=$?
  "$veille" extract -j 2 $good > "$tmp/j2.jsonl"; rc2=$?
  check "samples extract without failure" test "$rc1$rc2" = "00"
  check "output is the same with 1 and 2 workers" cmp -s "$tmp/j1.jsonl" "$tmp/j2.jsonl"
  check "one line of valid JSON per sample page" python3 -c "
import json
n=0
for line in open('$tmp/j1.jsonl'): json.loads(line); n+=1
assert n >= 3, n"
  txt=$(find "$src/samples" -path '*/bad' -prune -o -name '*.txt' -print | sort | head -1)
  if [ -n "$txt" ]; then
    "$veille" extract --explain "$txt" > "$tmp/explain.json"
    check "--explain labels every non-empty line of a text page" python3 -c "
import json
d=json.loads(open('$tmp/explain.json').read())
lines=[i+1 for i,l in enumerate(open('$txt', encoding='utf-8').read().split('\n')) if l.strip()]
assert [x['line'] for x in d['lines']]==lines, (len(d['lines']), len(lines))
assert all(x['label'] in ('title','standfirst','heading','body','caption','ad','boilerplate','comment') for x in d['lines'])"
  fi
fi

[ $fail -eq 0 ] && echo "extract_cli: all checks passed"
exit $fail
