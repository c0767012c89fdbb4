#include "server/cache.h"

#include <sys/stat.h>

#include <functional>

namespace veille::server {

namespace {
constexpr size_t kShards = 16;
constexpr size_t kMaxEntryBytes = 1 << 20;

std::string stat_token(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return "-";
  return std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec) + ":" + std::to_string(st.st_ino);
}
}  // namespace

ResponseCache::ResponseCache(std::string db_path, size_t capacity_bytes)
    : db_path_(std::move(db_path)), wal_path_(db_path_ + "-wal"), capacity_(capacity_bytes), shards_(kShards) {}

std::string ResponseCache::db_state() const { return stat_token(db_path_) + "|" + stat_token(wal_path_); }

ResponseCache::Shard& ResponseCache::shard(const std::string& key) {
  return shards_[std::hash<std::string>{}(key) % kShards];
}

std::optional<std::string> ResponseCache::get(const std::string& key, const std::string& state) {
  if (!enabled()) return std::nullopt;
  Shard& s = shard(key);
  std::lock_guard lock(s.mu);
  auto it = s.index.find(key);
  if (it == s.index.end()) return std::nullopt;
  if (it->second->state != state) {  // stale: the database changed since
    s.bytes -= it->second->body.size();
    s.lru.erase(it->second);
    s.index.erase(it);
    return std::nullopt;
  }
  s.lru.splice(s.lru.begin(), s.lru, it->second);
  return it->second->body;
}

void ResponseCache::put(const std::string& key, const std::string& state, const std::string& body) {
  if (!enabled() || body.size() > kMaxEntryBytes) return;
  Shard& s = shard(key);
  std::lock_guard lock(s.mu);
  if (auto it = s.index.find(key); it != s.index.end()) {
    s.bytes -= it->second->body.size();
    s.lru.erase(it->second);
    s.index.erase(it);
  }
  s.lru.push_front(Entry{key, state, body});
  s.index[key] = s.lru.begin();
  s.bytes += body.size();
  const size_t limit = capacity_ / kShards;
  while (s.bytes > limit && !s.lru.empty()) {
    s.bytes -= s.lru.back().body.size();
    s.index.erase(s.lru.back().key);
    s.lru.pop_back();
  }
}

}  // namespace veille::server
