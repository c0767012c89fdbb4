// Input dispatch: stdin, files and directories; gzip by magic; the format sniffed from the first
// bytes with the extension as a hint; binary files refused with what they are.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>

#include "ingest/ingest_internal.h"

namespace veille {

namespace ingest {

namespace {

namespace fs = std::filesystem;

constexpr size_t kSniffBytes = 4096;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

// The extension of a file name, lower-cased, without the dot ("" if none).
std::string extension(std::string_view name) {
  size_t slash = name.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  size_t dot = base.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return lower(base.substr(dot + 1));
}

std::string_view strip_gz(std::string_view name) {
  if (extension(name) == "gz") name.remove_suffix(3);
  return name;
}

bool is_page_extension(std::string_view name) {
  std::string ext = extension(strip_gz(name));
  return ext == "html" || ext == "htm" || ext == "xhtml" || ext == "txt" || ext == "warc" ||
         ext == "jsonl" || ext == "ndjson";
}

// "utf-16le" / "utf-16be" for text that looks like UTF-16 without a BOM (NULs in every other
// byte), "" otherwise.
std::string utf16_without_bom(std::string_view head) {
  if (head.size() < 16) return {};
  size_t even = 0, odd = 0, n = head.size() & ~size_t{1};
  for (size_t i = 0; i < n; i += 2) {
    even += head[i] == 0;
    odd += head[i + 1] == 0;
  }
  size_t pairs = n / 2;
  if (odd * 10 >= pairs * 7 && even * 20 < pairs) return "utf-16le";
  if (even * 10 >= pairs * 7 && odd * 20 < pairs) return "utf-16be";
  return {};
}

InputFormat sniff_format(std::string_view name, std::string_view head) {
  if (head.starts_with("WARC/1.") || head.starts_with("WARC/0.")) return InputFormat::kWarc;
  std::string ext = extension(strip_gz(name));
  if (ext == "warc") return InputFormat::kWarc;
  if (ext == "jsonl" || ext == "ndjson") return InputFormat::kJsonl;
  if (ext == "html" || ext == "htm" || ext == "xhtml" || ext == "shtml") return InputFormat::kHtml;
  if (ext == "txt") return InputFormat::kText;
  std::string_view s = head;
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  size_t k = s.find_first_not_of(" \t\r\n");
  if (k == std::string_view::npos) return InputFormat::kText;
  if (s[k] == '{') return InputFormat::kJsonl;
  if (s[k] == '<' || looks_like_html(s)) return InputFormat::kHtml;
  return InputFormat::kText;
}

struct Magic {
  std::string_view bytes;
  size_t offset;
  const char* kind;
};

constexpr Magic kMagics[] = {
    {"%PDF-", 0, "PDF document"},
    {"\x89PNG\r\n\x1a\n", 0, "PNG image"},
    {"GIF87a", 0, "GIF image"},
    {"GIF89a", 0, "GIF image"},
    {"\xFF\xD8\xFF", 0, "JPEG image"},
    {"WEBP", 8, "WebP image"},
    {"PK\x03\x04", 0, "ZIP archive"},
    {"PK\x05\x06", 0, "ZIP archive"},
    {"\x7F" "ELF", 0, "ELF executable"},
    {"\x28\xB5\x2F\xFD", 0, "zstd-compressed data, not supported"},
    {"\xFD" "7zXZ", 0, "xz-compressed data, not supported"},
    {"BZh", 0, "bzip2-compressed data, not supported"},
    {"7z\xBC\xAF\x27\x1C", 0, "7-Zip archive"},
    {"Rar!\x1A\x07", 0, "RAR archive"},
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 0, "Microsoft Office document"},
    {"SQLite format 3", 0, "SQLite database"},
    {"OggS", 0, "Ogg media"},
    {"ID3", 0, "MP3 audio"},
    {"ftyp", 4, "MP4 media"},
    {"\x1A\x45\xDF\xA3", 0, "Matroska/WebM media"},
    {"wOFF", 0, "WOFF font"},
    {"wOF2", 0, "WOFF2 font"},
    {"%!PS", 0, "PostScript document"},
    {"II*\0", 0, "TIFF image"},
    {"MM\0*", 0, "TIFF image"},
};

}  // namespace

std::string binary_kind(std::string_view head) {
  for (const Magic& m : kMagics) {
    if (head.size() >= m.offset + m.bytes.size() && head.substr(m.offset, m.bytes.size()) == m.bytes) {
      // "BZh" and "ID3" are also plausible starts of text: require a binary byte nearby.
      if ((m.bytes == "BZh" || m.bytes == "ID3") &&
          std::none_of(head.begin(), head.begin() + std::min<size_t>(head.size(), 64),
                       [](char c) { return c == 0 || static_cast<unsigned char>(c) >= 0x80; }))
        continue;
      return m.kind;
    }
  }
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) return {};
  if (head.find('\0') != std::string_view::npos && utf16_without_bom(head).empty())
    return "NUL bytes";
  return {};
}

