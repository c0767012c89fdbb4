// Regression tests for extraction-quality fixes: visible date lines as the published date, French
// in-article ad slots, labelled ads, and forum posts under "comment" markup. Fixtures are small
// pages written for these tests; each runs with both parser backends.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "html_extract_helpers.h"
#include "veille/extract.h"
#include "veille/ingest.h"

namespace veille {
namespace {

constexpr const auto& kParsers = test::kAllParsers;

using test::extract;
using test::removed_has;

bool body_contains(const Document& d, const std::string& fragment) {
  for (const auto& b : d.body)
    if (b.text.find(fragment) != std::string::npos) return true;
  return false;
}

const std::string kProse =
    "<p>Les dockers du port ont cessé le travail jeudi matin, à l’appel de l’intersyndicale, pour "
    "protester contre le projet d’automatisation du terminal, qui menace près de trois cents "
    "emplois d’ici à la fin de la décennie selon les syndicats.</p>"
    "<p>Dès l’aube, une centaine de grévistes se sont rassemblés devant l’entrée du terminal, où "
    "plusieurs porte-conteneurs attendaient d’être déchargés. Aucun navire n’avait été traité en "
    "milieu de matinée, d’après la capitainerie du port.</p>";

std::string page_with(const std::string& before_prose, const std::string& after_prose = "") {
  return "<html><head><meta charset=\"utf-8\"><title>Grève au port</title></head><body>"
         "<h1>Grève au port</h1>" +
         before_prose + kProse + after_prose + "</body></html>";
}

TEST(ExtractQualityTest, DatelineWithoutMetadataIsThePublishedDate) {
  struct Row {
    std::string line_html, expected, line_text;
  };
  const Row rows[] = {
      {"<p class=\"date\">Le Havre, le 05/11/2026 - 19h15</p>", "2026-11-05T19:15",
       "Le Havre, le 05/11/2026 - 19h15"},
      {"<p class=\"date\">Publié le jeudi 5 novembre 2026 à 14h30</p>", "2026-11-05T14:30",
       "Publié le jeudi 5 novembre 2026 à 14h30"},
      // No class: the words "Publié le" say what the line is.
      {"<p>Publié le lundi 16 novembre 2026 à 23h55</p>", "2026-11-16T23:55",
       "Publié le lundi 16 novembre 2026 à 23h55"},
  };
  for (HtmlParser parser : kParsers) {
    for (const auto& row : rows) {
      SCOPED_TRACE(row.line_html);
      Document d = extract(page_with(row.line_html), parser);
      ASSERT_TRUE(d.published.has_value());
      EXPECT_EQ(*d.published, row.expected);
      EXPECT_FALSE(body_contains(d, row.line_text)) << "the date line stays out of the body";
      EXPECT_TRUE(body_contains(d, "Les dockers du port"));
    }
  }
}

TEST(ExtractQualityTest, MetadataDateWinsOverDateline) {
  const std::string html =
      "<html><head><meta charset=\"utf-8\"><meta property=\"article:published_time\" "
      "content=\"2026-11-04T08:00:00+01:00\"></head><body><h1>Grève au port</h1>"
      "<p class=\"date\">Le Havre, le 05/11/2026 - 19h15</p>" + kProse + "</body></html>";
  for (HtmlParser parser : kParsers) {
    Document d = extract(html, parser);
    ASSERT_TRUE(d.published.has_value());
    EXPECT_EQ(*d.published, "2026-11-04T08:00:00+01:00");
  }
}

TEST(ExtractQualityTest, FrenchAdSlotsAndLabelledAdsAreAds) {
  const std::string html = page_with(
      "<div class=\"pub-milieu\"><small>Publicité</small><br>Soldes d’hiver chez Meubles Duval, "
      "jusqu’à -50 %</div>",
      "<p>Publicité : Boulangerie des Salins, pain au levain cuit au feu de bois.</p>");
  for (HtmlParser parser : kParsers) {
    Document d = extract(html, parser);
    EXPECT_FALSE(body_contains(d, "Meubles Duval"));
    EXPECT_TRUE(removed_has(d, RemovedKind::kAd, "Meubles Duval"));
    EXPECT_FALSE(body_contains(d, "Boulangerie des Salins"));
    EXPECT_TRUE(removed_has(d, RemovedKind::kAd, "Boulangerie des Salins"));
    EXPECT_TRUE(body_contains(d, "Les dockers du port"));
  }
}

TEST(ExtractQualityTest, BemClassesStartingWithPubAreNotAds) {
  // A component library's "pub__" prefix (BEM) is not an ad slot.
  const std::string html = page_with("", "<div class=\"pub__text-block\"><p>Le terminal traite "
                                         "trois millions de conteneurs par an, un record pour le "
                                         "port, selon la direction, qui prévoit de doubler ce "
                                         "chiffre.</p></div>");
  for (HtmlParser parser : kParsers) {
    Document d = extract(html, parser);
    EXPECT_TRUE(body_contains(d, "trois millions de conteneurs"));
  }
}

TEST(ExtractQualityTest, StandfirstBeforeTheBodyDivIsKept) {
  // JSON-LD news template: <article> holds the headline, the standfirst, a byline and the body
  // div; the body div is the content root, and the standfirst above it belongs to the article.
  const std::string html =
      "<html><head><meta charset=\"utf-8\"><title>Grève au port</title></head><body><main>"
      "<article class=\"article\"><h1>Grève au port</h1>"
      "<p class=\"article__lead\">Les dockers du premier port à conteneurs français ont cessé le "
      "travail jeudi matin. Ils dénoncent un projet de terminal automatisé.</p>"
      "<div class=\"article__meta\"><span class=\"article__author\">Par Camille Roussel</span> · "
      "Publié le 05/11/2026 à 11h42 · avec APH</div><div class=\"article__body\">" + kProse +
      kProse + kProse + kProse + "</div></article></main></body></html>";
  for (HtmlParser parser : kParsers) {
    Document d = extract(html, parser);
    ASSERT_FALSE(d.body.empty());
    EXPECT_NE(d.body.front().text.find("Les dockers du premier port"), std::string::npos);
    EXPECT_FALSE(body_contains(d, "Camille Roussel")) << "the byline is not a standfirst";
  }
}

TEST(ExtractQualityTest, CustomerReviewsLeaveProductPagesOnly) {
  const std::string description =
      "<div class=\"product-description\"><p>Ce sac à dos de vingt-cinq litres, en nylon "
      "ripstop déperlant, a une poche zippée sur le dessus, deux poches latérales en filet et une "
      "housse de pluie rangée dans le fond, pour la randonnée à la journée.</p><p>Le panneau "
      "dorsal en mousse et filet aéré, le cadre en polyéthylène et la ceinture amovible répartissent "
      "la charge, et une pochette intérieure accueille une poche à eau de deux litres.</p><p>Les "
      "sangles de compression latérales, les boucles porte-bâtons et le rabat à fermeture éclair "
      "en U donnent accès à tout le contenu, même quand le sac est plein.</p></div>";
  std::string reviews = "<div class=\"product-reviews\">";
  // The reviews hold less than half of the page's prose (more would make their box the page's
  // layout wrapper, whatever its class).
  for (int i = 0; i < 2; ++i)
    reviews += "<p>Avis numéro " + std::to_string(i) +
               " : je l’ai emporté tout l’été en montagne, il est confortable, solide et bien "
               "pensé, même si les bretelles auraient pu être un peu plus larges à mon goût.</p>";
  reviews += "</div>";
  auto page = [&](const std::string& head) {
    return "<html><head><meta charset=\"utf-8\">" + head +
           "<title>Sac Trail 25</title></head><body><main><h1>Sac Trail 25</h1>" + description +
           reviews + "</main></body></html>";
  };
  const std::string product_ld =
      "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", "
      "\"@type\": \"Product\", \"name\": \"Sac Trail 25\"}</script>";
  for (HtmlParser parser : kParsers) {
    Document product = extract(page(product_ld), parser);
    EXPECT_TRUE(body_contains(product, "nylon ripstop"));
    EXPECT_FALSE(body_contains(product, "Avis numéro 0"));
    Document other = extract(page(""), parser);
    EXPECT_TRUE(body_contains(other, "Avis numéro 0")) << "not a product page: reviews may be content";
  }
}

TEST(ExtractQualityTest, StreamedReactSegmentsAreReadInPlace) {
  // Next.js streaming: the article arrives at the end of the body in a hidden segment that a
  // script moves into the <template id="B:0"> boundary. It is the content, in its place.
  const std::string html =
      "<html><head><meta charset=\"utf-8\"><title>Grève au port</title></head><body>"
      "<nav><a href=\"/\">Accueil</a> <a href=\"/eco\">Économie</a></nav><main><h1>Grève au port</h1>"
      "<template id=\"B:0\"></template><p>Chargement…</p></main>"
      "<footer>Mentions légales</footer>"
      "<div hidden id=\"S:0\">" + kProse + "</div>"
      "<div hidden id=\"S:9\"><p>Un segment jamais placé ne se voit pas, même s’il est long et qu’il "
      "contient des phrases entières, avec des virgules.</p></div></body></html>";
  for (HtmlParser parser : kParsers) {
    Document d = extract(html, parser);
    ASSERT_FALSE(d.body.empty());
    EXPECT_TRUE(d.body.front().text.starts_with("Les dockers du port")) << d.body.front().text;
    EXPECT_TRUE(body_contains(d, "capitainerie du port"));
    EXPECT_FALSE(body_contains(d, "jamais placé"));
    EXPECT_FALSE(body_contains(d, "Mentions légales"));
  }
}

TEST(ExtractQualityTest, ShortBlockRepeatedAtOnceIsReadOnce) {
  // A product card names its product as a link, then as a heading; a short line that comes back
  // further down the page stays.
  const std::string card =
      "<div class=\"card\"><p>Le Vélo Urbain</p><h3>Le Vélo Urbain</h3><p>249 euros</p></div>";
  const std::string html = page_with(card, "<p>Le Vélo Urbain</p>");
  for (HtmlParser parser : kParsers) {
    Document d = extract(html, parser);
    int kept = 0;
    for (const auto& b : d.body) kept += b.text == "Le Vélo Urbain";
    EXPECT_EQ(kept, 2);  // once in the card, once at the end
    EXPECT_TRUE(removed_has(d, RemovedKind::kBoilerplate, "Le Vélo Urbain"));
    EXPECT_TRUE(body_contains(d, "249 euros"));
  }
}

TEST(ExtractQualityTest, ScriptsRequiredNoticeIsNotContent) {
  // A client-rendered shell: the only text is the notice for browsers without scripts.
  for (const std::string notice : {"You need to enable JavaScript to run this app.",
                                   "Veuillez activer JavaScript dans votre navigateur."}) {
    const std::string html = "<html><head><title>Boutique</title></head><body><noscript>" + notice +
                             "</noscript><div id=\"root\"></div></body></html>";
    for (HtmlParser parser : kParsers) {
      Document d = extract(html, parser);
      EXPECT_TRUE(d.body.empty()) << notice;
      EXPECT_TRUE(removed_has(d, RemovedKind::kBoilerplate, notice));
    }
  }
  // An article that mentions JavaScript keeps its sentence.
  Document d = extract(page_with("<p>Pour jouer, il faut activer JavaScript dans le navigateur, "
                                 "explique le développeur, qui a passé deux ans sur ce jeu de "
                                 "société en ligne et refuse toute publicité.</p>"),
                       HtmlParser::kNative);
  EXPECT_TRUE(body_contains(d, "il faut activer JavaScript"));
}

TEST(ExtractQualityTest, SignatureLineIsTheAuthorNotTheBody) {
  // samples/html/fil-des-monts-*: the reporter's name closes the article in a "signature" line.
  for (HtmlParser parser : kParsers) {
    Document d = extract(page_with("", "<p class=\"signature\">Bastien Chabrier</p>"), parser);
    EXPECT_FALSE(body_contains(d, "Bastien Chabrier"));
    EXPECT_TRUE(removed_has(d, RemovedKind::kBoilerplate, "Bastien Chabrier"));
    EXPECT_EQ(d.authors, std::vector<std::string>{"Bastien Chabrier"});
    // "X, avec Y" names two people; X keeps no trailing comma.
    Document two = extract(page_with("", "<p class=\"signature\">Marie Dupont, avec Paul Martin</p>"), parser);
    EXPECT_EQ(two.authors, (std::vector<std::string>{"Marie Dupont", "Paul Martin"}));
  }
}

TEST(ExtractQualityTest, SearchFacetsAreChrome) {
  const std::string facets =
      "<div class=\"facets\"><p>Filtrer</p><ul><li>Rouge (3)</li><li>Bleu (5)</li></ul></div>";
  for (HtmlParser parser : kParsers) {
    Document d = extract(page_with(facets), parser);
    EXPECT_TRUE(body_contains(d, "Les dockers"));
    EXPECT_FALSE(body_contains(d, "Rouge (3)"));
    // A layout row named "facet-row" that holds the prose is not chrome.
    Document prose = extract(page_with("<div class=\"facet-row\">" + kProse + "</div>"), parser);
    EXPECT_TRUE(body_contains(prose, "Les dockers"));
  }
}

TEST(ExtractQualityTest, SeveralContentSectionsAreAllKept) {
  // A service page: three sections of prose, two of them with rows of short links. The
  // best section alone would be the root; its parent holds three times its prose and is taken.
  auto prose = [](const std::string& what) {
    return "<p>Notre équipe " + what + " accompagne les collectivités et les entreprises de la "
           "région depuis quinze ans, avec des méthodes éprouvées, des outils ouverts et un suivi "
           "personnalisé de chaque projet, du premier rendez-vous au bilan final.</p>";
  };
  std::string labels;
  for (int i = 0; i < 40; ++i) labels += "<p><a href=\"/o\">Option " + std::to_string(i) + "</a></p>";
  const std::string html =
      "<html><head><meta charset=\"utf-8\"><title>Nos services</title></head><body>"
      "<nav><a href=\"/\">Accueil</a> <a href=\"/contact\">Contact</a></nav><div class=\"sections\">"
      "<section><h2>Conseil</h2>" + prose("de conseil") + "</section>"
      "<section><h2>Audit</h2>" + prose("d’audit") + labels + "</section>"
      "<section><h2>Formation</h2>" + prose("de formation") + labels + "</section></div>"
      "<footer>Mentions légales</footer></body></html>";
  for (HtmlParser parser : kParsers) {
    Document d = extract(html, parser);
    EXPECT_TRUE(body_contains(d, "Notre équipe de conseil"));
    EXPECT_TRUE(body_contains(d, "Notre équipe d’audit"));
    EXPECT_TRUE(body_contains(d, "Notre équipe de formation"));
    EXPECT_FALSE(body_contains(d, "Mentions légales"));
  }
}

TEST(ExtractQualityTest, ForumPostsUnderCommentMarkupAreTheContent) {
  // Invision-style topic: every post is an <article class="ipsComment ..."> that the comment
  // reader does not turn into records; the posts are the page's content.
  std::string posts;
  for (int i = 0; i < 4; ++i)
    posts += "<article class=\"cPost ipsComment\"><aside class=\"cAuthorPane\">Membre" +
             std::to_string(i) +
             "</aside><div class=\"ipsComment_content\"><p>Message numéro " + std::to_string(i) +
             " : merci à tous les modérateurs et à tous les membres de ce forum, qui a été pendant "
             "des années un endroit agréable où échanger, apprendre et rire ensemble.</p></div>"
             "</article>";
  const std::string html =
      "<html><head><meta charset=\"utf-8\"><title>Si le forum ferme</title></head><body>"
      "<nav><a href=\"/\">Accueil</a> <a href=\"/forums\">Forums</a></nav>"
      "<h1>Si le forum ferme</h1><div class=\"cTopic\">" + posts + "</div>"
      "<footer>Forum propulsé par un logiciel</footer></body></html>";
  for (HtmlParser parser : kParsers) {
    Document d = extract(html, parser, "https://forum.example.org/topic/225132-si-le-forum-ferme/");
    EXPECT_TRUE(body_contains(d, "Message numéro 0"));
    EXPECT_TRUE(body_contains(d, "Message numéro 3"));
    EXPECT_FALSE(body_contains(d, "propulsé"));
  }
}

TEST(ExtractQualityTest, ForumThreadKeepsEveryPostWithItsHeader) {
  // XenForo-style thread: a long first post and short replies. The root must not narrow to the
  // first post, and each post keeps its poster's name and date (both links), not the poster's
  // panel (rank, join date, message count) nor its buttons.
  auto post = [](const std::string& user, const std::string& date, const std::string& text) {
    return "<article class=\"message message--post\"><div class=\"message-user\">"
           "<h4 class=\"message-name\"><a href=\"/members/" + user + ".1/\">" + user + "</a></h4>"
           "<h5 class=\"userTitle message-userTitle\">Membre</h5><div class=\"message-userExtras\">"
           "<dl><dt>Inscrit</dt><dd>12 mars 2016</dd></dl><dl><dt>Messages</dt><dd>1 245</dd></dl>"
           "</div></div><div class=\"message-cell\"><ul class=\"message-attribution\"><li>"
           "<a href=\"/threads/semis.9/post-1\"><time>" + date + "</time></a></li></ul>"
           "<div class=\"message-body\">" + text + "</div>"
           "<div class=\"message-actions\"><a href=\"/r\">Répondre</a> <a href=\"/s\">Signaler</a>"
           "</div></div></article>";
  };
  const std::string html =
      "<html><head><meta charset=\"utf-8\"><title>Semis de tomates</title></head><body>"
      "<nav><a href=\"/\">Accueil</a> <a href=\"/forums\">Forums</a></nav><h1>Semis de tomates</h1>"
      "<div class=\"block-body\">" +
      post("jardinier_du_lot", "12 févr. 2025", kProse + kProse) +
      post("Mimosa", "13 févr. 2025", "<p>Je sème en godets, au chaud, début mars seulement.</p>") +
      post("Pierrot", "14 févr. 2025", "<p>Chez moi, sur le rebord de la fenêtre, ça marche bien.</p>") +
      post("Mimosa", "15 févr. 2025", "<p>Pense à repiquer dès la deuxième vraie feuille, surtout.</p>") +
      "</div><footer>Forum propulsé par un logiciel</footer></body></html>";
  // Numbered topics are threads too ("/topic/9-..."), where a word after "/topic/" is a tag page.
  for (const std::string url : {"https://forum.example.org/threads/semis.9/",
                                "https://www.example.org/topic/9-semis-de-tomates/"})
  for (HtmlParser parser : kParsers) {
    SCOPED_TRACE(url);
    Document d = extract(html, parser, url);
    EXPECT_TRUE(body_contains(d, "Les dockers du port"));
    EXPECT_TRUE(body_contains(d, "Je sème en godets"));
    EXPECT_TRUE(body_contains(d, "repiquer dès la deuxième"));
    EXPECT_TRUE(body_contains(d, "Pierrot"));
    EXPECT_TRUE(body_contains(d, "jardinier_du_lot"));
    EXPECT_TRUE(body_contains(d, "14 févr. 2025"));
    EXPECT_FALSE(body_contains(d, "12 mars 2016"));
    EXPECT_FALSE(body_contains(d, "1 245"));
    EXPECT_FALSE(body_contains(d, "Membre"));
    EXPECT_FALSE(body_contains(d, "Répondre"));
    EXPECT_FALSE(body_contains(d, "propulsé"));
  }
}

TEST(ExtractQualityTest, ForumRepliesReadAsCommentRecordsAreTheThreadsText) {
  // A thread whose replies sit in WordPress-style comment markup: the comment reader makes them
  // records, and on a forum thread they are also the text. On a Q&A page or an article, comments
  // stay records only.
  std::string replies;
  const char* authors[] = {"Mimosa", "Pierrot", "Gwen"};
  for (int i = 0; i < 3; ++i)
    replies += "<li id=\"comment-" + std::to_string(i) + "\" class=\"comment depth-1\"><article class=\"comment-body\">"
               "<footer class=\"comment-meta\"><div class=\"comment-author\"><b class=\"fn\">" +
               authors[i] + "</b></div></footer><div class=\"comment-content\"><p>Réponse numéro " +
               std::to_string(i) + " : je sème en godets au chaud, puis je repique dès la deuxième vraie "
               "feuille, et tout se passe bien depuis trois ans.</p></div></article></li>";
  const std::string html =
      "<html><head><meta charset=\"utf-8\"><title>Semis de tomates</title></head><body>"
      "<h1>Semis de tomates</h1><article class=\"post\">" + kProse + "</article>"
      "<div id=\"comments\" class=\"comments-area\"><ol class=\"comment-list\">" + replies +
      "</ol></div></body></html>";
  struct Row {
    std::string url;
    bool replies_in_text;
  };
  for (const Row& row : {Row{"https://jardins.example.org/discussion/12/semis-de-tomates", true},
                         Row{"https://jardins.example.org/questions/12/semis-de-tomates", false},
                         Row{"https://jardins.example.org/2025/02/semis-de-tomates", false}})
    for (HtmlParser parser : kParsers) {
      SCOPED_TRACE(row.url);
      Document d = extract(html, parser, row.url);
      EXPECT_TRUE(body_contains(d, "Les dockers du port"));
      EXPECT_EQ(d.comments.size(), 3u);
      EXPECT_EQ(body_contains(d, "Réponse numéro 2"), row.replies_in_text);
      EXPECT_EQ(body_contains(d, "Pierrot"), row.replies_in_text);
    }
}

TEST(ExtractQualityTest, HeaderOfAnArticleIsNotPageChrome) {
  // A topic page lists articles, each <article><header> holding its headline and its teaser as
  // links: those headers head their articles, they are not the page's banner.
  std::string river;
  const char* topics[] = {"La digue du port sera rehaussée d'un mètre avant l'hiver prochain",
                          "Le marché couvert retrouve ses commerçants après deux ans de travaux",
                          "Les bus de nuit circuleront aussi le dimanche à partir du mois de mars",
                          "Une nouvelle piste cyclable relie enfin la gare au quartier des Salins",
                          "Le conservatoire ouvre ses portes au public pour trois concerts gratuits"};
  for (int i = 0; i < 5; ++i)
    river += "<article class=\"river-article\"><header><h2><a href=\"/a" + std::to_string(i) + "\">Titre " +
             std::to_string(i) + "</a></h2><p class=\"river-desc\"><a href=\"/a" + std::to_string(i) +
             "\">" + topics[i] + ", annoncent les services de la ville dans un communiqué.</a></p>"
             "</header></article>";
  const std::string html =
      "<html><head><meta charset=\"utf-8\"><title>Ville</title></head><body>"
      "<header><nav><a href=\"/\">Accueil</a> <a href=\"/ville\">Ville</a></nav></header>"
      "<main><section class=\"col-main\">" + river + "</section></main>"
      "<footer><span>© 2025 La Gazette du Causse, tous droits réservés, reproduction interdite.</span>"
      "</footer></body></html>";
  for (HtmlParser parser : kParsers) {
    Document d = extract(html, parser, "https://gazette.example.org/topic/ville");
    EXPECT_TRUE(body_contains(d, "La digue du port"));
    EXPECT_TRUE(body_contains(d, "Le conservatoire ouvre"));
    EXPECT_FALSE(body_contains(d, "tous droits réservés"));
  }
}

}  // namespace
}  // namespace veille

