// The built web UI, read once into memory at start (a few hundred kB): serving it costs no disk
// access and no path handling beyond an exact lookup, so no request can reach outside the root.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "veille/status.h"

namespace veille::server {

struct StaticFile {
  std::string content;
  std::string content_type;
  std::string etag;
  bool immutable = false;  // hashed asset names (assets/*): cached for a year
};

class StaticFiles {
 public:
  // Reads every regular file under root (symlinks are not followed; at most 64 MiB in all).
  // kNotFound when root has no index.html.
  static Result<std::shared_ptr<const StaticFiles>> load(const std::string& root);
  // path as requested ("/assets/index-1a2b.js"); nullptr when absent.
  const StaticFile* find(const std::string& path) const;
  const StaticFile* index() const { return find("/index.html"); }
  size_t size() const { return files_.size(); }

 private:
  std::unordered_map<std::string, StaticFile> files_;
};

std::string content_type_for(const std::string& path);

}  // namespace veille::server
