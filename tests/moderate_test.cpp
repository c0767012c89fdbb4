// Moderation: normaliser and lexicon matching (table-driven), model file errors, self-test, the
// shipped model, and the `veille moderate` output contract through the library.
#include <gtest/gtest.h>

#include <functional>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "moderate/features.h"
#include "moderate/lexicon.h"
#include "moderate/model_file.h"
#include "moderate/normalize.h"
#include "moderate/train.h"
#include "veille/moderate.h"

namespace veille::moderate {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string kModelPath = std::string(VEILLE_SOURCE_DIR) + "/models/moderation-fr.bin";
const std::string kLexiconPath = std::string(VEILLE_SOURCE_DIR) + "/models/moderation-lexicon-fr.tsv";

std::shared_ptr<const Lexicon> shipped_lexicon() {
  static std::shared_ptr<const Lexicon> lex = [] {
    auto r = Lexicon::parse(read_file(kLexiconPath), kLexiconPath);
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    return r.ok() ? r.value() : nullptr;
  }();
  return lex;
}

std::vector<TermHit> terms_of(const std::string& text) {
  std::vector<ModToken> tokens;
  tokenize_for_moderation(text, &tokens);
  std::vector<TermHit> hits;
  shipped_lexicon()->find_terms(text, tokens, &hits);
  return hits;
}

TEST(ModerationTokens, FoldsCaseAccentsHomoglyphsAndLeet) {
  struct Row {
    std::string text;
    std::vector<std::string> forms;
  };
  const std::vector<Row> rows = {
      {"Mâcon CONSEIL", {"macon", "conseil"}},
      {"salop@rds", {"salopards"}},
      {"C+0+N+S", {"cons"}},
      {"c.o.n.s", {"cons"}},
      {"m***e", {"m***e"}},
      {"*ouilles", {"*ouilles"}},
      {"l’Histoire", {"l", "histoire"}},
      {"cul-de-sac", {"cul-de-sac"}},
      {"c\xD0\xBE" "nnard", {"connard"}},       // Cyrillic о
      {"\xCE\xBF" "rdure", {"ordure"}},          // Greek ο
      {"m\xC3\xA9rde!!", {"merde"}},
      {"24 h", {"24", "h"}},
      {"#hashtag @user", {"hashtag", "auser"}},
      {"con\xE2\x80\x8Bnard", {"connard"}},      // zero-width space inside
  };
  for (const auto& row : rows) {
    std::vector<ModToken> tokens;
    tokenize_for_moderation(row.text, &tokens);
    std::vector<std::string> forms;
    for (const auto& t : tokens) forms.push_back(t.form);
    EXPECT_EQ(forms, row.forms) << row.text;
    for (const auto& t : tokens) {
      EXPECT_LE(t.begin, t.end);
      EXPECT_LE(t.end, row.text.size());
    }
  }
}

TEST(ModerationLexicon, FindsDisguisedTerms) {
  ASSERT_TRUE(shipped_lexicon());
  struct Row {
    std::string text;
    std::string surface;     // the term's text in the comment
    std::string normalized;  // the lexicon form
  };
  const std::vector<Row> rows = {
      {"ces salop@rds corrompus", "salop@rds", "salopards"},
      {"de la merdre.", "merdre", "merde"},
      {"les ukronazes rompent", "ukronazes", "ukronazes"},
      {"trump gros fout**t**r de", "fout**t**r", "fouteur"},
      {"de m***e !", "m***e", "merde"},
      {"pendu par les *ouilles à", "*ouilles", "couilles"},
      {"très très C+0+N+S", "C+0+N+S", "cons"},
      {"quel c.o.n.n.a.r.d", "c.o.n.n.a.r.d", "connard"},
      {"une s a l o p e vraiment", "s a l o p e", "salope"},
      {"CONNNNARD", "CONNNNARD", "connard"},
      {"conanrd de base", "conanrd", "connard"},      // swapped letters
      {"un encuelé", "encuelé", "encule"},          // one letter added
      {"tesunconnard", "tesunconnard", "connard"},   // spaces removed
      {"un conn ard", "conn ard", "connard"},        // a space added
      {"c\xD0\xBE" "nnard", "c\xD0\xBE" "nnard", "connard"},
      {"des connasses", "connasses", "connasses"},
      {"enculées", "enculées", "enculees"},
      {"va te faire foutre", "va te faire foutre", "va te faire foutre"},
      {"Espèce de 1mbécile", "1mbécile", "imbecile"},
      {"qu'ils aillent se faire f*tre", "f*tre", "foutre"},  // one mask for two letters
  };
  for (const auto& row : rows) {
    auto hits = terms_of(row.text);
    ASSERT_EQ(hits.size(), 1u) << row.text;
    EXPECT_EQ(row.text.substr(hits[0].begin, hits[0].end - hits[0].begin), row.surface) << row.text;
    EXPECT_EQ(hits[0].normalized, row.normalized) << row.text;
  }
}

TEST(ModerationLexicon, OrdinaryWordsSurvive) {
  ASSERT_TRUE(shipped_lexicon());
  for (const char* text :
       {"Scunthorpe", "Mâcon", "un cul-de-sac", "le conseil municipal", "contre", "analyse",
        "concours", "Conakry", "canard", "consulter", "constitution", "culture", "Putin",
        "salopette", "compte", "bitte d'amarrage", "nazis", "débité", "les ordures ménagères",
        "Mickey", "la porte", "une vidéo", "moule-frites", "un conte",
        // Regression: "conseille" was read as "conse" glued to "il" and "le" (UD dev false term).
        "il conseille", "les conseillères", "la merde"}) {
    auto hits = terms_of(text);
    if (std::string(text) == "la merde") {
      EXPECT_EQ(hits.size(), 1u);  // the control row: a real term is found
      continue;
    }
    EXPECT_TRUE(hits.empty()) << text << " -> " << (hits.empty() ? "" : hits[0].normalized);
  }
}

TEST(ModerationLexicon, ParseErrorsNameTheLine) {
  auto r = Lexicon::parse("con\tinsult\nmerde profanity\n", "x.tsv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("x.tsv:2"), std::string::npos) << r.status().message();
  r = Lexicon::parse("con\tinsulte\n", "x.tsv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("unknown category"), std::string::npos);
  r = Lexicon::parse("# only a comment\n", "x.tsv");
  EXPECT_FALSE(r.ok());
}

TEST(ModerationCsv, QuotedFieldsWithNewlinesAndQuotes) {
  auto rows = parse_csv("a,b\n\"x, \"\"y\"\"\nz\",2\r\nlast,\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][0], "x, \"y\"\nz");
  EXPECT_EQ(rows[1][1], "2");
  EXPECT_EQ(rows[2].size(), 2u);
}

ModelParams tiny_model() {
  ModelParams p;
  p.hash_bits = 10;
  p.threshold = 0.5f;
  p.description = "test";
  p.weights.assign(1u << 10, 0.f);
  return p;
}

TEST(ModerationModelFile, LoadErrors) {
  const std::string lexicon = "connard\tinsult\n";
  std::string good = serialize_model(tiny_model());
  ASSERT_TRUE(Moderator::load_bytes(good, lexicon, "m").ok());

  struct Row {
    std::string name;
    std::string bytes;
    StatusCode code;
    std::string message;
  };
  std::string bad_version = good;
  bad_version[kModelMagic.size()] = 9;
  std::string flipped = good;
  flipped[flipped.size() / 2] ^= 0x40;
  const std::vector<Row> rows = {
      {"empty", "", StatusCode::kCorrupt, "bad magic"},
      {"other file", "\x7f" "ELF....", StatusCode::kCorrupt, "bad magic"},
      {"version", bad_version, StatusCode::kUnsupported, "version 9"},
      {"truncated", good.substr(0, good.size() - 100), StatusCode::kCorrupt, "truncated"},
      {"damaged", flipped, StatusCode::kCorrupt, "checksum"},
  };
  for (const auto& row : rows) {
    auto r = Moderator::load_bytes(row.bytes, lexicon, "m");
    ASSERT_FALSE(r.ok()) << row.name;
    EXPECT_EQ(r.status().code(), row.code) << row.name << ": " << r.status().to_string();
    EXPECT_NE(r.status().message().find(row.message), std::string::npos)
        << row.name << ": " << r.status().to_string();
  }
  auto missing = Moderator::load("/nonexistent/moderation-fr.bin");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST(ModerationModelFile, SelfTestFailureIsReported) {
  ModelParams p = tiny_model();
  p.self_tests.push_back({"quel connard", true, 0.99f});  // zero weights give 0.5, not toxic... at 0.5 yes
  p.threshold = 0.6f;
  auto r = Moderator::load_bytes(serialize_model(p), "connard\tinsult\n", "m");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("self-test failed"), std::string::npos) << r.status().message();
  p.self_tests = {{"quel connard", false, 0.5f}};
  EXPECT_TRUE(Moderator::load_bytes(serialize_model(p), "connard\tinsult\n", "m").ok());
}

TEST(ModerationModelFile, RoundTrip) {
  ModelParams p = tiny_model();
  p.weights[3] = 1.5f;
  p.self_tests.push_back({"abc", false, 0.5f});
  auto r = parse_model(serialize_model(p), "m");
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->weights, p.weights);
  EXPECT_EQ(r->description, "test");
  EXPECT_EQ(r->self_tests.size(), 1u);
}

// The feature set travels with the version: a model with the construction features is written as
// version 3, one without as version 2, and both read back with the flag they were written with.
TEST(ModerationModelFile, VersionCarriesTheFeatureSet) {
  for (bool constructions : {false, true}) {
    ModelParams p = tiny_model();
    p.constructions = constructions;
    const std::string bytes = serialize_model(p);
    uint32_t version = 0;
    std::memcpy(&version, bytes.data() + kModelMagic.size(), sizeof version);
    EXPECT_EQ(version, constructions ? 3u : 2u);
    auto r = parse_model(bytes, "m");
    ASSERT_TRUE(r.ok()) << r.status().to_string();
    EXPECT_EQ(r->constructions, constructions);
  }
}

// The contempt constructions add features only when asked, and only where the construction is.
TEST(ModerationFeatures, ContemptConstructions) {
  struct Row { std::string text; bool construction; };
  const std::vector<Row> rows = {
      {"Vous êtes tous des moutons", true},
      {"ces gauchistes-là ne comprennent rien", true},
      {"Dégage, personne ne t'aime", true},
      {"retourne dans ton pays", true},
      {"quelle bande de guignols", true},
      {"qu'il crève en prison", true},
      {"Le conseil municipal de Mâcon a voté contre l'analyse", false},
      {"Tous les élus ont voté le budget", false},
      {"Il est rentré chez lui à Scunthorpe", false},
  };
  ModerationWorkspace ws;
  for (const auto& row : rows) {
    analyse_comment(row.text, *shipped_lexicon(), 18, &ws, {});
    const size_t without = ws.features.ids.size();
    analyse_comment(row.text, *shipped_lexicon(), 18, &ws, {.constructions = true});
    EXPECT_EQ(ws.features.ids.size() > without, row.construction) << row.text;
  }
}

// The shipped model: loads (self-test included) and keeps the contract of `veille moderate`.
TEST(ModerationShippedModel, LoadsAndClassifies) {
  auto m = Moderator::load(kModelPath);
  ASSERT_TRUE(m.ok()) << m.status().to_string();
  struct Row {
    std::string text;
    bool toxic;
  };
  const std::vector<Row> rows = {
      {"Espèce de gros c0nn@rd, va te faire foutre !", true},
      {"Ferme ta gueule sale enculé", true},
      {"Le conseil municipal de Mâcon a voté le budget.", false},
      {"Merci pour cet article très clair sur la réforme des retraites.", false},
      {"", false},
      // Regression: long comments were pulled below the threshold by a length feature that the
      // clean news sentences (long, all clean) had taught; two insults in 300 characters scored 0.08.
      {"Franchement, tous ces responsables qui se succèdent au ministère depuis vingt ans, de droite "
       "comme de gauche, ont montré ce qu'ils valent sur le dossier des retraites et sur la dette. "
       "Une bande de guignols gâteux qui ne pensent qu'à leur réélection, et nous on paie.", true},
      {"Franchement, tous ces responsables qui se succèdent au ministère depuis vingt ans, de droite "
       "comme de gauche, ont montré ce qu'ils valent sur le dossier des retraites et sur la dette. "
       "Une équipe prudente qui pense à long terme, et le budget suit enfin.", false},
  };
  for (const auto& row : rows) {
    Moderation r = (*m)->classify(row.text);
    EXPECT_EQ(r.toxic, row.toxic) << row.text << " score " << r.score;
    EXPECT_GE(r.score, 0.f);
    EXPECT_LE(r.score, 1.f);
    EXPECT_EQ(r.toxic, r.score >= (*m)->threshold());
  }
  Moderation r = (*m)->classify("ces salop@rds");
  ASSERT_EQ(r.terms.size(), 1u);
  EXPECT_EQ(r.terms[0].text, "salop@rds");
  EXPECT_EQ(r.terms[0].normalized, "salopards");
  EXPECT_EQ(r.terms[0].category, "insult");
  // The threshold decides: 0 makes everything toxic, 1 (almost) nothing.
  EXPECT_TRUE((*m)->classify("Bonjour à tous", 0.f).toxic);
  EXPECT_FALSE((*m)->classify("Bonjour à tous", 1.f).toxic);
}

TEST(ModerationStage, FillsEveryComment) {
  auto m = Moderator::load(kModelPath);
  ASSERT_TRUE(m.ok()) << m.status().to_string();
  auto stage = make_moderation_stage(*m);
  EXPECT_EQ(stage->name(), "moderate");
  Document doc;
  doc.comments.push_back({});
  doc.comments.back().text = "Quel connard";
  doc.comments.push_back({});
  doc.comments.back().text = "Très bon article, merci.";
  ASSERT_TRUE(stage->process(doc).ok());
  ASSERT_TRUE(doc.comments[0].moderation);
  ASSERT_TRUE(doc.comments[1].moderation);
  EXPECT_TRUE(doc.comments[0].moderation->toxic);
  EXPECT_FALSE(doc.comments[1].moderation->toxic);
  std::string json = to_json(doc);
  EXPECT_NE(json.find("\"moderation\":{\"toxic\":true"), std::string::npos) << json;
  EXPECT_NE(json.find("\"normalized\":\"connard\""), std::string::npos) << json;
  Document plain;
  plain.comments.push_back({});
  EXPECT_EQ(to_json(plain).find("moderation"), std::string::npos);
}

// Term-identity positions point inside the feature vector, and exist exactly when a term is found.
TEST(ModerationFeatures, TermIdentityPositions) {
  struct Row { std::string text; bool has_term; };
  const std::vector<Row> rows = {
      {"Quel connard ce type", true},
      {"Espèce de c0nn@rd, va te faire foutre", true},
      {"Le conseil municipal de Mâcon a voté contre l'analyse", false},
      {"", false},
  };
  ModerationWorkspace ws;
  for (const auto& row : rows) {
    analyse_comment(row.text, *shipped_lexicon(), 18, &ws);
    EXPECT_EQ(!ws.features.term_identity.empty(), row.has_term) << row.text;
    EXPECT_EQ(!ws.hits.empty(), row.has_term) << row.text;
    for (uint32_t k : ws.features.term_identity) EXPECT_LT(k, ws.features.ids.size()) << row.text;
  }
}

// An insult aimed at someone ("t'es un", "espèce de") adds features the bare insult does not have.
TEST(ModerationFeatures, AimedInsultsHaveMoreFeatures) {
  ModerationWorkspace ws;
  auto ids_of = [&](const std::string& text) {
    analyse_comment(text, *shipped_lexicon(), 18, &ws);
    std::vector<uint32_t> v = ws.features.ids;
    std::sort(v.begin(), v.end());
    return v;
  };
  // Same words, but the second person before the insult is only in the first.
  auto aimed = ids_of("tu connard"), plain = ids_of("connard tu");
  std::vector<uint32_t> only_aimed;
  std::set_difference(aimed.begin(), aimed.end(), plain.begin(), plain.end(), std::back_inserter(only_aimed));
  // Bigrams differ both ways; the aim feature is one more on the aimed side.
  std::vector<uint32_t> only_plain;
  std::set_difference(plain.begin(), plain.end(), aimed.begin(), aimed.end(), std::back_inserter(only_plain));
  EXPECT_EQ(only_aimed.size(), only_plain.size() + 1);
}

// 100 comments in 5 folds that plain words separate: half toxic, half clean.
std::vector<LabeledComment> separable_comments() {
  std::vector<LabeledComment> data;
  const char* toxic[] = {"quel connard", "espèce de salope", "gros con va", "sale enculé", "t'es un connard"};
  const char* clean[] = {"bon article merci", "le match de samedi", "la mairie vote le budget",
                         "merci pour l'analyse", "très bonne idée"};
  for (int i = 0; i < 100; ++i) {
    LabeledComment c;
    c.toxic = i % 2 == 0;
    c.text = std::string(c.toxic ? toxic[i % 5] : clean[i % 5]) + " " + std::to_string(i);
    c.fold = i % 5;
    data.push_back(c);
  }
  return data;
}

// Nested cross-validation on separable data: every fold is scored, and the figure is high.
TEST(ModerationTrain, NestedCrossValidationOnSeparableData) {
  const std::vector<LabeledComment> data = separable_comments();
  ModerationTrainOptions opt;
  auto cv = nested_cross_validation(data, *shipped_lexicon(), opt);
  ASSERT_TRUE(cv.ok()) << cv.status().to_string();
  ASSERT_EQ(cv->folds.size(), 5u);
  EXPECT_EQ(cv->pooled.n, 100u);
  for (const auto& f : cv->folds) EXPECT_EQ(f.n, 20u);
  EXPECT_GT(cv->mean_macro_f1, 0.9);
  EXPECT_GE(cv->sd_macro_f1, 0.0);
  // The same options twice give the same figures (deterministic order and dropout).
  auto again = nested_cross_validation(data, *shipped_lexicon(), opt);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->pooled.tp, cv->pooled.tp);
  EXPECT_EQ(again->pooled.fp, cv->pooled.fp);
}

// The training options measured in models/MODERATION.md each still learn separable data; soft
// labels follow the second opinion (here the reverse of the label) as far as they are weighted.
TEST(ModerationTrain, TrainingOptionsOnSeparableData) {
  std::vector<LabeledComment> data = separable_comments();
  for (auto& c : data) c.second_opinion = c.toxic ? 0.f : 1.f;  // a second annotator who disagrees every time
  struct Row {
    std::string name;
    std::function<void(ModerationTrainOptions*)> set;
    double min_f1, max_f1;
  };
  const std::vector<Row> rows = {
      {"nb-scale 1", [](ModerationTrainOptions* o) { o->nb_scale = 1; }, 0.9, 1.0},
      {"nb-scale 0.5, alpha 5", [](ModerationTrainOptions* o) { o->nb_scale = 0.5f; o->nb_alpha = 5; }, 0.9, 1.0},
      {"nb-mix 0.1", [](ModerationTrainOptions* o) { o->nb_mix = 0.1f; }, 0.9, 1.0},
      {"bags 3", [](ModerationTrainOptions* o) { o->bags = 3; }, 0.9, 1.0},
      {"soft labels 0.2", [](ModerationTrainOptions* o) { o->soft_label = 0.2f; }, 0.9, 1.0},
      // Learnt backwards: below the 0.33 of one class for all, most toxic comments missed.
      {"soft labels 1: the second opinion only", [](ModerationTrainOptions* o) { o->soft_label = 1; }, 0.0, 0.33},
  };
  for (const auto& row : rows) {
    ModerationTrainOptions opt;
    opt.max_clean_fp = 0;
    row.set(&opt);
    auto cv = nested_cross_validation(data, *shipped_lexicon(), opt);
    ASSERT_TRUE(cv.ok()) << row.name << ": " << cv.status().to_string();
    EXPECT_GE(cv->pooled.macro_f1(), row.min_f1) << row.name;
    EXPECT_LE(cv->pooled.macro_f1(), row.max_f1) << row.name;
    if (row.max_f1 < 0.5) {
      EXPECT_LT(cv->pooled.recall(), 0.5) << row.name;
    }
  }
}

// The one place the CLI and the Ingester build the stage from: model path, lexicon, threshold.
TEST(ModerationStage, FromOptions) {
  ModerationOptions options;
  options.model_path = kModelPath;
  auto stage = make_moderation_stage(options);
  ASSERT_TRUE(stage.ok()) << stage.status().to_string();
  EXPECT_EQ((*stage)->name(), "moderate");
  Document doc;
  doc.comments.push_back({});
  doc.comments.back().text = "Très bon article, merci.";
  options.threshold = 0.f;  // everything is toxic at 0: the threshold given is the one used
  auto low = make_moderation_stage(options);
  ASSERT_TRUE(low.ok());
  ASSERT_TRUE((*low)->process(doc).ok());
  EXPECT_TRUE(doc.comments[0].moderation->toxic);

  options.threshold = 1.5f;
  auto bad = make_moderation_stage(options);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("1.5"), std::string::npos) << bad.status().to_string();

