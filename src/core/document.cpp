#include "veille/document.h"

#include <nlohmann/json.hpp>

namespace veille {

const char* block_kind_name(BlockKind kind) {
  switch (kind) {
    case BlockKind::kHeading: return "heading";
    case BlockKind::kParagraph: return "paragraph";
    case BlockKind::kQuote: return "quote";
    case BlockKind::kList: return "list";
  }
  return "paragraph";
}

const char* removed_kind_name(RemovedKind kind) {
  switch (kind) {
    case RemovedKind::kAd: return "ad";
    case RemovedKind::kBoilerplate: return "boilerplate";
    case RemovedKind::kCaption: return "caption";
    case RemovedKind::kNavigation: return "navigation";
    case RemovedKind::kCommentForm: return "comment-form";
    case RemovedKind::kDuplicateTitle: return "duplicate-title";
  }
  return "boilerplate";
}

namespace {
constexpr const char* kLineLabelNames[] = {"title",   "standfirst", "heading",     "body",
                                           "caption", "ad",         "boilerplate", "comment"};
}

const char* line_label_name(LineLabel label) { return kLineLabelNames[static_cast<int>(label)]; }

std::optional<LineLabel> parse_line_label(std::string_view name) {
  for (int i = 0; i < 8; ++i)
    if (name == kLineLabelNames[i]) return static_cast<LineLabel>(i);
  return std::nullopt;
}

void finalize_text(Document& doc) {
  doc.text.clear();
  for (auto& b : doc.body) {
    if (!doc.text.empty()) doc.text += "\n\n";
    b.span.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += b.text;
    b.span.end = static_cast<uint32_t>(doc.text.size());
  }
}

std::string content_hash(std::string_view bytes) {
  // Two FNV-1a 64-bit passes with different offsets: cheap, stable, and 128 bits wide enough
  // that collisions between distinct pages are not a practical concern for keying.
  uint64_t h1 = 0xcbf29ce484222325ULL, h2 = 0x84222325cbf29ce4ULL;
  for (unsigned char c : bytes) {
    h1 = (h1 ^ c) * 0x100000001b3ULL;
    h2 = (h2 ^ c) * 0x100000001b3ULL;
    h2 ^= h2 >> 29;
  }
  static const char* hex = "0123456789abcdef";
  std::string out(32, '0');
  for (int i = 0; i < 16; ++i) {
    out[15 - i] = hex[(h1 >> (4 * i)) & 15];
    out[31 - i] = hex[(h2 >> (4 * i)) & 15];
  }
  return out;
}

namespace {

nlohmann::json opt(const std::optional<std::string>& s) {
  return s ? nlohmann::json(*s) : nlohmann::json(nullptr);
}

// "sentences", "tokens", "entities", "quotes" and "dates" of one annotated text; surfaces come
// from `text`.
void add_annotations(nlohmann::ordered_json& j, const Annotations& a, const std::string& text) {
  auto spans = [](const std::vector<Span>& v) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& s : v) out.push_back({s.begin, s.end});
    return out;
  };
  auto surface = [&](const Span& s) {
    bool in_text = s.begin <= s.end && s.end <= text.size();
    return in_text ? text.substr(s.begin, s.end - s.begin) : std::string();
  };
  j["sentences"] = spans(a.sentences);
  j["tokens"] = spans(a.tokens);
  auto& entities = j["entities"] = nlohmann::ordered_json::array();
  for (const auto& e : a.entities) {
    nlohmann::ordered_json ej;
    ej["begin"] = e.span.begin;
    ej["end"] = e.span.end;
    ej["text"] = surface(e.span);
    ej["type"] = e.type;
    ej["entity"] = e.entity;
    ej["id"] = e.id;
    entities.push_back(std::move(ej));
  }
  auto& quotes = j["quotes"] = nlohmann::ordered_json::array();
  for (const auto& q : a.quotes) {
    nlohmann::ordered_json qj;
    qj["begin"] = q.span.begin;
    qj["end"] = q.span.end;
    qj["text"] = surface(q.span);
    qj["kind"] = q.kind;
    qj["speaker"] = opt(q.speaker);
    qj["speaker_entity"] = opt(q.speaker_entity);
    qj["cue"] = opt(q.cue);
    quotes.push_back(std::move(qj));
  }
  auto& dates = j["dates"] = nlohmann::ordered_json::array();
  for (const auto& d : a.dates) {
    nlohmann::ordered_json dj;
    dj["begin"] = d.span.begin;
    dj["end"] = d.span.end;
    dj["text"] = surface(d.span);
    dj["value"] = d.value;
    dj["kind"] = d.kind;
    dates.push_back(std::move(dj));
  }
}

}  // namespace

