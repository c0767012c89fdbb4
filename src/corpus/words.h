// Normalised words of a text, for near-duplicate shingles and key terms.
//
// A word is a maximal run of letters and digits; everything else (spaces, punctuation,
// apostrophes ' and ’, hyphens) separates words, so "l’aide" gives "l" "aide" and "peut-être"
// gives "peut" "etre". Words are lower-cased and their accents folded (é -> e, ç -> c, œ -> oe,
// æ -> ae, ß -> ss); letters outside Latin are lower-cased and kept. Invalid UTF-8 bytes separate
// words. Thread-safe; one pass over the bytes, ASCII without any table lookup.
#pragma once

#include <string>
#include <string_view>

namespace veille::corpus {

// Calls fn(std::string_view folded_word) for every word of `text`, in order. The view is only
// valid during the call.
template <typename Fn>
void for_each_word(std::string_view text, Fn&& fn);

// The folded form of one word (or of a whole text, words joined by one space).
std::string fold_words(std::string_view text);

namespace detail {
// Appends the folded form of the code point at text[i..] to out if it is a letter or digit and
// returns true; returns false (out unchanged) for a separator. Advances i past the code point.
bool fold_non_ascii(std::string_view text, size_t& i, std::string& out);
}  // namespace detail

template <typename Fn>
void for_each_word(std::string_view text, Fn&& fn) {
  std::string word;
  word.reserve(32);
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        word.push_back(static_cast<char>(c));
      } else if (c >= 'A' && c <= 'Z') {
        word.push_back(static_cast<char>(c + 32));
      } else if (!word.empty()) {
        fn(std::string_view(word));
        word.clear();
      }
      ++i;
      continue;
    }
    if (!detail::fold_non_ascii(text, i, word) && !word.empty()) {
      fn(std::string_view(word));
      word.clear();
    }
  }
  if (!word.empty()) fn(std::string_view(word));
}

}  // namespace veille::corpus
