// Sentence boundary features: what the boundary classifier (sentence_model.h) sees at a gap
// between two tokens. Shared by inference (split_sentences in tokenize.cpp) and training
// (sentence_train.h), so that both compute exactly the same features.
//
// A gap g is the space between tokens[g] and tokens[g + 1]. The rule pass of the splitter
// (sentence_rule_gaps, in tokenize.cpp) labels every gap; the classifier only decides gaps whose
// rule label is not forced and that are candidates (GapFeaturizer::candidate). Forced labels keep
// the rule-based handling that the data cannot teach: line breaks (absent from the training text),
// title abbreviations and initials ("M.", "J."), and the marks absorbed after a terminal ("! »").
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "veille/document.h"

namespace veille::sentences {

// Changes whenever a feature is added, removed or computed differently: a model trained with
// another feature set is refused at load.
inline constexpr uint32_t kFeatureSetVersion = 5;

// The lexicon of words seen in lower case (a bitset over a hash of the lower-cased form): a
// capitalised word whose lower-cased form is a common word ("Les", "Effets") may start a
// sentence; one never seen in lower case ("Papadímos", "Marcus") is more likely a name.
// The same bitset also holds, under salted hashes, the word classes of WordClass: how a
// capitalised word was used in the training text (first word of a sentence, or capitalised
// inside one), and the forms tagged as verbs.
class LowerLexicon {
 public:
  static constexpr uint32_t kBits = 21;  // 2^21 bits = 256 KiB
  enum WordClass : uint64_t {
    kSentenceInitial = 1,  // capitalised, first word of a gold sentence
    kInnerCapital = 2,     // capitalised inside a sentence, not right after a mark
    kVerb = 3,             // tagged VERB or AUX in a treebank
  };
  LowerLexicon() : words_((size_t{1} << kBits) / 64, 0) {}
  explicit LowerLexicon(std::vector<uint64_t> words) : words_(std::move(words)) {}
  void add(std::string_view word);
  bool contains_form(uint64_t form_hash) const;
  void add_class(std::string_view word, WordClass cls);
  bool contains_class(uint64_t form_hash, WordClass cls) const;
  // The hash of a word's lower-cased form, as GapFeaturizer computes it.
  static uint64_t form_hash(std::string_view word);
  const std::vector<uint64_t>& words() const { return words_; }  // (2^kBits) / 64 words

 private:
  std::vector<uint64_t> words_;
};

// Rule label of a gap: the low two bits.
enum GapRule : uint8_t {
  kRuleNo = 0,     // the rules see no boundary; the classifier may override
  kRuleYes = 1,    // the rules see a boundary; the classifier may override
  kForcedNo = 2,   // never a boundary (inside ". »", after "M." or an initial, a wrapped line)
  kForcedYes = 3,  // always a boundary (a blank line, a line break before a non-lowercase word)
};
// Context bits of a gap, above the rule label.
inline constexpr uint8_t kRuleMask = 3;
inline constexpr uint8_t kQuoteOpen = 4;    // an odd number of '"' since the sentence began
inline constexpr uint8_t kBracketOpen = 8;  // an unclosed "(", "[" or "«"

// The rule pass: one byte per gap (tokens.size() - 1 of them, none for fewer than 2 tokens).
// Implemented in tokenize.cpp beside the rules it applies.
std::vector<uint8_t> sentence_rule_gaps(std::string_view text, std::span<const Span> tokens);

// Per-token summaries computed once per text, then combined into the features of each gap.
// Holds a view of `gaps`: it must outlive the featurizer. Const methods are thread-safe.
class GapFeaturizer {
 public:
  // `lexicon` may be null (no word is then known).
  GapFeaturizer(std::string_view text, std::span<const Span> tokens, std::span<const uint8_t> gaps,
                const LowerLexicon* lexicon);

  // Whether the classifier is asked about gap g: not forced by the rules, and either after a mark
  // that can end a sentence (. ! ? … » " ) : ; and runs of them, or an abbreviation's period), or
  // before a word starting with a capital or a digit, or before an opening quote, bracket or dash
  // (headings and list items end with no mark at all).
  bool candidate(size_t g) const;

  // Sets `out` to the hashed feature indices (each < 2^hash_bits) of gap g. `since_boundary`: the
  // tokens since the last boundary decided before g (the classifier runs left to right).
  void features(size_t g, size_t since_boundary, uint32_t hash_bits, std::vector<uint32_t>& out) const;

 private:
  struct Tok {
    uint64_t form = 0;   // hash of the lower-cased surface
    uint64_t shape = 0;  // hash of the word shape ("Xx", "X.", "d", "x-x", or the mark itself)
    uint16_t flags = 0;
    uint16_t len = 0;    // code points, capped
  };
  const Tok& tok(ptrdiff_t i) const;

  std::span<const uint8_t> gaps_;
  std::vector<Tok> toks_;
  std::vector<uint32_t> next_terminal_;  // per token: tokens to the next . ! ? … at or after it
  std::vector<uint32_t> verbs_before_;   // per token index t: verb forms among tokens [0, t)
  std::vector<uint8_t> never_last_;      // per token: a word that never ends a sentence (kNeverLast)
  std::vector<uint16_t> caps_run_;       // per token: capitalised tokens ending at it (0 if not one)
  Tok edge_;                             // before the first and after the last token
};

}  // namespace veille::sentences
