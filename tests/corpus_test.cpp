// Corpus algorithms: near-duplicates, background, story profiles and clustering, summaries and
// timelines. Fixtures are short French news texts written for these tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <vector>

#include "corpus/words.h"
#include "nlp/tokenize.h"
#include "test_temp.h"
#include "veille/corpus.h"

using namespace veille;
using namespace veille::corpus;

namespace {

const std::string kStrikeP1 =
    "Les dockers du port du Havre ont cessé le travail lundi matin à l'appel de la CGT, bloquant "
    "l'accès aux terminaux à conteneurs pour protester contre le projet de réforme des retraites "
    "portuaires.";
const std::string kStrikeP2 =
    "Selon la direction du Grand Port maritime, une vingtaine de navires attendaient au large en "
    "fin de journée, et les files de camions s'allongeaient sur la route de l'estuaire jusqu'à la "
    "zone industrielle.";
const std::string kStrikeP3 =
    "Le syndicat réclame l'ouverture immédiate de négociations avec le ministère des Transports et "
    "menace de reconduire le mouvement chaque jour de la semaine si aucune réponse n'est apportée "
    "avant jeudi.";
const std::string kStrikeP4 =
    "Les transporteurs routiers dénoncent des pertes importantes et demandent à l'État "
    "d'intervenir rapidement pour rétablir la circulation des marchandises entre le port et les "
    "entrepôts de la région parisienne.";

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "\n\n" : "") + parts[i];
  return out;
}

// ---------------------------------------------------------------- words

TEST(CorpusWords, FoldsCaseAccentsAndSplitsOnPunctuation) {
  EXPECT_EQ(fold_words("L’Élysée a-t-il RÉAGI ? Œuvre, ça"), "l elysee a t il reagi oeuvre ca");
  EXPECT_EQ(fold_words("  "), "");
  EXPECT_EQ(fold_words("Zelensky\xFF" "Kyiv"), "zelensky kyiv");  // invalid byte separates
}

// ---------------------------------------------------------------- near-duplicates

TEST(CorpusDedup, SyndicatedCopyWithAdsIsDuplicate) {
  const std::string original = join({kStrikeP1, kStrikeP2, kStrikeP3, kStrikeP4});
  const std::string syndicated = join({"Publicité", kStrikeP1, "Abonnez-vous à notre newsletter", kStrikeP2,
                                       kStrikeP3, "Lire aussi : la météo du week-end", kStrikeP4});
  MinHash a = minhash(original), b = minhash(syndicated);
  ASSERT_FALSE(a.empty);
  ASSERT_FALSE(b.empty);
  EXPECT_GE(estimated_jaccard(a, b), kDuplicateThreshold);
}

TEST(CorpusDedup, ReorderedParagraphsAreDuplicate) {
  MinHash a = minhash(join({kStrikeP1, kStrikeP2, kStrikeP3, kStrikeP4}));
  MinHash b = minhash(join({kStrikeP3, kStrikeP1, kStrikeP4, kStrikeP2}));
  EXPECT_GE(estimated_jaccard(a, b), kDuplicateThreshold);
}

TEST(CorpusDedup, EditedCopyIsDuplicateAndSharesAnLshKey) {
  std::string edited = join({kStrikeP1, kStrikeP2, kStrikeP3, kStrikeP4});
  // A desk edit: a few words changed, one sentence dropped.
  auto replace = [&](const std::string& from, const std::string& to) {
    edited.replace(edited.find(from), from.size(), to);
  };
  replace("lundi matin", "ce lundi");
  replace("une vingtaine", "près de vingt");
  replace("réclame", "demande");
  edited.erase(edited.find(kStrikeP4), kStrikeP4.size());
  MinHash a = minhash(join({kStrikeP1, kStrikeP2, kStrikeP3, kStrikeP4}));
  MinHash b = minhash(edited);
  EXPECT_GE(estimated_jaccard(a, b), kDuplicateThreshold);
  auto ka = lsh_keys(a), kb = lsh_keys(b);
  int shared = 0;
  for (size_t i = 0; i < kLshBands; ++i) shared += ka[i] == kb[i];
  EXPECT_GT(shared, 0) << "an edited copy must be an LSH candidate";
}

TEST(CorpusDedup, DifferentArticleOnTheSameEventIsNotDuplicate) {
  const std::string other =
      "Au Havre, le mouvement social des ouvriers portuaires a paralysé lundi les quais. La CGT "
      "conteste la réforme des retraites propre à la profession et exige d'être reçue au ministère. "
      "Des dizaines de cargos patientent en baie de Seine, tandis que les routiers s'inquiètent des "
      "retards de livraison vers l'Île-de-France. Le mouvement pourrait durer toute la semaine.";
  MinHash a = minhash(join({kStrikeP1, kStrikeP2, kStrikeP3, kStrikeP4}));
  MinHash b = minhash(other);
  EXPECT_LT(estimated_jaccard(a, b), kDuplicateThreshold);
}

TEST(CorpusDedup, ShortTextIsEmptyAndNeverDuplicate) {
  MinHash a = minhash("Lire la suite de l'article");
  EXPECT_TRUE(a.empty);
  EXPECT_EQ(estimated_jaccard(a, a), 0.0);
  EXPECT_TRUE(minhash("").empty);
}

TEST(CorpusDedup, IdenticalTextsHaveJaccardOneAndCaseAccentsDoNotMatter) {
  const std::string t = join({kStrikeP1, kStrikeP2});
  std::string upper = fold_words(t);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(estimated_jaccard(minhash(t), minhash(t)), 1.0);
  EXPECT_EQ(estimated_jaccard(minhash(t), minhash(upper)), 1.0);
}

