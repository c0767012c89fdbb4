// Private pieces of the ingest stage, shared by its files and by tests/ingest_test.cpp.
//
// Everything reads through ByteSource, a pull stream, so that a multi-gigabyte WARC(.gz) is read
// record by record (gzip member by member) and only one record is held in memory at a time.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "veille/ingest.h"
#include "veille/status.h"

namespace veille::ingest {

// A pull stream of bytes. Not thread-safe.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes into buf and returns how many were read; 0 means end of stream or
  // failure, which status() tells apart. May return fewer than n before the end.
  virtual size_t read(char* buf, size_t n) = 0;
  // Ok at a clean end; the reason otherwise (I/O error, corrupt gzip, over budget).
  virtual const Status& status() const = 0;
};

// Bytes already in memory. The view must outlive the source.
class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  size_t read(char* buf, size_t n) override;
  const Status& status() const override { return status_; }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
  Status status_;
};

// A file descriptor (a regular file, a pipe, stdin). Owns the descriptor only if told to.
class FdSource final : public ByteSource {
 public:
  FdSource(int fd, bool owned, std::string name) : fd_(fd), owned_(owned), name_(std::move(name)) {}
  ~FdSource() override;
  FdSource(const FdSource&) = delete;
  FdSource& operator=(const FdSource&) = delete;
  size_t read(char* buf, size_t n) override;
  const Status& status() const override { return status_; }

 private:
  int fd_;
  bool owned_;
  std::string name_;
  Status status_;
};

// Buffered reading over a source, with look-ahead, lines and exact-length reads. Counts the bytes
// consumed (offset()) and refuses to deliver more than `budget` bytes: past it, status() is
// kTooLarge naming `budget_name`. Is itself a ByteSource so that a GzipSource can sit on top of a
// Reader that was used to sniff the first bytes.
class Reader final : public ByteSource {
 public:
  Reader(ByteSource& in, uint64_t budget, std::string budget_name);
  size_t read(char* buf, size_t n) override;
  const Status& status() const override;

  // The next up-to-n bytes, without consuming them (fewer only at the end of the stream).
  std::string_view peek(size_t n);
  // Reads through the next '\n' (excluded from *line, as is a trailing '\r'). A line longer than
  // max_len is consumed to its end but only its first max_len bytes are kept, and *too_long is
  // set. Returns false when the stream ended before any byte.
  bool read_line(std::string* line, size_t max_len, bool* too_long);
  // Appends up to n bytes to *out; returns how many (fewer only at the end of the stream).
  size_t read_exact(size_t n, std::string* out);
  // Discards up to n bytes; returns how many.
  uint64_t skip(uint64_t n);
  // Bytes consumed so far.
  uint64_t offset() const { return offset_; }
  bool at_end();

 private:
  bool fill(size_t want);  // makes at least `want` bytes available if the stream has them

  ByteSource& in_;
  uint64_t budget_;
  std::string budget_name_;
  std::string buf_;
  size_t pos_ = 0;
  uint64_t offset_ = 0;      // bytes consumed by the caller
  uint64_t delivered_ = 0;   // bytes pulled from in_
  bool eof_ = false;
  Status over_budget_;
};

// Decompresses gzip, including several members one after another (as Common Crawl writes one
// member per record). Reports kCorrupt with the compressed offset for bad or truncated data, and
// kTooLarge once more than `budget` bytes would be produced (a decompression bomb), after having
// delivered all the bytes it could decode.
class GzipSource final : public ByteSource {
 public:
  GzipSource(ByteSource& compressed, uint64_t budget, std::string budget_name);
  ~GzipSource() override;
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;
  size_t read(char* buf, size_t n) override;
  const Status& status() const override { return status_; }
  uint64_t compressed_offset() const;
  uint64_t members() const { return members_; }

 private:
  struct State;
  std::unique_ptr<State> s_;
  ByteSource& in_;
  uint64_t budget_;
  std::string budget_name_;
  uint64_t produced_ = 0;
  uint64_t members_ = 0;
  Status status_;
  bool done_ = false;
};

inline bool is_gzip_magic(std::string_view head) {
  return head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
         static_cast<unsigned char>(head[1]) == 0x8b;
}

// Decompresses a whole gzip (or, if `zlib_or_raw`, a zlib or raw deflate) buffer. Used for HTTP
// Content-Encoding inside WARC records. On failure returns the status and leaves in *out what was
// decoded.
Status inflate_buffer(std::string_view in, bool zlib_or_raw, uint64_t budget, std::string* out);

// --- charset ---

// The WHATWG-style canonical name for a charset label ("latin1" -> "windows-1252", "UTF8" ->
// "utf-8"), or "" when the label is unknown.
std::string canonical_charset(std::string_view label);
// The charset declared by <meta charset>, <meta http-equiv=Content-Type> or an XML declaration in
// the first 4 KiB of an HTML page; "" if none.
std::string sniff_html_charset(std::string_view html);
// The charset parameter of a Content-Type value ("text/html; charset=ISO-8859-1"); "" if none.
std::string charset_from_content_type(std::string_view content_type);
// True if the bytes are valid UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view bytes);
// Appends bytes to *out with every invalid UTF-8 sequence replaced by U+FFFD (one per maximal
// subpart, as the WHATWG decoder does) and NUL replaced by U+FFFD.
void append_sanitized_utf8(std::string_view bytes, std::string* out);

// --- formats ---

// What a file holds, decided from its first bytes and its name.
enum class InputFormat { kHtml, kText, kWarc, kJsonl };

// If the first bytes are a known binary format (or contain NUL bytes without being UTF-16),
// its name ("PNG image", "PDF document", "NUL bytes"); otherwise "".
std::string binary_kind(std::string_view head);

struct Callbacks {
  const PageCallback& on_page;
  const ErrorCallback& on_error;
  ReadStats* stats;  // may be null
  void page(RawPage&& p) const;
  void error(std::string source, Status st) const;
  void skipped_record() const;
};

// Readers for container formats: they pull records from `in` until its end. `name` is the source
// prefix ("path" -> "path#N").
void read_warc(std::string_view name, Reader& in, const ReadOptions& options, const Callbacks& cb);
void read_jsonl(std::string_view name, Reader& in, const ReadOptions& options, const Callbacks& cb);

// Splits an HTTP response (status line, headers, body) out of a WARC response block and turns it
// into a page if its payload is HTML. Exposed for tests.
struct HttpPayload {
  int status = 0;  // 0 when the block is not an HTTP message
  std::string content_type;  // lower-cased media type without parameters
  std::string charset;       // from the Content-Type header, as written
  std::string body;          // de-chunked and decompressed
};
Status parse_http_response(std::string_view block, uint64_t budget, HttpPayload* out);
// The same, taking the block over: an identity-coded body reuses its buffer (the headers are
// removed in place) instead of being copied. *out is the same as parse_http_response's.
Status take_http_response(std::string&& block, uint64_t budget, HttpPayload* out);
bool looks_like_html(std::string_view body);

std::string format_bytes(uint64_t n);

}  // namespace veille::ingest
