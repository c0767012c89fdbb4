// Sentence boundary features. Each token is summarised once (lower-cased form, shape, a few
// flags); a gap's features are hashed pairs and triples of its neighbours' summaries, so the
// cost per candidate gap is a few dozen multiplications and no allocation.
#include "nlp/sentence_features.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace veille::sentences {

namespace {

enum TokFlag : uint16_t {
  kTerminal = 1,  // . ! ? … and runs of them
  kClose = 2,     // » ” ) ] ›
  kQuote = 4,     // "
  kColon = 8,
  kSemicolon = 16,
  kAbbrev = 32,   // a word with its final period ("etc.", "M.", "J.-C.")
  kUpper = 64,    // starts with a capital letter
  kLower = 128,   // starts with a lower-case letter
  kDigit = 256,   // starts with a digit
  kOpen = 512,    // « “ „ ( [ ‹ • and dashes
  kCaps = 1024,   // at least two letters, all capitals
};

constexpr uint64_t kFnvBasis = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

inline uint64_t fnv_byte(uint64_t h, uint8_t b) { return (h ^ b) * kFnvPrime; }
inline uint64_t fnv_cp(uint64_t h, UChar32 c) {
  for (int k = 0; k < 4; ++k) h = fnv_byte(h, static_cast<uint8_t>(c >> (8 * k)));
  return h;
}

inline uint64_t splitmix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

inline uint64_t combine(uint64_t a, uint64_t b) { return splitmix(a * 0x100000001B3ull ^ b); }

inline uint32_t bucket_len(uint32_t n) { return n <= 3 ? n : n <= 6 ? 4 : n <= 10 ? 5 : 6; }
inline uint32_t bucket_distance(size_t n) {
  return n <= 3 ? static_cast<uint32_t>(n) : n <= 6 ? 4 : n <= 12 ? 5 : n <= 25 ? 6 : 7;
}

}  // namespace

GapFeaturizer::GapFeaturizer(std::string_view text, std::span<const Span> tokens, std::span<const uint8_t> gaps)
    : gaps_(gaps) {
  edge_.form = splitmix(0xED6E);
  edge_.shape = splitmix(0xED6F);
  toks_.resize(tokens.size());
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  for (size_t t = 0; t < tokens.size(); ++t) {
    Tok& out = toks_[t];
    const int32_t b = static_cast<int32_t>(tokens[t].begin), e = static_cast<int32_t>(tokens[t].end);
    uint64_t form = kFnvBasis, shape = kFnvBasis;
    int32_t i = b;
    UChar32 first = -1, last_cls = -2;
    uint32_t len = 0, letters = 0, uppers = 0, shape_len = 0;
    bool all_terminal = true;
    while (i < e) {
      UChar32 c;
      U8_NEXT(p, i, e, c);
      if (c < 0) c = 0xFFFD;
      if (first < 0) first = c;
      ++len;
      UChar32 cls;
      if (u_isupper(c) || u_istitle(c)) {
        cls = 'X';
        ++letters;
        ++uppers;
      } else if (u_isalpha(c)) {
        cls = 'x';
        ++letters;
      } else if (u_isdigit(c)) {
        cls = 'd';
      } else {
        cls = c;
      }
      if (!(c == '.' || c == '!' || c == '?' || c == 0x2026)) all_terminal = false;
      form = fnv_cp(form, u_tolower(c));
      // Runs of one class collapse ("Xxxx" -> "Xx"); at most 8 symbols.
      if (cls != last_cls && shape_len < 8) {
        shape = fnv_cp(shape, cls);
        ++shape_len;
      }
      last_cls = cls;
    }
    out.form = form;
    out.shape = shape;
    out.len = static_cast<uint16_t>(std::min<uint32_t>(len, 1000));
    uint16_t f = 0;
    if (all_terminal && len > 0) f |= kTerminal;
    if (len == 1) {
      switch (first) {
        case 0xBB: case 0x201D: case ')': case ']': case 0x203A: f |= kClose; break;
        case '"': f |= kQuote; break;
        case ':': f |= kColon; break;
        case ';': f |= kSemicolon; break;
        case 0xAB: case 0x201C: case 0x201E: case '(': case '[': case 0x2039: case 0x2022: case '-': case 0x2013:
        case 0x2014: f |= kOpen; break;
        default: break;
      }
    }
    if (len > 1 && e > b && p[e - 1] == '.' && letters > 0) f |= kAbbrev;
    if (first >= 0 && (u_isupper(first) || u_istitle(first))) f |= kUpper;
    else if (first >= 0 && u_islower(first)) f |= kLower;
    else if (first >= 0 && u_isdigit(first)) f |= kDigit;
    if (letters >= 2 && uppers == letters) f |= kCaps;
    out.flags = f;
  }
  // Distance to the next terminal mark, from the right.
  next_terminal_.assign(tokens.size(), 1000);
  uint32_t d = 1000;
  for (size_t t = tokens.size(); t-- > 0;) {
    d = (toks_[t].flags & kTerminal) ? 0 : std::min<uint32_t>(d + 1, 1000);
    next_terminal_[t] = d;
  }
}

