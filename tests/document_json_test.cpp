// to_json (the output contract's JSON, written straight into a string) against a reference that
// builds the same ordered object with nlohmann and dumps it: the same bytes with and without
// annotations and lines, for every sample page and for hand-made documents with the awkward cases
// (escapes, control characters, nulls, moderation scores, spans outside the text, invalid UTF-8).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "veille/ingester.h"
#include "veille/store.h"

namespace veille {
namespace {

namespace fs = std::filesystem;

nlohmann::json opt(const std::optional<std::string>& s) {
  return s ? nlohmann::json(*s) : nlohmann::json(nullptr);
}

// "sentences", "tokens", "entities", "quotes" and "dates" of one annotated text; surfaces come
// from `text`.
void add_annotations(nlohmann::ordered_json& j, const Annotations& a, const std::string& text) {
  auto spans = [](const std::vector<Span>& v) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& s : v) out.push_back({s.begin, s.end});
    return out;
  };
  auto surface = [&](const Span& s) {
    bool in_text = s.begin <= s.end && s.end <= text.size();
    return in_text ? text.substr(s.begin, s.end - s.begin) : std::string();
  };
  j["sentences"] = spans(a.sentences);
  j["tokens"] = spans(a.tokens);
  auto& entities = j["entities"] = nlohmann::ordered_json::array();
  for (const auto& e : a.entities) {
    nlohmann::ordered_json ej;
    ej["begin"] = e.span.begin;
    ej["end"] = e.span.end;
    ej["text"] = surface(e.span);
    ej["type"] = e.type;
    ej["entity"] = e.entity;
    ej["id"] = e.id;
    entities.push_back(std::move(ej));
  }
  auto& quotes = j["quotes"] = nlohmann::ordered_json::array();
  for (const auto& q : a.quotes) {
    nlohmann::ordered_json qj;
    qj["begin"] = q.span.begin;
    qj["end"] = q.span.end;
    qj["text"] = surface(q.span);
    qj["kind"] = q.kind;
    qj["speaker"] = opt(q.speaker);
    qj["speaker_entity"] = opt(q.speaker_entity);
    qj["cue"] = opt(q.cue);
    quotes.push_back(std::move(qj));
  }
  auto& dates = j["dates"] = nlohmann::ordered_json::array();
  for (const auto& d : a.dates) {
    nlohmann::ordered_json dj;
    dj["begin"] = d.span.begin;
    dj["end"] = d.span.end;
    dj["text"] = surface(d.span);
    dj["value"] = d.value;
    dj["kind"] = d.kind;
    dates.push_back(std::move(dj));
  }
}

// The reference: the contract's object built as a nlohmann tree, then dumped.
std::string tree_json(const Document& doc, const JsonOptions& options) {
  nlohmann::ordered_json j;
  j["id"] = doc.id;
  j["source"] = doc.source;
  j["url"] = opt(doc.url);
  j["title"] = opt(doc.title);
  j["published"] = opt(doc.published);
  j["authors"] = doc.authors;
  j["site"] = opt(doc.site);
  j["lang"] = doc.lang;
  auto& body = j["body"] = nlohmann::ordered_json::array();
  for (const auto& b : doc.body) body.push_back({{"kind", block_kind_name(b.kind)}, {"text", b.text}});
  j["text"] = doc.text;
  auto& comments = j["comments"] = nlohmann::ordered_json::array();
  for (const auto& c : doc.comments) {
    nlohmann::ordered_json cj;
    cj["id"] = c.id;
    cj["parent"] = c.parent ? nlohmann::ordered_json(*c.parent) : nlohmann::ordered_json(nullptr);
    cj["author"] = opt(c.author);
    cj["date"] = opt(c.date);
    cj["text"] = c.text;
    if (options.include_annotations) {
      add_annotations(cj, c.annotations, c.text);
    }
    if (c.moderation) {
      auto& mj = cj["moderation"];
      mj["toxic"] = c.moderation->toxic;
      mj["score"] = c.moderation->score;
      auto& terms = mj["terms"] = nlohmann::ordered_json::array();
      for (const auto& t : c.moderation->terms)
        terms.push_back({{"text", t.text}, {"normalized", t.normalized}, {"category", t.category}});
    }
    comments.push_back(std::move(cj));
  }
  auto& removed = j["removed"] = nlohmann::ordered_json::array();
  for (const auto& r : doc.removed)
    removed.push_back({{"kind", removed_kind_name(r.kind)}, {"text", r.text}});
  if (options.include_annotations) {
    add_annotations(j, doc.annotations, doc.text);
  }
  if (options.include_lines) {
    auto& lines = j["lines"] = nlohmann::ordered_json::array();
    for (const auto& l : doc.lines) lines.push_back({{"line", l.line}, {"label", line_label_name(l.label)}});
  }
  // Invalid UTF-8 never reaches here (ingest converts), but replace rather than throw if it does.
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
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

const JsonOptions kAllOptions[] = {{}, {.include_lines = false, .include_annotations = true},
                                   {.include_lines = true, .include_annotations = true}};

TEST(DocumentJson, SameBytesAsATreeOnAwkwardDocuments) {
  Document d = awkward_document();
  d.lines = {{1, LineLabel::kTitle}, {3, LineLabel::kBody}};
  Document empty;
  for (const JsonOptions& o : kAllOptions) {
    EXPECT_EQ(to_json(d, o), tree_json(d, o));
    EXPECT_EQ(to_json(empty, o), tree_json(empty, o));
  }
  // Invalid UTF-8 (a lone continuation byte, a truncated sequence, an overlong form, a
  // surrogate): to_json's replacement rules apply.
  for (std::string bad : {"a\x80z", "fin\xC3", "\xC0\xAF", "\xED\xA0\x80"}) {
    Document b = awkward_document();
    b.title = bad;
    for (const JsonOptions& o : kAllOptions)
      EXPECT_EQ(to_json(b, o), tree_json(b, o)) << "title bytes of size " << bad.size();
  }
  // Round trip through the store's reader.
  auto back = document_from_json(to_json(d, kAllOptions[1]));
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  EXPECT_EQ(back->text, d.text);
  EXPECT_EQ(back->comments.size(), 2u);
}

TEST(DocumentJson, SameBytesAsATreeOnEverySamplePage) {
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
        for (const JsonOptions& o : kAllOptions) EXPECT_EQ(to_json(*doc, o), tree_json(*doc, o)) << page.source;
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
