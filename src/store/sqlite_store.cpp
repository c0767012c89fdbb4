// The SQLite backend of Store: schema and migrations, writes of the ingester, search and the
// read-side views.
#include <sys/stat.h>
#include <zstd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <thread>
#include <unordered_map>

#include "store/checkpointer.h"
#include "store/digest_input.h"
#include "store/fts_tokenizer.h"
#include "store/sqlite_db.h"
#include "veille/corpus.h"
#include "veille/store.h"

namespace veille {

// The three columns of a document's search row, each with its terms when computed ahead.
struct SearchEntry {
  store::PreparedTerms title, text, comments;
  bool tokenized = false;  // terms computed (prepare_search_entry), else the tokenizer's job
};

namespace {

using store::Database;
using store::Query;

#define VEILLE_TRY(expr)              \
  do {                                \
    Status _st = (expr);              \
    if (!_st.ok()) return _st;        \
  } while (0)

#define VEILLE_QUERY(var, sql)                 \
  auto var##_result = db_.query(sql);          \
  if (!var##_result.ok()) return var##_result.status(); \
  Query& var = *var##_result

// Schema migrations: kMigrations[i] takes a database from user_version i to i + 1.
const char* const kMigrations[] = {
    // 0 -> 1: the first schema.
    R"sql(
CREATE TABLE articles(
  id INTEGER PRIMARY KEY,
  url TEXT UNIQUE,
  title TEXT,
  site TEXT,
  published TEXT,
  day TEXT,                       -- YYYY-MM-DD of published, for filters and facets
  versions INTEGER NOT NULL DEFAULT 1,
  latest_version INTEGER,
  story_id INTEGER REFERENCES stories(id) ON DELETE SET NULL,
  duplicate_of INTEGER REFERENCES articles(id) ON DELETE SET NULL,
  comments INTEGER NOT NULL DEFAULT 0,
  toxic INTEGER NOT NULL DEFAULT 0,
  signature BLOB,
  first_seen TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_duplicate ON articles(duplicate_of);
CREATE INDEX articles_site ON articles(site);
CREATE INDEX articles_day ON articles(day);
CREATE TABLE versions(
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  hash TEXT NOT NULL UNIQUE,      -- Document::id, the content hash of the page
  source TEXT NOT NULL,
  document TEXT NOT NULL,         -- to_json(doc, include_annotations)
  stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
CREATE INDEX versions_article ON versions(article_id);
CREATE TABLE entities(
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  folded TEXT NOT NULL);          -- lower-cased, accents folded name, for lookups
CREATE TABLE mentions(
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  entity_id TEXT NOT NULL REFERENCES entities(id),
  count INTEGER NOT NULL,
  PRIMARY KEY(article_id, entity_id)) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions(entity_id, article_id);
CREATE TABLE surfaces(
  entity_id TEXT NOT NULL REFERENCES entities(id),
  surface TEXT NOT NULL,
  PRIMARY KEY(entity_id, surface)) WITHOUT ROWID;
CREATE TABLE quotes(
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL,
  speaker TEXT,
  speaker_entity TEXT,
  cue TEXT);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_entity);
CREATE TABLE dates(
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  value TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL);
CREATE INDEX dates_article ON dates(article_id);
CREATE TABLE band_keys(
  key INTEGER NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY(key, article_id)) WITHOUT ROWID;
CREATE INDEX band_keys_article ON band_keys(article_id);
CREATE TABLE threads(
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL);
CREATE TABLE stories(
  id INTEGER PRIMARY KEY,
  thread_id INTEGER REFERENCES threads(id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  first_day INTEGER,
  last_day INTEGER,
  profile BLOB NOT NULL);
CREATE INDEX stories_thread ON stories(thread_id);
CREATE INDEX stories_last ON stories(last_day);
CREATE TABLE story_keys(
  key TEXT NOT NULL,
  last_day INTEGER,               -- the story's, so that candidates are found within a window
  first_day INTEGER,
  story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE);
CREATE INDEX story_keys_key ON story_keys(key, last_day);
CREATE INDEX story_keys_story ON story_keys(story_id);
CREATE VIRTUAL TABLE search USING fts5(title, text, comments, tokenize='veille_fr');
)sql",
    // 1 -> 2: the summary and timeline of a story, computed when it changes (NULL: not yet, and
    // get_story computes them at read time).
    R"sql(
ALTER TABLE stories ADD COLUMN digest TEXT;
)sql",
    // 2 -> 3: the longest story's span in days, read in O(log n) by candidate_stories to bound its
    // index scan on both sides (see there).
    R"sql(
CREATE INDEX stories_span ON stories(last_day - first_day);
)sql",
    // 3 -> 4: what a story's digest reads from each article, compactly (store/digest_input.h),
    // written when the article first takes part in a digest refresh; an article without it is
    // read from its JSON.
    R"sql(
CREATE TABLE digest_inputs(
  version_id INTEGER PRIMARY KEY REFERENCES versions(id) ON DELETE CASCADE,
  data BLOB NOT NULL);
)sql",
    // 4 -> 5: candidate_stories reads story keys from one covering index, in the order it needs
    // (key, last_day, then the last written first), instead of looking each row up in the table
    // for first_day and story_id. seq is the row's rowid, which SQLite cannot index: it keeps the
    // tie order of the former index on (key, last_day), so the same 200 rows per key are read.
    R"sql(
ALTER TABLE story_keys ADD COLUMN seq INTEGER;
UPDATE story_keys SET seq = rowid;
CREATE INDEX story_keys_recent ON story_keys(key, last_day, seq, first_day, story_id);
DROP INDEX story_keys_key;
)sql",
    // 5 -> 6: versions.document may hold a zstd frame of the JSON (stored_document_form) instead of
    // the JSON itself: a fifth of the bytes. No row changes, since readers take both; the version
    // keeps an older veille from reading a frame as JSON.
    R"sql(
SELECT 1;
)sql",
    // 6 -> 7: the scheme of the page keys (versions.hash), recorded per database: schemas 1 to 6
    // keyed pages with FNV-1a, which a database keeps once it holds a page (a known page must stay
    // known, and a changed one a new version); one created here, or still empty, uses XXH3, which
    // the ingester computes about 10x faster (ContentHashScheme).
    R"sql(
CREATE TABLE store_info(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO store_info(key, value)
  VALUES('content_hash', CASE WHEN EXISTS (SELECT 1 FROM versions) THEN 'fnv1a-2x64' ELSE 'xxh3-128' END);
)sql",
};
constexpr int kSchemaVersion = static_cast<int>(sizeof(kMigrations) / sizeof(kMigrations[0]));

// SQLite's page cache of a writing connection, in KiB (see SqliteStore::open).
constexpr int kPageCacheKib = 64 * 1024;

// Search snippet markers: control characters that never reach the index (clean_for_index).
constexpr char kHitOpen = '\x02';
constexpr char kHitClose = '\x03';

std::string clean_for_index(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == kHitOpen || c == kHitClose) c = ' ';
  return out;
}

// A stored document: a zstd frame (from stored_document_form) or, before schema 6, the JSON.
bool is_zstd_frame(std::string_view s) { return s.size() >= 4 && std::memcmp(s.data(), "\x28\xB5\x2F\xFD", 4) == 0; }

// The JSON of a stored document; `what` names it in errors.
Result<std::string> stored_document_json(std::string stored, const std::string& what) {
  if (!is_zstd_frame(stored)) return stored;
  const unsigned long long size = ZSTD_getFrameContentSize(stored.data(), stored.size());
  // A bound on what a frame may claim: documents are far smaller, a corrupt size must not allocate.
  constexpr unsigned long long kMaxDocumentBytes = 1ull << 30;
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxDocumentBytes)
    return Status::Corrupt(what + ": stored document is a damaged zstd frame");
  std::string out(static_cast<size_t>(size), '\0');
  const size_t got = ZSTD_decompress(out.data(), out.size(), stored.data(), stored.size());
  if (ZSTD_isError(got) || got != out.size())
    return Status::Corrupt(what + ": stored document does not decompress (" +
                           (ZSTD_isError(got) ? std::string(ZSTD_getErrorName(got)) : "short") + ")");
  return out;
}

// The texts of a document's search row, untokenised.
std::shared_ptr<SearchEntry> search_entry_texts(const Document& doc) {
  auto e = std::make_shared<SearchEntry>();
  std::string comments;
  for (const auto& c : doc.comments) {
    if (!comments.empty()) comments += "\n";
    comments += c.text;
  }
  e->title.text = clean_for_index(doc.title.value_or(""));
  e->text.text = clean_for_index(doc.text);
  e->comments.text = clean_for_index(comments);
  return e;
}

// Days since 1970-01-01 <-> YYYY-MM-DD (proleptic Gregorian).
std::optional<int32_t> day_number(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  auto num = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return -1;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string day_string(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp + (mp < 10 ? 3 : -9);
  y += m <= 2;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(y), static_cast<long long>(m),
                static_cast<long long>(d));
  return buf;
}

