// Ingestion: turning files, directories and stdin into raw pages, whatever their container
// (plain file, gzip, WARC, JSON Lines). Charset handling happens here too: every RawPage::content
// is valid UTF-8.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "veille/status.h"

namespace veille {

enum class PageFormat { kHtml, kText };

struct RawPage {
  std::string source;  // "path", or "path#N" for the N-th record (1-based) of a WARC / JSON Lines
  PageFormat format = PageFormat::kHtml;
  std::string content;  // UTF-8
  std::optional<std::string> url;
  std::optional<std::string> date;  // from WARC-Date or a JSON Lines "date"; a fallback for published
  std::string charset;              // the charset the bytes were decoded from ("utf-8", "windows-1252")
};

// A page or file that could not be read. `source` names it as RawPage::source would.
struct InputError {
  std::string source;
  Status status;
};

struct ReadOptions {
  // Budgets. A file over max_file_bytes (after decompression) is refused with kTooLarge; so is a
  // single page (record, line) over max_page_bytes.
  size_t max_file_bytes = size_t{1} << 30;   // 1 GiB
  size_t max_page_bytes = size_t{64} << 20;  // 64 MiB
  // Walk directories recursively, skipping hidden entries (names starting with '.').
  bool recursive = true;
};

using PageCallback = std::function<void(RawPage&&)>;
using ErrorCallback = std::function<void(InputError&&)>;

// Reads every input ("-" is stdin) and calls on_page for each page, on_error for each failure, in
// input order. One bad file or record never stops the others. Returns a caller error only for
// problems with the call itself (an input path that does not exist is reported through on_error).
Status read_inputs(const std::vector<std::string>& inputs, const ReadOptions& options,
                   const PageCallback& on_page, const ErrorCallback& on_error);

// Reads one in-memory file whose name (for extension hints and error messages) is `name`.
void read_buffer(std::string_view name, std::string_view bytes, const ReadOptions& options,
                 const PageCallback& on_page, const ErrorCallback& on_error);

// Converts bytes to UTF-8. The charset comes from, in order: a BOM, `declared` (an HTTP header or
// container's value, may be empty), an HTML <meta charset> / http-equiv in the first 4 KiB when
// `is_html`, and otherwise detection. Invalid sequences become U+FFFD. Sets *used to the charset
// that was applied.
std::string to_utf8(std::string_view bytes, std::string_view declared, bool is_html,
                    std::string* used = nullptr);

}  // namespace veille
