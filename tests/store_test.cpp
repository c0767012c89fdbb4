// The SQLite store: schema and application id, refusal of foreign or corrupt files, idempotence,
// versions, duplicates, stories and threads, parameterised queries with SQL metacharacters.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "test_sqlite.h"
#include "test_temp.h"
#include "veille/store.h"

namespace veille {
namespace {

namespace fs = std::filesystem;

using test_support::TempDir;

Document make_doc(const std::string& url, const std::string& title, const std::string& text,
                  const std::string& site = "exemple.fr", const std::string& published = "2025-02-12") {
  Document d;
  d.url = url;
  d.title = title;
  d.site = site;
  d.published = published;
  d.lang = "fr";
  d.source = url;
  d.body.push_back({BlockKind::kParagraph, text, {}});
  finalize_text(d);
  d.id = content_hash(url + "\n" + title + "\n" + text);
  return d;
}

void add_entity(Document& d, const std::string& surface, const std::string& type, const std::string& name,
                const std::string& id) {
  size_t at = d.text.find(surface);
  ASSERT_NE(at, std::string::npos) << surface;
  d.annotations.entities.push_back(
      {{static_cast<uint32_t>(at), static_cast<uint32_t>(at + surface.size())}, type, name, id});
}

std::unique_ptr<Store> open_ok(const std::string& path) {
  auto s = open_sqlite_store(path);
  EXPECT_TRUE(s.ok()) << s.status().to_string();
  return s.ok() ? std::move(s.value()) : nullptr;
}

int64_t pragma(const std::string& path, const char* name) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, (std::string("PRAGMA ") + name).c_str(), -1, &st, nullptr);
  int64_t v = -1;
  if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(SqliteStore, NewDatabaseHasApplicationIdAndSchemaVersion) {
  TempDir dir;
  auto path = dir.file("v.db");
  { auto s = open_ok(path); }
  EXPECT_EQ(pragma(path, "application_id"), kSqliteApplicationId);
  EXPECT_EQ(pragma(path, "user_version"), sqlite_schema_version());
  // Reopening an up-to-date database changes nothing.
  { auto s = open_ok(path); }
  EXPECT_EQ(pragma(path, "user_version"), sqlite_schema_version());
}

TEST(SqliteStore, EmptyVeilleFileIsMigrated) {
  // A database created by an older veille before any schema (user_version 0, our id, no tables).
  TempDir dir;
  auto path = dir.file("old.db");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, ("PRAGMA application_id=" + std::to_string(kSqliteApplicationId)).c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto s = open_ok(path);
  ASSERT_TRUE(s);
  auto st = s->stats();
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->articles, 0);
  EXPECT_EQ(pragma(path, "user_version"), sqlite_schema_version());
}

