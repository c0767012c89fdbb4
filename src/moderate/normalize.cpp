#include "moderate/normalize.h"

#include <cstring>

namespace veille::moderate {

namespace {

enum UnitClass : uint8_t {
  kSpace,
  kLetter,      // folded into 1-2 ASCII letters, or kept as UTF-8 bytes (other scripts)
  kDigit,
  kLeetSym,     // @ $ ! | €: letters only inside a word
  kMask,        // * (and # inside a word)
  kHyphen,
  kApostrophe,
  kIgnorable,   // zero-width characters, soft hyphen, combining accents: dropped inside words
  kPunct,
};

struct Unit {
  uint32_t begin = 0, end = 0;
  UnitClass cls = kPunct;
  bool upper = false;
  char f[4] = {0, 0, 0, 0};  // folded ASCII (letters), or the symbol itself
  uint8_t flen = 0;
};

// Latin Extended-A (U+0100..U+017F): base letter of each code point.
constexpr char kLatinExtA[] =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlL"
    "lLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

uint32_t decode_utf8(std::string_view s, size_t i, uint32_t* len) {
  const auto c = static_cast<unsigned char>(s[i]);
  auto cont = [&](size_t k) -> int {
    if (i + k >= s.size()) return -1;
    auto b = static_cast<unsigned char>(s[i + k]);
    return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
  };
  if (c < 0x80) { *len = 1; return c; }
  if (c >= 0xC2 && c < 0xE0) {
    int c1 = cont(1);
    if (c1 >= 0) { *len = 2; return ((c & 0x1Fu) << 6) | static_cast<uint32_t>(c1); }
  } else if (c >= 0xE0 && c < 0xF0) {
    int c1 = cont(1), c2 = c1 >= 0 ? cont(2) : -1;
    if (c2 >= 0) {
      uint32_t cp = ((c & 0x0Fu) << 12) | (static_cast<uint32_t>(c1) << 6) | static_cast<uint32_t>(c2);
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) { *len = 3; return cp; }
    }
  } else if (c >= 0xF0 && c < 0xF5) {
    int c1 = cont(1), c2 = c1 >= 0 ? cont(2) : -1, c3 = c2 >= 0 ? cont(3) : -1;
    if (c3 >= 0) {
      uint32_t cp = ((c & 0x07u) << 18) | (static_cast<uint32_t>(c1) << 12) |
                    (static_cast<uint32_t>(c2) << 6) | static_cast<uint32_t>(c3);
      if (cp >= 0x10000 && cp <= 0x10FFFF) { *len = 4; return cp; }
    }
  }
  *len = 1;
  return 0xFFFD;
}

void set_letter(Unit* u, const char* f, bool upper) {
  u->cls = kLetter;
  u->upper = upper;
  u->flen = static_cast<uint8_t>(std::strlen(f));
  std::memcpy(u->f, f, u->flen);
}

// Homoglyphs: Greek and Cyrillic letters that look like Latin ones. 0 = no Latin reading.
char homoglyph(uint32_t cp, bool* upper) {
  *upper = false;
  switch (cp) {
    // Greek
    case 0x391: *upper = true; [[fallthrough]]; case 0x3B1: case 0x3AC: return 'a';
    case 0x392: *upper = true; [[fallthrough]]; case 0x3B2: return 'b';
    case 0x395: *upper = true; [[fallthrough]]; case 0x3B5: case 0x3AD: return 'e';
    case 0x396: *upper = true; return 'z';
    case 0x397: *upper = true; return 'h';
    case 0x3B7: return 'n';
    case 0x399: *upper = true; [[fallthrough]]; case 0x3B9: case 0x3AF: return 'i';
    case 0x39A: *upper = true; [[fallthrough]]; case 0x3BA: return 'k';
    case 0x39C: *upper = true; return 'm';
    case 0x39D: *upper = true; return 'n';
    case 0x3BD: return 'v';
    case 0x39F: *upper = true; [[fallthrough]]; case 0x3BF: case 0x3CC: return 'o';
    case 0x3A1: *upper = true; [[fallthrough]]; case 0x3C1: return 'p';
    case 0x3A4: *upper = true; [[fallthrough]]; case 0x3C4: return 't';
    case 0x3A5: *upper = true; [[fallthrough]]; case 0x3C5: case 0x3CD: return 'u';
    case 0x3A7: *upper = true; [[fallthrough]]; case 0x3C7: return 'x';
    case 0x3C9: return 'w';
    case 0x3C2: return 's';
    // Cyrillic
    case 0x410: *upper = true; [[fallthrough]]; case 0x430: return 'a';
    case 0x412: *upper = true; [[fallthrough]]; case 0x432: return 'b';
    case 0x415: case 0x401: *upper = true; [[fallthrough]]; case 0x435: case 0x451: return 'e';
    case 0x41A: *upper = true; [[fallthrough]]; case 0x43A: return 'k';
    case 0x41C: *upper = true; [[fallthrough]]; case 0x43C: return 'm';
    case 0x41D: *upper = true; [[fallthrough]]; case 0x43D: return 'h';
    case 0x41E: *upper = true; [[fallthrough]]; case 0x43E: return 'o';
    case 0x420: *upper = true; [[fallthrough]]; case 0x440: return 'p';
    case 0x421: *upper = true; [[fallthrough]]; case 0x441: return 'c';
    case 0x422: *upper = true; [[fallthrough]]; case 0x442: return 't';
    case 0x423: *upper = true; [[fallthrough]]; case 0x443: return 'y';
    case 0x425: *upper = true; [[fallthrough]]; case 0x445: return 'x';
    case 0x405: *upper = true; [[fallthrough]]; case 0x455: return 's';
    case 0x406: case 0x407: *upper = true; [[fallthrough]]; case 0x456: case 0x457: return 'i';
    case 0x408: *upper = true; [[fallthrough]]; case 0x458: return 'j';
    case 0x501: return 'd';
    default: return 0;
  }
}

void classify(uint32_t cp, Unit* u) {
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    if (c >= 'a' && c <= 'z') { char f[2] = {c, 0}; set_letter(u, f, false); return; }
    if (c >= 'A' && c <= 'Z') { char f[2] = {static_cast<char>(c - 'A' + 'a'), 0}; set_letter(u, f, true); return; }
    if (c >= '0' && c <= '9') { u->cls = kDigit; u->f[0] = c; u->flen = 1; return; }
    u->f[0] = c;
    u->flen = 1;
    switch (c) {
      case ' ': case '\t': case '\n': case '\r': case '\f': case '\v': u->cls = kSpace; return;
      case '@': case '$': case '!': case '|': u->cls = kLeetSym; return;
      case '*': case '#': u->cls = kMask; return;
      case '-': u->cls = kHyphen; return;
      case '\'': case '`': u->cls = kApostrophe; return;
      default: u->cls = kPunct; return;
    }
  }
  if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
      cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0x85) {
    u->cls = kSpace;
    return;
  }
  if (cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF ||
      (cp >= 0x300 && cp <= 0x36F) || (cp >= 0xFE00 && cp <= 0xFE0F)) {
    u->cls = kIgnorable;
    return;
  }
  if (cp == 0x2019 || cp == 0x2018 || cp == 0x2BC || cp == 0x2032) { u->cls = kApostrophe; return; }
  if (cp == 0x2010 || cp == 0x2011) { u->cls = kHyphen; u->f[0] = '-'; u->flen = 1; return; }
  if (cp == 0x20AC) { u->cls = kLeetSym; u->f[0] = 'e'; u->flen = 1; return; }  // €
  if (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7) {
    static const char* kLatin1[64] = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y"};
    set_letter(u, kLatin1[cp - 0xC0], cp < 0xDF);
    return;
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x152 || cp == 0x153) { set_letter(u, "oe", cp == 0x152); return; }
    char base = kLatinExtA[cp - 0x100];
    bool upper = base >= 'A' && base <= 'Z';
    char f[2] = {static_cast<char>(upper ? base - 'A' + 'a' : base), 0};
    set_letter(u, f, upper);
    return;
  }
  if (cp >= 0xFF21 && cp <= 0xFF3A) { char f[2] = {static_cast<char>('a' + cp - 0xFF21), 0}; set_letter(u, f, true); return; }
  if (cp >= 0xFF41 && cp <= 0xFF5A) { char f[2] = {static_cast<char>('a' + cp - 0xFF41), 0}; set_letter(u, f, false); return; }
  bool upper = false;
  if (char h = homoglyph(cp, &upper)) { char f[2] = {h, 0}; set_letter(u, f, upper); return; }
  // Punctuation and symbols: Latin-1 signs, general punctuation, arrows, maths, boxes, emoji.
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) ||
      (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xFFFD ||
      (cp >= 0xFF00 && cp <= 0xFF20)) {
    u->cls = kPunct;
    return;
  }
  // A letter of another script: kept as its bytes, so that words stay words.
  u->cls = kLetter;
  u->flen = 0;  // flen 0 = copy the source bytes
}

