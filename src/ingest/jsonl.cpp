// JSON Lines reader: one page per line, an object with "html" or "text" and optional "url",
// "date". Lines are read one at a time; a bad line is reported and the next one is read.
#include <nlohmann/json.hpp>

#include <cstring>

#include "ingest/ingest_internal.h"

namespace veille::ingest {

namespace {

constexpr int kMaxJsonDepth = 256;

// Deepest nesting of arrays and objects outside strings; checked before parsing so that a line
// of a million '[' costs nothing.
int json_depth(std::string_view s) {
  int depth = 0, max_depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      max_depth = std::max(max_depth, ++depth);
      if (max_depth > kMaxJsonDepth) return max_depth;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return max_depth;
}

const char* type_name(const nlohmann::json& j) { return j.type_name(); }

}  // namespace

void read_jsonl(std::string_view name, Reader& in, const ReadOptions& options, const Callbacks& cb) {
  std::string line;
  bool too_long = false;
  uint64_t line_no = 0;
  bool stream_error_reported = false;
  while (in.read_line(&line, options.max_page_bytes, &too_long)) {
    ++line_no;
    std::string source = std::string(name) + "#" + std::to_string(line_no);
    if (too_long) {
      cb.error(source, Status::TooLarge("line over the " + format_bytes(options.max_page_bytes) +
                                        " budget (max_page_bytes)"));
      continue;
    }
    std::string_view text = line;
    if (line_no == 1 && text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r'))
      text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
      text.remove_suffix(1);
    if (text.empty()) continue;
    // The last line of a stream that failed (truncated gzip) is likely cut: report the stream's
    // failure for it rather than a JSON syntax error.
    bool last_of_failed_stream = !in.status().ok() && in.at_end();

    if (json_depth(text) > kMaxJsonDepth) {
      cb.error(source, Status::TooLarge("JSON nested deeper than " + std::to_string(kMaxJsonDepth)));
      continue;
    }
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
      if (last_of_failed_stream) {
        cb.error(source, Status(in.status().code(), "incomplete last line: " + in.status().message()));
        stream_error_reported = true;
      } else {
        std::string what = e.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 5: ..." -> from "parse error"
        size_t k = what.find("] ");
        if (k != std::string::npos) what = what.substr(k + 2);
        cb.error(source, Status::Corrupt("invalid JSON: " + what));
      }
      continue;
    }
    if (!j.is_object()) {
      cb.error(source, Status::Corrupt(std::string("expected a JSON object, found ") + type_name(j)));
      continue;
    }
    RawPage page;
    page.source = source;
    page.charset = "utf-8";
    std::string* content = nullptr;
    auto html = j.find("html");
    auto txt = j.find("text");
    if (html != j.end() && html->is_string() && !html->get_ref<const std::string&>().empty()) {
      page.format = PageFormat::kHtml;
      content = &html->get_ref<std::string&>();
    } else if (txt != j.end() && txt->is_string()) {
      page.format = PageFormat::kText;
      content = &txt->get_ref<std::string&>();
    } else if (html != j.end() && html->is_string()) {
      page.format = PageFormat::kHtml;
      content = &html->get_ref<std::string&>();
    } else {
      cb.error(source, Status::Corrupt("no \"html\" or \"text\" string field"));
      continue;
    }
    // JSON strings are valid UTF-8 already (the parser rejects invalid bytes and lone surrogates),
    // but may hold escaped NULs. The parsed string is ours: take it over when it can go out as it
    // is, rather than copy a whole page.
    if (std::memchr(content->data(), 0, content->size()) == nullptr && is_valid_utf8(*content))
      page.content = std::move(*content);
    else
      append_sanitized_utf8(*content, &page.content);
    auto url = j.find("url");
    if (url != j.end() && url->is_string() && !url->get_ref<const std::string&>().empty())
      page.url = url->get<std::string>();
    auto date = j.find("date");
    if (date != j.end() && date->is_string() && !date->get_ref<const std::string&>().empty())
      page.date = date->get<std::string>();
    cb.page(std::move(page));
  }
  if (!in.status().ok() && !stream_error_reported) cb.error(std::string(name), in.status());
}

}  // namespace veille::ingest
