#include "nlp/ner_features.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <new>

namespace veille::ner {

namespace {

constexpr size_t kHugePage = size_t{2} << 20;

}  // namespace

void* allocate_table(size_t bytes) {
  if (bytes < kHugePage) return ::operator new(bytes);
  // Over-map by one huge page, keep the 2 MB-aligned part, give the rest back.
  const size_t rounded = (bytes + kHugePage - 1) & ~(kHugePage - 1);
  void* raw = mmap(nullptr, rounded + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  const uintptr_t start = reinterpret_cast<uintptr_t>(raw);
  const uintptr_t aligned = (start + kHugePage - 1) & ~(uintptr_t{kHugePage} - 1);
  if (aligned > start) munmap(raw, aligned - start);
  const uintptr_t end = start + rounded + kHugePage;
  if (end > aligned + rounded) munmap(reinterpret_cast<void*>(aligned + rounded), end - (aligned + rounded));
#ifdef MADV_HUGEPAGE
  (void)madvise(reinterpret_cast<void*>(aligned), rounded, MADV_HUGEPAGE);  // advice only
#endif
  return reinterpret_cast<void*>(aligned);
}

void deallocate_table(void* p, size_t bytes) noexcept {
  if (!p) return;
  if (bytes < kHugePage) {
    ::operator delete(p);
    return;
  }
  munmap(p, (bytes + kHugePage - 1) & ~(kHugePage - 1));
}

namespace {

constexpr const char* kTagNames[kNumTags] = {"O",     "B-PER", "I-PER",  "B-ORG", "I-ORG",
                                             "B-LOC", "I-LOC", "B-MISC", "I-MISC"};
constexpr const char* kTypeNames[kNumTypes] = {"PER", "ORG", "LOC", "MISC"};

constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

inline uint64_t fnv_step(uint64_t h, uint32_t unit) { return (h ^ unit) * kFnvPrime; }

// Shape class of one code point: X upper, x lower, d digit, a other letter, ASCII punctuation kept
// as itself, * any other symbol.
uint32_t shape_class(UChar32 c) {
  if (c < 128) {  // the same answers as below, without the ICU property lookups
    if (c >= 'A' && c <= 'Z') return 'X';
    if (c >= 'a' && c <= 'z') return 'x';
    if (c >= '0' && c <= '9') return 'd';
    return static_cast<uint32_t>(c);
  }
  if (u_isupper(c) || u_istitle(c)) return 'X';
  if (u_islower(c)) return 'x';
  if (u_isdigit(c)) return 'd';
  if (u_isalpha(c)) return 'a';
  if (c == 0x2019) return '\'';
  if (c < 128) return static_cast<uint32_t>(c);
  return '*';
}

}  // namespace

const char* type_name(int type) { return type >= 0 && type < kNumTypes ? kTypeNames[type] : "?"; }
const char* tag_name(int tag) { return tag >= 0 && tag < kNumTags ? kTagNames[tag] : "?"; }

int parse_tag(std::string_view tag) {
  for (int t = 0; t < kNumTags; ++t)
    if (tag == kTagNames[t]) return t;
  return -1;
}

bool transition_allowed(int prev, int cur) {
  if (!tag_is_inside(cur)) return true;
  if (prev == kStartTag || prev == 0) return false;
  return tag_type(prev) == tag_type(cur);
}

uint64_t hash_bytes(std::string_view s) {
  uint64_t h = kFnvOffset ^ (s.size() * 0x9E3779B97F4A7C15ULL);
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);  // little-endian hosts only (x86-64, aarch64)
    h = (h ^ mix64(w)) * kFnvPrime;
  }
  uint64_t tail = 0;
  for (size_t k = 0; i < s.size(); ++i, ++k) tail |= uint64_t(uint8_t(s[i])) << (8 * k);
  h = (h ^ mix64(tail + 1)) * kFnvPrime;
  return mix64(h);
}