std::optional<std::string> opt_day(const Query& q, int col) {
  if (q.is_null(col)) return std::nullopt;
  return day_string(q.int64(col));
}

Status check_date(const std::optional<std::string>& d, const char* what) {
  if (d && (d->size() != 10 || !day_number(*d)))
    return Status::InvalidArgument(std::string(what) + " must be a date YYYY-MM-DD, not \"" + *d + "\"");
  return Status::Ok();
}

bool file_exists(const std::string& path) {
  struct stat st{};
  return ::stat(path.c_str(), &st) == 0;
}

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(std::string path) : path_(std::move(path)) {}
  ~SqliteStore() override {
    if (in_tx_) rollback();
  }

  Status open(const SqliteStoreOptions& options);

  Status begin() override {
    if (checkpointer_) checkpointer_->before_write();
    VEILLE_TRY(db_.exec("BEGIN IMMEDIATE"));
    in_tx_ = true;
    return Status::Ok();
  }
  Status commit() override {
    Status st = flush_index();
    if (st.ok()) st = db_.exec("COMMIT");
    if (!st.ok()) rollback();
    in_tx_ = false;
    return st;
  }
  void rollback() override {
    pending_index_.clear();
    if (sqlite3_get_autocommit(db_.handle()) == 0) (void)db_.exec("ROLLBACK");
    in_tx_ = false;
  }

  ContentHashScheme content_hash_scheme() const override { return content_hash_scheme_; }
  Result<bool> has_page(std::string_view hash) override;
  Result<PutOutcome> put_document(const Document& doc, std::string_view json,
                                  std::shared_ptr<const SearchEntry> search) override;
  Status set_signature(int64_t article, std::string_view signature,
                       const std::vector<uint64_t>& band_keys) override;
  Result<std::vector<int64_t>> duplicate_candidates(const std::vector<uint64_t>& band_keys,
                                                    int64_t exclude) override;
  Result<std::string> signature(int64_t article) override;
  Result<int64_t> set_duplicate(int64_t article, int64_t of) override;
  Result<std::optional<int64_t>> article_story(int64_t article) override;
  Result<std::vector<StoredStory>> candidate_stories(const std::vector<std::string>& keys,
                                                     std::optional<int32_t> day_lo,
                                                     std::optional<int32_t> day_hi, size_t limit) override;
  Result<int64_t> create_story(std::string_view title, std::string_view profile,
                               const std::vector<std::string>& keys, std::optional<int32_t> first_day,
                               std::optional<int32_t> last_day) override;
  Status update_story(int64_t story, std::string_view profile, const std::vector<std::string>& keys,
                      std::optional<int32_t> first_day, std::optional<int32_t> last_day) override;
  Status set_article_story(int64_t article, int64_t story) override;
  Result<int64_t> join_thread(int64_t story, int64_t other) override;
  Status refresh_story_digest(int64_t story, const std::unordered_map<int64_t, DigestInput>& in_memory) override;

  Result<SearchResult> search(const SearchQuery& q) override;
  Result<StoryList> list_stories(const StoryListQuery& q) override;
  Result<ThreadList> list_threads() override;
  Result<StoryDetail> get_story(int64_t id) override;
  Result<EntityList> list_entities(std::string_view q, int64_t limit, int64_t offset) override;
  Result<EntityDetail> get_entity(std::string_view id) override;
  Result<ArticleDetail> get_article(int64_t id) override;
  Result<StoreStats> stats() override;
  Result<std::vector<StoredDocument>> story_documents(int64_t story, size_t limit) override;

 private:
  Status migrate(int from);
  Status read_content_hash_scheme();
  Status replace_derived(int64_t article, const Document& doc, bool new_article,
                         std::shared_ptr<const SearchEntry> search);
  Status flush_index();
  Status write_story_keys(int64_t story, const std::vector<std::string>& keys,
                          std::optional<int32_t> first_day, std::optional<int32_t> last_day);
  Result<std::vector<EntityCount>> top_entities(const std::string& article_filter, int64_t arg, int64_t limit);
  ArticleRef article_ref(const Query& q, int first_col);

  std::string path_;
  Database db_;
  // WAL checkpoints on a thread of their own (writers in WAL mode); declared after db_, so that
  // it stops before the connection closes.
  std::unique_ptr<store::Checkpointer> checkpointer_;
  bool in_tx_ = false;
  ContentHashScheme content_hash_scheme_ = ContentHashScheme::kXxh3_128;  // read by open()
  // Search rows of the open transaction, written together at commit. Why: any statement that
  // needs a statement journal (an UPDATE on articles, with its foreign keys) opens a savepoint,
  // and FTS5 flushes its pending terms to disk at every savepoint; interleaved with the other
  // writes, each page's terms became a segment of its own, and segments had to be merged.
  struct PendingIndex {
    int64_t rowid;
    bool replace;  // an older version's row must go first
    std::shared_ptr<const SearchEntry> entry;
  };
  std::vector<PendingIndex> pending_index_;
  // Owned by the connection: where flush_index hands prepared terms to the tokenizer.
  store::TokenizerHints* hints_ = nullptr;
};

// ------------------------------------------------------------------ opening and schema

