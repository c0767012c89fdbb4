// Charset detection and conversion to UTF-8: BOM, declared charset, HTML prescan, then uchardet;
// conversion with ICU (windows-1252 and UTF-8, by far the most common on French pages, have fast
// paths of their own).
#include <unicode/ucnv.h>
#include <uchardet/uchardet.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <memory>

#include "ingest/ingest_internal.h"

namespace veille {

namespace ingest {

namespace {

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

std::string lower_trim(std::string_view s) {
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '"' || c == '\'';
  };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (ascii_lower(s[i]) != prefix[i]) return false;
  return true;
}

struct Label {
  const char* label;
  const char* canonical;
};

// A subset of the WHATWG Encoding Standard's label table: the labels seen on real pages.
constexpr Label kLabels[] = {
    {"utf-8", "utf-8"}, {"utf8", "utf-8"}, {"unicode-1-1-utf-8", "utf-8"},
    {"x-unicode20utf8", "utf-8"},
    {"utf-16", "utf-16le"}, {"utf-16le", "utf-16le"}, {"ucs-2", "utf-16le"},
    {"unicode", "utf-16le"}, {"csunicode", "utf-16le"}, {"utf-16be", "utf-16be"},
    // Browsers decode all of these as windows-1252.
    {"windows-1252", "windows-1252"}, {"cp1252", "windows-1252"}, {"x-cp1252", "windows-1252"},
    {"iso-8859-1", "windows-1252"}, {"iso8859-1", "windows-1252"}, {"iso_8859-1", "windows-1252"},
    {"iso88591", "windows-1252"}, {"iso_8859-1:1987", "windows-1252"}, {"latin1", "windows-1252"},
    {"latin-1", "windows-1252"}, {"l1", "windows-1252"}, {"cp819", "windows-1252"},
    {"ibm819", "windows-1252"}, {"iso-ir-100", "windows-1252"}, {"csisolatin1", "windows-1252"},
    {"ascii", "windows-1252"}, {"us-ascii", "windows-1252"}, {"ansi_x3.4-1968", "windows-1252"},
    {"iso-8859-15", "iso-8859-15"}, {"iso8859-15", "iso-8859-15"}, {"iso_8859-15", "iso-8859-15"},
    {"iso885915", "iso-8859-15"}, {"latin9", "iso-8859-15"}, {"latin-9", "iso-8859-15"},
    {"l9", "iso-8859-15"}, {"csisolatin9", "iso-8859-15"},
    {"iso-8859-2", "iso-8859-2"}, {"iso8859-2", "iso-8859-2"}, {"latin2", "iso-8859-2"},
    {"l2", "iso-8859-2"}, {"iso-8859-3", "iso-8859-3"}, {"iso-8859-4", "iso-8859-4"},
    {"iso-8859-5", "iso-8859-5"}, {"iso-8859-6", "iso-8859-6"}, {"iso-8859-7", "iso-8859-7"},
    {"iso-8859-8", "iso-8859-8"}, {"iso-8859-8-i", "iso-8859-8"}, {"iso-8859-10", "iso-8859-10"},
    {"iso-8859-13", "iso-8859-13"}, {"iso-8859-14", "iso-8859-14"}, {"iso-8859-16", "iso-8859-16"},
    {"iso-8859-9", "windows-1254"}, {"latin5", "windows-1254"}, {"windows-1254", "windows-1254"},
    {"iso-8859-11", "windows-874"}, {"tis-620", "windows-874"}, {"windows-874", "windows-874"},
    {"windows-1250", "windows-1250"}, {"cp1250", "windows-1250"},
    {"windows-1251", "windows-1251"}, {"cp1251", "windows-1251"},
    {"windows-1253", "windows-1253"}, {"windows-1255", "windows-1255"},
    {"windows-1256", "windows-1256"}, {"windows-1257", "windows-1257"},
    {"windows-1258", "windows-1258"},
    {"koi8-r", "koi8-r"}, {"koi8", "koi8-r"}, {"koi8-u", "koi8-u"}, {"ibm866", "ibm866"},
    {"cp866", "ibm866"}, {"macintosh", "macintosh"}, {"mac", "macintosh"},
    {"x-mac-roman", "macintosh"}, {"mac-cyrillic", "x-mac-cyrillic"},
    {"x-mac-cyrillic", "x-mac-cyrillic"},
    {"shift_jis", "shift_jis"}, {"shift-jis", "shift_jis"}, {"sjis", "shift_jis"},
    {"x-sjis", "shift_jis"}, {"ms_kanji", "shift_jis"}, {"windows-31j", "shift_jis"},
    {"csshiftjis", "shift_jis"}, {"euc-jp", "euc-jp"}, {"x-euc-jp", "euc-jp"},
    {"iso-2022-jp", "iso-2022-jp"}, {"euc-kr", "euc-kr"}, {"ks_c_5601-1987", "euc-kr"},
    {"windows-949", "euc-kr"}, {"gbk", "gbk"}, {"gb2312", "gbk"}, {"x-gbk", "gbk"},
    {"chinese", "gbk"}, {"csgb2312", "gbk"}, {"gb18030", "gb18030"}, {"big5", "big5"},
    {"big5-hkscs", "big5"}, {"cn-big5", "big5"}, {"x-x-big5", "big5"}, {"euc-tw", "euc-tw"},
    {"hz-gb-2312", "hz-gb-2312"}, {"viscii", "viscii"}, {"utf-32", "utf-32le"},
};

// ICU converter names where they differ from the canonical names.
const char* icu_name(const std::string& canonical) {
  if (canonical == "shift_jis") return "windows-31j";
  if (canonical == "euc-kr") return "windows-949";
  if (canonical == "gbk") return "GB18030";  // a superset of GBK, as browsers decode it
  if (canonical == "big5") return "windows-950";
  if (canonical == "x-mac-cyrillic") return "x-mac-cyrillic";
  if (canonical == "hz-gb-2312") return "HZ";
  return canonical.c_str();
}

bool is_utf16(std::string_view cs) { return cs == "utf-16le" || cs == "utf-16be"; }

// Per byte value: how the windows-1252 byte reads in UTF-8 (as the WHATWG index: the five
// unassigned bytes map to the C1 controls of the same value).
struct Cp1252Table {
  std::array<std::array<char, 4>, 128> utf8{};  // [0] is the length
  Cp1252Table() {
    static const uint16_t k80[32] = {
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
    for (int b = 0x80; b < 0x100; ++b) {
      uint32_t cp = b < 0xA0 ? k80[b - 0x80] : static_cast<uint32_t>(b);
      auto& e = utf8[b - 0x80];
      if (cp < 0x800) {
        e = {2, static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F)), 0};
      } else {
        e = {3, static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
             static_cast<char>(0x80 | (cp & 0x3F))};
      }
    }
  }
};

void append_cp1252(std::string_view bytes, std::string* out) {
  static const Cp1252Table table;
  out->reserve(out->size() + bytes.size() + bytes.size() / 8);
  for (char ch : bytes) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == 0) {
      out->append("\xEF\xBF\xBD");
    } else if (c < 0x80) {
      out->push_back(ch);
    } else {
      const auto& e = table.utf8[c - 0x80];
      out->append(e.data() + 1, static_cast<size_t>(e[0]));
    }
  }
}