void analyse_token(std::string_view token, TokenInfo* out) {
  out->word = hash_bytes(token);
  uint64_t lower = kFnvOffset, shape = kFnvOffset, short_shape = kFnvOffset;
  uint32_t flags = 0;
  uint32_t n = 0, letters = 0, uppers = 0, digits = 0;
  uint32_t last_class = 0;
  bool seen_lower = false, first_letter_done = false;
  uint32_t ring[4] = {0, 0, 0, 0};  // last four lower-cased code points
  const char* s = token.data();
  const int32_t len = static_cast<int32_t>(token.size());
  int32_t i = 0;
  while (i < len) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) c = 0xFFFD;
    const uint32_t lc = c < 128 ? static_cast<uint32_t>(c >= 'A' && c <= 'Z' ? c + 32 : c)
                                : static_cast<uint32_t>(u_tolower(c));
    lower = fnv_step(lower, lc);
    if (n < 4) out->prefix[n] = mix64(lower + n);
    ring[n & 3] = lc;
    const uint32_t cls = shape_class(c);
    if (n < 16) shape = fnv_step(shape, cls);
    if (cls != last_class) short_shape = fnv_step(short_shape, cls);
    last_class = cls;
    if (cls == 'X' || cls == 'x' || cls == 'a') {
      ++letters;
      if (cls == 'X') {
        ++uppers;
        if (seen_lower) flags |= kMixedCase;
      } else if (cls == 'x') {
        seen_lower = true;
      }
      if (!first_letter_done) {
        if (cls == 'X') flags |= kInitUpper;
        first_letter_done = true;
      }
    } else if (cls == 'd') {
      ++digits;
    } else if (c == '-' || c == 0x2010 || c == 0x2011) {
      flags |= kHasHyphen;
    } else if (c == '\'' || c == 0x2019) {
      flags |= kHasApostrophe;
    } else if (c == '.') {
      flags |= kHasPeriod;
    }
    ++n;
  }
  for (uint32_t k = n; k < 4; ++k) out->prefix[k] = mix64(lower + k);
  // Suffixes: hash the last k code points, oldest first.
  for (uint32_t k = 1; k <= 4; ++k) {
    uint64_t h = kFnvOffset ^ (0x5u + k);
    const uint32_t take = std::min(k, n);
    for (uint32_t j = take; j > 0; --j) h = fnv_step(h, ring[(n - j) & 3]);
    out->suffix[k - 1] = mix64(h + 0x100 * take);
  }
  if (letters >= 2 && uppers == letters) flags |= kAllUpper;
  if (digits) flags |= kHasDigit;
  if (digits && digits == n) flags |= kAllDigit;
  if (letters == 0 && digits == 0) flags |= kNoLetterOrDigit;
  out->lower = mix64(lower);
  out->shape = mix64(shape + 1);
  out->short_shape = mix64(short_shape + 2);
  out->flags = flags;
  out->length = n;
}

HashTable16::HashTable16(const std::vector<std::pair<uint64_t, uint16_t>>& entries) {
  size_t cap = 16;
  while (cap < entries.size() * 2) cap <<= 1;
  keys_.assign(cap, 0);
  values_.assign(cap, 0);
  mask_ = cap - 1;
  for (const auto& [k, v] : entries) {
    size_t slot = mix64(k) & mask_;
    while (keys_[slot] != 0 && keys_[slot] != k) slot = (slot + 1) & mask_;
    if (keys_[slot] == 0) ++count_;
    keys_[slot] = k;
    values_[slot] = v;
  }
}

uint16_t HashTable16::find(uint64_t key) const {
  if (count_ == 0 || key == 0) return 0;
  size_t slot = mix64(key) & mask_;
  while (true) {
    const uint64_t k = keys_[slot];
    if (k == key) return values_[slot];
    if (k == 0) return 0;
    slot = (slot + 1) & mask_;
  }
}

std::vector<std::pair<uint64_t, uint16_t>> HashTable16::entries() const {
  std::vector<std::pair<uint64_t, uint16_t>> out;
  out.reserve(count_);
  for (size_t i = 0; i < keys_.size(); ++i)
    if (keys_[i] != 0) out.emplace_back(keys_[i], values_[i]);
  std::sort(out.begin(), out.end());
  return out;
}

void lexicon_codes(const TokenInfo* tokens, size_t n, const Lexicons& lex, LexCodes* out) {
  for (size_t i = 0; i < n; ++i) {
    out[i].word = lex.words.find(tokens[i].word);
    out[i].lower = lex.lowers.find(tokens[i].lower);
    out[i].phrase = 0;
  }
  const size_t max_len = lex.max_phrase_tokens;
  size_t i = 0;
  while (i < n) {
    uint64_t h = phrase_hash_start();
    size_t best_len = 0;
    uint16_t best_mask = 0;
    for (size_t len = 1; len <= max_len && i + len <= n; ++len) {
      // Every token of a lexicon phrase is in the words table (the trainer keeps each word seen
      // inside an entity, from the same folds as the phrase): past a word it lacks, no phrase
      // can match, and the remaining probes (cache misses in a large table) are skipped.
      if (out[i + len - 1].word == 0) break;
      h = phrase_hash_step(h, tokens[i + len - 1].word);
      const uint16_t v = lex.phrases.find(h);
      if (v) {
        best_len = len;
        best_mask = v;
      }
    }
    if (best_len == 0) {
      ++i;
      continue;
    }
    out[i].phrase = static_cast<uint16_t>(best_mask | (1u << 4) | (best_len == 1 ? 1u << 6 : 0));
    for (size_t k = 1; k < best_len; ++k)
      out[i + k].phrase =
          static_cast<uint16_t>(best_mask | (2u << 4) | (k + 1 == best_len ? 1u << 7 : 0));
    i += best_len;
  }
}

