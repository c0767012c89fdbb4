#include "extract/metadata.h"

#include "extract/html_entities.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace veille {
namespace {

using dom::Node;
using json = nlohmann::json;

// ---------------------------------------------------------------------------------------------
// Small string helpers (ASCII case folding; UTF-8 bytes above 0x7f pass through unchanged).

char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = lower_ascii(c);
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// How many bytes of white space start at s[i] (an ASCII space, U+00A0, U+202F, U+2009 or U+200B),
// 0 if none.
size_t space_bytes(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (is_space(static_cast<char>(c))) return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const unsigned char t = static_cast<unsigned char>(s[i + 2]);
    if (t == 0xAF || t == 0x89 || t == 0x8B) return 3;
  }
  return 0;
}

// Walks s with runs of white space collapsed to one space and trimmed: emit(space, c) gets each
// kept byte c, and space tells whether a space goes before it. Stops when emit returns false.
template <class Emit>
void walk_collapsed(std::string_view s, Emit&& emit) {
  bool pending = false, any = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (const size_t skip = space_bytes(s, i)) {
      pending = true;
      i += skip - 1;
      continue;
    }
    if (!emit(pending && any, s[i])) return;
    pending = false;
    any = true;
  }
}

// Collapses runs of whitespace (ASCII and U+00A0, U+202F, U+2009) to one space and trims.
std::string collapse_spaces(std::string_view s) {
  // Most inputs (URLs, attribute values, short texts) hold no byte that can start white space:
  // they come back as they are, without the byte-by-byte walk.
  if (std::none_of(s.begin(), s.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return c <= ' ' || c == 0xC2 || c == 0xE2;  // every is_space() byte is <= ' '
      }))
    return std::string(s);
  std::string out;
  out.reserve(s.size());
  walk_collapsed(s, [&](bool space, char c) {
    if (space) out += ' ';
    out += c;
    return true;
  });
  return out;
}

bool contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (lower_ascii(s[i]) != lower_ascii(prefix[i])) return false;
  return true;
}

// Whether the lower-cased id/class text holds `word` as a whole word ("entry-date", "date").
bool has_class_word(std::string_view ic, std::string_view word) {
  size_t i = 0;
  while (i < ic.size()) {
    while (i < ic.size() && !(is_alpha(ic[i]) || is_digit(ic[i]))) ++i;
    size_t start = i;
    while (i < ic.size() && (is_alpha(ic[i]) || is_digit(ic[i]))) ++i;
    if (ic.substr(start, i - start) == word) return true;
  }
  return false;
}

// A comparison key: lower-cased, letters and digits only, single spaces. Used to decide whether
// two titles or names are "the same" despite punctuation, quotes and case.
std::string loose_key(std::string_view s) {
  std::string out;
  bool pending = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // Keep UTF-8 letters; treat common punctuation (’ « » – — …) as separators.
      size_t len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : 2;
      std::string_view seq = s.substr(i, len);
      bool punct = seq == "\xE2\x80\x99" || seq == "\xE2\x80\x98" || seq == "\xC2\xAB" ||
                   seq == "\xC2\xBB" || seq == "\xE2\x80\x93" || seq == "\xE2\x80\x94" ||
                   seq == "\xE2\x80\xA6" || seq == "\xE2\x80\x9C" || seq == "\xE2\x80\x9D" ||
                   seq == "\xC2\xA0" || seq == "\xE2\x80\xAF" || seq == "\xC2\xB7";
      if (punct) {
        pending = true;
      } else {
        if (pending && !out.empty()) out += ' ';
        pending = false;
        out += seq;
      }
      i += len - 1;
      continue;
    }
    if (is_alpha(static_cast<char>(c)) || is_digit(static_cast<char>(c))) {
      if (pending && !out.empty()) out += ' ';
      pending = false;
      out += lower_ascii(static_cast<char>(c));
    } else {
      pending = true;
    }
  }
  return out;
}

// One level of character references, with the HTML parser's decoder (the full WHATWG table, the
// windows-1252 reading of &#128;-&#159;). The attribute rule keeps "&copy=2" in URLs literal.
std::string decode_entities_once(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '&') {
      if (size_t used = html::decode_reference(s.substr(i + 1), /*in_attribute=*/true, out)) {
        i += 1 + used;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

// Decodes character references left in metadata values. The parser already decoded one level,
// but many sites escape twice ("&amp;#038;" in the source), and JSON-LD strings are never decoded
// by the parser; at most two levels are undone.
std::string decode_entities(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string once = decode_entities_once(s);
  if (once.find('&') == std::string::npos || once == s) return once;
  return decode_entities_once(once);
}

// ---------------------------------------------------------------------------------------------
// Dates.

// Month names and abbreviations in French (first), English, Spanish, German and Portuguese, both
// with and without accents, lower-case.
struct MonthName {
  const char* name;
  int month;
};
constexpr MonthName kMonthNames[] = {
    {"janvier", 1},   {"janv", 1},      {"février", 2},  {"fevrier", 2},   {"févr", 2},
    {"fevr", 2},      {"fév", 2},       {"fev", 2},      {"mars", 3},      {"avril", 4},
    {"avr", 4},       {"mai", 5},       {"juin", 6},     {"juillet", 7},   {"juil", 7},
    {"août", 8},      {"aout", 8},      {"septembre", 9}, {"sept", 9},     {"octobre", 10},
    {"novembre", 11}, {"décembre", 12}, {"decembre", 12}, {"déc", 12},
    {"january", 1},   {"jan", 1},       {"february", 2}, {"feb", 2},       {"march", 3},
    {"mar", 3},       {"april", 4},     {"apr", 4},      {"may", 5},       {"june", 6},
    {"jun", 6},       {"july", 7},      {"jul", 7},      {"august", 8},    {"aug", 8},
    {"september", 9}, {"sep", 9},       {"october", 10}, {"oct", 10},      {"november", 11},
    {"nov", 11},      {"december", 12}, {"dec", 12},
    {"enero", 1},     {"febrero", 2},   {"marzo", 3},    {"abril", 4},     {"mayo", 5},
    {"junio", 6},     {"julio", 7},     {"agosto", 8},   {"septiembre", 9}, {"setiembre", 9},
    {"octubre", 10},  {"noviembre", 11}, {"diciembre", 12},
    {"januar", 1},    {"februar", 2},   {"märz", 3},     {"maerz", 3},     {"juni", 6},
    {"juli", 7},      {"oktober", 10},  {"dezember", 12},
    {"janeiro", 1},   {"fevereiro", 2}, {"março", 3},    {"marco", 3},     {"maio", 5},
    {"junho", 6},     {"julho", 7},     {"setembro", 9}, {"outubro", 10},  {"dezembro", 12},
};

int month_from_word(std::string_view word) {
  std::string w = lower(word);
  // Upper-case accented letters that occur in month names: É, Û, Ä, Ç.
  for (auto [from, to] : std::array<std::pair<const char*, const char*>, 4>{
           {{"\xC3\x89", "\xC3\xA9"}, {"\xC3\x9B", "\xC3\xBB"}, {"\xC3\x84", "\xC3\xA4"},
            {"\xC3\x87", "\xC3\xA7"}}}) {
    size_t pos;
    while ((pos = w.find(from)) != std::string::npos) w.replace(pos, 2, to);
  }
  while (!w.empty() && w.back() == '.') w.pop_back();
  for (const auto& m : kMonthNames)
    if (w == m.name) return m.month;
  return 0;
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

bool valid_date(int y, int m, int d) {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

struct DateParts {
  int y = 0, mo = 0, d = 0;
  int h = -1, mi = -1, s = -1;
  bool has_zone = false;
  int zone_minutes = 0;  // offset east of UTC
};

std::string format_date(const DateParts& p) {
  char buf[64];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", p.y, p.mo, p.d);
  std::string out(buf, static_cast<size_t>(n));
  if (p.h < 0 || p.h > 23 || p.mi < 0 || p.mi > 59) return out;
  n = std::snprintf(buf, sizeof buf, "T%02d:%02d", p.h, p.mi);
  out.append(buf, static_cast<size_t>(n));
  if (p.s >= 0 && p.s <= 60) {
    n = std::snprintf(buf, sizeof buf, ":%02d", p.s);
    out.append(buf, static_cast<size_t>(n));
  }
  if (p.has_zone) {
    int z = p.zone_minutes;
    char sign = z < 0 ? '-' : '+';
    if (z < 0) z = -z;
    n = std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, z / 60, z % 60);
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

// Days since 1970-01-01 -> civil date (Howard Hinnant's algorithm).
void civil_from_days(long long z, int& y, int& m, int& d) {
  z += 719468;
  long long era = (z >= 0 ? z : z - 146096) / 146097;
  long long doe = z - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long yy = yoe + era * 400;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long long mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yy + (m <= 2));
}

struct Token {
  enum Kind { kNumber, kWord, kPunct } kind;
  std::string text;
  size_t digits = 0;
};

std::vector<Token> tokenize_date(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size() && out.size() < 64) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (is_digit(static_cast<char>(c))) {
      size_t j = i;
      while (j < s.size() && is_digit(s[j])) ++j;
      out.push_back({Token::kNumber, std::string(s.substr(i, j - i)), j - i});
      i = j;
    } else if (is_alpha(static_cast<char>(c)) || c >= 0x80) {
      size_t j = i;
      while (j < s.size() &&
             (is_alpha(s[j]) || static_cast<unsigned char>(s[j]) >= 0x80)) {
        // Stop at non-breaking spaces and typographic punctuation inside the run.
        unsigned char cj = static_cast<unsigned char>(s[j]);
        if (cj == 0xC2 && j + 1 < s.size() &&
            (static_cast<unsigned char>(s[j + 1]) == 0xA0 ||
             static_cast<unsigned char>(s[j + 1]) == 0xB7))
          break;
        if (cj == 0xE2) break;
        ++j;
      }
      if (j == i) {  // a lone separator byte sequence
        size_t len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : 2;
        i += len;
        continue;
      }
      out.push_back({Token::kWord, std::string(s.substr(i, j - i)), 0});
      i = j;
    } else if (is_space(static_cast<char>(c))) {
      ++i;
    } else {
      out.push_back({Token::kPunct, std::string(1, static_cast<char>(c)), 0});
      ++i;
    }
  }
  return out;
}

int to_int(const std::string& s) {
  int v = 0;
  for (char c : s) {
    if (v > 100000000) return v;
    v = v * 10 + (c - '0');
  }
  return v;
}

// Reads an ISO-like date "YYYY-MM-DD[T ]HH:MM[:SS[.frac]][Z|±hh[:]mm]" (also with / or . as the
// date separator, or the compact YYYYMMDD[THHMMSS] form) at the start of `s`.
bool parse_iso(std::string_view s, DateParts& p) {
  size_t i = 0;
  auto num = [&](size_t n, int& out) {
    if (i + n > s.size()) return false;
    int v = 0;
    for (size_t k = 0; k < n; ++k) {
      if (!is_digit(s[i + k])) return false;
      v = v * 10 + (s[i + k] - '0');
    }
    out = v;
    i += n;
    return true;
  };
  if (!num(4, p.y)) return false;
  bool compact = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
    char sep = s[i++];
    // month may be one or two digits
    size_t start = i;
    while (i < s.size() && is_digit(s[i]) && i - start < 2) ++i;
    if (i == start) return false;
    p.mo = to_int(std::string(s.substr(start, i - start)));
    if (i >= s.size() || s[i] != sep) return false;
    ++i;
    start = i;
    while (i < s.size() && is_digit(s[i]) && i - start < 2) ++i;
    if (i == start) return false;
    p.d = to_int(std::string(s.substr(start, i - start)));
  } else {
    if (!num(2, p.mo) || !num(2, p.d)) return false;
    compact = true;
  }
  if (i < s.size() && is_digit(s[i])) return false;
  if (!valid_date(p.y, p.mo, p.d)) return false;
  // Time.
  if (i < s.size() && (s[i] == 'T' || s[i] == 't' || s[i] == ' ')) {
    size_t save = i;
    ++i;
    int h = 0, mi = 0, sec = -1;
    bool ok = num(2, h);
    if (ok) {
      if (i < s.size() && s[i] == ':') ++i;
      ok = num(2, mi);
    }
    if (ok) {
      size_t before = i;
      if (i < s.size() && s[i] == ':') ++i;
      if (!num(2, sec)) {
        sec = -1;
        i = before;
      }
      if (sec >= 0 && i < s.size() && (s[i] == '.' || s[i] == ',')) {
        ++i;
        while (i < s.size() && is_digit(s[i])) ++i;
      }
      p.h = h;
      p.mi = mi;
      p.s = sec;
      while (i < s.size() && s[i] == ' ') ++i;
      if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
        p.has_zone = true;
        p.zone_minutes = 0;
      } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        int sign = s[i] == '-' ? -1 : 1;
        ++i;
        int zh = 0, zm = 0;
        if (num(2, zh)) {
          if (i < s.size() && s[i] == ':') ++i;
          if (!num(2, zm)) zm = 0;
          if (zh <= 14 && zm < 60) {
            p.has_zone = true;
            p.zone_minutes = sign * (zh * 60 + zm);
          }
        }
      } else if (starts_with_ci(s.substr(i), "GMT") || starts_with_ci(s.substr(i), "UTC")) {
        p.has_zone = true;
        p.zone_minutes = 0;
      }
    } else {
      i = save;
    }
  }
  (void)compact;
  return true;
}