  options = {};
  options.model_path = "/nonexistent/moderation-fr.bin";
  auto missing = make_moderation_stage(options);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

// Fast path vs a reference: the deletion-index fuzzy match agrees with a brute-force scan.
TEST(ModerationLexicon, RepeatedCallsAreDeterministic) {
  const std::string text = "Trump gros fout**t**r de m***e, ces salop@rds et ces C+0+N+S !";
  auto a = terms_of(text), b = terms_of(text);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].normalized, b[i].normalized);
  EXPECT_EQ(a.size(), 4u);
}

// Valence lines: a stem with a polarity, never a term; bad values name the line.
TEST(ModerationLexicon, ValenceLines) {
  auto r = Lexicon::parse("connard\tinsult\nminabl\tvalence\tnpm:x\t-0.2\nbon\tvalence\tnpm:x\t0.7\n", "v.tsv");
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ((*r)->size(), 1u);  // the valence stems are no entries
  EXPECT_EQ((*r)->valence_size(), 2u);
  EXPECT_FLOAT_EQ((*r)->stem_valence("minabl"), -0.2f);
  EXPECT_FLOAT_EQ((*r)->stem_valence("bon"), 0.7f);
  EXPECT_EQ((*r)->stem_valence("minable"), 0.f);  // stems, not words
  EXPECT_TRUE((*r)->may_have_valence("minables"));
  EXPECT_FALSE((*r)->may_have_valence("mairie"));
  std::vector<ModToken> tokens;
  std::vector<TermHit> hits;
  tokenize_for_moderation("un minable", &tokens);
  (*r)->find_terms("un minable", tokens, &hits);
  EXPECT_TRUE(hits.empty());
  for (const char* bad : {"minabl\tvalence\tnpm:x\n", "minabl\tvalence\tnpm:x\t-3\n",
                          "minabl\tvalence\tnpm:x\tmoins\n", "mi\tvalence\tnpm:x\t-0.2\n"}) {
    auto b = Lexicon::parse(std::string("connard\tinsult\n") + bad, "v.tsv");
    ASSERT_FALSE(b.ok()) << bad;
    EXPECT_NE(b.status().message().find("v.tsv:2"), std::string::npos) << b.status().message();
  }
}

