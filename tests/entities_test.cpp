// Canonical entities (src/nlp/entities.h) and the "ner" stage (include/veille/nlp.h).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "nlp/entities.h"
#include "test_temp.h"
#include "veille/nlp.h"
#include "veille/pipeline.h"

namespace veille {
namespace {

namespace fs = std::filesystem;

const std::string kSourceDir = VEILLE_SOURCE_DIR;

// A small alias table written for these tests (the shipped one is tested apart).
const char* kTestAliases =
    "# test table\n"
    "Vladimir Poutine\tPER\tPoutine\tPutin\tVladimir Putin\n"
    "Volodymyr Zelensky\tPER\tZelensky\tZelenski\n"
    "Kyiv\tLOC\tKiev\n"
    "OTAN\tORG\tNATO\tAlliance atlantique\n"
    "États-Unis\tLOC\tUSA\n"
    "Maison Blanche\tORG\n"
    "Kremlin\tORG\n";

AliasTable test_table() {
  AliasTable t;
  Status st = t.add_text(kTestAliases, "test.tsv");
  EXPECT_TRUE(st.ok()) << st.to_string();
  return t;
}

std::vector<EntityMention> link(const std::vector<std::pair<std::string, std::string>>& mentions,
                                const AliasTable& table) {
  std::vector<MentionToLink> in;
  for (const auto& [surface, type] : mentions) in.push_back({surface, type});
  return link_page_entities(in, table);
}

TEST(FoldEntityName, FoldsCaseAccentsHyphensAndSpaces) {
  struct Row {
    const char* in;
    const char* out;
  };
  const Row rows[] = {
      {"Zélensky", "zelensky"},
      {"ZELENSKY", "zelensky"},
      {"Maison-Blanche", "maison blanche"},
      {"Maison Blanche", "maison blanche"},
      {"Etats-Unis", "etats unis"},
      {"États  Unis", "etats unis"},
      {"États\xC2\xA0Unis", "etats unis"},  // no-break space
      {"U.S.A.", "usa"},
      {"l’Alliance atlantique", "l alliance atlantique"},
      {"l'Alliance atlantique", "l alliance atlantique"},
      {"Œuvre d’Orient", "oeuvre d orient"},
      {"Erdoğan", "erdogan"},
      {"  Jean--Marie  ", "jean marie"},
      {"Москва", "москва"},
      {"", ""},
      {"\xFF" "abc", "\xFF" "abc"},  // invalid UTF-8 kept
  };
  for (const auto& r : rows) EXPECT_EQ(fold_entity_name(r.in), r.out) << r.in;
}

TEST(EntityId, TypeAndFoldedName) {
  EXPECT_EQ(entity_id("PER", "Vladimir Poutine"), "PER:vladimir-poutine");
  EXPECT_EQ(entity_id("LOC", "États-Unis"), "LOC:etats-unis");
  EXPECT_EQ(entity_id("ORG", "Maison-Blanche"), entity_id("ORG", "Maison Blanche"));
}

// Within one page: each row is the page's mentions in order and the canonical name expected for
// each; an empty alias table, so only page evidence counts.
TEST(LinkPageEntities, WithinPage) {
  struct Row {
    const char* what;
    std::vector<std::pair<std::string, std::string>> mentions;
    std::vector<std::string> expected;
  };
  const std::vector<Row> rows = {
      {"surname after full name", {{"Donald Trump", "PER"}, {"Trump", "PER"}}, {"Donald Trump", "Donald Trump"}},
      {"surname before full name", {{"Trump", "PER"}, {"Donald Trump", "PER"}}, {"Donald Trump", "Donald Trump"}},
      {"Zelensky", {{"Volodymyr Zelensky", "PER"}, {"Zelensky", "PER"}, {"ZELENSKY", "PER"}},
       {"Volodymyr Zelensky", "Volodymyr Zelensky", "Volodymyr Zelensky"}},
      {"accent variant of the surname", {{"Volodymyr Zélensky", "PER"}, {"Zelensky", "PER"}},
       {"Volodymyr Zélensky", "Volodymyr Zélensky"}},
      {"two-word surname", {{"Marine Le Pen", "PER"}, {"Le Pen", "PER"}}, {"Marine Le Pen", "Marine Le Pen"}},
      {"shared surname: no merge without evidence",
       {{"Marine Le Pen", "PER"}, {"Jean-Marie Le Pen", "PER"}, {"Le Pen", "PER"}},
       {"Marine Le Pen", "Jean-Marie Le Pen", "Le Pen"}},
      {"shared surname, one token",
       {{"Hunter Biden", "PER"}, {"Joe Biden", "PER"}, {"Biden", "PER"}},
       {"Hunter Biden", "Joe Biden", "Biden"}},
      {"unknown person alone", {{"Pellistrandi", "PER"}}, {"Pellistrandi"}},
      {"place does not link to a person", {{"Paris Hilton", "PER"}, {"Paris", "LOC"}},
       {"Paris Hilton", "Paris"}},
      {"particle alone is not a surname", {{"Charles de Gaulle", "PER"}, {"de", "PER"}},
       {"Charles de Gaulle", "de"}},
      {"all-capital spelling is not preferred", {{"JÉRÔME PELLISTRANDI", "PER"}, {"Jérôme Pellistrandi", "PER"}},
       {"Jérôme Pellistrandi", "Jérôme Pellistrandi"}},
      {"whitespace collapsed in names", {{"Donald\nTrump", "PER"}}, {"Donald Trump"}},
  };
  AliasTable empty;
  for (const auto& r : rows) {
    auto got = link(r.mentions, empty);
    ASSERT_EQ(got.size(), r.expected.size()) << r.what;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].entity, r.expected[i]) << r.what << " #" << i;
      EXPECT_EQ(got[i].id, entity_id(got[i].type, r.expected[i])) << r.what << " #" << i;
    }
  }
  // The ambiguous "Le Pen" is an entity of its own, distinct from both.
  auto le_pen = link({{"Marine Le Pen", "PER"}, {"Jean-Marie Le Pen", "PER"}, {"Le Pen", "PER"}}, empty);
  EXPECT_EQ(le_pen[2].id, "PER:le-pen");
  EXPECT_NE(le_pen[0].id, le_pen[1].id);
}