// Leet reading of a digit or symbol inside a word; alt = the 'l' reading of 1, ! and |.
char leet(char c, char* alt) {
  *alt = 0;
  switch (c) {
    case '0': return 'o';
    case '1': *alt = 'l'; return 'i';
    case '!': *alt = 'l'; return 'i';
    case '|': *alt = 'i'; return 'l';
    case '3': return 'e';
    case '4': return 'a';
    case '@': return 'a';
    case '5': return 's';
    case '$': return 's';
    case '7': return 't';
    case '8': return 'b';
    case '9': return 'g';
    case '2': return 'z';
    case '6': return 'g';
    case 'e': return 'e';  // € folded above
    default: return 0;
  }
}

bool wordish(UnitClass c) {
  return c == kLetter || c == kDigit || c == kLeetSym || c == kMask || c == kHyphen ||
         c == kIgnorable;
}

void append_unit_letters(std::string_view text, const Unit& u, std::string* s) {
  if (u.flen) s->append(u.f, u.flen);
  else s->append(text.substr(u.begin, u.end - u.begin));
}

// Emits the word made of units[a, b) (already trimmed).
void emit_piece(std::string_view text, const Unit* units, size_t a, size_t b,
                std::vector<ModToken>* out) {
  size_t letters = 0, upper = 0, digits = 0;
  for (size_t i = a; i < b; ++i) {
    if (units[i].cls == kLetter) { ++letters; upper += units[i].upper; }
    if (units[i].cls == kDigit) ++digits;
  }
  ModToken t;
  t.begin = units[a].begin;
  t.end = units[b - 1].end;
  if (letters == 0) {
    if (digits == 0) return;  // symbols or masks alone
    for (size_t i = a; i < b; ++i)
      if (units[i].cls == kDigit) t.form.push_back(units[i].f[0]);
    t.flags = kTokenNumber;
    out->push_back(std::move(t));
    return;
  }
  bool has_alt = false;
  for (size_t i = a; i < b; ++i) {
    const Unit& u = units[i];
    switch (u.cls) {
      case kLetter: append_unit_letters(text, u, &t.form); append_unit_letters(text, u, &t.alt); break;
      case kDigit: case kLeetSym: {
        char alt = 0;
        char c = leet(u.f[0], &alt);
        if (!c) break;
        t.flags |= kTokenLeet;
        t.form.push_back(c);
        t.alt.push_back(alt ? alt : c);
        has_alt |= alt != 0;
        break;
      }
      case kMask: t.form.push_back('*'); t.alt.push_back('*'); t.flags |= kTokenMasked; break;
      case kHyphen:
        if (!t.form.empty() && t.form.back() != '-') { t.form.push_back('-'); t.alt.push_back('-'); }
        break;
      default: break;
    }
  }
  if (!has_alt) t.alt.clear();
  if (letters >= 3 && upper == letters) t.flags |= kTokenAllCaps;
  if (units[a].cls == kLetter && units[a].upper) t.flags |= kTokenCapital;
  out->push_back(std::move(t));
}