TEST(CorpusDedup, EncodeDecodeRoundTrip) {
  MinHash a = minhash(join({kStrikeP1, kStrikeP2}));
  auto back = decode_minhash(encode(a));
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  EXPECT_EQ(back->values, a.values);
  EXPECT_FALSE(back->empty);
  auto empty = decode_minhash(encode(minhash("trop court")));
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty);
}

TEST(CorpusDedup, BadBlobsAreRejected) {
  const std::string good = encode(minhash(join({kStrikeP1, kStrikeP2})));
  struct Case {
    std::string bytes, reason;
  };
  std::vector<Case> cases = {
      {"", "header"},
      {"XMH1" + good.substr(4), "header"},
      {good.substr(0, good.size() - 1), "expected"},
      {good + "x", "expected"},
      {std::string("VMH1\x07", 5), "flags"},
      {std::string("VMH1\x01", 5) + "junk", "trailing"},
  };
  for (const Case& c : cases) {
    auto r = decode_minhash(c.bytes);
    ASSERT_FALSE(r.ok()) << c.reason;
    EXPECT_EQ(r.status().code(), StatusCode::kCorrupt);
    EXPECT_NE(r.status().message().find(c.reason), std::string::npos) << r.status().message();
  }
  for (size_t n = 0; n < good.size(); ++n) EXPECT_FALSE(decode_minhash(good.substr(0, n)).ok());
}

// ---------------------------------------------------------------- background

// One directory for the whole test program, removed when it exits.
std::string write_temp(const std::string& name, const std::string& content) {
  static const test_support::TempDir dir("veille_corpus_test");
  return dir.write(name, content);
}

TEST(CorpusBackground, KeyTermsFoldAndStem) {
  EXPECT_EQ(Background::key_term("États"), Background::key_term("Etats"));
  EXPECT_EQ(Background::key_term("négociations"), Background::key_term("négociation"));
  EXPECT_EQ(Background::key_term("Grève"), Background::key_term("grèves"));
  EXPECT_TRUE(Background::is_stopword("Les"));
  EXPECT_TRUE(Background::is_stopword("2025"));
  EXPECT_TRUE(Background::is_stopword(","));
  EXPECT_FALSE(Background::is_stopword("dockers"));
}

TEST(CorpusBackground, LoadsAndRanksRareTermsHigher) {
  const std::string path = write_temp("bg_ok.tsv", "#veille-background\t1\tdocuments=100\nport\t40\ndock\t2\n");
  auto bg = Background::load(path);
  ASSERT_TRUE(bg.ok()) << bg.status().to_string();
  EXPECT_EQ(bg->documents(), 100u);
  EXPECT_EQ(bg->size(), 2u);
  EXPECT_GT(bg->idf("dock"), bg->idf("port"));
  EXPECT_EQ(bg->idf("inconnu"), bg->max_idf());
  EXPECT_GT(bg->max_idf(), bg->idf("dock"));
}