// Decodes with an ICU converter; invalid input becomes U+FFFD. Returns false if ICU has no
// converter of that name.
bool append_icu(std::string_view bytes, const char* charset, std::string* out) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> src(ucnv_open(charset, &err), ucnv_close);
  if (U_FAILURE(err) || !src) return false;
  err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> dst(ucnv_open("UTF-8", &err), ucnv_close);
  if (U_FAILURE(err) || !dst) return false;
  // Substitute U+FFFD for bytes that have no mapping (ICU's default for some single-byte
  // charsets is U+001A).
  static const UChar kFffd[] = {0xFFFD};
  err = U_ZERO_ERROR;
  ucnv_setSubstString(src.get(), kFffd, 1, &err);
  err = U_ZERO_ERROR;
  UChar pivot[4096];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  const char* source = bytes.data();
  const char* source_limit = bytes.data() + bytes.size();
  char chunk[16384];
  bool reset = true;
  for (;;) {
    char* target = chunk;
    err = U_ZERO_ERROR;
    ucnv_convertEx(dst.get(), src.get(), &target, chunk + sizeof chunk, &source, source_limit,
                   pivot, &pivot_source, &pivot_target, pivot + 4096, reset, /*flush=*/true, &err);
    reset = false;
    out->append(chunk, static_cast<size_t>(target - chunk));
    if (err == U_BUFFER_OVERFLOW_ERROR) continue;
    break;
  }
  if (U_FAILURE(err)) return false;
  return true;
}