TEST(SqliteStore, RefusesFilesThatAreNotOurs) {
  TempDir dir;
  struct Case {
    std::string name;
    std::string sql;      // run on a fresh SQLite file, or empty
    std::string content;  // raw bytes written instead
    StatusCode code;
  };
  std::vector<Case> cases = {
      {"text.db", "", "just some text, not a database at all\n", StatusCode::kCorrupt},
      {"short.db", "", "SQLite", StatusCode::kCorrupt},
      {"other.db", "PRAGMA application_id=42; CREATE TABLE t(x);", "", StatusCode::kCorrupt},
      {"noid.db", "CREATE TABLE customers(name TEXT);", "", StatusCode::kCorrupt},
      {"newer.db", "PRAGMA application_id=" + std::to_string(kSqliteApplicationId) + "; PRAGMA user_version=999;", "",
       StatusCode::kUnsupported},
  };
  for (const auto& c : cases) {
    auto path = dir.file(c.name);
    if (!c.sql.empty()) {
      sqlite3* db = nullptr;
      ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
      ASSERT_EQ(sqlite3_exec(db, c.sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
      sqlite3_close(db);
    } else {
      std::ofstream(path, std::ios::binary) << c.content;
    }
    std::string before = slurp(path);
    auto s = open_sqlite_store(path);
    ASSERT_FALSE(s.ok()) << c.name;
    EXPECT_EQ(s.status().code(), c.code) << c.name << ": " << s.status().to_string();
    EXPECT_NE(s.status().message().find(path), std::string::npos) << s.status().message();
    EXPECT_EQ(slurp(path), before) << c.name << " was modified";
  }
}

TEST(SqliteStore, CorruptPagesAreReportedNotCrashed) {
  TempDir dir;
  auto path = dir.file("corrupt.db");
  {
    auto s = open_ok(path);
    ASSERT_TRUE(s->begin().ok());
    for (int i = 0; i < 50; ++i)
      ASSERT_TRUE(s->put_document(make_doc("https://a.fr/" + std::to_string(i), "Titre " + std::to_string(i),
                                           std::string(2000, 'a' + i % 26) + " mot"))
                      .ok());
    ASSERT_TRUE(s->commit().ok());
  }
  // Overwrite the middle of the file (its header stays valid).
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096 * 3);
    std::string junk(4096 * 4, '\x5a');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  auto s = open_sqlite_store(path);
  if (!s.ok()) {
    EXPECT_EQ(s.status().code(), StatusCode::kCorrupt) << s.status().to_string();
    return;
  }
  auto st = (*s)->stats();
  auto found = (*s)->search({.query = "mot"});
  EXPECT_TRUE(!st.ok() || !found.ok() || st.ok());  // reaching here without a crash is the point
  if (!st.ok()) EXPECT_FALSE(st.status().message().empty());
}

TEST(SqliteStore, MissingDatabaseForReading) {
  TempDir dir;
  SqliteStoreOptions o;
  o.must_exist = true;
  auto s = open_sqlite_store(dir.file("absent.db"), o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(fs::exists(dir.file("absent.db")));
}

TEST(SqliteStore, ReadersLeaveAFileBeingCreatedAlone) {
  // `veille ingest` has just created the file and not yet written its schema: a read command that
  // opens it then must neither migrate it (the writer would find its tables already there) nor
  // change it.
  TempDir dir;
  auto path = dir.file("new.db");
  std::ofstream(path, std::ios::binary).flush();
  for (bool read_only : {false, true}) {
    SqliteStoreOptions o;
    o.must_exist = true;
    o.read_only = read_only;
    auto s = open_sqlite_store(path, o);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().code(), StatusCode::kNotFound) << s.status().to_string();
    EXPECT_NE(s.status().message().find("no veille data"), std::string::npos) << s.status().message();
    EXPECT_EQ(fs::file_size(path), 0u);
  }
  auto w = open_ok(path);
  EXPECT_EQ(pragma(path, "user_version"), sqlite_schema_version());
}

TEST(SqliteStore, ConcurrentOpenersOfANewFileBothSucceed) {
  // Two writers starting on the same new file: whichever takes the write lock second finds the
  // schema already there and must not create it again.
  for (int round = 0; round < 20; ++round) {
    TempDir dir;
    auto path = dir.file("race.db");
    Status results[2];
    std::thread a([&] { results[0] = open_sqlite_store(path).status(); });
    std::thread b([&] { results[1] = open_sqlite_store(path).status(); });
    a.join();
    b.join();
    for (const auto& st : results) ASSERT_TRUE(st.ok()) << "round " << round << ": " << st.to_string();
    EXPECT_EQ(pragma(path, "user_version"), sqlite_schema_version());
  }
}

TEST(SqliteStore, SamePageTwiceStoresNothingNew) {
  TempDir dir;
  auto s = open_ok(dir.file("v.db"));
  Document d = make_doc("https://exemple.fr/a", "Le pont", "Le pont de l'Aulne rouvre lundi.");
  ASSERT_TRUE(s->begin().ok());
  auto first = s->put_document(d);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->kind, PutOutcome::Kind::kNewArticle);
  auto again = s->put_document(d);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->kind, PutOutcome::Kind::kKnown);
  ASSERT_TRUE(s->commit().ok());
  auto known = s->has_page(d.id);
  ASSERT_TRUE(known.ok());
  EXPECT_TRUE(*known);
  auto st = s->stats();
  EXPECT_EQ(st->pages, 1);
  EXPECT_EQ(st->articles, 1);
}

