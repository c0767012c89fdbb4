// document_to_json (the store's writer of the annotated document JSON) against to_json, the
// reference: the same bytes for every sample page and for hand-made documents with the awkward
// cases (escapes, control characters, nulls, moderation scores, spans outside the text, invalid
// UTF-8).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "veille/ingester.h"
#include "veille/store.h"

namespace veille {
namespace {

namespace fs = std::filesystem;

std::string reference_json(const Document& doc) {
  JsonOptions o;
  o.include_annotations = true;
  return to_json(doc, o);
}

Document awkward_document() {
  Document d;
  d.id = "0123456789abcdef0123456789abcdef";
  d.source = "dir/page \"1\".html";
  d.url = "https://exemple.fr/a?b=1&c=\\2";
  d.published = "2026-11-02";
  d.authors = {"Annick Le Scao", "J\xC3\xA9r\xC3\xB4me \"Jo\" Tanguy"};
  d.lang = "fr";
  d.body = {{BlockKind::kHeading, "Titre\tavec tab", {}},
            {BlockKind::kParagraph, std::string("ligne\x01 contr\xC3\xB4le\x1F fin\x7F \r\n\b\f/ \xE2\x80\x99"), {}},
            {BlockKind::kList, "un\ndeux", {}},
            {BlockKind::kQuote, "\xC2\xAB Citation \xC2\xBB", {}}};
  finalize_text(d);
  d.annotations.sentences = {{0, 5}, {7, 12}};
  d.annotations.tokens = {{0, 5}, {6, 10}, {4000, 4001}};
  d.annotations.entities = {{{0, 5}, "PER", "Titre", "PER:titre"}, {{90, 3}, "LOC", "Nulle part", "LOC:x"}};
  d.annotations.quotes = {{{0, 5}, "sentence", std::string("Annick"), std::nullopt, std::string("a dit")}};
  d.annotations.dates = {{{0, 5}, "2026-11-02", "date"}};
  Comment c;
  c.id = 1;
  c.author = "Coucou";
  c.text = "Quelle \"bande\" d'incapables\\";
  c.annotations.tokens = {{0, 6}};
  c.moderation = CommentModeration{true, 0.8123457f, {{"incapables", "incapable", "insulte"}}};
  Comment r;
  r.id = 2;
  r.parent = 1;
  r.date = "2026-11-03";
  r.text = "R\xC3\xA9ponse";
  r.moderation = CommentModeration{false, 1e-6f, {}};
  d.comments = {c, r};
  d.removed = {{RemovedKind::kAd, "Publicit\xC3\xA9"}, {RemovedKind::kCommentForm, ""}};
  return d;
}

TEST(StoreDocumentJson, SameBytesAsToJsonOnAwkwardDocuments) {
  Document d = awkward_document();
  EXPECT_EQ(document_to_json(d), reference_json(d));
  Document empty;
  EXPECT_EQ(document_to_json(empty), reference_json(empty));
  // Invalid UTF-8 (a lone continuation byte, a truncated sequence, an overlong form, a
  // surrogate): to_json's replacement rules apply.
  for (std::string bad : {"a\x80z", "fin\xC3", "\xC0\xAF", "\xED\xA0\x80"}) {
    Document b = awkward_document();
    b.title = bad;
    EXPECT_EQ(document_to_json(b), reference_json(b)) << "title bytes of size " << bad.size();
  }
  // Round trip through the store's reader.
  auto back = document_from_json(document_to_json(d));
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  EXPECT_EQ(back->text, d.text);
  EXPECT_EQ(back->comments.size(), 2u);
}

TEST(StoreDocumentJson, SameBytesAsToJsonOnEverySamplePage) {
  const fs::path samples = fs::path(VEILLE_SOURCE_DIR) / "samples";
  const fs::path models = fs::path(VEILLE_SOURCE_DIR) / "models";
  if (!fs::exists(samples)) GTEST_SKIP() << "samples/ absent";
  ::setenv("VEILLE_MODELS", models.c_str(), 1);
  const fs::path dir = fs::temp_directory_path() / ("veille_document_json_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto store = open_sqlite_store((dir / "t.db").string());
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  IngestOptions o;
  o.moderation_model = (models / "moderation-fr.bin").string();
  o.background_path = (models / "background-fr.tsv").string();
  auto ing = Ingester::create(**store, o);
  ASSERT_TRUE(ing.ok()) << ing.status().to_string();
  size_t pages = 0, with_comments = 0, with_moderation = 0;
  Status read = read_inputs(
      {samples.string()}, {},
      [&](RawPage&& page) {
        auto doc = (*ing)->pipeline().run(page);
        if (!doc.ok()) return;
        ++pages;
        with_comments += !doc->comments.empty();
        for (const auto& c : doc->comments) with_moderation += c.moderation.has_value();
        EXPECT_EQ(document_to_json(*doc), reference_json(*doc)) << page.source;
      },
      [](InputError&&) {});
  EXPECT_TRUE(read.ok()) << read.to_string();
  EXPECT_GE(pages, 30u);
  EXPECT_GT(with_comments, 0u);
  EXPECT_GT(with_moderation, 0u);
  store->reset();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace veille
