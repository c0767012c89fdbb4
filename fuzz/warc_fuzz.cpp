// Fuzzes the WARC reader (records, HTTP headers, chunked and gzip payloads) plain and gzipped,
// through the public read_buffer entry point.
#include <zlib.h>

#include <string>

#include "fuzz_common.h"

namespace {

std::string gzip(std::string_view data) {
  z_stream zs{};
  if (deflateInit2(&zs, 1, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace veille;
  if (size > fuzz::kMaxInput) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const ReadOptions options = fuzz::small_budgets();
  auto on_page = [](RawPage&& p) { fuzz::check_page(p); };
  auto on_error = [](InputError&& e) { fuzz::check_error(e); };
  read_buffer("x.warc", bytes, options, on_page, on_error);
  // The same bytes as a (probably corrupt) gzip stream, and properly gzipped.
  read_buffer("x.warc.gz", bytes, options, on_page, on_error);
  read_buffer("x.warc.gz", gzip(bytes), options, on_page, on_error);
  return 0;
}