Status SqliteStore::open(const SqliteStoreOptions& options) {
  bool exists = file_exists(path_);
  if (!exists && (options.must_exist || options.read_only))
    return Status::NotFound("no database at " + path_ + " (create it with `veille ingest --db " + path_ + " INPUT...`)");
  if (exists) {
    // Check the header ourselves: SQLite would treat some non-database files lazily, and a file
    // that is not ours must never be written to.
    std::ifstream in(path_, std::ios::binary);
    if (!in) return Status::Io("cannot read " + path_);
    char header[16] = {};
    in.read(header, 16);
    std::streamsize got = in.gcount();
    if (got > 0 && (got < 16 || std::memcmp(header, "SQLite format 3", 16) != 0))
      return Status::Corrupt(path_ + " is not a SQLite database; refusing to use it (choose another --db path)");
  }
  int flags = options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  VEILLE_TRY(db_.open(path_, flags | SQLITE_OPEN_NOMUTEX, options.busy_timeout_ms));
  VEILLE_TRY(store::register_french_tokenizer(db_.handle(), &hints_));

  int64_t app_id = 0, version = 0, objects = 0;
  {
    auto read_int = [&](const char* sql, int64_t* out) -> Status {
      auto q = db_.query(sql);
      if (!q.ok()) {
        Status st = q.status();
        if (st.code() == StatusCode::kCorrupt)
          return Status::Corrupt(path_ + " is corrupt or not a database: " + st.message());
        return st;
      }
      Status st;
      if (q->step(&st)) *out = q->int64(0);
      if (!st.ok() && st.code() == StatusCode::kCorrupt)
        return Status::Corrupt(path_ + " is corrupt or not a database: " + st.message());
      return st;
    };
    // One read transaction, so that the three come from one snapshot: another veille creating
    // the file commits its schema and its application_id together, and read apart the id could
    // come from before that commit and the objects from after it ("another application's").
    VEILLE_TRY(db_.exec("BEGIN"));
    Status st = read_int("PRAGMA application_id", &app_id);
    if (st.ok()) st = read_int("PRAGMA user_version", &version);
    if (st.ok()) st = read_int("SELECT count(*) FROM sqlite_master", &objects);
    db_.clear_cache();  // finalised before the transaction ends
    Status end = db_.exec(st.ok() ? "COMMIT" : "ROLLBACK");
    VEILLE_TRY(st);
    VEILLE_TRY(end);
  }
  if (app_id != kSqliteApplicationId && (app_id != 0 || objects != 0))
    return Status::Corrupt(path_ + " is another application's SQLite database (application_id " +
                           std::to_string(app_id) + "); refusing to use it");
  if (objects == 0 && (options.must_exist || options.read_only))
    return Status::NotFound(path_ + " holds no veille data yet (another veille may be creating it; "
                            "fill it with `veille ingest --db " + path_ + " INPUT...`)");
  if (version > kSchemaVersion)
    return Status::Unsupported(path_ + " has schema version " + std::to_string(version) +
                               ", newer than this veille reads (" + std::to_string(kSchemaVersion) +
                               "); upgrade veille");
  if (!options.read_only) {
    // Switching to WAL needs the file to itself and SQLite answers SQLITE_BUSY at once, without
    // its busy handler, while another process has it open: wait for it as for any other lock.
    Status wal;
    for (int waited = 0;; waited += 5) {
      wal = db_.exec("PRAGMA journal_mode=WAL");
      if (wal.ok() || sqlite3_errcode(db_.handle()) != SQLITE_BUSY || waited >= options.busy_timeout_ms) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    VEILLE_TRY(wal);
    VEILLE_TRY(db_.exec("PRAGMA synchronous=NORMAL"));
    // A page cache that holds the indexes the writer probes on every page. Why: each stored
    // document (about 70 KB of JSON) fills overflow pages that pushed everything else out of
    // SQLite's default 2 MB cache, so every batch read its index pages again from the OS, and more
    // of them as the indexes grew: the writer's time per page grew with the corpus (ingest_bench,
    // 3,000 pages: store inserts 0.70 -> 0.87 ms per page with 2 MB, flat at 0.62 with 64 MB). A
    // bound, not an allocation; writers only, since the server opens one reader per worker.
    VEILLE_TRY(db_.exec("PRAGMA cache_size=-" + std::to_string(kPageCacheKib)));
  }
  VEILLE_TRY(db_.exec("PRAGMA foreign_keys=ON"));
  if (version < kSchemaVersion) {
    if (options.read_only)
      return Status::Unsupported(path_ + " has an old schema (version " + std::to_string(version) +
                                 "); open it once for writing (veille ingest) to migrate it");
    VEILLE_TRY(migrate(static_cast<int>(version)));
  }
  VEILLE_TRY(read_content_hash_scheme());
  if (!options.read_only) {
    auto mode = db_.query("PRAGMA journal_mode");
    if (!mode.ok()) return mode.status();
    Status st;
    const bool wal = mode->step(&st) && mode->text(0) == "wal";
    VEILLE_TRY(st);
    if (wal) {
      auto c = store::Checkpointer::start(db_.handle(), path_, options.busy_timeout_ms);
      if (!c.ok()) return c.status();
      checkpointer_ = std::move(*c);
    }
  }
  return Status::Ok();
}

Status SqliteStore::read_content_hash_scheme() {
  auto q = db_.query("SELECT value FROM store_info WHERE key = 'content_hash'");
  if (!q.ok()) return Status(q.status().code(), path_ + ": cannot read its content hash scheme: " + q.status().message());
  Status st;
  std::optional<std::string> name;
  if (q->step(&st)) name = q->text(0);
  VEILLE_TRY(st);
  if (!name) return Status::Corrupt(path_ + " records no content hash scheme (store_info has no 'content_hash' row)");
  auto scheme = parse_content_hash_scheme(*name);
  if (!scheme)
    return Status::Unsupported(path_ + " keys its pages with an unknown content hash scheme '" + *name +
                               "'; upgrade veille");
  content_hash_scheme_ = *scheme;
  return Status::Ok();
}

Status SqliteStore::migrate(int from) {
  VEILLE_TRY(db_.exec("BEGIN IMMEDIATE"));
  // Another process may have migrated the file between our first look and this write lock (two
  // `veille ingest` starting on a new file): the version read under the lock is the one to start from.
  Status st;
  {
    auto q = db_.query("PRAGMA user_version");
    if (!q.ok()) st = q.status();
    else if (q->step(&st)) from = static_cast<int>(q->int64(0));
  }
  db_.clear_cache();
  if (!st.ok()) {
    (void)db_.exec("ROLLBACK");
    return st;
  }
  if (from >= kSchemaVersion) return db_.exec("COMMIT");
  for (int v = from; v < kSchemaVersion; ++v) {
    st = db_.exec(kMigrations[v]);
    if (!st.ok()) {
      (void)db_.exec("ROLLBACK");
      return Status(st.code(), "migrating " + path_ + " to schema " + std::to_string(v + 1) + ": " + st.message());
    }
  }
  st = db_.exec("PRAGMA application_id=" + std::to_string(kSqliteApplicationId) +
                       "; PRAGMA user_version=" + std::to_string(kSchemaVersion));
  if (!st.ok()) {
    (void)db_.exec("ROLLBACK");
    return st;
  }
  return db_.exec("COMMIT");
}

// ------------------------------------------------------------------ writes

Result<bool> SqliteStore::has_page(std::string_view hash) {
  VEILLE_QUERY(q, "SELECT 1 FROM versions WHERE hash = ?1");
  q.bind(1, hash);
  Status st;
  bool found = q.step(&st);
  if (!st.ok()) return st;
  return found;
}

Result<PutOutcome> SqliteStore::put_document(const Document& doc, std::string_view json,
                                             std::shared_ptr<const SearchEntry> search) {
  PutOutcome out;
  auto known = has_page(doc.id);
  if (!known.ok()) return known.status();
  if (*known) return out;

  int64_t comments = static_cast<int64_t>(doc.comments.size()), toxic = 0;
  for (const auto& c : doc.comments) toxic += c.moderation && c.moderation->toxic;
  std::optional<std::string> day;
  if (doc.published && day_number(*doc.published)) day = doc.published->substr(0, 10);

  std::optional<int64_t> existing;
  int64_t versions = 0;
  if (doc.url) {
    VEILLE_QUERY(q, "SELECT id, versions FROM articles WHERE url = ?1");
    q.bind(1, *doc.url);
    Status st;
    if (q.step(&st)) {
      existing = q.int64(0);
      versions = q.int64(1);
    }
    VEILLE_TRY(st);
  }
  if (existing) {
    out.kind = PutOutcome::Kind::kNewVersion;
    out.article = *existing;
    out.version = versions + 1;
  } else {
    VEILLE_QUERY(q, "INSERT INTO articles(url) VALUES (?1)");
    q.bind(1, doc.url);
    VEILLE_TRY(q.run());
    out.kind = PutOutcome::Kind::kNewArticle;
    out.article = sqlite3_last_insert_rowid(db_.handle());
    out.version = 1;
  }
  std::string serialized;
  if (json.empty()) {
    JsonOptions jopt;
    jopt.include_annotations = true;
    serialized = stored_document_form(to_json(doc, jopt));
    json = serialized;
  } else if (!is_zstd_frame(json)) {
    serialized = stored_document_form(json);
    json = serialized;
  }
  {
    VEILLE_QUERY(q, "INSERT INTO versions(article_id, number, hash, source, document) VALUES (?1, ?2, ?3, ?4, ?5)");
    q.bind(1, out.article).bind(2, out.version).bind(3, doc.id).bind(4, doc.source).bind_blob(5, json);
    VEILLE_TRY(q.run());
  }
  int64_t version_id = sqlite3_last_insert_rowid(db_.handle());
  {
    VEILLE_QUERY(q,
                 "UPDATE articles SET title = ?2, site = ?3, published = ?4, day = ?5, versions = ?6, "
                 "latest_version = ?7, comments = ?8, toxic = ?9 WHERE id = ?1");
    q.bind(1, out.article).bind(2, doc.title).bind(3, doc.site).bind(4, doc.published).bind(5, day);
    q.bind(6, out.version).bind(7, version_id).bind(8, comments).bind(9, toxic);
    VEILLE_TRY(q.run());
  }
  VEILLE_TRY(replace_derived(out.article, doc, out.kind == PutOutcome::Kind::kNewArticle, std::move(search)));
  return out;
}

Status SqliteStore::flush_index() {
  std::vector<PendingIndex> rows = std::move(pending_index_);
  pending_index_.clear();
  for (const auto& r : rows) {
    if (r.replace) {
      VEILLE_QUERY(q, "DELETE FROM search WHERE rowid = ?1");
      q.bind(1, r.rowid);
      VEILLE_TRY(q.run());
    }
    VEILLE_QUERY(q, "INSERT INTO search(rowid, title, text, comments) VALUES (?1, ?2, ?3, ?4)");
    q.bind(1, r.rowid).bind(2, r.entry->title.text).bind(3, r.entry->text.text).bind(4, r.entry->comments.text);
    if (hints_ && r.entry->tokenized) hints_->current = {&r.entry->title, &r.entry->text, &r.entry->comments};
    Status st = q.run();
    if (hints_) hints_->current.clear();
    VEILLE_TRY(st);
  }
  return Status::Ok();
}

Status SqliteStore::replace_derived(int64_t article, const Document& doc, bool new_article,
                                    std::shared_ptr<const SearchEntry> search) {
  if (!new_article) {
    for (const char* sql : {"DELETE FROM mentions WHERE article_id = ?1", "DELETE FROM quotes WHERE article_id = ?1",
                            "DELETE FROM dates WHERE article_id = ?1"}) {
      VEILLE_QUERY(q, sql);
      q.bind(1, article);
      VEILLE_TRY(q.run());
    }
  }
  auto surface = [&](const Span& s) { return doc.text.substr(s.begin, s.end - s.begin); };
  // Entities: one row per entity with its mention count in this article.
  std::map<std::string, int64_t> counts;
  std::set<std::pair<std::string_view, std::string_view>> surfaces;  // written once per article
  for (const auto& e : doc.annotations.entities) {
    if (e.id.empty() || e.span.end > doc.text.size() || e.span.begin > e.span.end) continue;
    if (counts[e.id]++ == 0) {
      VEILLE_QUERY(q, "INSERT INTO entities(id, name, type, folded) VALUES (?1, ?2, ?3, ?4) ON CONFLICT(id) DO NOTHING");
      q.bind(1, e.id).bind(2, e.entity).bind(3, e.type).bind(4, store::fold(e.entity));
      VEILLE_TRY(q.run());
    }
    if (!surfaces.emplace(e.id, std::string_view(doc.text).substr(e.span.begin, e.span.end - e.span.begin)).second)
      continue;
    VEILLE_QUERY(s, "INSERT OR IGNORE INTO surfaces(entity_id, surface) VALUES (?1, ?2)");
    s.bind(1, e.id).bind(2, surface(e.span));
    VEILLE_TRY(s.run());
  }
  for (const auto& [id, n] : counts) {
    VEILLE_QUERY(q, "INSERT INTO mentions(article_id, entity_id, count) VALUES (?1, ?2, ?3)");
    q.bind(1, article).bind(2, id).bind(3, n);
    VEILLE_TRY(q.run());
  }
  int64_t position = 0;
  for (const auto& qt : doc.annotations.quotes) {
    if (qt.span.end > doc.text.size() || qt.span.begin > qt.span.end) continue;
    VEILLE_QUERY(q,
                 "INSERT INTO quotes(article_id, position, text, kind, speaker, speaker_entity, cue) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    q.bind(1, article).bind(2, position++).bind(3, surface(qt.span)).bind(4, qt.kind);
    q.bind(5, qt.speaker).bind(6, qt.speaker_entity).bind(7, qt.cue);
    VEILLE_TRY(q.run());
  }
  for (const auto& d : doc.annotations.dates) {
    if (d.span.end > doc.text.size() || d.span.begin > d.span.end) continue;
    VEILLE_QUERY(q, "INSERT INTO dates(article_id, value, kind, text) VALUES (?1, ?2, ?3, ?4)");
    q.bind(1, article).bind(2, d.value).bind(3, d.kind).bind(4, surface(d.span));
    VEILLE_TRY(q.run());
  }
  // An entry prepared from another document (or another version of it) would index the wrong text.
  std::shared_ptr<const SearchEntry> texts = search_entry_texts(doc);
  if (!search || search->title.text != texts->title.text || search->text.text != texts->text.text ||
      search->comments.text != texts->comments.text)
    search = std::move(texts);
  // Two versions of one article in one transaction: the row queued for the older one goes.
  std::erase_if(pending_index_, [&](const PendingIndex& r) { return r.rowid == article; });
  pending_index_.push_back({article, !new_article, std::move(search)});
  // Outside a transaction each statement commits on its own: so does the search row.
  if (!in_tx_) return flush_index();
  return Status::Ok();
}

Status SqliteStore::set_signature(int64_t article, std::string_view signature,
                                  const std::vector<uint64_t>& band_keys) {
  {
    VEILLE_QUERY(q, "UPDATE articles SET signature = ?2 WHERE id = ?1");
    q.bind(1, article).bind_blob(2, signature);
    VEILLE_TRY(q.run());
  }
  {
    VEILLE_QUERY(q, "DELETE FROM band_keys WHERE article_id = ?1");
    q.bind(1, article);
    VEILLE_TRY(q.run());
  }
  for (uint64_t key : band_keys) {
    VEILLE_QUERY(q, "INSERT OR IGNORE INTO band_keys(key, article_id) VALUES (?1, ?2)");
    q.bind(1, static_cast<int64_t>(key)).bind(2, article);
    VEILLE_TRY(q.run());
  }
  return Status::Ok();
}

Result<std::vector<int64_t>> SqliteStore::duplicate_candidates(const std::vector<uint64_t>& band_keys,
                                                               int64_t exclude) {
  // Bounded per key: a band shared by thousands of articles (boilerplate) must not make one page
  // cost as much as the corpus.
  std::set<int64_t> found;
  for (uint64_t key : band_keys) {
    VEILLE_QUERY(q, "SELECT article_id FROM band_keys WHERE key = ?1 AND article_id <> ?2 LIMIT 64");
    q.bind(1, static_cast<int64_t>(key)).bind(2, exclude);
    Status st;
    while (q.step(&st)) found.insert(q.int64(0));
    VEILLE_TRY(st);
  }
  return std::vector<int64_t>(found.begin(), found.end());
}

Result<std::string> SqliteStore::signature(int64_t article) {
  VEILLE_QUERY(q, "SELECT signature FROM articles WHERE id = ?1");
  q.bind(1, article);
  Status st;
  if (!q.step(&st)) {
    VEILLE_TRY(st);
    return Status::NotFound("no article " + std::to_string(article));
  }
  return q.blob(0);
}

Result<int64_t> SqliteStore::set_duplicate(int64_t article, int64_t of) {
  int64_t source = of;
  std::optional<int64_t> story;
  {
    VEILLE_QUERY(q, "SELECT coalesce(duplicate_of, id), story_id FROM articles WHERE id = ?1");
    q.bind(1, of);
    Status st;
    if (!q.step(&st)) {
      VEILLE_TRY(st);
      return Status::NotFound("no article " + std::to_string(of));
    }
    source = q.int64(0);
  }
  {
    VEILLE_QUERY(q, "SELECT story_id FROM articles WHERE id = ?1");
    q.bind(1, source);
    Status st;
    if (q.step(&st)) story = q.opt_int64(0);
    VEILLE_TRY(st);
  }
  if (source == article) return source;
  VEILLE_QUERY(q, "UPDATE articles SET duplicate_of = ?2, story_id = ?3 WHERE id = ?1");
  q.bind(1, article).bind(2, source).bind(3, story);
  VEILLE_TRY(q.run());
  return source;
}

Result<std::optional<int64_t>> SqliteStore::article_story(int64_t article) {
  VEILLE_QUERY(q, "SELECT story_id FROM articles WHERE id = ?1");
  q.bind(1, article);
  Status st;
  if (!q.step(&st)) {
    VEILLE_TRY(st);
    return Status::NotFound("no article " + std::to_string(article));
  }
  return q.opt_int64(0);
}

Result<std::vector<StoredStory>> SqliteStore::candidate_stories(const std::vector<std::string>& keys,
                                                                std::optional<int32_t> day_lo,
                                                                std::optional<int32_t> day_hi, size_t limit) {
  // Per key, the most recent stories within the window (covering index story_keys_recent),
  // bounded, so that the work per page does not grow with the corpus. Ties on last_day go to the
  // keys written last (seq).
  constexpr int64_t kPerKey = 200;
  // A story overlaps the window when last_day >= lo and first_day <= hi, so its last day is at
  // most hi + the longest story's span. Without that upper bound, a page dated before the
  // corpus's latest days (a backfill, inputs read out of date order) walked every later story of
  // each of its keys, reading each row's first_day from the table: at 69,000 generated pages read
  // out of date order this query was half of the ingestion's CPU and grew with the corpus.
  std::optional<int64_t> day_top;
  if (day_lo && day_hi) {
    VEILLE_QUERY(span, "SELECT max(last_day - first_day) FROM stories");  // index stories_span
    Status st;
    int64_t longest = 0;
    if (span.step(&st) && !span.is_null(0)) longest = span.int64(0);
    VEILLE_TRY(st);
    day_top = static_cast<int64_t>(*day_hi) + std::max<int64_t>(longest, 0);
  }
  std::unordered_map<int64_t, int64_t> shared;
  for (const auto& key : keys) {
    int64_t got = 0;
    if (day_lo) {
      // "last_day >= ?2 AND last_day <= ?5" alone, so that the index seeks to the window
      // (EXPLAIN QUERY PLAN: key=? AND last_day>? AND last_day<?). Written as "?2 IS NULL OR
      // last_day IS NULL OR last_day >= ?2" it used key=? only and walked every older story of a
      // common key until 200 matched. Stories without days come after, as before (NULLs sort
      // last in DESC).
      VEILLE_QUERY(q,
                   "SELECT story_id FROM story_keys WHERE key = ?1 AND last_day >= ?2 "
                   "AND last_day <= ?5 "
                   "AND (?3 IS NULL OR first_day IS NULL OR first_day <= ?3) "
                   "ORDER BY last_day DESC, seq DESC LIMIT ?4");
      q.bind(1, key).bind(2, *day_lo).bind(4, kPerKey);
      if (day_hi) q.bind(3, *day_hi); else q.bind_null(3);
      q.bind(5, day_top.value_or(std::numeric_limits<int64_t>::max()));
      Status st;
      while (q.step(&st)) {
        ++shared[q.int64(0)];
        ++got;
      }
      VEILLE_TRY(st);
      if (got >= kPerKey) continue;
    }
    if (day_lo) {
      VEILLE_QUERY(q,
                   "SELECT story_id FROM story_keys WHERE key = ?1 AND last_day IS NULL "
                   "AND (?2 IS NULL OR first_day IS NULL OR first_day <= ?2) ORDER BY seq LIMIT ?3");
      q.bind(1, key).bind(3, kPerKey - got);
      if (day_hi) q.bind(2, *day_hi); else q.bind_null(2);
      Status st;
      while (q.step(&st)) ++shared[q.int64(0)];
      VEILLE_TRY(st);
      continue;
    }
    VEILLE_QUERY(q,
                 "SELECT story_id FROM story_keys WHERE key = ?1 "
                 "AND (?2 IS NULL OR first_day IS NULL OR first_day <= ?2) "
                 "ORDER BY last_day DESC, seq DESC LIMIT ?3");
    q.bind(1, key).bind(3, kPerKey);
    if (day_hi) q.bind(2, *day_hi); else q.bind_null(2);
    Status st;
    while (q.step(&st)) ++shared[q.int64(0)];
    VEILLE_TRY(st);
  }
  std::vector<std::pair<int64_t, int64_t>> ranked(shared.begin(), shared.end());
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first > b.first;
  });
  if (ranked.size() > limit) ranked.resize(limit);
  std::vector<StoredStory> out;
  for (const auto& [id, n] : ranked) {
    VEILLE_QUERY(q, "SELECT profile, thread_id FROM stories WHERE id = ?1");
    q.bind(1, id);
    Status st;
    if (q.step(&st)) out.push_back({id, q.blob(0), q.opt_int64(1), n});
    VEILLE_TRY(st);
  }
  return out;
}

