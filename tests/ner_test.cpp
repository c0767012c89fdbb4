#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "nlp/ner.h"
#include "nlp/ner_conll.h"
#include "nlp/ner_model_file.h"
#include "nlp/ner_train.h"

namespace veille {
namespace {

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

ConllSentence sentence(const std::string& tokens, const std::string& tags) {
  ConllSentence s;
  s.tokens = split(tokens);
  s.tags = split(tags);
  return s;
}

// A few sentences written for this test; enough for the tiny model to learn them by heart.
std::vector<ConllSentence> tiny_corpus() {
  return {
      sentence("Marie Curie travaille à Paris .", "B-PER I-PER O O B-LOC O"),
      sentence("La SNCF annonce une grève à Lyon .", "O B-ORG O O O O B-LOC O"),
      sentence("Jean Dupont a quitté Renault .", "B-PER I-PER O O B-ORG O"),
      sentence("Le Tour de France passe par Marseille .", "O B-MISC I-MISC I-MISC O O B-LOC O"),
      sentence("Il pleut beaucoup ce matin .", "O O O O O O"),
      sentence("Paul Martin dirige Airbus à Toulouse .", "B-PER I-PER O B-ORG O B-LOC O"),
  };
}

const std::string& tiny_model_bytes() {
  static const std::string bytes = [] {
    NerTrainOptions opt;
    opt.max_epochs = 6;
    opt.hash_bits = 12;
    opt.folds = 2;
    opt.seed = 7;
    auto params = train_ner(tiny_corpus(), {}, opt, nullptr);
    EXPECT_TRUE(params.ok()) << params.status().to_string();
    return ner::serialize_model(*params);
  }();
  return bytes;
}

std::string shipped_model_path() { return std::string(VEILLE_SOURCE_DIR) + "/models/ner-fr.bin"; }

// ---- model file --------------------------------------------------------------------------------

TEST(NerModelFileTest, MissingFileIsNotFound) {
  auto m = NerModel::load("/nonexistent/dir/ner-fr.bin");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kNotFound);
  EXPECT_NE(m.status().message().find("/nonexistent/dir/ner-fr.bin"), std::string::npos);
}

TEST(NerModelFileTest, BadMagicIsCorrupt) {
  for (const std::string& bytes : {std::string(), std::string("VEIL"), std::string("GIF89a....."),
                                  std::string("not a model at all, just some text")}) {
    auto m = NerModel::load_bytes(bytes, "models/x.bin");
    ASSERT_FALSE(m.ok());
    EXPECT_EQ(m.status().code(), StatusCode::kCorrupt);
    EXPECT_EQ(m.status().message(), "models/x.bin: not a veille NER model (bad magic)");
  }
}

TEST(NerModelFileTest, OtherVersionIsUnsupported) {
  std::string bytes = tiny_model_bytes();
  const uint32_t version = 3;
  std::memcpy(&bytes[kNerModelMagic.size()], &version, 4);
  auto m = NerModel::load_bytes(bytes, "m.bin");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kUnsupported);
  EXPECT_EQ(m.status().message(), "m.bin: NER model file version 3, this build reads version 1");
}

TEST(NerModelFileTest, OtherFeatureSetIsUnsupported) {
  std::string bytes = tiny_model_bytes();
  const uint32_t fs = ner::kFeatureSetVersion + 1;
  std::memcpy(&bytes[kNerModelMagic.size() + 4], &fs, 4);
  auto m = NerModel::load_bytes(bytes, "m.bin");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(m.status().message().find("feature set"), std::string::npos);
}

TEST(NerModelFileTest, TruncatedFileIsCorruptAtEveryLength) {
  const std::string& bytes = tiny_model_bytes();
  // Every cut inside the header, then a sample of cuts further on.
  for (size_t len = kNerModelMagic.size(); len < bytes.size(); len += len < 200 ? 1 : 97) {
    auto m = NerModel::load_bytes(std::string_view(bytes).substr(0, len), "m.bin");
    ASSERT_FALSE(m.ok()) << len;
    EXPECT_EQ(m.status().code(), StatusCode::kCorrupt) << len;
    EXPECT_NE(m.status().message().find("truncated"), std::string::npos)
        << len << ": " << m.status().message();
  }
}

