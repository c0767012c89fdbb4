// Moderation tokens: the words of a comment with the usual filter-dodging undone at the character
// level (case, accents, homoglyphs, leetspeak, separators between single letters). Matching against
// the lexicon (inflection, masks, edit distance, joined and split words) is in lexicon.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veille::moderate {

enum TokenFlags : uint8_t {
  kTokenLeet = 1,      // a digit or symbol was read as a letter ("salop@rds", "c0n")
  kTokenMasked = 2,    // contains '*' wildcards ("m***e", "*ouilles")
  kTokenJoined = 4,    // single characters joined across separators ("C+0+N+S", "c.o.n.s")
  kTokenAllCaps = 8,   // written in capitals, three letters or more
  kTokenNumber = 16,   // digits only
  kTokenCapital = 32,  // starts with a capital letter
};

// One word. `form` is lowercase ASCII: accents and homoglyphs folded (é -> e, Cyrillic а -> a,
// œ -> oe), leetspeak decoded when the word also has letters (@ -> a, 0 -> o, 1 -> i, 3 -> e,
// 4 -> a, 5 -> s, 7 -> t, $ -> s, ! -> i), '*' kept as a wildcard, inner hyphens kept. Letters of
// scripts with no Latin reading are kept as their UTF-8 bytes. `alt` is the reading with 1 and !
// as 'l' when that differs, else empty.
struct ModToken {
  uint32_t begin = 0;  // byte offsets of the word in the input text
  uint32_t end = 0;
  std::string form;
  std::string alt;
  uint8_t flags = 0;
};

// Splits text (UTF-8; invalid bytes are treated as separators) into words. Appends to *out.
// Never fails; linear in the input size.
void tokenize_for_moderation(std::string_view text, std::vector<ModToken>* out);

// The folded form of a single word or phrase as the lexicon stores it (words joined by one space).
std::string fold_lexicon_word(std::string_view word);

}  // namespace veille::moderate