TEST(CorpusBackground, BadFilesNameTheFileAndLine) {
  struct Case {
    std::string content, expect;
  };
  std::vector<Case> cases = {
      {"", ":1:"},
      {"term\t3\n", ":1: not a background file"},
      {"#veille-background\t2\tdocuments=10\n", "version"},
      {"#veille-background\t1\tdocuments=x\n", "documents"},
      {"#veille-background\t1\tdocuments=10\nport\t4\ndock\n", ":3:"},
      {"#veille-background\t1\tdocuments=10\nport\t40\n", ":2: bad document frequency"},
      {"#veille-background\t1\tdocuments=10\nport\t4\nport\t5\n", ":3: term \"port\" listed twice"},
  };
  int k = 0;
  for (const Case& c : cases) {
    const std::string path = write_temp("bg_bad" + std::to_string(k++) + ".tsv", c.content);
    auto bg = Background::load(path);
    ASSERT_FALSE(bg.ok()) << c.content;
    EXPECT_NE(bg.status().message().find(path), std::string::npos) << bg.status().message();
    EXPECT_NE(bg.status().message().find(c.expect), std::string::npos) << bg.status().message();
  }
  auto missing = Background::load("/nonexistent/background.tsv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST(CorpusBackground, ShippedBackgroundLoads) {
  auto bg = Background::load(std::string(VEILLE_SOURCE_DIR) + "/models/background-fr.tsv");
  ASSERT_TRUE(bg.ok()) << bg.status().to_string();
  EXPECT_GT(bg->documents(), 1000u);
  EXPECT_GT(bg->size(), 5000u);
  // A function-like word of the corpus is far more common than a rare news word.
  EXPECT_LT(bg->idf(Background::key_term("premier")), bg->idf(Background::key_term("dockers")));
}

// ---------------------------------------------------------------- stories

struct EntitySpec {
  std::string surface, type, id;
};

// An annotated document: tokens and sentences from the tokenizer, entities at every occurrence of
// the given surfaces, optional published date and date mentions.
Document make_doc(const std::string& site, const std::string& title, const std::vector<std::string>& paragraphs,
                  std::optional<std::string> published, const std::vector<EntitySpec>& entities,
                  const std::vector<std::pair<std::string, std::string>>& dates = {}) {
  Document d;
  d.site = site;
  d.title = title;
  d.published = std::move(published);
  for (const auto& p : paragraphs) d.body.push_back({BlockKind::kParagraph, p, {}});
  finalize_text(d);
  Tokenization tk = tokenize_and_split(d.text);
  d.annotations.tokens = tk.tokens;
  for (const auto& s : tk.sentences) d.annotations.sentences.push_back(s.span);
  for (const auto& e : entities)
    for (size_t at = d.text.find(e.surface); at != std::string::npos; at = d.text.find(e.surface, at + 1))
      d.annotations.entities.push_back(
          {{static_cast<uint32_t>(at), static_cast<uint32_t>(at + e.surface.size())}, e.type, e.surface, e.id});
  std::sort(d.annotations.entities.begin(), d.annotations.entities.end(),
            [](const EntityMention& a, const EntityMention& b) { return a.span.begin < b.span.begin; });
  for (const auto& [surface, value] : dates) {
    size_t at = d.text.find(surface);
    if (at == std::string::npos) continue;
    d.annotations.dates.push_back(
        {{static_cast<uint32_t>(at), static_cast<uint32_t>(at + surface.size())}, value, "date"});
  }
  return d;
}

const std::vector<EntitySpec> kPortEntities = {{"Havre", "LOC", "LOC:le-havre"},
                                               {"CGT", "ORG", "ORG:cgt"},
                                               {"Grand Port maritime", "ORG", "ORG:grand-port-maritime"},
                                               {"Clément Vautrin", "PER", "PER:clement-vautrin"}};

struct Fixture {
  std::vector<Document> docs;
  std::vector<int> story;  // expected story per doc
};

Fixture story_fixture() {
  Fixture f;
  // Story 0: the dockers' strike, two sources the same days.
  f.docs.push_back(make_doc(
      "hexagone-quotidien.fr", "Grève des dockers : le port du Havre paralysé",
      {kStrikeP1, kStrikeP2,
       "« Nous ne lâcherons rien tant que le ministère refusera de nous recevoir », a déclaré Clément Vautrin, "
       "secrétaire de la CGT des dockers.",
       kStrikeP3},
      "2026-03-02", kPortEntities, {{"lundi matin", "2026-03-02"}}));
  f.docs.push_back(make_doc(
      "normandie-matin.fr", "Au Havre, les dockers en grève bloquent les terminaux",
      {"La grève des dockers a paralysé le port du Havre, où les terminaux à conteneurs sont restés bloqués "
       "toute la journée de lundi à l'appel de la CGT.",
       "Les dockers protestent contre la réforme de leurs retraites. Clément Vautrin, pour la CGT, exige des "
       "négociations avec le ministère des Transports et promet de reconduire la grève.",
       "Au Grand Port maritime, on comptait mardi une trentaine de navires en attente au large et des camions "
       "bloqués sur la route de l'estuaire."},
      "2026-03-03", kPortEntities, {{"lundi", "2026-03-02"}}));
  f.story = {0, 0};
  // Story 1: a flood far away, same days.
  f.docs.push_back(make_doc(
      "phare-ouest.fr", "Crue de l'Aulne : Châteaulin les pieds dans l'eau",
      {"La crue de l'Aulne a inondé le centre de Châteaulin dans la nuit de dimanche à lundi, obligeant les "
       "pompiers à évacuer une quarantaine d'habitants des quais.",
       "La préfecture du Finistère a déclenché la vigilance rouge et ouvert un gymnase pour accueillir les "
       "sinistrés, tandis que les commerçants évaluent les dégâts.",
       "Les hydrologues attendent une décrue lente, la pluie devant persister jusqu'à mercredi sur les monts "
       "d'Arrée."},
      "2026-03-02",
      {{"Aulne", "LOC", "LOC:aulne"}, {"Châteaulin", "LOC", "LOC:chateaulin"}, {"Finistère", "LOC", "LOC:finistere"}}));
  f.story.push_back(1);
  // Story 2: the same actors five weeks later, another event (an agreement is signed).
  f.docs.push_back(make_doc(
      "hexagone-quotidien.fr", "Port du Havre : accord signé entre la CGT et le ministère",
      {"Cinq semaines après le début du conflit, la CGT et le ministère des Transports ont signé un protocole "
       "d'accord sur la pénibilité et le départ anticipé des dockers.",
       "Clément Vautrin salue une avancée obtenue par la mobilisation, tout en restant vigilant sur le décret "
       "d'application attendu avant l'été.",
       "Le Grand Port maritime espère retrouver rapidement ses volumes de conteneurs d'avant le conflit."},
      "2026-04-08", kPortEntities, {{"Cinq semaines", "P5W"}}));
  f.story.push_back(2);
  return f;
}

const Background& shipped_background() {
  static const Background bg = [] {
    auto r = Background::load(std::string(VEILLE_SOURCE_DIR) + "/models/background-fr.tsv");
    return r.ok() ? std::move(r).value() : Background();
  }();
  return bg;
}

// The incremental assignment as a store runs it: best candidate story at or above the threshold.
std::vector<int> assign(const std::vector<ArticleProfile>& profiles, const std::vector<size_t>& order,
                        std::vector<StoryProfile>* out_stories = nullptr) {
  std::vector<StoryProfile> stories;
  std::vector<int> label(profiles.size(), -1);
  for (size_t i : order) {
    int best = -1;
    double best_sim = 0;
    for (size_t s = 0; s < stories.size(); ++s) {
      double sim = story_similarity(profiles[i], stories[s]);
      if (sim > best_sim) best_sim = sim, best = static_cast<int>(s);
    }
    if (best >= 0 && best_sim >= kStoryThreshold) {
      add_to_story(stories[static_cast<size_t>(best)], profiles[i]);
    } else {
      best = static_cast<int>(stories.size());
      stories.push_back(new_story(profiles[i]));
    }
    label[i] = best;
  }
  if (out_stories) *out_stories = stories;
  return label;
}

bool same_partition(const std::vector<int>& a, const std::vector<int>& b) {
  for (size_t i = 0; i < a.size(); ++i)
    for (size_t j = 0; j < a.size(); ++j)
      if ((a[i] == a[j]) != (b[i] == b[j])) return false;
  return true;
}

TEST(CorpusStories, ProfileHasTermsEntitiesAndDays) {
  Fixture f = story_fixture();
  ArticleProfile p = profile(f.docs[0], shipped_background());
  ASSERT_FALSE(p.terms.empty());
  ASSERT_FALSE(p.entities.empty());
  double norm = 0;
  for (const auto& [t, w] : p.terms) norm += w * w;
  EXPECT_NEAR(norm, 1.0, 1e-4);
  ASSERT_TRUE(p.day.has_value());
  EXPECT_EQ(*p.day, *parse_day("2026-03-02"));
  EXPECT_EQ(p.event_days, std::vector<int32_t>{*parse_day("2026-03-02")});
  // Words inside entity mentions are entities, not terms.
  for (const auto& [t, w] : p.terms) EXPECT_NE(t, Background::key_term("CGT"));
  auto keys = story_keys(p);
  EXPECT_TRUE(std::find(keys.begin(), keys.end(), "e:ORG:cgt") != keys.end());
}

// Regression (issue 5): the colour piece of the day after an agreement ("l'accord signé mardi
// soir", a time) did not share the agreement's day with the news story, and the two were two
// stories. A moment of another day than the page's names an event day; one of its own day does
// not (every story of that day would share it).
TEST(CorpusStories, MomentOfAnotherDayIsAnEventDay) {
  Document d = make_doc("a.fr", "t",
                        {"L'accord signé mardi soir prévoit un comité de suivi. Le travail a repris à 6 heures ce matin."},
                        "2026-11-18", {});
  auto add_time = [&d](const std::string& surface, const std::string& value) {
    const size_t at = d.text.find(surface);
    ASSERT_NE(at, std::string::npos);
    d.annotations.dates.push_back({{static_cast<uint32_t>(at), static_cast<uint32_t>(at + surface.size())}, value, "time"});
  };
  add_time("mardi soir", "2026-11-17TEV");
  add_time("6 heures", "2026-11-18T06:00");
  ArticleProfile p = profile(d, shipped_background());
  EXPECT_EQ(p.event_days, std::vector<int32_t>{*parse_day("2026-11-17")});
}

TEST(CorpusStories, SameEventJoinsDifferentStoriesStayApart) {
  Fixture f = story_fixture();
  std::vector<ArticleProfile> profiles;
  for (const auto& d : f.docs) profiles.push_back(profile(d, shipped_background()));
  std::vector<size_t> order(profiles.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<StoryProfile> stories;
  std::vector<int> got = assign(profiles, order, &stories);
  EXPECT_TRUE(same_partition(got, f.story)) << "got " << got[0] << got[1] << got[2] << got[3];
  EXPECT_GE(story_similarity(profiles[1], new_story(profiles[0])), kStoryThreshold);
  EXPECT_LT(story_similarity(profiles[2], new_story(profiles[0])), kStoryThreshold);
  EXPECT_LT(story_similarity(profiles[3], new_story(profiles[0])), kStoryThreshold);
  // The agreement continues the strike (same actors): one thread; the flood does not.
  ASSERT_EQ(stories.size(), 3u);
  const StoryProfile& strike = stories[static_cast<size_t>(got[0])];
  const StoryProfile& flood = stories[static_cast<size_t>(got[2])];
  const StoryProfile& agreement = stories[static_cast<size_t>(got[3])];
  EXPECT_GE(thread_similarity(strike, agreement), kThreadThreshold);
  EXPECT_LT(thread_similarity(strike, flood), kThreadThreshold);
  EXPECT_EQ(strike.articles, 2);
  EXPECT_EQ(strike.first_day, *parse_day("2026-03-02"));
  EXPECT_EQ(strike.last_day, *parse_day("2026-03-03"));
}

// ---- places (issue 5): the same kind of event in two towns is two stories.

// A fire report: the same words wherever it happened, as local papers write them.
Document fire_report(const std::string& site, const std::string& town, const std::string& title_words,
                     const std::string& day) {
  return make_doc(site, town + " : " + title_words,
                  {"Un violent incendie a ravagé un entrepôt de la zone industrielle de " + town +
                       " dans la nuit, mobilisant une soixantaine de pompiers et une dizaine de camions-citernes.",
                   "Les flammes, visibles à plusieurs kilomètres, ont été maîtrisées au petit matin. Aucun blessé n'est "
                   "à déplorer, mais le bâtiment de stockage est entièrement détruit.",
                   "Une enquête a été ouverte pour déterminer l'origine du sinistre ; les riverains ont été invités à "
                   "garder leurs fenêtres fermées en raison des fumées.",
                   "Le maire de " + town + " s'est rendu sur place et a salué la rapidité d'intervention des secours."},
                  day, {{town, "LOC", "LOC:" + fold_words(town)}});
}

TEST(CorpusStories, SameKindOfEventInTwoTownsIsTwoStories) {
  const Background& bg = shipped_background();
  ArticleProfile brest1 = profile(fire_report("a.fr", "Brest", "un entrepôt ravagé par les flammes", "2026-03-02"), bg);
  ArticleProfile brest2 = profile(fire_report("b.fr", "Brest", "incendie dans la zone industrielle", "2026-03-02"), bg);
  ArticleProfile lyon = profile(fire_report("c.fr", "Lyon", "un entrepôt ravagé par les flammes", "2026-03-02"), bg);
  // The words alone would make one story of the three.
  ArticleProfile lyon_words = lyon, brest_words = brest1;
  lyon_words.entities.clear();
  brest_words.entities.clear();
  ASSERT_GE(story_similarity(lyon_words, new_story(brest_words)), kStoryThreshold);
  // Their towns tell them apart; the same town's two reports stay one story.
  EXPECT_GE(story_similarity(brest2, new_story(brest1)), kStoryThreshold);
  EXPECT_LT(story_similarity(lyon, new_story(brest1)), kStoryThreshold);
  StoryProfile brest = new_story(brest1);
  add_to_story(brest, brest2);
  EXPECT_LT(story_similarity(lyon, brest), kStoryThreshold);
  EXPECT_LT(StoryMatcher(lyon).similarity(brest), kStoryThreshold);
}

// The tagger names "Le Havre" LOC:le-havre or LOC:havre as the page writes it ("au Havre"): one
// place, no contradiction.
TEST(CorpusStories, OnePlaceSpelledWithAndWithoutArticleDoesNotContradict) {
  ArticleProfile a;
  a.terms = {{"grev", 0.8f}, {"dock", 0.6f}};
  a.entities = {{"LOC:havre", 0.9f}, {"LOC:anvers", 0.3f}};
  StoryProfile s;
  s.terms = a.terms;
  s.entities = {{"LOC:le-havre", 0.9f}, {"PER:x", 0.3f}};
  s.articles = 1;
  EXPECT_NEAR(story_similarity(a, s), 0.85, 1e-6);
  s.entities[0].first = "LOC:rouen";  // another town: contradicted
  EXPECT_NEAR(story_similarity(a, s), 0.85 * 0.25, 1e-6);
}

// Two different main people, neither named by the other side, lower the similarity (two papers
// may quote two people about one event, so less than two towns do); a main person the story
// names does not.
TEST(CorpusStories, DifferentMainPeopleLowerTheSimilarity) {
  ArticleProfile a;
  a.terms = {{"grev", 0.8f}, {"dock", 0.6f}};
  a.entities = {{"PER:claire-morvan", 0.9f}, {"ORG:cgt", 0.3f}};
  StoryProfile s;
  s.terms = a.terms;
  s.entities = {{"PER:yann-garnier", 0.9f}, {"ORG:cgt", 0.3f}};
  s.articles = 1;
  const double shared_org = 0.85 + 0.15 * 0.09;
  EXPECT_NEAR(story_similarity(a, s), 0.6 * shared_org, 1e-6);
  EXPECT_NEAR(StoryMatcher(a).similarity(s), 0.6 * shared_org, 1e-6);
  s.entities.push_back({"PER:claire-morvan", 0.3f});  // the story names her too
  EXPECT_NEAR(story_similarity(a, s), shared_org + 0.15 * 0.27, 1e-6);
}

// Salience: a place named in the title and the lead weighs more than one named as often further
// down (the town of a local story against a place in a background sentence).
TEST(CorpusStories, TitleAndLeadMentionsWeighMore) {
  Document d = make_doc("a.fr", "Quimper : la piscine fermée",
                        {"La piscine de Quimper ferme pour travaux jusqu'en juin.", "Les nageurs iront à la piscine voisine.",
                         "Le chantier rappelle celui de Morlaix, mené il y a deux ans."},
                        "2026-03-02", {{"Quimper", "LOC", "LOC:quimper"}, {"Morlaix", "LOC", "LOC:morlaix"}});
  ArticleProfile p = profile(d, shipped_background());
  float quimper = 0, morlaix = 0;
  for (const auto& [id, w] : p.entities) {
    if (id == "LOC:quimper") quimper = w;
    if (id == "LOC:morlaix") morlaix = w;
  }
  // Each is mentioned once in the text (the title is not); Quimper counts 1 + 1 (lead) + 2 (title).
  EXPECT_NEAR(quimper / morlaix, 1.0 + std::log(4.0), 1e-4);
}

// A thread continues actors, not a kind of event: two fires in two towns with the same fire
// service's union quoted are no thread; the same person salient in both makes one possible.
TEST(CorpusStories, ThreadNeedsSharedActorsNotOnlyATopic) {
  StoryProfile brest, lyon;
  brest.terms = lyon.terms = {{"incend", 0.8f}, {"entrepot", 0.6f}};
  brest.entities = {{"LOC:brest", 0.9f}, {"ORG:sdis", 0.4f}};
  lyon.entities = {{"LOC:lyon", 0.9f}, {"ORG:sdis", 0.4f}};
  brest.articles = lyon.articles = 1;
  EXPECT_LT(thread_similarity(brest, lyon), kThreadThreshold);
  EXPECT_LT(ThreadMatcher(brest).similarity(lyon), kThreadThreshold);
  // Without the rule the shared words and organisation would link them: 0.8 x cos + 0.2 x 1.
  const double cos = (0.8 * 0.8) / (0.81 + 0.64);
  EXPECT_NEAR(thread_similarity(brest, lyon), 0.4 * (0.8 * cos + 0.2), 1e-5);
  // The same minister visiting both: a person salient in both stories.
  brest.entities.insert(brest.entities.begin(), {"PER:la-ministre", 0.95f});
  lyon.entities.insert(lyon.entities.begin(), {"PER:la-ministre", 0.95f});
  EXPECT_GE(thread_similarity(brest, lyon), kThreadThreshold);
}

TEST(CorpusStories, AssignmentDoesNotDependOnOrder) {
  Fixture f = story_fixture();
  std::vector<ArticleProfile> profiles;
  for (const auto& d : f.docs) profiles.push_back(profile(d, shipped_background()));
  std::vector<size_t> order(profiles.size());
  std::iota(order.begin(), order.end(), 0);
  do {
    EXPECT_TRUE(same_partition(assign(profiles, order), f.story))
        << "order " << order[0] << order[1] << order[2] << order[3];
  } while (std::next_permutation(order.begin(), order.end()));
}

TEST(CorpusStories, DistantDaysDecayTheSimilarity) {
  Fixture f = story_fixture();
  ArticleProfile a = profile(f.docs[0], shipped_background());
  ArticleProfile b = profile(f.docs[1], shipped_background());
  const double near = story_similarity(b, new_story(a));
  b.day = *b.day + 60;
  b.event_days.clear();
  EXPECT_LT(story_similarity(b, new_story(a)), near / 4);
  b.day.reset();  // no day: no decay, no crash
  EXPECT_GT(story_similarity(b, new_story(a)), 0.0);
}

// A page without a published date: the resolver gave its "lundi 2 novembre" the year after one the
// text mentions in passing ("l'hiver 2014"). Only years written beside a day are kept; the day
// named with its weekday is placed in the latest year where it falls on that weekday, not long
// after today, and the page's other days beside it.
TEST(CorpusStories, UndatedPageTakesItsWeekdayNamedDay) {
  Document doc;
  doc.text = "Comme l'hiver 2014, la rivière a débordé dans la nuit de lundi 2 novembre. Les dégâts seront "
             "évalués le 5 novembre. Le pont fermé le 3 novembre 2026 rouvrira.";
  auto span_of = [&](std::string_view s) {
    const size_t b = doc.text.find(s);
    return Span{static_cast<uint32_t>(b), static_cast<uint32_t>(b + s.size())};
  };
  doc.annotations.dates = {{span_of("l'hiver 2014"), "2014-WI", "date"},
                           {span_of("lundi 2 novembre"), "2015-11-02", "date"},
                           {span_of("5 novembre"), "XXXX-11-05", "date"},
                           {span_of("3 novembre 2026"), "2026-11-03", "date"}};
  const Background bg = Background::from_counts(10, {});
  const int32_t today = *parse_day("2026-11-23");
  ArticleProfile p = profile(doc, bg, today);
  ASSERT_TRUE(p.day.has_value());
  EXPECT_EQ(*p.day, *parse_day("2026-11-02"));
  EXPECT_EQ(p.event_days, (std::vector<int32_t>{*parse_day("2026-11-02"), *parse_day("2026-11-03"),
                                                *parse_day("2026-11-05")}));
  // Read in 2030, the latest Monday 2 November not after it is in 2026 still.
  EXPECT_EQ(*profile(doc, bg, *parse_day("2030-06-01")).day, *parse_day("2026-11-02"));
  // The same page with a published date keeps the resolver's days.
  doc.published = "2015-11-03";
  p = profile(doc, bg, today);
  EXPECT_EQ(*p.day, *parse_day("2015-11-03"));
  EXPECT_EQ(p.event_days, (std::vector<int32_t>{*parse_day("2015-11-02"), *parse_day("2026-11-03")}));
  // No weekday beside a day and month: no year can be told, no day.
  doc.published.reset();
  doc.annotations.dates = {{span_of("5 novembre"), "XXXX-11-05", "date"}};
  EXPECT_FALSE(profile(doc, bg, today).day.has_value());
}

TEST(CorpusStories, StoryProfileRoundTrip) {
  Fixture f = story_fixture();
  StoryProfile s = new_story(profile(f.docs[0], shipped_background()));
  add_to_story(s, profile(f.docs[1], shipped_background()));
  auto back = decode_story_profile(encode(s));
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  EXPECT_EQ(back->terms, s.terms);
  EXPECT_EQ(back->entities, s.entities);
  EXPECT_EQ(back->event_days, s.event_days);
  EXPECT_EQ(back->first_day, s.first_day);
  EXPECT_EQ(back->last_day, s.last_day);
  EXPECT_EQ(back->articles, 2);
  EXPECT_EQ(back->has_day, s.has_day);
  EXPECT_EQ(back->weekdays, s.weekdays);
  EXPECT_EQ(story_keys(*back), story_keys(s));
}

TEST(CorpusStories, BadStoryBlobsAreRejected) {
  Fixture f = story_fixture();
  const std::string good = encode(new_story(profile(f.docs[0], shipped_background())));
  ASSERT_TRUE(decode_story_profile(good).ok());
  for (size_t n = 0; n < good.size(); ++n) {
    auto r = decode_story_profile(good.substr(0, n));
    ASSERT_FALSE(r.ok()) << "truncated to " << n;
    EXPECT_EQ(r.status().code(), StatusCode::kCorrupt);
  }
  auto trailing = decode_story_profile(good + "zz");
  ASSERT_FALSE(trailing.ok());
  EXPECT_NE(trailing.status().message().find("trailing"), std::string::npos);
  std::string bad_magic = good;
  bad_magic[0] = 'X';
  EXPECT_NE(decode_story_profile(bad_magic).status().message().find("header"), std::string::npos);
  // A huge count must be refused before any allocation.
  std::string huge = good.substr(0, 4 + 4 + 1 + 1 + 4 + 4) + std::string("\xFF\xFF\xFF\x7F", 4);
  EXPECT_FALSE(decode_story_profile(huge).ok());
}

TEST(CorpusStories, ParseDay) {
  EXPECT_EQ(parse_day("1970-01-01"), 0);
  EXPECT_EQ(parse_day("2025-02-12T20:15:00+01:00"), 20131);
  EXPECT_EQ(parse_day("2024-02-29"), 19782);
  EXPECT_FALSE(parse_day("2025-02-29").has_value());
  EXPECT_FALSE(parse_day("2025-13-01").has_value());
  EXPECT_FALSE(parse_day("XXXX-02-12").has_value());
  EXPECT_FALSE(parse_day("2025-02").has_value());
  EXPECT_FALSE(parse_day("2025-02-12x").has_value());
}

// ---------------------------------------------------------------- summaries and timelines

// The matchers that ingestion builds once per page must give exactly what the pairwise functions
// give (the same story decisions), including with names repeated on either side.
TEST(CorpusStories, MatchersEqualPairwiseSimilarities) {
  uint64_t state = 12345;
  auto next = [&state]() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state >> 33);
  };
  const char* kinds[] = {"PER:", "ORG:", "LOC:", "MISC:"};
  auto vec = [&](size_t n, bool entities) {
    std::vector<std::pair<std::string, float>> v;
    for (size_t i = 0; i < n; ++i) {
      std::string name = entities ? std::string(kinds[next() % 4]) : std::string("t");
      name += std::to_string(next() % 60);  // a small vocabulary: many shared names, some repeats
      v.emplace_back(name, static_cast<float>(next() % 1000) / 1000.0f);
    }
    return v;
  };
  auto days = [&]() {
    std::vector<int32_t> d;
    for (size_t i = next() % 3; i > 0; --i) d.push_back(20000 + static_cast<int32_t>(next() % 10));
    return d;
  };
  for (int round = 0; round < 300; ++round) {
    ArticleProfile a;
    a.terms = vec(next() % 40, false);
    a.entities = vec(next() % 10, true);
    if (next() % 4) a.day = 20000 + static_cast<int32_t>(next() % 20);
    a.event_days = days();
    a.weekdays = static_cast<uint8_t>(next() % 128);
    StoryProfile s;
    s.terms = vec(next() % 80, false);
    s.entities = vec(next() % 20, true);
    s.event_days = days();
    s.weekdays = static_cast<uint8_t>(next() % 128);
    s.has_day = next() % 4 != 0;
    if (s.has_day) {
      s.first_day = 20000 + static_cast<int32_t>(next() % 20);
      s.last_day = s.first_day + static_cast<int32_t>(next() % 5);
    }
    const StoryMatcher sm(a);
    EXPECT_EQ(sm.similarity(s), story_similarity(a, s)) << "round " << round;
    EXPECT_EQ(sm.similarity(s), story_similarity(a, s)) << "round " << round << ", second call";
    StoryProfile t = new_story(a);
    t.entities = vec(next() % 20, true);
    const ThreadMatcher tm(t);
    EXPECT_EQ(tm.similarity(s), thread_similarity(t, s)) << "round " << round;
    EXPECT_EQ(tm.similarity(t), thread_similarity(t, t)) << "round " << round << ", itself";
  }
  // Something in common must give something: the test would otherwise pass on all zeros.
  ArticleProfile a;
  a.terms = {{"greve", 0.8f}, {"port", 0.6f}};
  StoryProfile s = new_story(a);
  EXPECT_NEAR(StoryMatcher(a).similarity(s), 0.85, 1e-6);  // terms weigh 0.85, unit vectors
}

