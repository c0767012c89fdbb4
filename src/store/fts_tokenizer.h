// The French search tokenizer: words (letters and digits) lower-cased, stemmed with Snowball
// French, accents folded (plus, in the index, the stem of the unaccented spelling), registered in SQLite as the FTS5 tokenizer "veille_fr". Index
// and queries go through the same function, so "élections", "Elections" and "election" meet.
#pragma once

#include <sqlite3.h>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "veille/status.h"

struct sb_stemmer;

namespace veille::store {

inline constexpr const char* kTokenizerName = "veille_fr";

// Lower-case and strip diacritics ("Élysée" -> "elysee", "cœur" -> "coeur").
std::string fold(std::string_view word);

// The terms of a text. Not thread-safe: each FTS5 tokenizer instance owns one.
class FrenchTerms {
 public:
  FrenchTerms();
  ~FrenchTerms();
  FrenchTerms(const FrenchTerms&) = delete;
  FrenchTerms& operator=(const FrenchTerms&) = delete;
  // Calls on_term(term, begin, end, variant) for each word of `text` (byte offsets into text):
  // the folded stem of the word as written, then, when with_variants and the word has accents,
  // the stem of its unaccented spelling (variant = true, same position). Returns false when
  // on_term asked to stop (returned false).
  using TermCallback = std::function<bool(std::string_view term, size_t begin, size_t end, bool variant)>;
  bool each(std::string_view text, const TermCallback& on_term, bool with_variants = false);
  std::string stem(std::string_view folded);

 private:
  // fold(stem(word)) of recent words: news vocabulary repeats, and Snowball is the tokenizer's
  // main cost. (For an unaccented word, the stem has no accent either, so fold is a no-op there.)
  const std::string& cached_stem(const std::string& word);

  ::sb_stemmer* stemmer_;
  std::unordered_map<std::string, std::string> cache_;
};

// Registers "veille_fr" on this connection.
Status register_french_tokenizer(sqlite3* db);

}  // namespace veille::store