// Across pages: every row is a set of spellings, each linked in a page of its own; all must get
// the same id and canonical name.
TEST(LinkPageEntities, AcrossPagesThroughAliases) {
  struct Row {
    std::string type;
    std::vector<std::string> spellings;
    std::string canonical;
  };
  const std::vector<Row> rows = {
      {"PER", {"Poutine", "Putin", "Vladimir Poutine", "Vladimir Putin", "POUTINE"}, "Vladimir Poutine"},
      {"LOC", {"Kiev", "Kyiv", "KIEV"}, "Kyiv"},
      {"PER", {"Zelensky", "Zelenski", "Zélensky", "Volodymyr Zelensky", "Volodymyr Zélensky"}, "Volodymyr Zelensky"},
      {"ORG", {"OTAN", "Otan", "NATO", "Alliance atlantique", "l’Alliance atlantique"}, "OTAN"},
      {"LOC", {"États-Unis", "Etats-Unis", "USA", "Etats Unis"}, "États-Unis"},
      {"ORG", {"Maison Blanche", "Maison-Blanche", "maison blanche"}, "Maison Blanche"},
  };
  AliasTable table = test_table();
  for (const auto& r : rows) {
    for (const auto& s : r.spellings) {
      auto got = link({{s, r.type}}, table);
      ASSERT_EQ(got.size(), 1u);
      EXPECT_EQ(got[0].entity, r.canonical) << s;
      EXPECT_EQ(got[0].id, entity_id(r.type, r.canonical)) << s;
    }
  }
}

