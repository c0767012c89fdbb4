// Ingestion: turning files, directories and stdin into raw pages, whatever their container
// (plain file, gzip, WARC, JSON Lines). Charset handling happens here too: every RawPage::content
// is valid UTF-8.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
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
  // content_hash(content, scheme) when already computed (the Ingester hashes each page to skip known
  // ones), so that extraction does not hash 100 KB again; empty: not computed. Whoever sets it
  // REQUIRES that it is the hash of `content` as it is.
  std::string content_hash;
};

// A page or file that could not be read. `source` names it as RawPage::source would.
struct InputError {
  std::string source;
  Status status;
};

struct ReadOptions {
  // Budgets. A file over max_file_bytes (after decompression) is refused with kTooLarge; so is a
  // single page (record, line) over max_page_bytes.
  //
  // Memory is bounded by max_page_bytes: WARC and JSON Lines files are streamed (gzip member by
  // member, record by record) and only one page is held at a time. max_file_bytes bounds the work
  // done on one file (a gzip "bomb" stops there, with the pages decoded before it kept); its
  // default lets a Common Crawl WARC (about 1 GB compressed, 5 GB decompressed) through.
  size_t max_file_bytes = size_t{16} << 30;  // 16 GiB
  size_t max_page_bytes = size_t{64} << 20;  // 64 MiB
  // Walk directories recursively, skipping hidden entries (names starting with '.'). In a walked
  // directory only files with a page extension are read (.html .htm .xhtml .txt .warc .jsonl
  // .ndjson, each optionally .gz); a file named on the command line is always read, its format
  // sniffed from its content.
  bool recursive = true;
};

// Counters filled by read_inputs / read_buffer when asked for.
struct ReadStats {
  size_t files = 0;            // files (and stdin) opened
  size_t pages = 0;            // pages passed to on_page
  size_t errors = 0;           // failures passed to on_error
  size_t skipped_records = 0;  // WARC records that are not HTML pages (request, metadata, images)
  size_t skipped_files = 0;    // files in walked directories without a page extension
};

using PageCallback = std::function<void(RawPage&&)>;
using ErrorCallback = std::function<void(InputError&&)>;

// Reads every input ("-" is stdin) and calls on_page for each page, on_error for each failure, in
// input order. One bad file or record never stops the others. Returns a caller error only for
// problems with the call itself (an input path that does not exist is reported through on_error).
Status read_inputs(const std::vector<std::string>& inputs, const ReadOptions& options,
                   const PageCallback& on_page, const ErrorCallback& on_error);

// Reads one in-memory file whose name (for extension hints and error messages) is `name`. The
// format (HTML, text, WARC, JSON Lines, any of them gzip-compressed) is sniffed from the content,
// with the name's extension as a hint.
void read_buffer(std::string_view name, std::string_view bytes, const ReadOptions& options,
                 const PageCallback& on_page, const ErrorCallback& on_error);

// The same, adding to *stats (which may be null).
Status read_inputs(const std::vector<std::string>& inputs, const ReadOptions& options,
                   const PageCallback& on_page, const ErrorCallback& on_error, ReadStats* stats);
void read_buffer(std::string_view name, std::string_view bytes, const ReadOptions& options,
                 const PageCallback& on_page, const ErrorCallback& on_error, ReadStats* stats);

// Converts bytes to UTF-8. The charset comes from, in order: a BOM, `declared` (an HTTP header or
// container's value, may be empty), an HTML <meta charset> / http-equiv in the first 4 KiB when
// `is_html`, and otherwise detection. Invalid sequences become U+FFFD. Sets *used to the charset
// that was applied.
//
// As browsers do, the labels iso-8859-1, latin1 and us-ascii decode as windows-1252. Unlike
// browsers, a declared single-byte charset is overridden when the bytes are valid UTF-8 with at
// least one multi-byte sequence (a page saved as UTF-8 under a stale declaration), and a declared
// UTF-8 is overridden by detection when the bytes hold no valid multi-byte sequence but some
// invalid ones (a Latin-1 page under a wrong declaration). Mixed pages keep UTF-8 with U+FFFD, and
// so does an undeclared page that is mostly UTF-8 with a few damaged bytes (at least 3 valid
// multi-byte sequences, and at least a quarter as many as the invalid ones): re-decoding it as
// windows-1252 would turn every accented letter into mojibake to save a few bytes.
std::string to_utf8(std::string_view bytes, std::string_view declared, bool is_html,
                    std::string* used = nullptr);
// The same, taking the bytes over: when they are valid UTF-8 without NUL (most pages) the result
// is `bytes` itself (a BOM removed in place), with no copy; otherwise they are decoded as above.
// The output is identical to the string_view overload's.
std::string to_utf8(std::string&& bytes, std::string_view declared, bool is_html,
                    std::string* used = nullptr);

}  // namespace veille
