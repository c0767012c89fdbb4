// Byte sources and the buffered Reader every ingest format reads through.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "ingest/ingest_internal.h"

namespace veille::ingest {

std::string format_bytes(uint64_t n) {
  if (n >= (uint64_t{1} << 30) && n % (uint64_t{1} << 30) == 0)
    return std::to_string(n >> 30) + " GiB";
  if (n >= (uint64_t{1} << 20) && n % (uint64_t{1} << 20) == 0)
    return std::to_string(n >> 20) + " MiB";
  return std::to_string(n) + " bytes";
}

size_t MemorySource::read(char* buf, size_t n) {
  size_t k = std::min(n, bytes_.size() - pos_);
  if (k) std::memcpy(buf, bytes_.data() + pos_, k);
  pos_ += k;
  return k;
}

FdSource::~FdSource() {
  if (owned_ && fd_ >= 0) ::close(fd_);
}

size_t FdSource::read(char* buf, size_t n) {
  if (!status_.ok() || fd_ < 0) return 0;
  for (;;) {
    ssize_t k = ::read(fd_, buf, n);
    if (k >= 0) return static_cast<size_t>(k);
    if (errno == EINTR) continue;
    status_ = Status::Io("cannot read " + name_ + ": " + std::strerror(errno));
    return 0;
  }
}

Reader::Reader(ByteSource& in, uint64_t budget, std::string budget_name)
    : in_(in), budget_(budget), budget_name_(std::move(budget_name)) {}

const Status& Reader::status() const {
  if (!over_budget_.ok()) return over_budget_;
  return in_.status();
}

bool Reader::fill(size_t want) {
  if (buf_.size() - pos_ >= want) return true;
  if (eof_) return false;
  if (pos_ > 0 && (pos_ >= buf_.size() / 2 || buf_.size() + want > buf_.capacity())) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  while (buf_.size() - pos_ < want && !eof_) {
    size_t chunk = std::max<size_t>(want - (buf_.size() - pos_), 64 * 1024);
    if (delivered_ + chunk > budget_ + 1) chunk = static_cast<size_t>(budget_ + 1 - delivered_);
    if (chunk == 0) {
      eof_ = true;
      over_budget_ = Status::TooLarge("over the " + format_bytes(budget_) + " budget (" +
                                      budget_name_ + ")");
      break;
    }
    size_t old = buf_.size();
    buf_.resize(old + chunk);
    size_t k = in_.read(buf_.data() + old, chunk);
    buf_.resize(old + k);
    delivered_ += k;
    if (k == 0) eof_ = true;
    if (delivered_ > budget_) {
      // Keep what fits in the budget; what comes after it is never delivered.
      buf_.resize(buf_.size() - static_cast<size_t>(delivered_ - budget_));
      delivered_ = budget_;
      eof_ = true;
      over_budget_ = Status::TooLarge("over the " + format_bytes(budget_) + " budget (" +
                                      budget_name_ + ")");
    }
  }
  return buf_.size() - pos_ >= want;
}

std::string_view Reader::peek(size_t n) {
  fill(n);
  return std::string_view(buf_).substr(pos_, std::min(n, buf_.size() - pos_));
}

bool Reader::at_end() { return !fill(1); }

size_t Reader::read(char* buf, size_t n) {
  if (buf_.size() == pos_) {
    // Large reads bypass the buffer.
    if (n >= 64 * 1024 && !eof_ && over_budget_.ok()) {
      uint64_t room = budget_ + 1 - delivered_;
      size_t want = static_cast<size_t>(std::min<uint64_t>(n, room));
      size_t k = want ? in_.read(buf, want) : 0;
      delivered_ += k;
      if (want == 0 || k == 0) {
        if (want == 0)
          over_budget_ = Status::TooLarge("over the " + format_bytes(budget_) + " budget (" +
                                          budget_name_ + ")");
        eof_ = true;
      }
      if (delivered_ > budget_) {
        k -= static_cast<size_t>(delivered_ - budget_);
        delivered_ = budget_;
        eof_ = true;
        over_budget_ = Status::TooLarge("over the " + format_bytes(budget_) + " budget (" +
                                        budget_name_ + ")");
      }
      offset_ += k;
      return k;
    }
    if (!fill(1)) return 0;
  }
  size_t k = std::min(n, buf_.size() - pos_);
  std::memcpy(buf, buf_.data() + pos_, k);
  pos_ += k;
  offset_ += k;
  return k;
}

bool Reader::read_line(std::string* line, size_t max_len, bool* too_long) {
  line->clear();
  *too_long = false;
  bool any = false;
  uint64_t length = 0;  // of the whole line, without its '\n'
  for (;;) {
    if (pos_ == buf_.size() && !fill(1)) break;
    any = true;
    const char* start = buf_.data() + pos_;
    size_t avail = buf_.size() - pos_;
    const void* nl = std::memchr(start, '\n', avail);
    size_t take = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : avail;
    if (line->size() < max_len) line->append(start, std::min(take, max_len - line->size()));
    length += take;
    size_t consumed = take + (nl ? 1 : 0);
    pos_ += consumed;
    offset_ += consumed;
    if (nl) break;
  }
  if (length > max_len) {
    *too_long = true;
  } else if (!line->empty() && line->back() == '\r') {
    line->pop_back();
  }
  return any;
}

size_t Reader::read_exact(size_t n, std::string* out) {
  size_t got = 0;
  while (got < n) {
    if (pos_ == buf_.size()) {
      // Read straight into *out, growing it geometrically: n is often a budget (64 MiB) far
      // larger than what the stream holds, and zero-filling it whole cost 0.2 s per small file.
      size_t old = out->size();
      size_t want = std::min(n - got, std::max<size_t>(size_t{64} << 10, old));
      out->resize(old + want);
      size_t k = read(out->data() + old, want);
      out->resize(old + k);
      if (k == 0) break;
      got += k;
      continue;
    }
    size_t k = std::min(n - got, buf_.size() - pos_);
    out->append(buf_.data() + pos_, k);
    pos_ += k;
    offset_ += k;
    got += k;
  }
  return got;
}

uint64_t Reader::skip(uint64_t n) {
  uint64_t done = 0;
  char scratch[64 * 1024];
  while (done < n) {
    if (pos_ < buf_.size()) {
      size_t k = static_cast<size_t>(std::min<uint64_t>(n - done, buf_.size() - pos_));
      pos_ += k;
      offset_ += k;
      done += k;
      continue;
    }
    size_t k = read(scratch, static_cast<size_t>(std::min<uint64_t>(n - done, sizeof scratch)));
    if (k == 0) break;
    done += k;
  }
  return done;
}

}  // namespace veille::ingest
