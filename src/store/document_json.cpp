// The annotated document JSON (to_json with include_annotations) read back into a Document: the
// store keeps that JSON per version and rebuilds Documents from it for summaries and timelines.
// And its writer: the bytes of to_json, without building a JSON tree first.
#include <charconv>

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

// ---- document_to_json: nlohmann's dump(-1) of to_json's ordered tree, byte for byte.
namespace {

// Strict UTF-8 (no overlongs, surrogates or code points over U+10FFFF), as nlohmann decodes it.
bool valid_utf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + len > n) return false;
    const unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    if (c1 < lo || c1 > hi) return false;
    for (size_t k = 2; k < len; ++k) {
      const unsigned char ck = static_cast<unsigned char>(s[i + k]);
      if (ck < 0x80 || ck > 0xBF) return false;
    }
    i += len;
  }
  return true;
}

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}
  bool ok() const { return ok_; }

  void raw(std::string_view s) { out_ += s; }
  void key(const char* k) {
    out_ += '"';
    out_ += k;
    out_ += "\":";
  }
  void string(std::string_view s) {
    if (!valid_utf8(s)) ok_ = false;  // the caller falls back to to_json's replacement rules
    out_ += '"';
    size_t run = 0;  // start of the bytes copied as they are
    for (size_t i = 0; i < s.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\t': out_ += "\\t"; break;
        case '\n': out_ += "\\n"; break;
        case '\f': out_ += "\\f"; break;
        case '\r': out_ += "\\r"; break;
        default: {
          static const char* hex = "0123456789abcdef";
          out_ += "\\u00";
          out_ += hex[c >> 4];
          out_ += hex[c & 15];
        }
      }
    }
    out_.append(s.data() + run, s.size() - run);
    out_ += '"';
  }
  void opt_string(const std::optional<std::string>& s) {
    if (s) string(*s);
    else out_ += "null";
  }
  template <typename Int>
  void integer(Int v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
  }

 private:
  std::string& out_;
  bool ok_ = true;
};

void write_spans(JsonWriter& w, const std::vector<Span>& spans) {
  w.raw("[");
  for (size_t i = 0; i < spans.size(); ++i) {
    if (i) w.raw(",");
    w.raw("[");
    w.integer(spans[i].begin);
    w.raw(",");
    w.integer(spans[i].end);
    w.raw("]");
  }
  w.raw("]");
}

// to_json's surface(): the span's text, or "" for a span outside the text.
std::string_view surface(const Span& s, const std::string& text) {
  bool in_text = s.begin <= s.end && s.end <= text.size();
  return in_text ? std::string_view(text).substr(s.begin, s.end - s.begin) : std::string_view();
}

void write_annotations(JsonWriter& w, const Annotations& a, const std::string& text) {
  w.raw(",");
  w.key("sentences");
  write_spans(w, a.sentences);
  w.raw(",");
  w.key("tokens");
  write_spans(w, a.tokens);
  w.raw(",");
  w.key("entities");
  w.raw("[");
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const auto& e = a.entities[i];
    w.raw(i ? ",{" : "{");
    w.key("begin");
    w.integer(e.span.begin);
    w.raw(",");
    w.key("end");
    w.integer(e.span.end);
    w.raw(",");
    w.key("text");
    w.string(surface(e.span, text));
    w.raw(",");
    w.key("type");
    w.string(e.type);
    w.raw(",");
    w.key("entity");
    w.string(e.entity);
    w.raw(",");
    w.key("id");
    w.string(e.id);
    w.raw("}");
  }
  w.raw("],");
  w.key("quotes");
  w.raw("[");
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    const auto& q = a.quotes[i];
    w.raw(i ? ",{" : "{");
    w.key("begin");
    w.integer(q.span.begin);
    w.raw(",");
    w.key("end");
    w.integer(q.span.end);
    w.raw(",");
    w.key("text");
    w.string(surface(q.span, text));
    w.raw(",");
    w.key("kind");
    w.string(q.kind);
    w.raw(",");
    w.key("speaker");
    w.opt_string(q.speaker);
    w.raw(",");
    w.key("speaker_entity");
    w.opt_string(q.speaker_entity);
    w.raw(",");
    w.key("cue");
    w.opt_string(q.cue);
    w.raw("}");
  }
  w.raw("],");
  w.key("dates");
  w.raw("[");
  for (size_t i = 0; i < a.dates.size(); ++i) {
    const auto& d = a.dates[i];
    w.raw(i ? ",{" : "{");
    w.key("begin");
    w.integer(d.span.begin);
    w.raw(",");
    w.key("end");
    w.integer(d.span.end);
    w.raw(",");
    w.key("text");
    w.string(surface(d.span, text));
    w.raw(",");
    w.key("value");
    w.string(d.value);
    w.raw(",");
    w.key("kind");
    w.string(d.kind);
    w.raw("}");
  }
  w.raw("]");
}

}  // namespace