struct Utf8Stats {
  size_t multibyte = 0;  // valid sequences of 2 to 4 bytes
  size_t invalid = 0;    // maximal invalid subparts
};

// Length of the valid sequence starting at s[0] (1 to 4), or, negated, the length of the maximal
// invalid subpart (at least 1).
inline int utf8_sequence(const unsigned char* s, size_t avail) {
  unsigned char c = s[0];
  if (c < 0x80) return 1;
  int len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return -1;
  }
  for (int k = 1; k < len; ++k) {
    if (static_cast<size_t>(k) >= avail) return -k;
    unsigned char b = s[k];
    if (b < lo || b > hi) return -k;
    lo = 0x80;
    hi = 0xBF;
  }
  return len;
}

inline bool all_ascii8(const unsigned char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return (w & 0x8080808080808080ull) == 0;
}

// The index of the first byte >= 0x80 at or after i (n if none). Pages are mostly ASCII markup
// with an accented letter every few dozen bytes: 16 bytes per test while none is seen, then the
// word holding it, whose first high bit gives its position (rather than testing the word's bytes
// one by one), keep the UTF-8 scan, run on every page by the main thread while ingesting, cheap.
// Measured on generated pages (1.3% of bytes non-ASCII): 16-byte steps beat 8 (-29% instructions
// in utf8_stats); adding 32-byte steps first cost more than they saved.
inline size_t skip_ascii(const unsigned char* p, size_t i, size_t n) {
  for (; i + 16 <= n; i += 16) {
    uint64_t w[2];
    std::memcpy(w, p + i, 16);
    if (((w[0] | w[1]) & 0x8080808080808080ull) != 0) break;
  }
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    uint64_t high = w & 0x8080808080808080ull;
    if (high == 0) continue;
    if constexpr (std::endian::native == std::endian::little)
      return i + static_cast<size_t>(std::countr_zero(high) >> 3);
    else
      return i + static_cast<size_t>(std::countl_zero(high) >> 3);
  }
  while (i < n && p[i] < 0x80) ++i;
  return i;
}

Utf8Stats utf8_stats(std::string_view bytes) {
  Utf8Stats st;
  auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size(), i = 0;
  while ((i = skip_ascii(p, i, n)) < n) {
    int len = utf8_sequence(p + i, n - i);
    if (len < 0) {
      ++st.invalid;
      i += static_cast<size_t>(-len);
    } else {
      if (len > 1) ++st.multibyte;
      i += static_cast<size_t>(len);
    }
  }
  return st;
}

// Valid multi-byte sequences that make an undeclared file with invalid bytes UTF-8 (repaired)
// rather than a legacy charset, when they are at least a quarter as many as the invalid parts.
constexpr size_t kDamagedUtf8MinSequences = 3;

