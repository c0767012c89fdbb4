// Per-client token buckets: a client may burst up to `burst` requests, then `rate` per second.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace veille::server {

class RateLimiter {
 public:
  RateLimiter(double rate_per_second, double burst) : rate_(rate_per_second), burst_(burst) {}
  // True when the client may make one more request now; false: answer 429.
  bool allow(const std::string& client, std::chrono::steady_clock::time_point now);
  // Seconds until the next token, for Retry-After.
  int retry_after_seconds() const;

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point last;
  };
  double rate_, burst_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
  std::chrono::steady_clock::time_point last_prune_{};
};

}  // namespace veille::server