Status SqliteStore::write_story_keys(int64_t story, const std::vector<std::string>& keys,
                                     std::optional<int32_t> first_day, std::optional<int32_t> last_day) {
  {
    VEILLE_QUERY(q, "DELETE FROM story_keys WHERE story_id = ?1");
    q.bind(1, story);
    VEILLE_TRY(q.run());
  }
  std::set<std::string> unique(keys.begin(), keys.end());
  for (const auto& key : unique) {
    // seq: the rowid SQLite gives the row (one more than the largest), see migration 4 -> 5.
    VEILLE_QUERY(q,
                 "INSERT INTO story_keys(key, last_day, first_day, story_id, seq) "
                 "VALUES (?1, ?2, ?3, ?4, (SELECT coalesce(max(rowid), 0) + 1 FROM story_keys))");
    q.bind(1, key).bind(4, story);
    if (last_day) q.bind(2, *last_day); else q.bind_null(2);
    if (first_day) q.bind(3, *first_day); else q.bind_null(3);
    VEILLE_TRY(q.run());
  }
  return Status::Ok();
}

Result<int64_t> SqliteStore::create_story(std::string_view title, std::string_view profile,
                                          const std::vector<std::string>& keys, std::optional<int32_t> first_day,
                                          std::optional<int32_t> last_day) {
  VEILLE_QUERY(q, "INSERT INTO stories(title, first_day, last_day, profile) VALUES (?1, ?2, ?3, ?4)");
  q.bind(1, title).bind_blob(4, profile);
  if (first_day) q.bind(2, *first_day); else q.bind_null(2);
  if (last_day) q.bind(3, *last_day); else q.bind_null(3);
  VEILLE_TRY(q.run());
  int64_t id = sqlite3_last_insert_rowid(db_.handle());
  VEILLE_TRY(write_story_keys(id, keys, first_day, last_day));
  return id;
}