TEST(NerModelFileTest, DamagedByteFailsChecksum) {
  std::string bytes = tiny_model_bytes();
  // Inside the description (after magic, version, feature set, tag names, hash bits and scale).
  auto params = ner::parse_model(bytes, "m.bin");
  ASSERT_TRUE(params.ok());
  const size_t pos = bytes.find(params->description.substr(0, 10));
  ASSERT_NE(pos, std::string::npos);
  bytes[pos] ^= 0x20;
  auto m = NerModel::load_bytes(bytes, "m.bin");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().message(), "m.bin: checksum mismatch: the file is damaged");
  std::string longer = tiny_model_bytes() + "x";
  EXPECT_FALSE(NerModel::load_bytes(longer, "m.bin").ok());
}

TEST(NerModelFileTest, FailedSelfTestIsReported) {
  auto params = ner::parse_model(tiny_model_bytes(), "m.bin");
  ASSERT_TRUE(params.ok());
  ASSERT_FALSE(params->self_tests.empty());
  ner::SelfTest& st = params->self_tests.front();
  st.tags[0] = st.tags[0] == 0 ? 1 : 0;
  auto m = NerModel::from_params(*params, "m.bin");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(m.status().message().find("m.bin: self-test 1 failed"), std::string::npos)
      << m.status().message();
}

TEST(NerModelFileTest, RoundTripKeepsTagsAndBytes) {
  const std::string& bytes = tiny_model_bytes();
  auto m = NerModel::load_bytes(bytes, "tiny");
  ASSERT_TRUE(m.ok()) << m.status().to_string();
  EXPECT_EQ(ner::serialize_model((*m)->params()), bytes);
  for (const ConllSentence& s : tiny_corpus()) EXPECT_EQ((*m)->tag(s.tokens), s.tags);
  // Through a file as well.
  const std::string path = testing::TempDir() + "/ner_tiny.bin";
  std::ofstream(path, std::ios::binary) << bytes;
  auto f = NerModel::load(path);
  ASSERT_TRUE(f.ok()) << f.status().to_string();
  EXPECT_EQ((*f)->tag(split("Marie Curie travaille à Paris .")),
            split("B-PER I-PER O O B-LOC O"));
  std::filesystem::remove(path);
}

TEST(NerTrainTest, SameDataAndSeedGiveSameBytes) {
  NerTrainOptions opt;
  opt.max_epochs = 6;
  opt.hash_bits = 12;
  opt.folds = 2;
  opt.seed = 7;
  auto again = train_ner(tiny_corpus(), {}, opt, nullptr);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(ner::serialize_model(*again), tiny_model_bytes());
}

TEST(NerTrainTest, RejectsBadOptions) {
  NerTrainOptions opt;
  EXPECT_EQ(train_ner({}, {}, opt, nullptr).status().code(), StatusCode::kInvalidArgument);
  opt.hash_bits = 40;
  EXPECT_EQ(train_ner(tiny_corpus(), {}, opt, nullptr).status().code(), StatusCode::kInvalidArgument);
}

TEST(NerTagTest, EmptyAndOddInputAreTaggedWithoutCrash) {
  auto m = NerModel::load_bytes(tiny_model_bytes(), "tiny");
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE((*m)->tag(std::vector<std::string>{}).empty());
  std::vector<std::string> odd = {"\xff\xfe", "", std::string(5000, 'A'), "\x01", "日本", "-", "'"};
  EXPECT_EQ((*m)->tag(odd).size(), odd.size());
  std::vector<std::string> long_sentence(20000, "Paris");
  const auto tags = (*m)->tag(long_sentence);
  ASSERT_EQ(tags.size(), long_sentence.size());
  // Output is always well-formed IOB2.
  for (size_t i = 0; i < tags.size(); ++i)
    if (tags[i][0] == 'I') {
      EXPECT_NE(i == 0 ? std::string("O") : tags[i - 1], "O");
    }
}

// ---- lexicon codes: the fast path against a reference without its shortcut --------------------

