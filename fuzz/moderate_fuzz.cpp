// libFuzzer target: the moderation normaliser and lexicon matcher on arbitrary bytes (capped at
// 64 KiB). Checks term spans stay inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "moderate/lexicon.h"
#include "moderate/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 65536) return 0;
  static auto lexicon = veille::moderate::Lexicon::parse(
      "connard\tinsult\nmerde\tprofanity\ncouilles\tprofanity\nfouteur\tinsult\n"
      "va te faire foutre\tinsult\ncanard\tsafe\n", "fuzz");
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<veille::moderate::ModToken> tokens;
  veille::moderate::tokenize_for_moderation(text, &tokens);
  for (const auto& t : tokens)
    if (t.begin > t.end || t.end > size) std::abort();
  std::vector<veille::moderate::TermHit> hits;
  (*lexicon)->find_terms(text, tokens, &hits);
  for (const auto& h : hits)
    if (h.begin > h.end || h.end > size) std::abort();
  return 0;
}