// Splits a run of word-ish units into words, trimming symbols that are punctuation there.
void emit_run(std::string_view text, const Unit* units, size_t a, size_t b,
              std::vector<ModToken>* out) {
  auto is_letterish = [&](size_t i) {
    return i < b && (units[i].cls == kLetter || units[i].cls == kDigit);
  };
  // Leading: hyphens and '#' (hashtags) go; '!', '$', '|' stay only before a letter.
  while (a < b) {
    const Unit& u = units[a];
    if (u.cls == kHyphen || u.cls == kIgnorable || (u.cls == kMask && u.f[0] == '#')) { ++a; continue; }
    if (u.cls == kLeetSym && u.f[0] != '@' && !is_letterish(a + 1)) { ++a; continue; }
    break;
  }
  // Trailing: hyphens, '!', '|', '#' go; '$' and '@' stay after two letters.
  while (b > a) {
    const Unit& u = units[b - 1];
    if (u.cls == kHyphen || u.cls == kIgnorable || (u.cls == kMask && u.f[0] == '#')) { --b; continue; }
    if (u.cls == kLeetSym && (u.f[0] == '!' || u.f[0] == '|' || b - a < 3)) { --b; continue; }
    break;
  }
  if (a >= b) return;
  // A mask-only run with no letter is decoration ("***"), not a word.
  emit_piece(text, units, a, b, out);
}