// lexicon_codes as first written: every phrase length is probed, whatever the words table says.
std::vector<ner::LexCodes> reference_lexicon_codes(const std::vector<ner::TokenInfo>& t, const ner::Lexicons& lex) {
  std::vector<ner::LexCodes> out(t.size());
  for (size_t i = 0; i < t.size(); ++i) out[i] = {0, lex.words.find(t[i].word), lex.lowers.find(t[i].lower)};
  for (size_t i = 0; i < t.size();) {
    uint64_t h = ner::phrase_hash_start();
    size_t best_len = 0;
    uint16_t best_mask = 0;
    for (size_t len = 1; len <= lex.max_phrase_tokens && i + len <= t.size(); ++len) {
      h = ner::phrase_hash_step(h, t[i + len - 1].word);
      if (uint16_t v = lex.phrases.find(h)) best_len = len, best_mask = v;
    }
    if (best_len == 0) {
      ++i;
      continue;
    }
    for (size_t k = 0; k < best_len; ++k)
      out[i + k].phrase = static_cast<uint16_t>(best_mask | ((k == 0 ? 1u : 2u) << 4) |
                                                (k == 0 && best_len == 1 ? 1u << 6 : 0) |
                                                (k > 0 && k + 1 == best_len ? 1u << 7 : 0));
    i += best_len;
  }
  return out;
}

// Returns the number of phrase codes seen, so that a caller can check the comparison meant something.
size_t expect_same_codes(const ner::Lexicons& lex, const std::vector<std::vector<std::string>>& sentences) {
  size_t phrases = 0;
  for (const auto& toks : sentences) {
    std::vector<ner::TokenInfo> infos(toks.size());
    for (size_t i = 0; i < toks.size(); ++i) ner::analyse_token(toks[i], &infos[i]);
    std::vector<ner::LexCodes> fast(toks.size());
    ner::lexicon_codes(infos.data(), infos.size(), lex, fast.data());
    const auto ref = reference_lexicon_codes(infos, lex);
    for (size_t i = 0; i < toks.size(); ++i) {
      EXPECT_EQ(fast[i].phrase, ref[i].phrase) << "token " << i << " '" << toks[i] << "'";
      EXPECT_EQ(fast[i].word, ref[i].word);
      EXPECT_EQ(fast[i].lower, ref[i].lower);
      phrases += ref[i].phrase != 0;
    }
  }
  return phrases;
}

TEST(NerLexiconCodesTest, SameAsReferenceOnTinyModel) {
  auto m = NerModel::load_bytes(tiny_model_bytes(), "tiny");
  ASSERT_TRUE(m.ok());
  std::vector<std::vector<std::string>> sentences;
  for (const auto& s : tiny_corpus()) sentences.push_back(s.tokens);
  // Known phrases inside unknown words, cut short, and repeated.
  sentences.push_back(split("Inconnu Marie Curie Jean Dupont Renault Tour de France Paul"));
  sentences.push_back(split("Tour de Lyon Marie Dupont Tour de France Tour de"));
  EXPECT_GT(expect_same_codes((*m)->params().lexicons, sentences), 10u);
}

TEST(NerLexiconCodesTest, SameAsReferenceOnShippedModelAndDevData) {
  const std::string dev = std::string(VEILLE_SOURCE_DIR) + "/../shared/data/ner/wikineural-fr/dev.conllu";
  if (!std::filesystem::exists(dev)) GTEST_SKIP() << dev << " not found (the shared data is not committed)";
  auto m = NerModel::load(shipped_model_path());
  ASSERT_TRUE(m.ok()) << m.status().to_string();
  auto sentences = read_conll_file(dev);
  ASSERT_TRUE(sentences.ok()) << sentences.status().to_string();
  std::vector<std::vector<std::string>> toks;
  for (const auto& s : *sentences) toks.push_back(s.tokens);
  EXPECT_GT(expect_same_codes((*m)->params().lexicons, toks), 1000u);
}

// ---- CoNLL reader ------------------------------------------------------------------------------

struct ConllCase {
  const char* name;
  std::string input;
  std::vector<std::vector<std::string>> tokens;  // per sentence
  std::vector<std::vector<std::string>> tags;
  std::vector<bool> ended_by_blank;
};

