// The corpus store: every stored page, article, version, duplicate group, story and thread, the
// search index, and the read-side views the CLI, the HTTP API, the web UI and the press review
// show (their JSON shapes are the contract of README "Read-side JSON").
//
// All access goes through the abstract Store so that another backend can follow; open_sqlite_store
// is the first (one SQLite file, WAL, foreign keys, versioned schema, FTS5 with a French tokenizer).
//
// Thread safety: a Store object is used by one thread at a time. Several Store objects (threads
// or processes) may open the same file: readers never block the writer (WAL).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "veille/document.h"
#include "veille/status.h"

namespace veille {

namespace corpus {
struct SummaryCandidates;
}

using Json = nlohmann::ordered_json;

// ---------------------------------------------------------------- read-side views

struct EntityCount {  // an entity and how often it is mentioned in some set of articles
  std::string id, name, type;
  int64_t mentions = 0;
  Json to_json() const;  // {"id","name","type","mentions"}
};

// Search: words, "phrases", -exclusions and OR, with filters. See Store::search.
struct SearchQuery {
  std::string query;
  std::optional<std::string> entity;  // entity id: only articles mentioning it
  std::optional<std::string> site;
  std::optional<std::string> since, until;  // YYYY-MM-DD, inclusive, on the published date
  std::optional<int64_t> story;
  bool comments = false;  // also search reader comments
  int64_t limit = 20;     // 1..1000
  int64_t offset = 0;
};

struct SnippetSegment {
  std::string text;
  bool hit = false;
};

struct SearchHit {
  int64_t article = 0;
  std::optional<std::string> title, url, site, published;
  std::optional<int64_t> story;
  double score = 0;  // higher is better
  std::vector<SnippetSegment> snippet;
};

struct SearchResult {
  std::string query;
  int64_t total = 0, offset = 0, limit = 0;
  std::vector<SearchHit> hits;
  struct Facet {
    std::string key, name, type;  // entity: id/name/type; site: key; day: key
    int64_t count = 0;
  };
  std::vector<Facet> entity_facets, site_facets, day_facets;
  Json to_json() const;
};

struct StoryListQuery {
  std::optional<std::string> since;  // YYYY-MM-DD: stories whose last day is on or after it
  int64_t limit = 50, offset = 0;
};

struct StoryListItem {
  int64_t id = 0;
  std::optional<int64_t> thread;
  std::string title;
  std::optional<std::string> first, last;
  int64_t articles = 0;
  std::vector<std::string> sites;
  std::vector<EntityCount> entities;  // top 5
  std::optional<double> toxic_share;  // null when the story has no comment
  Json to_json() const;
};

struct StoryList {
  int64_t total = 0;
  std::vector<StoryListItem> stories;
  Json to_json() const;
};

struct ThreadItem {
  int64_t id = 0;
  std::string title;
  std::vector<int64_t> stories;
  std::optional<std::string> first, last;
  Json to_json() const;
};

struct ThreadList {
  std::vector<ThreadItem> threads;
  Json to_json() const;
};

struct ArticleRef {  // an article as listed under a story or an entity
  int64_t article = 0;
  std::optional<std::string> title, site, url, published;
  std::optional<int64_t> story;
};

struct StorySource {
  ArticleRef article;
  std::vector<ArticleRef> duplicates;  // copies of it, shown once under their source
};

struct StoryQuote {
  std::optional<std::string> speaker, speaker_entity;
  std::string text, kind;
  int64_t article = 0;
};

struct StoryDetail {
  int64_t id = 0;
  std::optional<int64_t> thread;
  std::string title;
  std::optional<std::string> first, last;
  std::vector<StorySource> sources;  // newest first
  std::vector<EntityCount> entities;
  struct Sentence {
    std::string text;
    int64_t article = 0;
  };
  std::vector<Sentence> summary;
  std::vector<StoryQuote> quotes;  // grouped by speaker
  struct Event {
    std::string value, text;
    int64_t article = 0;
  };
  std::vector<Event> timeline;
  int64_t comments = 0, toxic = 0;
  std::vector<std::pair<int64_t, std::string>> related;  // other stories of its thread: id, title
  Json to_json() const;
};

struct EntityListItem {
  std::string id, name, type;
  int64_t mentions = 0, articles = 0;
};

struct EntityList {
  int64_t total = 0;
  std::vector<EntityListItem> entities;
  Json to_json() const;
};

struct EntityDetail {
  std::string id, name, type;
  std::vector<std::string> surfaces;
  int64_t mentions = 0, articles = 0;
  std::vector<std::pair<std::string, int64_t>> timeline;  // day, articles that day
  struct EntityQuote {
    std::string text, kind;
    int64_t article = 0;
    std::optional<int64_t> story;
  };
  std::vector<EntityQuote> quotes;  // quotes it said (speaker_entity)
  std::vector<EntityCount> cooccurring;  // mentions = articles in common
  std::vector<ArticleRef> recent;
  Json to_json() const;
};

struct ArticleDetail {
  int64_t id = 0;
  std::optional<int64_t> story, duplicate_of;
  std::vector<int64_t> duplicates;
  int64_t versions = 0;
  Json document;  // the `veille annotate` JSON of the latest version
  Json to_json() const;
};

struct StoreStats {
  int64_t pages = 0, articles = 0, versions = 0, duplicates = 0, stories = 0, threads = 0,
          entities = 0, comments = 0, toxic_comments = 0, sites = 0;
  std::optional<std::string> first, last;
  Json to_json() const;
};

// ---------------------------------------------------------------- write side

// What put_document did with a page.
struct PutOutcome {
  enum class Kind { kKnown, kNewArticle, kNewVersion };
  Kind kind = Kind::kKnown;
  int64_t article = 0;
  int64_t version = 0;  // 1-based version number of the article the page is
};

// A document's search-index entry with its French terms computed ahead (prepare_search_entry,
// any thread), so that the thread writing to the store does not tokenise and stem: the index
// written is byte for byte the one the store's own tokenizer writes (an entry whose text is not
// the document's is ignored, and the store tokenises).
struct SearchEntry;
std::shared_ptr<const SearchEntry> prepare_search_entry(const Document& doc);

// The form in which the store keeps a document's JSON (zstd-compressed, any thread), so that a
// caller may compress on its own threads before put_document.
std::string stored_document_form(std::string_view json);

// A story as kept for incremental clustering: its profile is corpus::encode(StoryProfile).
struct StoredStory {
  int64_t id = 0;
  std::string profile;
  std::optional<int64_t> thread;
  int64_t shared_keys = 0;  // how many of the asked keys it has (candidate ranking)
};

class Store {
 public:
  virtual ~Store() = default;

