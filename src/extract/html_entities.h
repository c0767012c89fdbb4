// HTML character references (WHATWG HTML, "character reference state"): the named table and the
// decoder the native HTML parser uses in text and attribute values.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace veille::html {

// One named character reference. `name` is what follows '&', with its ';' when the name has one
// (the legacy names such as "amp" or "eacute" also appear without it). `second` is 0 for the
// references that stand for one code point.
struct NamedReference {
  std::string_view name;
  char32_t first;
  char32_t second;
};

// The WHATWG table (html_entities_table.cpp, generated from html_entities.txt), sorted by name in
// byte order.
extern const NamedReference kNamedReferences[];
extern const size_t kNamedReferenceCount;

// The reference named exactly `name` (with its ';' if any), or nullptr.
const NamedReference* find_named_reference(std::string_view name);

// Appends code point `cp` to `out` as UTF-8. REQUIRES: cp <= 0x10FFFF and not a surrogate.
void append_utf8(char32_t cp, std::string& out);

// The code point a numeric reference &#N; stands for: 0, surrogates and values past U+10FFFF give
// U+FFFD; 0x80-0x9F are read as windows-1252 (what pages that write &#146; mean).
char32_t numeric_reference_value(unsigned long long value);

// Decodes the character reference that starts right after an '&' at the beginning of `s`,
// appending its text to `out`. Returns the number of bytes of `s` it consumed, or 0 when `s` does
// not start a reference (the '&' is then a literal, and so are the bytes after it).
// `in_attribute`: the attribute-value rule, under which a legacy name written without ';' and
// followed by '=' or an alphanumeric is not a reference ("?a=1&copy=2" keeps its "&copy").
size_t decode_reference(std::string_view s, bool in_attribute, std::string& out);

}  // namespace veille::html