void Callbacks::page(RawPage&& p) const {
  if (stats) ++stats->pages;
  on_page(std::move(p));
}

void Callbacks::error(std::string source, Status st) const {
  if (stats) ++stats->errors;
  on_error(InputError{std::move(source), std::move(st)});
}

void Callbacks::skipped_record() const {
  if (stats) ++stats->skipped_records;
}

namespace {

// Reads one file or stream. `size` is the file size when known (regular files, buffers).
void read_stream(const std::string& name, ByteSource& raw, std::optional<uint64_t> size,
                 const ReadOptions& options, const Callbacks& cb) {
  if (cb.stats) ++cb.stats->files;
  if (size && *size == 0) {
    cb.error(name, Status::Corrupt("empty file"));
    return;
  }
  if (size && *size > options.max_file_bytes) {
    cb.error(name, Status::TooLarge("file of " + std::to_string(*size) + " bytes is over the " +
                                    format_bytes(options.max_file_bytes) + " budget (max_file_bytes)"));
    return;
  }
  Reader outer(raw, options.max_file_bytes, "max_file_bytes");
  std::string_view head = outer.peek(kSniffBytes);
  if (head.empty()) {
    cb.error(name, outer.status().ok() ? Status::Corrupt("empty file") : outer.status());
    return;
  }
  std::unique_ptr<GzipSource> gzip;
  std::unique_ptr<Reader> inner;
  Reader* in = &outer;
  bool compressed = is_gzip_magic(head);
  if (compressed) {
    gzip = std::make_unique<GzipSource>(outer, options.max_file_bytes, "max_file_bytes");
    inner = std::make_unique<Reader>(*gzip, options.max_file_bytes, "max_file_bytes");
    in = inner.get();
    head = in->peek(kSniffBytes);
    if (head.empty()) {
      cb.error(name, in->status().ok() ? Status::Corrupt("empty after gzip decompression")
                                       : in->status());
      return;
    }
  }
  bool warc_magic = head.starts_with("WARC/");
  std::string kind = warc_magic ? std::string() : binary_kind(head);
  if (!kind.empty()) {
    cb.error(name, Status::Unsupported(std::string(compressed ? "binary content in gzip file (" : "binary file (") +
                                       kind + ")"));
    return;
  }
  std::string_view inner_name = strip_gz(name);
  switch (sniff_format(inner_name, head)) {
    case InputFormat::kWarc:
      read_warc(name, *in, options, cb);
      return;
    case InputFormat::kJsonl:
      read_jsonl(name, *in, options, cb);
      return;
    case InputFormat::kHtml:
    case InputFormat::kText:
      break;
  }
  // A single page.
  bool is_html = sniff_format(inner_name, head) == InputFormat::kHtml;
  std::string declared = utf16_without_bom(head);
  if (!compressed && size && *size > options.max_page_bytes) {
    cb.error(name, Status::TooLarge("page of " + std::to_string(*size) + " bytes is over the " +
                                    format_bytes(options.max_page_bytes) + " budget (max_page_bytes)"));
    return;
  }
  std::string bytes;
  size_t cap = options.max_page_bytes;
  in->read_exact(cap == SIZE_MAX ? cap : cap + 1, &bytes);
  if (bytes.size() > cap) {
    cb.error(name, Status::TooLarge(std::string(compressed ? "decompressed page" : "page") +
                                    " is over the " + format_bytes(cap) +
                                    " budget (max_page_bytes)"));
    return;
  }
  if (!in->status().ok()) {
    // A truncated .html.gz: the page is incomplete, report it rather than extract half of it.
    cb.error(name, in->status());
    return;
  }
  RawPage page;
  page.source = name;
  page.format = is_html ? PageFormat::kHtml : PageFormat::kText;
  // Moved in: a valid UTF-8 page becomes the content without a copy. Its capacity may be up to
  // twice its size (read_exact grows geometrically), which costs less than a copy.
  page.content = to_utf8(std::move(bytes), declared, is_html, &page.charset);
  cb.page(std::move(page));
}

Status errno_status(const std::string& what, int err) {
  if (err == ENOENT || err == ENOTDIR) return Status::NotFound("no such file or directory");
  if (err == EACCES || err == EPERM) return Status::Io("permission denied: cannot read " + what);
  return Status::Io("cannot read " + what + ": " + std::strerror(err));
}

void read_path(const std::string& path, const ReadOptions& options, const Callbacks& cb) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    cb.error(path, errno_status(path, errno));
    return;
  }
  struct stat st {};
  std::optional<uint64_t> size;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) size = static_cast<uint64_t>(st.st_size);
  FdSource src(fd, /*owned=*/true, path);
  read_stream(path, src, size, options, cb);
}

