// The flattened-text extractor: line cues one by one, then whole pages written for these tests
// (fictional French news pages with their chrome and comment threads), then the two sample pages
// under samples/text.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "extract/text_cues.h"
#include "extract/text_extract.h"
#include "veille/extract.h"

namespace veille {
namespace {

using text::ListingCue;

// ---- Cues, one line at a time ----------------------------------------------------------------

struct PhraseCase {
  const char* line;
  std::optional<RemovedKind> want;
};

TEST(TextCuesTest, BoilerplatePhrases) {
  const std::vector<PhraseCase> cases = {
      {"Partager.", RemovedKind::kBoilerplate},
      {"Partager sur Facebook", RemovedKind::kBoilerplate},
      {"Laisser un commentaire", RemovedKind::kCommentForm},
      {"Laisser une réponse", RemovedKind::kCommentForm},
      {"Votre courriel reste confidentiel ; les champs suivis d'un astérisque sont requis.",
       RemovedKind::kCommentForm},
      {"Les champs marqués d’un astérisque sont obligatoires.", RemovedKind::kCommentForm},
      // The blog engines' usual notice (one of its wordings).
      {"Votre adresse de messagerie ne sera pas publiée.", RemovedKind::kCommentForm},
      {"Commentaire *", RemovedKind::kCommentForm},
      {"Exit mobile version", RemovedKind::kNavigation},
      {"À lire aussi : la réforme des retraites en cinq questions", RemovedKind::kNavigation},
      {"Répondre", RemovedKind::kBoilerplate},
      // Sentences that merely mention the words stay article text.
      {"Les élus ont refusé de partager les frais de la cantine.", std::nullopt},
      {"Le maire a tenu à laisser un commentaire dans le registre de la mairie.", std::nullopt},
      {"Menu du jour à la cantine", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(text::boilerplate_phrase(c.line), c.want) << c.line;
}

TEST(TextCuesTest, AdsAndListings) {
  struct Case {
    const char* line;
    bool marker;
    ListingCue listing;
  };
  const std::vector<Case> cases = {
      {"Publicité", true, ListingCue::kNone},
      {"PUBLICITÉ", true, ListingCue::kNone},
      {"Contenu sponsorisé", true, ListingCue::kNone},
      {"145€ par jour", false, ListingCue::kPrice},
      {"60 € / mois", false, ListingCue::kPrice},
      {"1 200 euros", false, ListingCue::kPrice},
      {"Maison 4 pièces Quimper 29000", false, ListingCue::kPostcode},
      {"Finistère (29), Bretagne, Quimper 29000Canoë biplace Annecy 74000", false, ListingCue::kPostcode},
      // Prices and numbers inside sentences are not listings.
      {"La rénovation coûtera 145 € par habitant, selon la mairie.", false, ListingCue::kNone},
      {"Le stade peut accueillir 45000 spectateurs depuis sa rénovation.", false, ListingCue::kNone},
      {"En 2025 Europe et Afrique ont signé un accord", false, ListingCue::kNone},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(text::is_ad_marker(c.line), c.marker) << c.line;
    EXPECT_EQ(text::listing_cue(c.line), c.listing) << c.line;
  }
}

TEST(TextCuesTest, Captions) {
  const std::vector<std::pair<const char*, bool>> cases = {
      {"La préfète lors de sa visite ( Photo : AP)", true},
      {"Photo : Julien Martin", true},
      {"Crédit photo : Mairie de Brest", true},
      {"Le port de Sète au petit matin / AFP", true},
      {"© Reuters", true},
      {"Le ministre a répondu à l’AFP que la réforme serait votée.", false},
      {"Une photo de classe retrouvée dans un grenier", false},
  };
  for (const auto& [line, want] : cases) EXPECT_EQ(text::is_caption_line(line), want) << line;
}

TEST(TextCuesTest, CommentThreadHeaders) {
  EXPECT_EQ(text::comment_count_header("13 réponses"), 13);
  EXPECT_EQ(text::comment_count_header("Un commentaire"), 1);
  EXPECT_EQ(text::comment_count_header("5 réflexions sur « La rentrée scolaire »"), 5);
  EXPECT_EQ(text::comment_count_header("Commentaires"), 0);
  EXPECT_EQ(text::comment_count_header("13 réponses du gouvernement aux syndicats ont été publiées."),
            std::nullopt);
  EXPECT_EQ(text::comment_count_header("Discussion"), std::nullopt);

  struct Case {
    const char* line;
    const char* author;  // nullptr: not a header
    int indent;
    std::optional<int> number;
  };
  const std::vector<Case> cases = {
      {"  1. Avatar de Coquelicot", "Coquelicot", 2, 1},
      {"    12. Avatar de Jean-Paul B.", "Jean-Paul B.", 4, 12},
      {"Avatar de lecteur_breton", "lecteur_breton", 0, std::nullopt},
      {"Martine dit :", "Martine", 0, std::nullopt},
      {"Ce que le ministre a dit", nullptr, 0, std::nullopt},
      {"Le ministre a dit :", nullptr, 0, std::nullopt},
      {"1. Le budget a été adopté hier soir.", nullptr, 0, std::nullopt},
  };
  for (const auto& c : cases) {
    auto h = text::comment_header(c.line);
    if (!c.author) {
      EXPECT_FALSE(h.has_value()) << c.line;
      continue;
    }
    ASSERT_TRUE(h.has_value()) << c.line;
    EXPECT_EQ(h->author, c.author);
    EXPECT_EQ(h->indent, c.indent);
    EXPECT_EQ(h->number, c.number);
  }
}

TEST(TextCuesTest, FrenchDates) {
  EXPECT_EQ(text::parse_french_date("12 février 2025 à 14 h 32 min"), "2025-02-12T14:32");
  EXPECT_EQ(text::parse_french_date("Le 1er mars 2024"), "2024-03-01");
  EXPECT_EQ(text::parse_french_date("03/11/2023 à 08:05"), "2023-11-03T08:05");
  EXPECT_EQ(text::parse_french_date("Publié le 7 août 2025"), "2025-08-07");
  EXPECT_EQ(text::parse_french_date("Le 12 février, le conseil s’est réuni."), std::nullopt);
}

TEST(TextCuesTest, CommentRegister) {
  // Readers' lines: tutoiement, exclamations, masked profanity, first person, hurried typing.
  for (const char* line : {"T’as rien compris, toi !", "Je te signale que c’était mardi.",
                           "Quelle bande de m***es ces élus", "Bref, encore un coup pour rien !",
                           "Excuse-moi mais tu mélanges tout"})
    EXPECT_GE(text::comment_register(line), 1.0) << line;
  // Journalism, including first person inside quotations.
  for (const char* line :
       {"Le conseil municipal a adopté mardi le budget primitif, par 32 voix contre 11.",
        "« Je ne laisserai pas fermer cette école », a assuré la maire devant les parents.",
        "La ministre a donné le ton mesuré de la réunion à ses équipes."})
    EXPECT_LT(text::comment_register(line), 1.0) << line;
}

TEST(TextCuesTest, Shapes) {
  EXPECT_TRUE(text::is_heading_shaped("Une rentrée sous tension"));
  EXPECT_TRUE(text::is_heading_shaped("Faut-il rouvrir la ligne ?"));
  EXPECT_FALSE(text::is_heading_shaped("La séance a été levée."));
  EXPECT_FALSE(text::is_heading_shaped("  • Marie Lenoir"));
  EXPECT_TRUE(text::is_bullet("  • Marie Lenoir"));
  EXPECT_EQ(text::strip_bullet("  • Marie Lenoir"), "Marie Lenoir");
  EXPECT_TRUE(text::is_quotation("« Nous irons jusqu’au bout. »"));
  EXPECT_TRUE(text::is_quotation("“Nous irons jusqu’au bout.”"));
  EXPECT_FALSE(text::is_quotation("« Nous irons », dit-elle."));
  EXPECT_EQ(text::trim("\xC2\xA0 texte \t"), "texte");
  EXPECT_EQ(text::fold("L’Été  À\xC2\xA0Paris"), "l'été à paris");
}

// ---- Whole pages -------------------------------------------------------------------------------

Document extract(const std::string& content) {
  RawPage page;
  page.source = "test.txt";
  page.format = PageFormat::kText;
  page.content = content;
  ExtractOptions options;
  options.explain = true;
  Extractor extractor(options);
  auto doc = extractor.extract(page);
  EXPECT_TRUE(doc.ok()) << doc.status().to_string();
  return doc.ok() ? std::move(doc).value() : Document{};
}

// Labels by 1-based line number, as --explain reports them.
std::map<int, std::string> labels(const Document& doc) {
  std::map<int, std::string> out;
  for (const auto& l : doc.lines) out[l.line] = line_label_name(l.label);
  return out;
}

struct PageCase {
  const char* name;
  std::string page;
  std::map<int, std::string> want;  // every non-empty line
  std::optional<std::string> title;
};

std::vector<PageCase> page_cases() {
  return {
      {"titled_article_with_thread",
       "Brest : la piscine Foch rouvre après deux ans de travaux\n"                                  // 1
       "\n"
       "Le bassin olympique accueille de nouveau le public depuis lundi ( Photo : Ouest Images)\n"  // 3
       "\n"
       "Fermée depuis l’automne 2023, la piscine Foch a rouvert ses portes lundi matin. Les nageurs "
       "ont découvert un bassin rénové, des vestiaires agrandis et un toit couvert de panneaux "
       "solaires.\n"  // 5
       "\n"
       "Publicité\n"  // 7
       "\n"
       "Un chantier plus long que prévu\n"  // 9
       "\n"
       "Les travaux devaient durer dix-huit mois. La découverte d’amiante dans les faux plafonds a "
       "retardé la réouverture de six mois et alourdi la facture de 1,3 million d’euros.\n"  // 11
       "\n"
       "Partager.\n"  // 13
       "\n"
       "2 réponses\n"  // 15
       "\n"
       "  1. Avatar de Nageuse29\n"  // 17
       "    Nageuse29\n"              // 18
       "\n"
       "    Enfin ! J’ai cru qu’elle ne rouvrirait jamais.\n"  // 20
       "\n"
       "    1. Avatar de Loïc\n"  // 22
       "      Loïc\n"             // 23
       "\n"
       "      T’as vu les nouveaux tarifs ? Moins drôle…\n"  // 25
       "\n"
       "Laisser un commentaire\n",  // 27
       {{1, "title"}, {3, "caption"}, {5, "body"}, {7, "ad"}, {9, "heading"}, {11, "body"},
        {13, "boilerplate"}, {15, "comment"}, {17, "comment"}, {18, "comment"}, {20, "comment"},
        {22, "comment"}, {23, "comment"}, {25, "comment"}, {27, "boilerplate"}},
       "Brest : la piscine Foch rouvre après deux ans de travaux"},
      {"standfirst_duplicate_title_and_quote",
       "Grenoble expérimente la cantine à un euro\n"  // 1
       "Dans six écoles, les familles aux revenus modestes paieront désormais un euro par repas. "
       "La mesure sera évaluée en juin avant une éventuelle généralisation.\n"  // 2
       "\n"
       "Grenoble expérimente la cantine à un euro\n"  // 4
       "La ville a présenté jeudi son dispositif, financé en partie par l’État, qui concerne environ "
       "800 enfants dès la rentrée de janvier.\n"  // 5
       "« Aucun enfant ne doit sauter le repas de midi. »\n"  // 6
       "  • Sophie Garnier\n"                               // 7
       "Une mesure saluée par les parents\n"                // 8
       "Les associations de parents d’élèves ont salué une avancée, tout en regrettant que les "
       "collèges ne soient pas concernés.\n",  // 9
       {{1, "title"}, {2, "standfirst"}, {4, "boilerplate"}, {5, "body"}, {6, "body"}, {7, "body"},
        {8, "heading"}, {9, "body"}},
       "Grenoble expérimente la cantine à un euro"},
      {"untitled_with_listing",
       "Les loyers ont encore augmenté de 4 % en un an dans les grandes villes de l’Ouest, selon "
       "l’observatoire régional, qui pointe la pénurie de logements étudiants.\n"  // 1
       "Nantes en tête des hausses\n"                                                 // 2
       "À Nantes, le loyer moyen d’un studio atteint désormais 590 euros, soit 40 euros de plus "
       "qu’en 2024.\n"                               // 3
       "T2 lumineux Nantes 44000\n"                  // 4
       "650€ par mois\n"                             // 5
       "Loire-Atlantique (44), Nantes 44000\n",      // 6
       {{1, "body"}, {2, "heading"}, {3, "body"}, {4, "ad"}, {5, "ad"}, {6, "ad"}},
       std::nullopt},
      {"unmarked_comments_after_gap",
       "La fête de la Saint-Jean aura lieu samedi soir sur la plage du Prado, avec un grand feu et "
       "un concert gratuit.\n"  // 1
       "Un dispositif de sécurité renforcé\n"  // 2
       "La préfecture annonce 300 policiers et gendarmes, ainsi qu’un périmètre filtré autour de "
       "la plage à partir de 18 heures.\n"  // 3
       "Les organisateurs recommandent de venir à pied ou en transports en commun.\n"  // 4
       "\n\n\n"
       "Super, on y sera avec les enfants !\n"  // 8
       "T’es sûr que c’est gratuit ? L’an dernier ils faisaient payer l’entrée.\n"  // 9
       "300 policiers pour un feu de camp, je rêve\n"  // 10
       "Tu dis n’importe quoi, c’était gratuit l’an dernier aussi !\n",  // 11
       {{1, "body"}, {2, "heading"}, {3, "body"}, {4, "body"}, {8, "comment"}, {9, "comment"},
        {10, "comment"}, {11, "comment"}},
       std::nullopt},
      {"article_only_stays_article",
       "Le tribunal administratif a suspendu mercredi l’arrêté municipal interdisant les barbecues "
       "sur les plages de la commune.\n"
       "\n\n\n"
       "Le maire a annoncé qu’il ferait appel de cette décision devant le Conseil d’État.\n"
       "La préfecture n’a pas souhaité commenter.\n",
       {{1, "body"}, {5, "body"}, {6, "body"}},
       std::nullopt},
  };
}

TEST(TextExtractTest, LabelsEveryLine) {
  for (const auto& c : page_cases()) {
    SCOPED_TRACE(c.name);
    Document doc = extract(c.page);
    EXPECT_EQ(labels(doc), c.want);
    EXPECT_EQ(doc.title, c.title);
  }
}

TEST(TextExtractTest, ThreadBecomesRecordsWithNesting) {
  Document doc = extract(page_cases()[0].page);
  ASSERT_EQ(doc.comments.size(), 2u);
  EXPECT_EQ(doc.comments[0].id, 1);
  EXPECT_EQ(doc.comments[0].author, "Nageuse29");
  EXPECT_EQ(doc.comments[0].parent, std::nullopt);
  EXPECT_EQ(doc.comments[0].text, "Enfin ! J’ai cru qu’elle ne rouvrirait jamais.");
  EXPECT_EQ(doc.comments[1].id, 2);
  EXPECT_EQ(doc.comments[1].author, "Loïc");
  EXPECT_EQ(doc.comments[1].parent, 1);
}

TEST(TextExtractTest, BodyBlocksAndRemoved) {
  Document doc = extract(page_cases()[0].page);
  ASSERT_EQ(doc.body.size(), 3u);
  EXPECT_EQ(doc.body[1].kind, BlockKind::kHeading);
  EXPECT_EQ(doc.body[1].text, "Un chantier plus long que prévu");
  EXPECT_EQ(doc.text.find("Brest : la piscine"), std::string::npos) << "title is not body";
  std::vector<std::string> kinds;
  for (const auto& r : doc.removed) kinds.push_back(removed_kind_name(r.kind));
  EXPECT_EQ(kinds, (std::vector<std::string>{"caption", "ad", "boilerplate", "comment-form"}));

  Document quoted = extract(page_cases()[1].page);
  ASSERT_GE(quoted.body.size(), 3u);
  EXPECT_EQ(quoted.body[0].text.rfind("Dans six écoles", 0), 0u) << "standfirst opens the body";
  EXPECT_EQ(quoted.body[2].kind, BlockKind::kQuote);
  EXPECT_EQ(quoted.body[2].text, "« Aucun enfant ne doit sauter le repas de midi. »\n— Sophie Garnier");
  bool duplicate = false;
  for (const auto& r : quoted.removed) duplicate |= r.kind == RemovedKind::kDuplicateTitle;
  EXPECT_TRUE(duplicate);
}

TEST(TextExtractTest, UnmarkedCommentsAreOnePerLine) {
  Document doc = extract(page_cases()[3].page);
  ASSERT_EQ(doc.comments.size(), 4u);
  for (const auto& c : doc.comments) {
    EXPECT_EQ(c.author, std::nullopt);
    EXPECT_EQ(c.parent, std::nullopt);
  }
  EXPECT_EQ(doc.comments[3].text, "Tu dis n’importe quoi, c’était gratuit l’an dernier aussi !");
}

TEST(TextExtractTest, ExplainIsOptional) {
  RawPage page;
  page.format = PageFormat::kText;
  page.content = "Un titre court\n\nUn paragraphe de texte qui raconte quelque chose d’assez long.\n";
  Document doc;
  ASSERT_TRUE(extract_text(page, ExtractOptions{}, doc).ok());
  EXPECT_TRUE(doc.lines.empty());
  EXPECT_EQ(doc.title, "Un titre court");
}

TEST(TextExtractTest, DegenerateInputs) {
  for (const std::string& s : {std::string(), std::string("\n\n\n"), std::string("\r\n"),
                               std::string("un seul mot"), std::string(10000, '\n'),
                               std::string("\xff\xfe invalide \xc3"), std::string(100000, 'a')}) {
    Document doc = extract(s);
    for (const auto& l : doc.lines) EXPECT_GE(l.line, 1);
  }
  // CRLF line ends give the same labels as LF.
  std::string lf = page_cases()[0].page, crlf;
  for (char c : lf) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  EXPECT_EQ(labels(extract(crlf)), labels(extract(lf)));
}

// ---- Sample pages ------------------------------------------------------------------------------

std::string read_sample(const std::string& name) {
  std::ifstream in(std::filesystem::path(VEILLE_SOURCE_DIR) / "samples" / "text" / name, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(TextExtractTest, SampleWithMarkedThread) {
  std::string page = read_sample("canal_velo_lyon.txt");
  ASSERT_FALSE(page.empty());
  Document doc = extract(page);
  EXPECT_EQ(doc.title, "Lyon : la voie verte le long du Rhône fermée trois mois pour travaux");
  ASSERT_EQ(doc.comments.size(), 4u);
  EXPECT_EQ(doc.comments[2].author, "Thibaut");
  EXPECT_EQ(doc.comments[2].parent, 2);
  EXPECT_EQ(doc.comments[1].text.find('\n') != std::string::npos, true) << "two lines, one comment";
  for (const auto& b : doc.body) EXPECT_EQ(b.text.find("Avatar"), std::string::npos);
}

TEST(TextExtractTest, SampleWithListingAndUnmarkedComments) {
  std::string page = read_sample("marche_rennes.txt");
  ASSERT_FALSE(page.empty());
  Document doc = extract(page);
  EXPECT_EQ(doc.comments.size(), 5u);
  int ads = 0;
  for (const auto& l : doc.lines) ads += l.label == LineLabel::kAd;
  EXPECT_EQ(ads, 5);
  EXPECT_EQ(doc.text.find("par mois"), std::string::npos);
}

}  // namespace
}  // namespace veille
