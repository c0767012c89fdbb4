// libFuzzer target for the HTTP request parser of `veille serve` (what any client on the network
// can send): parses requests one after another from the input, as the server does with a
// connection's buffer, and checks the parser's contract: progress on every complete request,
// `consumed` within the buffer, an error status in 4xx/5xx with a message, a path that is valid
// UTF-8 without NUL, a body no larger than the limit; and the query decoder on every query.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fuzz_check.h"
#include "server/http.h"

using veille::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view buf(reinterpret_cast<const char*>(data), size);
  constexpr size_t kMaxHeader = 2048, kMaxBody = 4096;
  for (int i = 0; i < 64 && !buf.empty(); ++i) {
    veille::HttpRequest req;
    auto r = veille::http::parse_request(buf, kMaxHeader, kMaxBody, &req);
    if (r.state == veille::http::ParseState::kIncomplete) break;
    if (r.state == veille::http::ParseState::kError) {
      check(r.error_status >= 400 && r.error_status < 600 && !r.error.empty());
      break;
    }
    check(r.consumed > 0 && r.consumed <= buf.size());
    check(req.body.size() <= kMaxBody);
    check(!req.path.empty() && req.path[0] == '/');
    check(req.path.find('\0') == std::string::npos && veille::http::valid_utf8(req.path));
    (void)veille::http::parse_query(req.query);
    auto out = veille::http::serialize_response(veille::http::json_error(400, req.path), req.keep_alive, false);
    check(out.rfind("HTTP/1.1 400 ", 0) == 0);
    buf.remove_prefix(r.consumed);
  }
  return 0;
}
