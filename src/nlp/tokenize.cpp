// French tokenizer and sentence splitter: a hand-written scanner over UTF-8 bytes.
//
// The text is cut at whitespace into chunks; each chunk is then peeled from the front (opening
// punctuation, elided articles and pronouns) and from the back (closing punctuation, periods that
// are not part of an abbreviation, clitic pronouns after a hyphen), and what remains is split at
// the punctuation that cannot occur inside a word. A last pass joins thousands groups ("1 000").
// Word lists are tiny and checked only at candidate positions (an apostrophe, a hyphen, a final
// period), so the common path is one class lookup per byte.
#include "nlp/tokenize.h"

#include "nlp/sentence_features.h"
#include "nlp/sentence_model.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

#include <unicode/uchar.h>

namespace veille {

namespace {

// ---------------------------------------------------------------------------------------------
// UTF-8 decoding

struct Cp {
  uint32_t cp;   // code point, or 0xFFFD for an invalid byte
  uint32_t len;  // bytes consumed (1 for an invalid byte)
};

constexpr uint32_t kInvalid = 0xFFFD;

// Decodes the code point starting at s[i]; REQUIRES i < s.size().
inline Cp decode_at(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  unsigned char c = p[i];
  if (c < 0x80) return {c, 1};
  auto cont = [&](size_t k) { return i + k < n && (p[i + k] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) {
    if (cont(1)) return {static_cast<uint32_t>((c & 0x1F) << 6 | (p[i + 1] & 0x3F)), 2};
  } else if (c >= 0xE0 && c <= 0xEF) {
    if (cont(1) && cont(2)) {
      uint32_t cp = (c & 0x0F) << 12 | (p[i + 1] & 0x3F) << 6 | (p[i + 2] & 0x3F);
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) return {cp, 3};
    }
  } else if (c >= 0xF0 && c <= 0xF4) {
    if (cont(1) && cont(2) && cont(3)) {
      uint32_t cp = (c & 0x07) << 18 | (p[i + 1] & 0x3F) << 12 | (p[i + 2] & 0x3F) << 6 | (p[i + 3] & 0x3F);
      if (cp >= 0x10000 && cp <= 0x10FFFF) return {cp, 4};
    }
  }
  return {kInvalid, 1};
}

// Decodes the code point ending just before s[end]; REQUIRES 0 < end <= s.size(). A valid
// sequence is recognised only if decoding forward from its lead byte consumes exactly up to end.
inline Cp decode_before(std::string_view s, size_t end) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  if (p[end - 1] < 0x80) return {p[end - 1], 1};
  for (size_t back = 2; back <= 4 && back <= end; ++back) {
    unsigned char lead = p[end - back];
    if ((lead & 0xC0) == 0x80) continue;
    Cp c = decode_at(s, end - back);
    if (c.len == back) return c;
    break;
  }
  return {kInvalid, 1};
}

// ---------------------------------------------------------------------------------------------
// Character classes

enum CharClass : uint8_t { kSpace, kLetter, kDigit, kPunct };

constexpr std::array<uint8_t, 128> make_ascii_classes() {
  std::array<uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if (c == ' ' || (c >= 9 && c <= 13)) t[c] = kSpace;
    else if (c >= '0' && c <= '9') t[c] = kDigit;
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') t[c] = kLetter;
    else if (c < 32 || c == 127) t[c] = kSpace;  // control characters separate tokens
    else t[c] = kPunct;
  }
  return t;
}
constexpr std::array<uint8_t, 128> kAscii = make_ascii_classes();

inline bool is_unicode_space(uint32_t cp) {
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

inline CharClass classify(uint32_t cp) {
  if (cp < 128) return static_cast<CharClass>(kAscii[cp]);
  if (cp == kInvalid) return kLetter;
  if (cp < 0x100) {
    if (cp == 0xA0 || cp == 0x85) return kSpace;
    if (cp < 0xA0) return kSpace;  // C1 controls
    if (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7) return kLetter;
    if (cp == 0xB0) return kLetter;  // "n°", "°C"
    if (cp == 0xAA || cp == 0xB5 || cp == 0xBA) return kLetter;
    if (cp == 0xB2 || cp == 0xB3 || cp == 0xB9) return kDigit;  // superscripts
    return kPunct;                                              // « » ° § £ ¿ ¡ · ...
  }
  if (is_unicode_space(cp)) return kSpace;
  if (cp >= 0x2000 && cp <= 0x2BFF) return kPunct;  // general punctuation, currency, symbols
  if (u_isalnum(static_cast<UChar32>(cp)) || u_charType(static_cast<UChar32>(cp)) == U_NON_SPACING_MARK ||
      u_charType(static_cast<UChar32>(cp)) == U_COMBINING_SPACING_MARK)
    return u_isdigit(static_cast<UChar32>(cp)) ? kDigit : kLetter;
  return kPunct;  // emoji, other symbols: one token each
}

inline bool is_upper(uint32_t cp) {
  if (cp < 128) return cp >= 'A' && cp <= 'Z';
  if (cp == kInvalid) return false;
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}
inline bool is_lower(uint32_t cp) {
  if (cp < 128) return cp >= 'a' && cp <= 'z';
  if (cp == kInvalid) return false;
  return u_islower(static_cast<UChar32>(cp));
}
inline bool is_apostrophe(uint32_t cp) { return cp == '\'' || cp == 0x2019; }

// ---------------------------------------------------------------------------------------------
// Word lists (compared case-insensitively on ASCII letters; entries are lowercase UTF-8)

// Folds ASCII and Latin-1 capitals in a short string to lowercase; returns false if too long.
bool fold(std::string_view s, std::string& out) {
  out.clear();
  if (s.size() > 48) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c + 32));
    } else if (c == 0xC3 && i + 1 < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<unsigned char>(d + 0x20);  // À..Þ
      out.push_back(static_cast<char>(c));
      out.push_back(static_cast<char>(d));
      ++i;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return true;
}