TEST(LinkPageEntities, AliasTableCorrectsTheTaggersType) {
  AliasTable table = test_table();
  auto got = link({{"Kremlin", "LOC"}, {"Maison-Blanche", "PER"}}, table);
  EXPECT_EQ(got[0].type, "ORG");
  EXPECT_EQ(got[0].id, "ORG:kremlin");
  EXPECT_EQ(got[1].type, "ORG");
}

TEST(LinkPageEntities, AliasTableWinsOverPageEvidence) {
  AliasTable table = test_table();
  // "Poutine" is listed: it resolves to the table's entity even in a page naming another Poutine.
  auto got = link({{"Jean Poutine", "PER"}, {"Poutine", "PER"}}, table);
  EXPECT_EQ(got[0].entity, "Jean Poutine");
  EXPECT_EQ(got[1].entity, "Vladimir Poutine");
}

TEST(AliasTable, ParseErrorsNameFileAndLine) {
  struct Row {
    std::string text;
    std::string error;  // expected substring; empty = must parse
  };
  const std::vector<Row> rows = {
      {"# comment\n\nVladimir Poutine\tPER\tPoutine\n", ""},
      {"Vladimir Poutine\tPER\tPoutine\r\nKyiv\tLOC\tKiev\r\n", ""},
      {"Kyiv\tLOC\tKiev\t\n", ""},  // trailing TAB
      {"Kyiv\tLOC\n", ""},          // no alias: the canonical name only
      {"Kyiv LOC Kiev\n", "f.tsv:1: expected canonical<TAB>type"},
      {"# ok\nKyiv\tPLACE\tKiev\n", "f.tsv:2: unknown type \"PLACE\""},
      {"\n\n\n\tLOC\tKiev\n", "f.tsv:4: empty canonical name"},
      {"Kyiv\tLOC\t\tKiev\n", "f.tsv:1: empty alias in field 3"},
      {"Kyiv\tLOC\t...\n", "f.tsv:1: alias \"...\" has no letters"},
      {"Marine Le Pen\tPER\tLe Pen\nJean-Marie Le Pen\tPER\tLe Pen\n",
       "f.tsv:2: \"Le Pen\" is already an alias of \"Marine Le Pen\" (PER) on line 1"},
  };
  for (const auto& r : rows) {
    AliasTable t;
    Status st = t.add_text(r.text, "f.tsv");
    if (r.error.empty()) {
      EXPECT_TRUE(st.ok()) << r.text << " -> " << st.to_string();
    } else {
      EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << r.text;
      EXPECT_NE(st.message().find(r.error), std::string::npos) << st.message();
      EXPECT_EQ(t.size(), 0u) << "a failed file leaves the table unchanged";
    }
  }
}

TEST(AliasTable, LaterFileOverridesAndMissingFileIsNotFound) {
  AliasTable t;
  ASSERT_TRUE(t.add_text("Marine Le Pen\tPER\tLe Pen\n", "a.tsv").ok());
  ASSERT_TRUE(t.add_text("Jean-Marie Le Pen\tPER\tLe Pen\n", "b.tsv").ok());
  ASSERT_NE(t.find("PER", "le pen"), nullptr);
  EXPECT_EQ(t.find("PER", "LE-PEN")->canonical, "Jean-Marie Le Pen");
  Status st = t.add_file("/nonexistent/aliases.tsv");
  EXPECT_EQ(st.code(), StatusCode::kNotFound);
  EXPECT_NE(st.message().find("/nonexistent/aliases.tsv"), std::string::npos);
}

