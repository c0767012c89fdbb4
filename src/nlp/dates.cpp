// French time expressions: a word splitter, then a hand-written matcher over the words (see
// include/veille/dates.h for what is matched, the span conventions and the value grammar).
//
// The text is split once into words, numbers and punctuation marks, each with its byte span, a
// folded form (lower case, accents removed) and a lexicon class looked up once. The matcher then
// walks the tokens; only a token whose class can start an expression (a number, a month, a
// weekday, "hier", "dans", "chaque"...) tries the patterns, so most words cost one hash lookup.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <unordered_map>

#include "nlp/dates_calendar.h"
#include "veille/dates.h"

namespace veille {

namespace {

using namespace dates;

// ---------------------------------------------------------------------------------------------
// Lexicon

enum Cls : uint8_t {
  kNone = 0,
  kMonth,     // val 1..12
  kWeekday,   // val 1..7 (Monday = 1)
  kWeekdays,  // plural ("lundis"), val 1..7
  kNumWord,   // val = the number
  kUnit,      // val = Unit
  kPart,      // val = Part of day
  kSeason,    // val = Season
  kOrdinal,   // val = 1..4
  kKey,       // a word some pattern starts with or needs (compared by its folded form)
};

enum Unit : int16_t { uNone = 0, uSec, uMin, uHour, uDay, uWeek, uMonth, uYear, uDecade, uCentury,
                      uQuarter, uSemester, uWeekend };
enum Part : int16_t { pNone = 0, pMorning, pAfternoon, pEvening, pNight };
enum Season : int16_t { sSpring = 1, sSummer, sAutumn, sWinter };

struct Lex {
  Cls cls = kNone;
  int16_t val = 0;
};

const std::unordered_map<std::string_view, Lex>& lexicon() {
  static const std::unordered_map<std::string_view, Lex> kLex = [] {
    std::unordered_map<std::string_view, Lex> m;
    const char* months[] = {"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet",
                            "aout", "septembre", "octobre", "novembre", "decembre"};
    for (int i = 0; i < 12; ++i) m[months[i]] = {kMonth, int16_t(i + 1)};
    m["janv"] = {kMonth, 1};
    m["fevr"] = {kMonth, 2};
    m["sept"] = {kMonth, 9};
    m["oct"] = {kMonth, 10};
    m["nov"] = {kMonth, 11};
    m["dec"] = {kMonth, 12};
    const char* days[] = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"};
    const char* days_pl[] = {"lundis", "mardis", "mercredis", "jeudis", "vendredis", "samedis",
                             "dimanches"};
    for (int i = 0; i < 7; ++i) {
      m[days[i]] = {kWeekday, int16_t(i + 1)};
      m[days_pl[i]] = {kWeekdays, int16_t(i + 1)};
    }
    const std::pair<const char*, int> nums[] = {
        {"un", 1},        {"une", 1},       {"deux", 2},      {"trois", 3},     {"quatre", 4},
        {"cinq", 5},      {"six", 6},       {"sept", 7},      {"huit", 8},      {"neuf", 9},
        {"dix", 10},      {"onze", 11},     {"douze", 12},    {"treize", 13},   {"quatorze", 14},
        {"quinze", 15},   {"seize", 16},    {"vingt", 20},    {"vingts", 20},   {"trente", 30},
        {"quarante", 40}, {"cinquante", 50}, {"soixante", 60}, {"cent", 100},    {"cents", 100},
        {"mille", 1000}};
    for (auto [w, v] : nums) m[w] = {kNumWord, int16_t(v)};
    m["sept"] = {kNumWord, 7};  // "sept" the number; "sept." the month is rare in running text
    const std::pair<const char*, Unit> units[] = {
        {"seconde", uSec},   {"secondes", uSec},   {"minute", uMin},       {"minutes", uMin},
        {"min", uMin},       {"heure", uHour},     {"heures", uHour},      {"jour", uDay},
        {"jours", uDay},     {"journee", uDay},    {"journees", uDay},     {"semaine", uWeek},
        {"semaines", uWeek}, {"mois", uMonth},     {"an", uYear},          {"ans", uYear},
        {"annee", uYear},    {"annees", uYear},    {"decennie", uDecade},  {"decennies", uDecade},
        {"siecle", uCentury}, {"siecles", uCentury}, {"trimestre", uQuarter},
        {"trimestres", uQuarter}, {"semestre", uSemester}, {"semestres", uSemester},
        {"weekend", uWeekend}, {"weekends", uWeekend}, {"week", uWeekend}};
    for (auto [w, u] : units) m[w] = {kUnit, u};
    const std::pair<const char*, Part> parts[] = {{"matin", pMorning},   {"matinee", pMorning},
                                                  {"matins", pMorning},  {"soir", pEvening},
                                                  {"soiree", pEvening},  {"soirs", pEvening},
                                                  {"nuit", pNight},      {"nuits", pNight}};
    for (auto [w, p] : parts) m[w] = {kPart, p};
    m["printemps"] = {kSeason, sSpring};
    m["ete"] = {kSeason, sSummer};
    m["automne"] = {kSeason, sAutumn};
    m["hiver"] = {kSeason, sWinter};
    m["premier"] = {kOrdinal, 1};
    m["premiere"] = {kOrdinal, 1};
    m["deuxieme"] = {kOrdinal, 2};
    m["second"] = {kOrdinal, 2};
    m["troisieme"] = {kOrdinal, 3};
    m["quatrieme"] = {kOrdinal, 4};
    for (const char* k : {"le", "la", "l", "les", "ce", "cet", "cette", "ces", "dans", "il", "chaque",
                          "tous", "toutes", "hier", "demain", "aujourd", "avant", "apres", "debut",
                          "fin", "mi", "midi", "minuit", "quelques", "plusieurs"})
      m[k] = {kKey, 0};
    return m;
  }();
  return kLex;
}

// ---------------------------------------------------------------------------------------------
// Tokens

enum class TokType : uint8_t { kWord, kNumber, kPunct };

struct Tok {
  uint32_t b = 0, e = 0;    // byte span in the text
  uint32_t nb = 0, nl = 0;  // folded form in the arena (words)
  TokType type = TokType::kPunct;
  char p = 0;                // punctuation code: the ASCII mark, '\'' apostrophes, '"' quotes,
                             // 'D' dashes, 'o' the degree sign, '~' anything else
  bool space = false;        // whitespace between the previous token and this one
  bool cap = false;          // word starting with an upper-case letter
  bool upper = false;        // word all in upper case
  bool sstart = false;       // first token of a sentence, or after an opening quote or a dash
  uint8_t digits = 0;        // numbers: digit count (capped at 255)
  Lex lex;
  uint32_t sent = 0;         // sentence number
  int32_t num = 0;           // numbers: value (capped at 10^9)
};

// Decodes one UTF-8 character at text[i]; returns its length, or 0 when the bytes are invalid.
size_t decode(std::string_view s, size_t i, uint32_t& cp) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (len == 0 || c > 0xF4 || i + len > s.size()) return 0;
  cp = c & (0xFF >> (len + 1));
  for (size_t k = 1; k < len; ++k) {
    auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  // Overlong forms, surrogates and out-of-range values are invalid.
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return len;
}

bool is_space_cp(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}

bool is_letter_cp(uint32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  if (cp >= 0xC0 && cp < 0x2000) return cp != 0xD7 && cp != 0xF7;
  return cp >= 0x3040 && cp != 0xFEFF && !(cp >= 0xFE00 && cp <= 0xFE0F) && !(cp >= 0xFF00 && cp <= 0xFF20);
}

bool is_upper_cp(uint32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || cp == 0x152;
}

// Folded form of Latin-1 letters U+00C0..U+00FF ('\0' = keep the bytes).
char fold_latin1(uint32_t cp) {
  static constexpr char kMap[] =
      "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"   // C0..DF
      "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";  // E0..FF
  return kMap[cp - 0xC0];
}

char punct_code(uint32_t cp) {
  if (cp < 0x80) return static_cast<char>(cp);
  switch (cp) {
    case 0x2019: case 0x2018: case 0x02BC: return '\'';
    case 0xAB: case 0xBB: case 0x201C: case 0x201D: case 0x201E: case 0x2039: case 0x203A:
      return '"';
    case 0x2013: case 0x2014: case 0x2212: return 'D';
    case 0x2026: return '.';
    case 0xB0: case 0xBA: return 'o';
    default: return '~';
  }
}

struct Tokens {
  std::vector<Tok> toks;
  std::string arena;  // folded forms
};

// First letters of the lexicon's words, and its longest word: most words skip the lookup.
struct LexiconFilter {
  std::array<bool, 256> first{};
  size_t max_len = 0;
};

const LexiconFilter& lexicon_filter() {
  static const LexiconFilter kFilter = [] {
    LexiconFilter f;
    for (const auto& [w, l] : lexicon()) {
      f.first[static_cast<unsigned char>(w[0])] = true;
      f.max_len = std::max(f.max_len, w.size());
    }
    return f;
  }();
  return kFilter;
}

bool ascii_letter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

void split_tokens(std::string_view text, Tokens& out) {
  out.toks.clear();
  out.toks.reserve(text.size() / 5 + 4);
  // Folded forms are never longer than their surface: the arena is sized once.
  out.arena.resize(text.size() + 16);
  char* arena = out.arena.data();
  size_t alen = 0;
  const auto& lex = lexicon();
  const auto& filter = lexicon_filter();
  size_t i = 0, n = text.size();
  bool space = true, newline = false;
  uint32_t sent = 0;
  bool end_mark = false;  // the previous token ended a sentence (. ! ?)
  while (i < n) {
    auto c0 = static_cast<unsigned char>(text[i]);
    if (c0 == ' ' || c0 == '\n' || c0 == '\t' || c0 == '\r') {
      space = true;
      if (c0 == '\n') newline = true;
      ++i;
      continue;
    }
    uint32_t cp = c0;
    size_t len = 1;
    if (c0 >= 0x80) {
      len = decode(text, i, cp);
      if (len == 0) {  // invalid byte: a mark of its own
        cp = 0xFFFD;
        len = 1;
      } else if (is_space_cp(cp)) {
        space = true;
        i += len;
        continue;
      }
    } else if (c0 == '\f' || c0 == '\v') {
      space = true;
      ++i;
      continue;
    }
    Tok t;
    t.b = static_cast<uint32_t>(i);
    t.space = space;
    if (cp >= '0' && cp <= '9') {
      t.type = TokType::kNumber;
      size_t j = i;
      int32_t v = 0;
      int d = 0;
      while (j < n && text[j] >= '0' && text[j] <= '9') {
        if (v < 100000000) v = v * 10 + (text[j] - '0');
        ++d;
        ++j;
      }
      t.num = v;
      t.digits = static_cast<uint8_t>(std::min(d, 255));
      i = j;
    } else if (cp != 0xFFFD && is_letter_cp(cp)) {
      t.type = TokType::kWord;
      t.nb = static_cast<uint32_t>(alen);
      t.cap = is_upper_cp(cp);
      bool all_upper = true;
      size_t j = i;
      while (j < n) {
        auto c = static_cast<unsigned char>(text[j]);
        if (c < 0x80) {  // ASCII fast path
          if (!ascii_letter(c)) break;
          if (c <= 'Z') c += 32;
          else all_upper = false;
          arena[alen++] = static_cast<char>(c);
          ++j;
          continue;
        }
        uint32_t u = 0;
        size_t l = decode(text, j, u);
        if (l == 0 || !is_letter_cp(u)) break;
        if (u >= 0xC0 && u <= 0xFF && fold_latin1(u) != '\0') {
          if (!is_upper_cp(u)) all_upper = false;
          arena[alen++] = fold_latin1(u);
        } else if (u == 0x152 || u == 0x153) {
          if (u == 0x153) all_upper = false;
          arena[alen++] = 'o';
          arena[alen++] = 'e';
        } else if (u >= 0x300 && u <= 0x36F) {
          // combining accent (decomposed text): dropped from the folded form
        } else {
          all_upper = false;
          for (size_t k = 0; k < l; ++k) arena[alen++] = text[j + k];
        }
        j += l;
      }
      t.upper = all_upper;
      t.nl = static_cast<uint32_t>(alen) - t.nb;
      i = j;
    } else {
      t.type = TokType::kPunct;
      t.p = punct_code(cp);
      i += len;
    }
    t.e = static_cast<uint32_t>(i);
    bool starts_sentence = out.toks.empty() || newline;
    if (end_mark && (t.type != TokType::kWord || t.cap)) starts_sentence = true;
    if (starts_sentence && !out.toks.empty()) ++sent;
    t.sent = sent;
    const Tok* prev = out.toks.empty() ? nullptr : &out.toks.back();
    t.sstart = starts_sentence ||
               (prev && prev->type == TokType::kPunct &&
                (prev->p == '"' || prev->p == 'D' || prev->p == '(' || prev->p == ':' ||
                 (prev->p == '-' && prev->space)));
    if (t.type == TokType::kWord && t.nl <= filter.max_len &&
        filter.first[static_cast<unsigned char>(arena[t.nb])]) {
      auto it = lex.find(std::string_view(arena + t.nb, t.nl));
      if (it != lex.end()) t.lex = it->second;
    }
    bool was_end = end_mark;
    end_mark = t.type == TokType::kPunct && (t.p == '.' || t.p == '!' || t.p == '?');
    // A closing quote or bracket after the mark keeps the sentence open until the next word.
    if (!end_mark && was_end && t.type == TokType::kPunct && (t.p == '"' || t.p == ')')) end_mark = true;
    out.toks.push_back(t);
    space = false;
    newline = false;
  }
  out.arena.resize(alen);
}

// ---------------------------------------------------------------------------------------------
// Values

std::string fmt(const char* f, int a) {
  char buf[32];
  std::snprintf(buf, sizeof buf, f, a);
  return buf;
}
std::string fmt(const char* f, int a, int b) {
  char buf[32];
  std::snprintf(buf, sizeof buf, f, a, b);
  return buf;
}
std::string fmt(const char* f, int a, int b, int c) {
  char buf[40];
  std::snprintf(buf, sizeof buf, f, a, b, c);
  return buf;
}

bool year_ok(int64_t y) { return y >= 1 && y <= 9999; }

std::string day_value(int64_t days) {
  Civil c = civil_from_days(days);
  if (!year_ok(c.y)) return "XXXX-XX-XX";
  return fmt("%04d-%02d-%02d", c.y, c.m, c.d);
}

std::string week_value(int64_t days) {
  IsoWeek w = iso_week(days);
  if (!year_ok(w.year)) return "XXXX-WXX";
  return fmt("%04d-W%02d", w.year, w.week);
}

// A number in a duration: integer, or with one decimal ("2.5").
std::string amount(double v) {
  if (v == std::floor(v)) return fmt("%d", static_cast<int>(v));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

const char* unit_letter(int u) {
  switch (u) {
    case uSec: return "S";
    case uMin: return "M";
    case uHour: return "H";
    case uDay: return "D";
    case uWeek: return "W";
    case uMonth: return "M";
    case uYear: return "Y";
    case uDecade: return "DE";
    case uCentury: return "CE";
    case uQuarter: return "Q";
    case uSemester: return "H";  // not used for durations (converted to months)
    default: return "?";
  }
}

// "P3D", "PT90M", "PXD".
std::string duration_value(int unit, double v, bool unknown) {
  if (unit == uQuarter) {
    v *= 3;
    unit = uMonth;
  } else if (unit == uSemester) {
    v *= 6;
    unit = uMonth;
  } else if (unit == uWeekend) {
    unit = uDay;
    v *= 2;
  }
  std::string out = unit == uSec || unit == uMin || unit == uHour ? "PT" : "P";
  out += unknown ? "X" : amount(v);
  out += unit_letter(unit);
  return out;
}

const char* part_suffix(int p) {
  switch (p) {
    case pMorning: return "TMO";
    case pAfternoon: return "TAF";
    case pEvening: return "TEV";
    case pNight: return "TNI";
    default: return "";
  }
}

const char* season_code(int s) {
  switch (s) {
    case sSpring: return "SP";
    case sSummer: return "SU";
    case sAutumn: return "FA";
    default: return "WI";
  }
}

// Roman numeral value of an upper-case I/V/X/L/C string, or 0.
int roman_value(std::string_view s) {
  auto v = [](char c) {
    switch (c) {
      case 'I': return 1;
      case 'V': return 5;
      case 'X': return 10;
      case 'L': return 50;
      case 'C': return 100;
      default: return 0;
    }
  };
  if (s.empty() || s.size() > 8) return 0;
  int total = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    int a = v(s[i]);
    if (a == 0) return 0;
    int b = i + 1 < s.size() ? v(s[i + 1]) : 0;
    total += a < b ? -a : a;
  }
  return total > 0 ? total : 0;
}

bool ends_with(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

// ---------------------------------------------------------------------------------------------
// The matcher

struct Found {
  size_t end = 0;  // one past the last token
  std::string value;
  const char* kind = "date";
};

// The latest year a whole text mentions, computed once and only when a date needs it.
struct StoryYear {
  std::function<int()> compute;
  int value = -1;
  int get() {
    if (value < 0) value = compute();
    return value;
  }
};

// Matches one chunk of the text (chunks end at line breaks, which always end a sentence).
class Matcher {
 public:
  Matcher(std::string_view chunk, uint32_t base, const std::optional<DateReference>& ref, Tokens& tk,
          StoryYear* story)
      : text_(chunk), base_(base), tk_(tk), story_(story) {
    if (ref && valid_date(ref->year, ref->month, ref->day)) {
      has_ref_ = true;
      ref_ = *ref;
      r_ = days_from_civil(ref->year, ref->month, ref->day);
    }
    split_tokens(chunk, tk_);
    n_ = tk_.toks.size();
  }

  // The latest year this chunk mentions, 0 when none ("d'ici 2030" is a goal, not the story).
  int latest_year() const {
    int best = 0;
    for (size_t i = 0; i < n_; ++i) {
      if (!number(i) || T(i).digits != 4 || !year_token(i)) continue;
      size_t p = prev_index(i);
      if (p < n_ && (is(p, "ici") || is(p, "horizon"))) continue;
      best = std::max(best, static_cast<int>(T(i).num));
    }
    return best;
  }

  void run(std::vector<DateMention>& out) {
    size_t i = 0;
    while (i < n_) {
      const Tok& t = tk_.toks[i];
      bool candidate = t.type == TokType::kNumber ||
                       (t.type == TokType::kWord && (t.lex.cls != kNone || roman_start(i)));
      Found f;
      if (candidate && i >= dead_end_ && match(i, f) && f.end > i) {
        DateMention m;
        m.span = {base_ + tk_.toks[i].b, base_ + tk_.toks[f.end - 1].e};
        m.value = std::move(f.value);
        m.kind = f.kind;
        out.push_back(std::move(m));
        i = f.end;
      } else {
        ++i;
      }
    }
  }

 private:
  // --- token helpers
  const Tok& T(size_t i) const { return tk_.toks[i]; }
  bool word(size_t i) const { return i < n_ && T(i).type == TokType::kWord; }
  bool number(size_t i) const { return i < n_ && T(i).type == TokType::kNumber; }
  bool mark(size_t i, char c) const { return i < n_ && T(i).type == TokType::kPunct && T(i).p == c; }
  std::string_view norm(size_t i) const {
    return word(i) ? std::string_view(tk_.arena).substr(T(i).nb, T(i).nl) : std::string_view();
  }
  std::string_view raw(size_t i) const { return i < n_ ? text_.substr(T(i).b, T(i).e - T(i).b) : ""; }
  bool is(size_t i, std::string_view w) const { return word(i) && norm(i) == w; }
  bool attached(size_t i) const { return i < n_ && !T(i).space; }
  bool abbreviated_month(size_t i) const {
    return cls(i) == kMonth && T(i).nl <= 4 && norm(i) != "mars" && norm(i) != "mai" &&
           norm(i) != "aout" && norm(i) != "juin";
  }
  // A capitalised word starting with a Roman digit ("XXIe"), a possible century.
  bool roman_start(size_t i) const {
    if (!word(i) || !T(i).cap) return false;
    char c = text_[T(i).b];
    return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C';
  }
  Cls cls(size_t i) const { return word(i) ? T(i).lex.cls : kNone; }
  int val(size_t i) const { return T(i).lex.val; }
  bool same_sentence(size_t i, size_t j) const { return i < n_ && j < n_ && T(i).sent == T(j).sent; }
  // The preposition "à" (not the verb "a").
  bool is_a_prep(size_t i) const { return is(i, "a") && raw(i).size() == 2; }
  bool is_a_verb(size_t i) const { return word(i) && raw(i) == "a"; }
  // Word `w` written with an elided vowel and an apostrophe ("l'", "d'", "jusqu'"): the index
  // of the word after the apostrophe, or 0.
  size_t after_elision(size_t i) const {
    if (mark(i + 1, '\'') && attached(i + 1) && word(i + 2) && attached(i + 2)) return i + 2;
    return 0;
  }
  // Index of the previous word in the same sentence, skipping an elision apostrophe.
  size_t prev_index(size_t i) const {
    if (i == 0) return n_;
    size_t p = i - 1;
    if (mark(p, '\'') && p > 0) --p;
    return same_sentence(p, i) ? p : n_;
  }

  // --- numbers
  // A plain integer: not part of a grouped number ("1 000"), a decimal ("1,5") or a code.
  bool plain_number(size_t i) const {
    if (!number(i)) return false;
    const Tok& t = T(i);
    if (t.digits > 4) return false;
    if (i > 0) {
      const Tok& p = T(i - 1);
      if (p.type == TokType::kNumber && t.digits == 3) return false;  // "1 000"
      if (!t.space && p.type == TokType::kPunct && (p.p == ',' || p.p == '.') && i >= 2 &&
          number(i - 2) && attached(i - 1))
        return false;  // "1,5"
      if (!t.space && p.type == TokType::kWord) return false;  // "COP29", "A380"
    }
    if (i + 1 < n_) {
      const Tok& nx = T(i + 1);
      if (nx.type == TokType::kNumber && nx.digits == 3 && nx.space &&
          text_.substr(t.e, nx.b - t.e).find('\n') == std::string_view::npos)
        return false;  // "2 500"
      if (!nx.space && nx.type == TokType::kPunct && (nx.p == ',' || nx.p == '.') &&
          number(i + 2) && attached(i + 2))
        return false;
    }
    return true;
  }

  struct Qty {
    double v = 0;
    bool unknown = false;  // "quelques", "plusieurs"
    size_t end = 0;
  };

  // A quantity: digits, number words ("vingt-quatre", "quarante-huit", "soixante et onze"),
  // "quelques", "plusieurs".
  bool quantity(size_t i, Qty& q) const {
    if (plain_number(i)) {
      q = {static_cast<double>(T(i).num), false, i + 1};
      return true;
    }
    if (is(i, "quelques") || is(i, "plusieurs")) {
      q = {0, true, i + 1};
      return true;
    }
    if (cls(i) != kNumWord) return false;
    int64_t total = 0, current = 0;
    size_t j = i;
    int last = 0;
    while (cls(j) == kNumWord) {
      int v = val(j);
      if (v == 100) current = (current ? current : 1) * 100;
      else if (v == 1000) { total += (current ? current : 1) * 1000; current = 0; }
      else if (v == 20 && last == 4) current += 76;  // quatre-vingt(s)
      else current += v;
      if (total + current > 10000000) return false;  // "cent cent cent...": not a quantity
      last = v;
      size_t nx = j + 1;
      if (mark(nx, '-') && attached(nx) && cls(nx + 1) == kNumWord && attached(nx + 1)) {
        j = nx + 1;
        continue;
      }
      if (is(nx, "et") && cls(nx + 1) == kNumWord && (val(nx + 1) == 1 || val(nx + 1) == 11) &&
          current >= 20) {
        j = nx + 1;
        continue;
      }
      ++j;
      break;
    }
    q = {static_cast<double>(total + current), false, j};
    return true;
  }

  // A unit word at i ("jours", "week-end"): its Unit and the index after it, else uNone.
  int unit_at(size_t i, size_t& end) const {
    if (cls(i) != kUnit) return uNone;
    if (val(i) == uWeekend) {
      if (is(i, "week")) {
        if (mark(i + 1, '-') && attached(i + 1) && (is(i + 2, "end") || is(i + 2, "ends")) &&
            attached(i + 2)) {
          end = i + 3;
          return uWeekend;
        }
        return uNone;
      }
    }
    end = i + 1;
    return val(i);
  }

  bool is_next_mod(size_t i) const {
    return is(i, "prochain") || is(i, "prochaine") || is(i, "prochains") || is(i, "prochaines");
  }
  bool is_last_mod(size_t i) const {
    return is(i, "dernier") || is(i, "derniere") || is(i, "derniers") || is(i, "dernieres") ||
           is(i, "passe") || is(i, "passee");
  }

  // A year as digits: 4 digits in 1000..2100, not a count ("2024 habitants"), a code ("n° 2014",
  // "AF 1945"), a decimal, a grouped number or a reference ("2014-58").
  bool year_token(size_t i, bool check_context = true) const {
    if (!plain_number(i) || T(i).digits != 4) return false;
    int64_t y = T(i).num;
    if (y < 1000 || y > 2100) return false;
    if (!check_context) return true;
    size_t nx = i + 1;
    if (nx < n_ && same_sentence(i, nx)) {
      const Tok& t = T(nx);
      if (raw(nx) == "%" || raw(nx) == "\xE2\x82\xAC" || raw(nx) == "$") return false;
      if (t.type == TokType::kPunct && t.p == '-' && !t.space && number(nx + 1) && attached(nx + 1) &&
          !year_token(nx + 1, false) && T(nx + 1).digits != 2)
        return false;  // "2014-58"
      if (t.type == TokType::kWord && !t.cap && count_noun(norm(nx))) return false;
    }
    size_t pv = i > 0 ? i - 1 : n_;
    if (pv < n_ && same_sentence(pv, i)) {
      const Tok& p = T(pv);
      if (p.type == TokType::kPunct && p.p == 'o') return false;  // "n° 2014"
      if (p.type == TokType::kPunct && p.p == '-' && !T(i).space && number(pv - 1) && pv > 0 &&
          !year_token(pv - 1, false))
        return false;
      if (p.type == TokType::kWord) {
        std::string_view w = norm(pv);
        static constexpr std::string_view kCodeWords[] = {
            "no", "numero", "article", "art", "page", "p", "route", "chapitre", "code", "vol",
            "ligne", "modele", "version", "reference", "ref", "dossier", "tel", "rn", "rd", "km",
            "bus", "salle", "porte", "chambre", "appartement", "immeuble", "numeros", "pages"};
        for (auto c : kCodeWords)
          if (w == c) return false;
        // An upper-case code ("AF 1945", "RN 2014"), but not a capitalised word at a
        // sentence start ("EN 2014" in a headline is rare enough to lose).
        if (p.upper && p.nl <= 4 && !p.sstart) return false;
      }
    }
    if (y < 1800) {
      // Older years need a preposition or a noun that makes them years.
      size_t q = prev_index(i);
      static constexpr std::string_view kYearCues[] = {"en", "de", "depuis", "des", "vers", "avant",
                                                        "apres", "annee", "an", "jusqu", "entre",
                                                        "et", "a", "fin", "debut", "mi", "dans", "du",
                                                        "ici", "l"};
      bool ok = false;
      if (q < n_)
        for (auto c : kYearCues)
          if (norm(q) == c) ok = true;
      if (!ok) return false;
    }
    return true;
  }

  // A plural noun or a unit after a number makes it a count, not a year ("2024 habitants",
  // "1945 euros").
  static bool count_noun(std::string_view w) {
    static constexpr std::string_view kUnits[] = {"euro", "euros", "m", "km", "kg", "g", "t", "l",
                                                  "ha", "mm", "cm", "mw", "kw", "dollars", "livres",
                                                  "francs", "h", "min", "tonnes", "metres"};
    for (auto u : kUnits)
      if (w == u) return true;
    if (w.size() < 4 || !(w.back() == 's' || w.back() == 'x')) return false;
    static constexpr std::string_view kFunction[] = {
        "depuis", "puis", "apres", "alors", "dans", "sous", "sans", "vers", "plus", "moins", "tous",
        "toutes", "mais", "jamais", "leurs", "toujours", "plusieurs", "certains", "certaines",
        "quelques", "nous", "vous", "sommes", "sont", "etes", "avons", "avez", "avais", "avait",
        "etais", "deux", "trois", "jours", "mois", "fois", "aux", "chez", "selon", "parmi", "lors",
        "pres", "tres", "ainsi", "aussi", "dont", "avant", "pendant", "durant", "malgre", "hors",
        "contre", "tandis", "encore", "pas", "lequel", "lesquels", "desquels", "auxquels", "ceux",
        "celles", "ils", "elles", "les", "des", "ses", "ces", "mes", "tes", "nos", "vos", "mois"};
    for (auto f : kFunction)
      if (w == f) return false;
    return true;
  }

  // --- tense near a span of tokens: +1 future, -1 past, 0 none
  int tense_near(size_t first, size_t last) const {
    int best = 0;
    size_t best_dist = 100;
    auto consider = [&](size_t k, size_t dist) {
      int c = tense_cue(k);
      if (c != 0 && dist < best_dist) {
        best = c;
        best_dist = dist;
      }
    };
    for (size_t d = 1; d <= 12; ++d) {
      if (first >= d && same_sentence(first - d, first)) consider(first - d, d);
      if (last + d < n_ && same_sentence(last + d, last)) consider(last + d, d);
    }
    return best;
  }

  static bool participle(std::string_view raw_word) {
    static constexpr std::string_view kEnds[] = {"\xC3\xA9", "\xC3\xA9" "e", "\xC3\xA9" "s",
                                                 "\xC3\xA9" "es", "i", "is", "ie", "ies", "u", "us",
                                                 "ue", "ues", "it", "ite", "ert", "erte", "ort",
                                                 "orte", "eint", "aint", "uit", "uite"};
    for (auto e : kEnds)
      if (ends_with(raw_word, e)) return true;
    return false;
  }

  int tense_cue(size_t k) const {
    if (!word(k)) return 0;
    std::string_view w = norm(k);
    bool after_il_y = k >= 1 && is(k - 1, "y");
    // Passé composé / plus-que-parfait with avoir: "a annoncé", "ont déjà voté", "avait échoué".
    if ((is_a_verb(k) && !after_il_y) || w == "ont" || w == "avait" || w == "avaient" ||
        w == "avons" || w == "avez") {
      static constexpr std::string_view kAdverbs[] = {"deja", "aussi", "encore", "egalement",
                                                      "notamment", "pas", "jamais", "bien",
                                                      "enfin", "finalement", "meme", "toujours",
                                                      "plus", "ensuite", "alors", "ete"};
      static constexpr std::string_view kNouns[] = {"lieu", "besoin", "peur", "droit", "raison",
                                                    "tort", "envie", "faim", "soif", "mal", "honte",
                                                    "affaire", "cours", "trait", "vu", "su"};
      for (size_t j = k + 1; j <= k + 3 && word(j) && same_sentence(j, k); ++j) {
        bool noun = false;  // "a lieu", "a besoin": present tense
        for (auto x : kNouns)
          if (norm(j) == x && x != "vu" && x != "su") noun = true;
        if (noun) return 0;
        if (participle(raw(j))) return -1;
        bool adverb = false;
        for (auto a : kAdverbs)
          if (norm(j) == a) adverb = true;
        if (!adverb) break;
      }
      if (w == "avait" || w == "avaient") return -1;
      return 0;
    }
    // With être: reflexive ("s'est tenu", "se sont intensifiés") or a verb of movement or state.
    if (w == "est" || w == "sont" || w == "etait" || w == "etaient") {
      bool reflexive = k >= 1 && (is(k - 1, "se") || (mark(k - 1, '\'') && k >= 2 && is(k - 2, "s")));
      if (word(k + 1) && participle(raw(k + 1))) {
        if (reflexive) return -1;
        static constexpr std::string_view kMotion[] = {
            "mort", "morte", "morts", "ne", "nee", "tombe", "tombee", "tombes", "parti", "partie",
            "partis", "arrive", "arrivee", "arrives", "entre", "entree", "sorti", "sortie", "reste",
            "restee", "devenu", "devenue", "rentre", "rentree", "alle", "allee", "passe", "passee",
            "decede", "decedee", "revenu", "revenue", "venu", "venue", "intervenu", "survenu",
            "survenue", "ete"};
        for (auto m : kMotion)
          if (norm(k + 1) == m) return -1;
      }
      if (w == "etait" || w == "etaient") return -1;
      return 0;
    }
    static constexpr std::string_view kFuture[] = {
        "prevu", "prevue", "prevus", "prevues", "attendu", "attendue", "attendus", "attendues",
        "doit", "doivent", "devrait", "devraient", "pourrait", "pourraient", "prochain",
        "prochaine", "programme", "programmee", "compte", "envisage"};
    for (auto f : kFuture)
      if (w == f) return w == "programme" ? (raw(k).find("\xC3\xA9") != std::string_view::npos ? 1 : 0) : 1;
    if ((w == "va" || w == "vont") && word(k + 1) &&
        (ends_with(norm(k + 1), "er") || ends_with(norm(k + 1), "ir") || ends_with(norm(k + 1), "re")))
      return 1;
    if (T(k).cap && !T(k).sstart) return 0;  // names ("Ankara", "Sierra")
    if (w.size() >= 4 && (ends_with(w, "ra") || ends_with(w, "ront") || ends_with(w, "rons") ||
                          ends_with(w, "rez") || ends_with(w, "rai"))) {
      static constexpr std::string_view kNotFuture[] = {"contra", "opera", "camera", "ultra",
                                                        "extra", "sierra", "mantra", "cobra",
                                                        "hydra", "zebra", "algebra", "tiara",
                                                        "aura-t", "vera", "chambre", "sahara",
                                                        "caldera", "chimera", "tantra", "sutra",
                                                        "pourra", "plethora", "chez", "assez",
                                                        "nez", "rez"};
      for (auto x : kNotFuture)
        if (w == x && x != "pourra") return 0;
      return 1;
    }
    if (w.size() >= 5 && (ends_with(w, "ait") || ends_with(w, "aient"))) {
      static constexpr std::string_view kNotPast[] = {"fait", "lait", "trait", "souhait", "portrait",
                                                      "attrait", "extrait", "retrait", "parfait",
                                                      "bienfait", "forfait", "mefait", "abstrait",
                                                      "distrait", "soustrait", "jamais", "plait",
                                                      "refait", "satisfait", "surfait"};
      for (auto x : kNotPast)
        if (w == x) return 0;
      return -1;
    }
    return 0;
  }

  // --- resolution
  // Picks the year among ref-1, ref, ref+1 for a yearless date whose interval in year y is
  // iv(y) (false when the date does not exist that year). dir: +2 strictly after the reference,
  // -2 strictly before, +1 not before, -1 not after, 0 nearest. Returns 0 when no year fits.
  int pick_year(const std::function<bool(int, int64_t&, int64_t&)>& iv, int dir) const {
    int best = 0;
    int64_t best_score = INT64_MAX;
    for (int pass = 0; pass < 2 && best == 0; ++pass) {
      for (int y = ref_.year - 1; y <= ref_.year + 1; ++y) {
        int64_t lo, hi;
        if (!year_ok(y) || !iv(y, lo, hi)) continue;
        int d = pass == 0 ? dir : 0;
        bool ok = d == 2 ? lo > r_ : d == -2 ? hi < r_ : d == 1 ? hi >= r_ : d == -1 ? lo <= r_ : true;
        if (!ok) continue;
        int64_t dist = r_ < lo ? lo - r_ : r_ > hi ? r_ - hi : 0;
        if (dist < best_score) {
          best_score = dist;
          best = y;
        }
      }
    }
    return best;
  }

  int direction(size_t first, size_t last, int mod) const {
    if (mod != 0) return mod * 2;
    return tense_near(first, last);
  }

  // The latest year the text mentions (0 when none): the story's own time is at or after it.
  int story_year() const { return story_ ? story_->get() : latest_year(); }

  // Day `d` of month `m`, year unknown, weekday `wd` (0 = not given): the value and the day
  // number (INT64_MIN when the year stays unknown).
  std::string resolve_day_month(int d, int m, int wd, int mod, size_t first, size_t last,
                                int64_t& days) const {
    days = INT64_MIN;
    if (d < 1 || d > days_in_month(2024, m)) return "";
    if (has_ref_) {
      int y = 0;
      if (wd != 0) {
        int64_t best = INT64_MAX;
        for (int c = ref_.year - 1; c <= ref_.year + 1; ++c) {
          if (!valid_date(c, m, d)) continue;
          int64_t x = days_from_civil(c, m, d);
          if (weekday(x) != wd) continue;
          int64_t dist = x > r_ ? x - r_ : r_ - x;
          if (dist < best) {
            best = dist;
            y = c;
          }
        }
      }
      if (y == 0) {
        y = pick_year(
            [&](int c, int64_t& lo, int64_t& hi) {
              if (!valid_date(c, m, d)) return false;
              lo = hi = days_from_civil(c, m, d);
              return true;
            },
            direction(first, last, mod));
      }
      if (y != 0) {
        days = days_from_civil(y, m, d);
        return day_value(days);
      }
    } else if (wd != 0) {
      int from = story_year();
      for (int c = from; from > 0 && c <= from + 6; ++c) {
        if (!valid_date(c, m, d)) continue;
        int64_t x = days_from_civil(c, m, d);
        if (weekday(x) == wd) {
          days = x;
          return day_value(x);
        }
      }
    }
    return fmt("XXXX-%02d-%02d", m, d);
  }

  std::string resolve_month(int m, int mod, size_t first, size_t last) const {
    if (!has_ref_) return fmt("XXXX-%02d", m);
    int y = pick_year(
        [&](int c, int64_t& lo, int64_t& hi) {
          lo = days_from_civil(c, m, 1);
          hi = days_from_civil(c, m, days_in_month(c, m));
          return true;
        },
        direction(first, last, mod));
    return y ? fmt("%04d-%02d", y, m) : fmt("XXXX-%02d", m);
  }

  // Quarter (n of 4) or half (n of 2) of a year not given.
  std::string resolve_period(int n, int per_year, int mod, size_t first, size_t last) const {
    const char* letter = per_year == 4 ? "Q" : "H";
    if (!has_ref_) return std::string("XXXX-") + letter + std::to_string(n);
    int len = 12 / per_year;
    int y = pick_year(
        [&](int c, int64_t& lo, int64_t& hi) {
          int m0 = (n - 1) * len + 1, m1 = n * len;
          lo = days_from_civil(c, m0, 1);
          hi = days_from_civil(c, m1, days_in_month(c, m1));
          return true;
        },
        direction(first, last, mod));
    return y ? fmt("%04d-", y) + letter + std::to_string(n) : std::string("XXXX-") + letter + std::to_string(n);
  }

  // Season interval in year y: spring Mar-May, summer Jun-Aug, autumn Sep-Nov, winter Dec-Feb
  // (the winter of year y starts in December of y).
  static void season_interval(int s, int y, int64_t& lo, int64_t& hi) {
    int m0 = s == sSpring ? 3 : s == sSummer ? 6 : s == sAutumn ? 9 : 12;
    lo = days_from_civil(y, m0, 1);
    int y1 = m0 == 12 ? y + 1 : y, m1 = m0 == 12 ? 2 : m0 + 2;
    hi = days_from_civil(y1, m1, days_in_month(y1, m1));
  }

  std::string resolve_season(int s, int mod, size_t first, size_t last) const {
    if (!has_ref_) return std::string("XXXX-") + season_code(s);
    int dir = mod == 0 ? tense_near(first, last) : mod * 2;
    int y = pick_year(
        [&](int c, int64_t& lo, int64_t& hi) {
          season_interval(s, c, lo, hi);
          return true;
        },
        dir);
    return y ? fmt("%04d-", y) + season_code(s) : std::string("XXXX-") + season_code(s);
  }

  // The weekday `wd` nearest to the reference in direction dir (+2/-2 strict, +1/-1, 0 nearest,
  // 3 = in the reference's week).
  int64_t resolve_weekday(int wd, int dir) const {
    int rw = weekday(r_);
    int64_t k;
    switch (dir) {
      case 3: k = wd - rw; break;
      case 2: k = (wd - rw + 7) % 7; if (k == 0) k = 7; break;
      case 1: k = (wd - rw + 7) % 7; break;
      case -2: k = -((rw - wd + 7) % 7); if (k == 0) k = -7; break;
      case -1: k = -((rw - wd + 7) % 7); break;
      default: k = (wd - rw + 7) % 7; if (k > 3) k -= 7; break;
    }
    return r_ + k;
  }

  // A calendar offset of k units from the reference, at the unit's granularity.
  std::string offset_value(int unit, int64_t k) const {
    if (!has_ref_) {
      switch (unit) {
        case uDay: return "XXXX-XX-XX";
        case uWeek: return "XXXX-WXX";
        case uWeekend: return "XXXX-WXX-WE";
        case uMonth: return "XXXX-XX";
        case uDecade: return "XXX";
        case uCentury: return "XX";
        case uQuarter: return "XXXX-QX";
        case uSemester: return "XXXX-HX";
        case uHour: case uMin: case uSec: return "XXXX-XX-XX";
        default: return "XXXX";
      }
    }
    k = std::clamp<int64_t>(k, -100000, 100000);  // beyond year 9999 either way: X values below
    switch (unit) {
      case uDay: return day_value(r_ + k);
      case uWeek: return week_value(r_ + 7 * k);
      case uWeekend: return week_value(r_ + 7 * k) + "-WE";
      case uMonth: {
        int64_t mi = int64_t(ref_.year) * 12 + (ref_.month - 1) + k;
        int64_t y = mi / 12;
        if (!year_ok(y) || mi < 0) return "XXXX-XX";
        return fmt("%04d-%02d", static_cast<int>(y), static_cast<int>(mi % 12 + 1));
      }
      case uYear: {
        int64_t y = ref_.year + k;
        return year_ok(y) ? fmt("%04d", static_cast<int>(y)) : "XXXX";
      }
      case uDecade: {
        int64_t y = ref_.year + 10 * k;
        return year_ok(y) ? fmt("%03d", static_cast<int>(y / 10)) : "XXX";
      }
      case uCentury: {
        int64_t y = ref_.year + 100 * k;
        return year_ok(y) ? fmt("%02d", static_cast<int>(y / 100)) : "XX";
      }
      case uQuarter: case uSemester: {
        int per = unit == uQuarter ? 4 : 2;
        int64_t qi = int64_t(ref_.year) * per + (ref_.month - 1) / (12 / per) + k;
        int64_t y = qi / per;
        if (!year_ok(y) || qi < 0) return unit == uQuarter ? "XXXX-QX" : "XXXX-HX";
        return fmt("%04d-", static_cast<int>(y)) + (unit == uQuarter ? "Q" : "H") +
               std::to_string(qi % per + 1);
      }
      case uHour: case uMin: case uSec: {
        if (ref_.hour < 0) return day_value(r_);
        int64_t minutes = r_ * 1440 + ref_.hour * 60 + ref_.minute;
        minutes += unit == uHour ? k * 60 : unit == uMin ? k : k / 60;
        int64_t dd = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440;
        int64_t mm = minutes - dd * 1440;
        return day_value(dd) + fmt("T%02d:%02d", static_cast<int>(mm / 60), static_cast<int>(mm % 60));
      }
      default: return "";
    }
  }

  std::string anchor_day(size_t i) const {
    if (last_day_sent_ == T(i).sent && !last_day_.empty()) return last_day_;
    return has_ref_ ? day_value(r_) : "XXXX-XX-XX";
  }

  // --- patterns
  bool match(size_t i, Found& f) {
    const Tok& t = T(i);
    bool ok = false;
    if (t.type == TokType::kNumber) {
      ok = numeric_date(i, f) || day_month(i, f) || clock_time(i, f) || century(i, f) ||
           quarter(i, f) || duration(i, f) || year(i, f);
    } else {
      switch (t.lex.cls) {
        case kMonth: ok = month(i, f); break;
        case kWeekday: ok = weekday_expr(i, f); break;
        case kNumWord: ok = clock_time(i, f) || duration(i, f); break;
        case kOrdinal: ok = quarter(i, f); break;
        case kUnit: ok = decade(i, i, f); break;
        case kSeason: ok = season_after_preposition(i, f); break;
        case kKey: ok = keyword(i, f); break;
        default: break;
      }
      if (!ok && roman_start(i)) ok = century(i, f);
    }
    if (ok && std::string_view(f.kind) == "date" && f.value.size() >= 10 && f.value[4] == '-' &&
        f.value[7] == '-') {
      last_day_ = f.value.substr(0, 10);
      last_day_sent_ = T(i).sent;
    }
    return ok;
  }

  bool keyword(size_t i, Found& f) {
    std::string_view w = norm(i);
    if (w == "le" || w == "la" || w == "l" || w == "les" || w == "ce" || w == "cet" || w == "cette" ||
        w == "ces")
      return determiner(i, f);
    if (w == "dans") return dans(i, f);
    if (w == "il") return il_y_a(i, f);
    if (w == "chaque" || w == "tous" || w == "toutes") return set_expr(i, f);
    if (w == "hier" || w == "demain" || w == "aujourd" || w == "avant" || w == "apres")
      return relative_day(i, f);
    if (w == "debut" || w == "fin" || w == "mi") return edge(i, f);
    if (w == "quelques" || w == "plusieurs") return duration(i, f);
    if (w == "midi" || w == "minuit") return clock_word(i, f);
    return false;
  }

  // Part of day at i ("soir", "après-midi"): Part and the index after it.
  int part_at(size_t i, size_t& end) const {
    if (cls(i) == kPart) {
      end = i + 1;
      return val(i);
    }
    if (is(i, "apres") && mark(i + 1, '-') && attached(i + 1) && is(i + 2, "midi") && attached(i + 2)) {
      end = i + 3;
      return pAfternoon;
    }
    return pNone;
  }

  // "à 15 h 30", "vers midi" after a day: extends `f` into a time.
  void attach_time(size_t j, Found& f) {
    size_t k = j;
    if (is_a_prep(k) || is(k, "vers")) ++k;
    else if (!(number(k) && attached(k + 1) && (mark(k + 1, ':') || is(k + 1, "h")))) return;
    if (!same_sentence(k, j)) return;
    int h = -1, mi = 0;
    size_t end = 0;
    if (!time_at(k, true, h, mi, end)) return;
    f.value = f.value.substr(0, 10) + fmt("T%02d:%02d", h, mi);
    f.kind = "time";
    f.end = end;
  }

  // A clock time at k: "15 h 30", "15h", "20h30", "18:45", "8 heures du matin", "midi".
  // `after_prep`: a preposition makes "17 heures" a time, not a duration.
  bool time_at(size_t k, bool after_prep, int& h, int& mi, size_t& end) const {
    if (is(k, "midi") && !T(k).cap) {
      h = 12, mi = 0, end = k + 1;
      return true;
    }
    if (is(k, "minuit")) {
      h = 24, mi = 0, end = k + 1;
      return true;
    }
    int hours = -1;
    bool words = false;
    Qty q;
    if (plain_number(k) && T(k).digits <= 2) {
      hours = static_cast<int>(T(k).num);
    } else if (cls(k) == kNumWord && quantity(k, q) && q.v <= 24) {
      hours = static_cast<int>(q.v);
      words = true;
    } else {
      return false;
    }
    if (hours > 24) return false;
    size_t j = words ? q.end : k + 1;
    int minutes = 0;
    if (!words && mark(j, ':') && attached(j) && number(j + 1) && attached(j + 1) && T(j + 1).digits == 2) {
      minutes = static_cast<int>(T(j + 1).num);
      if (minutes > 59) return false;
      j += 2;
    } else if (!words && is(j, "h") && !mark(j + 1, '/')) {
      ++j;
      // "15 h 30, le verdict" keeps its minutes; "2 h 30,5" is not a clock time.
      if (number(j) && T(j).digits == 2 && T(j).num <= 59 && same_sentence(j, k) &&
          !(mark(j + 1, ',') && attached(j + 1) && number(j + 2) && attached(j + 2))) {
        minutes = static_cast<int>(T(j).num);
        ++j;
        if (is(j, "min")) return false;  // "2 h 29 min": a duration (a race time)
      }
      int shift = day_half(j);
      if (shift >= 0) {
        if (hours < 12) hours += shift == 1 ? 12 : 0;
        if (shift == 0 && hours == 12) hours = 0;
        j = half_end_;
      }
    } else if (is(j, "heure") || is(j, "heures")) {
      ++j;
      bool minute_given = false;
      if (!words && number(j) && T(j).digits == 2 && T(j).num <= 59 && !is(j + 1, "minutes") &&
          cls(j + 1) != kUnit) {
        minutes = static_cast<int>(T(j).num);
        minute_given = true;
        ++j;
      }
      int shift = day_half(j);
      if (shift >= 0) {
        if (hours < 12) hours += shift == 1 ? 12 : 0;
        if (shift == 0 && hours == 12) hours = 0;
        j = half_end_;
      } else if (!after_prep && !minute_given) {
        return false;
      }
      if (words && shift < 0) return false;  // "à une heure de Paris": a duration
    } else {
      return false;
    }
    h = hours, mi = minutes, end = j;
    if (h == 24 && mi != 0) return false;
    return true;
  }

  // "du matin" (0), "du soir" / "de l'après-midi" (1) after an hour; -1 otherwise. Sets half_end_.
  mutable size_t half_end_ = 0;
  int day_half(size_t j) const {
    if (is(j, "du") && (is(j + 1, "matin"))) {
      half_end_ = j + 2;
      return 0;
    }
    if (is(j, "du") && is(j + 1, "soir")) {
      half_end_ = j + 2;
      return 1;
    }
    if (is(j, "de") && is(j + 1, "l") && mark(j + 2, '\'')) {
      size_t e;
      if (part_at(j + 3, e) == pAfternoon) {
        half_end_ = e;
        return 1;
      }
    }
    return -1;
  }

  bool prep_before(size_t i) const {
    size_t p = prev_index(i);
    if (p >= n_) return false;
    if (is_a_prep(p) || is(p, "vers") || is(p, "des") || is(p, "avant") || is(p, "apres") ||
        is(p, "entre") || is(p, "jusqu") || cls(p) == kWeekday)  // "vendredi 8 heures"
      return true;
    // "de 20 heures à 8 heures": a span of the clock
    return is(p, "de") && number(i) && (is(i + 1, "heures") || is(i + 1, "h")) &&
           (is_a_prep(i + 2) || is(i + 2, "jusqu"));
  }

  bool clock_time(size_t i, Found& f) {
    int h, mi;
    size_t end;
    // "2 h 29 min", "1 h 05 min": an elapsed time.
    if (plain_number(i) && T(i).digits <= 2 && is(i + 1, "h") && number(i + 2) &&
        T(i + 2).digits == 2 && T(i + 2).num <= 59 && is(i + 3, "min")) {
      f.value = fmt("PT%dH%dM", static_cast<int>(T(i).num), static_cast<int>(T(i + 2).num));
      f.kind = "duration";
      f.end = i + 4;
      return true;
    }
    if (!time_at(i, prep_before(i), h, mi, end)) return false;
    if (cls(i) == kNumWord && !prep_before(i)) return false;
    f.end = end;
    f.kind = "time";
    std::string day = anchor_day(i);
    // "à 9 h 30 jeudi": with no day before it in the sentence, a weekday right after the time
    // gives its day.
    if (!(last_day_sent_ == T(i).sent && !last_day_.empty()) && cls(end) == kWeekday && same_sentence(end, i)) {
      Found g;
      if (weekday_expr(end, g) && g.value.size() >= 10 && g.value[4] == '-' && g.value[7] == '-')
        day = g.value.substr(0, 10);
    }
    f.value = day + fmt("T%02d:%02d", h, mi);
    return true;
  }

  bool clock_word(size_t i, Found& f) {
    if (T(i).cap && !T(i).sstart) return false;  // "le Midi", "Midi libre"
    if (i >= 2 && mark(i - 1, '-') && attached(i) && is(i - 2, "apres")) return false;
    return clock_time(i, f);
  }

  // dd/mm/yyyy, dd.mm.yyyy, yyyy-mm-dd.
  bool numeric_date(size_t i, Found& f) {
    if (!number(i) || i + 4 >= n_ + 0 || !(attached(i + 1) && attached(i + 2) && attached(i + 3) && attached(i + 4)))
      return false;
    if (!number(i + 2) || !number(i + 4)) return false;
    int y, m, d;
    const Tok &a = T(i), &b = T(i + 2), &c = T(i + 4);
    if ((mark(i + 1, '/') && mark(i + 3, '/')) || (mark(i + 1, '.') && mark(i + 3, '.'))) {
      if (a.digits > 2 || b.digits > 2 || !(c.digits == 4 || (c.digits == 2 && mark(i + 1, '/'))))
        return false;
      d = static_cast<int>(a.num), m = static_cast<int>(b.num), y = static_cast<int>(c.num);
      if (c.digits == 2) y += 2000;
    } else if (mark(i + 1, '-') && mark(i + 3, '-')) {
      if (a.digits != 4 || b.digits != 2 || c.digits != 2) return false;
      y = static_cast<int>(a.num), m = static_cast<int>(b.num), d = static_cast<int>(c.num);
    } else {
      return false;
    }
    if (!valid_date(y, m, d)) return false;
    if (number(i + 5) && attached(i + 5)) return false;
    f.end = i + 5;
    f.value = fmt("%04d-%02d-%02d", y, m, d);
    // ISO "2023-06-30T10:00"
    if (word(f.end) && raw(f.end) == "T" && attached(f.end) && number(f.end + 1) &&
        attached(f.end + 1) && mark(f.end + 2, ':') && number(f.end + 3) && T(f.end + 1).num < 24 &&
        T(f.end + 3).num < 60 && T(f.end + 3).digits == 2) {
      f.value += fmt("T%02d:%02d", static_cast<int>(T(f.end + 1).num), static_cast<int>(T(f.end + 3).num));
      f.kind = "time";
      f.end += 4;
      return true;
    }
    f.kind = "date";
    attach_time(f.end, f);
    return true;
  }

  // A day number at i ("12", "1er"): its value and the index after it, or 0.
  int day_number(size_t i, size_t& end) const {
    if (!plain_number(i) || T(i).digits > 2 || T(i).num < 1 || T(i).num > 31) return 0;
    end = i + 1;
    if (T(i).num == 1 && (is(end, "er") || is(end, "re")) && attached(end)) ++end;
    return static_cast<int>(T(i).num);
  }

  // Day, month, optional year and modifier, then an optional time: "12 février 2025",
  // "1er mars", "15 mars prochain". Also the first bound of a range ("du 3 au 5 mars").
  bool day_month(size_t i, Found& f, int wd = 0, size_t start = SIZE_MAX) {
    if (start == SIZE_MAX) start = i;
    size_t j;
    int d = day_number(i, j);
    if (d == 0) return false;
    if (cls(j) != kMonth) {
      if (wd != 0) return false;
      return range_first(i, j, d, f);
    }
    int m = val(j);
    size_t k = j + 1;
    bool abbreviation = mark(k, '.') && attached(k) && abbreviated_month(j);
    if (abbreviation) ++k;  // "janv."
    if (year_token(k, false) && (abbreviation || same_sentence(k, j))) {
      int y = static_cast<int>(T(k).num);
      if (!valid_date(y, m, d)) {
        dead_end_ = k + 1;  // "31 février 2025" is no date, and "février 2025" not one either
        return false;
      }
      f.value = fmt("%04d-%02d-%02d", y, m, d);
      f.end = k + 1;
    } else {
      int mod = is_next_mod(k) ? 1 : is_last_mod(k) ? -1 : 0;
      int64_t days;
      f.value = resolve_day_month(d, m, wd, mod, start, k - 1, days);
      if (f.value.empty()) {
        dead_end_ = k;
        return false;
      }
      f.end = mod != 0 ? k + 1 : k;
    }
    f.kind = "date";
    // "10 novembre au soir"
    size_t pe;
    int part = is(f.end, "au") ? part_at(f.end + 1, pe) : pNone;
    if ((part == pMorning || part == pEvening) && f.value.size() == 10) {
      f.value += part_suffix(part);
      f.kind = "time";
      f.end = pe;
    }
    attach_time(f.end, f);
    return true;
  }

  // "3" in "du 3 au 5 mars", "les 8 et 9 juin": the first day takes the month (and year) of the
  // second.
  bool range_first(size_t i, size_t j, int d, Found& f) {
    if (!(is(j, "au") || is(j, "et") || is_a_prep(j) || (mark(j, '-') && attached(j + 1))))
      return false;
    size_t k = j + 1;
    if (is(k, "le")) ++k;
    size_t e;
    int d2 = day_number(k, e);
    if (d2 == 0 || cls(e) != kMonth) return false;
    int m = val(e);
    if (d > d2) m = m == 1 ? 12 : m - 1;
    if (year_token(e + 1, false)) {
      int y = static_cast<int>(T(e + 1).num);
      if (d > d2 && m == 12) --y;
      if (!valid_date(y, m, d)) return false;
      f.value = fmt("%04d-%02d-%02d", y, m, d);
    } else {
      // Resolved as the second day would be, so both bounds fall in the same year.
      int64_t days;
      f.value = resolve_day_month(d2, val(e), 0, 0, i, e, days);
      if (f.value.empty()) return false;
      f.value = f.value.substr(0, 4) + fmt("-%02d-%02d", m, d);
    }
    f.end = j;
    f.kind = "date";
    return true;
  }

  // "Mercredi 12 février [2025]", "mardi prochain", "mercredi soir", "lundi à 15 h".
  bool weekday_expr(size_t i, Found& f, int forced_dir = 0, size_t start = SIZE_MAX) {
    if (start == SIZE_MAX) start = i;
    int wd = val(i);
    if (day_month(i + 1, f, wd, start)) {
      if (f.value.size() >= 10 && f.value[0] != 'X' && std::string_view(f.kind) == "date") {
        // An explicit year that contradicts the weekday still wins: the text says it.
      }
      return true;
    }
    size_t j = i + 1;
    size_t pe;
    int part = part_at(j, pe);
    if (part != pNone) j = pe;
    int mod = 0;
    if (is_next_mod(j)) mod = 1, ++j;
    else if (is_last_mod(j)) mod = -1, ++j;
    if (part == pNone && (part = part_at(j, pe)) != pNone) j = pe;
    f.end = j;
    if (has_ref_) {
      int dir = forced_dir ? forced_dir : mod ? mod * 2 : tense_near(start, j - 1);
      f.value = day_value(resolve_weekday(wd, dir));
    } else {
      f.value = fmt("XXXX-WXX-%d", wd);
    }
    f.kind = "date";
    if (part != pNone) {
      f.value += part_suffix(part);
      f.kind = "time";
    }
    if (f.value.size() >= 10 && f.value[4] == '-' && f.value[7] == '-') {
      last_day_ = f.value.substr(0, 10);
      last_day_sent_ = T(i).sent;
    }
    attach_time(j, f);
    return true;
  }

  // "hier", "demain", "aujourd'hui", "avant-hier", "après-demain", with a part of day or a time.
  bool relative_day(size_t i, Found& f) {
    int k = 0;
    size_t j = i + 1;
    if (is(i, "hier")) k = -1;
    else if (is(i, "demain")) k = 1;
    else if (is(i, "aujourd")) {
      size_t a = after_elision(i);
      if (!a || !is(a, "hui")) return false;
      k = 0, j = a + 1;
    } else if ((is(i, "avant") || is(i, "apres")) && mark(i + 1, '-') && attached(i + 1) &&
               attached(i + 2) && (is(i + 2, "hier") || is(i + 2, "demain"))) {
      bool before = is(i, "avant");
      if (before != is(i + 2, "hier")) return false;
      k = before ? -2 : 2;
      j = i + 3;
    } else {
      return false;
    }
    f.value = offset_value(uDay, k);
    f.kind = "date";
    size_t pe;
    int part = part_at(j, pe);
    if (part != pNone) {
      j = pe;
      f.value += part_suffix(part);
      f.kind = "time";
    }
    f.end = j;
    last_day_ = f.value.substr(0, 10);
    last_day_sent_ = T(i).sent;
    attach_time(j, f);
    return true;
  }

  // Month names without a day: "février 2022", "en mars", "Juin 2024".
  bool month(size_t i, Found& f) {
    int m = val(i);
    size_t p = prev_index(i);
    // A lower-case month name is a month: the only other French words they spell are rare.
    size_t k = i + 1;
    bool abbreviated = abbreviated_month(i);
    bool period = mark(k, '.') && attached(k) && abbreviated;
    if (period) ++k;
    bool has_year = year_token(k, false) && (period || same_sentence(k, i));
    if (abbreviated && !has_year) return false;  // "sept", "nov" alone
    // "Mai 68", "juin 40": a two-digit year right after a month name (a day would come before it).
    int short_year = has_year ? -1 : two_digit_year(k, i);
    if (short_year >= 0) {
      f.value = fmt("%04d-%02d", short_year, m);
      f.end = k + 1;
      f.kind = "date";
      return true;
    }
    if (T(i).cap) {
      // "Mars" the planet, "Avril Lavigne", "Août" a first name: a capitalised month needs a
      // preposition that only months take, or a year at the start of a sentence.
      static constexpr std::string_view kStrong[] = {"en", "depuis", "des", "courant", "jusqu",
                                                     "fin", "debut", "mi"};
      bool strong = false;
      if (p < n_)
        for (auto c : kStrong)
          if (norm(p) == c) strong = true;
      if (p < n_ && is(p, "de") && p >= 1 && is(p - 1, "mois")) strong = true;
      if (!strong && !(T(i).sstart && has_year)) {
        if (has_year) skip_year_at_ = k;
        return false;
      }
    }
    if (has_year) {
      f.value = fmt("%04d-%02d", static_cast<int>(T(k).num), m);
      f.end = k + 1;
    } else {
      int mod = is_next_mod(k) ? 1 : is_last_mod(k) ? -1 : 0;
      f.value = resolve_month(m, mod, i, k - 1);
      f.end = mod ? k + 1 : k;
    }
    f.kind = "date";
    return true;
  }

  // The year a two-digit number at k after the month at i stands for, or -1: a number not glued
  // to another ("68 000"), a decimal or a unit, and not counting a noun ("mai 15 personnes"). It
  // is a past year when it is after the reference's (or, without one, after 30): "68" -> 1968.
  int two_digit_year(size_t k, size_t i) const {
    if (!plain_number(k) || T(k).digits != 2 || !same_sentence(k, i) || !T(k).space) return -1;
    size_t nx = k + 1;
    if (nx < n_ && same_sentence(k, nx)) {
      const Tok& t = T(nx);
      if (t.type == TokType::kNumber) return -1;
      if (t.type == TokType::kPunct && !t.space && (t.p == ',' || t.p == '.') && number(nx + 1)) return -1;
      if (raw(nx) == "%" || raw(nx) == "\xE2\x82\xAC" || raw(nx) == "$") return -1;
      if (t.type == TokType::kWord && (count_noun(norm(nx)) || norm(nx) == "ans" || norm(nx) == "an" || norm(nx) == "fois")) return -1;
      if (t.type == TokType::kWord && cls(nx) == kMonth) return -1;
    }
    const int yy = static_cast<int>(T(k).num);
    const int pivot = has_ref_ ? ref_.year % 100 : 30;
    const int century = has_ref_ ? ref_.year / 100 * 100 : 2000;
    return yy > pivot ? century - 100 + yy : century + yy;
  }

  // "début mars", "fin 2023", "mi-janvier".
  bool edge(size_t i, Found& f) {
    size_t j = i + 1;
    // "début de l'année", "fin du mois", "fin d'année", "début de la semaine prochaine": the
    // unit's value (the edge itself is not in the value).
    if (!is(i, "mi")) {
      size_t u = n_;
      if (is(j, "du")) u = j + 1;
      else if (is(j, "de") && is(j + 1, "la")) u = j + 2;
      else if ((is(j, "de") && is(j + 1, "l") && mark(j + 2, '\'')) ) u = j + 3;
      else if (is(j, "d") && mark(j + 1, '\'')) u = j + 2;
      size_t e;
      int unit = u < n_ ? unit_at(u, e) : uNone;
      if (unit == uYear || unit == uMonth || unit == uWeek || unit == uWeekend || unit == uDecade ||
          unit == uCentury) {
        if (unit == uYear && is(u, "ans")) return false;
        int k = 0;
        if (is_next_mod(e)) k = 1, ++e;
        else if (is_last_mod(e)) k = -1, ++e;
        f.value = offset_value(unit, k);
        if (unit == uYear && k == 0 && year_token(e, false)) {  // "fin de l'année 2023"
          f.value = fmt("%04d", static_cast<int>(T(e).num));
          ++e;
        }
        f.kind = "date";
        f.end = e;
        return true;
      }
    }
    if (is(i, "mi")) {
      if (!(mark(j, '-') && attached(j) && attached(j + 1))) return false;
      ++j;
    }
    if (cls(j) == kMonth) {
      int m = val(j);
      if (year_token(j + 1, false)) {
        f.value = fmt("%04d-%02d", static_cast<int>(T(j + 1).num), m);
        f.end = j + 2;
      } else {
        f.value = resolve_month(m, 0, i, j);
        f.end = j + 1;
      }
      f.kind = "date";
      return true;
    }
    if (year_token(j, false)) {
      f.value = fmt("%04d", static_cast<int>(T(j).num));
      f.end = j + 1;
      f.kind = "date";
      return true;
    }
    return false;
  }

  // Expressions led by a determiner: "la semaine prochaine", "l'an dernier", "cette année",
  // "ce matin", "ce mardi", "le week-end dernier", "l'été 2022", "les années 1990", "le XXIe
  // siècle", "ces derniers jours".
  bool determiner(size_t i, Found& f) {
    std::string_view w = norm(i);
    size_t j = i + 1;
    if (w == "l") {
      j = after_elision(i);
      if (!j) return false;
    }
    bool demonstrative = w == "ce" || w == "cet" || w == "cette" || w == "ces";
    // "ces derniers jours", "les prochaines semaines"
    if ((w == "ces" || w == "les") && (is_next_mod(j) || is_last_mod(j))) {
      size_t e;
      int u = unit_at(j + 1, e);
      if (u == uDay || u == uWeek || u == uMonth || u == uYear || u == uDecade) {
        f.value = is_next_mod(j) ? "FUTURE_REF" : "PAST_REF";
        f.end = e;
        f.kind = "date";
        return true;
      }
      return false;
    }
    if (w == "les" && decade(i, j, f)) return true;
    if (w == "le" && century(j, f, i)) return true;
    if ((w == "le" || w == "la") && (is(j, "debut") || is(j, "fin")) && edge(j, f)) return true;
    if (demonstrative && cls(j) == kWeekday) {
      if (!has_ref_) return false;
      return weekday_expr(j, f, 3, i);
    }
    size_t e;
    int part = part_at(j, e);
    if (part != pNone && (demonstrative || ((w == "la") && part == pNight))) {
      int k = 0;
      size_t end = e;
      if (is_last_mod(e)) k = -1, end = e + 1;
      else if (!demonstrative) return false;
      f.value = offset_value(uDay, k) + part_suffix(part);
      f.kind = "time";
      f.end = end;
      attach_time(end, f);
      return true;
    }
    if (cls(j) == kSeason) {
      if (T(j).cap) return false;  // "le Printemps arabe"
      if (!(w == "l" || demonstrative)) return false;
      int s = val(j);
      if (year_token(j + 1, false)) {
        f.value = fmt("%04d-", static_cast<int>(T(j + 1).num)) + season_code(s);
        f.end = j + 2;
      } else if (is_next_mod(j + 1) || is_last_mod(j + 1)) {
        f.value = resolve_season(s, is_next_mod(j + 1) ? 1 : -1, i, j + 1);
        f.end = j + 2;
      } else if (demonstrative) {
        f.value = resolve_season(s, 0, i, j);
        f.end = j + 1;
      } else {
        return false;
      }
      f.kind = "date";
      return true;
    }
    int u = unit_at(j, e);
    if (u == uNone || u == uDay || u == uHour || u == uMin || u == uSec) return false;
    int k;
    size_t end;
    if (is_next_mod(e)) k = 1, end = e + 1;
    else if (is_last_mod(e)) k = -1, end = e + 1;
    else if (demonstrative && w != "ces") {
      k = 0, end = e;
      if (mark(e, '-') && attached(e) && is(e + 1, "ci") && attached(e + 1)) end = e + 2;
    } else {
      return false;
    }
    if (u == uDecade) return false;
    f.value = offset_value(u, k);
    f.kind = "date";
    f.end = end;
    return true;
  }

  // "au printemps 2024", "en hiver dernier": a season after a preposition, with a year or a
  // modifier (alone, "en été" is any summer; "a été" is a verb).
  bool season_after_preposition(size_t i, Found& f) {
    if (T(i).cap) return false;
    size_t p = prev_index(i);
    if (!(p < n_ && (is(p, "au") || is(p, "en")))) return false;
    int s = val(i);
    if (year_token(i + 1, false)) {
      f.value = fmt("%04d-", static_cast<int>(T(i + 1).num)) + season_code(s);
      f.end = i + 2;
    } else if (is_next_mod(i + 1) || is_last_mod(i + 1)) {
      f.value = resolve_season(s, is_next_mod(i + 1) ? 1 : -1, i, i + 1);
      f.end = i + 2;
    } else {
      return false;
    }
    f.kind = "date";
    return true;
  }

  // "années 1990", "années 80" (at `head`, the word "années"); the span starts at `start`.
  bool decade(size_t start, size_t head, Found& f) {
    if (!is(head, "annees")) return false;
    size_t j = head + 1;
    if (!plain_number(j)) return false;
    int64_t v = T(j).num;
    int dec;
    if (T(j).digits == 4 && v % 10 == 0 && v >= 1000 && v <= 2090) dec = static_cast<int>(v / 10);
    else if (T(j).digits == 2 && v % 10 == 0 && v >= 10) dec = static_cast<int>(190 + v / 10);
    else return false;
    f.value = fmt("%03d", dec);
    f.kind = "date";
    f.end = j + 1;
    (void)start;
    return true;
  }

  // "XXIe siècle", "21e siècle", "XIXème siècle"; `start` may be a determiner before.
  bool century(size_t i, Found& f, size_t start = SIZE_MAX) {
    (void)start;
    int n = 0;
    size_t j;
    if (number(i) && T(i).digits <= 2) {
      if (!(word(i + 1) && attached(i + 1))) return false;
      std::string_view s = norm(i + 1);
      if (s != "e" && s != "eme" && s != "er") return false;
      n = static_cast<int>(T(i).num);
      j = i + 2;
    } else if (word(i)) {
      std::string_view r = raw(i);
      size_t cut = r.size();
      for (std::string_view suf : {std::string_view("\xC3\xA8me"), std::string_view("eme"),
                                   std::string_view("er"), std::string_view("e")}) {
        if (ends_with(r, suf)) {
          cut = r.size() - suf.size();
          break;
        }
      }
      if (cut == r.size()) return false;
      n = roman_value(r.substr(0, cut));
      j = i + 1;
    } else {
      return false;
    }
    if (n < 1 || n > 99) return false;
    if (!(is(j, "siecle"))) return false;
    f.value = fmt("%02d", n - 1);
    f.kind = "date";
    f.end = j + 1;
    return true;
  }

  // "premier trimestre 2025", "1er semestre", "troisième trimestre".
  bool quarter(size_t i, Found& f) {
    int n = 0;
    size_t j;
    if (cls(i) == kOrdinal) {
      n = val(i);
      j = i + 1;
    } else if (plain_number(i) && T(i).digits == 1 && word(i + 1) && attached(i + 1) &&
               (is(i + 1, "er") || is(i + 1, "e") || is(i + 1, "eme") || is(i + 1, "nd"))) {
      n = static_cast<int>(T(i).num);
      j = i + 2;
    } else {
      return false;
    }
    int per;
    if (is(j, "trimestre")) per = 4;
    else if (is(j, "semestre")) per = 2;
    else return false;
    if (n < 1 || n > per) return false;
    const char* letter = per == 4 ? "Q" : "H";
    if (year_token(j + 1, false)) {
      f.value = fmt("%04d-", static_cast<int>(T(j + 1).num)) + letter + std::to_string(n);
      f.end = j + 2;
    } else {
      f.value = resolve_period(n, per, 0, i, j);
      f.end = j + 1;
    }
    f.kind = "date";
    return true;
  }

  // Durations: "trente jours", "90 minutes", "deux heures et demie", "quelques jours plus tard",
  // "trois derniers mois", "24 heures avant".
  bool duration(size_t i, Found& f) {
    Qty q;
    if (!quantity(i, q)) return false;
    size_t j = q.end;
    if (is_last_mod(j) || is_next_mod(j)) ++j;  // "trois derniers mois"
    // "trois quarts d'heure", "un quart d'heure", "une demi-heure": minutes.
    if (!q.unknown && q.v > 0 && (is(j, "quart") || is(j, "quarts")) && is(j + 1, "d") &&
        mark(j + 2, '\'') && is(j + 3, "heure")) {
      f.value = duration_value(uMin, q.v * 15, false);
      f.kind = "duration";
      f.end = j + 4;
      return true;
    }
    if (!q.unknown && q.v > 0 && is(j, "demi") && mark(j + 1, '-') && attached(j + 1) && is(j + 2, "heure") &&
        attached(j + 2)) {
      f.value = duration_value(uMin, q.v * 30, false);
      f.kind = "duration";
      f.end = j + 3;
      return true;
    }
    size_t e;
    int u = unit_at(j, e);
    if (u == uNone || u == uWeekend) return false;
    if (q.v <= 0 && !q.unknown) return false;
    // "deux ans et demi", "deux heures et demie"
    if (is(e, "et") && (is(e + 1, "demi") || is(e + 1, "demie"))) {
      q.v += 0.5;
      e += 2;
    }
    if (u == uQuarter || u == uSemester || u == uCentury) {
      // "deux trimestres": fine; but "premier trimestre" is not reached here (ordinal)
    }
    f.value = duration_value(u, q.v, q.unknown);
    f.kind = "duration";
    // "plus tard", "plus tôt", "après", "avant", "auparavant"
    if (is(e, "plus") && (is(e + 1, "tard") || is(e + 1, "tot"))) e += 2;
    else if (is(e, "apres") || is(e, "avant") || is(e, "auparavant")) ++e;
    f.end = e;
    return true;
  }

  // "il y a trois ans", "il y a quelques jours".
  bool il_y_a(size_t i, Found& f) {
    if (!(is(i + 1, "y") && is_a_verb(i + 2))) return false;
    Qty q;
    if (!quantity(i + 3, q)) return false;
    size_t e;
    int u = unit_at(q.end, e);
    if (u == uNone || u == uWeekend || (q.v <= 0 && !q.unknown)) return false;
    f.value = q.unknown ? "PAST_REF" : offset_value(u, -static_cast<int64_t>(q.v));
    if (is(e, "et") && (is(e + 1, "demi") || is(e + 1, "demie"))) e += 2;
    f.kind = "date";
    f.end = e;
    return true;
  }

  // "dans deux semaines", "dans les prochains jours".
  bool dans(size_t i, Found& f) {
    size_t j = i + 1;
    if (is(j, "les") && is_next_mod(j + 1)) {
      size_t e;
      int u = unit_at(j + 2, e);
      if (u == uDay || u == uWeek || u == uMonth || u == uYear) {
        f.value = "FUTURE_REF";
        f.kind = "date";
        f.end = e;
        return true;
      }
      return false;
    }
    Qty q;
    if (!quantity(j, q)) return false;
    size_t e;
    int u = unit_at(q.end, e);
    if (u == uNone || u == uWeekend || (q.v <= 0 && !q.unknown)) return false;
    f.value = q.unknown ? "FUTURE_REF" : offset_value(u, static_cast<int64_t>(q.v));
    f.kind = "date";
    f.end = e;
    return true;
  }

  // "chaque lundi", "tous les vendredis", "tous les ans", "tous les cinq ans", "chaque matin".
  bool set_expr(size_t i, Found& f) {
    size_t j = i + 1;
    bool every = is(i, "chaque");
    if (!every) {
      if (!is(j, "les")) return false;
      ++j;
    }
    if ((every && cls(j) == kWeekday) || (!every && cls(j) == kWeekdays)) {
      f.value = fmt("XXXX-WXX-%d", val(j));
      f.kind = "set";
      f.end = j + 1;
      return true;
    }
    size_t e;
    if (every && cls(j) == kSeason) {
      f.value = std::string("XXXX-") + season_code(val(j));
      f.kind = "set";
      f.end = j + 1;
      return true;
    }
    int part = part_at(j, e);
    if (part != pNone) {
      f.value = std::string("XXXX-XX-XX") + part_suffix(part);
      f.kind = "set";
      f.end = e;
      return true;
    }
    double v = 1;
    if (!every) {
      Qty q;
      if (cls(j) == kNumWord && quantity(j, q) && !q.unknown) {
        v = q.v;
        j = q.end;
      } else if (plain_number(j)) {
        v = static_cast<double>(T(j).num);
        ++j;
      }
    }
    int u = unit_at(j, e);
    if (u == uNone || u == uWeekend || v <= 0) return false;
    f.value = duration_value(u, v, false);
    f.kind = "set";
    f.end = e;
    return true;
  }

  bool year(size_t i, Found& f) {
    if (i == skip_year_at_) return false;
    if (!year_token(i)) return false;
    f.value = fmt("%04d", static_cast<int>(T(i).num));
    f.kind = "date";
    f.end = i + 1;
    return true;
  }

  std::string_view text_;
  uint32_t base_ = 0;  // offset of the chunk in the whole text
  Tokens& tk_;
  StoryYear* story_ = nullptr;
  size_t n_ = 0;
  bool has_ref_ = false;
  DateReference ref_;
  int64_t r_ = 0;  // the reference as a day number
  std::string last_day_;  // the last day-precise date found, to anchor a bare time after it
  uint32_t last_day_sent_ = UINT32_MAX;
  size_t dead_end_ = 0;  // tokens before this belong to an impossible date: nothing starts there
  size_t skip_year_at_ = SIZE_MAX;  // a year glued to a rejected month ("Mars 2020" the mission)
};

bool parse_digits(std::string_view s, size_t pos, size_t count, int& out) {
  if (pos + count > s.size()) return false;
  out = 0;
  for (size_t k = 0; k < count; ++k) {
    char c = s[pos + k];
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

}  // namespace

Result<DateReference> parse_reference_date(std::string_view text) {
  auto bad = [&](const std::string& why) {
    return Status::InvalidArgument("reference date '" + std::string(text.substr(0, 64)) + "': " + why);
  };
  DateReference r;
  if (text.size() < 10 || text[4] != '-' || text[7] != '-' || !parse_digits(text, 0, 4, r.year) ||
      !parse_digits(text, 5, 2, r.month) || !parse_digits(text, 8, 2, r.day))
    return bad("expected YYYY-MM-DD[THH:MM]");
  if (r.year < 1 || r.month < 1 || r.month > 12) return bad("no such month");
  if (!valid_date(r.year, r.month, r.day)) return bad("no such day");
  if (text.size() == 10) return r;
  if (text[10] != 'T' && text[10] != ' ' && text[10] != 't') return bad("expected 'T' after the date");
  if (text.size() < 16 || text[13] != ':' || !parse_digits(text, 11, 2, r.hour) ||
      !parse_digits(text, 14, 2, r.minute))
    return bad("expected THH:MM after the date");
  if (r.hour > 23 || r.minute > 59) return bad("no such time of day");
  std::string_view rest = text.substr(16);
  if (!rest.empty() && rest[0] == ':') {
    int sec;
    if (!parse_digits(rest, 1, 2, sec) || sec > 60) return bad("bad seconds");
    rest = rest.substr(3);
    if (!rest.empty() && (rest[0] == '.' || rest[0] == ',')) {
      size_t k = 1;
      while (k < rest.size() && rest[k] >= '0' && rest[k] <= '9') ++k;
      if (k == 1) return bad("bad fraction of a second");
      rest = rest.substr(k);
    }
  }
  if (rest.empty() || rest == "Z" || rest == "z") return r;
  int oh, om;
  if ((rest[0] == '+' || rest[0] == '-') &&
      ((rest.size() == 6 && rest[3] == ':' && parse_digits(rest, 1, 2, oh) && parse_digits(rest, 4, 2, om)) ||
       (rest.size() == 5 && parse_digits(rest, 1, 2, oh) && parse_digits(rest, 3, 2, om)) ||
       (rest.size() == 3 && parse_digits(rest, 1, 2, oh))))
    return r;
  return bad("unexpected '" + std::string(rest.substr(0, 16)) + "' after the time");
}

namespace {

// Chunks of about kChunk bytes ending at a line break (or, on a long line, at a space; else at a
// character boundary), so that the token buffers stay small and warm in the cache.
std::vector<std::pair<size_t, size_t>> chunks_of(std::string_view text) {
  constexpr size_t kChunk = 32 * 1024, kMaxChunk = 4 * kChunk;
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.size();
    if (end - start > kChunk) {
      size_t cut = text.find('\n', start + kChunk);
      if (cut == std::string_view::npos || cut - start > kMaxChunk) cut = text.find(' ', start + kChunk);
      if (cut != std::string_view::npos && cut - start <= kMaxChunk) {
        end = cut + 1;
      } else {
        end = std::min(text.size(), start + kMaxChunk);
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
      }
    }
    out.emplace_back(start, end);
    start = end;
  }
  return out;
}

}  // namespace

std::vector<DateMention> find_dates(std::string_view text, const std::optional<DateReference>& ref) {
  if (text.size() > UINT32_MAX) text = text.substr(0, UINT32_MAX);
  std::vector<DateMention> out;
  auto chunks = chunks_of(text);
  StoryYear story;
  story.compute = [&] {
    // A pass of its own over every chunk: only texts without a reference that have a weekday
    // with a day and a month pay for it.
    Tokens scratch;
    int best = 0;
    for (auto [b, e] : chunks) {
      Matcher m(text.substr(b, e - b), static_cast<uint32_t>(b), std::nullopt, scratch, nullptr);
      best = std::max(best, m.latest_year());
    }
    return best;
  };
  Tokens tokens;
  for (auto [b, e] : chunks) {
    Matcher m(text.substr(b, e - b), static_cast<uint32_t>(b), ref, tokens, &story);
    m.run(out);
  }
  return out;
}

}  // namespace veille