std::string detect_charset(std::string_view bytes) {
  std::unique_ptr<uchardet, void (*)(uchardet_t)> ud(uchardet_new(), uchardet_delete);
  // The first MiB is plenty to tell charsets apart and keeps detection cheap on huge pages.
  std::string_view sample = bytes.substr(0, size_t{1} << 20);
  std::string cs;
  if (ud && uchardet_handle_data(ud.get(), sample.data(), sample.size()) == 0) {
    uchardet_data_end(ud.get());
    const char* name = uchardet_get_charset(ud.get());
    if (name) cs = canonical_charset(name);
  }
  // ASCII cannot be the answer for bytes that are not valid UTF-8; French pages that fool the
  // detector are windows-1252 far more often than anything else.
  if (cs.empty() || cs == "utf-8" || is_utf16(cs) || cs == "utf-32le") cs = "windows-1252";
  return cs;
}

std::string_view attribute_value(std::string_view s, size_t* i) {
  while (*i < s.size() && (s[*i] == ' ' || s[*i] == '\t' || s[*i] == '\n' || s[*i] == '\r' ||
                           s[*i] == '\f'))
    ++*i;
  if (*i >= s.size()) return {};
  char q = s[*i];
  if (q == '"' || q == '\'') {
    size_t end = s.find(q, *i + 1);
    if (end == std::string_view::npos) end = s.size();
    std::string_view v = s.substr(*i + 1, end - *i - 1);
    *i = end + 1;
    return v;
  }
  size_t start = *i;
  while (*i < s.size() && s[*i] != ' ' && s[*i] != '\t' && s[*i] != '\n' && s[*i] != '\r' &&
         s[*i] != '>' && s[*i] != '\f')
    ++*i;
  return s.substr(start, *i - start);
}

}  // namespace

std::string canonical_charset(std::string_view label) {
  std::string l = lower_trim(label);
  if (l.empty()) return {};
  for (const Label& e : kLabels)
    if (l == e.label) return e.canonical;
  if (l.starts_with("x-user-defined")) return "windows-1252";
  return {};
}

std::string charset_from_content_type(std::string_view ct) {
  for (size_t i = 0; i + 7 <= ct.size(); ++i) {
    if (!istarts_with(ct.substr(i), "charset")) continue;
    size_t j = i + 7;
    while (j < ct.size() && (ct[j] == ' ' || ct[j] == '\t')) ++j;
    if (j >= ct.size() || ct[j] != '=') continue;
    ++j;
    while (j < ct.size() && (ct[j] == ' ' || ct[j] == '\t')) ++j;
    if (j < ct.size() && (ct[j] == '"' || ct[j] == '\'')) {
      char q = ct[j++];
      size_t end = ct.find(q, j);
      return std::string(ct.substr(j, end == std::string_view::npos ? end : end - j));
    }
    size_t end = j;
    while (end < ct.size() && ct[end] != ';' && ct[end] != ' ' && ct[end] != '\t' &&
           ct[end] != ',')
      ++end;
    return std::string(ct.substr(j, end - j));
  }
  return {};
}