TEST(SqliteStore, ChangedPageAtKnownUrlIsANewVersion) {
  TempDir dir;
  auto s = open_ok(dir.file("v.db"));
  Document v1 = make_doc("https://exemple.fr/a", "Le pont fermé", "Le pont de l'Aulne reste fermé.");
  Document v2 = make_doc("https://exemple.fr/a", "Le pont rouvre", "Le pont de l'Aulne rouvre lundi, annonce la préfecture.");
  Document other = make_doc("https://exemple.fr/b", "Autre", "Un autre article sur la marée.");
  ASSERT_TRUE(s->begin().ok());
  auto a = s->put_document(v1);
  auto b = s->put_document(v2);
  auto c = s->put_document(other);
  ASSERT_TRUE(s->commit().ok());
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(b->kind, PutOutcome::Kind::kNewVersion);
  EXPECT_EQ(b->article, a->article);
  EXPECT_EQ(b->version, 2);
  EXPECT_NE(c->article, a->article);
  auto art = s->get_article(a->article);
  ASSERT_TRUE(art.ok()) << art.status().to_string();
  EXPECT_EQ(art->versions, 2);
  EXPECT_EQ(art->document["title"], "Le pont rouvre");
  auto st = s->stats();
  EXPECT_EQ(st->pages, 3);
  EXPECT_EQ(st->articles, 2);
  EXPECT_EQ(st->versions, 1);
  // The search index follows the latest version only.
  auto old_words = s->search({.query = "reste"});
  ASSERT_TRUE(old_words.ok());
  EXPECT_EQ(old_words->total, 0);
  auto new_words = s->search({.query = "préfecture"});
  ASSERT_TRUE(new_words.ok());
  EXPECT_EQ(new_words->total, 1);
}

TEST(SqliteStore, RollbackLosesOnlyTheBatch) {
  TempDir dir;
  auto path = dir.file("v.db");
  auto s = open_ok(path);
  ASSERT_TRUE(s->begin().ok());
  ASSERT_TRUE(s->put_document(make_doc("https://x.fr/1", "Un", "Premier texte.")).ok());
  ASSERT_TRUE(s->commit().ok());
  ASSERT_TRUE(s->begin().ok());
  ASSERT_TRUE(s->put_document(make_doc("https://x.fr/2", "Deux", "Second texte.")).ok());
  s->rollback();
  auto st = s->stats();
  EXPECT_EQ(st->articles, 1);
}

// Search rows are queued during a transaction and written at commit (FTS5 flushes its pending
// terms at every statement savepoint): a rollback must drop them, a later version in another
// transaction must replace the row, and a write outside any transaction is searchable at once.
TEST(SqliteStore, SearchRowsFollowTransactions) {
  TempDir dir;
  auto s = open_ok(dir.file("v.db"));
  ASSERT_TRUE(s->begin().ok());
  ASSERT_TRUE(s->put_document(make_doc("https://x.fr/1", "Un", "La digue de Penmarc'h a cédé.")).ok());
  s->rollback();
  ASSERT_TRUE(s->begin().ok());
  ASSERT_TRUE(s->put_document(make_doc("https://x.fr/2", "Deux", "Le phare de Penmarc'h rouvre.")).ok());
  ASSERT_TRUE(s->commit().ok());
  auto digue = s->search({.query = "digue"});
  ASSERT_TRUE(digue.ok());
  EXPECT_EQ(digue->total, 0);
  ASSERT_TRUE(s->begin().ok());
  ASSERT_TRUE(s->put_document(make_doc("https://x.fr/2", "Deux", "Le sémaphore de Penmarc'h rouvre.")).ok());
  ASSERT_TRUE(s->commit().ok());
  auto phare = s->search({.query = "phare"});
  auto semaphore = s->search({.query = "sémaphore"});
  ASSERT_TRUE(phare.ok()) << phare.status().to_string();
  ASSERT_TRUE(semaphore.ok()) << semaphore.status().to_string();
  EXPECT_EQ(phare->total, 0);
  EXPECT_EQ(semaphore->total, 1);
  ASSERT_TRUE(s->put_document(make_doc("https://x.fr/3", "Trois", "La criée du Guilvinec ferme.")).ok());
  auto criee = s->search({.query = "criée"});
  ASSERT_TRUE(criee.ok()) << criee.status().to_string();
  EXPECT_EQ(criee->total, 1);
}