// With valence on, a negative ordinary word adds the valence features, more when it is aimed at
// someone; a word of no polarity adds none; without the option nothing changes.
TEST(ModerationFeatures, ValenceOfOrdinaryWords) {
  auto lex = Lexicon::parse("connard\tinsult\nminabl\tvalence\tnpm:x\t-0.6\n", "v.tsv");
  ASSERT_TRUE(lex.ok());
  ModerationWorkspace ws;
  auto count = [&](const char* text, bool valence) {
    analyse_comment(text, **lex, 18, &ws, {.valence = valence});
    return ws.features.ids.size();
  };
  EXPECT_EQ(count("le budget est voté", true), count("le budget est voté", false));
  // val:neg, val:negn, val:negsum, val:strong
  EXPECT_EQ(count("le film de samedi était minable", true), count("le film de samedi était minable", false) + 4);
  // ... plus val:aim:2p
  EXPECT_EQ(count("toi minable", true), count("toi minable", false) + 5);
  // Inflected forms share the stem ("minables" -> "minabl"), accents folded first.
  EXPECT_EQ(count("les films de samedi étaient MINABLES", true),
            count("les films de samedi étaient MINABLES", false) + 4);
  // A second lexicon parsed later is not answered from the first one's per-thread cache.
  auto other = Lexicon::parse("connard\tinsult\n", "w.tsv");
  ASSERT_TRUE(other.ok());
  analyse_comment("un film minable", **other, 18, &ws, {.valence = true});
  const size_t with_other = ws.features.ids.size();
  analyse_comment("un film minable", **other, 18, &ws, {});
  EXPECT_EQ(with_other, ws.features.ids.size());
}