TEST(CorpusSummary, CentralSentencesFromDifferentSourcesWithoutAdsQuestionsOrRepeats) {
  Fixture f = story_fixture();
  Document a = f.docs[0];
  Document b = f.docs[1];
  // Furniture and a question to readers in the second source; a sentence repeated by a third.
  Document c = make_doc("fil-des-monts.fr", "Le Havre : la grève des dockers se poursuit",
                        {kStrikeP1, "Publicité : abonnez-vous pour soutenir le journalisme local et recevoir nos alertes.",
                         "Et vous, pensez-vous que les dockers ont raison de faire grève cette semaine ?",
                         "Le préfet de Seine-Maritime a convoqué mardi soir une réunion entre la direction du port "
                         "et les syndicats de dockers en grève.",
                         "Court."},
                        "2026-03-03", kPortEntities);
  std::vector<const Document*> docs = {&a, &b, &c};
  auto summary = summarize(docs);
  ASSERT_GE(summary.size(), 3u);
  ASSERT_LE(summary.size(), 5u);
  std::set<size_t> articles;
  std::set<std::string> folded;
  for (const auto& s : summary) {
    articles.insert(s.article);
    EXPECT_EQ(s.text, docs[s.article]->text.substr(s.span.begin, s.span.end - s.span.begin));
    EXPECT_EQ(s.text.find('?'), std::string::npos) << s.text;
    EXPECT_EQ(s.text.find("Publicité"), std::string::npos) << s.text;
    EXPECT_NE(s.text, "Court.");
    EXPECT_TRUE(folded.insert(fold_words(s.text)).second) << "repeated: " << s.text;
  }
  EXPECT_EQ(articles.size(), 3u) << "one sentence from each source first";
  EXPECT_TRUE(summarize({}).empty());
}

