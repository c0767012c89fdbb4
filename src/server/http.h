// HTTP/1.1 request parsing and response writing: the pieces of the server that need no socket, so
// that tests and fuzzing reach them directly.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "veille/server.h"

namespace veille::http {

enum class ParseState { kIncomplete, kComplete, kError };

struct ParseResult {
  ParseState state = ParseState::kIncomplete;
  size_t consumed = 0;      // bytes of the buffer that made the request (kComplete)
  int error_status = 0;     // kError: 400, 413, 414, 431, 501, 505
  std::string error;        // kError: the reason, safe to show to the client
};

// Parses one request from the front of buf. kIncomplete means: read more and call again. Limits
// are enforced before the whole request has arrived (a 1 GB Content-Length fails at once).
ParseResult parse_request(std::string_view buf, size_t max_header_bytes, size_t max_body_bytes,
                          HttpRequest* out);

// Status line, headers (with the security headers and Content-Length) and body.
std::string serialize_response(const HttpResponse& response, bool keep_alive, bool head_only);

const char* reason_phrase(int status);

// Percent-decoding; '+' is a space in query strings only. nullopt on a malformed escape.
std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space);

// The query string as a map (the last value of a repeated key wins). nullopt on a bad escape.
std::optional<std::map<std::string, std::string>> parse_query(std::string_view query);

bool valid_utf8(std::string_view s);

// {"error": message} with the given status.
HttpResponse json_error(int status, const std::string& message);

}  // namespace veille::http