TEST(SqliteStore, MetacharactersAreData) {
  TempDir dir;
  auto s = open_ok(dir.file("v.db"));
  const std::string nasty = "Robert'); DROP TABLE articles; -- % _ \" \\ {title} : NEAR(a b) *";
  Document d = make_doc("https://x.fr/?q='%22;--", nasty, "Texte avec " + nasty + " et Jean O'Neil.", "si'te\"; --");
  add_entity(d, "Jean O'Neil", "PER", "Jean O'Neil", "per:jean-o'neil%_");
  ASSERT_TRUE(s->begin().ok());
  auto put = s->put_document(d);
  ASSERT_TRUE(put.ok()) << put.status().to_string();
  ASSERT_TRUE(s->commit().ok());
  auto art = s->get_article(put->article);
  ASSERT_TRUE(art.ok());
  EXPECT_EQ(art->document["title"], nasty);
  auto ents = s->list_entities("o'neil");
  ASSERT_TRUE(ents.ok());
  ASSERT_EQ(ents->total, 1);
  EXPECT_EQ(ents->entities[0].id, "per:jean-o'neil%_");
  auto none = s->list_entities("%");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->total, 1);  // '%' is matched literally (the id has one), not as a wildcard
  auto none2 = s->list_entities("x%y");
  EXPECT_EQ(none2->total, 0);
  auto e = s->get_entity("per:jean-o'neil%_");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->articles, 1);
  // The same words as a query (without the lone double quote, which is a syntax error there).
  SearchQuery q{.query = "Robert'); DROP TABLE articles; -- % _ \\ {title} : NEAR(a b) *"};
  q.site = "si'te\"; --";
  auto r = s->search(q);
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->total, 1);
  EXPECT_EQ(s->stats()->articles, 1);
}

