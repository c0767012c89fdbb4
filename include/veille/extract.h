// Extraction: from a raw page (HTML or flattened text) to a Document with its article, metadata,
// comments and removed blocks.
#pragma once

#include <cstddef>

#include "veille/document.h"
#include "veille/ingest.h"
#include "veille/status.h"

namespace veille {

enum class HtmlParser {
  kLibxml2,  // libxml2's HTML parser: tolerant, not exactly HTML5
  kGumbo,    // gumbo: the HTML5 parsing algorithm, slower
  kNative,   // veille's own parser (src/extract/html_parser.h): HTML5 tokenizer, reduced tree
             // builder; the fastest (about 4x libxml2 on WCXB) and the default
};

struct ExtractOptions {
  HtmlParser parser = HtmlParser::kNative;
  // Budgets: pages over max_html_bytes are refused with kTooLarge; elements nested deeper than
  // max_dom_depth are flattened into their ancestor at that depth (text kept, structure dropped).
  size_t max_html_bytes = size_t{64} << 20;  // 64 MiB
  int max_dom_depth = 512;
  // Fill Document::lines for text pages (the --explain output).
  bool explain = false;
  // The scheme of Document::id when the page brings no RawPage::content_hash: the Ingester sets
  // its store's (Store::content_hash_scheme).
  ContentHashScheme id_hash = ContentHashScheme::kXxh3_128;
};

// Thread-safe: extract() is const and keeps no state between calls.
class Extractor {
 public:
  explicit Extractor(ExtractOptions options = {});
  Result<Document> extract(const RawPage& page) const;
  const ExtractOptions& options() const { return options_; }

 private:
  ExtractOptions options_;
};

}  // namespace veille