void extract_features(const TokenInfo* tokens, const LexCodes* codes, size_t n, int hash_bits,
                      uint32_t* out) {
  static const TokenInfo kPad = [] {
    TokenInfo t{};
    t.word = t.lower = t.shape = t.short_shape = 0x426f756e64617279ULL;  // "Boundary"
    for (auto& p : t.prefix) p = t.word;
    for (auto& s : t.suffix) s = t.word;
    return t;
  }();
  const int shift = 64 - hash_bits;
  auto at = [&](ptrdiff_t j) -> const TokenInfo& {
    return j < 0 || j >= static_cast<ptrdiff_t>(n) ? kPad : tokens[j];
  };
  auto pcode = [&](ptrdiff_t j) -> uint64_t {
    return j < 0 || j >= static_cast<ptrdiff_t>(n) ? 0xFFFFu : codes[j].phrase;
  };
  auto wcode = [&](ptrdiff_t j) -> uint64_t {
    return j < 0 || j >= static_cast<ptrdiff_t>(n) ? 0xFFFFu : codes[j].word;
  };
  auto lcode = [&](ptrdiff_t j) -> uint64_t {
    return j < 0 || j >= static_cast<ptrdiff_t>(n) ? 0xFFFFu : codes[j].lower;
  };
  for (size_t ui = 0; ui < n; ++ui) {
    const ptrdiff_t i = static_cast<ptrdiff_t>(ui);
    const TokenInfo& t = tokens[ui];
    const TokenInfo& p1 = at(i - 1);
    const TokenInfo& p2 = at(i - 2);
    const TokenInfo& n1 = at(i + 1);
    const TokenInfo& n2 = at(i + 2);
    const uint64_t first = i == 0 ? 1 : 0;
    const uint64_t len_bucket = t.length <= 2 ? t.length : t.length <= 4 ? 3 : t.length <= 8 ? 4 : 5;
    uint64_t f[kFeaturesPerToken] = {
        1,
        t.word,
        t.lower,
        t.prefix[0],
        t.prefix[1],
        t.prefix[2],
        t.prefix[3],
        t.suffix[0],
        t.suffix[1],
        t.suffix[2],
        t.suffix[3],
        t.shape,
        t.short_shape,
        p1.lower,
        n1.lower,
        p2.lower,
        n2.lower,
        hash_combine(p1.lower, t.lower),
        hash_combine(t.lower, n1.lower),
        hash_combine(hash_combine(p1.short_shape, t.short_shape), n1.short_shape),
        hash_combine(p1.short_shape, t.short_shape),
        hash_combine(t.short_shape, n1.short_shape),
        (uint64_t(t.flags) << 8) | (first << 4) | len_bucket,
        pcode(i),
        wcode(i),
        pcode(i - 1),
        pcode(i + 1),
        wcode(i - 1),
        wcode(i + 1),
        hash_combine(p1.lower, t.short_shape),
        hash_combine(t.short_shape, n1.lower),
        p1.suffix[2],
        hash_combine(p2.lower, p1.lower),
        hash_combine(n1.lower, n2.lower),
        hash_combine(t.short_shape, (first << 32) | pcode(i)),
        hash_combine(t.suffix[2], t.short_shape),
        (uint64_t(codes[ui].lower) << 8) | (first << 1) | ((t.flags & kInitUpper) ? 1 : 0),
        p1.word,
        n1.word,
        hash_combine(pcode(i), wcode(i)),
        pcode(i - 2),
        pcode(i + 2),
        n1.suffix[2],
        hash_combine(p1.lower, n1.lower),
        (lcode(i - 1) << 20) | lcode(i + 1),
        hash_combine(t.lower, first),
    };
    uint32_t* o = out + ui * kFeaturesPerToken;
    for (int k = 0; k < kFeaturesPerToken; ++k) {
      const uint64_t h = mix64(f[k] * 0x9E3779B97F4A7C15ULL + uint64_t(k + 1) * 0xD6E8FEB86659FD93ULL);
      o[k] = static_cast<uint32_t>(h >> shift);
    }
  }
}

}  // namespace veille::ner