Status SqliteStore::update_story(int64_t story, std::string_view profile, const std::vector<std::string>& keys,
                                 std::optional<int32_t> first_day, std::optional<int32_t> last_day) {
  {
    VEILLE_QUERY(q, "UPDATE stories SET profile = ?2, first_day = ?3, last_day = ?4 WHERE id = ?1");
    q.bind(1, story).bind_blob(2, profile);
    if (first_day) q.bind(3, *first_day); else q.bind_null(3);
    if (last_day) q.bind(4, *last_day); else q.bind_null(4);
    VEILLE_TRY(q.run());
    if (sqlite3_changes(db_.handle()) == 0) return Status::NotFound("no story " + std::to_string(story));
  }
  return write_story_keys(story, keys, first_day, last_day);
}

Status SqliteStore::set_article_story(int64_t article, int64_t story) {
  // The article and its copies move together (two statements: each uses its index).
  for (const char* sql : {"UPDATE articles SET story_id = ?2 WHERE id = ?1",
                          "UPDATE articles SET story_id = ?2 WHERE duplicate_of = ?1"}) {
    VEILLE_QUERY(q, sql);
    q.bind(1, article).bind(2, story);
    VEILLE_TRY(q.run());
  }
  return Status::Ok();
}

Result<int64_t> SqliteStore::join_thread(int64_t story, int64_t other) {
  // thread_id and title of a story; NotFound when there is no such story.
  auto thread_of = [this](int64_t id, std::string* title) -> Result<std::optional<int64_t>> {
    VEILLE_QUERY(q, "SELECT thread_id, title FROM stories WHERE id = ?1");
    q.bind(1, id);
    Status st;
    if (!q.step(&st)) {
      VEILLE_TRY(st);
      return Status::NotFound("no story " + std::to_string(id));
    }
    if (title) *title = q.text(1);
    return q.opt_int64(0);
  };
  auto set_thread = [this](int64_t id, int64_t thread) -> Status {
    VEILLE_QUERY(u, "UPDATE stories SET thread_id = ?2 WHERE id = ?1");
    u.bind(1, id).bind(2, thread);
    return u.run();
  };
  std::string title;
  auto mine = thread_of(story, nullptr);
  if (!mine.ok()) return mine.status();
  auto theirs = thread_of(other, &title);
  if (!theirs.ok()) return theirs.status();
  if (*mine && *theirs && **mine == **theirs) return **mine;
  if (*mine && !*theirs) {  // other joins story's thread
    VEILLE_TRY(set_thread(other, **mine));
    return **mine;
  }
  if (*mine && *theirs) {
    // Two threads: the smaller one's stories move into the larger (the older on a tie), which
    // keeps its title; the emptied thread is dropped.
    auto size_of = [this](int64_t thread) -> Result<int64_t> {
      VEILLE_QUERY(q, "SELECT count(*) FROM stories WHERE thread_id = ?1");
      q.bind(1, thread);
      Status st;
      if (!q.step(&st)) {
        VEILLE_TRY(st);
        return int64_t{0};
      }
      return q.int64(0);
    };
    auto a = size_of(**mine);
    if (!a.ok()) return a.status();
    auto b = size_of(**theirs);
    if (!b.ok()) return b.status();
    const bool keep_mine = *a > *b || (*a == *b && **mine < **theirs);
    const int64_t keep = keep_mine ? **mine : **theirs, drop = keep_mine ? **theirs : **mine;
    VEILLE_QUERY(u, "UPDATE stories SET thread_id = ?2 WHERE thread_id = ?1");
    u.bind(1, drop).bind(2, keep);
    VEILLE_TRY(u.run());
    VEILLE_QUERY(d, "DELETE FROM threads WHERE id = ?1");
    d.bind(1, drop);
    VEILLE_TRY(d.run());
    return keep;
  }
  std::optional<int64_t> thread = *theirs;
  if (!thread) {
    VEILLE_QUERY(q, "INSERT INTO threads(title) VALUES (?1)");
    q.bind(1, title);
    VEILLE_TRY(q.run());
    thread = sqlite3_last_insert_rowid(db_.handle());
    VEILLE_TRY(set_thread(other, *thread));
  }
  VEILLE_TRY(set_thread(story, *thread));
  return *thread;
}

// The newest source articles of a story feed its summary and timeline.
constexpr int64_t kDigestArticles = 30;

// Summary and timeline of documents given newest first, as StoryDetail holds them.
// summaries: the articles' summary candidates where known (same order as docs), else empty.
void compute_digest(const std::vector<std::pair<int64_t, const Document*>>& docs, StoryDetail& d,
                    const std::vector<const corpus::SummaryCandidates*>& summaries = {}) {
  std::vector<const Document*> ptrs;
  ptrs.reserve(docs.size());
  for (const auto& [id, doc] : docs) ptrs.push_back(doc);
  d.summary.clear();
  d.timeline.clear();
  std::vector<const corpus::SummaryCandidates*> given = summaries;
  given.resize(ptrs.size(), nullptr);
  for (const auto& s : corpus::summarize(ptrs, given)) d.summary.push_back({s.text, docs[s.article].first});
  for (const auto& e : corpus::timeline(ptrs)) d.timeline.push_back({e.value, e.text, docs[e.article].first});
}