const GapFeaturizer::Tok& GapFeaturizer::tok(ptrdiff_t i) const {
  return i < 0 || i >= static_cast<ptrdiff_t>(toks_.size()) ? edge_ : toks_[static_cast<size_t>(i)];
}

bool GapFeaturizer::candidate(size_t g) const {
  if (g + 1 >= toks_.size() || (gaps_[g] & kRuleMask) >= kForcedNo) return false;
  const uint16_t l = toks_[g].flags, r = toks_[g + 1].flags;
  return (l & (kTerminal | kClose | kQuote | kColon | kSemicolon | kAbbrev)) ||
         (r & (kUpper | kDigit | kOpen | kQuote));
}

void GapFeaturizer::features(size_t g, size_t since_boundary, uint32_t hash_bits, std::vector<uint32_t>& out) const {
  out.clear();
  const ptrdiff_t i = static_cast<ptrdiff_t>(g);
  const Tok &L = tok(i), &R = tok(i + 1), &LL = tok(i - 1), &RR = tok(i + 2);
  const uint64_t rule = gaps_[g] & kRuleMask;
  const uint64_t context = (gaps_[g] & (kQuoteOpen | kBracketOpen)) >> 2;
  const uint64_t since = bucket_distance(since_boundary);
  const uint64_t ahead = g + 1 < next_terminal_.size() ? bucket_distance(next_terminal_[g + 1]) : 8;
  const int shift = 64 - static_cast<int>(hash_bits);
  auto add = [&](uint64_t templ, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
    uint64_t h = combine(combine(combine(splitmix(templ), a), b), c);
    out.push_back(static_cast<uint32_t>(h >> shift));
  };
  add(1, 0);
  add(2, rule);
  add(3, rule, L.form);
  add(4, L.form);
  add(5, R.form);
  add(6, LL.form);
  add(7, RR.form);
  add(8, L.shape);
  add(9, R.shape);
  add(10, LL.shape);
  add(11, RR.shape);
  add(12, L.shape, R.shape);
  add(13, L.form, R.shape);
  add(14, L.shape, R.form);
  add(15, LL.form, L.form);
  add(16, R.form, RR.shape);
  add(17, LL.shape, L.shape, R.shape);
  add(18, L.shape, R.shape, RR.shape);
  add(19, context, L.shape);
  add(20, since);
  add(21, since, R.shape);
  add(22, ahead);
  add(23, ahead, L.shape);
  add(24, bucket_len(L.len), L.shape);
  add(25, bucket_len(R.len), R.shape);
  add(26, rule, L.shape, R.shape);
  add(27, LL.form, L.form, R.shape);
  add(28, L.flags, R.flags);
  add(29, rule, context, since);
}

}  // namespace veille::sentences