int zone_from_name(std::string_view w) {
  static const std::pair<const char*, int> kZones[] = {
      {"gmt", 0},    {"utc", 0},    {"z", 0},       {"cet", 60},   {"cest", 120},
      {"bst", 60},   {"est", -300}, {"edt", -240},  {"cst", -360}, {"cdt", -300},
      {"mst", -420}, {"mdt", -360}, {"pst", -480},  {"pdt", -420},
  };
  std::string l = lower(w);
  for (auto& [name, off] : kZones)
    if (l == name) return off;
  return 100000;
}

// Free-form dates: "12 février 2025", "mercredi 1er février 2025 à 18h04", "Feb 12, 2025",
// "Wed, 12 Feb 2025 18:04:00 GMT", "12/02/2025 18:04", "12.02.2025".
bool parse_free(std::string_view s, DateParts& p) {
  std::vector<Token> t = tokenize_date(s);
  // Numeric D/M/Y (day first, as in French, unless that is impossible).
  for (size_t i = 0; i + 4 < t.size(); ++i) {
    if (t[i].kind == Token::kNumber && t[i].digits <= 2 && t[i + 1].kind == Token::kPunct &&
        t[i + 2].kind == Token::kNumber && t[i + 2].digits <= 2 && t[i + 3].kind == Token::kPunct &&
        t[i + 3].text == t[i + 1].text && t[i + 4].kind == Token::kNumber &&
        (t[i + 4].digits == 4 || t[i + 4].digits == 2) &&
        (t[i + 1].text == "/" || t[i + 1].text == "." || t[i + 1].text == "-")) {
      int a = to_int(t[i].text), b = to_int(t[i + 2].text), y = to_int(t[i + 4].text);
      if (t[i + 4].digits == 2) y += 2000;
      int d = a, m = b;
      if (b > 12 && a <= 12) std::swap(d, m);
      if (!valid_date(y, m, d)) continue;
      p.y = y;
      p.mo = m;
      p.d = d;
      // Optional time after it.
      for (size_t k = i + 5; k + 2 < t.size() && k < i + 9; ++k) {
        if (t[k].kind == Token::kNumber && t[k].digits <= 2 &&
            (t[k + 1].text == ":" || lower(t[k + 1].text) == "h") &&
            t[k + 2].kind == Token::kNumber && t[k + 2].digits == 2) {
          p.h = to_int(t[k].text);
          p.mi = to_int(t[k + 2].text);
          break;
        }
      }
      return true;
    }
  }
  // Month written as a word.
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind != Token::kWord) continue;
    int m = month_from_word(t[i].text);
    if (!m) continue;
    int d = 0, y = 0;
    // "12 février 2025" / "1er février 2025" / "12. Februar 2025" / "12 de março de 2025"
    auto find_day_before = [&]() {
      size_t k = i;
      int hops = 0;
      while (k > 0 && hops < 3) {
        --k;
        ++hops;
        if (t[k].kind == Token::kNumber && t[k].digits <= 2) return to_int(t[k].text);
        std::string w = lower(t[k].text);
        if (t[k].kind == Token::kWord && w != "er" && w != "de" && w != "th" && w != "st" &&
            w != "nd" && w != "rd")
          return 0;
      }
      return 0;
    };
    auto find_after = [&](size_t from, bool want_year, int& out, size_t& at) {
      size_t k = from;
      int hops = 0;
      while (k < t.size() && hops < 4) {
        if (t[k].kind == Token::kNumber) {
          if (want_year && t[k].digits == 4) {
            out = to_int(t[k].text);
            at = k;
            return true;
          }
          if (!want_year && t[k].digits <= 2) {
            out = to_int(t[k].text);
            at = k;
            return true;
          }
          return false;
        }
        std::string w = lower(t[k].text);
        if (t[k].kind == Token::kWord && w != "de" && w != "th" && w != "st" && w != "nd" &&
            w != "rd" && w != "er")
          return false;
        ++k;
        ++hops;
      }
      return false;
    };
    size_t year_at = i;
    d = find_day_before();
    if (d) {
      if (!find_after(i + 1, true, y, year_at)) continue;
    } else {
      // "Feb 12, 2025"
      size_t day_at = i;
      if (!find_after(i + 1, false, d, day_at)) continue;
      if (!find_after(day_at + 1, true, y, year_at)) continue;
    }
    if (!valid_date(y, m, d)) continue;
    p.y = y;
    p.mo = m;
    p.d = d;
    // Time: "18:04[:00]", "18h04", "18 h 04", "à 18h".
    for (size_t k = year_at + 1; k < t.size() && k < year_at + 8; ++k) {
      if (t[k].kind != Token::kNumber || t[k].digits > 2) continue;
      int h = to_int(t[k].text);
      if (k + 2 < t.size() && (t[k + 1].text == ":" || lower(t[k + 1].text) == "h") &&
          t[k + 2].kind == Token::kNumber && t[k + 2].digits == 2) {
        p.h = h;
        p.mi = to_int(t[k + 2].text);
        size_t z = k + 3;
        if (z + 1 < t.size() && t[z].text == ":" && t[z + 1].kind == Token::kNumber) {
          p.s = to_int(t[z + 1].text);
          z += 2;
        }
        // AM/PM
        if (z < t.size() && t[z].kind == Token::kWord) {
          std::string w = lower(t[z].text);
          if (w == "pm" && p.h < 12) p.h += 12;
          if (w == "am" && p.h == 12) p.h = 0;
          if (w == "pm" || w == "am") ++z;
        }
        if (z < t.size()) {
          if (t[z].kind == Token::kWord) {
            int off = zone_from_name(t[z].text);
            if (off != 100000) {
              p.has_zone = true;
              p.zone_minutes = off;
            }
          } else if ((t[z].text == "+" || t[z].text == "-") && z + 1 < t.size() &&
                     t[z + 1].kind == Token::kNumber && t[z + 1].digits == 4) {
            int v = to_int(t[z + 1].text);
            if (v / 100 <= 14 && v % 100 < 60) {
              p.has_zone = true;
              p.zone_minutes = (t[z].text == "-" ? -1 : 1) * ((v / 100) * 60 + v % 100);
            }
          }
        }
        break;
      }
      if (k + 1 < t.size() && lower(t[k + 1].text) == "h" && h <= 23) {
        p.h = h;
        p.mi = 0;
        break;
      }
    }
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Page scanning.

