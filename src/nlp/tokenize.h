// French tokenizer and sentence splitter over UTF-8 text, with byte offsets.
//
// Tokens are *surface* tokens in the sense of Universal Dependencies and the CoNLL 2018 shared
// task: a contraction such as "du" (= "de le") or "auxquels" is one token; the syntactic words it
// stands for are not produced here. The conventions follow the UD French treebanks (Sequoia, GSD):
//   - elision splits after the apostrophe: "l'aide" -> "l'" "aide", "jusqu’à" -> "jusqu’" "à"
//     (both ' and ’), except in lexicalised words: "aujourd'hui", "quelqu'un", "c'est-à-dire",
//     "prud'homme", "presqu'île", and "l'on" (one token in UD French);
//   - hyphenated compounds stay whole ("peut-être", "Nord-Pas-de-Calais", "celle-ci"); subject
//     and object clitics after a verb are split off with their hyphen: "a-t-il" -> "a" "-t-il",
//     "est-ce" -> "est" "-ce", "dis-moi" -> "dis" "-moi", "ce jour-là" -> "jour" "-là";
//   - numbers keep their decimal comma or point ("3,5", "4.2") and their thousands groups
//     separated by a space, a no-break space or a narrow no-break space ("1 000", "13 819");
//     times split as UD does: "15h30" -> "15" "h" "30";
//   - URLs and e-mail addresses are one token; abbreviations ("M.", "Mme", "etc.", "av.",
//     "J.-C.", "cf.", "p.") and initials ("J.") keep their period; "n°" is one token;
//   - punctuation is one token per mark, except runs of periods ("...", "......") and "--".
//
// Sentences: rules first, then a trained boundary classifier. The rules end a sentence after
// . ! ? … (and runs of them), followed by any closing quotes or brackets, when the next token can
// start a sentence (capital letter, digit, opening quote or dash); after ";" or ":" only when a
// list dash follows. Some rule decisions are final: never after a title abbreviation ("M.",
// "Dr") or an initial, nor between a mark and the quotes or brackets it absorbs; a blank line
// always ends a sentence, and a single line break ends one unless the next line starts with a
// lowercase letter (hard-wrapped text). Every other gap after a mark or before a capitalised word,
// a digit or an opening quote is decided by the classifier (sentence_model.h), which sees the
// rules' answer as one of its features and learns where the rules fail on edited French text
// (headings, list items and titles without final punctuation). Without a model the rules alone
// decide.
//
// Contract: every Span is a pair of UTF-8 byte offsets into the text given, begin < end, in
// increasing order, non-overlapping, never covering whitespace at either end, so that
// text.substr(begin, end - begin) is the token's surface. Invalid UTF-8 is tolerated: each invalid
// byte is treated as a letter-like character, and spans never split a valid multi-byte sequence.
// Texts longer than 4 GiB - 1 are only processed up to that size (offsets are 32-bit).
//
// Thread safety: pure functions over their arguments; the shared model is immutable.
// Cost: one pass over the bytes, no allocation per character (only the output vectors grow); the
// classifier adds a per-token summary and a few dozen hashed features per candidate gap.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "veille/document.h"

namespace veille {

// One sentence: its byte span (from the first token's begin to the last token's end) and the
// range [first_token, first_token + token_count) in the token vector it was built from.
struct SentenceSpan {
  Span span;
  uint32_t first_token = 0;
  uint32_t token_count = 0;
  bool operator==(const SentenceSpan&) const = default;
};

struct Tokenization {
  std::vector<Span> tokens;
  std::vector<SentenceSpan> sentences;  // every token belongs to exactly one sentence
};

// Surface tokens of `text`, in order.
std::vector<Span> tokenize(std::string_view text);

class SentenceModel;  // nlp/sentence_model.h

// Groups `tokens` (as returned by tokenize(text), in order) into sentences. Every token belongs
// to exactly one sentence; an empty token list gives no sentence. `model` decides the candidate
// gaps; nullptr means the rules alone.
std::vector<SentenceSpan> split_sentences(std::string_view text, std::span<const Span> tokens,
                                          const SentenceModel* model);
// The same with the shipped model (default_sentence_model(), loaded once per process), or the
// rules alone when it does not load; default_sentence_model() then says why.
std::vector<SentenceSpan> split_sentences(std::string_view text, std::span<const Span> tokens);

// tokenize() then split_sentences().
Tokenization tokenize_and_split(std::string_view text, const SentenceModel* model);
Tokenization tokenize_and_split(std::string_view text);

}  // namespace veille
