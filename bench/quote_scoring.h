// How the quotation benches score a predicted quote against a gold one: texts compared after
// whitespace and apostrophe normalisation, speakers by canonical entity or by surface. One
// definition, so that the seeds figure and the test-set figures mean the same thing.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "nlp/entities.h"
#include "veille/quotes.h"

namespace veille::bench {

// Whitespace runs (spaces, tabs, newlines, no-break and thin spaces) as one space, ’ as ', trimmed.
inline std::string normalise_quote_text(std::string_view s) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  auto three = [&](size_t i, unsigned char b2) {
    return byte(i) == 0xE2 && i + 2 < s.size() && byte(i + 1) == 0x80 && byte(i + 2) == b2;
  };
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = byte(i);
    size_t len = 0;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') len = 1;
    else if (c == 0xC2 && i + 1 < s.size() && byte(i + 1) == 0xA0) len = 2;
    else if (three(i, 0xAF) || three(i, 0x89)) len = 3;
    if (len) {
      space = true;
      i += len - 1;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    if (three(i, 0x99)) {
      out += '\'';
      i += 2;
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

// The gold speaker (a name, or null for a quote without one) against the prediction: the canonical
// entity when there is one, else the surface equal to, inside or containing the gold name.
inline bool speaker_right(const nlohmann::json& gold, const Quote& q) {
  if (gold.is_null()) return !q.speaker;
  if (!q.speaker) return false;
  const std::string g = fold_entity_name(gold.get<std::string>());
  if (q.speaker_entity && fold_entity_name(*q.speaker_entity) == g) return true;
  const std::string s = fold_entity_name(*q.speaker);
  if (s == g) return true;
  if (!q.speaker_entity) return s.find(g) != std::string::npos || g.find(s) != std::string::npos;
  return false;
}

}  // namespace veille::bench