std::string raw_text(const Node* n) {
  std::string out;
  for (const Node* c : n->children)
    if (c->is_text()) out += c->text;
  return out;
}

// Whether an element's id/class marks it as part of a comment thread (we do not want commenters
// as the article's authors).
bool is_comment_area(const Node* n) {
  std::string ic = n->id_and_class();
  return contains(ic, "comment") || contains(ic, "disqus") || contains(ic, "respond") ||
         contains(ic, "reply");
}

struct Candidate {
  std::string value;
  int priority;  // lower is better
};

struct Scan {
  std::unordered_map<std::string, std::string> meta;  // first value per lower-cased key
  std::vector<std::pair<int, std::string>> meta_authors;  // (key rank, value), lower rank first
  std::vector<std::string> jsonld_scripts;
  std::string title_tag;
  std::vector<std::string> h1s;
  std::vector<bool> h1_in_main;  // inside <article>, <main> or role=main
  std::string html_lang;
  std::vector<Candidate> times;   // <time datetime>, itemprop=datePublished
  std::vector<std::string> byline_texts;  // text of byline/author elements, in page order
  std::vector<std::string> rel_author;
  std::vector<std::string> pattern_bylines;  // "Par X" / "By X" texts
  // Short visible lines that may state the publication date: elements classed "date" /
  // "dateline", and texts opening with "Publié le" / "Mis en ligne le" ("Le Havre, le
  // 05/11/2026 - 19h15"). Used only when no metadata gives the date.
  std::vector<std::string> date_lines;
  std::vector<std::string> itemprop_author;
  std::string canonical;  // href of the first <link rel="canonical">
  // The first short link to a site root ("/", "https://host/"): a logo or the site's name.
  std::string home_link_href, home_link_text;
};

void add_meta(Scan& sc, const std::string& key, const std::string& value) {
  if (value.empty()) return;
  std::string k = lower(key);
  // Author keys, most specific first; only the best key present is used, so that a page
  // declaring both dc:creator and author does not list the same people twice.
  static constexpr const char* kAuthorKeys[] = {
      "dc.creator", "dc:creator", "dcterms.creator", "article:author", "og:article:author",
      "author", "parsely-author", "sailthru.author", "byl", "citation_author",
      "twitter:creator:name"};
  for (size_t r = 0; r < std::size(kAuthorKeys); ++r)
    if (k == kAuthorKeys[r]) sc.meta_authors.emplace_back(static_cast<int>(r), value);
  sc.meta.emplace(k, value);
}

bool is_byline_element(const Node* n) {
  std::string ic = n->id_and_class();
  if (ic.empty()) return false;
  if (contains(ic, "byline")) return true;
  if ((contains(ic, "author") && !contains(ic, "authoriz")) || contains(ic, "auteur") ||
      contains(ic, "signature")) {
    // Skip avatars, author bio boxes and "more by this author" lists.
    if (contains(ic, "avatar") || contains(ic, "bio") || contains(ic, "description") ||
        contains(ic, "img") || contains(ic, "image") || contains(ic, "photo") ||
        contains(ic, "follow") || contains(ic, "social") || contains(ic, "more") ||
        contains(ic, "posts") || contains(ic, "archive"))
      return false;
    return true;
  }
  return false;
}

// The first bytes of collapse_spaces(s), without building the whole string: at most `cap` bytes
// are written to `out`; *complete tells whether that is all of it.
size_t collapsed_head(std::string_view s, char* out, size_t cap, bool* complete) {
  size_t len = 0;
  *complete = true;
  walk_collapsed(s, [&](bool space, char c) {
    if (len + (space ? 2 : 1) > cap) {
      *complete = false;
      return false;
    }
    if (space) out[len++] = ' ';
    out[len++] = c;
    return true;
  });
  return len;
}

// Openings of a short text that scan_page reads as a byline ("Par X") or a date line.
constexpr const char* kBylineStarts[] = {
    "Par ", "By ", "Written by", "Écrit par", "Publié par", "Posted by", "Rédigé par",
    "Un article de", "Text by", "Words by", "Story by"};
constexpr const char* kDateLineStarts[] = {"Publié le ", "Mis en ligne le ", "Published on "};

// Whether collapse_spaces(s) can be one of the texts scan_page looks for, decided on its first 24
// bytes (every opening above is shorter): most text nodes are not, and this spares them a
// collapsed copy (an allocation per text node was 2% of extraction).
bool may_open_byline_or_date(std::string_view s) {
  // Most texts are ruled out by their first byte (the openings start with P p M m B W R U T S or
  // the lead byte of 'É'), before the head is collapsed.
  size_t i = 0;
  while (i < s.size()) {
    const size_t skip = space_bytes(s, i);
    if (!skip) break;
    i += skip;
  }
  if (i == s.size()) return false;
  switch (static_cast<unsigned char>(s[i])) {
    case 'P': case 'p': case 'M': case 'm': case 'B': case 'W': case 'R': case 'U': case 'T': case 'S': case 0xC3:
      break;
    default:
      return false;
  }
  s.remove_prefix(i);
  char head[24];
  bool complete = false;
  const std::string_view h(head, collapsed_head(s, head, sizeof head, &complete));
  if (complete && (h == "Par" || h == "By" || h == "Par :" || h == "By:")) return true;
  for (const char* p : kBylineStarts)
    if (h.starts_with(p)) return true;
  for (const char* p : kDateLineStarts)
    if (starts_with_ci(h, p)) return true;
  return false;
}

