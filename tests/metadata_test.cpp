// Metadata from HTML: JSON-LD, OpenGraph, <meta>, <time>, <title>/<h1>, bylines; date
// normalisation. Fixtures are short pages written for these tests.
#include "extract/metadata.h"

#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace veille {
namespace {

dom::Dom parse(const std::string& html) {
  auto d = dom::parse_html(html, ExtractOptions{});
  EXPECT_TRUE(d.ok());
  return std::move(*d);
}

struct DateCase {
  const char* input;
  std::optional<std::string> expected;
};

TEST(NormalizeDate, Table) {
  const DateCase cases[] = {
      {"2025-02-12T18:04:00.000Z", "2025-02-12T18:04:00+00:00"},
      {"2025-02-12T18:04:00+01:00", "2025-02-12T18:04:00+01:00"},
      {"2025-02-12T18:04+0100", "2025-02-12T18:04+01:00"},
      {"2025-02-12 18:04:00", "2025-02-12T18:04:00"},
      {"2025-02-12", "2025-02-12"},
      {"2025/02/12", "2025-02-12"},
      {"20250212", "2025-02-12"},
      {"12/02/2025", "2025-02-12"},
      {"12.02.2025", "2025-02-12"},
      {"02/13/2025", "2025-02-13"},  // impossible as day-first: read month-first
      {"12 février 2025", "2025-02-12"},
      {"1er mars 2024", "2024-03-01"},
      {"mercredi 12 février 2025 à 18h04", "2025-02-12T18:04"},
      {"Publié le 3 août 2023 à 7 h 15", "2023-08-03T07:15"},
      {"12 FÉVRIER 2025", "2025-02-12"},
      {"Wed, 12 Feb 2025 18:04:00 GMT", "2025-02-12T18:04:00+00:00"},
      {"Wed, 12 Feb 2025 18:04:00 +0100", "2025-02-12T18:04:00+01:00"},
      {"February 12, 2025", "2025-02-12"},
      {"Feb 12, 2025 6:04 PM", "2025-02-12T18:04"},
      {"12 de março de 2024", "2024-03-12"},
      {"1739383440", "2025-02-12T18:04:00+00:00"},
      {"Mis à jour le 2024-11-05", "2024-11-05"},
      {"", std::nullopt},
      {"hier", std::nullopt},
      {"2025-02-30", std::nullopt},
      {"31 avril 2025", std::nullopt},
      {"le 12 du mois", std::nullopt},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(normalize_date(c.input), c.expected) << "input: " << c.input;
  }
}

struct PageCase {
  const char* name;
  std::string html;
  std::string url;
  std::optional<std::string> title;
  std::optional<std::string> published;
  std::vector<std::string> authors;
  std::optional<std::string> site;
  std::optional<std::string> lang;
};

std::vector<PageCase> page_cases() {
  return {
      {"jsonld_newsarticle",
       R"(<html lang="fr-FR"><head><title>Crue de la Loire : Tours en alerte | L'Écho du Val</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Crue de la Loire : Tours en alerte","datePublished":"2025-02-12T07:30:00+01:00",
"author":{"@type":"Person","name":"Claire Fontanel"},"publisher":{"@type":"Organization","name":"L'Écho du Val"},
"inLanguage":"fr-FR"}</script></head><body><h1>Crue de la Loire : Tours en alerte</h1><p>Texte.</p></body></html>)",
       "https://echo-du-val.example/crue",
       "Crue de la Loire : Tours en alerte",
       "2025-02-12T07:30:00+01:00",
       {"Claire Fontanel"},
       "L'Écho du Val",
       "fr"},
      {"jsonld_graph_and_type_array",
       R"(<html><head><title>Le marché couvert rouvre - Journal du Bocage</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
{"@type":"WebSite","@id":"#site","name":"Journal du Bocage"},
{"@type":["Article","NewsArticle"],"headline":"Le marché couvert rouvre","datePublished":"2024-10-03",
 "author":[{"@id":"#p1"},{"@type":"Person","name":"Luc Morvan"}]},
{"@type":"Person","@id":"#p1","name":"Anne Keraudren"}]}</script></head>
<body><h1>Le marché couvert rouvre</h1></body></html>)",
       "",
       "Le marché couvert rouvre",
       "2024-10-03",
       {"Anne Keraudren", "Luc Morvan"},
       "Journal du Bocage",
       std::nullopt},
      {"invalid_jsonld_falls_back_to_opengraph",
       R"(<html lang="fr"><head><title>Accueil</title>
<script type="application/ld+json">{"@type":"NewsArticle", "headline": oops}</script>
<meta property="og:title" content="Le pont suspendu fermé pour travaux">
<meta property="og:site_name" content="Le Courrier des Vallées">
<meta property="article:published_time" content="2023-06-21T09:00:00Z">
<meta name="author" content="Sophie Lagarde">
</head><body><p>Rien.</p></body></html>)",
       "",
       "Le pont suspendu fermé pour travaux",
       "2023-06-21T09:00:00+00:00",
       {"Sophie Lagarde"},
       "Le Courrier des Vallées",
       "fr"},
      {"title_suffix_and_h1_agreement",
       R"(<html><head><title>Grève des bus : le trafic reprend lundi — La Gazette de Brest</title></head>
<body><header><h1 class="logo">La Gazette de Brest</h1></header>
<article><h1>Grève des bus : le trafic reprend lundi</h1>
<p class="byline">Par Yann Le Goff et Maël Tanguy</p>
<time datetime="2024-03-15T17:45:00+01:00">15 mars 2024</time></article></body></html>)",
       "https://gazette-brest.example/article",
       "Grève des bus : le trafic reprend lundi",
       "2024-03-15T17:45:00+01:00",
       {"Yann Le Goff", "Maël Tanguy"},
       "gazette-brest.example",
       std::nullopt},
      {"meta_dates_and_rel_author",
       R"(<html lang="en-GB"><head><title>Harbour wall repaired</title>
<meta name="parsely-pub-date" content="2022-11-30T10:00:00Z"></head>
<body><h1>Harbour wall repaired</h1><a rel="author" href="/people/jo">Jo Pennant</a></body></html>)",
       "",
       "Harbour wall repaired",
       "2022-11-30T10:00:00+00:00",
       {"Jo Pennant"},
       std::nullopt,
       "en"},
      {"comment_authors_are_not_article_authors",
       R"(<html><head><title>Fête du cidre</title></head><body><h1>Fête du cidre</h1>
<p>Texte de l'article.</p><div id="comments"><div class="comment"><span class="author">Bernard</span>
<time datetime="2024-09-02">2 sept.</time><p>Super fête.</p></div></div>
<p class="date">Publié le 1 septembre 2024</p></body></html>)",
       "https://www.cidre.example/2024/09/01/fete",
       "Fête du cidre",
       "2024-09-01",
       {},
       "cidre.example",
       std::nullopt},
      {"itemprop_author_and_date",
       R"(<html><body><article itemscope itemtype="https://schema.org/NewsArticle">
<h1 itemprop="headline">Un nouveau refuge en Vanoise</h1>
<span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Paul Girod</span></span>
<meta itemprop="datePublished" content="2021-07-08">
</article></body></html>)",
       "",
       "Un nouveau refuge en Vanoise",
       "2021-07-08",
       {"Paul Girod"},
       std::nullopt,
       std::nullopt},
      {"site_credit_beside_agency_is_not_an_author",
       R"(<html><head><title>Grève au dépôt de bus</title></head><body>
<div id="logo"><a href="/">La Gazette du Causse</a></div><h1>Grève au dépôt de bus</h1>
<p>Les chauffeurs ont cessé le travail mardi.</p><p class="signature">La Gazette du Causse, avec AFP</p>
</body></html>)",
       "",
       "Grève au dépôt de bus",
       std::nullopt,
       {"AFP"},
       std::nullopt,
       std::nullopt},
      {"empty_page", "", "", std::nullopt, std::nullopt, {}, std::nullopt, std::nullopt},
  };
}