std::string document_to_json(const Document& doc) {
  std::string out;
  out.reserve(256 + doc.text.size() * 2 + doc.annotations.tokens.size() * 12);
  JsonWriter w(out);
  w.raw("{");
  w.key("id");
  w.string(doc.id);
  w.raw(",");
  w.key("source");
  w.string(doc.source);
  w.raw(",");
  w.key("url");
  w.opt_string(doc.url);
  w.raw(",");
  w.key("title");
  w.opt_string(doc.title);
  w.raw(",");
  w.key("published");
  w.opt_string(doc.published);
  w.raw(",");
  w.key("authors");
  w.raw("[");
  for (size_t i = 0; i < doc.authors.size(); ++i) {
    if (i) w.raw(",");
    w.string(doc.authors[i]);
  }
  w.raw("],");
  w.key("site");
  w.opt_string(doc.site);
  w.raw(",");
  w.key("lang");
  w.string(doc.lang);
  w.raw(",");
  w.key("body");
  w.raw("[");
  for (size_t i = 0; i < doc.body.size(); ++i) {
    w.raw(i ? ",{" : "{");
    w.key("kind");
    w.string(block_kind_name(doc.body[i].kind));
    w.raw(",");
    w.key("text");
    w.string(doc.body[i].text);
    w.raw("}");
  }
  w.raw("],");
  w.key("text");
  w.string(doc.text);
  w.raw(",");
  w.key("comments");
  w.raw("[");
  for (size_t i = 0; i < doc.comments.size(); ++i) {
    const Comment& c = doc.comments[i];
    w.raw(i ? ",{" : "{");
    w.key("id");
    w.integer(c.id);
    w.raw(",");
    w.key("parent");
    if (c.parent) w.integer(*c.parent);
    else w.raw("null");
    w.raw(",");
    w.key("author");
    w.opt_string(c.author);
    w.raw(",");
    w.key("date");
    w.opt_string(c.date);
    w.raw(",");
    w.key("text");
    w.string(c.text);
    write_annotations(w, c.annotations, c.text);
    if (c.moderation) {
      w.raw(",");
      w.key("moderation");
      w.raw("{");
      w.key("toxic");
      w.raw(c.moderation->toxic ? "true" : "false");
      w.raw(",");
      w.key("score");
      // nlohmann's shortest round-trip form of the double the float becomes.
      w.raw(json(c.moderation->score).dump());
      w.raw(",");
      w.key("terms");
      w.raw("[");
      for (size_t k = 0; k < c.moderation->terms.size(); ++k) {
        const auto& t = c.moderation->terms[k];
        w.raw(k ? ",{" : "{");
        w.key("text");
        w.string(t.text);
        w.raw(",");
        w.key("normalized");
        w.string(t.normalized);
        w.raw(",");
        w.key("category");
        w.string(t.category);
        w.raw("}");
      }
      w.raw("]}");
    }
    w.raw("}");
  }
  w.raw("],");
  w.key("removed");
  w.raw("[");
  for (size_t i = 0; i < doc.removed.size(); ++i) {
    w.raw(i ? ",{" : "{");
    w.key("kind");
    w.string(removed_kind_name(doc.removed[i].kind));
    w.raw(",");
    w.key("text");
    w.string(doc.removed[i].text);
    w.raw("}");
  }
  w.raw("]");
  write_annotations(w, doc.annotations, doc.text);
  w.raw("}");
  if (!w.ok()) {
    JsonOptions o;
    o.include_annotations = true;
    return to_json(doc, o);
  }
  return out;
}


}  // namespace veille
