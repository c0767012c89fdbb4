// The press review's renderers on a review written for this test (the JSON schema of the README's
// "Press review" section): French dates, grouping, escaping, and that nothing from the data can
// become markup.
#include <gtest/gtest.h>

#include "report/render.h"

namespace veille::report {
namespace {

using Json = nlohmann::ordered_json;

Json sample_review() {
  return Json::parse(R"json({
    "title": "Revue de presse",
    "generated": "2026-11-22T10:00:00Z",
    "since": null, "query": null,
    "stats": {"articles": 3, "sites": 2, "first": "2026-11-03", "last": "2026-11-05"},
    "threads": [{"id": 1, "title": "Crue de l'Aulne", "stories": [7, 9], "first": "2026-11-03", "last": "2026-11-05"}],
    "stories": [{
      "id": 7, "thread": 1, "title": "L'Aulne déborde <script>alert(1)</script>",
      "first": "2026-11-03", "last": "2026-11-05",
      "sources": [
        {"article": 11, "title": "La crue", "site": "Le Courrier", "url": "https://courrier.example/crue", "published": "2026-11-03",
         "duplicates": [{"article": 12, "site": null, "url": "https://www.ouest-matin.example/a", "published": "2026-11-03"}]},
        {"article": 13, "title": "Après la crue", "site": null, "url": "javascript:alert(1)", "published": "2026-11-05T08:30", "duplicates": []}
      ],
      "entities": [{"id": "LOC:aulne", "name": "Aulne", "type": "LOC", "mentions": 9},
                   {"id": "PER:marie", "name": "Marie Le Goff", "type": "PER", "mentions": 4}],
      "summary": [{"text": "L'eau est montée de 2 mètres.", "article": 11}, {"text": "Les *digues* ont tenu.", "article": 13}],
      "quotes": [{"speaker": "la maire", "speaker_entity": "Marie Le Goff", "text": "Nous sommes prêts", "kind": "sentence", "article": 11},
                 {"speaker": null, "speaker_entity": null, "text": "une crue historique pour la vallée", "kind": "fragment", "article": 13},
                 {"speaker": null, "speaker_entity": null, "text": "historique", "kind": "fragment", "article": 13},
                 {"speaker": "Marie Le Goff", "speaker_entity": "Marie Le Goff", "text": "Merci aux pompiers", "kind": "sentence", "article": 13},
                 {"speaker": null, "speaker_entity": null, "text": "Merci aux pompiers.", "kind": "sentence", "article": 11},
                 {"speaker": "la maire", "speaker_entity": "Marie Le Goff", "text": "prêts", "kind": "fragment", "article": 13}],
      "timeline": [{"value": "2026-11-03", "text": "La crue commence.", "article": 11}, {"value": "XXXX-11-01", "text": "Pluies.", "article": 13}],
      "comments": {"count": 8, "toxic": 2, "toxic_share": 0.25}
    }]
  })json");
}

TEST(ReviewRender, FrenchDates) {
  EXPECT_EQ(french_date("2025-02-12"), "12 février 2025");
  EXPECT_EQ(french_date("2025-08-01T10:00"), "1er août 2025");
  EXPECT_EQ(french_date("2025-02"), "février 2025");
  EXPECT_EQ(french_date("XXXX-02-12"), "12 février");
  EXPECT_EQ(french_date("2014"), "2014");
  EXPECT_EQ(french_date("hier"), "hier");
  EXPECT_EQ(french_date("2025-13-01"), "2025-13-01");
  EXPECT_EQ(french_range("2026-11-03", "2026-11-05"), "du 3 au 5 novembre 2026");
  EXPECT_EQ(french_range("2026-10-30", "2026-11-05"), "du 30 octobre 2026 au 5 novembre 2026");
  EXPECT_EQ(french_range("2026-11-03", "2026-11-03T18:00"), "le 3 novembre 2026");
  EXPECT_EQ(french_range("", ""), "");
}

TEST(ReviewRender, HtmlIsSelfContainedAndEscaped) {
  std::string html = render_html(sample_review());
  EXPECT_EQ(html.find("<script"), std::string::npos) << "data must never become markup";
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript:"), std::string::npos) << "only http(s) links";
  EXPECT_EQ(html.find("http://fonts"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos) << "no external stylesheet";
  EXPECT_NE(html.find("du 3 au 5 novembre 2026"), std::string::npos);
  EXPECT_NE(html.find("repris par ouest-matin.example"), std::string::npos);
  EXPECT_NE(html.find("8 commentaires de lecteurs, dont 2 toxiques (25 %)"), std::string::npos);
  // Both quotes of Marie Le Goff under one speaker heading, the unattributed one after.
  size_t speaker = html.find("<div class=\"speaker\">Marie Le Goff</div>");
  ASSERT_NE(speaker, std::string::npos);
  EXPECT_EQ(html.find("<div class=\"speaker\">Marie Le Goff</div>", speaker + 1), std::string::npos);
  size_t q1 = html.find("Nous sommes prêts"), q2 = html.find("Merci aux pompiers"),
         anon = html.find("Sans auteur identifié");
  EXPECT_LT(speaker, q1);
  EXPECT_LT(q1, q2);
  EXPECT_LT(q2, anon);
  // People and organisations before places among the key actors.
  EXPECT_LT(html.find("Marie Le Goff (4)"), html.find("Aulne (9)"));
  EXPECT_NE(html.find("<strong>Lieux :</strong> Aulne (9)"), std::string::npos) << "places apart from the actors";
  // The sources come first, right under the headline, as in Markdown.
  EXPECT_LT(html.find("<h4>Sources</h4>"), html.find("<h4>En bref</h4>"));
  EXPECT_NE(html.find("href=\"#story-7\""), std::string::npos);
}

// A quotation given whole by one source and in part (or again) by another is shown once, the
// whole one, under its speaker; a lone word in guillemets without a speaker is not a quotation.
TEST(ReviewRender, QuotesShownOnceAndLoneWordsLeftOut) {
  std::string md = render_markdown(sample_review());
  auto count = [&](const std::string& needle) {
    size_t n = 0;
    for (size_t at = md.find(needle); at != std::string::npos; at = md.find(needle, at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("Merci aux pompiers"), 1u);
  EXPECT_EQ(count("« prêts »"), 0u);
  EXPECT_EQ(count("Nous sommes prêts"), 1u);
  EXPECT_EQ(count("« historique »"), 0u);
  EXPECT_EQ(count("« une crue historique pour la vallée »"), 1u);
  EXPECT_EQ(count("Sans auteur identifié"), 1u);
}

TEST(ReviewRender, CommentStatisticsWithoutToxicOnesReadPlainly) {
  Json review = sample_review();
  review["stories"][0]["comments"] = {{"count", 5}, {"toxic", 0}, {"toxic_share", 0.0}};
  EXPECT_NE(render_markdown(review).find("5 commentaires de lecteurs, aucun toxique"), std::string::npos);
  review["stories"][0]["comments"] = {{"count", 1}, {"toxic", 1}, {"toxic_share", 1.0}};
  EXPECT_NE(render_markdown(review).find("1 commentaire de lecteur, dont 1 toxique (100 %)"), std::string::npos);
}

TEST(ReviewRender, MarkdownEscapesAndLinks) {
  std::string md = render_markdown(sample_review());
  EXPECT_NE(md.find("# Revue de presse\n"), std::string::npos);
  EXPECT_NE(md.find("[La crue](https://courrier.example/crue) (3 novembre 2026)"), std::string::npos);
  EXPECT_NE(md.find("Les \\*digues\\* ont tenu."), std::string::npos);
  EXPECT_NE(md.find("\\<script\\>"), std::string::npos);
  EXPECT_NE(md.find("## Fils"), std::string::npos);
  EXPECT_NE(md.find("- 1er novembre — Pluies."), std::string::npos) << "a date without its year";
}

// Each story of a thread names the thread's other stories shown, with a link in HTML, so that a
// reader of one event finds the ones before and after it.
TEST(ReviewRender, StoryNamesTheOtherStoriesOfItsThread) {
  Json review = sample_review();
  Json next = review["stories"][0];
  next["id"] = 9;
  next["title"] = "La décrue s'amorce";
  next["first"] = "2026-11-05";
  review["stories"].push_back(next);
  const std::string html = render_html(review);
  const size_t seven = html.find("id=\"story-7\""), nine = html.find("id=\"story-9\"");
  ASSERT_NE(seven, std::string::npos);
  ASSERT_NE(nine, std::string::npos);
  const size_t link = html.find("<strong>Dans le même fil :</strong>", seven);
  ASSERT_LT(link, nine);  // inside story 7's article
  EXPECT_NE(html.find("<a href=\"#story-9\">La décrue s&#39;amorce</a>", link), std::string::npos);
  const std::string md = render_markdown(review);
  EXPECT_NE(md.find("**Dans le même fil** : La décrue s'amorce (5 novembre 2026)"), std::string::npos);
  // A story alone in the review (its thread's other stories not shown) gets no such line.
  EXPECT_EQ(render_markdown(sample_review()).find("Dans le même fil"), std::string::npos);
}

// A bare year dates a plan or a fact mentioned in passing, not an event of the story.
TEST(ReviewRender, TimelineLeavesOutYearOnlyEvents) {
  Json review = sample_review();
  review["stories"][0]["timeline"].push_back({{"value", "2027"}, {"text", "Des travaux de voirie prévus en 2027."}, {"article", 11}});
  std::string md = render_markdown(review);
  EXPECT_NE(md.find("La crue commence."), std::string::npos);
  EXPECT_EQ(md.find("travaux de voirie"), std::string::npos);
  review["stories"][0]["timeline"] = Json::array({{{"value", "2027"}, {"text", "Des travaux en 2027."}, {"article", 11}}});
  EXPECT_EQ(render_markdown(review).find("Chronologie"), std::string::npos);
  EXPECT_EQ(render_html(review).find("Chronologie"), std::string::npos);
}

// A speaker's whole sentences come before the fragments a source only half-quotes.
TEST(ReviewRender, SpeakerWholeQuotesBeforeFragments) {
  Json review = sample_review();
  review["stories"][0]["quotes"] = Json::array(
      {{{"speaker", "Yann Cornec"}, {"speaker_entity", "Yann Cornec"}, {"text", "un premier pas"}, {"kind", "fragment"}, {"article", 11}},
       {{"speaker", "Yann Cornec"}, {"speaker_entity", "Yann Cornec"},
        {"text", "Avec ce fonds, on aide une boutique sur deux, et trop tard"}, {"kind", "sentence"}, {"article", 13}}});
  const std::string md = render_markdown(review);
  const size_t whole = md.find("Avec ce fonds"), fragment = md.find("un premier pas");
  ASSERT_NE(whole, std::string::npos);
  ASSERT_NE(fragment, std::string::npos);
  EXPECT_LT(whole, fragment);
}

TEST(ReviewRender, EmptyReviewSaysSo) {
  Json review = {{"title", "Revue"}, {"stories", Json::array()}, {"threads", Json::array()}};
  EXPECT_NE(render_html(review).find("Aucune histoire ne correspond."), std::string::npos);
  EXPECT_NE(render_markdown(review).find("Aucune histoire ne correspond."), std::string::npos);
}

}  // namespace
}  // namespace veille::report