Scan scan_page(const dom::Dom& d) {
  Scan sc;
  int comment_depth_marker = -1;  // depth of the innermost comment-area ancestor, -1 if none
  std::vector<const Node*> comment_stack;
  std::vector<const Node*> main_stack;  // open <article>/<main> ancestors
  dom::walk(d.root(), [&](const Node* n) {
    if (n->is_text()) {
      // "Par Jeanne Dupont", "By Jo Smith": a short text that starts like a byline; the name may
      // be in the next element ("Par <a>Jeanne Dupont</a>"), so the parent's text is kept.
      if (sc.pattern_bylines.size() >= 8 || n->text.size() > 200 || !n->parent) return true;
      while (!comment_stack.empty() && comment_stack.back()->depth >= n->depth)
        comment_stack.pop_back();
      if (!comment_stack.empty()) return true;
      if (!may_open_byline_or_date(n->text)) return true;
      std::string t = collapse_spaces(n->text);
      if (sc.date_lines.size() < 8 && t.size() < 120 &&
          std::any_of(std::begin(kDateLineStarts), std::end(kDateLineStarts),
                      [&](const char* p) { return starts_with_ci(t, p); }) &&
          !n->parent->is("script") && !n->parent->is("title"))
        sc.date_lines.push_back(t);
      const auto& kStarts = kBylineStarts;
      bool starts = t == "Par" || t == "By" || t == "Par :" || t == "By:";
      for (const char* p : kStarts)
        if (!starts && t.rfind(p, 0) == 0) starts = true;
      if (!starts) return true;
      const Node* parent = n->parent;
      if (parent->is("script") || parent->is("style") || parent->is("title")) return true;
      std::string whole = dom::text_content(parent);
      if (whole.size() > 120) whole = t;
      // The first letter of the name must be a capital (or a non-ASCII letter).
      std::string rest = whole;
      for (const char* p : kStarts)
        if (rest.rfind(p, 0) == 0) rest = collapse_spaces(rest.substr(std::strlen(p)));
      if (rest.rfind("Par", 0) == 0 || rest.rfind("By", 0) == 0)
        rest = collapse_spaces(rest.substr(rest[0] == 'P' ? 3 : 2));
      while (!rest.empty() && (rest[0] == ':' || rest[0] == ' ')) rest.erase(0, 1);
      if (!rest.empty() && ((rest[0] >= 'A' && rest[0] <= 'Z') ||
                            static_cast<unsigned char>(rest[0]) >= 0xC3))
        sc.pattern_bylines.push_back(whole);
      return true;
    }
    if (!n->is_element()) return true;
    while (!comment_stack.empty() && comment_stack.back()->depth >= n->depth)
      comment_stack.pop_back();
    while (!main_stack.empty() && main_stack.back()->depth >= n->depth) main_stack.pop_back();
    if (n->is("article") || n->is("main")) {
      main_stack.push_back(n);
    } else if (const auto* role = n->attr("role"); role && lower(*role) == "main") {
      main_stack.push_back(n);
    }
    comment_depth_marker = comment_stack.empty() ? -1 : comment_stack.back()->depth;
    bool in_comments = comment_depth_marker >= 0;
    const std::string& tag = n->tag;
    if (dom::same_name(tag, "html")) {
      if (const auto* l = n->attr("lang")) sc.html_lang = *l;
      else if (const auto* xl = n->attr("xml:lang")) sc.html_lang = *xl;
    } else if (dom::same_name(tag, "meta")) {
      const std::string* content = n->attr("content");
      if (!content) return true;
      std::string value = collapse_spaces(decode_entities(*content));
      for (const char* key_attr : {"property", "name", "itemprop", "http-equiv"}) {
        if (const auto* k = n->attr(key_attr)) {
          // "property" may hold several space-separated names.
          std::string keys = *k;
          size_t pos = 0;
          while (pos < keys.size()) {
            while (pos < keys.size() && is_space(keys[pos])) ++pos;
            size_t end = pos;
            while (end < keys.size() && !is_space(keys[end])) ++end;
            if (end > pos) add_meta(sc, keys.substr(pos, end - pos), value);
            pos = end;
          }
        }
      }
      return true;
    } else if (dom::same_name(tag, "link")) {
      const std::string* rel = n->attr("rel");
      const std::string* href = n->attr("href");
      if (rel && href && sc.canonical.empty() && lower(collapse_spaces(*rel)) == "canonical")
        sc.canonical = collapse_spaces(decode_entities(*href));
      return true;
    } else if (dom::same_name(tag, "title")) {
      if (sc.title_tag.empty() && !in_comments) {
        // <title> inside <svg> is not the page title.
        bool in_svg = false;
        for (const Node* a = n->parent; a; a = a->parent)
          if (a->is("svg")) in_svg = true;
        if (!in_svg) sc.title_tag = collapse_spaces(decode_entities(raw_text(n)));
      }
      return false;
    } else if (dom::same_name(tag, "script")) {
      const std::string* type = n->attr("type");
      if (type && contains(lower(*type), "ld+json")) sc.jsonld_scripts.push_back(raw_text(n));
      return false;
    } else if (dom::same_name(tag, "style") || dom::same_name(tag, "noscript") || dom::same_name(tag, "template")) {
      return false;
    } else if (dom::same_name(tag, "a") && sc.home_link_text.empty() && !in_comments) {
      if (const std::string* href = n->attr("href")) {
        std::string h = collapse_spaces(*href);
        size_t scheme = h.find("://");
        size_t path = scheme == std::string::npos ? std::string::npos : h.find('/', scheme + 3);
        if (h == "/" || (scheme != std::string::npos && (path == std::string::npos || path + 1 == h.size()))) {
          std::string t = collapse_spaces(decode_entities(dom::text_content(n)));
          if (!t.empty() && t.size() <= 60) {
            sc.home_link_href = h;
            sc.home_link_text = t;
          }
        }
      }
    } else if (dom::same_name(tag, "h1")) {
      std::string ic = n->id_and_class();
      bool logo = contains(ic, "logo") || contains(ic, "site-title") || contains(ic, "brand") ||
                  contains(ic, "site-name");
      if (!in_comments && !logo && sc.h1s.size() < 8) {
        std::string t = collapse_spaces(decode_entities(dom::text_content(n)));
        if (!t.empty() && t.size() < 600) {
          sc.h1s.push_back(t);
          // The headline is inside the article, or is the only <h1> on the page.
          sc.h1_in_main.push_back(main_stack.size() > (n->is("article") ? 1u : 0u));
        }
      }
    } else if (dom::same_name(tag, "time") && !in_comments) {
      const std::string* dt = n->attr("datetime");
      std::string value = dt ? *dt : dom::text_content(n);
      if (!value.empty()) {
        int prio = 5;
        if (n->attr("pubdate")) prio = 1;
        std::string ic = n->id_and_class();
        if (const auto* ip = n->attr("itemprop")) {
          std::string l = lower(*ip);
          if (l == "datepublished") prio = 0;
          else if (l == "datemodified") prio = 8;
        }
        if (prio == 5) {
          if (contains(ic, "publish") || contains(ic, "pubdate") || contains(ic, "created")) prio = 2;
          else if (contains(ic, "updat") || contains(ic, "modif")) prio = 8;
          else {
            for (const Node* a = n->parent; a && a->depth > 0 && prio == 5; a = a->parent) {
              if (a->is("article") || a->is("header") || is_byline_element(a)) prio = 3;
              std::string aic = a->id_and_class();
              if (contains(aic, "byline") || contains(aic, "meta") || contains(aic, "date")) prio = 3;
              if (n->depth - a->depth > 6) break;
            }
          }
        }
        sc.times.push_back({value, prio});
      }
    }
    // itemprop on any element.
    if (const auto* ip = n->attr("itemprop"); ip && !in_comments) {
      std::string l = lower(*ip);
      if (l == "datepublished" && !n->is("meta")) {
        const std::string* v = n->attr("datetime");
        if (!v) v = n->attr("content");
        std::string value = v ? *v : dom::text_content(n);
        if (!value.empty()) sc.times.push_back({value, 0});
      } else if (l == "author" || l == "creator") {
        // Prefer a nested itemprop=name.
        std::string name;
        dom::walk(n, [&](const Node* c) {
          if (!name.empty()) return false;
          if (c->is_element()) {
            if (const auto* cip = c->attr("itemprop"); cip && lower(*cip) == "name") {
              const std::string* content = c->attr("content");
              name = content ? collapse_spaces(*content) : dom::text_content(c);
              return false;
            }
          }
          return true;
        });
        if (name.empty()) {
          if (const auto* content = n->attr("content")) name = collapse_spaces(*content);
          else name = dom::text_content(n);
        }
        if (!name.empty()) sc.itemprop_author.push_back(name);
      }
    }
    if (!in_comments) {
      if (n->is("a")) {
        if (const auto* rel = n->attr("rel"); rel && contains(lower(*rel), "author")) {
          std::string t = dom::text_content(n);
          if (!t.empty()) sc.rel_author.push_back(t);
        }
      }
      if (sc.date_lines.size() < 8 && !n->is("body") && !n->is("html") && !n->is("time") &&
          (n->is("p") || n->is("div") || n->is("span") || n->is("small")) &&
          n->children.size() <= 4) {
        std::string ic = n->id_and_class();
        if (has_class_word(ic, "date") || has_class_word(ic, "dateline")) {
          std::string t = collapse_spaces(dom::text_content(n));
          if (!t.empty() && t.size() < 120) sc.date_lines.push_back(t);
        }
      }
      if (!n->is("body") && !n->is("html") && !n->is("article") && !n->is("main") &&
          is_byline_element(n) && sc.byline_texts.size() < 16) {
        std::string t = dom::text_content(n);
        if (!t.empty() && t.size() < 300) sc.byline_texts.push_back(t);
      }
    }
    if (comment_stack.empty() || n->depth > comment_stack.back()->depth) {
      if (is_comment_area(n) && !n->is("body") && !n->is("html")) comment_stack.push_back(n);
    }
    return true;
  });
  return sc;
}