TEST(AliasTable, ShippedTableLoadsAndResolvesTheIssueExamples) {
  const std::string path = kSourceDir + "/models/aliases-fr.tsv";
  AliasTable t;
  Status st = t.add_file(path);
  ASSERT_TRUE(st.ok()) << st.to_string();
  struct Row {
    const char *type, *surface, *canonical;
  };
  const Row rows[] = {
      {"PER", "Putin", "Vladimir Poutine"},    {"PER", "Poutine", "Vladimir Poutine"},
      {"PER", "Zélensky", "Volodymyr Zelensky"}, {"PER", "Zelenski", "Volodymyr Zelensky"},
      {"PER", "Trump", "Donald Trump"},        {"LOC", "Kiev", "Kyiv"},
      {"ORG", "Alliance atlantique", "OTAN"},  {"LOC", "USA", "États-Unis"},
      {"LOC", "Etats-Unis", "États-Unis"},     {"ORG", "Maison-Blanche", "Maison Blanche"},
  };
  for (const auto& r : rows) {
    const AliasTarget* a = t.find(r.type, r.surface);
    ASSERT_NE(a, nullptr) << r.surface;
    EXPECT_EQ(a->canonical, r.canonical) << r.surface;
  }
  // A surname several well-known people share is deliberately not listed.
  EXPECT_EQ(t.find("PER", "Le Pen"), nullptr);
}

// The stage on real text, with the shipped model.
class NerStageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    NerStageOptions o;
    o.model_path = kSourceDir + "/models/ner-fr.bin";
    o.shipped_aliases_path = kSourceDir + "/models/aliases-fr.tsv";
    auto s = make_ner_stage(o);
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    ner_ = std::move(*s);
    tokenize_ = make_tokenize_stage();
  }

  // Spans in bounds, on token boundaries, non-empty; type and id set.
  static void check_spans(const std::string& text, const Annotations& a, const std::string& where) {
    std::set<uint32_t> begins, ends;
    for (const auto& t : a.tokens) {
      begins.insert(t.begin);
      ends.insert(t.end);
    }
    for (const auto& e : a.entities) {
      ASSERT_LT(e.span.begin, e.span.end) << where;
      ASSERT_LE(e.span.end, text.size()) << where;
      EXPECT_TRUE(begins.count(e.span.begin)) << where << ": entity does not start at a token";
      EXPECT_TRUE(ends.count(e.span.end)) << where << ": entity does not end at a token";
      EXPECT_TRUE(is_entity_type(e.type)) << e.type;
      EXPECT_FALSE(e.entity.empty());
      EXPECT_EQ(e.id, entity_id(e.type, e.entity));
    }
  }

  std::unique_ptr<Stage> tokenize_, ner_;
};

TEST_F(NerStageTest, ArticleAndCommentsShareCanonicalEntities) {
  Document doc;
  doc.text =
      "Donald Trump a reçu Volodymyr Zelensky à la Maison-Blanche.\n\n"
      "Selon Trump, Vladimir Poutine veut la paix. Zelensky a répondu depuis Kiev.";
  Comment c;
  c.id = 1;
  c.text = "Poutine et Putin, c'est le même homme. Kyiv résiste.";
  doc.comments.push_back(c);
  ASSERT_TRUE(tokenize_->process(doc).ok());
  ASSERT_TRUE(ner_->process(doc).ok());
  check_spans(doc.text, doc.annotations, "text");
  check_spans(doc.comments[0].text, doc.comments[0].annotations, "comment");
  std::map<std::string, std::set<std::string>> ids_by_surface;
  for (const auto& e : doc.annotations.entities)
    ids_by_surface[doc.text.substr(e.span.begin, e.span.end - e.span.begin)].insert(e.id);
  for (const auto& e : doc.comments[0].annotations.entities)
    ids_by_surface[c.text.substr(e.span.begin, e.span.end - e.span.begin)].insert(e.id);
  // The tagger decides what is a mention; whatever it finds must be linked as the table says.
  const std::map<std::string, std::string> expected = {
      {"Donald Trump", "PER:donald-trump"}, {"Trump", "PER:donald-trump"},
      {"Volodymyr Zelensky", "PER:volodymyr-zelensky"}, {"Zelensky", "PER:volodymyr-zelensky"},
      {"Vladimir Poutine", "PER:vladimir-poutine"}, {"Poutine", "PER:vladimir-poutine"},
      {"Putin", "PER:vladimir-poutine"}, {"Kiev", "LOC:kyiv"}, {"Kyiv", "LOC:kyiv"},
      {"Maison-Blanche", "ORG:maison-blanche"}};
  for (const auto& [surface, ids] : ids_by_surface) {
    auto it = expected.find(surface);
    if (it != expected.end()) {
      EXPECT_EQ(ids, std::set<std::string>{it->second}) << surface;
    }
  }
  EXPECT_TRUE(ids_by_surface.count("Donald Trump")) << "the shipped model finds Donald Trump";
}