template <size_t N>
bool in_list(std::string_view folded, const std::array<std::string_view, N>& list) {
  return std::find(list.begin(), list.end(), folded) != list.end();
}

// Words that lose their vowel before another vowel: "l'", "jusqu'" ...
constexpr std::array<std::string_view, 15> kElided = {
    "l", "d", "j", "m", "n", "s", "t", "c", "\xc3\xa7" /* ç */, "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
    "presqu"};

// Pronouns split off after a hyphen ("-il", "-moi", "-là").
constexpr std::array<std::string_view, 22> kClitics = {
    "il", "ils", "elle", "elles", "on", "je", "tu", "nous", "vous", "ce", "moi", "toi",
    "le", "la", "les", "lui", "leur", "en", "y", "l\xc3\xa0" /* là */, "ci", "eux"};

// Stems with which "-ci" / "-là" / "-vous" ... form one word.
constexpr std::array<std::string_view, 14> kCliticCompounds = {
    "celui", "celle", "ceux", "celles", "jusque", "rendez", "ci", "l\xc3\xa0", "ici", "cas", "par",
    "qu'est", "qu\xe2\x80\x99" "est", "chez"};

// Abbreviations that keep their final period. Title-like ones never end a sentence.
constexpr std::array<std::string_view, 30> kTitleAbbrev = {
    "m", "mm", "mme", "mmes", "mlle", "mlles", "me", "mgr", "dr", "pr", "st", "ste", "mr", "mrs", "ms",
    "prof", "gal", "g\xc3\xa9n", "col", "lt", "cf", "av", "apr", "p", "pp", "art", "chap", "vol", "no", "fig"};
constexpr std::array<std::string_view, 20> kOtherAbbrev = {
    "etc", "jr", "sr", "t\xc3\xa9l", "tel", "coll", "\xc3\xa9" "d", "env", "ibid", "op", "cit", "vs",
    "resp", "cie", "ets", "\xc3\xa9ts", "bd", "boul", "c-\xc3\xa0-d", "dept"};

// ---------------------------------------------------------------------------------------------
// The chunk scanner

class Scanner {
 public:
  Scanner(std::string_view text, std::vector<Span>& out) : s_(text), out_(out) {}

  void chunk(size_t b, size_t e);

 private:
  void emit(size_t b, size_t e) { out_.push_back(Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)}); }
  CharClass cls_at(size_t i) const { return i < s_.size() ? classify(decode_at(s_, i).cp) : kSpace; }
  bool front_is_punct_token(size_t b, size_t e, size_t* tok_end) const;
  bool keeps_final_period(size_t b, size_t dot) const;
  bool sentence_starter_follows(size_t pos) const;
  size_t clitic_start(size_t b, size_t e) const;
  void core(size_t b, size_t e);
  void segment(size_t b, size_t e);
  void emit_word(size_t b, size_t e);

  std::string_view s_;
  std::vector<Span>& out_;
  mutable std::string buf_;
};

// Decides whether [b, e) starts with a punctuation token; sets *tok_end.
bool Scanner::front_is_punct_token(size_t b, size_t e, size_t* tok_end) const {
  Cp c = decode_at(s_, b);
  if (classify(c.cp) != kPunct) return false;
  size_t next = b + c.len;
  CharClass nc = next < e ? classify(decode_at(s_, next).cp) : kSpace;
  if ((c.cp == '-' || c.cp == '+') && nc == kDigit) return false;  // signed number
  if ((c.cp == '#' || c.cp == '@') && (nc == kLetter || nc == kDigit)) return false;  // #tag, @user
  if (c.cp == '.' || c.cp == '-') {  // runs: "...", "--"
    size_t k = b;
    while (k < e && s_[k] == static_cast<char>(c.cp)) ++k;
    *tok_end = k;
    return true;
  }
  *tok_end = next;
  return true;
}