  // ---- write side, used by the Ingester. Writes happen inside begin()/commit(); a batch that
  // fails is rolled back whole, so a crash loses at most the batch being written.
  virtual Status begin() = 0;
  virtual Status commit() = 0;
  virtual void rollback() = 0;

  // How this store's pages are keyed: content_hash(bytes, content_hash_scheme()) is the
  // Document::id to give has_page and put_document. A store keeps the scheme it was created with
  // (its keys cannot be recomputed without the pages): XXH3 for new ones, FNV for SQLite files that
  // held pages before schema 7.
  virtual ContentHashScheme content_hash_scheme() const = 0;
  // Whether a page with this content hash (Document::id) is already stored.
  virtual Result<bool> has_page(std::string_view hash) = 0;
  // Stores a page: known hash -> kKnown (nothing written); a known URL with new content -> a new
  // version of that article (the article shows the latest); else a new article. Stores the
  // annotated JSON, and replaces the article's entities, quotes, dates, comment counts and
  // search-index entry with the new version's. `json`: to_json(doc, include_annotations) when the
  // caller already has it (the ingester serialises on its worker threads), or its stored form
  // (stored_document_form), else empty. `search`: prepare_search_entry(doc) when the caller
  // tokenised it ahead, else null.
  virtual Result<PutOutcome> put_document(const Document& doc, std::string_view json = {},
                                          std::shared_ptr<const SearchEntry> search = nullptr) = 0;

  // Near-duplicates: the MinHash signature (corpus::encode) and its LSH band keys.
  virtual Status set_signature(int64_t article, std::string_view signature,
                               const std::vector<uint64_t>& band_keys) = 0;
  // Articles sharing at least one band key (bounded per key), without `exclude`.
  virtual Result<std::vector<int64_t>> duplicate_candidates(const std::vector<uint64_t>& band_keys,
                                                            int64_t exclude) = 0;
  virtual Result<std::string> signature(int64_t article) = 0;
  // Marks `article` as a copy of the group of `of` (of's own source when of is a copy), puts it
  // in that source's story, and returns the source's id.
  virtual Result<int64_t> set_duplicate(int64_t article, int64_t of) = 0;
  virtual Result<std::optional<int64_t>> article_story(int64_t article) = 0;

