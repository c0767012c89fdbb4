#include "store/fts_tokenizer.h"

#include <libstemmer.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf8.h>

#include <array>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>

#include "veille/store.h"

namespace veille::store {

namespace {

// Words longer than this (a URL, a base64 blob) are cut: nobody searches for them and the
// stemmer's work is bounded.
constexpr size_t kMaxWordBytes = 64;

void append_utf8(std::string& out, UChar32 c) {
  char buf[4];
  int32_t n = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, err);
  if (!err) out.append(buf, static_cast<size_t>(n));
}

// The folded form of one code point: lower case, without combining marks, ligatures expanded.
void append_folded(std::string& out, UChar32 c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    return;
  }
  c = u_tolower(c);
  switch (c) {
    case 0x153: out += "oe"; return;  // œ
    case 0xE6: out += "ae"; return;   // æ
    case 0xDF: out += "ss"; return;   // ß
    default: break;
  }
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2* nfd = unorm2_getNFDInstance(&status);
  UChar decomposed[8];
  int32_t len = U_SUCCESS(status) ? unorm2_getDecomposition(nfd, c, decomposed, 8, &status) : -1;
  if (len <= 0 || U_FAILURE(status)) {
    append_utf8(out, c);
    return;
  }
  for (int32_t i = 0; i < len;) {
    UChar32 d;
    U16_NEXT(decomposed, i, len, d);
    if (u_charType(d) != U_NON_SPACING_MARK) append_utf8(out, d);
  }
}

bool is_word_char(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK;
}

}  // namespace

std::string fold(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  int32_t i = 0, n = static_cast<int32_t>(word.size());
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) continue;
    append_folded(out, c);
  }
  return out;
}

FrenchTerms::FrenchTerms() : stemmer_(sb_stemmer_new("french", "UTF_8")) {}
FrenchTerms::~FrenchTerms() {
  if (stemmer_) sb_stemmer_delete(stemmer_);
}

std::string FrenchTerms::stem(std::string_view folded) {
  if (!stemmer_ || folded.empty()) return std::string(folded);
  const sb_symbol* r = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(folded.data()),
                                       static_cast<int>(folded.size()));
  if (!r) return std::string(folded);
  return std::string(reinterpret_cast<const char*>(r), static_cast<size_t>(sb_stemmer_length(stemmer_)));
}

const std::string& FrenchTerms::cached_stem(const std::string& word) {
  constexpr size_t kMaxCached = 200000;  // about 20 MB at worst; cleared when full
  auto it = cache_.find(word);
  if (it != cache_.end()) return it->second;
  if (cache_.size() >= kMaxCached) cache_.clear();
  return cache_.emplace(word, fold(stem(word))).first->second;
}

bool FrenchTerms::each(std::string_view text, const TermCallback& on_term, bool with_variants) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  std::string lower, folded;
  auto add = [&](UChar32 c) {
    if (lower.size() >= kMaxWordBytes) return;
    append_utf8(lower, c < 0x80 ? (c >= 'A' && c <= 'Z' ? c + 32 : c) : u_tolower(c));
    append_folded(folded, c);
  };
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0 || !is_word_char(c)) continue;
    lower.clear();
    folded.clear();
    add(c);
    int32_t end = i;
    while (i < n) {
      int32_t at = i;
      UChar32 d;
      U8_NEXT(s, i, n, d);
      if (d < 0 || !is_word_char(d)) {
        i = at;
        break;
      }
      add(d);
      end = i;
    }
    // The stem of the word as written (Snowball French knows its accents), folded: the term.
    std::string term = cached_stem(lower);
    if (!on_term(term, static_cast<size_t>(start), static_cast<size_t>(end), false)) return false;
    // The stem of the unaccented spelling as a variant at the same position, so that a query
    // typed without accents ("ouvriere") finds the accented text ("ouvrière").
    if (with_variants && folded != lower) {
      const std::string& variant = cached_stem(folded);
      if (variant != term && !on_term(variant, static_cast<size_t>(start), static_cast<size_t>(end), true))
        return false;
    }
  }
  return true;
}

