#include "extract/dom.h"
#include "extract/html_extract.h"
#include "extract/text_extract.h"
#include "nlp/lang.h"
#include "veille/extract.h"

namespace veille {

Extractor::Extractor(ExtractOptions options) : options_(std::move(options)) {
  // Before any worker thread parses a page (libxml2's lazy initialisation is not thread-safe).
  dom::init_html_parser();
}

Result<Document> Extractor::extract(const RawPage& page) const {
  Document doc;
  doc.id = page.content_hash.empty() ? content_hash(page.content, options_.id_hash) : page.content_hash;
  doc.source = page.source;
  doc.url = page.url;
  doc.lang = "und";
  Status st = page.format == PageFormat::kHtml ? extract_html(page, options_, doc)
                                                : extract_text(page, options_, doc);
  if (!st.ok()) return st;
  if (!doc.published && page.date) doc.published = page.date;
  finalize_text(doc);
  // The text decides the language; a declared one (<html lang>) is kept only when the text is too
  // short to tell, since templates often declare the site's default language on every page.
  if (std::string detected = detect_language(doc.text); detected != "und" || doc.lang.empty())
    doc.lang = detected;
  return doc;
}

}  // namespace veille
