// Main-content extraction from a parsed page.
//
// The page is cut into text blocks (paragraphs, headings, lists, quotes, table rows) in document
// order. Each block gets a value: positive for prose (long, punctuated, few links), negative for
// chrome (link lists, short fragments, anything under nav/footer/sidebar/share/ad/... markup).
// The content root is the element whose subtree has the largest total value, which takes in
// sibling sections of the article while leaving out the chrome around them. Inside that root,
// blocks that are boilerplate on their own (link-dense, under negative markup, captions, stock
// phrases, the title repeated) are dropped and recorded in Document::removed.
#pragma once

#include <string_view>

#include "extract/dom.h"
#include "veille/document.h"
#include "veille/extract.h"

namespace veille {

// Fills doc's title, published, authors, site, lang, body, comments and removed from `dom`.
// `url` (may be empty) helps the metadata extractor. Does not build doc.text (finalize_text does).
// Runs in time linear in the number of nodes; never recurses over the DOM.
Status extract_html_dom(const dom::Dom& dom, std::string_view url, const ExtractOptions& options,
                        Document& doc);

}  // namespace veille
