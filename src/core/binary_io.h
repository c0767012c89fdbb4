// Byte-level writer and reader for veille's model files (host byte order: a model is read by
// the build that trained it, or one on the same kind of machine), and the checked read of a
// whole model file. Shared by the NER and sentence models so that a truncated or wrong file
// gets the same kind of message from each.
#pragma once

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "veille/status.h"

namespace veille::binio {

class Writer {
 public:
  void bytes(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  template <typename T>
  void pod(T v) { bytes(&v, sizeof v); }
  // A string as its 32-bit length followed by its bytes.
  void str(std::string_view s) {
    pod<uint32_t>(static_cast<uint32_t>(s.size()));
    bytes(s.data(), s.size());
  }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

// Sequential reader that records the first failure: what it was reading when the bytes ran out,
// so that the caller's message can say where a file is truncated.
class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  std::string_view take(size_t n, const char* what) {
    if (failed_ || n > b_.size() - pos_) {
      fail(what);
      return {};
    }
    std::string_view v = b_.substr(pos_, n);
    pos_ += n;
    return v;
  }
  bool bytes(void* p, size_t n, const char* what) {
    std::string_view v = take(n, what);
    if (failed_) return false;
    std::memcpy(p, v.data(), n);
    return true;
  }
  template <typename T>
  bool pod(T* v, const char* what) { return bytes(v, sizeof *v, what); }
  // A string written by Writer::str, refused when longer than max_len.
  bool str(std::string* s, const char* what, size_t max_len) {
    uint32_t n = 0;
    if (!pod(&n, what)) return false;
    if (n > max_len) return fail(what);
    std::string_view v = take(n, what);
    if (failed_) return false;
    s->assign(v);
    return true;
  }
  bool fail(const char* what) {
    if (!failed_) what_ = what;
    failed_ = true;
    return false;
  }
  bool failed() const { return failed_; }
  const char* what() const { return what_; }
  size_t pos() const { return pos_; }

 private:
  std::string_view b_;
  size_t pos_ = 0;
  bool failed_ = false;
  const char* what_ = "";
};

// The whole of a model file, or an error naming the file and the reason; `kind` names the
// model in messages ("NER model", "sentence model").
inline Result<std::string> read_model_file(const std::string& path, std::string_view kind) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Status::NotFound(path + ": no such " + std::string(kind) + " file");
  if (std::filesystem::is_directory(path, ec))
    return Status::InvalidArgument(path + ": is a directory, not a " + std::string(kind) + " file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io(path + ": cannot open: " + std::strerror(errno));
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::Io(path + ": read error");
  return buf.str();
}

}  // namespace veille::binio
