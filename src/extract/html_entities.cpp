#include "extract/html_entities.h"

#include <algorithm>

namespace veille::html {

namespace {

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// windows-1252's meaning of bytes 0x80-0x9F, which the HTML standard applies to numeric
// references in that range; 0 where windows-1252 leaves the byte undefined (the value is kept).
constexpr char32_t kWindows1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88-8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98-9F
};

// The longest legacy reference name (written without ';'): "middot", "plusmn", ...
constexpr size_t kLongestLegacyName = 6;
// The longest name in the table, ';' included.
constexpr size_t kLongestName = 32;

}  // namespace

const NamedReference* find_named_reference(std::string_view name) {
  const NamedReference* end = kNamedReferences + kNamedReferenceCount;
  const NamedReference* it = std::lower_bound(
      kNamedReferences, end, name, [](const NamedReference& r, std::string_view n) { return r.name < n; });
  return it != end && it->name == name ? it : nullptr;
}

void append_utf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

char32_t numeric_reference_value(unsigned long long value) {
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0xFFFD;
  if (value >= 0x80 && value <= 0x9F && kWindows1252[value - 0x80] != 0) return kWindows1252[value - 0x80];
  return static_cast<char32_t>(value);
}

size_t decode_reference(std::string_view s, bool in_attribute, std::string& out) {
  if (s.empty()) return 0;
  if (s[0] == '#') {
    size_t i = 1;
    const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    const size_t digits_begin = i;
    unsigned long long value = 0;
    for (; i < s.size(); ++i) {
      const char c = s[i];
      int digit;
      if (c >= '0' && c <= '9') digit = c - '0';
      else if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
      else break;
      // Saturate: any value past U+10FFFF is U+FFFD, however many digits follow.
      value = std::min<unsigned long long>(value * (hex ? 16 : 10) + static_cast<unsigned>(digit), 0x110000);
    }
    if (i == digits_begin) return 0;  // "&#" or "&#x" without digits is literal text
    if (i < s.size() && s[i] == ';') ++i;
    append_utf8(numeric_reference_value(value), out);
    return i;
  }
  size_t run = 0;
  while (run < s.size() && run < kLongestName && is_ascii_alnum(s[run])) ++run;
  if (run == 0) return 0;
  const NamedReference* ref = nullptr;
  size_t consumed = 0;
  if (run < s.size() && s[run] == ';') {
    ref = find_named_reference(s.substr(0, run + 1));
    consumed = run + 1;
  }
  if (!ref) {
    // Only the legacy names match without ';', and as the longest prefix of the run ("&notit"
    // is "¬it").
    for (size_t len = std::min(run, kLongestLegacyName); len >= 2 && !ref; --len) {
      ref = find_named_reference(s.substr(0, len));
      consumed = len;
    }
    if (!ref) return 0;
    if (in_attribute && consumed < s.size() && (s[consumed] == '=' || is_ascii_alnum(s[consumed]))) return 0;
  }
  append_utf8(ref->first, out);
  if (ref->second) append_utf8(ref->second, out);
  return consumed;
}

}  // namespace veille::html
