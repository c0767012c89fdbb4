#include "extract/html_extract.h"

#include "extract/dom.h"
#include "extract/html_content.h"

namespace veille {

Status extract_html(const RawPage& page, const ExtractOptions& options, Document& doc) {
  auto dom = dom::parse_html(page.content, options);
  if (!dom.ok()) return dom.status();
  return extract_html_dom(*dom, page.url ? std::string_view(*page.url) : std::string_view(), options,
                          doc);
}

}  // namespace veille
