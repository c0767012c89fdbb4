#include "server/rate_limit.h"

#include <cmath>

namespace veille::server {

bool RateLimiter::allow(const std::string& client, std::chrono::steady_clock::time_point now) {
  if (rate_ <= 0) return true;
  std::lock_guard lock(mu_);
  // Forget clients whose bucket has refilled, so that the table stays as small as the set of
  // currently active clients.
  if (now - last_prune_ > std::chrono::seconds(60)) {
    for (auto it = buckets_.begin(); it != buckets_.end();) {
      double elapsed = std::chrono::duration<double>(now - it->second.last).count();
      if (it->second.tokens + elapsed * rate_ >= burst_) it = buckets_.erase(it);
      else ++it;
    }
    last_prune_ = now;
  }
  auto [it, inserted] = buckets_.try_emplace(client, Bucket{burst_, now});
  Bucket& b = it->second;
  if (!inserted) {
    double elapsed = std::chrono::duration<double>(now - b.last).count();
    b.tokens = std::min(burst_, b.tokens + elapsed * rate_);
    b.last = now;
  }
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  return true;
}

int RateLimiter::retry_after_seconds() const {
  return rate_ <= 0 ? 0 : std::max(1, static_cast<int>(std::ceil(1.0 / rate_)));
}

}  // namespace veille::server
