// The annotated document JSON (to_json with include_annotations) read back into a Document: the
// store keeps that JSON per version and rebuilds Documents from it for summaries and timelines.

#include <nlohmann/json.hpp>

#include "veille/store.h"

namespace veille {

namespace {

using nlohmann::json;

std::optional<std::string> opt_string(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

std::string string_or_empty(const json& j, const char* key) { return opt_string(j, key).value_or(""); }

Span span_of(const json& j) {
  Span s;
  if (j.is_array() && j.size() == 2) {
    s.begin = j[0].get<uint32_t>();
    s.end = j[1].get<uint32_t>();
  } else if (j.is_object()) {
    s.begin = j.value("begin", 0u);
    s.end = j.value("end", 0u);
  }
  return s;
}

// Spans outside the text would break the Span invariant for every reader: drop them.
bool valid(const Span& s, const std::string& text) { return s.begin <= s.end && s.end <= text.size(); }

void read_annotations(const json& j, const std::string& text, Annotations& a) {
  if (auto it = j.find("sentences"); it != j.end() && it->is_array())
    for (const auto& s : *it)
      if (Span sp = span_of(s); valid(sp, text)) a.sentences.push_back(sp);
  if (auto it = j.find("tokens"); it != j.end() && it->is_array())
    for (const auto& s : *it)
      if (Span sp = span_of(s); valid(sp, text)) a.tokens.push_back(sp);
  if (auto it = j.find("entities"); it != j.end() && it->is_array())
    for (const auto& e : *it) {
      EntityMention m{span_of(e), string_or_empty(e, "type"), string_or_empty(e, "entity"),
                      string_or_empty(e, "id")};
      if (valid(m.span, text)) a.entities.push_back(std::move(m));
    }
  if (auto it = j.find("quotes"); it != j.end() && it->is_array())
    for (const auto& e : *it) {
      Quote q{span_of(e), string_or_empty(e, "kind"), opt_string(e, "speaker"),
              opt_string(e, "speaker_entity"), opt_string(e, "cue")};
      if (valid(q.span, text)) a.quotes.push_back(std::move(q));
    }
  if (auto it = j.find("dates"); it != j.end() && it->is_array())
    for (const auto& e : *it) {
      DateMention d{span_of(e), string_or_empty(e, "value"), string_or_empty(e, "kind")};
      if (valid(d.span, text)) a.dates.push_back(std::move(d));
    }
}

BlockKind block_kind_of(const std::string& name) {
  for (BlockKind k : {BlockKind::kHeading, BlockKind::kParagraph, BlockKind::kQuote, BlockKind::kList})
    if (name == block_kind_name(k)) return k;
  return BlockKind::kParagraph;
}

RemovedKind removed_kind_of(const std::string& name) {
  for (RemovedKind k : {RemovedKind::kAd, RemovedKind::kBoilerplate, RemovedKind::kCaption,
                        RemovedKind::kNavigation, RemovedKind::kCommentForm, RemovedKind::kDuplicateTitle})
    if (name == removed_kind_name(k)) return k;
  return RemovedKind::kBoilerplate;
}

}  // namespace

Result<Document> document_from_json(std::string_view text) {
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::Corrupt("stored document is not a JSON object");
  try {
    Document doc;
    doc.id = string_or_empty(j, "id");
    doc.source = string_or_empty(j, "source");
    doc.url = opt_string(j, "url");
    doc.title = opt_string(j, "title");
    doc.published = opt_string(j, "published");
    if (auto it = j.find("authors"); it != j.end() && it->is_array())
      for (const auto& a : *it)
        if (a.is_string()) doc.authors.push_back(a.get<std::string>());
    doc.site = opt_string(j, "site");
    doc.lang = string_or_empty(j, "lang");
    if (auto it = j.find("body"); it != j.end() && it->is_array())
      for (const auto& b : *it)
        doc.body.push_back({block_kind_of(string_or_empty(b, "kind")), string_or_empty(b, "text"), {}});
    finalize_text(doc);
    // The stored text is authoritative (spans point into it); finalize_text rebuilt the blocks'
    // spans, which match it whenever the JSON came from to_json.
    if (auto t = opt_string(j, "text")) doc.text = *t;
    if (auto it = j.find("comments"); it != j.end() && it->is_array())
      for (const auto& c : *it) {
        Comment com;
        com.id = c.value("id", 0);
        if (auto p = c.find("parent"); p != c.end() && p->is_number_integer()) com.parent = p->get<int>();
        com.author = opt_string(c, "author");
        com.date = opt_string(c, "date");
        com.text = string_or_empty(c, "text");
        read_annotations(c, com.text, com.annotations);
        if (auto m = c.find("moderation"); m != c.end() && m->is_object()) {
          CommentModeration mod;
          mod.toxic = m->value("toxic", false);
          mod.score = m->value("score", 0.0f);
          if (auto t = m->find("terms"); t != m->end() && t->is_array())
            for (const auto& term : *t)
              mod.terms.push_back({string_or_empty(term, "text"), string_or_empty(term, "normalized"),
                                   string_or_empty(term, "category")});
          com.moderation = std::move(mod);
        }
        doc.comments.push_back(std::move(com));
      }
    if (auto it = j.find("removed"); it != j.end() && it->is_array())
      for (const auto& r : *it)
        doc.removed.push_back({removed_kind_of(string_or_empty(r, "kind")), string_or_empty(r, "text")});
    read_annotations(j, doc.text, doc.annotations);
    return doc;
  } catch (const json::exception& e) {
    return Status::Corrupt(std::string("stored document has a field of the wrong type: ") + e.what());
  }
}

}  // namespace veille
