// The one document model every pipeline stage reads and writes.
//
// Invariant on spans: every Span in a Document is a pair of UTF-8 byte offsets into
// Document::text, with begin <= end <= text.size(), so that
//     text.substr(begin, end - begin)
// is the surface the span covers. Comments' spans are relative to their own Comment::text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veille {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool operator==(const Span&) const = default;
};

enum class BlockKind { kHeading, kParagraph, kQuote, kList };
const char* block_kind_name(BlockKind kind);

// One block of the article body. `span` locates `text` inside Document::text once the document
// is finalised (see finalize_text); extractors only fill kind and text.
struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::string text;
  Span span;
};

enum class RemovedKind { kAd, kBoilerplate, kCaption, kNavigation, kCommentForm, kDuplicateTitle };
const char* removed_kind_name(RemovedKind kind);

// A piece of the page that is not the article, kept so that a person can see what was dropped.
struct RemovedBlock {
  RemovedKind kind = RemovedKind::kBoilerplate;
  std::string text;
};

// A named-entity mention. `entity` is the canonical name shared by every mention of the same
// thing (within the page and across pages); `id` is a stable identifier derived from the type and
// the canonical name, so the same entity has the same id in every document.
struct EntityMention {
  Span span;
  std::string type;    // PER, ORG, LOC or MISC
  std::string entity;  // canonical name ("Vladimir Poutine" for "Putin", "Poutine")
  std::string id;
};

// A direct quotation. `span` covers the quoted words without the quote marks. kind is "sentence"
// or "fragment" (a quoted word or phrase inside the writer's own sentence). `speaker` is the
// speaker as written ("le président", "Pete Hegseth"), `speaker_entity` the canonical entity it
// resolves to, `cue` the reporting verb or cue ("a déclaré", "selon").
struct Quote {
  Span span;
  std::string kind;  // "sentence" | "fragment"
  std::optional<std::string> speaker;
  std::optional<std::string> speaker_entity;
  std::optional<std::string> cue;
};

// A time expression resolved against the reference date: `value` is ISO 8601 or TIMEX3-style
// ("2025-02-12", "XXXX-02-12", "2025-W07", "PT90M", "P30D", "T15:30", "20" for a century).
struct DateMention {
  Span span;
  std::string value;
  std::string kind;  // "date" | "time" | "duration" | "set"
};

// Language annotations over one text (an article's Document::text or a comment's text): spans are
// byte offsets into that text.
struct Annotations {
  std::vector<Span> sentences;
  std::vector<Span> tokens;
  std::vector<EntityMention> entities;
  std::vector<Quote> quotes;
  std::vector<DateMention> dates;
};

// A word that explains a moderation decision: as written in the comment, the lexicon form it
// stands for, and its category (insult, profanity, slur, threat, sexual).
struct ModerationTerm {
  std::string text, normalized, category;
};

// The moderation stage's verdict on one comment: score in [0, 1], toxic = score >= threshold.
struct CommentModeration {
  bool toxic = false;
  float score = 0;
  std::vector<ModerationTerm> terms;
};

// A reader comment. Ids are 1-based in page order; `parent` is the id of the comment replied to.
struct Comment {
  int id = 0;
  std::optional<int> parent;
  std::optional<std::string> author;
  std::optional<std::string> date;  // ISO 8601 when it could be read, else as written
  std::string text;
  Annotations annotations;  // spans relative to `text`
  std::optional<CommentModeration> moderation;  // set by the "moderate" stage
};

// Label of one non-empty line of a flattened-text page (the --explain output).
enum class LineLabel { kTitle, kStandfirst, kHeading, kBody, kCaption, kAd, kBoilerplate, kComment };
const char* line_label_name(LineLabel label);
std::optional<LineLabel> parse_line_label(std::string_view name);

struct LabeledLine {
  int line = 0;  // 1-based line number in the input
  LineLabel label = LineLabel::kBody;
};

struct Document {
  std::string id;      // stable content hash of the input page (hex)
  std::string source;  // path, or path#record for pages inside WARC / JSON Lines
  std::optional<std::string> url;
  std::optional<std::string> title;
  std::optional<std::string> published;  // YYYY-MM-DD[THH:MM[:SS][+hh:mm]]
  std::vector<std::string> authors;
  std::optional<std::string> site;
  std::string lang;  // ISO 639-1 ("fr", "en"); "und" when unknown

  std::vector<Block> body;
  std::string text;  // body blocks joined by a blank line (see finalize_text)
  std::vector<Comment> comments;
  std::vector<RemovedBlock> removed;
  std::vector<LabeledLine> lines;  // only for text input with explain on

  Annotations annotations;  // filled by the language stages; spans into `text`
};

// Builds Document::text from the blocks ("\n\n" between blocks) and sets each block's span.
void finalize_text(Document& doc);

// How a page's bytes become its key (Document::id, versions.hash in a store): 128 bits as 32
// lowercase hex chars either way, so ids and key columns keep one format.
enum class ContentHashScheme {
  // XXH3 128-bit (xxHash 0.8), the bytes of XXH128_canonical_t in hex (what `xxhsum -H2` prints):
  // the key of Document::id outside a store and of every database created from schema 7.
  kXxh3_128,
  // Two FNV-1a 64-bit passes: the key of databases created by schemas 1 to 6, which keep it
  // (their stored keys could not be recomputed without the pages). Byte-serial, about 10x slower.
  kFnv1a2x64,
};

// "xxh3-128" or "fnv1a-2x64": how a store records its scheme.
const char* content_hash_scheme_name(ContentHashScheme scheme);
std::optional<ContentHashScheme> parse_content_hash_scheme(std::string_view name);

// Hex digest (32 hex chars) used for Document::id and content keys, with XXH3. Stable across runs,
// platforms and versions.
std::string content_hash(std::string_view bytes);
// The same with a given scheme: a store's pages are keyed with the scheme it records
// (Store::content_hash_scheme).
std::string content_hash(std::string_view bytes, ContentHashScheme scheme);
// The schema-1..6 key (kFnv1a2x64), kept for the databases that use it.
std::string content_hash_fnv(std::string_view bytes);

struct JsonOptions {
  bool include_lines = false;        // emit "lines" (the --explain output)
  // emit "sentences", "tokens", "entities", "quotes", "dates" (veille annotate)
  bool include_annotations = false;
};

// One JSON object on a single line (no trailing newline), following the README's output contract.
std::string to_json(const Document& doc, const JsonOptions& options = {});
// The article for a person: title, byline and date, then the body; markdown keeps heading marks.
std::string to_plain_text(const Document& doc);
std::string to_markdown(const Document& doc);

}  // namespace veille
