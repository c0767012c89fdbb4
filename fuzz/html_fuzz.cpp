// Fuzzes charset conversion, the three HTML parser backends and the extractor on HTML pages; the
// native backend's DOM is checked for document order and parent links.
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
  for (HtmlParser parser : {HtmlParser::kLibxml2, HtmlParser::kGumbo, HtmlParser::kNative}) {
    options.parser = parser;
    Result<dom::Dom> dom = dom::parse_html(page.content, options);
    if (dom.ok()) (void)dom::text_content(dom->root());
    if (dom.ok() && parser == HtmlParser::kNative) {
      uint32_t expected = 0;
      dom::walk(dom->root(), [&](const dom::Node* n) {
        if (n->index != expected++ || dom->node(n->index) != n) __builtin_trap();
        if (n->parent && n->depth != n->parent->depth + 1) __builtin_trap();
        if (n->depth > options.max_dom_depth + 1) __builtin_trap();
        for (const dom::Node* c : n->children)
          if (c->parent != n) __builtin_trap();
        return true;
      });
      if (expected != dom->size()) __builtin_trap();
    }
  }
  for (HtmlParser parser : {HtmlParser::kLibxml2, HtmlParser::kNative}) {
    options.parser = parser;
    Extractor extractor(options);
    Result<Document> doc = extractor.extract(page);
    (void)doc;
  }
  return 0;
}
