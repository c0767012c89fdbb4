// A response cache for GET /api/*, shared by the workers. Store queries take milliseconds (search
// with facets, a story with its summary and timeline); a cached answer takes microseconds, which
// is what keeps latency flat when 200 clients ask at once. Entries are tagged with the database's
// state (size and modification time of the file and its WAL): any write, by this server's
// ingest or by a `veille ingest` running beside it, makes every older entry a miss.
#pragma once

#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace veille::server {

class ResponseCache {
 public:
  // capacity_bytes: total size of cached bodies; 0 disables the cache.
  ResponseCache(std::string db_path, size_t capacity_bytes);

  // The database's current state token (two stat calls).
  std::string db_state() const;
  // The cached body for key in state `state`, if any.
  std::optional<std::string> get(const std::string& key, const std::string& state);
  void put(const std::string& key, const std::string& state, const std::string& body);
  bool enabled() const { return capacity_ > 0; }

 private:
  struct Entry {
    std::string key, state, body;
  };
  struct Shard {
    std::mutex mu;
    std::list<Entry> lru;  // most recent first
    std::unordered_map<std::string, std::list<Entry>::iterator> index;
    size_t bytes = 0;
  };
  Shard& shard(const std::string& key);

  std::string db_path_, wal_path_;
  size_t capacity_;
  std::vector<Shard> shards_;
};

}  // namespace veille::server
