// The document model's contracts: span invariant, JSON output contract, stable ids.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "veille/document.h"

namespace veille {
namespace {

Document sample_document() {
  Document d;
  d.id = content_hash("page");
  d.source = "a.html";
  d.title = "Le conseil municipal vote le budget";
  d.published = "2026-03-04";
  d.authors = {"Claire Dubois"};
  d.lang = "fr";
  d.body = {{BlockKind::kHeading, "Un vote serré", {}},
            {BlockKind::kParagraph, "Le budget a été adopté à l’unanimité moins deux voix.", {}},
            {BlockKind::kList, "écoles\nvoirie", {}}};
  Comment first, reply;
  first.id = 1;
  first.author = "Léa";
  first.date = "2026-03-05";
  first.text = "Enfin !";
  reply.id = 2;
  reply.parent = 1;
  reply.text = "Pas trop tôt.";
  d.comments = {first, reply};
  d.removed = {{RemovedKind::kAd, "Publicité"}, {RemovedKind::kCommentForm, "Laisser un commentaire"}};
  finalize_text(d);
  return d;
}

TEST(DocumentTest, SpansLocateBlocksInText) {
  Document d = sample_document();
  ASSERT_EQ(d.body.size(), 3u);
  for (const auto& b : d.body) {
    ASSERT_LE(b.span.end, d.text.size());
    EXPECT_EQ(d.text.substr(b.span.begin, b.span.end - b.span.begin), b.text);
  }
  EXPECT_EQ(d.text, "Un vote serré\n\nLe budget a été adopté à l’unanimité moins deux voix.\n\nécoles\nvoirie");
}

TEST(DocumentTest, EmptyBodyGivesEmptyText) {
  Document d;
  finalize_text(d);
  EXPECT_EQ(d.text, "");
}

TEST(DocumentTest, JsonFollowsOutputContract) {
  Document d = sample_document();
  auto j = nlohmann::json::parse(to_json(d));
  const char* keys[] = {"id", "source", "url", "title", "published", "authors", "site",
                        "lang", "body", "text", "comments", "removed"};
  for (const char* k : keys) EXPECT_TRUE(j.contains(k)) << k;
  EXPECT_FALSE(j.contains("lines"));
  EXPECT_TRUE(j["url"].is_null());
  EXPECT_TRUE(j["site"].is_null());
  EXPECT_EQ(j["body"][0]["kind"], "heading");
  EXPECT_EQ(j["body"][2]["kind"], "list");
  EXPECT_EQ(j["comments"][1]["parent"], 1);
  EXPECT_TRUE(j["comments"][0]["parent"].is_null());
  EXPECT_TRUE(j["comments"][1]["author"].is_null());
  EXPECT_EQ(j["removed"][1]["kind"], "comment-form");
  EXPECT_EQ(j["text"], d.text);
}

TEST(DocumentTest, JsonIsOneLine) {
  Document d = sample_document();
  EXPECT_EQ(to_json(d).find('\n'), std::string::npos);
}

TEST(DocumentTest, JsonLinesOnlyWhenAsked) {
  Document d = sample_document();
  d.lines = {{1, LineLabel::kTitle}, {3, LineLabel::kComment}};
  auto j = nlohmann::json::parse(to_json(d, {.include_lines = true}));
  ASSERT_EQ(j["lines"].size(), 2u);
  EXPECT_EQ(j["lines"][0]["label"], "title");
  EXPECT_EQ(j["lines"][1]["line"], 3);
  EXPECT_EQ(j["lines"][1]["label"], "comment");
}

TEST(DocumentTest, InvalidUtf8DoesNotThrow) {
  Document d;
  d.title = std::string("bad \xff\xfe bytes");
  EXPECT_NO_THROW(nlohmann::json::parse(to_json(d)));
}

TEST(DocumentTest, LineLabelNamesRoundTrip) {
  for (const char* name : {"title", "standfirst", "heading", "body", "caption", "ad", "boilerplate", "comment"}) {
    auto l = parse_line_label(name);
    ASSERT_TRUE(l.has_value()) << name;
    EXPECT_STREQ(line_label_name(*l), name);
  }
  EXPECT_FALSE(parse_line_label("article").has_value());
}

TEST(DocumentTest, ContentHashIsStableAndDiscriminates) {
  // Pinned values: ids are stored, so the hash must never change between versions.
  EXPECT_EQ(content_hash(""), content_hash(""));
  EXPECT_EQ(content_hash("").size(), 32u);
  EXPECT_NE(content_hash("a"), content_hash("b"));
  EXPECT_NE(content_hash("ab"), content_hash("ba"));
  EXPECT_EQ(content_hash("veille"), content_hash("veille", ContentHashScheme::kXxh3_128));
  // The expected values were computed independently with `xxhsum -H2` (Debian xxhash 0.8.1), one
  // per XXH3 code path (0-16, 17-128, 129-240 and longer inputs; 150,000 bytes is a typical page).
  auto pattern = [](size_t n) {
    std::string s(n, ' ');
    for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>('a' + (i * 7) % 26);
    return s;
  };
  EXPECT_EQ(content_hash(""), "99aa06d3014798d86001c324468d497f") << "update only with a store migration";
  EXPECT_EQ(content_hash("veille"), "8397c4d9df6b697d8388755ebe4c2859");
  EXPECT_EQ(content_hash(pattern(100)), "83ffc95c632b04e14aeeb1d7d8b139c2");
  EXPECT_EQ(content_hash(pattern(200)), "98bf6e1a5a405c1adabaff4736e7bdb3");
  EXPECT_EQ(content_hash(pattern(1000)), "46a8941587b7552f039339db9bd0dbd8");
  EXPECT_EQ(content_hash(pattern(150000)), "e719cdf86ef94dbb7b4ebe757d319581");
}

// The key of databases created before schema 7: frozen, or their pages would no longer be known.
TEST(DocumentTest, FnvContentHashOfOldDatabasesIsUnchanged) {
  EXPECT_EQ(content_hash_fnv("veille"), "38c815fb6dee2776dd5b5ef442dbdd01");
  EXPECT_EQ(content_hash("veille", ContentHashScheme::kFnv1a2x64), "38c815fb6dee2776dd5b5ef442dbdd01");
  EXPECT_EQ(content_hash_fnv("").size(), 32u);
  EXPECT_NE(content_hash_fnv("ab"), content_hash_fnv("ba"));
}

TEST(DocumentTest, ContentHashSchemeNamesRoundTrip) {
  for (auto s : {ContentHashScheme::kXxh3_128, ContentHashScheme::kFnv1a2x64})
    EXPECT_EQ(parse_content_hash_scheme(content_hash_scheme_name(s)), s);
  EXPECT_EQ(std::string(content_hash_scheme_name(ContentHashScheme::kXxh3_128)), "xxh3-128");
  EXPECT_EQ(std::string(content_hash_scheme_name(ContentHashScheme::kFnv1a2x64)), "fnv1a-2x64");
  EXPECT_FALSE(parse_content_hash_scheme("md5").has_value());
}

TEST(DocumentTest, MarkdownHasTitleHeadingsListsAndComments) {
  std::string md = to_markdown(sample_document());
  EXPECT_NE(md.find("# Le conseil municipal vote le budget\n"), std::string::npos);
  EXPECT_NE(md.find("## Un vote serré\n"), std::string::npos);
  EXPECT_NE(md.find("- écoles\n- voirie\n"), std::string::npos);
  EXPECT_NE(md.find("Pas trop tôt."), std::string::npos);
  EXPECT_NE(md.find("en réponse à 1"), std::string::npos);
}

}  // namespace
}  // namespace veille
