#include "nlp/lang.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace veille {

namespace {

// The most frequent function words of each language, chosen so that few are shared between
// languages (shared ones such as "de", "la", "a", "in" count for each language that has them,
// which is what frequency profiles do; the distinctive ones decide).
struct Profile {
  const char* code;
  std::array<std::string_view, 24> words;
};

constexpr Profile kProfiles[] = {
    {"fr", {"le", "la", "les", "des", "est", "une", "et", "du", "dans", "pour", "que", "qui", "sur",
            "pas", "au", "avec", "ce", "il", "sont", "mais", "aux", "ont", "cette", "leur"}},
    {"en", {"the", "and", "of", "to", "is", "in", "that", "it", "for", "was", "with", "on", "are",
            "as", "this", "be", "by", "have", "from", "or", "at", "not", "which", "their"}},
    {"de", {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "zu", "ein", "eine",
            "auch", "sich", "auf", "für", "dem", "des", "im", "werden", "wird", "sind", "nach", "bei"}},
    {"es", {"el", "los", "las", "del", "que", "y", "en", "una", "por", "con", "para", "es", "se",
            "su", "al", "como", "más", "pero", "sus", "le", "este", "fue", "son", "está"}},
    {"it", {"il", "di", "che", "è", "e", "la", "per", "un", "non", "del", "della", "sono", "gli",
            "con", "una", "si", "nel", "alla", "anche", "come", "dei", "più", "questo", "ha"}},
    {"pt", {"o", "os", "da", "do", "que", "e", "em", "um", "uma", "para", "com", "não", "dos",
            "das", "por", "se", "na", "no", "mais", "como", "foi", "ao", "é", "são"}},
    {"nl", {"de", "het", "een", "van", "en", "is", "dat", "niet", "met", "voor", "op", "zijn",
            "te", "ook", "aan", "wordt", "door", "bij", "als", "maar", "er", "naar", "dit", "ze"}},
};
constexpr size_t kLangs = std::size(kProfiles);
constexpr int kMinHits = 5;

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Lower-cases ASCII letters into buf; other bytes (UTF-8 letters such as "é") are kept as they are,
// which is enough for function words, all lower-case in running text except sentence-initially.
std::string_view lower_ascii(std::string_view w, std::array<char, 16>& buf) {
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return {buf.data(), w.size()};
}

// Each function word with the languages that have it (bit l for kProfiles[l]), and the longest
// word's length. Why a table: comparing every word of a page with the 168 profile words was 3% of
// extraction's time.
struct WordTable {
  std::unordered_map<std::string_view, uint8_t> langs;
  size_t max_len = 0;
  WordTable() {
    static_assert(kLangs <= 8, "one bit per language");
    for (size_t l = 0; l < kLangs; ++l)
      for (std::string_view fw : kProfiles[l].words) {
        langs[fw] |= static_cast<uint8_t>(1u << l);
        max_len = std::max(max_len, fw.size());
      }
  }
};

const WordTable& word_table() {
  static const WordTable table;
  return table;
}

}  // namespace

std::string detect_language(std::string_view text) {
  std::array<int, kLangs> hits{};
  std::array<char, 16> buf{};
  const WordTable& table = word_table();
  // A page's first 64 KiB decide; more text does not change the answer and costs time.
  if (text.size() > 65536) text = text.substr(0, 65536);
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    size_t start = i;
    while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    size_t len = i - start;
    if (len == 0 || len > table.max_len || len > buf.size()) continue;
    auto it = table.langs.find(lower_ascii(text.substr(start, len), buf));
    if (it == table.langs.end()) continue;
    for (size_t l = 0; l < kLangs; ++l)
      if (it->second & (1u << l)) ++hits[l];
  }
  size_t best = 0, second = 1;
  if (hits[second] > hits[best]) std::swap(best, second);
  for (size_t l = 2; l < kLangs; ++l) {
    if (hits[l] > hits[best]) {
      second = best;
      best = l;
    } else if (hits[l] > hits[second]) {
      second = l;
    }
  }
  // A clear winner: enough evidence and at least 25% more than the runner-up.
  if (hits[best] < kMinHits || hits[best] * 4 < hits[second] * 5) return "und";
  return kProfiles[best].code;
}

}  // namespace veille
