// to_json: the output contract's JSON, written straight into a string (a JSON tree per page cost
// a tenth of ingestion's CPU). The bytes are those nlohmann's dump(-1) gives for the same ordered
// object, which tests/document_json_test.cpp checks against a tree built with nlohmann.
#include <charconv>
#include <string_view>

#include <nlohmann/json.hpp>

#include "veille/document.h"

namespace veille {

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

  void raw(std::string_view s) { out_ += s; }
  void key(const char* k) {
    out_ += '"';
    out_ += k;
    out_ += "\":";
  }
  void string(std::string_view s) {
    if (!valid_utf8(s)) {
      // Ingestion converts every page to UTF-8, so this is rare: nlohmann's serializer replaces
      // each invalid byte with U+FFFD.
      out_ += nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      return;
    }
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

std::string to_json(const Document& doc, const JsonOptions& options) {
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
    if (options.include_annotations) write_annotations(w, c.annotations, c.text);
    if (c.moderation) {
      w.raw(",");
      w.key("moderation");
      w.raw("{");
      w.key("toxic");
      w.raw(c.moderation->toxic ? "true" : "false");
      w.raw(",");
      w.key("score");
      // nlohmann's shortest round-trip form of the double the float becomes.
      w.raw(nlohmann::json(c.moderation->score).dump());
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
  if (options.include_annotations) write_annotations(w, doc.annotations, doc.text);
  if (options.include_lines) {
    w.raw(",");
    w.key("lines");
    w.raw("[");
    for (size_t i = 0; i < doc.lines.size(); ++i) {
      w.raw(i ? ",{" : "{");
      w.key("line");
      w.integer(doc.lines[i].line);
      w.raw(",");
      w.key("label");
      w.string(line_label_name(doc.lines[i].label));
      w.raw("}");
    }
    w.raw("]");
  }
  w.raw("}");
  return out;
}


}  // namespace veille