// Whether the period at `dot` belongs to the word [b, dot).
bool Scanner::keeps_final_period(size_t b, size_t dot) const {
  if (dot == b) return false;
  std::string_view stem = s_.substr(b, dot - b);
  Cp first = decode_at(s_, b);
  // A single capital letter: an initial ("J. K. Rowling"), unless what follows starts a sentence
  // ("le roi Dagobert I. Ils ...", "Mac OS X. Une version").
  if (first.len == stem.size() && is_upper(first.cp)) return !sentence_starter_follows(dot + 1);
  if (fold(stem, buf_) && (in_list(buf_, kTitleAbbrev) || in_list(buf_, kOtherAbbrev))) return true;
  // Dotted acronyms and abbreviations: "B.C.E", "J.-C", "R.-G": letter runs of at most 3,
  // separated by periods (and hyphens), with at least one inner period.
  bool inner_dot = false;
  size_t run = 0;
  for (size_t i = b; i < dot;) {
    Cp c = decode_at(s_, i);
    CharClass k = classify(c.cp);
    if (k == kLetter) {
      if (++run > 3) return false;
    } else if (c.cp == '.') {
      if (run == 0) return false;
      inner_dot = true;
      run = 0;
    } else if (c.cp == '-') {
      run = 0;
    } else {
      return false;
    }
    i += c.len;
  }
  return inner_dot;
}

// Capitalised words that usually start a sentence rather than continue a name.
constexpr std::array<std::string_view, 52> kSentenceStarters = {
    "il", "ils", "elle", "elles", "le", "la", "les", "un", "une", "des", "ce", "cette", "ces", "cet", "en",
    "dans", "au", "aux", "du", "de", "pour", "par", "mais", "et", "on", "nous", "vous", "je", "sa", "son",
    "ses", "leur", "leurs", "selon", "apr\xc3\xa8s", "avant", "depuis", "lors", "cependant", "toutefois",
    "ainsi", "puis", "alors", "sur", "avec", "l", "c", "d", "j", "qu", "quand", "si"};

// Whether the word after the whitespace at `pos` is a capitalised sentence starter ("Il", "Les").
bool Scanner::sentence_starter_follows(size_t pos) const {
  size_t i = pos;
  while (i < s_.size() && classify(decode_at(s_, i).cp) == kSpace) i += decode_at(s_, i).len;
  if (i == pos || i >= s_.size() || !is_upper(decode_at(s_, i).cp)) return false;
  size_t j = i;
  while (j < s_.size() && j < i + 16) {
    Cp c = decode_at(s_, j);
    if (classify(c.cp) != kLetter) break;
    j += c.len;
  }
  std::string w;
  return fold(s_.substr(i, j - i), w) && in_list(w, kSentenceStarters);
}

// If [b, e) ends with a clitic pronoun after a hyphen ("-il", "-t-il", "-moi"), returns the
// offset of that hyphen; otherwise returns e.
size_t Scanner::clitic_start(size_t b, size_t e) const {
  // The last hyphen, with a letter on each side.
  size_t h = e;
  for (size_t i = e; i > b; --i) {
    if (s_[i - 1] == '-') {
      h = i - 1;
      break;
    }
  }
  if (h == e || h == b || h + 1 >= e) return e;
  if (!fold(s_.substr(h + 1, e - h - 1), buf_) || !in_list(buf_, kClitics)) return e;
  Cp before = decode_before(s_, h);
  if (classify(before.cp) != kLetter) return e;
  std::string stem_folded;
  fold(s_.substr(b, h - b), stem_folded);
  if (in_list(stem_folded, kCliticCompounds)) return e;
  // Euphonic t: "a-t-il" -> "a" "-t-il".
  const std::string& suffix = buf_;
  bool subject = suffix == "il" || suffix == "ils" || suffix == "elle" || suffix == "elles" || suffix == "on" ||
                 suffix == "en";
  if (subject && h >= b + 3 && (s_[h - 1] == 't' || s_[h - 1] == 'T') && s_[h - 2] == '-') {
    Cp v = decode_before(s_, h - 2);
    if (classify(v.cp) == kLetter) return h - 2;
  }
  return h;
}