std::string sniff_html_charset(std::string_view html) {
  std::string_view s = html.substr(0, 4096);
  {
    size_t k = 0;
    while (k < s.size() && (s[k] == ' ' || s[k] == '\n' || s[k] == '\r' || s[k] == '\t')) ++k;
    if (istarts_with(s.substr(k), "<?xml")) {
      size_t end = s.find("?>", k);
      std::string_view decl = s.substr(k, end == std::string_view::npos ? s.size() - k : end - k);
      for (size_t i = 0; i + 8 <= decl.size(); ++i) {
        if (!istarts_with(decl.substr(i), "encoding")) continue;
        size_t j = i + 8;
        while (j < decl.size() && decl[j] == ' ') ++j;
        if (j < decl.size() && decl[j] == '=') {
          ++j;
          std::string v(attribute_value(decl, &j));
          if (!canonical_charset(v).empty()) return v;
        }
        break;
      }
    }
  }
  size_t i = 0;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    std::string_view rest = s.substr(i);
    if (rest.starts_with("<!--")) {
      size_t end = s.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    if (!(istarts_with(rest, "<meta") && rest.size() > 5 &&
          (rest[5] == ' ' || rest[5] == '\t' || rest[5] == '\n' || rest[5] == '\r' ||
           rest[5] == '/' || rest[5] == '\f'))) {
      ++i;
      continue;
    }
    // Attributes of this <meta>, up to its '>'.
    size_t j = i + 5;
    bool pragma = false;
    std::string charset, content;
    while (j < s.size() && s[j] != '>') {
      char c = s[j];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/') {
        ++j;
        continue;
      }
      size_t name_start = j;
      while (j < s.size() && s[j] != '=' && s[j] != ' ' && s[j] != '>' && s[j] != '/' &&
             s[j] != '\t' && s[j] != '\n' && s[j] != '\r')
        ++j;
      std::string name = lower_trim(s.substr(name_start, j - name_start));
      while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r')) ++j;
      std::string_view value;
      if (j < s.size() && s[j] == '=') {
        ++j;
        value = attribute_value(s, &j);
      }
      if (name == "charset" && charset.empty()) charset = std::string(value);
      else if (name == "http-equiv") pragma = lower_trim(value) == "content-type";
      else if (name == "content" && content.empty()) content = std::string(value);
    }
    if (!charset.empty() && !canonical_charset(charset).empty()) return charset;
    if (pragma && !content.empty()) {
      std::string cs = charset_from_content_type(content);
      if (!canonical_charset(cs).empty()) return cs;
    }
    i = j;
  }
  return {};
}

bool is_valid_utf8(std::string_view bytes) {
  auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size(), i = 0;
  while ((i = skip_ascii(p, i, n)) < n) {
    int len = utf8_sequence(p + i, n - i);
    if (len < 0) return false;
    i += static_cast<size_t>(len);
  }
  return true;
}

void append_sanitized_utf8(std::string_view bytes, std::string* out) {
  auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size(), i = 0, run = 0;  // [run, i) is valid and not yet copied
  out->reserve(out->size() + n);
  while (i < n) {
    if (i + 8 <= n && all_ascii8(p + i) && !std::memchr(p + i, 0, 8)) {
      i += 8;
      continue;
    }
    if (p[i] == 0) {
      out->append(bytes.data() + run, i - run);
      out->append("\xEF\xBF\xBD");
      run = ++i;
      continue;
    }
    int len = utf8_sequence(p + i, n - i);
    if (len > 0) {
      i += static_cast<size_t>(len);
      continue;
    }
    out->append(bytes.data() + run, i - run);
    out->append("\xEF\xBF\xBD");
    i += static_cast<size_t>(-len);
    run = i;
  }
  out->append(bytes.data() + run, n - run);
}