void walk(const fs::path& dir, const ReadOptions& options, const Callbacks& cb,
          std::set<std::string>& visited) {
  std::error_code ec;
  fs::path canonical = fs::canonical(dir, ec);
  if (!ec && !visited.insert(canonical.string()).second) return;  // a symlink loop
  std::vector<fs::path> entries;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    cb.error(dir.string(), errno_status("directory " + dir.string(), ec.value()));
    return;
  }
  for (fs::directory_iterator end; it != end; it.increment(ec)) {
    if (ec) break;
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    entries.push_back(it->path());
  }
  if (ec) cb.error(dir.string(), errno_status("directory " + dir.string(), ec.value()));
  std::sort(entries.begin(), entries.end());
  for (const fs::path& p : entries) {
    std::error_code sec;
    fs::file_status st = fs::status(p, sec);  // follows symlinks
    if (sec) {
      // A dangling symlink or an unreadable entry.
      if (is_page_extension(p.string())) cb.error(p.string(), errno_status(p.string(), sec.value()));
      continue;
    }
    if (fs::is_directory(st)) {
      if (options.recursive) walk(p, options, cb, visited);
    } else if (fs::is_regular_file(st) && is_page_extension(p.string())) {
      read_path(p.string(), options, cb);
    } else if (cb.stats) {
      ++cb.stats->skipped_files;
    }
  }
}

}  // namespace

}  // namespace ingest

void read_buffer(std::string_view name, std::string_view bytes, const ReadOptions& options,
                 const PageCallback& on_page, const ErrorCallback& on_error, ReadStats* stats) {
  ingest::Callbacks cb{on_page, on_error, stats};
  ingest::MemorySource src(bytes);
  ingest::read_stream(std::string(name), src, bytes.size(), options, cb);
}

void read_buffer(std::string_view name, std::string_view bytes, const ReadOptions& options,
                 const PageCallback& on_page, const ErrorCallback& on_error) {
  read_buffer(name, bytes, options, on_page, on_error, nullptr);
}

Status read_inputs(const std::vector<std::string>& inputs, const ReadOptions& options,
                   const PageCallback& on_page, const ErrorCallback& on_error, ReadStats* stats) {
  namespace fs = std::filesystem;
  if (inputs.empty()) return Status::InvalidArgument("no input given");
  if (options.max_page_bytes == 0 || options.max_file_bytes == 0)
    return Status::InvalidArgument("max_page_bytes and max_file_bytes must be positive");
  ingest::Callbacks cb{on_page, on_error, stats};
  for (const std::string& in : inputs) {
    if (in == "-") {
      ingest::FdSource src(STDIN_FILENO, /*owned=*/false, "standard input");
      ingest::read_stream("-", src, std::nullopt, options, cb);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(in, ec);
    if (ec || !fs::exists(st)) {
      cb.error(in, ec && ec.value() != ENOENT && ec.value() != ENOTDIR
                       ? ingest::errno_status(in, ec.value())
                       : Status::NotFound("no such file or directory"));
      continue;
    }
    if (fs::is_directory(st)) {
      std::set<std::string> visited;
      ingest::walk(in, options, cb, visited);
    } else {
      ingest::read_path(in, options, cb);
    }
  }
  return Status::Ok();
}

Status read_inputs(const std::vector<std::string>& inputs, const ReadOptions& options,
                   const PageCallback& on_page, const ErrorCallback& on_error) {
  return read_inputs(inputs, options, on_page, on_error, nullptr);
}

}  // namespace veille