TEST_F(NerStageTest, BadInputDoesNotCrash) {
  const std::vector<std::string> texts = {
      "",
      "\xFF\xFE Donald \xC3 Trump \x01\x02",
      std::string(200000, 'a') + " Emmanuel Macron " + std::string(100000, 'b'),
      [] {
        std::string s;
        for (int i = 0; i < 20000; ++i) s += "Paris Lyon Marseille ";
        return s;
      }(),
      "Москва 東京 Donald Trump",
  };
  for (const auto& t : texts) {
    Document doc;
    doc.text = t;
    ASSERT_TRUE(tokenize_->process(doc).ok());
    ASSERT_TRUE(ner_->process(doc).ok());
    check_spans(doc.text, doc.annotations, "bad input");
  }
}

TEST_F(NerStageTest, WithoutTokensThereAreNoEntities) {
  Document doc;
  doc.text = "Donald Trump a reçu Emmanuel Macron.";
  ASSERT_TRUE(ner_->process(doc).ok());  // REQUIRES tokenize: not met, nothing to tag
  EXPECT_TRUE(doc.annotations.entities.empty());
}

TEST(NerStage, ErrorsNameTheFile) {
  NerStageOptions o;
  o.model_path = kSourceDir + "/models/ner-fr.bin";
  o.shipped_aliases_path = kSourceDir + "/models/aliases-fr.tsv";
  const test_support::TempDir dir("veille_entities_test");
  const fs::path bad = dir.write("bad.tsv", "# fine\nKyiv\tLOC\tKiev\nOTAN ORG NATO\n");
  o.alias_paths = {bad.string()};
  auto s = make_ner_stage(o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.status().message().find(bad.string() + ":3:"), std::string::npos) << s.status().message();

  o.alias_paths = {};
  o.model_path = "/nonexistent/ner.bin";
  auto m = make_ner_stage(o);
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("/nonexistent/ner.bin"), std::string::npos);
}

TEST(NerStage, PipelineOnSamplesKeepsTheSpanInvariant) {
  const fs::path samples = fs::path(kSourceDir) / "samples";
  if (!fs::exists(samples)) GTEST_SKIP() << "no samples/";
  NerStageOptions o;
  o.model_path = kSourceDir + "/models/ner-fr.bin";
  o.shipped_aliases_path = kSourceDir + "/models/aliases-fr.tsv";
  auto ner = make_ner_stage(o);
  ASSERT_TRUE(ner.ok()) << ner.status().to_string();
  PipelineOptions po;
  po.threads = 1;
  Pipeline p(po);
  p.add_stage(make_tokenize_stage());
  p.add_stage(std::move(*ner));
  size_t pages = 0, entities = 0;
  // samples/bad/ holds broken pages on purpose; every other folder holds good pages.
  std::vector<std::string> inputs;
  for (const auto& e : std::filesystem::directory_iterator(samples))
    if (e.is_directory() && e.path().filename() != "bad") inputs.push_back(e.path().string());
  std::sort(inputs.begin(), inputs.end());
  BatchStats stats = p.process_inputs(
      inputs,
      [&](const Document& d) {
        ++pages;
        for (const auto& e : d.annotations.entities) {
          ASSERT_LE(e.span.end, d.text.size());
          ++entities;
        }
        for (const auto& c : d.comments)
          for (const auto& e : c.annotations.entities) ASSERT_LE(e.span.end, c.text.size());
      },
      [](const InputError& e) { ADD_FAILURE() << e.source << ": " << e.status.to_string(); });
  EXPECT_EQ(stats.failed, 0u);
  EXPECT_GE(pages, 3u);
  EXPECT_GT(entities, 0u);
}

}  // namespace
}  // namespace veille