Status SqliteStore::refresh_story_digest(int64_t story, const std::unordered_map<int64_t, DigestInput>& in_memory) {
  // Same order and limit as story_documents: the digest must be what a read-time computation
  // would give.
  std::vector<std::pair<int64_t, const Document*>> docs;
  std::vector<const corpus::SummaryCandidates*> summaries;
  std::vector<std::unique_ptr<Document>> loaded;
  std::vector<std::unique_ptr<corpus::SummaryCandidates>> loaded_summaries;
  // Stores an article's digest input once per version, so that later refreshes read it instead
  // of the article's JSON.
  auto store_input = [&](int64_t version, const Document& doc, const corpus::SummaryCandidates& c) -> Status {
    VEILLE_QUERY(w, "INSERT OR IGNORE INTO digest_inputs(version_id, data) VALUES (?1, ?2)");
    w.bind(1, version).bind_blob(2, store::encode_digest_input(doc, c));
    return w.run();
  };
  {
    VEILLE_QUERY(q, "SELECT a.id, a.latest_version, di.version_id IS NOT NULL FROM articles a "
                    "LEFT JOIN digest_inputs di ON di.version_id = a.latest_version "
                    "WHERE a.story_id = ?1 AND a.duplicate_of IS NULL "
                    "ORDER BY a.published DESC NULLS LAST, a.id DESC LIMIT ?2");
    q.bind(1, story).bind(2, kDigestArticles);
    Status st;
    struct Row {
      int64_t id, version;
      bool has_input;
    };
    std::vector<Row> rows;
    while (q.step(&st)) rows.push_back({q.int64(0), q.int64(1), q.int64(2) != 0});
    VEILLE_TRY(st);
    for (const auto& [id, version, has_input] : rows) {
      auto it = in_memory.find(id);
      if (it != in_memory.end() && it->second.doc) {
        const corpus::SummaryCandidates* c = it->second.summary;
        if (!c) {
          loaded_summaries.push_back(std::make_unique<corpus::SummaryCandidates>(corpus::summary_candidates(*it->second.doc)));
          c = loaded_summaries.back().get();
        }
        if (!has_input) VEILLE_TRY(store_input(version, *it->second.doc, *c));
        docs.emplace_back(id, it->second.doc);
        summaries.push_back(c);
        continue;
      }
      auto doc = std::make_unique<Document>();
      auto c = std::make_unique<corpus::SummaryCandidates>();
      bool decoded = false;
      if (has_input) {
        VEILLE_QUERY(v, "SELECT data FROM digest_inputs WHERE version_id = ?1");
        v.bind(1, version);
        if (v.step(&st)) decoded = store::decode_digest_input(v.blob(0), doc.get(), c.get());
        VEILLE_TRY(st);
      }
      if (!decoded) {
        // No compact input yet (an article stored before schema 4, or not yet in a refreshed
        // digest), or one this build does not read: the JSON, once, then the compact form.
        VEILLE_QUERY(v, "SELECT document FROM versions WHERE id = ?1");
        v.bind(1, version);
        if (!v.step(&st)) {
          VEILLE_TRY(st);
          return Status::Corrupt("article " + std::to_string(id) + ": its latest version is missing");
        }
        auto stored = stored_document_json(v.blob(0), "article " + std::to_string(id));
        if (!stored.ok()) return stored.status();
        auto parsed = document_from_json(*stored);
        if (!parsed.ok()) return Status::Corrupt("article " + std::to_string(id) + ": " + parsed.status().message());
        *doc = std::move(*parsed);
        *c = corpus::summary_candidates(*doc);
        if (has_input) {
          VEILLE_QUERY(d, "DELETE FROM digest_inputs WHERE version_id = ?1");
          d.bind(1, version);
          VEILLE_TRY(d.run());
        }
        VEILLE_TRY(store_input(version, *doc, *c));
      }
      loaded.push_back(std::move(doc));
      loaded_summaries.push_back(std::move(c));
      docs.emplace_back(id, loaded.back().get());
      summaries.push_back(loaded_summaries.back().get());
    }
  }
  StoryDetail d;
  compute_digest(docs, d, summaries);
  Json j;
  auto& sum = j["summary"] = Json::array();
  for (const auto& s : d.summary) sum.push_back(Json{{"text", s.text}, {"article", s.article}});
  auto& tl = j["timeline"] = Json::array();
  for (const auto& e : d.timeline) tl.push_back(Json{{"value", e.value}, {"text", e.text}, {"article", e.article}});
  VEILLE_QUERY(q, "UPDATE stories SET digest = ?2 WHERE id = ?1");
  q.bind(1, story).bind(2, j.dump());
  VEILLE_TRY(q.run());
  if (sqlite3_changes(db_.handle()) == 0) return Status::NotFound("no story " + std::to_string(story));
  return Status::Ok();
}

// Reads a digest written by refresh_story_digest; false when it is not one (then the caller
// computes it).
bool read_digest(std::string_view text, StoryDetail& d) {
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("summary") || !j.contains("timeline") ||
      !j["summary"].is_array() || !j["timeline"].is_array())
    return false;
  try {
    for (const auto& s : j["summary"]) d.summary.push_back({s.at("text").get<std::string>(), s.at("article").get<int64_t>()});
    for (const auto& e : j["timeline"])
      d.timeline.push_back({e.at("value").get<std::string>(), e.at("text").get<std::string>(), e.at("article").get<int64_t>()});
  } catch (const Json::exception&) {
    d.summary.clear();
    d.timeline.clear();
    return false;
  }
  return true;
}

// ------------------------------------------------------------------ reads

Result<SearchResult> SqliteStore::search(const SearchQuery& sq) {
  if (sq.limit < 1 || sq.limit > 1000) return Status::InvalidArgument("search limit must be between 1 and 1000");
  if (sq.offset < 0) return Status::InvalidArgument("search offset must not be negative");
  VEILLE_TRY(check_date(sq.since, "--since"));
  VEILLE_TRY(check_date(sq.until, "--until"));
  auto expr = translate_search_query(sq.query);
  if (!expr.ok()) return expr.status();
  std::string match = sq.comments ? *expr : "{title text} : (" + *expr + ")";

  // One WHERE clause for hits, total and facets; parameters by name.
  const std::string where =
      "search MATCH :match "
      "AND (:entity IS NULL OR EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_id = :entity)) "
      "AND (:site IS NULL OR a.site = :site) AND (:since IS NULL OR a.day >= :since) "
      "AND (:until IS NULL OR a.day <= :until) AND (:story IS NULL OR a.story_id = :story)";
  auto bind_filters = [&](Query& q) {
    q.bind(1, match).bind(2, sq.entity).bind(3, sq.site).bind(4, sq.since).bind(5, sq.until).bind(6, sq.story);
  };
  // Named parameters are numbered in order of first appearance: match, entity, site, since,
  // until, story = 1..6.
  SearchResult r;
  r.query = sq.query;
  r.offset = sq.offset;
  r.limit = sq.limit;
  {
    VEILLE_QUERY(q, "SELECT count(*) FROM search JOIN articles a ON a.id = search.rowid WHERE " + where);
    bind_filters(q);
    Status st;
    if (q.step(&st)) r.total = q.int64(0);
    // Every user word reaches FTS5 as a quoted string: an error here is a bug, not a bad query.
    if (!st.ok()) return Status::Internal("search: " + st.message());
  }
  {
    VEILLE_QUERY(q,
                 "SELECT a.id, a.title, a.url, a.site, a.published, a.story_id, bm25(search, 10.0, 1.0, 0.5), "
                 "snippet(search, -1, char(2), char(3), '…', 24) FROM search JOIN articles a ON a.id = search.rowid WHERE " +
                     where + " ORDER BY bm25(search, 10.0, 1.0, 0.5), a.id LIMIT :limit OFFSET :offset");
    bind_filters(q);
    q.bind(7, sq.limit).bind(8, sq.offset);
    Status st;
    while (q.step(&st)) {
      SearchHit h;
      h.article = q.int64(0);
      h.title = q.opt_text(1);
      h.url = q.opt_text(2);
      h.site = q.opt_text(3);
      h.published = q.opt_text(4);
      h.story = q.opt_int64(5);
      h.score = -q.real(6);
      std::string snip = q.text(7);
      SnippetSegment seg;
      for (char c : snip) {
        if (c == kHitOpen || c == kHitClose) {
          if (!seg.text.empty()) h.snippet.push_back(seg);
          seg = SnippetSegment{"", c == kHitOpen};
        } else {
          seg.text += c;
        }
      }
      if (!seg.text.empty()) h.snippet.push_back(seg);
      r.hits.push_back(std::move(h));
    }
    VEILLE_TRY(st);
  }
  if (r.total > 0) {
    const std::string ids = "SELECT a.id FROM search JOIN articles a ON a.id = search.rowid WHERE " + where;
    {
      VEILLE_QUERY(q, "SELECT e.id, e.name, e.type, count(*) AS n FROM mentions m JOIN entities e ON e.id = m.entity_id "
                      "WHERE m.article_id IN (" + ids + ") GROUP BY e.id ORDER BY n DESC, e.name LIMIT 10");
      bind_filters(q);
      Status st;
      while (q.step(&st)) r.entity_facets.push_back({q.text(0), q.text(1), q.text(2), q.int64(3)});
      VEILLE_TRY(st);
    }
    {
      VEILLE_QUERY(q, "SELECT site, count(*) AS n FROM articles WHERE site IS NOT NULL AND id IN (" + ids +
                          ") GROUP BY site ORDER BY n DESC, site LIMIT 10");
      bind_filters(q);
      Status st;
      while (q.step(&st)) r.site_facets.push_back({q.text(0), "", "", q.int64(1)});
      VEILLE_TRY(st);
    }
    {
      VEILLE_QUERY(q, "SELECT day, count(*) FROM articles WHERE day IS NOT NULL AND id IN (" + ids +
                          ") GROUP BY day ORDER BY day DESC LIMIT 31");
      bind_filters(q);
      Status st;
      while (q.step(&st)) r.day_facets.push_back({q.text(0), "", "", q.int64(1)});
      VEILLE_TRY(st);
    }
  }
  return r;
}

