// to_json: the output contract's JSON, written straight into a string (a JSON tree per page cost
// a tenth of ingestion's CPU). The bytes are those nlohmann's dump(-1) gives for the same ordered
// object, which tests/document_json_test.cpp checks against a tree built with nlohmann.
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string_view>

#include <nlohmann/json.hpp>

#include "ingest/ingest_internal.h"
#include "veille/document.h"

namespace veille {

namespace {

// Whether any of the 8 bytes at p is a control character (< 0x20), '"' or '\\'. Exact: the
// zero-byte and less-than tests below never miss a byte and, for "any", never report a false one.
inline bool needs_escape8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  auto has_zero = [&](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  const uint64_t below_space = (w - kOnes * 0x20) & ~w & kHigh;
  return (below_space | has_zero(w ^ (kOnes * '"')) | has_zero(w ^ (kOnes * '\\'))) != 0;
}

// Compact JSON with the separators placed by the writer: open() and value writers put the comma
// that a previous element or member asks for.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void open(char c) {
    separate();
    out_ += c;
    first_ = true;
  }
  void close(char c) {
    out_ += c;
    first_ = false;
  }
  // A member's key; its value follows without a separator.
  JsonWriter& key(const char* k) {
    separate();
    out_ += '"';
    out_ += k;
    out_ += "\":";
    first_ = true;
    return *this;
  }
  void string(std::string_view s) {
    separate();
    if (!ingest::is_valid_utf8(s)) {
      // Ingestion converts every page to UTF-8, so this is rare: nlohmann's serializer replaces
      // each invalid byte with U+FFFD.
      out_ += nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      return;
    }
    out_ += '"';
    size_t run = 0;  // start of the bytes copied as they are
    for (size_t i = 0; i < s.size(); ++i) {
      // Eight bytes at a time while none needs escaping: body text is long and rarely escaped.
      while (i + 8 <= s.size() && !needs_escape8(s.data() + i)) i += 8;
      if (i >= s.size()) break;
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
    else literal("null");
  }
  template <typename Int>
  void integer(Int v) {
    separate();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
  }
  // A literal as nlohmann prints it (null, true, false, a number's shortest form).
  void literal(std::string_view s) {
    separate();
    out_ += s;
  }

 private:
  void separate() {
    if (!first_) out_ += ',';
    first_ = false;
  }

  std::string& out_;
  bool first_ = true;
};

void write_spans(JsonWriter& w, const char* key, const std::vector<Span>& spans) {
  w.key(key).open('[');
  for (const Span& s : spans) {
    w.open('[');
    w.integer(s.begin);
    w.integer(s.end);
    w.close(']');
  }
  w.close(']');
}

// Opens a mention's object with its "begin", "end" and "text" (the span's surface, or "" for a
// span outside the text).
void open_mention(JsonWriter& w, const Span& s, const std::string& text) {
  bool in_text = s.begin <= s.end && s.end <= text.size();
  w.open('{');
  w.key("begin").integer(s.begin);
  w.key("end").integer(s.end);
  w.key("text").string(in_text ? std::string_view(text).substr(s.begin, s.end - s.begin) : std::string_view());
}

void write_annotations(JsonWriter& w, const Annotations& a, const std::string& text) {
  write_spans(w, "sentences", a.sentences);
  write_spans(w, "tokens", a.tokens);
  w.key("entities").open('[');
  for (const auto& e : a.entities) {
    open_mention(w, e.span, text);
    w.key("type").string(e.type);
    w.key("entity").string(e.entity);
    w.key("id").string(e.id);
    w.close('}');
  }
  w.close(']');
  w.key("quotes").open('[');
  for (const auto& q : a.quotes) {
    open_mention(w, q.span, text);
    w.key("kind").string(q.kind);
    w.key("speaker").opt_string(q.speaker);
    w.key("speaker_entity").opt_string(q.speaker_entity);
    w.key("cue").opt_string(q.cue);
    w.close('}');
  }
  w.close(']');
  w.key("dates").open('[');
  for (const auto& d : a.dates) {
    open_mention(w, d.span, text);
    w.key("value").string(d.value);
    w.key("kind").string(d.kind);
    w.close('}');
  }
  w.close(']');
}

void write_moderation(JsonWriter& w, const CommentModeration& m) {
  w.key("moderation").open('{');
  w.key("toxic").literal(m.toxic ? "true" : "false");
  // nlohmann's shortest round-trip form of the double the float becomes.
  w.key("score").literal(nlohmann::json(m.score).dump());
  w.key("terms").open('[');
  for (const auto& t : m.terms) {
    w.open('{');
    w.key("text").string(t.text);
    w.key("normalized").string(t.normalized);
    w.key("category").string(t.category);
    w.close('}');
  }
  w.close(']');
  w.close('}');
}

}  // namespace

std::string to_json(const Document& doc, const JsonOptions& options) {
  std::string out;
  out.reserve(256 + doc.text.size() * 2 + doc.annotations.tokens.size() * 12);
  JsonWriter w(out);
  w.open('{');
  w.key("id").string(doc.id);
  w.key("source").string(doc.source);
  w.key("url").opt_string(doc.url);
  w.key("title").opt_string(doc.title);
  w.key("published").opt_string(doc.published);
  w.key("authors").open('[');
  for (const auto& a : doc.authors) w.string(a);
  w.close(']');
  w.key("site").opt_string(doc.site);
  w.key("lang").string(doc.lang);
  w.key("body").open('[');
  for (const auto& b : doc.body) {
    w.open('{');
    w.key("kind").string(block_kind_name(b.kind));
    w.key("text").string(b.text);
    w.close('}');
  }
  w.close(']');
  w.key("text").string(doc.text);
  w.key("comments").open('[');
  for (const Comment& c : doc.comments) {
    w.open('{');
    w.key("id").integer(c.id);
    w.key("parent");
    if (c.parent) w.integer(*c.parent);
    else w.literal("null");
    w.key("author").opt_string(c.author);
    w.key("date").opt_string(c.date);
    w.key("text").string(c.text);
    if (options.include_annotations) write_annotations(w, c.annotations, c.text);
    if (c.moderation) write_moderation(w, *c.moderation);
    w.close('}');
  }
  w.close(']');
  w.key("removed").open('[');
  for (const auto& r : doc.removed) {
    w.open('{');
    w.key("kind").string(removed_kind_name(r.kind));
    w.key("text").string(r.text);
    w.close('}');
  }
  w.close(']');
  if (options.include_annotations) write_annotations(w, doc.annotations, doc.text);
  if (options.include_lines) {
    w.key("lines").open('[');
    for (const auto& l : doc.lines) {
      w.open('{');
      w.key("line").integer(l.line);
      w.key("label").string(line_label_name(l.label));
      w.close('}');
    }
    w.close(']');
  }
  w.close('}');
  return out;
}

}  // namespace veille