// "C+0+N+S", "c.o.n.s", "s_a_l_o_p_e": single letters or leet digits between one repeated
// separator. Returns true and emits the joined word when units[a, b) has that shape.
bool emit_separated(std::string_view text, const Unit* units, size_t a, size_t b,
                    std::vector<ModToken>* out) {
  size_t n = b - a;
  if (n < 5 || n % 2 == 0) return false;
  char sep = units[a + 1].f[0];
  if (units[a + 1].cls == kLetter || units[a + 1].cls == kDigit || units[a + 1].cls == kSpace) return false;
  size_t letters = 0;
  for (size_t i = a; i < b; ++i) {
    const Unit& u = units[i];
    if ((i - a) % 2 == 1) {
      if (u.cls == kLetter || u.cls == kDigit || u.f[0] != sep || u.flen != 1) return false;
    } else {
      if (u.cls == kLetter && u.flen == 1) ++letters;
      else {
        char alt = 0;
        if (!((u.cls == kDigit || u.cls == kLeetSym) && leet(u.f[0], &alt))) return false;
      }
    }
  }
  if (letters < 2) return false;
  ModToken t;
  t.begin = units[a].begin;
  t.end = units[b - 1].end;
  t.flags = kTokenJoined;
  size_t upper = 0;
  for (size_t i = a; i < b; i += 2) {
    const Unit& u = units[i];
    if (u.cls == kLetter) { t.form.push_back(u.f[0]); upper += u.upper; continue; }
    char alt = 0;
    t.form.push_back(leet(u.f[0], &alt));
    t.flags |= kTokenLeet;
  }
  if (letters >= 3 && upper == letters) t.flags |= kTokenAllCaps;
  (void)text;
  out->push_back(std::move(t));
  return true;
}

}  // namespace

void tokenize_for_moderation(std::string_view text, std::vector<ModToken>* out) {
  thread_local std::vector<Unit> units;
  units.clear();
  for (size_t i = 0; i < text.size();) {
    uint32_t len = 1;
    uint32_t cp = decode_utf8(text, i, &len);
    Unit u;
    u.begin = static_cast<uint32_t>(i);
    u.end = static_cast<uint32_t>(i + len);
    classify(cp, &u);
    units.push_back(u);
    i += len;
  }
  const Unit* U = units.data();
  const size_t n = units.size();
  size_t i = 0;
  while (i < n) {
    if (U[i].cls == kSpace) { ++i; continue; }
    size_t chunk_end = i;
    while (chunk_end < n && U[chunk_end].cls != kSpace) ++chunk_end;
    // Trim surrounding punctuation of the chunk before the separator test.
    size_t a = i, b = chunk_end;
    while (a < b && (U[a].cls == kPunct || U[a].cls == kApostrophe)) ++a;
    while (b > a && (U[b - 1].cls == kPunct || U[b - 1].cls == kApostrophe ||
                     (U[b - 1].cls == kLeetSym && U[b - 1].f[0] == '!'))) --b;
    if (!(b > a && emit_separated(text, U, a, b, out))) {
      size_t j = i;
      while (j < chunk_end) {
        if (!wordish(U[j].cls)) { ++j; continue; }
        size_t k = j;
        while (k < chunk_end && wordish(U[k].cls)) ++k;
        emit_run(text, U, j, k, out);
        j = k;
      }
    }
    i = chunk_end;
  }
}

std::string fold_lexicon_word(std::string_view word) {
  std::vector<ModToken> tokens;
  tokenize_for_moderation(word, &tokens);
  std::string out;
  for (const auto& t : tokens) {
    if (!out.empty()) out.push_back(' ');
    out += t.form;
  }
  return out;
}

}  // namespace veille::moderate
