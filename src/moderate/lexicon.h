// The moderation lexicon: words and short phrases with a category, matched against a comment's
// moderation tokens through the ways people disguise them. Immutable once parsed; thread-safe.
//
// File format (UTF-8 text): one entry per line, `word<TAB>category[<TAB>source]`; '#' starts a
// comment line. Categories: insult, profanity, slur, threat, sexual, and `safe` for ordinary words
// that must never be matched fuzzily (they sit one edit away from an entry: "canard", "conseil").
// A word may be a phrase of several words separated by spaces ("va te faire foutre").
// `valence` lines are no terms: `stem<TAB>valence<TAB>source<TAB>value`, a Snowball French stem
// (of the folded word) with its polarity in [-1, 1] from a sentiment lexicon. They give the
// classifier the contempt carried by ordinary words ("minable", "pathétique", "dégueulasse")
// and are never reported as terms.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "moderate/normalize.h"
#include "veille/status.h"

namespace veille::moderate {

enum Category : uint8_t { kInsult, kProfanity, kSlur, kThreat, kSexual, kCategoryCount, kSafe };
const char* category_name(uint8_t category);

// How a term was recognised (a feature of the classifier and an aid to debugging).
enum MatchKind : uint8_t {
  kMatchExact,     // the word itself or an inflected form (plural, feminine, conjugated)
  kMatchLeet,      // after leetspeak decoding
  kMatchRepeat,    // after collapsing repeated letters
  kMatchMasked,    // wildcards: "m***e", "*ouilles"
  kMatchFuzzy,     // one edit away (insertion, deletion, substitution, swap): "merdre"
  kMatchJoined,    // separated letters or a word split by a space: "s a l o p e", "con nard"
  kMatchCompound,  // inside a word glued to function words: "tesunconnard"
  kMatchPhrase,    // a multi-word entry
  kMatchKindCount,
};

struct TermHit {
  uint32_t begin = 0, end = 0;  // bytes in the comment
  uint32_t first_token = 0, last_token = 0;  // inclusive token range
  int entry = -1;
  std::string normalized;  // the lexicon form matched (folded: lowercase, no accents)
  uint8_t category = kInsult;
  uint8_t kind = kMatchExact;
};

struct LexiconEntry {
  std::string word;  // as written in the file
  uint8_t category = kInsult;
};

class Lexicon {
 public:
  // Parses the file text; `name` is used in error messages. Errors: kCorrupt with the line number.
  static Result<std::shared_ptr<const Lexicon>> parse(std::string_view text, const std::string& name);

  // Appends to *hits the terms of `text` (tokenised as *tokens), in text order, at most one per
  // token.
  void find_terms(std::string_view text, const std::vector<ModToken>& tokens,
                  std::vector<TermHit>* hits) const;

  size_t size() const { return entries_.size(); }
  const LexiconEntry& entry(int i) const { return entries_[static_cast<size_t>(i)]; }

  // Looks up one folded word (no disguise undone): entry index or -1. For tests and tools.
  int lookup_exact(std::string_view form) const;

  // Valence lines: how many, and the polarity of a Snowball stem (0 when it has none).
  size_t valence_size() const { return valence_.size(); }
  // Distinct for every parsed lexicon of the process (keys per-thread caches of derived values).
  uint64_t id() const { return id_; }
  float stem_valence(std::string_view stem) const;
  // False when no stem of the table can be the stem of `form` (its first three letters start no
  // stem): most words need no stemming. REQUIRES: form folded as a ModToken's.
  bool may_have_valence(std::string_view form) const {
    if (form.size() < 3) return false;
    const uint32_t k = valence_prefix_key(form);
    return valence_prefixes_[k >> 6] >> (k & 63) & 1;
  }

 private:
  struct Form {
    std::string text;
    int entry;
    bool base;  // the entry's own spelling, not an inflection
  };
  struct Phrase {
    std::vector<std::string> words;
    int entry;
  };
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept;
  };
  using FormMap = std::unordered_map<std::string, int, Hash, std::equal_to<>>;

  // A Bloom filter (two bits per key) over a table's keys: most words of a comment are in no
  // table, and two bit tests cost less than a hash-table probe (the probes took a third of the
  // time per comment). False positives only cost the probe.
  class KeyFilter {
   public:
    void add(std::string_view key);
    bool may_contain(std::string_view key) const {
      const uint64_t h = hash(key);
      return (bits_[(h & kMask) >> 6] >> (h & 63) & 1) && (bits_[((h >> 32) & kMask) >> 6] >> ((h >> 32) & 63) & 1);
    }

   private:
    static constexpr uint64_t kMask = (uint64_t{1} << 18) - 1;
    static uint64_t hash(std::string_view key) {
      uint64_t h = 1469598103934665603ull;
      for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
      h ^= h >> 31;
      h *= 0x9E3779B97F4A7C15ull;
      return h ^ (h >> 29);
    }
    std::vector<uint64_t> bits_ = std::vector<uint64_t>((kMask + 1) / 64, 0);
  };

  int find_form(std::string_view form) const;  // forms_ index or -1
  const std::vector<int>* find_deletes(std::string_view key) const;
  void add_form(const std::string& form, int entry, bool base);
  int match_word(std::string_view form, uint8_t* kind, bool allow_fuzzy) const;  // form or -1
  int match_exact_or_repeat(std::string_view form, uint8_t* kind) const;
  int match_masked(std::string_view form) const;
  int match_fuzzy(std::string_view form) const;
  int match_compound(std::string_view form) const;
  bool is_safe(std::string_view form) const;
  static uint32_t valence_prefix_key(std::string_view s) {
    return (uint32_t(uint8_t(s[0])) * 961u + uint32_t(uint8_t(s[1])) * 31u + uint8_t(s[2])) & 0xFFFFu;
  }

  std::vector<LexiconEntry> entries_;
  std::vector<Form> forms_;
  FormMap form_index_;                                      // folded form -> forms_ index
  std::unordered_map<std::string, std::vector<int>, Hash, std::equal_to<>> deletes_;  // fuzzy index
  std::vector<std::vector<int>> forms_by_length_;           // for masks
  std::unordered_map<std::string, std::vector<Phrase>, Hash, std::equal_to<>> phrases_;  // by first word
  std::unordered_set<std::string, Hash, std::equal_to<>> safe_;
  KeyFilter form_filter_, delete_filter_, safe_filter_;
  std::unordered_map<std::string, float, Hash, std::equal_to<>> valence_;  // stem -> polarity
  uint64_t id_ = 0;
  std::vector<uint64_t> valence_prefixes_ = std::vector<uint64_t>(1024, 0);  // bits by valence_prefix_key
};

}  // namespace veille::moderate