Result<std::vector<EntityCount>> SqliteStore::top_entities(const std::string& article_filter, int64_t arg,
                                                           int64_t limit) {
  VEILLE_QUERY(q, "SELECT e.id, e.name, e.type, sum(m.count) AS n FROM mentions m JOIN entities e ON e.id = m.entity_id "
                  "JOIN articles a ON a.id = m.article_id WHERE " + article_filter +
                  " GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?2");
  q.bind(1, arg).bind(2, limit);
  std::vector<EntityCount> out;
  Status st;
  while (q.step(&st)) out.push_back({q.text(0), q.text(1), q.text(2), q.int64(3)});
  VEILLE_TRY(st);
  return out;
}

Result<StoryList> SqliteStore::list_stories(const StoryListQuery& sq) {
  VEILLE_TRY(check_date(sq.since, "--since"));
  if (sq.limit < 1 || sq.limit > 1000) return Status::InvalidArgument("limit must be between 1 and 1000");
  if (sq.offset < 0) return Status::InvalidArgument("offset must not be negative");
  std::optional<int64_t> since;
  if (sq.since) since = *day_number(*sq.since);
  StoryList out;
  {
    VEILLE_QUERY(q, "SELECT count(*) FROM stories WHERE ?1 IS NULL OR last_day >= ?1");
    q.bind(1, since);
    Status st;
    if (q.step(&st)) out.total = q.int64(0);
    VEILLE_TRY(st);
  }
  std::vector<StoryListItem> items;
  {
    VEILLE_QUERY(q, "SELECT s.id, s.thread_id, s.title, s.first_day, s.last_day, "
                    "(SELECT count(*) FROM articles a WHERE a.story_id = s.id), "
                    "(SELECT sum(comments) FROM articles a WHERE a.story_id = s.id), "
                    "(SELECT sum(toxic) FROM articles a WHERE a.story_id = s.id) "
                    "FROM stories s WHERE ?1 IS NULL OR s.last_day >= ?1 "
                    "ORDER BY s.last_day DESC NULLS LAST, s.id DESC LIMIT ?2 OFFSET ?3");
    q.bind(1, since).bind(2, sq.limit).bind(3, sq.offset);
    Status st;
    while (q.step(&st)) {
      StoryListItem it;
      it.id = q.int64(0);
      it.thread = q.opt_int64(1);
      it.title = q.text(2);
      it.first = opt_day(q, 3);
      it.last = opt_day(q, 4);
      it.articles = q.int64(5);
      int64_t comments = q.int64(6), toxic = q.int64(7);
      if (comments > 0) it.toxic_share = static_cast<double>(toxic) / static_cast<double>(comments);
      items.push_back(std::move(it));
    }
    VEILLE_TRY(st);
  }
  for (auto& it : items) {
    VEILLE_QUERY(q, "SELECT DISTINCT site FROM articles WHERE story_id = ?1 AND site IS NOT NULL ORDER BY site");
    q.bind(1, it.id);
    Status st;
    while (q.step(&st)) it.sites.push_back(q.text(0));
    VEILLE_TRY(st);
    auto ents = top_entities("a.story_id = ?1 AND a.duplicate_of IS NULL", it.id, 5);
    if (!ents.ok()) return ents.status();
    it.entities = std::move(*ents);
  }
  out.stories = std::move(items);
  return out;
}

Result<ThreadList> SqliteStore::list_threads() {
  ThreadList out;
  VEILLE_QUERY(q, "SELECT t.id, t.title, min(s.first_day), max(s.last_day) FROM threads t JOIN stories s ON s.thread_id = t.id "
                  "GROUP BY t.id ORDER BY max(s.last_day) DESC NULLS LAST, t.id DESC");
  Status st;
  while (q.step(&st)) out.threads.push_back({q.int64(0), q.text(1), {}, opt_day(q, 2), opt_day(q, 3)});
  VEILLE_TRY(st);
  for (auto& t : out.threads) {
    VEILLE_QUERY(s, "SELECT id FROM stories WHERE thread_id = ?1 ORDER BY first_day NULLS LAST, id");
    s.bind(1, t.id);
    while (s.step(&st)) t.stories.push_back(s.int64(0));
    VEILLE_TRY(st);
  }
  return out;
}

ArticleRef SqliteStore::article_ref(const Query& q, int c) {
  ArticleRef r;
  r.article = q.int64(c);
  r.title = q.opt_text(c + 1);
  r.site = q.opt_text(c + 2);
  r.url = q.opt_text(c + 3);
  r.published = q.opt_text(c + 4);
  r.story = q.opt_int64(c + 5);
  return r;
}

Result<std::vector<Store::StoredDocument>> SqliteStore::story_documents(int64_t story, size_t limit) {
  VEILLE_QUERY(q, "SELECT a.id, v.document FROM articles a JOIN versions v ON v.id = a.latest_version "
                  "WHERE a.story_id = ?1 AND a.duplicate_of IS NULL ORDER BY a.published DESC NULLS LAST, a.id DESC LIMIT ?2");
  q.bind(1, story).bind(2, static_cast<int64_t>(limit));
  std::vector<StoredDocument> out;
  Status st;
  while (q.step(&st)) {
    auto stored = stored_document_json(q.blob(1), "article " + std::to_string(q.int64(0)));
    if (!stored.ok()) return stored.status();
    auto doc = document_from_json(*stored);
    if (!doc.ok()) return Status::Corrupt("article " + std::to_string(q.int64(0)) + ": " + doc.status().message());
    out.push_back({q.int64(0), std::move(*doc)});
  }
  VEILLE_TRY(st);
  return out;
}

Result<StoryDetail> SqliteStore::get_story(int64_t id) {
  StoryDetail d;
  d.id = id;
  bool has_digest = false;
  {
    VEILLE_QUERY(q, "SELECT thread_id, title, first_day, last_day, digest FROM stories WHERE id = ?1");
    q.bind(1, id);
    Status st;
    if (!q.step(&st)) {
      VEILLE_TRY(st);
      return Status::NotFound("no story " + std::to_string(id));
    }
    d.thread = q.opt_int64(0);
    d.title = q.text(1);
    d.first = opt_day(q, 2);
    d.last = opt_day(q, 3);
    if (!q.is_null(4)) has_digest = read_digest(q.text(4), d);
  }
  {
    VEILLE_QUERY(q, "SELECT id, title, site, url, published, story_id, duplicate_of FROM articles WHERE story_id = ?1 "
                    "ORDER BY published DESC NULLS LAST, id DESC");
    q.bind(1, id);
    Status st;
    std::map<int64_t, size_t> index;
    std::vector<std::pair<int64_t, ArticleRef>> copies;
    while (q.step(&st)) {
      ArticleRef ref = article_ref(q, 0);
      if (q.is_null(6)) {
        index[ref.article] = d.sources.size();
        d.sources.push_back({ref, {}});
      } else {
        copies.emplace_back(q.int64(6), ref);
      }
    }
    VEILLE_TRY(st);
    for (auto& [source, ref] : copies) {
      auto it = index.find(source);
      if (it != index.end()) d.sources[it->second].duplicates.push_back(ref);
      else d.sources.push_back({ref, {}});  // its source is in another story: list it on its own
    }
  }
  auto ents = top_entities("a.story_id = ?1 AND a.duplicate_of IS NULL", id, 10);
  if (!ents.ok()) return ents.status();
  d.entities = std::move(*ents);
  {
    VEILLE_QUERY(q, "SELECT q.speaker, q.speaker_entity, q.text, q.kind, q.article_id FROM quotes q JOIN articles a ON a.id = q.article_id "
                    "WHERE a.story_id = ?1 AND a.duplicate_of IS NULL "
                    "ORDER BY coalesce(q.speaker_entity, q.speaker) IS NULL, coalesce(q.speaker_entity, q.speaker), a.published, q.position LIMIT 200");
    q.bind(1, id);
    Status st;
    while (q.step(&st)) d.quotes.push_back({q.opt_text(0), q.opt_text(1), q.text(2), q.text(3), q.int64(4)});
    VEILLE_TRY(st);
  }
  {
    VEILLE_QUERY(q, "SELECT coalesce(sum(comments), 0), coalesce(sum(toxic), 0) FROM articles WHERE story_id = ?1");
    q.bind(1, id);
    Status st;
    if (q.step(&st)) {
      d.comments = q.int64(0);
      d.toxic = q.int64(1);
    }
    VEILLE_TRY(st);
  }
  if (d.thread) {
    VEILLE_QUERY(q, "SELECT id, title FROM stories WHERE thread_id = ?1 AND id <> ?2 ORDER BY first_day NULLS LAST, id");
    q.bind(1, *d.thread).bind(2, id);
    Status st;
    while (q.step(&st)) d.related.emplace_back(q.int64(0), q.text(1));
    VEILLE_TRY(st);
  }
  if (has_digest) return d;
  // A story written before digests existed (or by an older ingester): computed now.
  auto docs = story_documents(id, kDigestArticles);
  if (!docs.ok()) return docs.status();
  std::vector<std::pair<int64_t, const Document*>> ptrs;
  for (const auto& sd : *docs) ptrs.emplace_back(sd.article, &sd.doc);
  compute_digest(ptrs, d);
  return d;
}