void Scanner::chunk(size_t b, size_t e) {
  std::array<Span, 16> back;
  size_t nback = 0;
  auto flush_back = [&] {
    while (nback > 0) {
      --nback;
      out_.push_back(back[nback]);
    }
  };
  for (int guard = 0; b < e; ++guard) {
    // Front: punctuation tokens.
    size_t tok_end;
    if (front_is_punct_token(b, e, &tok_end)) {
      // A lone apostrophe closing an elided word ("l' association") is handled below; here an
      // apostrophe at the front is a quote.
      emit(b, tok_end);
      b = tok_end;
      continue;
    }
    // Front: elision "l'", "jusqu’".
    {
      size_t i = b;
      size_t limit = std::min(e, b + 8);
      while (i < limit && ((s_[i] >= 'a' && s_[i] <= 'z') || (s_[i] >= 'A' && s_[i] <= 'Z') ||
                           (static_cast<unsigned char>(s_[i]) == 0xC3 && i + 1 < e)))
        i += static_cast<unsigned char>(s_[i]) == 0xC3 ? 2 : 1;
      if (i > b && i < e) {
        Cp a = decode_at(s_, i);
        if (is_apostrophe(a.cp) && fold(s_.substr(b, i - b), buf_) && in_list(buf_, kElided)) {
          size_t after = i + a.len;
          bool lexicalised = false;
          if (buf_ == "l" || buf_ == "c" || buf_ == "t") {
            std::string rest;
            size_t word_end = after;
            while (word_end < e && word_end < after + 16 && classify(decode_at(s_, word_end).cp) == kLetter)
              word_end += decode_at(s_, word_end).len;
            fold(s_.substr(after, word_end - after), rest);
            if (buf_ == "c") fold(s_.substr(after, std::min<size_t>(e - after, 16)), rest);
            lexicalised = (buf_ == "l" && rest == "on") || (buf_ == "c" && rest.rfind("est-\xc3\xa0-dire", 0) == 0) ||
                          (buf_ == "t" && (rest == "il" || rest == "elle" || rest == "on"));
          }
          if (!lexicalised) {
            emit(b, after);
            b = after;
            continue;
          }
        }
      }
    }
    break;
  }
  // Back: closing punctuation, final periods.
  while (e > b && nback < back.size()) {
    Cp c = decode_before(s_, e);
    size_t start = e - c.len;
    if (classify(c.cp) != kPunct) break;
    if (start == b) break;  // the whole rest is this mark: handled as the core
    if (c.cp == '.') {
      size_t k = start;
      while (k > b && s_[k - 1] == '.') --k;
      if (k < start) {  // a run of periods
        if (k == b) break;
        back[nback++] = Span{static_cast<uint32_t>(k), static_cast<uint32_t>(e)};
        e = k;
        continue;
      }
      if (keeps_final_period(b, start)) break;
      back[nback++] = Span{static_cast<uint32_t>(start), static_cast<uint32_t>(e)};
      e = start;
      continue;
    }
    if (c.cp == '-' && e - start == 1) {
      // "ST-" (a truncated compound, all capitals) stays whole; "experts-," is a dash.
      bool caps = true;
      for (size_t i = b; i < start && caps; ++i) caps = !(s_[i] >= 'a' && s_[i] <= 'z');
      if (caps) break;
    }
    if (c.cp == ')' || c.cp == ']') {
      // "VOIE(S)": a bracket opened inside the word after a letter stays in the word.
      char open = c.cp == ')' ? '(' : '[';
      size_t o = std::string_view::npos;
      for (size_t i = start; i > b; --i)
        if (s_[i - 1] == open) { o = i - 1; break; }
      if (o != std::string_view::npos && o > b && classify(decode_before(s_, o).cp) == kLetter) break;
    }
    if (is_apostrophe(c.cp)) {
      if (fold(s_.substr(b, start - b), buf_) && in_list(buf_, kElided)) break;  // "l'" before a space
    }
    back[nback++] = Span{static_cast<uint32_t>(start), static_cast<uint32_t>(e)};
    e = start;
  }
  if (b < e) core(b, e);
  flush_back();
}

void Scanner::core(size_t b, size_t e) {
  // URLs and e-mail addresses are one token.
  std::string_view w = s_.substr(b, e - b);
  auto starts = [&](std::string_view p) {
    if (w.size() < p.size()) return false;
    for (size_t i = 0; i < p.size(); ++i)
      if ((w[i] | 0x20) != p[i]) return false;
    return true;
  };
  if (starts("http://") || starts("https://") || starts("ftp://") || starts("www.")) {
    emit(b, e);
    return;
  }
  size_t at = w.find('@');
  if (at != std::string_view::npos && at > 0 && w.find('.', at) != std::string_view::npos) {
    emit(b, e);
    return;
  }
  // Clitic pronouns after a hyphen, from the end ("donne-le-moi"): cuts[0] is the last one.
  const size_t core_end = e;
  std::array<size_t, 3> cuts;
  size_t ncuts = 0;
  while (ncuts < cuts.size()) {
    size_t h = clitic_start(b, e);
    if (h == e) break;
    cuts[ncuts++] = h;
    e = h;
  }
  segment(b, e);
  for (size_t k = ncuts; k > 0; --k) emit(cuts[k - 1], k >= 2 ? cuts[k - 2] : core_end);
}

