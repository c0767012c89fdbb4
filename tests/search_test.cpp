// Search: the French tokenizer (case, accents, Snowball stems), query translation (phrases,
// exclusions, OR, bad queries that must never reach FTS5), filters, ranking and snippets.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "test_sqlite.h"
#include "veille/store.h"

namespace veille {
namespace {

namespace fs = std::filesystem;

TEST(SearchTerms, FoldsCaseAccentsAndInflection) {
  struct Row {
    std::string a, b;
  };
  std::vector<Row> same = {
      {"élections", "election"}, {"Élection", "elections"}, {"Poutine", "poutine"}, {"PRÉFECTURE", "préfectures"},
      {"cœur", "coeur"},         {"Noël", "noel"},          {"ouvrière", "ouvriers"}, {"naïve", "naive"}, {"ouvrière", "ouvrières"},
  };
  for (const auto& r : same) {
    auto ta = search_terms(r.a), tb = search_terms(r.b);
    ASSERT_EQ(ta.size(), 1u) << r.a;
    EXPECT_EQ(ta, tb) << r.a << " vs " << r.b;
  }
  EXPECT_NE(search_terms("pont"), search_terms("port"));
  EXPECT_EQ(search_terms("l'élection du 12 février").size(), 5u);  // l, élection, du, 12, février
  EXPECT_TRUE(search_terms("« — ! ? »").empty());
}

TEST(SearchQueryTranslation, AcceptsAndRejects) {
  struct Row {
    std::string query;
    bool ok;
    std::string expected;  // when ok and not empty
  };
  std::vector<Row> rows = {
      {"pont", true, "(\"pont\")"},
      {"pont Aulne", true, "((\"pont\") AND (\"Aulne\"))"},
      {"\"pont de l'Aulne\"", true, "(\"pont de l'Aulne\")"},
      {"pont -marée", true, "((\"pont\") NOT \"marée\")"},
      {"pont OR port", true, "(\"pont\" OR \"port\")"},
      {"grève -\"port du Havre\"", true, "((\"grève\") NOT \"port du Havre\")"},
      {"title:pont", true, "(\"title:pont\")"},
      {"NEAR(a b)", true, ""},
      {"pont*", true, ""},
      {"^pont", true, ""},
      {"a AND b", true, ""},
      {"(pont", true, ""},
      {"pont !!! ", true, "(\"pont\")"},
      {"", false, ""},
      {"   ", false, ""},
      {"!!!", false, ""},
      {"-pont", false, ""},
      {"\"pont", false, ""},
      {"OR", false, ""},
      {"pont OR", false, ""},
      {"OR pont", false, ""},
      {"pont OR OR port", false, ""},
      {"pont OR -port", false, ""},
      {std::string(3000, 'a'), false, ""},
      // Found by fuzz/search_query_fuzz: a NUL ended the FTS5 string inside SQLite.
      {std::string("pont\0x", 6), true, "((\"pont\") AND (\"x\"))"},
      {"pont \xc1\x33", false, ""},  // not UTF-8
  };
  for (const auto& r : rows) {
    auto t = translate_search_query(r.query);
    EXPECT_EQ(t.ok(), r.ok) << "[" << r.query << "] -> " << (t.ok() ? *t : t.status().to_string());
    if (!t.ok()) {
      EXPECT_EQ(t.status().code(), StatusCode::kInvalidArgument);
    }
    if (t.ok() && !r.expected.empty()) {
      EXPECT_EQ(*t, r.expected) << r.query;
    }
  }
}

// Every row of the search index's shadow tables, in order: what FTS5 wrote, byte for byte.
std::string dump_search_index(const std::string& path) {
  return test_support::query_rows(path, {"SELECT id, hex(block) FROM search_data ORDER BY id",
                                        "SELECT segid, hex(term), pgno FROM search_idx ORDER BY segid, term",
                                        "SELECT id, hex(sz) FROM search_docsize ORDER BY id",
                                        "SELECT id, c0, c1, c2 FROM search_content ORDER BY id"});
}

// Comments numbered 1, 2... with these texts.
void add_comments(Document& d, const std::vector<std::string>& comments) {
  int n = 0;
  for (const auto& c : comments) {
    Comment com;
    com.id = ++n;
    com.text = c;
    d.comments.push_back(com);
  }
}

Document search_doc(const std::string& url, const std::string& title, const std::string& text,
                    const std::vector<std::string>& comments = {}) {
  Document d;
  d.url = url;
  d.title = title;
  d.body.push_back({BlockKind::kParagraph, text, {}});
  finalize_text(d);
  d.id = content_hash(url + title + text);
  add_comments(d, comments);
  return d;
}

// The ingester's workers tokenise and stem ahead (prepare_search_entry) so that the writer does
// not: the index must be the one the store's own tokenizer writes, byte for byte, and an entry
// prepared from another text must be ignored, not indexed.
TEST(SearchEntryPrepared, WritesTheSameIndexAsTheTokenizer) {
  const fs::path dir = fs::temp_directory_path() / ("veille_search_prepared_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::vector<Document> docs = {
      search_doc("https://a.fr/1", "Les élections municipales à Brest",
                 "Les Élections municipales auront lieu en mars. L'ouvrière Œdipe n'y est pour rien : cœur, "
                 "naïveté, 2025, \x02marqueur\x03.",
                 {"Quelle honte, vraiment.", "Très bien écrit !"}),
      search_doc("https://b.fr/2", "Recette de la poutine", "La poutine québécoise se mange chaude, avec du fromage."),
      // A new version of the first article: its row is replaced in the same transaction.
      search_doc("https://a.fr/1", "Les élections municipales à Brest (mise à jour)",
                 "Les élections municipales auront lieu en avril. Les électeurs sont appelés aux urnes."),
      search_doc("https://c.fr/3", "Brève", "L'ouvrière Œdipe n'y est pour rien : cœur, naïveté, 2025, \x02marqueur\x03.",
                 {"Un commentaire d'ouvrière."}),
      search_doc("https://d.fr/4", "", "", {"Un commentaire sans article."}),
  };
  enum Mode { kTokenizer, kPrepared, kStale };
  std::string dumps[3];
  for (Mode mode : {kTokenizer, kPrepared, kStale}) {
    const std::string path = (dir / ("m" + std::to_string(mode) + ".db")).string();
    {
      auto s = open_sqlite_store(path);
      ASSERT_TRUE(s.ok()) << s.status().to_string();
      ASSERT_TRUE((*s)->begin().ok());
      for (size_t i = 0; i < docs.size(); ++i) {
        std::shared_ptr<const SearchEntry> entry;
        if (mode == kPrepared) entry = prepare_search_entry(docs[i]);
        if (mode == kStale) entry = prepare_search_entry(docs[(i + 1) % docs.size()]);
        auto put = (*s)->put_document(docs[i], {}, entry);
        ASSERT_TRUE(put.ok()) << put.status().to_string();
      }
      ASSERT_TRUE((*s)->commit().ok());
      // A version stored outside a transaction goes through the same path at once.
      auto late = search_doc("https://b.fr/2", "Recette de la poutine", "La poutine se mange froide aussi.");
      auto put = (*s)->put_document(late, {}, mode == kTokenizer ? nullptr : prepare_search_entry(late));
      ASSERT_TRUE(put.ok()) << put.status().to_string();
      auto r = (*s)->search({.query = "ouvriere"});  // the variant without accents
      ASSERT_TRUE(r.ok()) << r.status().to_string();
      EXPECT_EQ(r->total, 1);  // c.fr/3 only: the first version of a.fr/1 is gone
      r = (*s)->search({.query = "electeur"});
      ASSERT_TRUE(r.ok()) << r.status().to_string();
      EXPECT_EQ(r->total, 1);
    }
    dumps[mode] = dump_search_index(path);
  }
  EXPECT_GT(dumps[kTokenizer].size(), 200u);
  EXPECT_EQ(dumps[kPrepared], dumps[kTokenizer]);
  EXPECT_EQ(dumps[kStale], dumps[kTokenizer]);
  fs::remove_all(dir);
}

class SearchFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("veille_search_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto s = open_sqlite_store((dir_ / "s.db").string());
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    store_ = std::move(*s);
    ASSERT_TRUE(store_->begin().ok());
    add("https://a.fr/1", "Les élections municipales à Brest", "Les élections municipales auront lieu en mars. Vladimir Poutine n'y est pour rien.",
        "a.fr", "2025-02-10", {{"Vladimir Poutine", "PER", "per:vladimir-poutine"}});
    add("https://b.fr/2", "Recette de la poutine", "La poutine québécoise se mange chaude, avec du fromage en grains.", "b.fr",
        "2025-02-12", {});
    add("https://a.fr/3", "Le pont de l'Aulne rouvre", "Le pont de l'Aulne rouvre lundi. Le port reste fermé.", "a.fr",
        "2025-02-14", {});
    add("https://c.fr/4", "Un port pas de pont", "L'Aulne a un port, mais le pont est ailleurs.", "c.fr", "2025-02-20", {},
        {"Ce pont est une honte, vraiment."});
    ASSERT_TRUE(store_->commit().ok());
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  struct Ent {
    std::string surface, type, id;
  };
  void add(const std::string& url, const std::string& title, const std::string& text, const std::string& site,
           const std::string& published, const std::vector<Ent>& ents, const std::vector<std::string>& comments = {}) {
    Document d;
    d.url = url;
    d.title = title;
    d.site = site;
    d.published = published;
    d.body.push_back({BlockKind::kParagraph, text, {}});
    finalize_text(d);
    d.id = content_hash(url + text);
    for (const auto& e : ents) {
      auto at = static_cast<uint32_t>(d.text.find(e.surface));
      d.annotations.entities.push_back({{at, at + static_cast<uint32_t>(e.surface.size())}, e.type, e.surface, e.id});
    }
    add_comments(d, comments);
    auto put = store_->put_document(d);
    ASSERT_TRUE(put.ok()) << put.status().to_string();
    ids_.push_back(put->article);
  }
  std::vector<int64_t> hits(SearchQuery q) {
    auto r = store_->search(q);
    EXPECT_TRUE(r.ok()) << q.query << ": " << r.status().to_string();
    std::vector<int64_t> out;
    if (r.ok())
      for (const auto& h : r->hits) out.push_back(h.article);
    std::sort(out.begin(), out.end());
    return out;
  }
  std::vector<int64_t> ids(std::initializer_list<int> idx) {
    std::vector<int64_t> out;
    for (int i : idx) out.push_back(ids_[static_cast<size_t>(i)]);
    std::sort(out.begin(), out.end());
    return out;
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
  std::vector<int64_t> ids_;
};

TEST_F(SearchFixture, AccentsCaseAndInflection) {
  EXPECT_EQ(hits({.query = "election"}), ids({0}));
  EXPECT_EQ(hits({.query = "ÉLECTION"}), ids({0}));
  EXPECT_EQ(hits({.query = "municipale"}), ids({0}));
  EXPECT_EQ(hits({.query = "Poutine"}), ids({0, 1}));
  EXPECT_EQ(hits({.query = "quebecois"}), ids({1}));
  // Unaccented spellings find accented text even where Snowball stems them differently.
  EXPECT_EQ(hits({.query = "fromage quebecoise"}), ids({1}));
}

TEST_F(SearchFixture, PhrasesExclusionsAndOr) {
  EXPECT_EQ(hits({.query = "\"pont de l'Aulne\""}), ids({2}));
  EXPECT_EQ(hits({.query = "pont Aulne"}), ids({2, 3}));
  EXPECT_EQ(hits({.query = "pont -lundi"}), ids({3}));
  EXPECT_EQ(hits({.query = "fromage OR élections"}), ids({0, 1}));
  // "title:pont" is the phrase "title pont" here, not a column filter.
  EXPECT_TRUE(hits({.query = "title:pont"}).empty());
}

TEST_F(SearchFixture, Filters) {
  EXPECT_EQ(hits({.query = "pont", .site = "c.fr"}), ids({3}));
  EXPECT_EQ(hits({.query = "poutine", .entity = "per:vladimir-poutine"}), ids({0}));
  EXPECT_EQ(hits({.query = "pont", .since = "2025-02-15"}), ids({3}));
  EXPECT_EQ(hits({.query = "pont", .until = "2025-02-14"}), ids({2}));
  EXPECT_TRUE(hits({.query = "pont", .story = 99}).empty());
  auto bad = store_->search({.query = "pont", .since = "14/02/2025"});
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->search({.query = "pont", .limit = 0}).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(SearchFixture, CommentsOnlyWhenAsked) {
  EXPECT_TRUE(hits({.query = "honte"}).empty());
  EXPECT_EQ(hits({.query = "honte", .comments = true}), ids({3}));
}

TEST_F(SearchFixture, RankingSnippetsAndFacets) {
  auto r = store_->search({.query = "pont"});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->total, 2);
  for (const auto& h : r->hits) {
    bool hit = false;
    std::string joined;
    for (const auto& s : h.snippet) {
      joined += s.text;
      if (s.hit) {
        hit = true;
        EXPECT_EQ(search_terms(s.text), search_terms("pont")) << s.text;
      }
    }
    EXPECT_TRUE(hit) << joined;
  }
  EXPECT_GE(r->hits[0].score, r->hits[1].score);
  ASSERT_EQ(r->site_facets.size(), 2u);
  auto j = r->to_json();
  EXPECT_EQ(j["total"], 2);
  EXPECT_TRUE(j["hits"][0]["snippet"].is_array());
  EXPECT_TRUE(j["facets"]["sites"].is_array());
  auto p = store_->search({.query = "poutine"});
  ASSERT_EQ(p->entity_facets.size(), 1u);
  EXPECT_EQ(p->entity_facets[0].key, "per:vladimir-poutine");
}

TEST_F(SearchFixture, BadQueriesAreClearErrors) {
  for (std::string q : {"", "\"pont", "-pont", "OR", "pont OR", "!!!"}) {
    auto r = store_->search({.query = q});
    ASSERT_FALSE(r.ok()) << q;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << q;
    EXPECT_FALSE(r.status().message().empty());
  }
  // FTS5 syntax typed by a user is searched as words, never an error.
  for (std::string q : {"NEAR(pont port)", "pont*", "^pont", "{title}: pont", "pont AND", "pont NOT port", "(pont"}) {
    auto r = store_->search({.query = q});
    EXPECT_TRUE(r.ok()) << q << ": " << r.status().to_string();
  }
}

}  // namespace
}  // namespace veille