// Version 4 carries the optional feature groups as flags and reads them back; unknown flags are
// refused with a precise error.
TEST(ModerationModelFile, Version4Flags) {
  for (bool constructions : {false, true}) {
    ModelParams p = tiny_model();
    p.valence = true;
    p.constructions = constructions;
    std::string bytes = serialize_model(p);
    uint32_t version = 0;
    std::memcpy(&version, bytes.data() + kModelMagic.size(), sizeof version);
    EXPECT_EQ(version, 4u);
    auto r = parse_model(bytes, "m");
    ASSERT_TRUE(r.ok()) << r.status().to_string();
    EXPECT_TRUE(r->valence);
    EXPECT_EQ(r->constructions, constructions);
    bytes[kModelMagic.size() + 4] = 9;  // flags 9: bit 8 unknown
    auto bad = parse_model(bytes, "m");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.status().message().find("feature flags"), std::string::npos) << bad.status().message();
  }
}

// An excluded fold is in no figure of the nested CV and trains nothing: the settings can be chosen
// on folds 1-4 without the held-out fold 0.
TEST(ModerationTrain, ExcludedFoldIsLeftOutOfTheNestedCV) {
  std::vector<LabeledComment> data = separable_comments();
  // Fold 0 is labelled backwards: if it leaked into training, the other folds would suffer.
  for (auto& c : data)
    if (c.fold == 0) c.toxic = !c.toxic;
  ModerationTrainOptions opt;
  opt.max_clean_fp = 0;
  opt.excluded_fold = 0;
  opt.dev_fold = -1;
  auto cv = nested_cross_validation(data, *shipped_lexicon(), opt);
  ASSERT_TRUE(cv.ok()) << cv.status().to_string();
  ASSERT_EQ(cv->folds.size(), 4u);
  EXPECT_EQ(cv->pooled.n, 80u);
  EXPECT_GT(cv->mean_macro_f1, 0.9);
  opt.dev_fold = 0;
  ModerationTrainReport rep;
  EXPECT_FALSE(train_moderation(data, *shipped_lexicon(), opt, &rep).ok());  // excluded == dev
}

}  // namespace
}  // namespace veille::moderate
