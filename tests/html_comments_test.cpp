// Comment threads from HTML markup. Fixtures are short pages written for these tests.
#include "extract/html_comments.h"

#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace veille {
namespace {

struct ExpectedComment {
  std::optional<int> parent;
  std::optional<std::string> author;
  std::optional<std::string> date;
  std::string text;
};

struct ThreadCase {
  const char* name;
  std::string html;
  std::vector<ExpectedComment> comments;
  size_t containers;
};

const char* kWordPress = R"(<html><body><article><h1>Le festival de la Rance aura bien lieu</h1>
<p>Le texte de l'article.</p></article>
<div id="comments" class="comments-area">
 <h2 class="comments-title">3 réponses</h2>
 <ol class="comment-list">
  <li id="comment-11" class="comment even thread-even depth-1 parent">
   <article id="div-comment-11" class="comment-body">
    <footer class="comment-meta">
     <div class="comment-author vcard"><img alt="Avatar de Gwen" class="avatar" src="a.png">
      <b class="fn">Gwen</b> <span class="says">dit :</span></div>
     <div class="comment-metadata"><a href="#comment-11"><time datetime="2025-06-02T09:12:00+02:00">2 juin 2025 à 9 h 12</time></a></div>
    </footer>
    <div class="comment-content"><p>Enfin une bonne nouvelle.</p><p>On y sera !</p></div>
    <div class="reply"><a class="comment-reply-link" href="#">Répondre</a></div>
   </article>
   <ol class="children">
    <li id="comment-12" class="comment odd alt depth-2">
     <article id="div-comment-12" class="comment-body">
      <footer class="comment-meta"><div class="comment-author vcard"><b class="fn"><a href="https://exemple.example">Erwan</a></b> <span class="says">dit :</span></div>
      <div class="comment-metadata"><time datetime="2025-06-02T10:00:00+02:00">2 juin 2025</time></div></footer>
      <div class="comment-content"><p>Et le parking ?</p></div>
      <div class="reply"><a class="comment-reply-link" href="#">Répondre</a></div>
     </article>
    </li>
   </ol>
  </li>
  <li id="comment-13" class="comment even depth-1">
   <article id="div-comment-13" class="comment-body">
    <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Nolwenn</b></div></footer>
    <div class="comment-content"><p>Quel programme ?</p></div>
   </article>
  </li>
 </ol>
 <div id="respond" class="comment-respond"><h3 id="reply-title">Laisser un commentaire</h3>
  <form action="/wp-comments-post.php" method="post" id="commentform"><p>Votre courriel reste confidentiel ; les champs suivis d'un astérisque sont requis.</p>
  <textarea name="comment"></textarea></form></div>
</div></body></html>)";

const char* kOldWordPress = R"(<html><body><h1>Travaux rue Nationale</h1><p>Article.</p>
<ol class="commentlist">
 <li class="comment depth-1" id="li-comment-3"><div id="comment-3">
  <div class="comment-author vcard"><cite class="fn">Marcel</cite> <span class="says">dit :</span></div>
  <div class="comment-meta commentmetadata"><a href="#">4 mars 2024 à 18 h 20</a></div>
  <p>Ça fait trois mois que ça dure.</p><p>Trop long.</p>
  <div class="reply"><a href="#">Répondre</a></div></div>
 </li>
 <li class="comment depth-2" id="li-comment-4"><div id="comment-4">
  <div class="comment-author vcard"><cite class="fn">Odile</cite></div>
  <p>Les commerçants souffrent.</p></div>
 </li>
</ol>
<form id="commentform"><textarea></textarea></form></body></html>)";

const char* kDisqus = R"(<html><body><h1>Le tram arrive à Saint-Nazaire</h1><p>Article.</p>
<div id="disqus_thread"><ul id="post-list" class="post-list">
 <li class="post" id="post-901"><div class="post-content">
  <header><span class="post-byline"><span class="author publisher-anchor-color"><a href="#">karine_44</a></span></span>
  <span class="post-meta"><a class="time-ago" href="#" title="mardi 14 janvier 2025 08:30">il y a 2 mois</a></span></header>
  <div class="post-body-inner"><div class="post-message"><p>Il était temps.</p></div></div>
  <footer><a class="vote-up">12</a><a class="reply">Répondre</a></footer></div>
  <ul class="children">
   <li class="post" id="post-902"><div class="post-content">
    <header><span class="post-byline"><span class="author"><a href="#">Thierry</a></span></span></header>
    <div class="post-message"><p>Pas sûr que ce soit utile.</p></div></div></li>
  </ul>
 </li>
</ul></div></body></html>)";

const char* kGeneric = R"(<html><body><h1>Concours de pétanque</h1><p>Article.</p>
<section class="comments"><h3>Réactions</h3>
 <div class="comment" itemscope itemtype="https://schema.org/Comment">
  <span class="author" itemprop="author">Josette</span> <span class="date">le 07/07/2024</span>
  <div itemprop="text">Bravo aux gagnants.</div></div>
 <div class="comment"><span class="author">Robert</span><div class="comment-text">Belle journée<br>à refaire.</div></div>
</section></body></html>)";