// Splits a word-like stretch at the marks that cannot occur inside a word, and times "15h30".
void Scanner::segment(size_t b, size_t e) {
  size_t start = b;
  size_t i = b;
  CharClass prev = kSpace;
  while (i < e) {
    Cp c = decode_at(s_, i);
    CharClass k = classify(c.cp);
    size_t next = i + c.len;
    bool cut = false;
    if (k == kPunct) {
      switch (c.cp) {
        case '/':
          // "mg/kg", "et/ou" split as in UD French; "1/10", "+/-", "H/C/562" stay whole.
          cut = prev == kLetter && cls_at(next) == kLetter;
          break;
        case '-':
          if (next < e && s_[next] == '-') {  // "--" used as a dash inside a word
            size_t k = next;
            while (k < e && s_[k] == '-') ++k;
            if (start < i) emit_word(start, i);
            emit(i, k);
            start = k;
            prev = kPunct;
            i = k;
            continue;
          }
          break;
        case '.': case '_': case '&': case '+': case '@': case '#': case '*':
        case '=': case '~': case '^': case '|': case '<': case '>': case '%': case '$':
        case '\'': case 0x2019: case ':': case 0xB0: case 0xB7: case 0x2010: case 0x2011:
          break;  // may occur inside a word, a number, an identifier
        case ',':
          cut = !(prev == kDigit && cls_at(next) == kDigit);
          break;
        case '(': case '[': {
          // "VOIE(S)", "ami(e)s": a bracket right after a letter, closed within the word.
          char close = c.cp == '(' ? ')' : ']';
          size_t j = next;
          while (j < e && s_[j] != close && s_[j] != static_cast<char>(c.cp)) ++j;
          cut = !(prev == kLetter && j < e && s_[j] == close && j > next);
          if (!cut) {  // keep through the closing bracket
            prev = kLetter;
            i = j + 1;
            continue;
          }
          break;
        }
        default:
          cut = true;
      }
    }
    if (cut) {
      if (start < i) emit_word(start, i);
      emit(i, next);
      start = next;
    }
    prev = k;
    i = next;
  }
  if (start < e) emit_word(start, e);
}

// Units split from a number written against it ("160km" -> "160" "km"), as UD French does.
constexpr std::array<std::string_view, 24> kUnits = {
    "km", "m", "cm", "mm", "kg", "g", "mg", "t", "l", "ml", "cl", "dl", "ha", "min", "s", "ms", "kw", "mw",
    "w", "kwh", "v", "go", "mo", "ko"};

// Emits one word, splitting times ("15h30" -> "15" "h" "30", as UD French does), degrees
// ("20°C" -> "20" "°C") and units ("160km" -> "160" "km").
void Scanner::emit_word(size_t b, size_t e) {
  size_t i = b;
  if (i < e && (s_[i] == '-' || s_[i] == '+')) ++i;
  size_t d0 = i;
  while (i < e && s_[i] >= '0' && s_[i] <= '9') ++i;
  if (i > d0 && i < e) {
    size_t digits_end = i;
    if (i - d0 <= 2 && (s_[i] == 'h' || s_[i] == 'H') && d0 == b) {
      size_t m = i + 1;
      size_t j = m;
      while (j < e && s_[j] >= '0' && s_[j] <= '9') ++j;
      if (j == e && (j - m == 0 || j - m == 2)) {
        emit(b, i);
        emit(i, m);
        if (m < e) emit(m, e);
        return;
      }
    }
    // A decimal part: "3,5km", "1.5°".
    if ((s_[i] == ',' || s_[i] == '.') && i + 1 < e && s_[i + 1] >= '0' && s_[i + 1] <= '9') {
      ++i;
      while (i < e && s_[i] >= '0' && s_[i] <= '9') ++i;
      digits_end = i;
    }
    if (digits_end < e) {
      std::string_view rest = s_.substr(digits_end, e - digits_end);
      bool degree = rest.size() >= 2 && static_cast<unsigned char>(rest[0]) == 0xC2 &&
                    static_cast<unsigned char>(rest[1]) == 0xB0;
      if (degree || (fold(rest, buf_) && in_list(buf_, kUnits))) {
        emit(b, digits_end);
        emit(digits_end, e);
        return;
      }
    }
  }
  emit(b, e);
}

// A space that may separate thousands groups: one space, no-break space, narrow no-break space
// or thin space, and nothing else.
bool is_group_gap(std::string_view g) {
  return g == " " || g == "\xc2\xa0" || g == "\xe2\x80\xaf" || g == "\xe2\x80\x89";
}

bool all_digits(std::string_view t) {
  if (t.empty()) return false;
  for (char c : t)
    if (c < '0' || c > '9') return false;
  return true;
}

