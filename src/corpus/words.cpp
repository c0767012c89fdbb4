#include "corpus/words.h"

#include <unicode/uchar.h>
#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

#include <array>

namespace veille::corpus {
namespace {

// Folded forms of U+0080..U+024F (Latin-1 Supplement, Latin Extended-A and -B), computed once
// from ICU: empty for separators, else the lower-cased base letters without their marks.
constexpr UChar32 kTableEnd = 0x250;

struct FoldTable {
  std::array<std::string, kTableEnd> forms;
  std::array<bool, kTableEnd> is_word{};
  FoldTable() {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
    for (UChar32 c = 0x80; c < kTableEnd; ++c) {
      if (!u_isalnum(c)) continue;
      is_word[c] = true;
      std::string& out = forms[c];
      switch (c) {  // ligatures and letters NFD does not decompose
        case 0xC6: case 0xE6: out.append("ae"); continue;
        case 0x152: case 0x153: out.append("oe"); continue;
        case 0xDF: out.append("ss"); continue;
        case 0xD8: case 0xF8: out.append("o"); continue;
        case 0xD0: case 0xF0: case 0x110: case 0x111: out.append("d"); continue;
        case 0xDE: case 0xFE: out.append("th"); continue;
        case 0x141: case 0x142: out.append("l"); continue;
        default: break;
      }
      icu::UnicodeString decomposed;
      UChar32 lower = u_tolower(c);
      if (U_SUCCESS(err) && nfd != nullptr && nfd->getDecomposition(lower, decomposed)) {
        for (int32_t k = 0; k < decomposed.length();) {
          UChar32 d = decomposed.char32At(k);
          k += U16_LENGTH(d);
          if (u_getCombiningClass(d) != 0 || u_charType(d) == U_NON_SPACING_MARK) continue;
          char buf[4];
          int32_t len = 0;
          UBool bad = false;
          U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, d, bad);
          if (!bad) out.append(buf, static_cast<size_t>(len));
        }
      } else {
        char buf[4];
        int32_t len = 0;
        UBool bad = false;
        U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, lower, bad);
        if (!bad) out.append(buf, static_cast<size_t>(len));
      }
    }
  }
};

const FoldTable& fold_table() {
  static const FoldTable table;
  return table;
}

}  // namespace

namespace detail {

bool fold_non_ascii(std::string_view text, size_t& i, std::string& out) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(s, pos, n, c);
  i = static_cast<size_t>(pos);
  if (c < 0) return false;
  if (c < kTableEnd) {
    const FoldTable& t = fold_table();
    if (!t.is_word[c]) return false;
    out += t.forms[c];
    return true;
  }
  if (!u_isalnum(c)) return false;
  UChar32 lower = u_tolower(c);
  char buf[4];
  int32_t len = 0;
  UBool bad = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, lower, bad);
  if (!bad) out.append(buf, static_cast<size_t>(len));
  return true;
}

}  // namespace detail

std::string fold_words(std::string_view text) {
  std::string out;
  for_each_word(text, [&](std::string_view w) {
    if (!out.empty()) out.push_back(' ');
    out.append(w);
  });
  return out;
}

}  // namespace veille::corpus
