// WARC 1.0 / 1.1 reader: one page per `response` (or `resource`) record with an HTML payload.
// Records are read one at a time from the stream, so memory stays at one record.
#include <algorithm>
#include <charconv>

#include "ingest/ingest_internal.h"

namespace veille::ingest {

namespace {

constexpr size_t kMaxHeaderLine = 64 * 1024;
constexpr size_t kMaxHeaders = 1000;
// How far ahead of a response record's block to look for the end of its HTTP headers (most are
// under 2 KiB); the Reader's buffer usually holds that much already.
constexpr size_t kHttpLookahead = 16 * 1024;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string media_type(std::string_view content_type) {
  size_t semi = content_type.find(';');
  return lower(trim(content_type.substr(0, semi)));
}

bool is_html_type(std::string_view mt) {
  return mt == "text/html" || mt == "application/xhtml+xml";
}

std::string printable_prefix(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 40)) out.push_back(c >= 0x20 && c < 0x7f ? c : '?');
  return out;
}

// De-chunks an HTTP/1.1 chunked body. Returns false if the body is not chunked at all; a
// truncated or malformed tail ends the output there.
bool dechunk(std::string_view body, std::string* out) {
  size_t i = 0;
  bool first = true;
  while (i < body.size()) {
    size_t eol = body.find('\n', i);
    if (eol == std::string_view::npos) break;
    std::string_view size_line = trim(body.substr(i, eol - i));
    size_t semi = size_line.find(';');
    if (semi != std::string_view::npos) size_line = trim(size_line.substr(0, semi));
    uint64_t size = 0;
    auto [ptr, ec] = std::from_chars(size_line.data(), size_line.data() + size_line.size(), size, 16);
    if (ec != std::errc() || ptr != size_line.data() + size_line.size() || size_line.empty()) {
      if (first) return false;
      break;
    }
    first = false;
    i = eol + 1;
    if (size == 0) break;
    size_t take = static_cast<size_t>(std::min<uint64_t>(size, body.size() - i));
    out->append(body.substr(i, take));
    i += take;
    if (take < size) break;
    if (i < body.size() && body[i] == '\r') ++i;
    if (i < body.size() && body[i] == '\n') ++i;
  }
  return !first;
}

}  // namespace

bool looks_like_html(std::string_view body) {
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  size_t k = 0;
  while (k < body.size() && (body[k] == ' ' || body[k] == '\n' || body[k] == '\r' || body[k] == '\t'))
    ++k;
  if (k >= body.size() || body[k] != '<') return false;
  std::string head = lower(body.substr(k, 1024));
  for (const char* m : {"<!doctype html", "<html", "<head", "<body", "<title", "<meta", "<div", "<p>",
                        "<p ", "<article"})
    if (head.find(m) != std::string::npos) return true;
  return false;
}