// Joins "13" "819" into "13 819" and "1" "000" "000" into "1 000 000". The first group has one to
// three digits (an optional sign before), each later group exactly three, the last one possibly
// followed by a decimal part ("1 000,50").
void join_thousands(std::string_view text, std::vector<Span>& tokens) {
  if (tokens.size() < 2) return;
  size_t w = 0;
  size_t n = tokens.size();
  for (size_t r = 0; r < n;) {
    Span cur = tokens[r++];
    std::string_view t = text.substr(cur.begin, cur.end - cur.begin);
    std::string_view digits = (!t.empty() && (t[0] == '-' || t[0] == '+')) ? t.substr(1) : t;
    bool open = all_digits(digits) && digits.size() <= 3;
    while (open && r < n) {
      Span nx = tokens[r];
      std::string_view gap = text.substr(cur.end, nx.begin - cur.end);
      std::string_view g = text.substr(nx.begin, nx.end - nx.begin);
      if (!is_group_gap(gap) || g.size() < 3 || !all_digits(g.substr(0, 3))) break;
      bool exact = g.size() == 3;
      bool decimal = g.size() > 4 && (g[3] == ',' || g[3] == '.') && all_digits(g.substr(4));
      if (!exact && !decimal) break;
      cur.end = nx.end;
      ++r;
      open = exact;
    }
    tokens[w++] = cur;
  }
  tokens.resize(w);
}

}  // namespace

std::vector<Span> tokenize(std::string_view text) {
  if (text.size() > std::numeric_limits<uint32_t>::max()) text = text.substr(0, std::numeric_limits<uint32_t>::max());
  std::vector<Span> tokens;
  tokens.reserve(text.size() / 5 + 4);
  Scanner scanner(text, tokens);
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    // Skip whitespace.
    while (i < n) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (c < 0x80) {
        if (kAscii[c] != kSpace) break;
        ++i;
      } else {
        Cp cp = decode_at(text, i);
        if (classify(cp.cp) != kSpace) break;
        i += cp.len;
      }
    }
    size_t b = i;
    while (i < n) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (c < 0x80) {
        if (kAscii[c] == kSpace) break;
        ++i;
      } else {
        Cp cp = decode_at(text, i);
        if (classify(cp.cp) == kSpace) break;
        i += cp.len;
      }
    }
    if (b < i) scanner.chunk(b, i);
  }
  join_thousands(text, tokens);
  return tokens;
}

namespace {

enum class TokenKind { kWord, kTerminal, kAbbrevPeriod, kTitlePeriod, kClose, kQuote, kSemicolon, kDash, kOther };

TokenKind kind_of(std::string_view t, std::string& buf) {
  Cp c = decode_at(t, 0);
  if (c.len == t.size()) {
    switch (c.cp) {
      case '.': case '!': case '?': case 0x2026: return TokenKind::kTerminal;
      case 0xBB: case 0x201D: case ')': case ']': case 0x203A: return TokenKind::kClose;
      case '"': return TokenKind::kQuote;
      case ';': case ':': return TokenKind::kSemicolon;
      case '-': case 0x2013: case 0x2014: return TokenKind::kDash;
      default: break;
    }
  }
  if (t.size() >= 2 && (t[0] == '.' || t[0] == '!' || t[0] == '?')) {
    bool all = true;
    for (char ch : t) all = all && (ch == '.' || ch == '!' || ch == '?');
    if (all) return TokenKind::kTerminal;
  }
  if (t == "--") return TokenKind::kDash;
  if (t.size() >= 2 && t.back() == '.') {
    std::string_view stem = t.substr(0, t.size() - 1);
    Cp f = decode_at(stem, 0);
    if (f.len == stem.size() && is_upper(f.cp)) return TokenKind::kTitlePeriod;  // initial
    if (fold(stem, buf) && in_list(buf, kTitleAbbrev)) return TokenKind::kTitlePeriod;
    // Initials ("J.-P.", "R.-G.", "F.L.") precede a surname; "J.-C." ends dates.
    if ((stem.find('-') != std::string_view::npos || stem.size() == 3) && stem.size() <= 8 && buf != "j.-c") {
      bool initials = true;
      for (char ch : stem) initials = initials && (ch == '.' || ch == '-' || (ch >= 'A' && ch <= 'Z'));
      if (initials) return TokenKind::kTitlePeriod;
    }
    return TokenKind::kAbbrevPeriod;
  }
  return classify(c.cp) == kPunct ? TokenKind::kOther : TokenKind::kWord;
}

// A word of at least two letters, all capitals ("ANGIOX", "D'ADMINISTRATION").
bool is_caps_word(std::string_view t) {
  size_t letters = 0;
  for (size_t i = 0; i < t.size();) {
    Cp c = decode_at(t, i);
    if (is_lower(c.cp)) return false;
    if (is_upper(c.cp)) ++letters;
    i += c.len;
  }
  return letters >= 2;
}

// Whether a token can start a sentence.
bool can_start(std::string_view t, bool quote_open) {
  Cp c = decode_at(t, 0);
  if (is_upper(c.cp)) return true;
  CharClass k = classify(c.cp);
  if (k == kDigit) return true;
  if (k != kPunct) return false;
  switch (c.cp) {
    case 0xAB: case 0x201C: case 0x201E: case '(': case '[': case '-': case 0x2013: case 0x2014: case 0xBF:
    case 0xA1: case 0x2039: case '\'': case 0x2018: case 0x2022: case '*':
      return true;
    case '"':
      return !quote_open;
    case '.':
      return t.size() >= 3;  // "(...)" style ellipsis opening a sentence
    default:
      return false;
  }
}

}  // namespace

