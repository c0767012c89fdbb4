#include "extract/html_extract.h"

#include "extract/dom.h"

namespace veille {

// Placeholder until the content scorer lands: the text of <body> as one paragraph.
Status extract_html(const RawPage& page, const ExtractOptions& options, Document& doc) {
  auto dom = dom::parse_html(page.content, options);
  if (!dom.ok()) return dom.status();
  std::string text = dom::text_content(dom->root());
  if (!text.empty()) doc.body.push_back({BlockKind::kParagraph, text, {}});
  return Status::Ok();
}

}  // namespace veille