Result<EntityList> SqliteStore::list_entities(std::string_view text, int64_t limit, int64_t offset) {
  if (limit < 1 || limit > 1000) return Status::InvalidArgument("limit must be between 1 and 1000");
  if (offset < 0) return Status::InvalidArgument("offset must not be negative");
  std::string folded = store::fold(text);
  EntityList out;
  {
    VEILLE_QUERY(q, "SELECT count(*) FROM entities WHERE instr(folded, ?1) > 0 OR instr(id, ?1) > 0");
    q.bind(1, folded);
    Status st;
    if (q.step(&st)) out.total = q.int64(0);
    VEILLE_TRY(st);
  }
  VEILLE_QUERY(q, "SELECT e.id, e.name, e.type, coalesce(sum(m.count), 0) AS n, count(m.article_id) FROM entities e "
                  "LEFT JOIN mentions m ON m.entity_id = e.id WHERE instr(e.folded, ?1) > 0 OR instr(e.id, ?1) > 0 "
                  "GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?2 OFFSET ?3");
  q.bind(1, folded).bind(2, limit).bind(3, offset);
  Status st;
  while (q.step(&st)) out.entities.push_back({q.text(0), q.text(1), q.text(2), q.int64(3), q.int64(4)});
  VEILLE_TRY(st);
  return out;
}

Result<EntityDetail> SqliteStore::get_entity(std::string_view id) {
  EntityDetail d;
  {
    VEILLE_QUERY(q, "SELECT id, name, type FROM entities WHERE id = ?1");
    q.bind(1, id);
    Status st;
    if (!q.step(&st)) {
      VEILLE_TRY(st);
      return Status::NotFound("no entity with id \"" + std::string(id) + "\"");
    }
    d.id = q.text(0);
    d.name = q.text(1);
    d.type = q.text(2);
  }
  Status st;
  {
    VEILLE_QUERY(q, "SELECT surface FROM surfaces WHERE entity_id = ?1 ORDER BY surface LIMIT 100");
    q.bind(1, d.id);
    while (q.step(&st)) d.surfaces.push_back(q.text(0));
    VEILLE_TRY(st);
  }
  {
    VEILLE_QUERY(q, "SELECT coalesce(sum(count), 0), count(*) FROM mentions WHERE entity_id = ?1");
    q.bind(1, d.id);
    if (q.step(&st)) {
      d.mentions = q.int64(0);
      d.articles = q.int64(1);
    }
    VEILLE_TRY(st);
  }
  {
    VEILLE_QUERY(q, "SELECT a.day, count(*) FROM mentions m JOIN articles a ON a.id = m.article_id "
                    "WHERE m.entity_id = ?1 AND a.day IS NOT NULL GROUP BY a.day ORDER BY a.day");
    q.bind(1, d.id);
    while (q.step(&st)) d.timeline.emplace_back(q.text(0), q.int64(1));
    VEILLE_TRY(st);
  }
  {
    VEILLE_QUERY(q, "SELECT q.text, q.kind, q.article_id, a.story_id FROM quotes q JOIN articles a ON a.id = q.article_id "
                    "WHERE q.speaker_entity IN (?1, ?2) AND a.duplicate_of IS NULL ORDER BY a.published DESC NULLS LAST, q.position LIMIT 50");
    q.bind(1, d.id).bind(2, d.name);
    while (q.step(&st)) d.quotes.push_back({q.text(0), q.text(1), q.int64(2), q.opt_int64(3)});
    VEILLE_TRY(st);
  }
  {
    VEILLE_QUERY(q, "SELECT e.id, e.name, e.type, count(*) AS n FROM mentions m1 JOIN mentions m2 "
                    "ON m2.article_id = m1.article_id AND m2.entity_id <> m1.entity_id JOIN entities e ON e.id = m2.entity_id "
                    "WHERE m1.entity_id = ?1 GROUP BY e.id ORDER BY n DESC, e.name LIMIT 10");
    q.bind(1, d.id);
    while (q.step(&st)) d.cooccurring.push_back({q.text(0), q.text(1), q.text(2), q.int64(3)});
    VEILLE_TRY(st);
  }
  {
    VEILLE_QUERY(q, "SELECT a.id, a.title, a.site, a.url, a.published, a.story_id FROM mentions m JOIN articles a ON a.id = m.article_id "
                    "WHERE m.entity_id = ?1 ORDER BY a.published DESC NULLS LAST, a.id DESC LIMIT 10");
    q.bind(1, d.id);
    while (q.step(&st)) d.recent.push_back(article_ref(q, 0));
    VEILLE_TRY(st);
  }
  return d;
}

Result<ArticleDetail> SqliteStore::get_article(int64_t id) {
  ArticleDetail d;
  d.id = id;
  Status st;
  {
    VEILLE_QUERY(q, "SELECT a.story_id, a.duplicate_of, a.versions, v.document FROM articles a "
                    "JOIN versions v ON v.id = a.latest_version WHERE a.id = ?1");
    q.bind(1, id);
    if (!q.step(&st)) {
      VEILLE_TRY(st);
      return Status::NotFound("no article " + std::to_string(id));
    }
    d.story = q.opt_int64(0);
    d.duplicate_of = q.opt_int64(1);
    d.versions = q.int64(2);
    auto doc = stored_document_json(q.blob(3), "article " + std::to_string(id));
    if (!doc.ok()) return doc.status();
    d.document = Json::parse(*doc, nullptr, false);
    if (d.document.is_discarded()) return Status::Corrupt("article " + std::to_string(id) + ": stored document is not JSON");
  }
  VEILLE_QUERY(q, "SELECT id FROM articles WHERE duplicate_of = ?1 ORDER BY id");
  q.bind(1, id);
  while (q.step(&st)) d.duplicates.push_back(q.int64(0));
  VEILLE_TRY(st);
  return d;
}

Result<StoreStats> SqliteStore::stats() {
  VEILLE_QUERY(q, "SELECT (SELECT count(*) FROM versions), (SELECT count(*) FROM articles), "
                  "(SELECT coalesce(sum(versions - 1), 0) FROM articles), "
                  "(SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL), (SELECT count(*) FROM stories), "
                  "(SELECT count(*) FROM threads), (SELECT count(*) FROM entities), "
                  "(SELECT coalesce(sum(comments), 0) FROM articles), (SELECT coalesce(sum(toxic), 0) FROM articles), "
                  "(SELECT count(DISTINCT site) FROM articles), (SELECT min(day) FROM articles), (SELECT max(day) FROM articles)");
  Status st;
  StoreStats s;
  if (q.step(&st)) {
    s.pages = q.int64(0);
    s.articles = q.int64(1);
    s.versions = q.int64(2);
    s.duplicates = q.int64(3);
    s.stories = q.int64(4);
    s.threads = q.int64(5);
    s.entities = q.int64(6);
    s.comments = q.int64(7);
    s.toxic_comments = q.int64(8);
    s.sites = q.int64(9);
    s.first = q.opt_text(10);
    s.last = q.opt_text(11);
  }
  VEILLE_TRY(st);
  return s;
}

}  // namespace

int sqlite_schema_version() { return kSchemaVersion; }

std::string stored_document_form(std::string_view json) {
  // Level 1: about 5 times smaller on news pages (most of a document is its removed blocks and
  // annotations), at a few hundred MB/s on the ingester's workers.
  constexpr int kLevel = 1;
  std::string out(ZSTD_compressBound(json.size()), '\0');
  const size_t n = ZSTD_compress(out.data(), out.size(), json.data(), json.size(), kLevel);
  if (ZSTD_isError(n)) return std::string(json);  // readers take plain JSON too
  out.resize(n);
  return out;
}

std::shared_ptr<const SearchEntry> prepare_search_entry(const Document& doc) {
  std::shared_ptr<SearchEntry> e = search_entry_texts(doc);
  e->title = store::prepare_terms(std::move(e->title.text));
  e->text = store::prepare_terms(std::move(e->text.text));
  e->comments = store::prepare_terms(std::move(e->comments.text));
  e->tokenized = true;
  return e;
}

Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path, const SqliteStoreOptions& options) {
  auto store = std::make_unique<SqliteStore>(path);
  Status st = store->open(options);
  if (!st.ok()) return st;
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace veille
