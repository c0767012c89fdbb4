// Fuzzes charset conversion, both HTML parser backends and the extractor on HTML pages.
#include <string>

#include "extract/dom.h"
#include "fuzz_common.h"
#include "veille/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace veille;
  if (size > fuzz::kMaxInput) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  RawPage page;
  page.source = "fuzz.html";
  page.format = PageFormat::kHtml;
  page.content = to_utf8(bytes, "", /*is_html=*/true, &page.charset);
  fuzz::check_page(page);

  ExtractOptions options;
  options.max_dom_depth = 256;
  for (HtmlParser parser : {HtmlParser::kLibxml2, HtmlParser::kGumbo}) {
    options.parser = parser;
    Result<dom::Dom> dom = dom::parse_html(page.content, options);
    if (dom.ok()) (void)dom::text_content(dom->root());
  }
  options.parser = HtmlParser::kLibxml2;
  Extractor extractor(options);
  Result<Document> doc = extractor.extract(page);
  (void)doc;
  return 0;
}