// ---------------------------------------------------------------------------------------------
// JSON-LD.

constexpr const char* kArticleTypes[] = {
    "newsarticle",     "article",           "blogposting",        "reportagenewsarticle",
    "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle",
    "askpublicnewsarticle", "liveblogposting",  "techarticle",
    "scholarlyarticle", "report",           "socialmediaposting", "discussionforumposting",
    "satiricalarticle", "advertisercontentarticle", "medicalscholarlyarticle", "posting",
};

int type_rank(const json& obj) {
  // 0 = a news/article type, 1 = WebPage-like, 2 = other.
  auto rank_of = [](const std::string& t) {
    std::string l = lower(t);
    size_t slash = l.rfind('/');
    if (slash != std::string::npos) l = l.substr(slash + 1);
    for (const char* a : kArticleTypes)
      if (l == a) return 0;
    if (l == "webpage" || l == "itempage" || l == "collectionpage") return 1;
    return 2;
  };
  auto it = obj.find("@type");
  if (it == obj.end()) return 2;
  int best = 2;
  if (it->is_string()) best = rank_of(it->get<std::string>());
  else if (it->is_array())
    for (const auto& t : *it)
      if (t.is_string()) best = std::min(best, rank_of(t.get<std::string>()));
  return best;
}

bool has_type(const json& obj, std::string_view want) {
  auto it = obj.find("@type");
  if (it == obj.end()) return false;
  auto eq = [&](const json& t) { return t.is_string() && lower(t.get<std::string>()) == want; };
  if (eq(*it)) return true;
  if (it->is_array())
    for (const auto& t : *it)
      if (eq(t)) return true;
  return false;
}

std::string json_string(const json& v) {
  if (v.is_string()) return collapse_spaces(decode_entities(v.get<std::string>()));
  if (v.is_array() && !v.empty() && v[0].is_string()) return collapse_spaces(decode_entities(v[0].get<std::string>()));
  if (v.is_object()) {
    if (auto it = v.find("@value"); it != v.end() && it->is_string())
      return collapse_spaces(decode_entities(it->get<std::string>()));
  }
  return {};
}

struct JsonLdInfo {
  std::string headline, published, site, lang, description;
  std::vector<std::string> authors;
  std::vector<std::string> org_authors;
  std::string website_name;
  int rank = 3;
  bool product = false;  // a Product (or ProductGroup) object is declared
};

// Flattens the JSON-LD values into a list of objects (top-level arrays, @graph, and nested
// mainEntity), without recursion.
std::vector<const json*> flatten_jsonld(const json& root) {
  std::vector<const json*> out;
  std::vector<std::pair<const json*, int>> stack{{&root, 0}};
  while (!stack.empty() && out.size() < 256) {
    auto [v, depth] = stack.back();
    stack.pop_back();
    if (depth > 8) continue;
    if (v->is_array()) {
      for (auto it = v->rbegin(); it != v->rend(); ++it) stack.push_back({&*it, depth + 1});
    } else if (v->is_object()) {
      out.push_back(v);
      for (const char* key : {"@graph", "mainEntity", "mainEntityOfPage", "itemListElement"}) {
        auto it = v->find(key);
        if (it != v->end() && (it->is_array() || it->is_object())) stack.push_back({&*it, depth + 1});
      }
    }
  }
  return out;
}

JsonLdInfo read_jsonld(const std::vector<std::string>& scripts) {
  JsonLdInfo info;
  std::vector<json> docs;
  for (const auto& s : scripts) {
    json j = json::parse(s, nullptr, false);
    if (j.is_discarded()) {
      // Some sites leave control characters or a trailing ";" in the script; try once cleaned.
      std::string cleaned;
      cleaned.reserve(s.size());
      for (char c : s) cleaned += (static_cast<unsigned char>(c) < 0x20) ? ' ' : c;
      while (!cleaned.empty() && (cleaned.back() == ';' || is_space(cleaned.back()))) cleaned.pop_back();
      j = json::parse(cleaned, nullptr, false);
      if (j.is_discarded()) continue;
    }
    docs.push_back(std::move(j));
  }
  std::vector<const json*> objects;
  for (const auto& d : docs) {
    auto flat = flatten_jsonld(d);
    objects.insert(objects.end(), flat.begin(), flat.end());
  }
  for (const json* o : objects)
    if (has_type(*o, "product") || has_type(*o, "productgroup")) info.product = true;
  // Index by @id to resolve references such as "author": {"@id": "#person-1"}.
  std::unordered_map<std::string, const json*> by_id;
  for (const json* o : objects) {
    if (auto it = o->find("@id"); it != o->end() && it->is_string() && o->size() > 1)
      by_id.emplace(it->get<std::string>(), o);
  }
  auto resolve = [&](const json& v) -> const json& {
    if (v.is_object() && v.size() == 1) {
      if (auto it = v.find("@id"); it != v.end() && it->is_string()) {
        auto f = by_id.find(it->get<std::string>());
        if (f != by_id.end()) return *f->second;
      }
    }
    return v;
  };
  const json* best = nullptr;
  for (const json* o : objects) {
    int r = type_rank(*o);
    if (r == 2) {
      if (has_type(*o, "website") && info.website_name.empty())
        if (auto it = o->find("name"); it != o->end()) info.website_name = json_string(*it);
      continue;
    }
    // Prefer the first article-typed object that has a headline.
    bool has_headline = o->contains("headline") || o->contains("name");
    int score = r * 2 + (has_headline ? 0 : 1);
    if (!best || score < info.rank) {
      best = o;
      info.rank = score;
    }
  }
  if (!best) return info;
  const json& a = *best;
  info.rank /= 2;
  if (auto it = a.find("headline"); it != a.end()) info.headline = json_string(*it);
  if (info.headline.empty())
    if (auto it = a.find("name"); it != a.end()) info.headline = json_string(*it);
  for (const char* key : {"datePublished", "dateCreated", "uploadDate"}) {
    if (auto it = a.find(key); it != a.end()) {
      info.published = json_string(*it);
      if (!info.published.empty()) break;
    }
  }
  if (auto it = a.find("inLanguage"); it != a.end()) {
    const json& l = resolve(*it);
    info.lang = json_string(l);
    if (info.lang.empty() && l.is_object())
      if (auto n = l.find("alternateName"); n != l.end()) info.lang = json_string(*n);
  }
  if (auto it = a.find("description"); it != a.end()) info.description = json_string(*it);
  if (auto it = a.find("publisher"); it != a.end()) {
    const json& p = resolve(it->is_array() && !it->empty() ? (*it)[0] : *it);
    if (p.is_object()) {
      if (auto n = p.find("name"); n != p.end()) info.site = json_string(*n);
    } else if (p.is_string()) {
      info.site = collapse_spaces(decode_entities(p.get<std::string>()));
    }
  }
  for (const char* key : {"author", "creator"}) {
    auto it = a.find(key);
    if (it == a.end()) continue;
    std::vector<const json*> list;
    if (it->is_array())
      for (const auto& e : *it) list.push_back(&e);
    else
      list.push_back(&*it);
    for (const json* e : list) {
      const json& r = resolve(*e);
      if (r.is_string()) {
        info.authors.push_back(collapse_spaces(decode_entities(r.get<std::string>())));
      } else if (r.is_object()) {
        std::string name;
        if (auto n = r.find("name"); n != r.end()) name = json_string(*n);
        if (name.empty()) {
          std::string given, family;
          if (auto n = r.find("givenName"); n != r.end()) given = json_string(*n);
          if (auto n = r.find("familyName"); n != r.end()) family = json_string(*n);
          name = collapse_spaces(given + " " + family);
        }
        if (name.empty()) continue;
        if (has_type(r, "organization") || has_type(r, "newsmediaorganization"))
          info.org_authors.push_back(name);
        else
          info.authors.push_back(name);
      }
    }
    if (!info.authors.empty() || !info.org_authors.empty()) break;
  }
  return info;
}

// ---------------------------------------------------------------------------------------------
// Authors.

bool looks_like_url(std::string_view s) {
  return starts_with_ci(s, "http://") || starts_with_ci(s, "https://") || starts_with_ci(s, "www.") ||
         contains(s, "/") || contains(s, "@");
}

