// Fuzzes the JSON Lines reader and format sniffing through read_buffer.
#include <string>

#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace veille;
  if (size > fuzz::kMaxInput) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const ReadOptions options = fuzz::small_budgets();
  auto on_page = [](RawPage&& p) { fuzz::check_page(p); };
  auto on_error = [](InputError&& e) { fuzz::check_error(e); };
  read_buffer("x.jsonl", bytes, options, on_page, on_error);
  read_buffer("-", bytes, options, on_page, on_error);  // sniffed: HTML, text, JSONL or WARC
  return 0;
}