constexpr bool kColonEndsBeforeCapital = false;

// Capitalised words that start a sentence even right after a lowercase word.
constexpr std::array<std::string_view, 23> kMidSentenceStarters = {
    "il", "ils", "elle", "elles", "ce", "cette", "ces", "cet", "on", "nous", "je", "mais", "selon", "depuis",
    "cependant", "toutefois", "ainsi", "alors", "c'", "qu'", "j'", "c\xe2\x80\x99", "j\xe2\x80\x99"};
// Words after which a capitalised word may begin a title or a name.
constexpr std::array<std::string_view, 62> kTitleIntroducers = {
    "de", "du", "des", "le", "la", "les", "un", "une", "\xc3\xa0", "au", "aux", "en", "dans", "par", "pour", "sur",
    "avec", "sans", "sous", "chez", "vers", "et", "ou", "mais", "que", "qui", "dont", "o\xc3\xb9", "ce", "cette",
    "ces", "son", "sa", "ses", "leur", "leurs", "mon", "ma", "mes", "notre", "nos", "votre", "vos", "entre",
    "contre", "selon", "apr\xc3\xa8s", "avant", "depuis", "pendant", "est", "sont", "film", "livre", "journal",
    "album", "titre", "intitul\xc3\xa9", "telles", "tels", "lesquelles", "lesquels"};
constexpr bool kLowercaseAfterBareMark = true;
constexpr bool kLowercaseAfterAnyMark = false;

namespace sentences {

std::vector<uint8_t> sentence_rule_gaps(std::string_view text, std::span<const Span> tokens) {
  const size_t n = tokens.size();
  std::vector<uint8_t> gaps(n > 1 ? n - 1 : 0, kRuleNo);
  if (n < 2) return gaps;
  std::string buf;
  auto tok = [&](size_t i) { return text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin); };
  size_t first = 0;
  int quotes = 0;    // '"' seen in the current sentence
  int brackets = 0;  // unclosed "(" / "[" / "«"
  auto close_sentence = [&](size_t last, uint8_t label) {  // inclusive
    if (last + 1 < n) gaps[last] = static_cast<uint8_t>((gaps[last] & ~kRuleMask) | label);
    first = last + 1;
    quotes = 0;
    brackets = 0;
  };
  auto line_break_between = [&](size_t a, size_t b) -> int {  // 0 none, 1 single, 2 blank line
    int nl = 0;
    for (uint32_t k = tokens[a].end; k < tokens[b].begin; ++k)
      if (text[k] == '\n') ++nl;
    return std::min(nl, 2);
  };
  auto context = [&]() {
    return static_cast<uint8_t>((quotes % 2 == 1 ? kQuoteOpen : 0) | (brackets > 0 ? kBracketOpen : 0));
  };
  for (size_t i = 0; i < n; ++i) {
    std::string_view t = tok(i);
    TokenKind kind = kind_of(t, buf);
    if (kind == TokenKind::kQuote) ++quotes;
    Cp c0 = decode_at(t, 0);
    if (c0.cp == '(' || c0.cp == '[' || c0.cp == 0xAB) ++brackets;
    if ((kind == TokenKind::kClose) && brackets > 0) --brackets;
    if (i + 1 == n) break;
    gaps[i] = context();
    // "M. Dupont", "J. K. Rowling": a title or an initial never ends a sentence.
    if (kind == TokenKind::kTitlePeriod) gaps[i] |= kForcedNo;
    size_t end = i;  // last token of the sentence if it ends here
    bool boundary = false;
    if (kind == TokenKind::kTerminal || kind == TokenKind::kAbbrevPeriod) {
      // Absorb further terminal marks and closing quotes or brackets.
      size_t j = i + 1;
      while (j < n) {
        std::string_view u = tok(j);
        TokenKind k = kind_of(u, buf);
        if (line_break_between(j - 1, j)) break;
        if (k == TokenKind::kTerminal && kind != TokenKind::kAbbrevPeriod) {
        } else if (k == TokenKind::kClose) {
          if (brackets > 0) --brackets;
          else if (decode_at(u, 0).cp != 0xBB && decode_at(u, 0).cp != 0x201D) break;
        } else if (k == TokenKind::kQuote &&
                   (quotes % 2 == 1 || j + 1 == n || tokens[j + 1].begin > tokens[j].end)) {
          // An open quote, or one not glued to the next word: it closes.
          ++quotes;
        } else {
          break;
        }
        gaps[j - 1] = static_cast<uint8_t>(context() | kForcedNo);  // never inside "! »"
        ++j;
      }
      end = j - 1;
      if (j == n) break;  // the text ends: one sentence anyway
      gaps[end] = static_cast<uint8_t>((gaps[end] & kRuleMask) | context());
      std::string_view next = tok(j);
      if (kind == TokenKind::kAbbrevPeriod) {
        // "etc. Le" ends a sentence; "J.-C. par" does not.
        boundary = end > i ? can_start(next, quotes % 2 == 1) : is_upper(decode_at(next, 0).cp);
      } else {
        boundary = can_start(next, quotes % 2 == 1);
        // A bare mark (no closing quote or bracket after it) followed by a lowercase word still
        // ends the sentence: "... à 9 h. à noter", lowercase sentence starts in user text.
        if (!boundary && kLowercaseAfterBareMark && end == i && is_lower(decode_at(next, 0).cp) &&
            (t == "." || t == "?" || t == "!" || kLowercaseAfterAnyMark))
          boundary = true;
      }
      if (!boundary) {
        i = j - 1;
        // fall through to the line-break check below for token j-1
      }
    } else if (kind == TokenKind::kWord && i > first && is_caps_word(t) && is_caps_word(tok(i - 1))) {
      // A heading in capitals followed by text: "CONTRE-INDICATIONS Angiox est ...".
      std::string_view next = tok(i + 1);
      boundary = is_upper(decode_at(next, 0).cp) && !is_caps_word(next) && next.size() > 1;
    } else if (kind == TokenKind::kWord && is_lower(c0.cp) && t.size() >= 2) {
      // An untitled heading or a missing period: "... du village Il semble que ...". A capitalised
      // subject pronoun or connective after a lowercase word does not occur inside a sentence,
      // except after words that introduce titles ("le film Je hais les acteurs").
      std::string_view next = tok(i + 1);
      if (is_upper(decode_at(next, 0).cp) && fold(next, buf) && in_list(buf, kMidSentenceStarters) &&
          fold(t, buf) && !in_list(buf, kTitleIntroducers))
        boundary = true;
    } else if (kind == TokenKind::kSemicolon) {
      std::string_view next = tok(i + 1);
      boundary = kind_of(next, buf) == TokenKind::kDash || (t == ";" && is_upper(decode_at(next, 0).cp)) ||
                 (kColonEndsBeforeCapital && t == ":" && is_upper(decode_at(next, 0).cp));
    }
    if (boundary) {
      close_sentence(end, kRuleYes);
      i = end;
      continue;
    }
    if (i + 1 < n) {
      int lb = line_break_between(i, i + 1);
      if (lb == 2 || (lb == 1 && !is_lower(decode_at(tok(i + 1), 0).cp))) {
        close_sentence(i, kForcedYes);
      } else if (lb == 1) {
        gaps[i] = static_cast<uint8_t>((gaps[i] & ~kRuleMask) | kForcedNo);  // a hard-wrapped line
      }
    }
  }
  return gaps;
}

}  // namespace sentences

