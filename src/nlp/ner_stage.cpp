// The "ner" stage: tags the tokens of each sentence with the NER model, turns IOB2 runs into
// mentions (byte spans over the tokens), then links the page's mentions to canonical entities.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "nlp/entities.h"
#include "nlp/ner.h"
#include "veille/nlp.h"

namespace veille {

namespace {

bool is_person_type(int type) { return std::string_view(ner::type_name(type)) == "PER"; }

// A token made only of punctuation or symbols (ASCII), which never starts or ends a name.
bool is_punctuation_token(std::string_view tok) {
  return !tok.empty() && std::all_of(tok.begin(), tok.end(), [](unsigned char c) {
    return c < 0x80 && !((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
  });
}

// True when the token starts with a lower-case letter (ASCII or not).
bool starts_lowercase(std::string_view tok) {
  if (tok.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(tok.data()), i, static_cast<int32_t>(tok.size()), c);
  return c >= 0 && u_islower(c);
}

// Lower-case words that belong inside a person's name ("Charles de Gaulle", "Ursula von der
// Leyen", "Mohammed ben Salmane"); any other lower-case word cannot.
bool is_name_particle(std::string_view tok) {
  static constexpr std::string_view kParticles[] = {"de", "d'", "d’", "du", "des", "la", "le", "von",
                                                    "van", "der", "den", "al", "el", "ben", "bin",
                                                    "ibn", "da", "di", "dos", "y", "al-", "el-"};
  for (auto p : kParticles)
    if (tok == p) return true;
  return false;
}

struct TaggedMention {
  Span span;
  std::string type;
};

class NerStage final : public Stage {
 public:
  NerStage(std::shared_ptr<const NerModel> model, AliasTable aliases, size_t max_tokens)
      : model_(std::move(model)), aliases_(std::move(aliases)), max_tokens_(std::max<size_t>(max_tokens, 16)) {}

  std::string_view name() const override { return "ner"; }

  Status process(Document& doc) const override {
    // Mentions of the article, then of each comment; linked together as one page.
    std::vector<std::vector<TaggedMention>> per_text;
    per_text.push_back(tag_text(doc.text, doc.annotations));
    for (const auto& c : doc.comments) per_text.push_back(tag_text(c.text, c.annotations));

    std::vector<MentionToLink> to_link;
    auto add = [&](const std::string& text, const std::vector<TaggedMention>& ms) {
      for (const auto& m : ms)
        to_link.push_back({std::string_view(text).substr(m.span.begin, m.span.end - m.span.begin), m.type});
    };
    add(doc.text, per_text[0]);
    for (size_t i = 0; i < doc.comments.size(); ++i) add(doc.comments[i].text, per_text[i + 1]);
    std::vector<EntityMention> linked = link_page_entities(to_link, aliases_);

    size_t next = 0;
    auto fill = [&](Annotations& a, const std::vector<TaggedMention>& ms) {
      a.entities.clear();
      a.entities.reserve(ms.size());
      for (const auto& m : ms) {
        EntityMention e = std::move(linked[next++]);
        e.span = m.span;
        a.entities.push_back(std::move(e));
      }
    };
    fill(doc.annotations, per_text[0]);
    for (size_t i = 0; i < doc.comments.size(); ++i) fill(doc.comments[i].annotations, per_text[i + 1]);
    return Status::Ok();
  }

 private:
  // Mentions of one text, from the tokens and sentences of the tokenize stage. Tokens outside
  // every sentence (there are none when tokenize ran) are tagged as one more sentence each run.
  std::vector<TaggedMention> tag_text(const std::string& text, const Annotations& a) const {
    std::vector<TaggedMention> out;
    thread_local NerWorkspace ws;
    thread_local std::vector<std::string_view> words;
    thread_local std::vector<uint8_t> tags;
    const auto& tokens = a.tokens;
    size_t t = 0, s = 0;
    while (t < tokens.size()) {
      // The run of tokens of the sentence that holds token t (bounded by max_tokens_).
      while (s < a.sentences.size() && a.sentences[s].end <= tokens[t].begin) ++s;
      uint32_t limit = s < a.sentences.size() && a.sentences[s].begin <= tokens[t].begin
                           ? a.sentences[s].end
                           : (s < a.sentences.size() ? a.sentences[s].begin : UINT32_MAX);
      size_t first = t;
      words.clear();
      while (t < tokens.size() && tokens[t].end <= limit && words.size() < max_tokens_) {
        const Span& tok = tokens[t];
        if (tok.begin > tok.end || tok.end > text.size()) return out;  // broken REQUIRES
        words.push_back(std::string_view(text).substr(tok.begin, tok.end - tok.begin));
        ++t;
      }
      if (words.empty()) {  // token straddling a sentence end: tag it alone
        const Span& tok = tokens[t];
        if (tok.begin > tok.end || tok.end > text.size()) return out;
        words.push_back(std::string_view(text).substr(tok.begin, tok.end - tok.begin));
        ++t;
      }
      model_->tag(words, ws, tags);
      collect(words, tags, tokens, first, out);
    }
    return out;
  }

  static void collect(const std::vector<std::string_view>& words, const std::vector<uint8_t>& tags,
                      const std::vector<Span>& tokens, size_t first, std::vector<TaggedMention>& out) {
    size_t i = 0;
    while (i < words.size()) {
      int type = ner::tag_type(tags[i]);
      if (type < 0) {
        ++i;
        continue;
      }
      size_t b = i++;
      while (i < words.size() && ner::tag_is_inside(tags[i]) && ner::tag_type(tags[i]) == type) ++i;
      size_t e = i;  // [b, e)
      if (!is_person_type(type)) {
        add_trimmed(words, tokens, first, b, e, type, out);
        continue;
      }
      // A person's name has no lower-case word but its particles: the tagger's run "Trump de
      // persuader Poutine" is two names.
      size_t run = b;
      for (size_t k = b; k <= e; ++k) {
        if (k == e || (starts_lowercase(words[k]) && !is_name_particle(words[k]))) {
          add_trimmed(words, tokens, first, run, k, type, out);
          run = k + 1;
        }
      }
    }
  }

  // Adds words [b, e) as a mention once punctuation (and, for persons, particles) at either end
  // are trimmed off; nothing when nothing is left.
  static void add_trimmed(const std::vector<std::string_view>& words, const std::vector<Span>& tokens,
                          size_t first, size_t b, size_t e, int type, std::vector<TaggedMention>& out) {
    auto drop = [&](std::string_view w) {
      return is_punctuation_token(w) || (is_person_type(type) && is_name_particle(w));
    };
    while (b < e && drop(words[b])) ++b;
    while (e > b && drop(words[e - 1])) --e;
    if (b == e) return;
    out.push_back({{tokens[first + b].begin, tokens[first + e - 1].end}, ner::type_name(type)});
  }

  std::shared_ptr<const NerModel> model_;
  AliasTable aliases_;
  size_t max_tokens_;
};

}  // namespace

Result<std::unique_ptr<Stage>> make_ner_stage(const NerStageOptions& options) {
  const std::string model_path = options.model_path.empty() ? default_ner_model_path() : options.model_path;
  auto model = NerModel::load(model_path);
  if (!model.ok()) return model.status();
  AliasTable aliases;
  if (options.use_shipped_aliases) {
    const std::string shipped =
        options.shipped_aliases_path.empty() ? default_aliases_path() : options.shipped_aliases_path;
    Status st = aliases.add_file(shipped);
    if (!st.ok()) return st;
  }
  for (const auto& path : options.alias_paths) {
    Status st = aliases.add_file(path);
    if (!st.ok()) return st;
  }
  return std::unique_ptr<Stage>(std::make_unique<NerStage>(std::move(*model), std::move(aliases),
                                                           options.max_sentence_tokens));
}

}  // namespace veille
