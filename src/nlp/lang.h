// Language identification for page text, from the frequency of each language's most common
// function words. Cheap (one pass, no allocation per word) and reliable on a paragraph or more;
// on short or mixed text it answers "und" rather than guess.
#pragma once

#include <string>
#include <string_view>

namespace veille {

// ISO 639-1 code of the dominant language of `text` among fr, en, de, es, it, pt, nl, or "und"
// when there is too little evidence (fewer than kMinHits function words, or no clear winner).
std::string detect_language(std::string_view text);

}  // namespace veille