namespace {

// What to_utf8 decided for some bytes: the charset to decode them from and how long a BOM to drop.
struct Decision {
  std::string charset;
  size_t bom = 0;
  bool known_valid = false;  // the bytes after the BOM were already checked as valid UTF-8
};

Decision decide_charset(std::string_view bytes, std::string_view declared, bool is_html) {
  Decision d;
  std::string& cs = d.charset;
  auto* u = reinterpret_cast<const unsigned char*>(bytes.data());
  if (bytes.size() >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
    cs = "utf-8";
    d.bom = 3;
  } else if (bytes.size() >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
    cs = "utf-16le";
    d.bom = 2;
  } else if (bytes.size() >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
    cs = "utf-16be";
    d.bom = 2;
  } else {
    cs = canonical_charset(declared);
    if (cs.empty() && is_html) {
      cs = canonical_charset(sniff_html_charset(bytes));
      // A page cannot declare itself UTF-16 from inside (its ASCII markup says otherwise).
      if (is_utf16(cs) || cs == "utf-32le") cs = "utf-8";
    }
    if (cs.empty()) {
      Utf8Stats st = utf8_stats(bytes);
      d.known_valid = st.invalid == 0;
      // Valid multi-byte sequences almost never occur by chance in legacy text (windows-1252
      // would need "Ã©"-like pairs), so a few of them mark a UTF-8 file with some damaged bytes
      // (a paste of Latin-1 text, a cut sequence): keep UTF-8 and repair with U+FFFD rather than
      // re-decode the whole file as windows-1252 and garble its good part.
      const bool mostly_utf8 = st.multibyte > 8 * st.invalid ||
                               (st.multibyte >= kDamagedUtf8MinSequences && st.multibyte * 4 >= st.invalid);
      cs = st.invalid == 0 || mostly_utf8 ? "utf-8" : detect_charset(bytes);
    } else if (!is_utf16(cs) && cs != "utf-32le") {
      Utf8Stats st = utf8_stats(bytes);
      d.known_valid = st.invalid == 0;
      if (cs == "utf-8") {
        // Declared UTF-8 but no valid multi-byte sequence and some invalid bytes: a legacy page
        // under a wrong declaration.
        if (st.invalid > 0 && st.multibyte * 10 < st.invalid) cs = detect_charset(bytes);
      } else if (st.multibyte > 0 && (st.invalid == 0 || st.multibyte >= 8 * st.invalid)) {
        // Declared legacy, but the bytes are (almost all) UTF-8 multi-byte sequences.
        cs = "utf-8";
      }
    }
  }
  return d;
}

// True when UTF-8 bytes go out as they are: valid, and without NUL (which becomes U+FFFD).
bool utf8_as_is(std::string_view bytes, const Decision& d) {
  return d.charset == "utf-8" && std::memchr(bytes.data(), 0, bytes.size()) == nullptr &&
         (d.known_valid || is_valid_utf8(bytes));
}

// Decodes the bytes after the BOM from d.charset (which may fall back to windows-1252 when ICU
// has no converter) into a new string.
std::string convert(std::string_view bytes, Decision& d) {
  std::string& cs = d.charset;
  std::string out;
  if (cs == "utf-8") {
    if (utf8_as_is(bytes, d)) {
      out.assign(bytes);
    } else {
      append_sanitized_utf8(bytes, &out);
    }
  } else if (cs == "windows-1252") {
    append_cp1252(bytes, &out);
  } else {
    std::string decoded;
    if (append_icu(bytes, icu_name(cs), &decoded)) {
      // ICU decodes a NUL as U+0000 and UTF-16 text may hold stray ones: same rule as UTF-8.
      if (decoded.find('\0') != std::string::npos || !is_valid_utf8(decoded))
        append_sanitized_utf8(decoded, &out);
      else
        out = std::move(decoded);
    } else {
      cs = "windows-1252";
      append_cp1252(bytes, &out);
    }
  }
  return out;
}

}  // namespace

}  // namespace ingest

std::string to_utf8(std::string_view bytes, std::string_view declared, bool is_html,
                    std::string* used) {
  ingest::Decision d = ingest::decide_charset(bytes, declared, is_html);
  std::string out = ingest::convert(bytes.substr(d.bom), d);
  if (used) *used = std::move(d.charset);
  return out;
}

std::string to_utf8(std::string&& bytes, std::string_view declared, bool is_html,
                    std::string* used) {
  ingest::Decision d = ingest::decide_charset(bytes, declared, is_html);
  std::string_view view = std::string_view(bytes).substr(d.bom);
  if (ingest::utf8_as_is(view, d)) {
    // The common case (a valid UTF-8 page): hand the caller's buffer back rather than copy it
    // into a fresh allocation, whose first touch page-faults on a 150 KB page. Dropping a BOM
    // moves the bytes down in place.
    bytes.erase(0, d.bom);
    if (used) *used = std::move(d.charset);
    return std::move(bytes);
  }
  std::string out = ingest::convert(view, d);
  if (used) *used = std::move(d.charset);
  return out;
}

}  // namespace veille
