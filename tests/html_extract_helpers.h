// Helpers shared by the HTML extraction tests (html_extract_test, extract_quality_test).
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "veille/extract.h"

namespace veille::test {

// Every HTML parser backend: each extraction test runs on all of them.
inline constexpr HtmlParser kAllParsers[] = {HtmlParser::kNative, HtmlParser::kLibxml2, HtmlParser::kGumbo};

// Extracts one HTML page through the public Extractor (what the CLI runs). A failure is a test
// failure, and an empty Document comes back.
inline Document extract(const std::string& html, HtmlParser parser, const std::string& url = "") {
  ExtractOptions options;
  options.parser = parser;
  Extractor extractor(options);
  RawPage page;
  page.source = "test.html";
  page.content = html;
  if (!url.empty()) page.url = url;
  auto doc = extractor.extract(page);
  EXPECT_TRUE(doc.ok()) << doc.status().to_string();
  return doc.ok() ? std::move(doc).value() : Document{};
}

// Whether some removed block of `kind` contains `fragment`.
inline bool removed_has(const Document& d, RemovedKind kind, const std::string& fragment) {
  for (const auto& r : d.removed)
    if (r.kind == kind && r.text.find(fragment) != std::string::npos) return true;
  return false;
}

}  // namespace veille::test