// The sentences of d that summary_candidates keeps, as text.
std::vector<std::string> candidate_texts(const Document& d) {
  std::vector<std::string> texts;
  for (const auto& s : summary_candidates(d).sentences) texts.push_back(d.text.substr(s.span.begin, s.span.end - s.span.begin));
  return texts;
}

// Out of its article, "Il a annoncé..." names nobody: no summary sentence opens with a personal
// pronoun; an impersonal "Il y a" may.
TEST(CorpusSummary, NoSentenceOpensWithAPersonalPronoun) {
  Document d = make_doc("a.fr", "t",
                        {"Il a annoncé que le mouvement de grève serait reconduit par périodes de quarante-huit heures.",
                         "Elles réclament depuis des semaines une réunion avec la direction du port autonome.",
                         "Il y a désormais une vingtaine de navires bloqués au large du port depuis lundi matin.",
                         "Le syndicat des dockers a annoncé que le mouvement serait reconduit samedi prochain."},
                        std::nullopt, {});
  const std::vector<std::string> texts = candidate_texts(d);
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_EQ(texts[0].rfind("Il y a", 0), 0u);
  EXPECT_EQ(texts[1].rfind("Le syndicat", 0), 0u);
}

// Out of its article, half a quotation cut by the sentence splitter misquotes, and an incise whose
// speaker is a pronoun ("a-t-il déclaré") names nobody: neither is drawn into a summary.
TEST(CorpusSummary, NoHalfQuotationNorPronounIncise) {
  Document d = make_doc("a.fr", "t",
                        {"Le délégué a résumé la journée : « On a perdu deux semaines de salaire, même si la moitié sera payée.",
                         "« La signature, c'est le début du travail, pas la fin », a-t-il déclaré mercredi matin sur le piquet.",
                         "« La signature marque le début du travail », a déclaré Stéphane Mauduit mercredi matin sur le piquet.",
                         "Le syndicat des dockers a annoncé que le mouvement serait reconduit samedi prochain."},
                        std::nullopt, {});
  const std::vector<std::string> texts = candidate_texts(d);
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_NE(texts[0].find("Stéphane Mauduit"), std::string::npos);
  EXPECT_EQ(texts[1].rfind("Le syndicat", 0), 0u);
}

