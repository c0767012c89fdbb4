// The compact digest input (store/digest_input.h): what a story's digest reads from an article
// survives the round trip, and bytes that are not such an encoding are refused, not misread.
#include <gtest/gtest.h>

#include "store/digest_input.h"
#include "veille/corpus.h"

namespace veille {
namespace {

Document sample_document() {
  Document d;
  d.url = "https://www.exemple.fr/politique/article-1";
  d.site = "Exemple";
  d.title = "Un titre qui n'est pas encodé";
  d.body.push_back({BlockKind::kHeading, "Le port de Lorient", {}});
  d.body.push_back({BlockKind::kParagraph,
                    "Le conseil municipal de Lorient a voté mardi 4 novembre 2026 le plan de rénovation des "
                    "écoles, a annoncé la maire Claire Morvan devant la presse.",
                    {}});
  d.body.push_back({BlockKind::kQuote, "Nous ne lâcherons rien.", {}});
  finalize_text(d);
  const std::string& t = d.text;
  const uint32_t p = d.body[1].span.begin;
  d.annotations.sentences = {d.body[0].span, {p, d.body[1].span.end}, d.body[2].span};
  const auto at = [&](const std::string& s) {
    const uint32_t b = static_cast<uint32_t>(t.find(s));
    return Span{b, static_cast<uint32_t>(b + s.size())};
  };
  d.annotations.entities.push_back({at("Lorient"), "LOC", "Lorient", "loc:lorient"});
  d.annotations.entities.push_back({at("Claire Morvan"), "PER", "Claire Morvan", "per:claire-morvan"});
  d.annotations.dates.push_back({at("mardi 4 novembre 2026"), "2026-11-04", "date"});
  d.annotations.dates.push_back({at("mardi"), "2026-11-04", "time"});
  d.annotations.tokens.push_back(at("Lorient"));  // not encoded: the digest does not read tokens
  return d;
}

TEST(StoreDigestInput, RoundTripKeepsWhatTheDigestReads) {
  const Document d = sample_document();
  const corpus::SummaryCandidates c = corpus::summary_candidates(d);
  corpus::SummaryCandidates with_terms = c;
  with_terms.sentences.push_back({{3, 9}, {{"renov", 2}, {"ecol", 1}}});
  const std::string bytes = store::encode_digest_input(d, with_terms);

  Document got;
  corpus::SummaryCandidates got_c;
  ASSERT_TRUE(store::decode_digest_input(bytes, &got, &got_c));
  EXPECT_EQ(got.url, d.url);
  EXPECT_EQ(got.site, d.site);
  EXPECT_EQ(got.text, d.text);
  EXPECT_FALSE(got.title.has_value());
  EXPECT_TRUE(got.annotations.tokens.empty());
  ASSERT_EQ(got.body.size(), d.body.size());
  for (size_t i = 0; i < d.body.size(); ++i) {
    EXPECT_EQ(got.body[i].kind, d.body[i].kind);
    EXPECT_EQ(got.body[i].span, d.body[i].span);
  }
  EXPECT_EQ(got.annotations.sentences, d.annotations.sentences);
  ASSERT_EQ(got.annotations.entities.size(), d.annotations.entities.size());
  for (size_t i = 0; i < d.annotations.entities.size(); ++i)
    EXPECT_EQ(got.annotations.entities[i].span, d.annotations.entities[i].span);
  ASSERT_EQ(got.annotations.dates.size(), d.annotations.dates.size());
  for (size_t i = 0; i < d.annotations.dates.size(); ++i) {
    EXPECT_EQ(got.annotations.dates[i].span, d.annotations.dates[i].span);
    EXPECT_EQ(got.annotations.dates[i].value, d.annotations.dates[i].value);
    EXPECT_EQ(got.annotations.dates[i].kind, d.annotations.dates[i].kind);
  }
  ASSERT_EQ(got_c.sentences.size(), with_terms.sentences.size());
  for (size_t i = 0; i < with_terms.sentences.size(); ++i) {
    EXPECT_EQ(got_c.sentences[i].span, with_terms.sentences[i].span);
    EXPECT_EQ(got_c.sentences[i].terms, with_terms.sentences[i].terms);
  }

  // What the digest computes from the decoded input is what it computes from the document.
  const std::vector<const Document*> full{&d}, compact{&got};
  const std::vector<const corpus::SummaryCandidates*> given{&c};
  auto s1 = corpus::summarize(full, given), s2 = corpus::summarize(compact, given);
  ASSERT_EQ(s1.size(), s2.size());
  for (size_t i = 0; i < s1.size(); ++i) EXPECT_EQ(s1[i].text, s2[i].text);
  auto t1 = corpus::timeline(full), t2 = corpus::timeline(compact);
  ASSERT_EQ(t1.size(), t2.size());
  for (size_t i = 0; i < t1.size(); ++i) {
    EXPECT_EQ(t1[i].value, t2[i].value);
    EXPECT_EQ(t1[i].text, t2[i].text);
  }
}

TEST(StoreDigestInput, RefusesWhatIsNotAnEncoding) {
  const Document d = sample_document();
  const std::string bytes = store::encode_digest_input(d, corpus::summary_candidates(d));
  Document got;
  corpus::SummaryCandidates c;
  for (size_t cut : {size_t{0}, size_t{3}, size_t{4}, size_t{20}, bytes.size() / 2, bytes.size() - 1})
    EXPECT_FALSE(store::decode_digest_input(bytes.substr(0, cut), &got, &c)) << "cut at " << cut;
  EXPECT_FALSE(store::decode_digest_input(bytes + "x", &got, &c));  // trailing bytes
  std::string other = bytes;
  other[3] = '9';  // another layout version
  EXPECT_FALSE(store::decode_digest_input(other, &got, &c));
  EXPECT_FALSE(store::decode_digest_input("{\"text\":\"json\"}", &got, &c));
}

}  // namespace
}  // namespace veille
