// Extraction from flattened text (a page already turned into lines): every non-empty line gets a
// label, the article is rebuilt from title / standfirst / heading / body lines, and comment threads
// become records.
#pragma once

#include "veille/document.h"
#include "veille/extract.h"
#include "veille/ingest.h"

namespace veille {

// Fills doc's title, body, comments, removed, lang and (when options.explain) lines.
Status extract_text(const RawPage& page, const ExtractOptions& options, Document& doc);

}  // namespace veille