std::string to_json(const Document& doc, const JsonOptions& options) {
  nlohmann::ordered_json j;
  j["id"] = doc.id;
  j["source"] = doc.source;
  j["url"] = opt(doc.url);
  j["title"] = opt(doc.title);
  j["published"] = opt(doc.published);
  j["authors"] = doc.authors;
  j["site"] = opt(doc.site);
  j["lang"] = doc.lang;
  auto& body = j["body"] = nlohmann::ordered_json::array();
  for (const auto& b : doc.body) body.push_back({{"kind", block_kind_name(b.kind)}, {"text", b.text}});
  j["text"] = doc.text;
  auto& comments = j["comments"] = nlohmann::ordered_json::array();
  for (const auto& c : doc.comments) {
    nlohmann::ordered_json cj;
    cj["id"] = c.id;
    cj["parent"] = c.parent ? nlohmann::ordered_json(*c.parent) : nlohmann::ordered_json(nullptr);
    cj["author"] = opt(c.author);
    cj["date"] = opt(c.date);
    cj["text"] = c.text;
    if (options.include_annotations) {
      add_annotations(cj, c.annotations, c.text);
    }
    if (c.moderation) {
      auto& mj = cj["moderation"];
      mj["toxic"] = c.moderation->toxic;
      mj["score"] = c.moderation->score;
      auto& terms = mj["terms"] = nlohmann::ordered_json::array();
      for (const auto& t : c.moderation->terms)
        terms.push_back({{"text", t.text}, {"normalized", t.normalized}, {"category", t.category}});
    }
    comments.push_back(std::move(cj));
  }
  auto& removed = j["removed"] = nlohmann::ordered_json::array();
  for (const auto& r : doc.removed)
    removed.push_back({{"kind", removed_kind_name(r.kind)}, {"text", r.text}});
  if (options.include_annotations) {
    add_annotations(j, doc.annotations, doc.text);
  }
  if (options.include_lines) {
    auto& lines = j["lines"] = nlohmann::ordered_json::array();
    for (const auto& l : doc.lines) lines.push_back({{"line", l.line}, {"label", line_label_name(l.label)}});
  }
  // Invalid UTF-8 never reaches here (ingest converts), but replace rather than throw if it does.
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

namespace {

std::string byline(const Document& doc) {
  std::string out;
  for (size_t i = 0; i < doc.authors.size(); ++i) out += (i ? ", " : "") + doc.authors[i];
  if (doc.published) out += (out.empty() ? "" : " — ") + *doc.published;
  if (doc.site) out += (out.empty() ? "" : " — ") + *doc.site;
  return out;
}

std::string render(const Document& doc, bool markdown) {
  std::string out;
  if (doc.title) out += (markdown ? "# " : "") + *doc.title + "\n\n";
  if (std::string by = byline(doc); !by.empty()) out += (markdown ? "*" + by + "*" : by) + "\n\n";
  for (const auto& b : doc.body) {
    if (markdown && b.kind == BlockKind::kHeading) out += "## ";
    if (markdown && b.kind == BlockKind::kQuote) out += "> ";
    if (markdown && b.kind == BlockKind::kList) {
      // List blocks hold one item per line.
      size_t start = 0;
      while (start <= b.text.size()) {
        size_t nl = b.text.find('\n', start);
        if (nl == std::string::npos) nl = b.text.size();
        out += "- " + b.text.substr(start, nl - start) + "\n";
        start = nl + 1;
      }
      out += "\n";
      continue;
    }
    out += b.text + "\n\n";
  }
  if (!doc.comments.empty()) {
    out += markdown ? "## Commentaires\n\n" : "Commentaires\n\n";
    for (const auto& c : doc.comments) {
      std::string who = c.author.value_or("anonyme");
      if (c.date) who += ", " + *c.date;
      if (c.parent) who += " (en réponse à " + std::to_string(*c.parent) + ")";
      out += (markdown ? "**" + std::to_string(c.id) + ". " + who + "**" : std::to_string(c.id) + ". " + who) +
             "\n" + c.text + "\n\n";
    }
  }
  return out;
}

}  // namespace

std::string to_plain_text(const Document& doc) { return render(doc, false); }
std::string to_markdown(const Document& doc) { return render(doc, true); }

}  // namespace veille