// A heading that names a month ("Un comité de suivi dès décembre") is a label, not an event.
TEST(CorpusTimeline, HeadingsAreNoEvents) {
  Document d = make_doc("a.fr", "t", {"Un comité de suivi dès décembre", "La grève a commencé le 2 mars 2026 au Havre."},
                        std::nullopt, {}, {{"décembre", "2026-12"}, {"2 mars 2026", "2026-03-02"}});
  d.body[0].kind = BlockKind::kHeading;
  auto events = timeline({&d});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].value, "2026-03-02");
  d.body[0].kind = BlockKind::kParagraph;  // the same words as a paragraph do date an event
  EXPECT_EQ(timeline({&d}).size(), 2u);
}

TEST(CorpusTimeline, DatedEventsSortedAndDeduplicated) {
  Document a = make_doc("a.fr", "t", {"La grève a commencé le 2 mars 2026 au Havre. Un accord est signé le 8 avril 2026."},
                        std::nullopt, {}, {{"2 mars 2026", "2026-03-02"}, {"8 avril 2026", "2026-04-08"}});
  Document b = make_doc("b.fr", "t", {"Un accord est signé le 8 avril 2026.", "Le conflit dure depuis cinq semaines."},
                        std::nullopt, {}, {{"8 avril 2026", "2026-04-08"}, {"cinq semaines", "XXXX-XX"}});
  auto events = timeline({&b, &a});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].value, "2026-03-02");
  EXPECT_EQ(events[0].text, "La grève a commencé le 2 mars 2026 au Havre.");
  EXPECT_EQ(events[0].article, 1u);
  EXPECT_EQ(events[1].value, "2026-04-08");
  // A date word inside a name ("Châteaulin Demain", an opposition group) and a clock time alone
  // date no event; the tail of a quotation cut from its opening guillemet is no event text.
  Document c = make_doc("c.fr", "t",
                        {"Le groupe Châteaulin Demain a voté contre le fonds proposé par la maire.",
                         "Les livraisons seront autorisées de 6 heures à 11 heures rue de Marseille.",
                         "Sans places, ils iront ailleurs », a regretté la commerçante jeudi 19 novembre."},
                        std::nullopt, {{"Châteaulin Demain", "ORG", "ORG:chateaulin-demain"}},
                        {{"Demain", "2026-11-21"}, {"jeudi 19 novembre", "2026-11-19"}});
  const size_t six = c.text.find("6 heures");
  c.annotations.dates.push_back({{static_cast<uint32_t>(six), static_cast<uint32_t>(six + 8)}, "2026-11-20T06:00", "time"});
  EXPECT_TRUE(timeline({&c}).empty());
  // Without the dates stage (Annotations::dates empty) there is nothing to put on a timeline: the
  // timeline is empty rather than guessed by a second date parser.
  Document undated = make_doc("c.fr", "t", {"La grève a commencé le 2 mars 2026 au Havre."}, std::nullopt, {});
  EXPECT_TRUE(timeline({&undated}).empty());
}

}  // namespace