// Strips "Par", "By", "Publié par", "Written by", trailing dates and roles from a byline and
// splits it into names.
// Whether a word is a month name, possibly glued to the end of a name ("KimDecember").
bool is_month_word(std::string_view w) { return month_from_word(w) != 0; }

// Removes dates, times and trailing month names from a byline fragment: "Oleg Parashchak Jul 18"
// -> "Oleg Parashchak", "Luke KimDecember 17" -> "Luke Kim".
std::string strip_trailing_date(std::string_view raw) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < raw.size()) {
    size_t j = raw.find(' ', i);
    if (j == std::string_view::npos) j = raw.size();
    if (j > i) words.emplace_back(raw.substr(i, j - i));
    i = j + 1;
  }
  // Cut at the first word with a digit.
  bool had_date = false;
  for (size_t k = 0; k < words.size(); ++k) {
    if (std::any_of(words[k].begin(), words[k].end(), [](char c) { return is_digit(c); })) {
      words.resize(k);
      had_date = true;
      break;
    }
  }
  // Then drop the month names left before the number ("May" alone may be a first name).
  while (had_date && !words.empty()) {
    std::string w = words.back();
    while (!w.empty() && (w.back() == ',' || w.back() == '.')) w.pop_back();
    if (is_month_word(w)) {
      words.pop_back();
      continue;
    }
    // A month glued to the last name: "KimDecember".
    bool cut = false;
    for (size_t k = 1; k + 2 < w.size(); ++k) {
      if (w[k] >= 'A' && w[k] <= 'Z' && w[k - 1] >= 'a' && w[k - 1] <= 'z' &&
          is_month_word(std::string_view(w).substr(k))) {
        words.back() = w.substr(0, k);
        cut = true;
        break;
      }
    }
    if (!cut) break;
  }
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// Strips "Par", "By", "Publié par", "Written by", trailing dates and roles from a byline and
// splits it into names.
std::vector<std::string> split_byline(std::string_view raw) {
  std::string s = collapse_spaces(raw);
  // Drop what follows a separator that usually introduces a date or a role.
  for (const char* sep : {" | ", " - ", " — ", " – ", " • ", " · ", "\xE2\x80\xA2", "Publié le",
                          "publié le", "Mis à jour", "mis à jour", "Updated", "Published",
                          "Last updated", " Last ", " le ", " on ", " Former ", " Staff Writer",
                          " Contributing", " Contributor", " More About", " More about", "\n"}) {
    size_t pos = s.find(sep);
    if (pos != std::string::npos && pos > 0) s = s.substr(0, pos);
  }
  s = collapse_spaces(s);
  for (int round = 0; round < 2; ++round) {
    for (const char* prefix :
         {"Publié par ", "Écrit par ", "Ecrit par ", "Rédigé par ", "Propos recueillis par ",
          "Un article de ", "Une chronique de ", "Written by: ", "Written By: ", "Written by ",
          "Posted by: ", "Posted by ", "Reviewed by ", "Text by ", "Words by ", "Story by ",
          "Texte : ", "Texte: ", "Texte ", "Par : ", "Par: ", "Par ", "By: ", "By ", "De ",
          "Von ", "Por ", "Auteur : ", "Auteur: ", "Auteur ", "Author: ", "Author ", "Authors: ",
          "Autor: ", "Autor "}) {
      if (starts_with_ci(s, prefix) && s.size() > std::strlen(prefix)) {
        s = s.substr(std::strlen(prefix));
        break;
      }
    }
  }
  // "X (avec Y et Z)" names three people.
  for (const char* with : {"(avec ", "(with ", " avec ", " with "}) {
    size_t pos;
    while ((pos = s.find(with)) != std::string::npos) {
      // "X, avec Y": the comma is already there; a second one would end X's name with a comma.
      const bool comma_before = pos > 0 && s[pos - 1] == ',';
      s.replace(pos, std::strlen(with), comma_before ? " " : ", ");
    }
  }
  s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == '(' || c == ')'; }), s.end());
  s = collapse_spaces(s);
  while (!s.empty() && (s.back() == ',' || s.back() == '.' || s.back() == ':' || s.back() == '|'))
    s.pop_back();
  std::vector<std::string> out;
  if (s.empty()) return out;
  // "Roy, Aniruddha" (citation style, one word on each side) is one person.
  // "Jong, Michiel de" too: one word before the comma, one or two after, nothing else.
  if (size_t comma = s.find(", "); comma != std::string::npos && s.find(", ", comma + 1) == std::string::npos &&
                                   s.find(' ') == comma + 1) {
    std::string first = s.substr(comma + 2);
    size_t spaces = static_cast<size_t>(std::count(first.begin(), first.end(), ' '));
    bool conj = contains(first, " et ") || contains(first, " and ") || contains(first, "&");
    if (spaces <= 1 && !conj) {
      out.push_back(first + " " + s.substr(0, comma));
      return out;
    }
  }
  // Split on ",", " et ", " and ", " & ", ";".
  std::vector<std::string> parts{s};
  for (const char* sep : {", ", "; ", " et ", " and ", " & ", " y ", " und ", " e "}) {
    std::vector<std::string> next;
    for (const auto& p : parts) {
      size_t start = 0, pos;
      while ((pos = p.find(sep, start)) != std::string::npos) {
        next.push_back(p.substr(start, pos - start));
        start = pos + std::strlen(sep);
      }
      next.push_back(p.substr(start));
    }
    parts.swap(next);
  }
  for (auto& p : parts) {
    std::string name = strip_trailing_date(collapse_spaces(p));
    if (name.empty()) continue;
    out.push_back(name);
  }
  return out;
}

// A plausible person or desk name: 2..80 bytes, at most 6 words, no digits-only, no URL, and not
// a generic label.
bool plausible_name(std::string_view s) {
  if (s.size() < 2 || s.size() > 80) return false;
  if (looks_like_url(s)) return false;
  int words = 1, digits = 0, letters = 0;
  for (char c : s) {
    if (c == ' ') ++words;
    if (is_digit(c)) ++digits;
    if (is_alpha(c) || static_cast<unsigned char>(c) >= 0x80) ++letters;
  }
  if (words > 6 || letters < 2 || digits > 2) return false;
  std::string l = lower(s);
  for (const char* bad : {"admin", "auteur", "author", "authors", "rédaction", "par", "by",
                          "unknown", "anonymous", "anonyme", "staff", "contributor",
                          "contributors", "share", "partager", "facebook", "twitter",
                          "commentaires", "comments", "follow", "suivre", "s'abonner",
                          "undefined", "null", "none", "webmaster", "development", "editor",
                          "home", "accueil", "menu", "guest", "invité", "team", "équipe"}) {
    if (l == bad) return false;
  }
  // Job titles and organisations that bylines list after the name ("X, Senior Staff Writer").
  {
    std::string padded = " " + loose_key(s) + " ";
    for (const char* role : {" editor ", " staff ", " writer ", " reporter ", " technologist ",
                             " correspondent ", " journaliste ", " rédacteur ", " rédactrice ",
                             " correspondant ", " correspondante ", " envoyé ", " envoyée ",
                             " directeur ", " directrice ", " professor ", " professeur ",
                             " columnist ", " chroniqueur ", " chroniqueuse ", " photographer ",
                             " photographe ", " editorial ", " university ", " official ",
                             " store ", " written by ", " category ", " collection "}) {
      if (contains(padded, role)) return false;
    }
  }
  // A date is not a name ("Feb 11", "Sat 20 Dec").
  size_t sp = l.find(' ');
  if (is_month_word(l.substr(0, sp)) && (sp == std::string::npos || (sp + 1 < l.size() && is_digit(l[sp + 1]))))
    return false;
  return true;
}

// A person's name as written in visible bylines: 2 to 5 words, each starting with a capital (or
// a non-ASCII letter), particles allowed ("de", "van", "d'"), no digits.
// A news agency credited by its acronym in a byline ("AFP", "APH", "ANSA"): 2 to 5 capitals.
bool agency_acronym(std::string_view s) {
  if (s.size() < 2 || s.size() > 5) return false;
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

bool name_like(std::string_view s) {
  int words = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    std::string_view w = s.substr(i, j - i);
    i = j + 1;
    if (w.empty()) continue;
    ++words;
    if (std::any_of(w.begin(), w.end(), [](char c) { return is_digit(c); })) return false;
    unsigned char c0 = static_cast<unsigned char>(w[0]);
    bool capital = (c0 >= 'A' && c0 <= 'Z') || c0 >= 0xC3;
    static constexpr std::string_view kParticles[] = {"de", "du", "des", "le", "la", "van", "von",
                                                      "da", "di", "del", "der", "den", "ben",
                                                      "el", "bin", "y", "dos", "das", "zu"};
    bool particle = std::find(std::begin(kParticles), std::end(kParticles), w) != std::end(kParticles) ||
                    w.rfind("d'", 0) == 0 || w.rfind("d\xE2\x80\x99", 0) == 0;
    if (!capital && !particle) return false;
  }
  return words >= 2 && words <= 5;
}

