// libFuzzer target for the quotes stage: any byte string, capped at 1 MiB, is tokenized and split
// (the real tokenizer), every capitalised token is made a PER mention (so that attribution runs on
// arbitrary "names"), and the quotations found must satisfy the contract of veille/quotes.h: spans
// in bounds, non-empty, in order, non-overlapping, kind "sentence" or "fragment", an entity only
// with a speaker. The mark scanner's pairs must enclose their content.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "nlp/quotes_marks.h"
#include "nlp/tokenize.h"
#include "veille/quotes.h"

using veille::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > veille::fuzz::kMaxTextInput) return 0;
  std::string_view text(reinterpret_cast<const char*>(data), size);

  for (const auto& m : veille::quotes::find_marked_quotes(text)) {
    check(m.open < m.content_begin && m.content_begin < m.content_end);
    check(m.content_end < m.close_end && m.close_end <= text.size());
  }

  veille::Annotations a;
  veille::Tokenization tz = veille::tokenize_and_split(text);
  a.tokens = tz.tokens;
  for (const auto& s : tz.sentences) a.sentences.push_back(s.span);
  for (const auto& t : a.tokens) {
    unsigned char c = static_cast<unsigned char>(text[t.begin]);
    if (c >= 'A' && c <= 'Z') {
      veille::EntityMention e;
      e.span = t;
      e.type = (t.end - t.begin) % 5 == 0 ? "ORG" : "PER";
      e.entity = std::string(text.substr(t.begin, t.end - t.begin));
      e.id = e.type + ":" + e.entity;
      a.entities.push_back(std::move(e));
    }
  }
  uint32_t prev = 0;
  for (const veille::Quote& q : veille::find_quotes(text, a)) {
    check(q.span.begin < q.span.end && q.span.end <= text.size());
    check(q.span.begin >= prev);
    prev = q.span.end;
    check(q.kind == "sentence" || q.kind == "fragment");
    check(!q.speaker_entity || q.speaker);
  }
  return 0;
}
