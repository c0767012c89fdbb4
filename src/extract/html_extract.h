// Main-content extraction from HTML: DOM -> candidate blocks -> scores -> article, metadata and
// comment threads.
#pragma once

#include "veille/document.h"
#include "veille/extract.h"
#include "veille/ingest.h"

namespace veille {

// Fills doc's title, published, authors, site, lang, body, comments and removed from an HTML page.
// doc.id, doc.source and doc.url are already set by the caller.
Status extract_html(const RawPage& page, const ExtractOptions& options, Document& doc);

}  // namespace veille
