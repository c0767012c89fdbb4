// The compact digest input (store/digest_input.h): what a story's digest reads from an article
// survives the round trip, and bytes that are not such an encoding are refused, not misread.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "store/digest_input.h"
#include "veille/corpus.h"
#include "veille/ingester.h"
#include "veille/store.h"

namespace veille {
namespace {

Document sample_document() {
  Document d;
  d.url = "https://www.exemple.fr/politique/article-1";
  d.site = "Exemple";
  d.title = "Un titre qui n'est pas encodé";
  d.body.push_back({BlockKind::kHeading, "Le port de Lorient", {}});
  d.body.push_back({BlockKind::kParagraph,
                    "Le conseil municipal de Lorient a voté mardi 4 novembre 2026 le plan de rénovation des "
                    "écoles, a annoncé la maire Claire Morvan devant la presse.",
                    {}});
  d.body.push_back({BlockKind::kQuote, "Nous ne lâcherons rien.", {}});
  finalize_text(d);
  const std::string& t = d.text;
  const uint32_t p = d.body[1].span.begin;
  d.annotations.sentences = {d.body[0].span, {p, d.body[1].span.end}, d.body[2].span};
  const auto at = [&](const std::string& s) {
    const uint32_t b = static_cast<uint32_t>(t.find(s));
    return Span{b, static_cast<uint32_t>(b + s.size())};
  };
  d.annotations.entities.push_back({at("Lorient"), "LOC", "Lorient", "loc:lorient"});
  d.annotations.entities.push_back({at("Claire Morvan"), "PER", "Claire Morvan", "per:claire-morvan"});
  d.annotations.dates.push_back({at("mardi 4 novembre 2026"), "2026-11-04", "date"});
  d.annotations.dates.push_back({at("mardi"), "2026-11-04", "time"});
  d.annotations.tokens.push_back(at("Lorient"));  // not encoded: the digest does not read tokens
  return d;
}

TEST(StoreDigestInput, RoundTripKeepsWhatTheDigestReads) {
  const Document d = sample_document();
  const corpus::SummaryCandidates c = corpus::summary_candidates(d);
  corpus::SummaryCandidates with_terms = c;
  with_terms.sentences.push_back({{3, 9}, {{"renov", 2}, {"ecol", 1}}});
  const std::string bytes = store::encode_digest_input(d, with_terms);

  Document got;
  corpus::SummaryCandidates got_c;
  ASSERT_TRUE(store::decode_digest_input(bytes, &got, &got_c));
  EXPECT_EQ(got.url, d.url);
  EXPECT_EQ(got.site, d.site);
  EXPECT_EQ(got.text, d.text);
  EXPECT_FALSE(got.title.has_value());
  EXPECT_TRUE(got.annotations.tokens.empty());
  ASSERT_EQ(got.body.size(), d.body.size());
  for (size_t i = 0; i < d.body.size(); ++i) {
    EXPECT_EQ(got.body[i].kind, d.body[i].kind);
    EXPECT_EQ(got.body[i].span, d.body[i].span);
  }
  EXPECT_EQ(got.annotations.sentences, d.annotations.sentences);
  ASSERT_EQ(got.annotations.entities.size(), d.annotations.entities.size());
  for (size_t i = 0; i < d.annotations.entities.size(); ++i)
    EXPECT_EQ(got.annotations.entities[i].span, d.annotations.entities[i].span);
  ASSERT_EQ(got.annotations.dates.size(), d.annotations.dates.size());
  for (size_t i = 0; i < d.annotations.dates.size(); ++i) {
    EXPECT_EQ(got.annotations.dates[i].span, d.annotations.dates[i].span);
    EXPECT_EQ(got.annotations.dates[i].value, d.annotations.dates[i].value);
    EXPECT_EQ(got.annotations.dates[i].kind, d.annotations.dates[i].kind);
  }
  ASSERT_EQ(got_c.sentences.size(), with_terms.sentences.size());
  for (size_t i = 0; i < with_terms.sentences.size(); ++i) {
    EXPECT_EQ(got_c.sentences[i].span, with_terms.sentences[i].span);
    EXPECT_EQ(got_c.sentences[i].terms, with_terms.sentences[i].terms);
  }

  // What the digest computes from the decoded input is what it computes from the document.
  const std::vector<const Document*> full{&d}, compact{&got};
  const std::vector<const corpus::SummaryCandidates*> given{&c};
  auto s1 = corpus::summarize(full, given), s2 = corpus::summarize(compact, given);
  ASSERT_EQ(s1.size(), s2.size());
  for (size_t i = 0; i < s1.size(); ++i) EXPECT_EQ(s1[i].text, s2[i].text);
  auto t1 = corpus::timeline(full), t2 = corpus::timeline(compact);
  ASSERT_EQ(t1.size(), t2.size());
  for (size_t i = 0; i < t1.size(); ++i) {
    EXPECT_EQ(t1[i].value, t2[i].value);
    EXPECT_EQ(t1[i].text, t2[i].text);
  }
}

TEST(StoreDigestInput, RefusesWhatIsNotAnEncoding) {
  const Document d = sample_document();
  const std::string bytes = store::encode_digest_input(d, corpus::summary_candidates(d));
  Document got;
  corpus::SummaryCandidates c;
  for (size_t cut : {size_t{0}, size_t{3}, size_t{4}, size_t{20}, bytes.size() / 2, bytes.size() - 1})
    EXPECT_FALSE(store::decode_digest_input(bytes.substr(0, cut), &got, &c)) << "cut at " << cut;
  EXPECT_FALSE(store::decode_digest_input(bytes + "x", &got, &c));  // trailing bytes
  std::string other = bytes;
  other[3] = '9';  // another layout version
  EXPECT_FALSE(store::decode_digest_input(other, &got, &c));
  EXPECT_FALSE(store::decode_digest_input("{\"text\":\"json\"}", &got, &c));
}

// Runs one SQL statement on the database file; returns the changed row count or a count(*).
int64_t sql(const std::string& path, const std::string& statement) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, statement.c_str(), -1, &st, nullptr);
  int64_t v = -1;
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
  else if (rc == SQLITE_DONE) v = sqlite3_changes(db);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

// The samples ingested in small batches store digest inputs; inputs that are not an encoding (a
// damaged row, another layout) are read from the article's JSON instead and replaced, and every
// refreshed digest equals the read-time computation from the full documents.
TEST(StoreDigestInput, DamagedInputsAreReadFromJsonAndReplaced) {
  namespace fs = std::filesystem;
  const fs::path samples = fs::path(VEILLE_SOURCE_DIR) / "samples";
  const fs::path models = fs::path(VEILLE_SOURCE_DIR) / "models";
  if (!fs::exists(samples)) GTEST_SKIP() << "samples/ absent";
  const fs::path dir = fs::temp_directory_path() / ("veille_digest_input_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "t.db").string();
  {
    auto store = open_sqlite_store(path);
    ASSERT_TRUE(store.ok()) << store.status().to_string();
    ::setenv("VEILLE_MODELS", models.c_str(), 1);
    IngestOptions o;
    o.pipeline.threads = 2;
    o.moderation = false;
    o.background_path = (models / "background-fr.tsv").string();
    o.batch_pages = 7;
    auto ing = Ingester::create(**store, o);
    ASSERT_TRUE(ing.ok()) << ing.status().to_string();
    auto counts = (*ing)->ingest({samples.string()}, nullptr, nullptr);
    ASSERT_TRUE(counts.ok()) << counts.status().to_string();
  }
  const int64_t inputs = sql(path, "SELECT count(*) FROM digest_inputs");
  ASSERT_GT(inputs, 10);
  ASSERT_EQ(sql(path, "UPDATE digest_inputs SET data = x'56444931ff'"), inputs);  // right magic, cut short

  auto store = open_sqlite_store(path);
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  auto stories = (*store)->list_stories({.limit = 1000});
  ASSERT_TRUE(stories.ok()) << stories.status().to_string();
  size_t with_summary = 0;
  for (const auto& item : stories->stories) {
    ASSERT_TRUE((*store)->refresh_story_digest(item.id).ok()) << "story " << item.id;
    auto got = (*store)->get_story(item.id);
    ASSERT_TRUE(got.ok()) << got.status().to_string();
    auto docs = (*store)->story_documents(item.id, 30);
    ASSERT_TRUE(docs.ok()) << docs.status().to_string();
    std::vector<const Document*> ptrs;
    for (const auto& sd : *docs) ptrs.push_back(&sd.doc);
    auto summary = corpus::summarize(ptrs);
    auto events = corpus::timeline(ptrs);
    ASSERT_EQ(got->summary.size(), summary.size()) << "story " << item.id;
    for (size_t i = 0; i < summary.size(); ++i) EXPECT_EQ(got->summary[i].text, summary[i].text) << "story " << item.id;
    ASSERT_EQ(got->timeline.size(), events.size()) << "story " << item.id;
    for (size_t i = 0; i < events.size(); ++i) EXPECT_EQ(got->timeline[i].text, events[i].text) << "story " << item.id;
    with_summary += !summary.empty();
  }
  EXPECT_GT(with_summary, 3u);
  // The damaged rows were replaced by decodable ones.
  EXPECT_EQ(sql(path, "SELECT count(*) FROM digest_inputs WHERE length(data) <= 5"), 0);
  EXPECT_GE(sql(path, "SELECT count(*) FROM digest_inputs"), inputs);
  (*store).reset();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace veille