TEST(ConllReaderTest, Layouts) {
  const ConllCase cases[] = {
      {"indexed from 0", "0\tLe\tO\n1\tPape\tB-PER\n\n", {{"Le", "Pape"}}, {{"O", "B-PER"}}, {true}},
      {"indexed from 1, CRLF", "1\tA\tO\r\n2\tB\tO\r\n\r\n3x\tC\r\n",
       {{"A", "B"}, {"3x"}}, {{"O", "O"}, {"C"}}, {true, false}},
      {"no index", "Paris\tB-LOC\nest\tO\n", {{"Paris", "est"}}, {{"B-LOC", "O"}}, {false}},
      {"token only", "Paris\nest\n\n", {{"Paris", "est"}}, {{}}, {true}},
      {"index and token only", "0\tParis\n1\test\n", {{"Paris", "est"}}, {{}}, {false}},
      {"numbers as tokens", "1999\tO\n2000\tO\n", {{"1999", "2000"}}, {{"O", "O"}}, {false}},
      {"comments", "# sent_id = 1\n# text = A B\n0\tA\tO\n1\tB\tO\n",
       {{"A", "B"}}, {{"O", "O"}}, {false}},
      {"hash token inside a sentence", "Le\tO\n#\tO\n", {{"Le", "#"}}, {{"O", "O"}}, {false}},
      {"blank lines kept", "\n\nA\n", {{}, {}, {"A"}}, {{}, {}, {}}, {true, true, false}},
      {"spaces", "0 Le O\n1 chat O\n", {{"Le", "chat"}}, {{"O", "O"}}, {false}},
      {"conllu multiword", "1-2\tdu\n1\tde\n2\tle\n", {{"de", "le"}}, {{}}, {false}},
      {"gap in index", "0\tA\tO\n2\tB\tO\n", {{"0", "2"}}, {{"O", "O"}}, {false}},
  };
  for (const ConllCase& c : cases) {
    std::istringstream in(c.input);
    ConllReader reader(in);
    ConllSentence s;
    Status st;
    size_t k = 0;
    while (reader.next(&s, &st)) {
      ASSERT_LT(k, c.tokens.size()) << c.name;
      EXPECT_EQ(s.tokens, c.tokens[k]) << c.name << " sentence " << k;
      EXPECT_EQ(s.tags, c.tags[k]) << c.name << " sentence " << k;
      EXPECT_EQ(s.ended_by_blank, c.ended_by_blank[k]) << c.name << " sentence " << k;
      ++k;
    }
    EXPECT_TRUE(st.ok()) << c.name << ": " << st.to_string();
    EXPECT_EQ(k, c.tokens.size()) << c.name;
  }
}

TEST(ConllReaderTest, BadInput) {
  {
    std::istringstream in(std::string("A\tO\n\0\x01\x02\n", 8));
    ConllReader reader(in);
    ConllSentence s;
    Status st;
    EXPECT_FALSE(reader.next(&s, &st));
    EXPECT_EQ(st.code(), StatusCode::kUnsupported);
    EXPECT_NE(st.message().find("line 2"), std::string::npos);
  }
  {
    std::istringstream in("0\t\tO\n");
    ConllReader reader(in);
    ConllSentence s;
    Status st;
    EXPECT_FALSE(reader.next(&s, &st));
    EXPECT_EQ(st.code(), StatusCode::kCorrupt);
  }
}