void add_author(std::vector<std::string>& out, std::string name) {
  name = collapse_spaces(name);
  if (!plausible_name(name)) return;
  std::string key = loose_key(name);
  for (const auto& existing : out)
    if (loose_key(existing) == key) return;
  out.push_back(std::move(name));
}

// ---------------------------------------------------------------------------------------------
// Titles.

const char* const kTitleSeparators[] = {" | ", " - ", " — ", " – ", " :: ", " · ", " » ",
                                        " / ", " • ", " ~ "};

// Removes " | Site" style suffixes (or "Site | " prefixes) from a <title>.
std::string strip_site(std::string_view title, std::string_view site, std::string_view host) {
  std::string t = collapse_spaces(title);
  std::string site_key = loose_key(site);
  std::string host_key = loose_key(host);
  // First pass: a separator followed or preceded by the site name.
  for (const char* sep : kTitleSeparators) {
    size_t pos = t.rfind(sep);
    if (pos != std::string::npos && pos > 0) {
      std::string tail_key = loose_key(t.substr(pos + std::strlen(sep)));
      std::string tail_nospace, site_nospace, host_nospace;
      for (char c : tail_key) if (c != ' ') tail_nospace += c;
      for (char c : site_key) if (c != ' ') site_nospace += c;
      for (char c : host_key) if (c != ' ') host_nospace += c;
      if (!tail_nospace.empty() &&
          ((!site_nospace.empty() && (contains(site_nospace, tail_nospace) ||
                                      contains(tail_nospace, site_nospace))) ||
           (!host_nospace.empty() && contains(host_nospace, tail_nospace))))
        return collapse_spaces(t.substr(0, pos));
    }
    pos = t.find(sep);
    if (pos != std::string::npos && pos > 0) {
      std::string head_key = loose_key(t.substr(0, pos));
      if (!site_key.empty() && head_key == site_key)
        return collapse_spaces(t.substr(pos + std::strlen(sep)));
    }
  }
  // Second pass: a short last segment after the last separator is most likely the site.
  for (const char* sep : {" | ", " - ", " — ", " – ", " :: ", " · ", " » "}) {
    size_t pos = t.rfind(sep);
    if (pos == std::string::npos || pos == 0) continue;
    std::string head = t.substr(0, pos);
    std::string tail = t.substr(pos + std::strlen(sep));
    int tail_words = 1, head_words = 1;
    for (char c : tail) tail_words += c == ' ';
    for (char c : head) head_words += c == ' ';
    if (tail_words <= 4 && head_words >= 3) return collapse_spaces(head);
  }
  return t;
}

std::string host_of(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  size_t end = rest.find_first_of("/?#:");
  std::string host = lower(rest.substr(0, end));
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  return host;
}

std::optional<std::string> date_from_url(std::string_view url) {
  // /2025/09/04/ or /2025-09-04/ style paths.
  for (size_t i = 0; i + 10 <= url.size(); ++i) {
    if (url[i] != '/') continue;
    std::string_view s = url.substr(i + 1);
    if (s.size() < 10) break;
    if (!(is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]))) continue;
    char sep = s[4];
    if (sep != '/' && sep != '-') continue;
    if (!(is_digit(s[5]) && is_digit(s[6]) && s[7] == sep && is_digit(s[8]) && is_digit(s[9])))
      continue;
    if (s.size() > 10 && is_digit(s[10])) continue;
    int y = to_int(std::string(s.substr(0, 4))), m = to_int(std::string(s.substr(5, 2))),
        d = to_int(std::string(s.substr(8, 2)));
    if (!valid_date(y, m, d)) continue;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return std::string(buf);
  }
  return std::nullopt;
}

std::optional<std::string> normalize_lang(std::string_view raw) {
  std::string s = lower(collapse_spaces(raw));
  size_t i = 0;
  while (i < s.size() && s[i] >= 'a' && s[i] <= 'z') ++i;
  if (i == 2) return s.substr(0, 2);
  // A few language names that show up in inLanguage.
  static const std::pair<const char*, const char*> kNames[] = {
      {"french", "fr"}, {"français", "fr"}, {"english", "en"}, {"german", "de"},
      {"spanish", "es"}, {"italian", "it"},  {"portuguese", "pt"}};
  for (auto [name, code] : kNames)
    if (s == name) return std::string(code);
  return std::nullopt;
}

const std::string* find_meta(const Scan& sc, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    auto it = sc.meta.find(k);
    if (it != sc.meta.end() && !it->second.empty()) return &it->second;
  }
  return nullptr;
}

}  // namespace

std::optional<std::string> normalize_date(std::string_view text) {
  std::string s = collapse_spaces(text);
  if (s.empty() || s.size() > 200) return std::nullopt;
  DateParts p;
  // ISO at the start (the common case in metadata).
  if (s.size() >= 8 && is_digit(s[0]) && parse_iso(s, p)) return format_date(p);
  // Unix time in seconds or milliseconds.
  bool all_digits = std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c); });
  if (all_digits && (s.size() == 10 || s.size() == 13)) {
    long long v = std::stoll(s);
    if (s.size() == 13) v /= 1000;
    int y, m, d;
    civil_from_days(v / 86400, y, m, d);
    if (valid_date(y, m, d)) {
      p.y = y;
      p.mo = m;
      p.d = d;
      long long secs = v % 86400;
      p.h = static_cast<int>(secs / 3600);
      p.mi = static_cast<int>((secs / 60) % 60);
      p.s = static_cast<int>(secs % 60);
      p.has_zone = true;
      return format_date(p);
    }
  }
  // ISO somewhere inside ("Publié le 2025-02-12").
  for (size_t i = 0; i + 10 <= s.size(); ++i) {
    if ((i == 0 || !is_digit(s[i - 1])) && is_digit(s[i]) && is_digit(s[i + 1]) &&
        is_digit(s[i + 2]) && is_digit(s[i + 3]) && (s[i + 4] == '-' || s[i + 4] == '/')) {
      DateParts q;
      if (parse_iso(std::string_view(s).substr(i), q)) return format_date(q);
    }
  }
  if (parse_free(s, p)) return format_date(p);
  return std::nullopt;
}