  // Stories whose key index shares keys with `keys` and whose days meet [day_lo, day_hi] (both
  // unset: any day), best key overlap first, at most `limit`.
  virtual Result<std::vector<StoredStory>> candidate_stories(const std::vector<std::string>& keys,
                                                             std::optional<int32_t> day_lo,
                                                             std::optional<int32_t> day_hi,
                                                             size_t limit) = 0;
  // Creates or rewrites a story (its profile, key index and days); first/last: days or unset.
  virtual Result<int64_t> create_story(std::string_view title, std::string_view profile,
                                       const std::vector<std::string>& keys,
                                       std::optional<int32_t> first_day,
                                       std::optional<int32_t> last_day) = 0;
  virtual Status update_story(int64_t story, std::string_view profile,
                              const std::vector<std::string>& keys, std::optional<int32_t> first_day,
                              std::optional<int32_t> last_day) = 0;
  virtual Status set_article_story(int64_t article, int64_t story) = 0;
  // Puts `story` in the thread of `other` (creating that thread when neither has one); when only
  // `story` has a thread, `other` joins it; when both have one, the two threads merge: the smaller
  // one's stories move into the larger (the older on a tie), which keeps its title, and the
  // emptied thread is dropped. Returns the thread the two stories are now in.
  virtual Result<int64_t> join_thread(int64_t story, int64_t other) = 0;
  // Recomputes and stores the story's summary and timeline (what get_story returns), from its
  // newest source articles; called by the ingester once per batch for each story that changed,
  // so that reads do not pay for it. `in_memory`: documents the caller already holds, by article
  // id (the batch being written, recent ones), used instead of parsing their stored JSON, with
  // their corpus::summary_candidates when the caller has them (else computed here).
  struct DigestInput {
    const Document* doc = nullptr;
    const corpus::SummaryCandidates* summary = nullptr;  // may be null
  };
  virtual Status refresh_story_digest(int64_t story,
                                      const std::unordered_map<int64_t, DigestInput>& in_memory = {}) = 0;

  // ---- read side. Unknown ids -> kNotFound; bad queries -> kInvalidArgument.
  // The query language: words (all required), "exact phrases", -word or -"phrase" to exclude,
  // OR between two items; case, accents and inflection are folded (French Snowball stemming).
  virtual Result<SearchResult> search(const SearchQuery& q) = 0;
  virtual Result<StoryList> list_stories(const StoryListQuery& q) = 0;
  virtual Result<ThreadList> list_threads() = 0;
  virtual Result<StoryDetail> get_story(int64_t id) = 0;
  // Entities whose name or id contains q (case and accents folded); empty q: all. Most mentioned
  // first.
  virtual Result<EntityList> list_entities(std::string_view q, int64_t limit = 50,
                                           int64_t offset = 0) = 0;
  virtual Result<EntityDetail> get_entity(std::string_view id) = 0;
  virtual Result<ArticleDetail> get_article(int64_t id) = 0;
  virtual Result<StoreStats> stats() = 0;
  // The stored documents (latest versions) of a story's source articles (copies left out),
  // newest first, at most `limit`: for summaries and the press review.
  struct StoredDocument {
    int64_t article = 0;
    Document doc;
  };
  virtual Result<std::vector<StoredDocument>> story_documents(int64_t story, size_t limit = 50) = 0;
};

// The default database file: ./veille.db.
inline constexpr const char* kDefaultDatabasePath = "veille.db";

struct SqliteStoreOptions {
  // Refuse to create the file when it does not exist (the read commands).
  bool must_exist = false;
  bool read_only = false;
  // Milliseconds to wait for another writer's lock before failing.
  int busy_timeout_ms = 10000;
};

// Opens (creating when allowed) a SQLite store. A file that is not SQLite, is corrupt, belongs to
// another application (PRAGMA application_id) or has a newer schema is refused (kCorrupt /
// kUnsupported) and never written to.
Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path,
                                                 const SqliteStoreOptions& options = {});

// The schema version this build writes (PRAGMA user_version).
int sqlite_schema_version();
// PRAGMA application_id of veille databases ("veil" in ASCII).
inline constexpr int32_t kSqliteApplicationId = 0x7665696c;

// Parses the `veille annotate` JSON (to_json with include_annotations) back into a Document.
Result<Document> document_from_json(std::string_view json);

// Translates a user query into an FTS5 MATCH expression in which every word is a quoted string,
// so that no input can inject FTS5 syntax. kInvalidArgument for a query with nothing to search
// (empty, only exclusions, unbalanced quotes, a dangling OR). Exposed for tests and fuzzing.
Result<std::string> translate_search_query(std::string_view query);

// The search tokenizer's terms of a text: lower-cased, accents folded, French Snowball stems.
std::vector<std::string> search_terms(std::string_view text);

}  // namespace veille