namespace veille {
namespace {

// samples/bad/invalid-utf8.txt's case: UTF-8 text with a few damaged bytes (Latin-1 letters, a
// lone continuation byte, an overlong sequence) keeps its good part and gets U+FFFD for the rest;
// it is not re-decoded as windows-1252 ("ChÃ¢teaulin").
TEST(ExtractQualityTest, MostlyUtf8TextIsRepairedNotRedecoded) {
  const std::string r = "\xEF\xBF\xBD";
  const std::string bytes =
      "Ch\xC3\xA2teaulin : la crue vue du ciel\n\nLes images montrent l\xE2\x80\x99\xC3\xA9tendue de "
      "l\xE2\x80\x99inondation sur les quais de Ch\xE2teaulin et \xE0 Port-Launay.\n\nUn octet isol\x80 "
      "ici, et un encodage trop long \xC0\xAF l\xE0.\n";
  std::string used;
  const std::string out = to_utf8(bytes, "", false, &used);
  EXPECT_EQ(used, "utf-8");
  EXPECT_NE(out.find("Châteaulin : la crue"), std::string::npos);
  EXPECT_NE(out.find("l’étendue"), std::string::npos);
  EXPECT_NE(out.find("Ch" + r + "teaulin et " + r + " Port"), std::string::npos);
  EXPECT_EQ(out.find("Ã"), std::string::npos);
}

TEST(ExtractQualityTest, LegacyTextWithAStrayUtf8PairStaysLegacy) {
  // windows-1252 French text: many invalid bytes, one accidental valid pair ("Ã©" in the source).
  const std::string bytes =
      "Le pr\xE9sident de la R\xE9publique a d\xE9" "clar\xE9 hier \xE0 l'\xC9lys\xE9" "e que la "
      "r\xE9" "forme serait men\xE9" "e \xE0 son terme, malgr\xE9 les gr\xE8ves (\xC3\xA9).";
  std::string used;
  const std::string out = to_utf8(bytes, "", false, &used);
  EXPECT_EQ(used, "windows-1252");
  EXPECT_NE(out.find("président de la République"), std::string::npos);
}

}  // namespace
}  // namespace veille