std::vector<SentenceSpan> split_sentences(std::string_view text, std::span<const Span> tokens,
                                          const SentenceModel* model) {
  using namespace sentences;
  std::vector<SentenceSpan> out;
  const size_t n = tokens.size();
  if (n == 0) return out;
  std::vector<uint8_t> gaps = sentence_rule_gaps(text, tokens);
  std::vector<bool> ends(n, false);
  ends[n - 1] = true;
  if (model == nullptr) {
    for (size_t g = 0; g + 1 < n; ++g) ends[g] = (gaps[g] & 1) != 0;  // kRuleYes, kForcedYes
  } else {
    GapFeaturizer featurizer(text, tokens, gaps, &model->params().lexicon);
    std::vector<uint32_t> features;
    const uint32_t bits = model->params().hash_bits;
    size_t since = 0;  // tokens since the last boundary
    for (size_t g = 0; g + 1 < n; ++g) {
      ++since;
      const uint8_t rule = gaps[g] & kRuleMask;
      bool end = rule == kRuleYes || rule == kForcedYes;
      if (featurizer.candidate(g)) {
        featurizer.features(g, since, bits, features);
        end = model->score(features) > 0;
      }
      ends[g] = end;
      if (end) since = 0;
    }
  }
  size_t first = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!ends[i]) continue;
    out.push_back(SentenceSpan{Span{tokens[first].begin, tokens[i].end}, static_cast<uint32_t>(first),
                               static_cast<uint32_t>(i + 1 - first)});
    first = i + 1;
  }
  return out;
}

const SentenceModel* default_splitter_model() {
  const auto& m = default_sentence_model();
  return m.ok() ? m.value().get() : nullptr;
}

std::vector<SentenceSpan> split_sentences(std::string_view text, std::span<const Span> tokens) {
  return split_sentences(text, tokens, default_splitter_model());
}

Tokenization tokenize_and_split(std::string_view text, const SentenceModel* model) {
  Tokenization r;
  r.tokens = tokenize(text);
  r.sentences = split_sentences(text, r.tokens, model);
  return r;
}

Tokenization tokenize_and_split(std::string_view text) { return tokenize_and_split(text, default_splitter_model()); }

}  // namespace veille