TEST(SqliteStore, UnknownIdsAreNotFound) {
  TempDir dir;
  auto s = open_ok(dir.file("v.db"));
  EXPECT_EQ(s->get_article(42).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(s->get_story(42).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(s->get_entity("per:personne").status().code(), StatusCode::kNotFound);
  EXPECT_NE(s->get_story(42).status().message().find("42"), std::string::npos);
}

TEST(SqliteStore, DuplicatesJoinTheirSourceGroupAndStory) {
  TempDir dir;
  auto s = open_ok(dir.file("v.db"));
  ASSERT_TRUE(s->begin().ok());
  auto a = s->put_document(make_doc("https://a.fr/1", "Dépêche", "Texte de la dépêche AFP.", "a.fr"));
  auto b = s->put_document(make_doc("https://b.fr/1", "Dépêche", "Texte de la dépêche AFP repris.", "b.fr"));
  auto c = s->put_document(make_doc("https://c.fr/1", "Dépêche", "Texte de la dépêche AFP repris encore.", "c.fr"));
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  ASSERT_TRUE(s->set_signature(a->article, "sigA", {1, 2, 3}).ok());
  auto cands = s->duplicate_candidates({3, 4}, b->article);
  ASSERT_TRUE(cands.ok());
  ASSERT_EQ(*cands, std::vector<int64_t>{a->article});
  EXPECT_EQ(s->signature(a->article).value(), "sigA");
  auto story = s->create_story("Dépêche", "profile", {"e:per:x", "t:depech"}, 20000, 20000);
  ASSERT_TRUE(story.ok());
  ASSERT_TRUE(s->set_article_story(a->article, *story).ok());
  auto src = s->set_duplicate(b->article, a->article);
  ASSERT_TRUE(src.ok());
  EXPECT_EQ(*src, a->article);
  // A copy of a copy belongs to the first source's group.
  auto src2 = s->set_duplicate(c->article, b->article);
  ASSERT_TRUE(src2.ok());
  EXPECT_EQ(*src2, a->article);
  ASSERT_TRUE(s->commit().ok());
  auto art = s->get_article(a->article);
  EXPECT_EQ(art->duplicates, (std::vector<int64_t>{b->article, c->article}));
  EXPECT_EQ(s->article_story(c->article).value(), *story);
  EXPECT_EQ(s->stats()->duplicates, 2);
}

TEST(SqliteStore, StoryCandidatesByKeysWithinADayWindow) {
  TempDir dir;
  auto s = open_ok(dir.file("v.db"));
  ASSERT_TRUE(s->begin().ok());
  auto old_story = s->create_story("Ancienne", "p1", {"e:per:trump", "t:sommet"}, 19000, 19005);
  auto recent = s->create_story("Récente", "p2", {"e:per:trump", "e:per:poutine", "t:sommet"}, 20100, 20110);
  auto other = s->create_story("Autre", "p3", {"t:maree"}, 20100, 20110);
  ASSERT_TRUE(old_story.ok() && recent.ok() && other.ok());
  ASSERT_TRUE(s->commit().ok());
  auto c = s->candidate_stories({"e:per:trump", "e:per:poutine", "t:sommet"}, 20090, 20130, 10);
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c->size(), 1u);
  EXPECT_EQ((*c)[0].id, *recent);
  EXPECT_EQ((*c)[0].shared_keys, 3);
  EXPECT_EQ((*c)[0].profile, "p2");
  auto all = s->candidate_stories({"e:per:trump"}, std::nullopt, std::nullopt, 10);
  EXPECT_EQ(all->size(), 2u);
  // Updating a story moves its window.
  ASSERT_TRUE(s->update_story(*old_story, "p1b", {"e:per:trump"}, 19000, 20095).ok());
  auto c2 = s->candidate_stories({"e:per:trump"}, 20090, 20130, 10);
  EXPECT_EQ(c2->size(), 2u);
  EXPECT_EQ(s->update_story(999, "p", {}, std::nullopt, std::nullopt).code(), StatusCode::kNotFound);
  // Threads.
  auto t = s->join_thread(*recent, *old_story);
  ASSERT_TRUE(t.ok());
  auto threads = s->list_threads();
  ASSERT_TRUE(threads.ok());
  ASSERT_EQ(threads->threads.size(), 1u);
  EXPECT_EQ(threads->threads[0].stories, (std::vector<int64_t>{*old_story, *recent}));
  EXPECT_EQ(threads->threads[0].first, "2022-01-08");
  auto list = s->list_stories({});
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->total, 3);
  auto since = s->list_stories({.since = "2025-01-15"});
  EXPECT_EQ(since->total, 2);
  EXPECT_EQ(s->list_stories({.since = "hier"}).status().code(), StatusCode::kInvalidArgument);
}

// More stories share a key within the window than the 200 read per key: the 200 whose keys were
// written last are the candidates (the order of the index on key and last day, whose ties fall to
// the row id), whatever their first days, which order the covering index that is scanned.
TEST(SqliteStore, StoryCandidatesPerKeyKeepTheLastWrittenOnTies) {
  TempDir dir;
  auto s = open_ok(dir.file("v.db"));
  ASSERT_TRUE(s->begin().ok());
  std::vector<int64_t> ids;
  for (int i = 0; i < 250; ++i) {
    auto id = s->create_story("S" + std::to_string(i), "p", {"t:cle"}, 20000 + (i * 37) % 50, 20100);
    ASSERT_TRUE(id.ok());
    ids.push_back(*id);
  }
  ASSERT_TRUE(s->commit().ok());
  auto found = [&]() {
    auto c = s->candidate_stories({"t:cle"}, 20090, 20130, 1000);
    EXPECT_TRUE(c.ok());
    std::set<int64_t> out;
    if (c.ok())
      for (const auto& x : *c) out.insert(x.id);
    return out;
  };
  std::set<int64_t> expected(ids.begin() + 50, ids.end());
  EXPECT_EQ(found(), expected);
  // Rewriting a story's keys makes them the last written: it comes in, the oldest of the rest goes.
  ASSERT_TRUE(s->update_story(ids[3], "p", {"t:cle"}, 20000, 20100).ok());
  expected.insert(ids[3]);
  expected.erase(ids[50]);
  EXPECT_EQ(found(), expected);
}

