#include "veille/document.h"

#include <xxhash.h>

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

namespace {

constexpr char kHex[] = "0123456789abcdef";

// 32 hex chars: hi then lo, each most significant nibble first.
std::string hex128(uint64_t hi, uint64_t lo) {
  std::string out(32, '0');
  for (int i = 0; i < 16; ++i) {
    out[15 - i] = kHex[(hi >> (4 * i)) & 15];
    out[31 - i] = kHex[(lo >> (4 * i)) & 15];
  }
  return out;
}

}  // namespace

const char* content_hash_scheme_name(ContentHashScheme scheme) {
  return scheme == ContentHashScheme::kFnv1a2x64 ? "fnv1a-2x64" : "xxh3-128";
}

std::optional<ContentHashScheme> parse_content_hash_scheme(std::string_view name) {
  if (name == "xxh3-128") return ContentHashScheme::kXxh3_128;
  if (name == "fnv1a-2x64") return ContentHashScheme::kFnv1a2x64;
  return std::nullopt;
}

std::string content_hash(std::string_view bytes) {
  // XXH3 reads the page 32 bytes at a time with vector instructions, where FNV-1a waits for one
  // multiply per byte: the ingester hashes every page on its main thread before anything else, so
  // this is on the critical path (about 0.3 ms per 150 KB page with FNV). 128 bits, so that
  // collisions between distinct pages are not a practical concern for keying. high64 first, as
  // XXH128_canonicalFromHash (and so `xxhsum -H2`) writes it.
  XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  return hex128(h.high64, h.low64);
}

std::string content_hash_fnv(std::string_view bytes) {
  // Two FNV-1a 64-bit passes with different offsets (the second with an extra shift-xor). Frozen:
  // it is the key of every database created before schema 7 (see ContentHashScheme).
  uint64_t h1 = 0xcbf29ce484222325ULL, h2 = 0x84222325cbf29ce4ULL;
  for (unsigned char c : bytes) {
    h1 = (h1 ^ c) * 0x100000001b3ULL;
    h2 = (h2 ^ c) * 0x100000001b3ULL;
    h2 ^= h2 >> 29;
  }
  return hex128(h1, h2);
}

std::string content_hash(std::string_view bytes, ContentHashScheme scheme) {
  return scheme == ContentHashScheme::kFnv1a2x64 ? content_hash_fnv(bytes) : content_hash(bytes);
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
