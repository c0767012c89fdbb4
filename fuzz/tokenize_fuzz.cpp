// libFuzzer target for the French tokenizer and sentence splitter: any byte string, capped at
// 1 MiB, must give spans that satisfy the contract of src/nlp/tokenize.h.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "nlp/tokenize.h"

using veille::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > veille::fuzz::kMaxTextInput) return 0;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  veille::Tokenization tz = veille::tokenize_and_split(text);
  uint32_t prev_end = 0;
  for (const veille::Span& t : tz.tokens) {
    check(t.begin < t.end);
    check(t.end <= text.size());
    check(t.begin >= prev_end);
    check(text[t.begin] != ' ' && text[t.end - 1] != ' ' && text[t.end - 1] != '\n');
    prev_end = t.end;
  }
  // Sentences partition the tokens, with the shipped model (when it loads) and with the rules alone.
  auto check_sentences = [&](const std::vector<veille::SentenceSpan>& sentences) {
    uint32_t next = 0;
    for (const veille::SentenceSpan& s : sentences) {
      check(s.first_token == next && s.token_count > 0);
      next += s.token_count;
      check(s.span.begin == tz.tokens[s.first_token].begin);
      check(s.span.end == tz.tokens[s.first_token + s.token_count - 1].end);
    }
    check(next == tz.tokens.size());
  };
  check_sentences(tz.sentences);
  check_sentences(veille::split_sentences(text, tz.tokens, nullptr));
  // tokenize() alone gives the same tokens.
  check(veille::tokenize(text) == tz.tokens);
  return 0;
}