PageMetadata extract_metadata(const dom::Dom& dom, std::string_view url) {
  PageMetadata md;
  Scan sc = scan_page(dom);
  JsonLdInfo ld = read_jsonld(sc.jsonld_scripts);
  {
    const std::string* og_type = find_meta(sc, {"og:type"});
    md.product_page = ld.product || (og_type && starts_with_ci(*og_type, "product"));
  }
  std::string host = host_of(url);

  // Site.
  if (const auto* v = find_meta(sc, {"og:site_name", "application-name", "al:ios:app_name"}))
    md.site = *v;
  else if (!ld.site.empty())
    md.site = ld.site;
  else if (!ld.website_name.empty())
    md.site = ld.website_name;
  else if (!host.empty())
    md.site = host;

  // Canonical URL.
  auto absolute_http = [](const std::string& u) {
    return (u.rfind("http://", 0) == 0 || u.rfind("https://", 0) == 0) && u.size() <= 2048 &&
           u.find_first_of(" \t\n\r\"<>") == std::string::npos;
  };
  if (absolute_http(sc.canonical))
    md.canonical_url = sc.canonical;
  else if (const auto* v = find_meta(sc, {"og:url"}); v && absolute_http(*v))
    md.canonical_url = *v;

  // Language.
  if (!sc.html_lang.empty()) md.lang = normalize_lang(sc.html_lang);
  if (!md.lang)
    if (const auto* v = find_meta(sc, {"og:locale", "content-language", "language", "dc.language"}))
      md.lang = normalize_lang(*v);
  if (!md.lang && !ld.lang.empty()) md.lang = normalize_lang(ld.lang);

  // Description.
  if (const auto* v = find_meta(sc, {"og:description", "description", "twitter:description"}))
    md.description = *v;
  else if (!ld.description.empty())
    md.description = ld.description;

  // Title. Candidates from metadata, then agreement with a visible <h1>.
  std::string site = md.site.value_or("");
  std::string og_title;
  if (const auto* v = find_meta(sc, {"og:title", "twitter:title", "dc.title", "parsely-title",
                                     "sailthru.title"}))
    og_title = strip_site(*v, site, host);
  std::string ld_title = ld.rank == 0 ? strip_site(ld.headline, site, host) : std::string();
  std::string tag_title = strip_site(sc.title_tag, site, host);
  // A JSON-LD headline is often cut at 110 characters; a longer og:title that starts with it
  // is the full headline.
  if (!ld_title.empty() && og_title.size() > ld_title.size() &&
      loose_key(og_title).rfind(loose_key(ld_title), 0) == 0)
    ld_title = og_title;
  std::vector<std::string> meta_titles;
  for (const std::string* t : {&og_title, &ld_title, &tag_title})
    if (!t->empty()) meta_titles.push_back(*t);
  std::string site_key = loose_key(site);
  std::string host_key = loose_key(host);
  // Usable <h1>s: not the site's name (logos are often in an <h1>).
  std::vector<std::string> h1s;
  std::vector<bool> h1_main;
  for (size_t i = 0; i < sc.h1s.size(); ++i) {
    std::string hk = loose_key(sc.h1s[i]);
    if (hk.empty() || hk == site_key || hk == host_key) continue;
    h1s.push_back(sc.h1s[i]);
    h1_main.push_back(sc.h1_in_main[i]);
  }
  std::optional<std::string> chosen;
  // First: a visible <h1> that says the same as a metadata title. The on-screen spelling wins,
  // unless the <h1> is all capitals (often a CSS or editorial effect) and the metadata is not.
  auto all_caps = [](std::string_view t) {
    int upper = 0, lower_count = 0;
    for (char c : t) {
      if (c >= 'A' && c <= 'Z') ++upper;
      if (c >= 'a' && c <= 'z') ++lower_count;
    }
    return upper >= 4 && lower_count == 0;
  };
  for (const auto& h1 : h1s) {
    std::string hk = loose_key(h1);
    for (const auto& m : meta_titles) {
      if (loose_key(m) == hk) {
        chosen = all_caps(h1) && !all_caps(m) ? m : h1;
        break;
      }
    }
    if (chosen) break;
  }
  // Then: the headline the reader sees. One <h1> on the page, or the first one inside the
  // article when there are several.
  if (!chosen && !h1s.empty()) {
    int pick = -1;
    if (h1s.size() == 1) {
      pick = 0;
    } else {
      for (size_t i = 0; i < h1s.size() && pick < 0; ++i)
        if (h1_main[i]) pick = static_cast<int>(i);
    }
    if (pick >= 0) {
      const std::string& h1 = h1s[static_cast<size_t>(pick)];
      size_t words = 1;
      for (char c : h1) words += c == ' ';
      // A lone <h1> can also be a section or blog name ("Silicon Exposed", "Allergies Health
      // Center"): take it only when half its words occur in the metadata titles (site names
      // stripped), or when there is no metadata title to compare with.
      auto split = [](const std::string& key) {
        std::vector<std::string> out;
        size_t i = 0;
        while (i < key.size()) {
          size_t j = key.find(' ', i);
          if (j == std::string::npos) j = key.size();
          out.push_back(key.substr(i, j - i));
          i = j + 1;
        }
        return out;
      };
      std::vector<std::string> meta_words;
      for (const auto& m : meta_titles)
        for (auto& w : split(loose_key(m))) meta_words.push_back(std::move(w));
      int total = 0, shared = 0;
      for (const auto& w : split(loose_key(h1))) {
        if (w.size() < 3 && total > 0) continue;
        ++total;
        if (std::find(meta_words.begin(), meta_words.end(), w) != meta_words.end()) ++shared;
      }
      bool overlaps = meta_titles.empty() || (total > 0 && 2 * shared >= total);
      if (words <= 40 && overlaps) chosen = h1;
    }
  }
  if (!chosen) {
    if (!ld_title.empty()) chosen = ld_title;
    else if (!og_title.empty()) chosen = og_title;
    else if (!tag_title.empty()) chosen = tag_title;
    else if (!ld.headline.empty()) chosen = collapse_spaces(ld.headline);
    else if (!h1s.empty()) chosen = h1s.front();
  }
  if (chosen && !chosen->empty()) md.title = chosen;

  // Published date.
  std::vector<std::string> date_candidates;
  if (!ld.published.empty()) date_candidates.push_back(ld.published);
  if (const auto* v = find_meta(sc, {"article:published_time", "og:article:published_time",
                                     "article:published", "datepublished", "og:published_time",
                                     "published_time", "parsely-pub-date", "sailthru.date",
                                     "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
                                     "dcterms.created", "dc.date.created", "date", "pubdate",
                                     "publishdate", "publish-date", "publish_date",
                                     "article.published", "article_date_original",
                                     "cxenseparse:recs:publishtime", "citation_publication_date",
                                     "citation_date", "originalpublicationdate",
                                     "rnews:datepublished", "dc:date", "created"}))
    date_candidates.push_back(*v);
  {
    std::stable_sort(sc.times.begin(), sc.times.end(),
                     [](const Candidate& a, const Candidate& b) { return a.priority < b.priority; });
    for (const auto& t : sc.times)
      if (t.priority < 8) date_candidates.push_back(t.value);
  }
  for (const auto& c : date_candidates) {
    if (auto d = normalize_date(c)) {
      md.published = d;
      break;
    }
  }
  if (!md.published) {
    if (auto d = date_from_url(url)) md.published = d;
  }
  if (!md.published) {
    // The byline often carries the date in words: "Par X, publié le 12 février 2025".
    for (const auto& b : sc.byline_texts) {
      if (auto d = normalize_date(b)) {
        md.published = d;
        break;
      }
    }
  }
  if (!md.published) {
    // A visible date line; the body leaves it out (it is metadata, not article text).
    for (const auto& line : sc.date_lines) {
      if (auto d = normalize_date(line)) {
        md.published = d;
        md.dateline = line;
        break;
      }
    }
  }

  // Authors: JSON-LD persons, then <meta>, then the visible byline.
  std::vector<std::string> authors;
  for (const auto& a : ld.authors)
    for (auto& n : split_byline(a)) add_author(authors, n);
  if (authors.empty()) {
    // The best-ranked key that yields a name.
    std::vector<int> ranks;
    for (const auto& [rank, value] : sc.meta_authors) ranks.push_back(rank);
    std::sort(ranks.begin(), ranks.end());
    ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
    for (int rank : ranks) {
      for (const auto& [r, value] : sc.meta_authors)
        if (r == rank)
          for (auto& n : split_byline(value)) add_author(authors, n);
      if (!authors.empty()) break;
    }
  }
  if (authors.empty()) {
    // Yoast and others: twitter:label1 "Written by" / twitter:data1 "Name".
    for (const char* k : {"1", "2", "3"}) {
      auto label = sc.meta.find(std::string("twitter:label") + k);
      auto data = sc.meta.find(std::string("twitter:data") + k);
      if (label == sc.meta.end() || data == sc.meta.end()) continue;
      std::string l = lower(label->second);
      if (l == "written by" || l == "écrit par" || l == "ecrit par" || l == "par" ||
          l == "auteur" || l == "author" || l == "by" || l == "rédigé par")
        for (auto& n : split_byline(data->second)) add_author(authors, n);
    }
  }
  if (authors.empty()) {
    // Many itemprop=author elements is a listing or a comment thread: keep the first only.
    size_t count = 0;
    for (const auto& a : sc.itemprop_author) {
      if (count++ > 0 && sc.itemprop_author.size() > 3) break;
      for (auto& n : split_byline(a)) add_author(authors, n);
    }
  }
  if (authors.empty())
    for (const auto& a : sc.rel_author)
      for (auto& n : split_byline(a)) add_author(authors, n);
  if (authors.empty()) {
    for (const auto& b : sc.pattern_bylines) {
      for (auto& n : split_byline(b))
        if (name_like(n) || agency_acronym(n)) add_author(authors, n);
      if (!authors.empty()) break;
    }
  }
  if (authors.empty()) {
    for (const auto& b : sc.byline_texts) {
      for (auto& n : split_byline(b))
        if (name_like(n) || agency_acronym(n)) add_author(authors, n);
      if (!authors.empty()) break;
    }
  }
  if (authors.empty())
    for (const auto& a : ld.org_authors) add_author(authors, a);
  // "Le Fil des Monts, avec APH": the site credits itself beside the agency or reporter; the
  // site is not an author when someone else is named. The site's name is the declared one, or
  // the text of the page's link to its own home page.
  if (authors.size() > 1) {
    std::vector<std::string> site_keys;
    if (md.site && *md.site != host) site_keys.push_back(loose_key(*md.site));
    if (!sc.home_link_text.empty() && (sc.home_link_href == "/" || host_of(sc.home_link_href) == host))
      site_keys.push_back(loose_key(sc.home_link_text));
    std::erase_if(authors, [&](const std::string& a) {
      const std::string k = loose_key(a);
      return std::find(site_keys.begin(), site_keys.end(), k) != site_keys.end();
    });
  }
  if (authors.size() > 8) authors.resize(8);
  md.authors = std::move(authors);
  return md;
}

}  // namespace veille