// A database of schema 4 (story keys without seq, indexed on key and last day) is migrated when a
// writer opens it, and its candidates keep their order: seq follows the rowid.
TEST(SqliteStore, SchemaFourIsMigrated) {
  TempDir dir;
  auto path = dir.file("v4.db");
  std::vector<int64_t> ids;
  {
    auto s = open_ok(path);
    ASSERT_TRUE(s);
    for (int i = 0; i < 205; ++i) {
      auto id = s->create_story("S" + std::to_string(i), "p", {"t:cle"}, 20000 + (i * 37) % 50, 20100);
      ASSERT_TRUE(id.ok());
      ids.push_back(*id);
    }
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "DROP INDEX story_keys_recent; ALTER TABLE story_keys DROP COLUMN seq; "
                         "CREATE INDEX story_keys_key ON story_keys(key, last_day); DROP TABLE store_info; "
                         "PRAGMA user_version=4;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  // A reader does not migrate.
  EXPECT_EQ(open_sqlite_store(path, {.read_only = true}).status().code(), StatusCode::kUnsupported);
  {
    auto s = open_ok(path);
    ASSERT_TRUE(s);
    auto c = s->candidate_stories({"t:cle"}, 20090, 20130, 1000);
    ASSERT_TRUE(c.ok()) << c.status().to_string();
    std::set<int64_t> got;
    for (const auto& x : *c) got.insert(x.id);
    EXPECT_EQ(got, std::set<int64_t>(ids.begin() + 5, ids.end()));
    // Keys written after the migration come after the migrated ones.
    ASSERT_TRUE(s->update_story(ids[0], "p", {"t:cle"}, 20000, 20100).ok());
    c = s->candidate_stories({"t:cle"}, 20090, 20130, 1000);
    ASSERT_TRUE(c.ok());
    got.clear();
    for (const auto& x : *c) got.insert(x.id);
    std::set<int64_t> expected(ids.begin() + 6, ids.end());
    expected.insert(ids[0]);
    EXPECT_EQ(got, expected);
  }
  EXPECT_EQ(pragma(path, "user_version"), sqlite_schema_version());
}

// Documents are stored as zstd frames from schema 6; a schema-5 database keeps its JSON rows,
// which every reader still takes, and is migrated when a writer opens it.
TEST(SqliteStore, SchemaFiveDocumentsAreReadAndNewOnesCompressed) {
  TempDir dir;
  auto path = dir.file("v5.db");
  Document old_doc = make_doc("https://a.fr/1", "Titre ancien", "Le texte d'un article stocké avant la compression.");
  Document new_doc = make_doc("https://b.fr/2", "Titre nouveau", "Le texte d'un article stocké après la compression.");
  const std::string old_json = to_json(old_doc, {.include_annotations = true});
  int64_t old_id = 0;
  {
    auto s = open_ok(path);
    ASSERT_TRUE(s);
    auto put = s->put_document(old_doc);
    ASSERT_TRUE(put.ok()) << put.status().to_string();
    old_id = put->article;
  }
  // What schema 5 wrote: the JSON itself.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "UPDATE versions SET document = ?1; PRAGMA user_version=5;", -1, &st, nullptr), SQLITE_OK);
  sqlite3_bind_text(st, 1, old_json.data(), static_cast<int>(old_json.size()), SQLITE_TRANSIENT);
  ASSERT_EQ(sqlite3_step(st), SQLITE_DONE);
  sqlite3_finalize(st);
  ASSERT_EQ(sqlite3_exec(db, "DROP TABLE store_info; PRAGMA user_version=5;", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  EXPECT_EQ(pragma(path, "user_version"), 5);
  {
    auto s = open_ok(path);
    ASSERT_TRUE(s);
    auto a = s->get_article(old_id);
    ASSERT_TRUE(a.ok()) << a.status().to_string();
    EXPECT_EQ(a->document.value("title", ""), "Titre ancien");
    // The caller may hand the JSON or its stored form: both are stored compressed.
    auto put = s->put_document(new_doc, stored_document_form(to_json(new_doc, {.include_annotations = true})));
    ASSERT_TRUE(put.ok()) << put.status().to_string();
    auto b = s->get_article(put->article);
    ASSERT_TRUE(b.ok()) << b.status().to_string();
    EXPECT_EQ(b->document.value("title", ""), "Titre nouveau");
    EXPECT_EQ(b->document.value("text", ""), new_doc.text);
  }
  EXPECT_EQ(pragma(path, "user_version"), sqlite_schema_version());
  // The new row is a zstd frame; the old one is left as it was.
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT hex(substr(document, 1, 4)), typeof(document) FROM versions ORDER BY id", -1, &st,
                               nullptr),
            SQLITE_OK);
  std::vector<std::string> heads;
  while (sqlite3_step(st) == SQLITE_ROW)
    heads.push_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) + " " +
                    reinterpret_cast<const char*>(sqlite3_column_text(st, 1)));
  sqlite3_finalize(st);
  // A damaged frame is a clear error naming the article, not a crash.
  ASSERT_EQ(sqlite3_exec(db, "UPDATE versions SET document = X'28B52FFD00FF' WHERE id = 2", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  EXPECT_EQ(heads, (std::vector<std::string>{"7B226964 text", "28B52FFD blob"}));
  {
    auto s = open_ok(path);
    ASSERT_TRUE(s);
    auto b = s->get_article(2);
    ASSERT_FALSE(b.ok());
    EXPECT_EQ(b.status().code(), StatusCode::kCorrupt);
    EXPECT_NE(b.status().message().find("article 2"), std::string::npos) << b.status().message();
  }
}

TEST(SqliteStore, DocumentJsonRoundTrip) {
  Document d = make_doc("https://a.fr/1", "Titre", "Emmanuel Macron a déclaré : « Nous irons. »");
  add_entity(d, "Emmanuel Macron", "PER", "Emmanuel Macron", "per:emmanuel-macron");
  d.annotations.sentences.push_back({0, static_cast<uint32_t>(d.text.size())});
  size_t q = d.text.find("Nous");
  d.annotations.quotes.push_back({{static_cast<uint32_t>(q), static_cast<uint32_t>(q + 10)}, "sentence",
                                  std::string("Emmanuel Macron"), std::string("Emmanuel Macron"), std::string("a déclaré")});
  Comment c;
  c.id = 1;
  c.text = "Bravo";
  c.moderation = CommentModeration{false, 0.1f, {}};
  d.comments.push_back(c);
  JsonOptions o;
  o.include_annotations = true;
  auto back = document_from_json(to_json(d, o));
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  EXPECT_EQ(to_json(*back, o), to_json(d, o));
  EXPECT_EQ(document_from_json("{not json").status().code(), StatusCode::kCorrupt);
  EXPECT_EQ(document_from_json("[1,2]").status().code(), StatusCode::kCorrupt);
}

// ------------------------------------------------------------------ content hash scheme (schema 7)

std::string info_scheme(const std::string& path) {
  return test_support::query_rows(path, {"SELECT value FROM store_info WHERE key = 'content_hash'"});
}

// Turns a database back into what schema 6 wrote: no store_info (keys were FNV, implicitly).
void downgrade_to_schema_six(const std::string& path) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "DROP TABLE store_info; PRAGMA user_version=6;", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  EXPECT_EQ(pragma(path, "user_version"), 6);
}