TEST(ConllReaderTest, FileWithUnknownTagIsRejectedWithLine) {
  const std::string path = testing::TempDir() + "/ner_bad_tag.conll";
  std::ofstream(path) << "0\tA\tO\n\n0\tB\tB-FOO\n";
  auto r = read_conll_file(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(r.status().message().find("line 3"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("B-FOO"), std::string::npos);
  std::filesystem::remove(path);
  EXPECT_EQ(read_conll_file(path).status().code(), StatusCode::kNotFound);
}

// ---- conlleval ---------------------------------------------------------------------------------

TEST(ConllevalTest, Chunks) {
  struct Case {
    std::string tags;
    std::vector<Chunk> chunks;
  };
  const Case cases[] = {
      {"O O O", {}},
      {"B-PER I-PER O B-LOC", {{0, 2, "PER"}, {3, 4, "LOC"}}},
      {"B-PER B-PER", {{0, 1, "PER"}, {1, 2, "PER"}}},
      {"I-PER I-PER O", {{0, 2, "PER"}}},              // I- at the start opens a chunk
      {"O I-ORG I-ORG", {{1, 3, "ORG"}}},              // I- after O opens a chunk
      {"B-PER I-LOC I-LOC", {{0, 1, "PER"}, {1, 3, "LOC"}}},  // type change opens a chunk
      {"B-MISC I-MISC I-MISC", {{0, 3, "MISC"}}},
      {"B-LOC", {{0, 1, "LOC"}}},
      {"X B-PER", {{1, 2, "PER"}}},                    // unknown tags are O
  };
  for (const Case& c : cases) EXPECT_EQ(extract_chunks(split(c.tags)), c.chunks) << c.tags;
}

TEST(ConllevalTest, Scores) {
  struct Case {
    std::string gold, predicted;
    size_t gold_n, pred_n, correct;
  };
  const Case cases[] = {
      {"B-PER I-PER O B-LOC", "B-PER I-PER O B-LOC", 2, 2, 2},
      {"B-PER I-PER O B-LOC", "B-PER O O B-LOC", 2, 2, 1},      // right start, wrong end
      {"B-PER I-PER O B-LOC", "B-ORG I-ORG O B-LOC", 2, 2, 1},  // wrong type
      {"B-PER I-PER O", "O I-PER O", 1, 1, 0},                  // wrong start
      {"O O O", "B-LOC O B-ORG", 0, 2, 0},
      {"B-LOC O B-ORG", "O O O", 2, 0, 0},
      {"I-LOC I-LOC O", "B-LOC I-LOC O", 1, 1, 1},              // ill-formed gold read as conlleval does
  };
  for (const Case& c : cases) {
    NerScorer s;
    s.add(split(c.gold), split(c.predicted));
    EXPECT_EQ(s.overall().gold, c.gold_n) << c.gold << " / " << c.predicted;
    EXPECT_EQ(s.overall().predicted, c.pred_n) << c.gold << " / " << c.predicted;
    EXPECT_EQ(s.overall().correct, c.correct) << c.gold << " / " << c.predicted;
  }
  NerScorer s;
  s.add(split("B-PER I-PER O B-LOC"), split("B-PER I-PER O B-ORG"));
  EXPECT_DOUBLE_EQ(s.overall().precision(), 0.5);
  EXPECT_DOUBLE_EQ(s.overall().recall(), 0.5);
  EXPECT_DOUBLE_EQ(s.per_type().at("PER").f1(), 1.0);
  EXPECT_DOUBLE_EQ(s.per_type().at("LOC").recall(), 0.0);
  EXPECT_DOUBLE_EQ(s.per_type().at("ORG").precision(), 0.0);
}

// ---- the shipped model -------------------------------------------------------------------------

TEST(ShippedNerModelTest, LoadsAndPassesSelfTest) {
  auto m = NerModel::load(shipped_model_path());
  ASSERT_TRUE(m.ok()) << m.status().to_string();
  EXPECT_FALSE((*m)->params().self_tests.empty());
}

TEST(ShippedNerModelTest, TagsFrenchSentences) {
  auto m = NerModel::load(shipped_model_path());
  ASSERT_TRUE(m.ok()) << m.status().to_string();
  struct Case {
    std::string tokens, tags;
  };
  const Case cases[] = {
      {"Emmanuel Macron a reçu Olaf Scholz à Paris .",
       "B-PER I-PER O O B-PER I-PER O B-LOC O"},
      {"Angela Merkel est arrivée à Berlin mardi .", "B-PER I-PER O O O B-LOC O O"},
      {"Le Premier ministre s' est rendu à Marseille et à Lyon .",
       "O O O O O O O B-LOC O O B-LOC O"},
      {"Il fait beau aujourd'hui et les enfants jouent dehors .", "O O O O O O O O O O"},
  };
  for (const Case& c : cases) EXPECT_EQ((*m)->tag(split(c.tokens)), split(c.tags)) << c.tokens;
}

}  // namespace
}  // namespace veille
