// gzip decompression with zlib: streaming, multi-member (Common Crawl writes one member per WARC
// record), with a budget on the decompressed size.
#include <zlib.h>

#include <algorithm>
#include <cstring>

#include "ingest/ingest_internal.h"

namespace veille::ingest {

struct GzipSource::State {
  z_stream zs{};
  bool initialised = false;
  bool in_member = false;  // inside a member (header seen, end not reached)
  char in_buf[64 * 1024];
  uint64_t fed = 0;  // compressed bytes handed to zlib so far
  bool in_eof = false;
};

GzipSource::GzipSource(ByteSource& compressed, uint64_t budget, std::string budget_name)
    : s_(std::make_unique<State>()), in_(compressed), budget_(budget),
      budget_name_(std::move(budget_name)) {
  // 16 + MAX_WBITS: gzip wrapper only.
  if (inflateInit2(&s_->zs, 16 + MAX_WBITS) != Z_OK) {
    status_ = Status::Internal("zlib inflateInit2 failed");
    done_ = true;
  } else {
    s_->initialised = true;
  }
}

GzipSource::~GzipSource() {
  if (s_->initialised) inflateEnd(&s_->zs);
}

uint64_t GzipSource::compressed_offset() const { return s_->fed - s_->zs.avail_in; }

size_t GzipSource::read(char* buf, size_t n) {
  if (done_ || n == 0) return 0;
  z_stream& zs = s_->zs;
  uint64_t room = budget_ - produced_;
  if (room == 0) {
    // One more byte would be over the budget: look whether the stream really goes on.
    char probe;
    size_t saved = produced_;
    budget_ += 1;
    size_t k = read(&probe, 1);
    budget_ -= 1;
    produced_ = saved;
    done_ = true;
    if (k > 0)
      status_ = Status::TooLarge("decompressed data over the " + format_bytes(budget_) +
                                 " budget (" + budget_name_ + "), at compressed byte " +
                                 std::to_string(compressed_offset()));
    return 0;
  }
  size_t want = static_cast<size_t>(std::min<uint64_t>(n, room));
  zs.next_out = reinterpret_cast<Bytef*>(buf);
  zs.avail_out = static_cast<uInt>(std::min<size_t>(want, 1u << 30));
  const size_t out_cap = zs.avail_out;
  while (zs.avail_out == out_cap) {  // until some output, the end, or an error
    if (zs.avail_in == 0 && !s_->in_eof) {
      size_t k = in_.read(s_->in_buf, sizeof s_->in_buf);
      if (k == 0) {
        s_->in_eof = true;
        if (!in_.status().ok()) {
          status_ = in_.status();
          done_ = true;
          break;
        }
      }
      s_->fed += k;
      zs.next_in = reinterpret_cast<Bytef*>(s_->in_buf);
      zs.avail_in = static_cast<uInt>(k);
    }
    if (zs.avail_in == 0 && s_->in_eof) {
      if (s_->in_member || members_ == 0) {
        status_ = members_ == 0 && !s_->in_member && s_->fed == 0
                      ? Status::Corrupt("empty gzip stream")
                      : Status::Corrupt("truncated gzip stream: it ends inside member " +
                                        std::to_string(members_ + 1) + " at compressed byte " +
                                        std::to_string(s_->fed) + ", after " +
                                        std::to_string(produced_) + " decompressed bytes");
      }
      done_ = true;
      break;
    }
    if (!s_->in_member) {
      // Between members: only another member may follow (zero padding is tolerated).
      if (members_ > 0) {
        while (zs.avail_in > 0 && *zs.next_in == 0) {
          ++zs.next_in;
          --zs.avail_in;
        }
        if (zs.avail_in == 0) continue;
        if (*zs.next_in != 0x1f) {
          status_ = Status::Corrupt("unexpected bytes after gzip member " +
                                    std::to_string(members_) + " at compressed byte " +
                                    std::to_string(compressed_offset()));
          done_ = true;
          break;
        }
      }
      s_->in_member = true;
    }
    int rc = inflate(&zs, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      ++members_;
      s_->in_member = false;
      inflateReset(&zs);
    } else if (rc == Z_BUF_ERROR) {
      // No progress possible: needs more input (handled above) — loop.
      if (zs.avail_in != 0) {
        status_ = Status::Corrupt("gzip stream makes no progress at compressed byte " +
                                  std::to_string(compressed_offset()));
        done_ = true;
        break;
      }
    } else if (rc != Z_OK) {
      status_ = Status::Corrupt(std::string("invalid gzip data at compressed byte ") +
                                std::to_string(compressed_offset()) + " (member " +
                                std::to_string(members_ + 1) + "): " +
                                (zs.msg ? zs.msg : "zlib error " + std::to_string(rc)));
      done_ = true;
      break;
    }
  }
  size_t got = out_cap - zs.avail_out;
  produced_ += got;
  return got;
}

Status inflate_buffer(std::string_view in, bool zlib_or_raw, uint64_t budget, std::string* out) {
  z_stream zs{};
  // 32 + MAX_WBITS: zlib or gzip, auto-detected; -MAX_WBITS: raw deflate (some servers send
  // raw deflate as "Content-Encoding: deflate").
  bool raw = false;
  if (zlib_or_raw && !in.empty()) {
    unsigned char b0 = static_cast<unsigned char>(in[0]);
    raw = !((b0 & 0x0f) == 8 && in.size() >= 2 &&
            ((b0 << 8) | static_cast<unsigned char>(in[1])) % 31 == 0) &&
          !is_gzip_magic(in);
  }
  int bits = raw ? -MAX_WBITS : 32 + MAX_WBITS;
  if (inflateInit2(&zs, bits) != Z_OK) return Status::Internal("zlib inflateInit2 failed");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), 0xffffffffu));
  Status st;
  char chunk[64 * 1024];
  for (;;) {
    zs.next_out = reinterpret_cast<Bytef*>(chunk);
    zs.avail_out = sizeof chunk;
    int rc = inflate(&zs, Z_NO_FLUSH);
    size_t got = sizeof chunk - zs.avail_out;
    if (out->size() + got > budget) {
      st = Status::TooLarge("decompressed payload over the " + format_bytes(budget) + " budget");
      break;
    }
    out->append(chunk, got);
    if (rc == Z_STREAM_END) {
      // Another gzip member may follow.
      if (zs.avail_in > 0 && !raw && zs.avail_in >= 2 && zs.next_in[0] == 0x1f &&
          zs.next_in[1] == 0x8b) {
        inflateReset(&zs);
        continue;
      }
      break;
    }
    if (rc == Z_BUF_ERROR || (rc == Z_OK && zs.avail_in == 0 && got == 0)) {
      st = Status::Corrupt("truncated compressed payload after " + std::to_string(out->size()) +
                           " decompressed bytes");
      break;
    }
    if (rc != Z_OK) {
      st = Status::Corrupt(std::string("invalid compressed payload: ") +
                           (zs.msg ? zs.msg : "zlib error"));
      break;
    }
  }
  inflateEnd(&zs);
  return st;
}

}  // namespace veille::ingest