TEST(SqliteStore, NewDatabaseKeysPagesWithXxh3) {
  TempDir dir;
  auto path = dir.file("v.db");
  {
    auto s = open_ok(path);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->content_hash_scheme(), ContentHashScheme::kXxh3_128);
  }
  EXPECT_EQ(info_scheme(path), "xxh3-128|\n");
  // A reader sees the same scheme.
  auto r = open_sqlite_store(path, {.read_only = true});
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ((*r)->content_hash_scheme(), ContentHashScheme::kXxh3_128);
}

// A database of schema 6 holds FNV keys: migrated, it keeps them and says so, its pages stay known
// by their FNV key, and nothing else changes.
TEST(SqliteStore, SchemaSixDatabaseKeepsFnvKeys) {
  TempDir dir;
  auto path = dir.file("v6.db");
  Document doc = make_doc("https://a.fr/1", "Titre", "Le texte d'un article stocké par un veille de schéma 6.");
  doc.id = content_hash_fnv("<html>la page</html>");  // what schema 6 keyed the page with
  int64_t article = 0;
  {
    auto s = open_ok(path);
    ASSERT_TRUE(s);
    auto put = s->put_document(doc);
    ASSERT_TRUE(put.ok()) << put.status().to_string();
    article = put->article;
  }
  downgrade_to_schema_six(path);
  const char* kData[] = {"SELECT id, url, title, versions, latest_version FROM articles ORDER BY id",
                         "SELECT id, article_id, number, hash, source, hex(document) FROM versions ORDER BY id"};
  const std::string before = test_support::query_rows(path, {kData[0], kData[1]});
  // A reader does not migrate.
  EXPECT_EQ(open_sqlite_store(path, {.read_only = true}).status().code(), StatusCode::kUnsupported);
  {
    auto s = open_ok(path);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->content_hash_scheme(), ContentHashScheme::kFnv1a2x64);
    auto known = s->has_page(content_hash("<html>la page</html>", s->content_hash_scheme()));
    ASSERT_TRUE(known.ok());
    EXPECT_TRUE(*known);
    auto put = s->put_document(doc);
    ASSERT_TRUE(put.ok());
    EXPECT_EQ(put->kind, PutOutcome::Kind::kKnown);
    auto a = s->get_article(article);
    ASSERT_TRUE(a.ok()) << a.status().to_string();
    EXPECT_EQ(a->document.value("title", ""), "Titre");
  }
  EXPECT_EQ(pragma(path, "user_version"), sqlite_schema_version());
  EXPECT_EQ(info_scheme(path), "fnv1a-2x64|\n");
  EXPECT_EQ(test_support::query_rows(path, {kData[0], kData[1]}), before);
  // Reopening keeps it.
  auto s = open_ok(path);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->content_hash_scheme(), ContentHashScheme::kFnv1a2x64);
}

// An empty schema-6 database has no key to keep: it moves to XXH3 like a new one.
TEST(SqliteStore, EmptySchemaSixDatabaseMovesToXxh3) {
  TempDir dir;
  auto path = dir.file("e6.db");
  { auto s = open_ok(path); }
  downgrade_to_schema_six(path);
  auto s = open_ok(path);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->content_hash_scheme(), ContentHashScheme::kXxh3_128);
  EXPECT_EQ(pragma(path, "user_version"), sqlite_schema_version());
}

// A scheme this veille does not know (a newer veille's) is refused, not guessed: keys in another
// scheme would make every known page look new.
TEST(SqliteStore, UnknownOrMissingContentHashSchemeIsRefused) {
  TempDir dir;
  auto path = dir.file("u.db");
  { auto s = open_ok(path); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE store_info SET value = 'blake3' WHERE key = 'content_hash'", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto r = open_sqlite_store(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(r.status().message().find("blake3"), std::string::npos) << r.status().message();
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "DELETE FROM store_info", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  r = open_sqlite_store(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorrupt);
}

}  // namespace
}  // namespace veille
