#!/usr/bin/env bash
# End-to-end checks of `veille ner` and `veille train ner`: output format, exit codes, model lookup.
# Usage: ner_cli.sh <veille binary> <source dir>
set -uo pipefail
veille=$1; src=$2
fail=0
check() { # check <description> <command...>: the command must succeed
  local what=$1; shift
  if ! "$@"; then echo "FAIL: $what"; fail=1; else echo "ok: $what"; fi
}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export VEILLE_MODELS="$src/models"

printf '# sent_id = 1\n0\tEmmanuel\tB-PER\n1\tMacron\tI-PER\n2\test\tO\n3\tà\tO\n4\tParis\tB-LOC\n5\t.\tO\n\n\nIl\r\npleut\r\n' > "$tmp/in.conll"
"$veille" ner --conll "$tmp/in.conll" > "$tmp/out"; rc=$?
check "ner exits 0" test $rc -eq 0
printf 'Emmanuel\tB-PER\nMacron\tI-PER\nest\tO\nà\tO\nParis\tB-LOC\n.\tO\n\n\nIl\tO\npleut\tO\n' > "$tmp/expected"
check "one line per token, blank lines kept, comments dropped" diff "$tmp/expected" "$tmp/out"
"$veille" ner --conll - < "$tmp/in.conll" > "$tmp/out2"; rc=$?
check "ner reads stdin" test $rc -eq 0
check "stdin gives the same output" diff "$tmp/out" "$tmp/out2"
"$veille" ner --conll "$tmp/absent.conll" >/dev/null 2>"$tmp/err"; rc=$?
check "unreadable input exits 1" test $rc -eq 1
check "unreadable input is named" grep -q absent.conll "$tmp/err"
printf 'A\0B\n' > "$tmp/bin.conll"
"$veille" ner --conll "$tmp/bin.conll" >/dev/null 2>&1; rc=$?
check "binary input exits 1" test $rc -eq 1
echo garbage > "$tmp/bad.bin"
"$veille" ner --model "$tmp/bad.bin" --conll "$tmp/in.conll" >/dev/null 2>"$tmp/err"; rc=$?
check "bad model exits 1" test $rc -eq 1
check "bad model error says bad magic" grep -q "bad magic" "$tmp/err"
"$veille" ner >/dev/null 2>&1; rc=$?
check "missing --conll is a usage error (2)" test $rc -eq 2
"$veille" train ner --train "$tmp/in.conll" >/dev/null 2>&1; rc=$?
check "train ner without --out is a usage error (2)" test $rc -eq 2

# A tiny training run: the model written loads back and tags.
for i in $(seq 1 30); do
  printf '0\tMarie\tB-PER\n1\tCurie\tI-PER\n2\tvit\tO\n3\tà\tO\n4\tParis\tB-LOC\n5\t.\tO\n\n'
  printf '0\tLa\tO\n1\tSNCF\tB-ORG\n2\trecrute\tO\n3\t.\tO\n\n'
done > "$tmp/train.conll"
"$veille" train ner --train "$tmp/train.conll" --out "$tmp/m.bin" --epochs 3 --hash-bits 12 \
  --ensemble 1 >/dev/null 2>&1; rc=$?
check "train ner exits 0" test $rc -eq 0
printf 'Marie\nCurie\nvit\nà\nParis\n.\n' | "$veille" ner --model "$tmp/m.bin" --conll - > "$tmp/tiny"
check "trained model tags its training sentence" \
  diff <(printf 'Marie\tB-PER\nCurie\tI-PER\nvit\tO\nà\tO\nParis\tB-LOC\n.\tO\n') "$tmp/tiny"
printf '0\tA\tB-FOO\n' > "$tmp/badtag.conll"
"$veille" train ner --train "$tmp/badtag.conll" --out "$tmp/x.bin" >/dev/null 2>"$tmp/err"; rc=$?
check "unknown tag in training data exits 1" test $rc -eq 1
check "unknown tag is named" grep -q "B-FOO" "$tmp/err"
"$veille" train ner --train "$tmp/absent.conll" --out "$tmp/x.bin" >/dev/null 2>"$tmp/err"; rc=$?
check "missing training file exits 1" test $rc -eq 1
check "missing training file is named" grep -q "absent.conll" "$tmp/err"

exit $fail
