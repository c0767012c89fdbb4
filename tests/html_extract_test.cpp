// Main-content extraction from HTML (extract_html and the DOM it runs on), with both parser
// backends. Fixtures are small pages written for these tests.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "extract/dom.h"
#include "html_extract_helpers.h"
#include "veille/extract.h"

namespace veille {
namespace {

constexpr const auto& kParsers = test::kAllParsers;

const char* parser_name(HtmlParser p) {
  switch (p) {
    case HtmlParser::kGumbo: return "gumbo";
    case HtmlParser::kNative: return "native";
    case HtmlParser::kLibxml2: break;
  }
  return "libxml2";
}

using test::extract;
using test::removed_has;

bool body_has(const Document& d, BlockKind kind, const std::string& text) {
  for (const auto& b : d.body)
    if (b.kind == kind && b.text == text) return true;
  return false;
}


// A news page with the usual chrome around the article.
const std::string kNewsPage = R"(<!DOCTYPE html>
<html lang="fr"><head><title>Le conseil vote le budget des écoles | La Gazette du Val</title>
<style>body { color: red }</style><script>var tracking = "Publicité cachée";</script></head>
<body>
<header class="site-header"><a href="/">La Gazette du Val</a>
  <nav class="main-nav"><ul><li><a href="/politique">Politique</a></li><li><a href="/sport">Sport</a></li>
  <li><a href="/culture">Culture</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">Accueil</a> › <a href="/politique">Politique</a></div>
<main>
<article class="post">
  <h1>Le conseil vote le budget des écoles</h1>
  <div class="share-bar"><a href="#">Facebook</a> <a href="#">Partager</a></div>
  <p>Le conseil municipal a adopté mardi soir, après trois heures de débat, un budget de deux millions d'euros pour rénover les écoles de la commune.</p>
  <h2>Un vote serré</h2>
  <p>La majorité l'a emporté de deux voix, l'opposition jugeant que la rénovation de la piscine aurait dû passer avant, ce que le maire a contesté.</p>
  <figure><img src="a.jpg"><figcaption>La salle du conseil, mardi soir.</figcaption></figure>
  <blockquote><p>Nos enfants méritent des classes chauffées et des toits qui ne fuient pas.</p></blockquote>
  <ul><li>École Jean-Moulin : toiture</li><li>École des Tilleuls : chauffage</li><li>Groupe scolaire Nord : fenêtres</li></ul>
  <div class="ad-slot">Publicité — Location de voitures 145€ par jour</div>
  <p>Les travaux commenceront pendant les vacances d'été et devraient durer jusqu'à la rentrée, selon le calendrier présenté par l'adjoint aux finances.</p>
  <div class="related-posts"><h3>À lire aussi</h3><ul><li><a href="/a">La piscine fermée pour l'été</a></li><li><a href="/b">Le marché de Noël revient</a></li></ul></div>
</article>
<div id="respond" class="comment-respond"><h3>Laisser un commentaire</h3>
  <form><p>Votre courriel reste confidentiel ; les champs suivis d'un astérisque sont requis.</p><textarea name="comment"></textarea><input type="submit" value="Envoyer"></form></div>
</main>
<aside class="sidebar"><h3>Les plus lus</h3><ul><li><a href="/x">Un article très lu</a></li></ul></aside>
<footer class="site-footer"><p>© 2026 La Gazette du Val. Tous droits réservés.</p><a href="/mentions">Mentions légales</a></footer>
</body></html>)";

TEST(HtmlExtractTest, NewsPageKeepsArticleAndDropsChrome) {
  for (HtmlParser parser : kParsers) {
    SCOPED_TRACE(parser_name(parser));
    Document d = extract(kNewsPage, parser);
    EXPECT_TRUE(body_has(d, BlockKind::kHeading, "Un vote serré"));
    EXPECT_TRUE(body_has(d, BlockKind::kQuote,
                         "Nos enfants méritent des classes chauffées et des toits qui ne fuient pas."));
    EXPECT_TRUE(body_has(d, BlockKind::kList,
                         "École Jean-Moulin : toiture\nÉcole des Tilleuls : chauffage\n"
                         "Groupe scolaire Nord : fenêtres"));
    EXPECT_NE(d.text.find("Le conseil municipal a adopté mardi soir"), std::string::npos);
    EXPECT_NE(d.text.find("Les travaux commenceront"), std::string::npos);
    // Nothing of the chrome in the text.
    for (const char* chrome : {"Politique", "Facebook", "Publicité", "145€", "piscine fermée",
                               "Laisser un commentaire", "courriel", "Les plus lus",
                               "Tous droits", "La salle du conseil", "Publicité cachée"})
      EXPECT_EQ(d.text.find(chrome), std::string::npos) << chrome;
    // The title is not repeated in the body; the <h1> is recorded as a duplicate.
    ASSERT_TRUE(d.title.has_value());
    EXPECT_EQ(*d.title, "Le conseil vote le budget des écoles");
    for (const auto& b : d.body) EXPECT_NE(b.text, *d.title);
    EXPECT_TRUE(removed_has(d, RemovedKind::kDuplicateTitle, "Le conseil vote le budget"));
    EXPECT_TRUE(removed_has(d, RemovedKind::kAd, "Location de voitures"));
    EXPECT_TRUE(removed_has(d, RemovedKind::kCaption, "La salle du conseil"));
    EXPECT_TRUE(removed_has(d, RemovedKind::kNavigation, "Politique"));
    // The reply form is either recorded as removed or claimed by the comment-thread extractor
    // (CommentThread::containers); it is never in the text (checked above).
    EXPECT_TRUE(removed_has(d, RemovedKind::kBoilerplate, "Facebook"));
    EXPECT_EQ(d.lang, "fr");
  }
}

// Table of small pages: what must be in the text and what must not.
struct ContentCase {
  const char* name;
  std::string html;
  std::vector<std::string> present;
  std::vector<std::string> absent;
};

const std::string kLongSentence =
    "This sentence is long enough, with commas and a full stop, to read as prose to the scorer.";

std::vector<ContentCase> content_cases() {
  return {
      {"paragraphs in divs separated by br",
       "<html><body><div id='menu'><a href='/'>Home</a> <a href='/a'>About</a></div>"
       "<div class='text'>First paragraph of the story, written without any p element at all, "
       "as old sites do.<br><br>Second paragraph, still inside the same div, after two line "
       "breaks.<br><br>Third paragraph closes the story with one more sentence.</div></body></html>",
       {"First paragraph of the story", "Second paragraph", "Third paragraph"},
       {"Home", "About"}},
      {"English page with a cookie banner",
       "<html lang='en'><body><div class='cookie-consent'>We use cookies to improve your "
       "experience. Accept all cookies?</div><article><p>" + kLongSentence + "</p><p>" +
           kLongSentence + " Again.</p></article></body></html>",
       {"This sentence is long enough"},
       {"We use cookies"}},
      {"hidden elements are not content",
       "<html><body><div><p>" + kLongSentence + "</p><p style='display: none'>Invisible text that "
       "no reader sees, however long it is, and with commas, too.</p><p hidden>Also hidden.</p>"
       "<p>" + kLongSentence + "</p></div></body></html>",
       {"This sentence is long enough"},
       {"Invisible text", "Also hidden"}},
      {"data table rows become blocks",
       "<html><body><div><p>" + kLongSentence + "</p><table><tr><th>Ville</th><th>Habitants</th></tr>"
       "<tr><td>Lyon</td><td>522 000</td></tr></table><p>" + kLongSentence + "</p></div></body></html>",
       {"Ville | Habitants", "Lyon | 522 000"},
       {}},
      {"share and newsletter blocks inside the article",
       "<html><body><article><p>" + kLongSentence + "</p><div class='social-share'>Share on X</div>"
       "<div class='newsletter-signup'>Sign up for our newsletter and get the news first.</div><p>" +
           kLongSentence + "</p></article></body></html>",
       {"This sentence is long enough"},
       {"Share on X", "Sign up"}},
      {"site masthead linked to the home page",
       "<html><body><div id='haut'><a href='/'>La Gazette du Causse</a> — l'actualité du plateau</div>"
       "<h1>Le marché couvert rouvre</h1><p>" + kLongSentence + "</p><p>Le marché couvert de la place "
       "Haute, fermé depuis l'incendie de mars, a rouvert samedi. <a href='/'>Notre site</a> suivra les "
       "travaux.</p></body></html>",
       {"This sentence is long enough", "Notre site suivra les travaux"},
       {"l'actualité du plateau"}},
      {"forum poster panels (rank, join date, message count) are not posts",
       "<html><body><div class='thread'><article class='message'><div class='message-user'>"
       "<h5 class='userTitle message-userTitle'>Membre confirmé</h5><div class='message-userExtras'>"
       "<dl><dt>Inscrit</dt><dd>12 mars 2016</dd></dl><dl><dt>Messages</dt><dd>1 245</dd></dl></div></div>"
       "<div class='message-content'><p>" + kLongSentence + "</p></div></article>"
       "<article class='message'><div class='message-user'><div class='userBanner message-userBanner'>"
       "Nouveau venu</div></div><div class='message-content'><p>" + kLongSentence +
           " A reply.</p></div></article></div></body></html>",
       {"This sentence is long enough", "A reply."},
       {"Membre confirmé", "Inscrit", "1 245", "Nouveau venu"}},
      {"chrome beside the sections of a page does not narrow the content to one section",
       "<html><body><div class='menu'><a href='/a'>Accueil</a></div><div class='offer'>"
       "<div class='part'><p>" + kLongSentence + "</p><p>" + kLongSentence + " Two.</p><p>" + kLongSentence +
           " Three.</p><p>" + kLongSentence + " Four.</p></div>"
       "<div class='part'><p>Second section of the offer, shorter, with a sentence that reads as prose.</p>"
       "<p>It still belongs to the page, as the first one does, and says so plainly.</p>"
       "<p>A third paragraph of the second section, again with commas, ends it here.</p>"
       "<p>A fourth paragraph closes the second section, with one more plain sentence.</p></div>"
       "<div class='related'><a href='/1'>Another offer with a long title for the box</a><br>"
       "<a href='/2'>Yet another offer with a long title for the box</a><br><a href='/3'>A third "
       "offer with a long title for the related box</a><br><a href='/4'>A fourth offer with a long "
       "title for the related box</a><br><a href='/5'>A fifth offer with a long title for the box</a>"
       "<br><a href='/6'>A sixth offer for the related box</a>"
       "</div></div></body></html>",
       {"This sentence is long enough", "Second section of the offer", "It still belongs"},
       {"Another offer", "Accueil"}},
      {"a block of UUIDs (hidden anti-scraping text) is not text",
       "<html><body><div><p>" + kLongSentence + "</p><div>S7868484a-db29-4baf-990e-8b645ccb1899p0b6874d2-"
       "ba79-4045-a400-556140cd4bbfE52ea7e63-f7de-4b6e-91c6-8a0e3c6d1f20</div><p>" + kLongSentence +
           " Again.</p><p>Order 3f2a-11 arrives on 2025-02-12.</p></div></body></html>",
       {"This sentence is long enough", "Order 3f2a-11 arrives"},
       {"7868484a", "4bbf"}},
      {"a text written twice back to back is read once",
       "<html><body><div><p>" + kLongSentence + "</p><p><span>Catena 520 Oro</span><span>Catena 520 Oro"
       "</span></p><p>" + kLongSentence + " Again.</p></div></body></html>",
       {"Catena 520 Oro"},
       {"Catena 520 OroCatena"}},
      {"reaction counters and reading times are not text",
       "<html><body><article><p>5 min read</p><p>" + kLongSentence + "</p><div>12 Likes</div><p>" +
           kLongSentence + " Again.</p><div>3 réponses</div><p>12 minutes to the station.</p></article></body></html>",
       {"This sentence is long enough", "12 minutes to the station."},
       {"5 min read", "12 Likes", "3 réponses"}},
      {"WordPress category and tag classes say nothing about the element",
       "<html><body><div class='menu'><a href='/a'>Accueil</a></div>"
       "<div class='entry'><p>" + kLongSentence + "</p><p>" + kLongSentence + " Again.</p>"
       "<article class='post type-post category-social-security tag-newsletter'><p>The part filed "
       "under a category, with commas, a full stop and enough words to be prose.</p></article>"
       "<p>" + kLongSentence + " Thrice.</p></div></body></html>",
       {"This sentence is long enough", "The part filed under a category"},
       {"Accueil"}},
  };
}

TEST(HtmlExtractTest, ContentTable) {
  for (const auto& c : content_cases()) {
    for (HtmlParser parser : kParsers) {
      SCOPED_TRACE(std::string(c.name) + " / " + parser_name(parser));
      Document d = extract(c.html, parser);
      for (const auto& p : c.present) EXPECT_NE(d.text.find(p), std::string::npos) << p << "\n" << d.text;
      for (const auto& a : c.absent) EXPECT_EQ(d.text.find(a), std::string::npos) << a << "\n" << d.text;
    }
  }
}

TEST(HtmlExtractTest, SpansLocateBlocks) {
  Document d = extract(kNewsPage, HtmlParser::kLibxml2);
  ASSERT_FALSE(d.body.empty());
  for (const auto& b : d.body) EXPECT_EQ(d.text.substr(b.span.begin, b.span.end - b.span.begin), b.text);
}

// ---- bad input: never a crash, never a hang ----

TEST(HtmlExtractTest, BadInputGivesAResult) {
  // gumbo's tree construction is quadratic in nesting depth (70 s at 100,000 on this machine):
  // parse_html sends pages estimated deeper than a few thousand levels to libxml2 even when gumbo
  // is asked for (regression: --parser gumbo hung on a 100,000-deep page).
  auto nested = [](int depth) {
    std::string html;
    for (int i = 0; i < depth; ++i) html += "<div>";
    return html + "deep text";
  };
  std::string garbage;
  for (int i = 0; i < 200000; ++i) garbage += static_cast<char>((i * 2654435761u) >> 13);
  std::string huge = "<html><body>";
  while (huge.size() < (size_t{8} << 20)) huge += "<p>" + kLongSentence + "</p>";
  std::string unclosed_script = "<html><body><p>before</p><script>never closed";
  std::string unclosed_comment = "<html><body><p>before</p><!-- never closed";
  const std::vector<std::pair<const char*, std::string>> inputs = {
      {"empty", ""},
      {"whitespace", "   \n\t "},
      {"text only", "just some text"},
      {"nested 100000 deep", nested(100000)},
      {"nested 10000 deep", nested(10000)},
      {"binary garbage", garbage},
      {"8 MB page", huge},
      {"unclosed script", unclosed_script},
      {"unclosed comment", unclosed_comment},
      {"stray end tags", "</div></p></body></html><p>text</p></table>"},
  };
  for (const auto& [name, html] : inputs) {
    for (HtmlParser parser : kParsers) {
      SCOPED_TRACE(std::string(name) + " / " + parser_name(parser));
      auto start = std::chrono::steady_clock::now();
      Document d = extract(html, parser);
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      EXPECT_LT(seconds, 30.0);  // a generous bound: catches hangs, not a speed assertion
      if (std::string(name).starts_with("nested")) {
        EXPECT_NE(d.text.find("deep text"), std::string::npos);
      }
      if (std::string(name) == "8 MB page") {
        EXPECT_NE(d.text.find("long enough"), std::string::npos);
      }
    }
  }
}

// ---- the DOM ----

TEST(HtmlDomTest, DropsScriptAndStyleBodiesButKeepsJsonLd) {
  const std::string html =
      "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\"}</script>"
      "<script>var x = '</div>';</script><style>p{}</style><!-- a comment --></head>"
      "<body><p>Hello</p></body></html>";
  for (HtmlParser parser : kParsers) {
    SCOPED_TRACE(parser_name(parser));
    ExtractOptions options;
    options.parser = parser;
    auto dom = dom::parse_html(html, options);
    ASSERT_TRUE(dom.ok());
    std::string json_ld, other_script, style;
    bool saw_comment_text = false;
    dom::walk(dom->root(), [&](const dom::Node* n) {
      if (n->is("script")) {
        std::string& target = n->attr("type") ? json_ld : other_script;
        for (const auto* c : n->children) target += c->text;
      }
      if (n->is("style"))
        for (const auto* c : n->children) style += c->text;
      if (n->is_text() && n->text.find("a comment") != std::string::npos) saw_comment_text = true;
      return true;
    });
    EXPECT_EQ(json_ld, "{\"@type\":\"NewsArticle\"}");
    EXPECT_EQ(other_script, "");
    EXPECT_EQ(style, "");
    EXPECT_FALSE(saw_comment_text);
    EXPECT_EQ(dom::text_content(dom->root()), "Hello");
  }
}

TEST(HtmlDomTest, StreamedSegmentsMoveToTheirMarks) {
  // React streaming: the boundary B:0 is filled by S:0, which holds the placeholder P:1 for S:1.
  // S:2 has no mark on the page and stays where it is (hidden).
  const std::string html =
      "<html><body><main><h1>Titre</h1><template id=\"B:0\"></template><p>Fin</p></main>"
      "<div hidden id=\"S:2\"><p>Orphelin</p></div>"
      "<div hidden id=\"S:1\"><p>Deux</p></div>"
      "<div hidden id=\"S:0\"><p>Un</p><template id=\"P:1\"></template></div></body></html>";
  for (HtmlParser parser : kParsers) {
    SCOPED_TRACE(parser_name(parser));
    ExtractOptions options;
    options.parser = parser;
    auto dom = dom::parse_html(html, options);
    ASSERT_TRUE(dom.ok());
    auto moved = dom::relocate_streamed_segments(*dom);
    ASSERT_TRUE(moved.has_value());
    std::vector<std::string> paragraphs;
    uint32_t expected = 0;
    dom::walk(moved->root(), [&](const dom::Node* n) {
      EXPECT_EQ(n->index, expected++);  // the copy keeps document order
      EXPECT_FALSE(n->is("template"));
      if (n->is("p")) paragraphs.push_back(dom::text_content(n));
      if (n->parent) {
        EXPECT_EQ(n->depth, n->parent->depth + 1);
      }
      return true;
    });
    EXPECT_EQ(expected, moved->size());
    EXPECT_EQ(paragraphs, (std::vector<std::string>{"Un", "Deux", "Fin", "Orphelin"}));
    EXPECT_FALSE(dom::relocate_streamed_segments(*moved).has_value()) << "nothing left to move";
  }
  // A segment whose mark lies inside itself is dropped, without looping.
  ExtractOptions options;
  auto loop = dom::parse_html(
      "<html><body><p>Avant</p><div hidden id=\"S:3\"><template id=\"P:3\"></template>x</div></body></html>",
      options);
  ASSERT_TRUE(loop.ok());
  auto moved = dom::relocate_streamed_segments(*loop);
  ASSERT_TRUE(moved.has_value());
  EXPECT_EQ(dom::text_content(moved->root()), "Avant");
}

TEST(HtmlDomTest, IndexIsDocumentOrderAndDepthIsClipped) {
  std::string html = "<html><body>";
  for (int i = 0; i < 2000; ++i) html += "<div>";
  html += "x</body></html>";
  for (HtmlParser parser : kParsers) {
    SCOPED_TRACE(parser_name(parser));
    ExtractOptions options;
    options.parser = parser;
    options.max_dom_depth = 100;
    auto dom = dom::parse_html(html, options);
    ASSERT_TRUE(dom.ok());
    EXPECT_GT(dom->depth_clipped, 0u);
    uint32_t expected = 0;
    int max_depth = 0;
    dom::walk(dom->root(), [&](const dom::Node* n) {
      EXPECT_EQ(n->index, expected++);
      EXPECT_EQ(dom->node(n->index), n);
      max_depth = std::max(max_depth, n->depth);
      return true;
    });
    EXPECT_EQ(expected, dom->size());
    EXPECT_LE(max_depth, 101);  // elements up to depth 100, their text one below
  }
}

}  // namespace
}  // namespace veille