std::vector<ThreadCase> thread_cases() {
  return {
      {"wordpress_nested",
       kWordPress,
       {{std::nullopt, "Gwen", "2025-06-02T09:12:00+02:00", "Enfin une bonne nouvelle.\nOn y sera !"},
        {1, "Erwan", "2025-06-02T10:00:00+02:00", "Et le parking ?"},
        {std::nullopt, "Nolwenn", std::nullopt, "Quel programme ?"}},
       1},
      {"wordpress_flat_depth_classes",
       kOldWordPress,
       {{std::nullopt, "Marcel", "2024-03-04T18:20", "Ça fait trois mois que ça dure.\nTrop long."},
        {1, "Odile", std::nullopt, "Les commerçants souffrent."}},
       2},
      {"disqus_static",
       kDisqus,
       {{std::nullopt, "karine_44", "2025-01-14T08:30", "Il était temps."},
        {1, "Thierry", std::nullopt, "Pas sûr que ce soit utile."}},
       1},
      {"generic_container",
       kGeneric,
       {{std::nullopt, "Josette", "2024-07-07", "Bravo aux gagnants."},
        {std::nullopt, "Robert", std::nullopt, "Belle journée\nà refaire."}},
       1},
      {"no_comments", "<html><body><h1>Titre</h1><p>Un article sans commentaires.</p></body></html>",
       {},
       0},
  };
}

TEST(ExtractHtmlComments, Table) {
  for (const auto& c : thread_cases()) {
    SCOPED_TRACE(c.name);
    auto d = dom::parse_html(c.html, ExtractOptions{});
    ASSERT_TRUE(d.ok());
    CommentThread t = extract_html_comments(*d);
    ASSERT_EQ(t.comments.size(), c.comments.size());
    for (size_t i = 0; i < c.comments.size(); ++i) {
      SCOPED_TRACE(i);
      EXPECT_EQ(t.comments[i].id, static_cast<int>(i) + 1);
      EXPECT_EQ(t.comments[i].parent, c.comments[i].parent);
      EXPECT_EQ(t.comments[i].author, c.comments[i].author);
      EXPECT_EQ(t.comments[i].date, c.comments[i].date);
      EXPECT_EQ(t.comments[i].text, c.comments[i].text);
    }
    EXPECT_EQ(t.containers.size(), c.containers);
  }
}

TEST(ExtractHtmlComments, ContainersHoldThreadAndForm) {
  auto d = dom::parse_html(kWordPress, ExtractOptions{});
  ASSERT_TRUE(d.ok());
  CommentThread t = extract_html_comments(*d);
  ASSERT_EQ(t.containers.size(), 1u);
  const std::string* id = t.containers[0]->attr("id");
  ASSERT_NE(id, nullptr);
  EXPECT_EQ(*id, "comments");
}

TEST(ExtractHtmlComments, DeepNestingDoesNotCrash) {
  // 100,000 nested replies: the DOM builder may flatten them; extraction must stay iterative.
  std::string html = "<html><body><ol class=\"comment-list\">";
  for (int i = 0; i < 100000; ++i) html += "<li class=\"comment\"><p>r</p><ol class=\"children\">";
  for (int i = 0; i < 100000; ++i) html += "</ol></li>";
  html += "</ol></body></html>";
  ExtractOptions options;
  options.max_dom_depth = 400000;
  auto d = dom::parse_html(html, options);
  ASSERT_TRUE(d.ok());
  CommentThread t = extract_html_comments(*d);
  EXPECT_GE(t.comments.size(), 1u);
}

}  // namespace
}  // namespace veille

namespace veille {
namespace {

std::string read_sample_page(const std::string& name) {
  std::ifstream in(std::string(VEILLE_SOURCE_DIR) + "/samples/html/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct SampleThread {
  const char* file;
  std::vector<std::optional<int>> parents;
  std::vector<std::string> authors;
};

TEST(ExtractHtmlComments, Samples) {
  const SampleThread cases[] = {
      {"crue-aulne-wordpress.html",
       {std::nullopt, 1, std::nullopt, 3, 4},
       {"Soizic", "Herv\xC3\xA9 K.", "pleyben29", "Lo\xC3\xAF" "c Derrien", "pleyben29"}},
      {"crue-aulne-disqus.html", {std::nullopt, 1, std::nullopt}, {"Marie-Annick", "yannick.b", "Ronan G."}},
      {"elus-aulne-latin1.html", {}, {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    std::string html = read_sample_page(c.file);
    ASSERT_FALSE(html.empty());
    auto d = dom::parse_html(html, ExtractOptions{});
    ASSERT_TRUE(d.ok());
    CommentThread t = extract_html_comments(*d);
    ASSERT_EQ(t.comments.size(), c.parents.size());
    for (size_t i = 0; i < t.comments.size(); ++i) {
      EXPECT_EQ(t.comments[i].parent, c.parents[i]) << i;
      EXPECT_EQ(t.comments[i].author, c.authors[i]) << i;
      EXPECT_FALSE(t.comments[i].text.empty()) << i;
      EXPECT_TRUE(t.comments[i].date.has_value()) << i;
    }
    // The thread and the comment form are one container on these pages; none without comments.
    EXPECT_EQ(t.containers.size(), c.parents.empty() ? 0u : 1u);
  }
}

}  // namespace
}  // namespace veille