namespace {

// ---- FTS5 glue

struct Tokenizer {
  FrenchTerms terms;
  const TokenizerHints* hints = nullptr;
};

int tokenizer_create(void* hints, const char**, int, Fts5Tokenizer** out) {
  auto* t = new (std::nothrow) Tokenizer();
  if (!t) return SQLITE_NOMEM;
  t->hints = static_cast<const TokenizerHints*>(hints);
  *out = reinterpret_cast<Fts5Tokenizer*>(t);
  return SQLITE_OK;
}

void tokenizer_delete(Fts5Tokenizer* t) { delete reinterpret_cast<Tokenizer*>(t); }

int tokenizer_tokenize(Fts5Tokenizer* tok, void* ctx, int flags, const char* text, int n,
                       int (*on_token)(void*, int, const char*, int, int, int)) {
  auto* t = reinterpret_cast<Tokenizer*>(tok);
  int rc = SQLITE_OK;
  if ((flags & FTS5_TOKENIZE_DOCUMENT) != 0 && t->hints) {
    const std::string_view given(text, n > 0 ? static_cast<size_t>(n) : 0);
    for (const PreparedTerms* p : t->hints->current) {
      if (!p || p->text != given) continue;
      for (const auto& term : p->terms) {
        rc = on_token(ctx, term.variant ? FTS5_TOKEN_COLOCATED : 0, p->pool.data() + term.at,
                      static_cast<int>(term.size), static_cast<int>(term.begin), static_cast<int>(term.end));
        if (rc != SQLITE_OK) break;
      }
      return rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  }
  try {
    t->terms.each(
        std::string_view(text, n > 0 ? static_cast<size_t>(n) : 0),
        [&](std::string_view term, size_t b, size_t e, bool variant) {
          rc = on_token(ctx, variant ? FTS5_TOKEN_COLOCATED : 0, term.data(), static_cast<int>(term.size()),
                        static_cast<int>(b), static_cast<int>(e));
          return rc == SQLITE_OK;
        },
        (flags & FTS5_TOKENIZE_DOCUMENT) != 0);
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  }
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

fts5_api* fts5_api_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  return api;
}

}  // namespace

PreparedTerms prepare_terms(std::string text) {
  // FrenchTerms objects kept between calls: worker threads come and go, their stem caches stay.
  static std::mutex mu;
  static std::vector<std::unique_ptr<FrenchTerms>> idle;
  std::unique_ptr<FrenchTerms> terms;
  {
    std::lock_guard<std::mutex> lock(mu);
    if (!idle.empty()) {
      terms = std::move(idle.back());
      idle.pop_back();
    }
  }
  if (!terms) terms = std::make_unique<FrenchTerms>();
  PreparedTerms out;
  out.text = std::move(text);
  terms->each(
      out.text,
      [&out](std::string_view term, size_t b, size_t e, bool variant) {
        out.terms.push_back({static_cast<uint32_t>(out.pool.size()), static_cast<uint32_t>(term.size()),
                             static_cast<uint32_t>(b), static_cast<uint32_t>(e), variant});
        out.pool.append(term);
        return true;
      },
      true);
  std::lock_guard<std::mutex> lock(mu);
  idle.push_back(std::move(terms));
  return out;
}

Status register_french_tokenizer(sqlite3* db, TokenizerHints** hints) {
  fts5_api* api = fts5_api_of(db);
  if (!api) return Status::Unsupported("this SQLite library has no FTS5 (full-text search)");
  fts5_tokenizer t{tokenizer_create, tokenizer_delete, tokenizer_tokenize};
  auto* h = new TokenizerHints();
  int rc = api->xCreateTokenizer(api, kTokenizerName, h, &t,
                                 [](void* p) { delete static_cast<TokenizerHints*>(p); });
  if (rc != SQLITE_OK) {
    delete h;  // SQLite keeps (and frees) the user data only on success
    return Status::Internal(std::string("cannot register the search tokenizer: ") + sqlite3_errstr(rc));
  }
  if (hints) *hints = h;
  return Status::Ok();
}

}  // namespace veille::store

namespace veille {

std::vector<std::string> search_terms(std::string_view text) {
  std::vector<std::string> out;
  store::FrenchTerms terms;
  terms.each(text, [&](std::string_view t, size_t, size_t, bool) {
    out.emplace_back(t);
    return true;
  });
  return out;
}

}  // namespace veille