namespace {

// Parses an HTTP response, for parse_http_response and the WARC reader. `block` is the whole
// message, unless `separate_body` is given: then `block` is the status line and headers (through
// the empty line) and *separate_body the body, which out->body takes over when it is used as it
// is. `owned` (which `block` then views) lets out->body take the block's buffer likewise. When
// `head_size` is given only the headers are parsed: *head_size is set to their length (through
// the empty line's '\n'), or to npos when `block` (a look-ahead) does not hold them all or is not
// an HTTP message.
Status parse_http(std::string_view block, uint64_t budget, HttpPayload* out, std::string* owned,
                  std::string* separate_body, size_t* head_size) {
  *out = HttpPayload{};
  if (head_size) *head_size = std::string_view::npos;
  if (!block.starts_with("HTTP/")) return Status::Ok();
  size_t eol = block.find('\n');
  if (eol == std::string_view::npos) return Status::Corrupt("HTTP status line not terminated");
  std::string_view status_line = trim(block.substr(0, eol));
  size_t sp = status_line.find(' ');
  int code = 0;
  if (sp != std::string_view::npos) {
    std::string_view rest = trim(status_line.substr(sp + 1));
    std::from_chars(rest.data(), rest.data() + std::min<size_t>(rest.size(), 3), code);
  }
  out->status = code > 0 ? code : 1;
  std::string content_encoding, transfer_encoding, content_type;
  size_t i = eol + 1;
  bool ended = false;
  bool ended_by_newline = false;  // a look-ahead cut inside the last line must not end them
  while (i < block.size()) {
    size_t e = block.find('\n', i);
    std::string_view line = block.substr(i, (e == std::string_view::npos ? block.size() : e) - i);
    i = e == std::string_view::npos ? block.size() : e + 1;
    line = trim(line);
    if (line.empty()) {
      ended = true;
      ended_by_newline = e != std::string_view::npos;
      break;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string name = lower(trim(line.substr(0, colon)));
    std::string_view value = trim(line.substr(colon + 1));
    if (name == "content-type" && content_type.empty()) content_type = std::string(value);
    else if (name == "content-encoding") content_encoding = lower(value);
    else if (name == "transfer-encoding") transfer_encoding = lower(value);
  }
  if (head_size) {
    if (ended && ended_by_newline) *head_size = i;
    return Status::Ok();
  }
  if (!ended) return Status::Corrupt("HTTP headers not terminated (truncated record)");
  out->content_type = media_type(content_type);
  out->charset = charset_from_content_type(content_type);
  std::string_view body = separate_body ? std::string_view(*separate_body) : block.substr(i);

  std::string dechunked;
  bool is_dechunked = false;
  if (transfer_encoding.find("chunked") != std::string::npos && dechunk(body, &dechunked)) {
    body = dechunked;
    is_dechunked = true;
  }

  // Common Crawl and other crawlers often store the payload already decoded but keep the header:
  // decode only what really is compressed.
  if (content_encoding == "gzip" || content_encoding == "x-gzip" ||
      content_encoding == "deflate") {
    bool gzip = content_encoding != "deflate";
    bool compressed = gzip ? is_gzip_magic(body) : !body.empty() && !looks_like_html(body) &&
                                                       body.front() != '<';
    if (compressed) {
      std::string decoded;
      Status st = inflate_buffer(body, !gzip, budget, &decoded);
      if (st.code() == StatusCode::kTooLarge || (!st.ok() && decoded.empty()))
        return Status(st.code(), "Content-Encoding " + content_encoding + ": " + st.message());
      out->body = std::move(decoded);  // a truncated payload keeps what could be decoded
      return Status::Ok();
    }
  } else if (!content_encoding.empty() && content_encoding != "identity" &&
             content_encoding != "none" && !looks_like_html(body)) {
    return Status::Unsupported("Content-Encoding " + content_encoding + " is not supported");
  }
  if (is_dechunked) {
    out->body = std::move(dechunked);
  } else if (separate_body) {
    out->body = std::move(*separate_body);
  } else if (owned) {
    // The body is the block's tail: move it down over the headers in place rather than copy it
    // into a new allocation (one whole-page copy fewer per WARC record).
    owned->erase(0, i);
    out->body = std::move(*owned);
  } else {
    out->body = std::string(body);
  }
  return Status::Ok();
}

}  // namespace

Status parse_http_response(std::string_view block, uint64_t budget, HttpPayload* out) {
  return parse_http(block, budget, out, nullptr, nullptr, nullptr);
}

Status take_http_response(std::string&& block, uint64_t budget, HttpPayload* out) {
  return parse_http(block, budget, out, &block, nullptr, nullptr);
}

void read_warc(std::string_view name, Reader& in, const ReadOptions& options, const Callbacks& cb) {
  uint64_t record_no = 0;
  std::string line;
  bool too_long = false;
  bool pending = false;  // `line` already holds the next record's version line
  bool stream_error_reported = false;
  auto source = [&] { return std::string(name) + "#" + std::to_string(record_no); };
  auto stream_failure = [&](std::string what) {
    const Status& st = in.status();
    StatusCode code = st.ok() ? StatusCode::kCorrupt : st.code();
    std::string msg = std::move(what);
    if (!st.ok()) {
      msg += " (" + st.message() + ")";
      stream_error_reported = true;
    }
    return Status(code, msg);
  };

  for (;;) {
    uint64_t record_start = in.offset();
    if (!pending) {
      bool got = false;
      while ((got = in.read_line(&line, kMaxHeaderLine, &too_long))) {
        if (!line.empty() || too_long) break;
        record_start = in.offset();
      }
      if (!got) break;
    }
    pending = false;
    ++record_no;
    if (!line.starts_with("WARC/")) {
      cb.error(source(), Status::Corrupt("not a WARC record at byte " + std::to_string(record_start) +
                                         ": expected a \"WARC/1.0\" or \"WARC/1.1\" line, found \"" +
                                         printable_prefix(line) + "\""));
      // Resynchronise on the next version line.
      while (in.read_line(&line, kMaxHeaderLine, &too_long)) {
        if (line.starts_with("WARC/1.") || line.starts_with("WARC/0.")) {
          pending = true;
          break;
        }
      }
      continue;
    }

    std::string type, target_uri, date, content_type;
    int64_t content_length = -1;
    bool headers_ended = false;
    size_t count = 0;
    while (in.read_line(&line, kMaxHeaderLine, &too_long)) {
      if (line.empty()) {
        headers_ended = true;
        break;
      }
      if (++count > kMaxHeaders) break;
      size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string key = lower(trim(std::string_view(line).substr(0, colon)));
      std::string_view value = trim(std::string_view(line).substr(colon + 1));
      if (key == "warc-type") type = lower(value);
      else if (key == "warc-target-uri") target_uri = std::string(value);
      else if (key == "warc-date") date = std::string(value);
      else if (key == "content-type") content_type = std::string(value);
      else if (key == "content-length") {
        int64_t v = -1;
        auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
        if (ec == std::errc() && p == value.data() + value.size() && v >= 0) content_length = v;
      }
    }
    if (!headers_ended) {
      if (count > kMaxHeaders) {
        cb.error(source(), Status::Corrupt("WARC record at byte " + std::to_string(record_start) +
                                           " has more than " + std::to_string(kMaxHeaders) +
                                           " header lines"));
        continue;  // resynchronises through the "not a WARC record" path
      }
      cb.error(source(), stream_failure("truncated WARC record: the file ends inside the headers of "
                                        "the record at byte " + std::to_string(record_start)));
      break;
    }
    if (content_length < 0) {
      cb.error(source(), Status::Corrupt("WARC record at byte " + std::to_string(record_start) +
                                         " has no valid Content-Length"));
      while (in.read_line(&line, kMaxHeaderLine, &too_long)) {
        if (line.starts_with("WARC/1.") || line.starts_with("WARC/0.")) {
          pending = true;
          break;
        }
      }
      continue;
    }
    const uint64_t length = static_cast<uint64_t>(content_length);
    std::string mt = media_type(content_type);
    bool candidate = type == "response" || (type == "resource" && is_html_type(mt));
    if (!candidate || length > options.max_page_bytes) {
      uint64_t skipped = in.skip(length);
      if (skipped < length) {
        cb.error(source(), stream_failure("truncated WARC record: Content-Length " +
                                          std::to_string(length) + " but the file ends after " +
                                          std::to_string(skipped) + " bytes"));
        break;
      }
      if (!candidate) cb.skipped_record();
      else
        cb.error(source(), Status::TooLarge("WARC record of " + std::to_string(length) +
                                            " bytes is over the " +
                                            format_bytes(options.max_page_bytes) +
                                            " budget (max_page_bytes)"));
      continue;
    }
    // A response whose HTTP headers are all in the look-ahead is read in two parts, the headers
    // and the body, so that the body lands in a string of its own that becomes the page with no
    // copy nor move; otherwise the whole block is read and the body moved down over the headers.
    std::string block, body_part;
    size_t head_size = std::string_view::npos;
    if (type == "response") {
      HttpPayload probe;
      std::string_view look =
          in.peek(static_cast<size_t>(std::min<uint64_t>(length, kHttpLookahead)));
      (void)parse_http(look, 0, &probe, nullptr, nullptr, &head_size);
    }
    size_t got;
    if (head_size != std::string_view::npos) {
      block.reserve(head_size);
      got = in.read_exact(head_size, &block);
      if (got == head_size) {
        body_part.reserve(static_cast<size_t>(length) - head_size);
        got += in.read_exact(static_cast<size_t>(length) - head_size, &body_part);
      }
    } else {
      block.reserve(static_cast<size_t>(length));
      got = in.read_exact(static_cast<size_t>(length), &block);
    }
    if (got < length) {
      cb.error(source(), stream_failure("truncated WARC record: Content-Length " +
                                        std::to_string(length) + " but the file ends after " +
                                        std::to_string(got) + " bytes"));
      break;
    }

    RawPage page;
    page.source = source();
    page.format = PageFormat::kHtml;
    std::string charset;
    std::string body;
    if (type == "response") {
      HttpPayload http;
      Status st = head_size != std::string_view::npos
                      ? parse_http(block, options.max_page_bytes, &http, nullptr, &body_part, nullptr)
                      : take_http_response(std::move(block), options.max_page_bytes, &http);
      if (!st.ok()) {
        cb.error(source(), st);
        continue;
      }
      if (http.status == 0) {  // not HTTP (dns:, ftp:): not a page
        cb.skipped_record();
        continue;
      }
      bool redirect_or_empty = (http.status >= 300 && http.status < 400) || http.status == 204 ||
                               http.status < 200 || http.body.empty();
      bool html = is_html_type(http.content_type) ||
                  ((http.content_type.empty() || http.content_type == "application/octet-stream" ||
                    http.content_type == "unknown/unknown") &&
                   looks_like_html(http.body));
      if (redirect_or_empty || !html) {
        cb.skipped_record();
        continue;
      }
      charset = http.charset;
      body = std::move(http.body);
    } else {
      charset = charset_from_content_type(content_type);
      body = std::move(block);
    }
    std::string kind = binary_kind(std::string_view(body).substr(0, 4096));
    if (!kind.empty()) {
      cb.error(source(), Status::Unsupported("binary payload (" + kind + ") labelled as HTML"));
      continue;
    }
    std::string_view uri = target_uri;
    if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
    if (!uri.empty()) page.url = std::string(uri);
    if (!date.empty()) page.date = date;
    page.content = to_utf8(std::move(body), charset, true, &page.charset);
    cb.page(std::move(page));
  }
  if (!in.status().ok() && !stream_error_reported) cb.error(std::string(name), in.status());
}

}  // namespace veille::ingest