TEST(ExtractMetadata, Table) {
  for (const auto& c : page_cases()) {
    SCOPED_TRACE(c.name);
    dom::Dom d = parse(c.html);
    PageMetadata md = extract_metadata(d, c.url);
    EXPECT_EQ(md.title, c.title);
    EXPECT_EQ(md.published, c.published);
    EXPECT_EQ(md.authors, c.authors);
    EXPECT_EQ(md.site, c.site);
    EXPECT_EQ(md.lang, c.lang);
  }
}

TEST(ExtractMetadata, DeepDomDoesNotCrash) {
  std::string html = "<html><head><title>Profond</title></head><body>";
  for (int i = 0; i < 100000; ++i) html += "<div class=\"author\">";
  html += "Par Jeanne Rivière";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "</body></html>";
  ExtractOptions options;
  options.max_dom_depth = 200000;
  auto d = dom::parse_html(html, options);
  ASSERT_TRUE(d.ok());
  PageMetadata md = extract_metadata(*d, "");
  EXPECT_EQ(md.title, "Profond");
}

}  // namespace
}  // namespace veille

namespace veille {
namespace {

std::string read_sample(const std::string& name) {
  std::ifstream in(std::string(VEILLE_SOURCE_DIR) + "/samples/html/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The Latin-1 sample is converted here (windows-1252 upper half, enough for French) because
// charset conversion belongs to ingest, which these tests do not exercise.
std::string cp1252_to_utf8(const std::string& in) {
  std::string out;
  for (unsigned char c : in) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c == 0x80) {
      out += "\xE2\x82\xAC";
    } else if (c >= 0xA0) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += "\xEF\xBF\xBD";
    }
  }
  return out;
}

struct SampleCase {
  const char* file;
  bool latin1;
  std::string title;
  std::string published;
  std::vector<std::string> authors;
  std::optional<std::string> site;
};

TEST(ExtractMetadata, Samples) {
  const SampleCase cases[] = {
      {"crue-aulne-wordpress.html", false,
       "Crue de l\xE2\x80\x99" "Aulne : Ch\xC3\xA2teaulin sous les eaux, la RN164 coup\xC3\xA9" "e",
       "2026-11-02T07:42:00+01:00", {"Morgane Le Bihan"}, "Le Phare de l\xE2\x80\x99Ouest"},
      {"crue-aulne-disqus.html", false,
       "Inondations dans le Finist\xC3\xA8re : la d\xC3\xA9" "crue s'amorce, les habitants font les comptes",
       "2026-11-04", {"Erwan Caradec"}, "Actu Cornouaille"},
      {"elus-aulne-latin1.html", true,
       "Aulne : les \xC3\xA9lus r\xC3\xA9" "clament un plan de pr\xC3\xA9vention des crues",
       "2026-11-09", {"Th\xC3\xA9r\xC3\xA8se Gu\xC3\xA9guen"}, std::nullopt},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    std::string html = read_sample(c.file);
    ASSERT_FALSE(html.empty());
    if (c.latin1) html = cp1252_to_utf8(html);
    auto d = dom::parse_html(html, ExtractOptions{});
    ASSERT_TRUE(d.ok());
    PageMetadata md = extract_metadata(*d, "");
    EXPECT_EQ(md.title, c.title);
    EXPECT_EQ(md.published, c.published);
    EXPECT_EQ(md.authors, c.authors);
    EXPECT_EQ(md.site, c.site);
  }
}

}  // namespace
}  // namespace veille
