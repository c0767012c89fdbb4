// The French search tokenizer: words (letters and digits) lower-cased, stemmed with Snowball
// French, accents folded (plus, in the index, the stem of the unaccented spelling), registered in SQLite as the FTS5 tokenizer "veille_fr". Index
// and queries go through the same function, so "élections", "Elections" and "election" meet.
#pragma once

#include <sqlite3.h>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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

// The index terms of one text, as the tokenizer emits them for a stored document (with
// variants), computed ahead on another thread: see SearchEntry in veille/store.h.
struct PreparedTerms {
  std::string text;  // exactly the text to index
  struct Term {
    uint32_t at, size;  // the term: pool.substr(at, size)
    uint32_t begin, end;
    bool variant;
  };
  std::string pool;
  std::vector<Term> terms;
};
// Thread-safe: each call borrows a FrenchTerms (and its warm stem cache) from a shared pool.
PreparedTerms prepare_terms(std::string text);

// What a connection's store tells its tokenizer: while a document's search row is inserted,
// the prepared terms of its columns. The tokenizer uses those whose text is exactly the text it
// is handed, with FTS5_TOKENIZE_DOCUMENT, and tokenises everything else itself.
struct TokenizerHints {
  std::vector<const PreparedTerms*> current;
};

// Registers "veille_fr" on this connection. `hints`, when given, receives the connection's
// hints object, owned by the connection (freed when it closes).
Status register_french_tokenizer(sqlite3* db, TokenizerHints** hints = nullptr);

}  // namespace veille::store
