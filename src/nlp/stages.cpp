#include "nlp/tokenize.h"
#include "veille/dates.h"
#include "veille/nlp.h"
#include "veille/quotes.h"

namespace veille {

namespace {

void tokenize_into(std::string_view text, Annotations& out) {
  Tokenization t = tokenize_and_split(text);
  out.tokens = std::move(t.tokens);
  out.sentences.clear();
  out.sentences.reserve(t.sentences.size());
  for (const auto& s : t.sentences) out.sentences.push_back(s.span);
}

class TokenizeStage final : public Stage {
 public:
  std::string_view name() const override { return "tokenize"; }
  Status process(Document& doc) const override {
    tokenize_into(doc.text, doc.annotations);
    for (auto& c : doc.comments) tokenize_into(c.text, c.annotations);
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Stage> make_tokenize_stage() { return std::make_unique<TokenizeStage>(); }

Status add_language_stages(Pipeline& pipeline, const LanguageOptions& options) {
  auto ner = make_ner_stage(options.ner);
  if (!ner.ok()) return ner.status();
  pipeline.add_stage(make_tokenize_stage());
  pipeline.add_stage(std::move(*ner));
  pipeline.add_stage(make_quote_stage());
  std::optional<DateReference> reference;
  if (options.reference_date) {
    auto r = parse_reference_date(*options.reference_date);
    if (!r.ok()) return r.status();
    reference = *r;
  }
  pipeline.add_stage(make_date_stage(reference));
  return Status::Ok();
}

}  // namespace veille
