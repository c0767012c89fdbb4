// Fuzzes the extractor on flattened text pages (line labels, comment threads).
#include <string>

#include "fuzz_common.h"
#include "veille/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace veille;
  if (size > fuzz::kMaxInput) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  RawPage page;
  page.source = "fuzz.txt";
  page.format = PageFormat::kText;
  page.content = to_utf8(bytes, "", /*is_html=*/false, &page.charset);
  fuzz::check_page(page);
  ExtractOptions options;
  options.explain = true;
  static const Extractor extractor(options);
  Result<Document> doc = extractor.extract(page);
  (void)doc;
  return 0;
}
