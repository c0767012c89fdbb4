#include "server/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace veille::server {

namespace fs = std::filesystem;

std::string content_type_for(const std::string& path) {
  auto ext = fs::path(path).extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".json" || ext == ".map") return "application/json; charset=utf-8";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

Result<std::shared_ptr<const StaticFiles>> StaticFiles::load(const std::string& root) {
  std::error_code ec;
  if (!fs::is_regular_file(fs::path(root) / "index.html", ec))
    return Status::NotFound(root + ": no index.html (build the web UI with scripts/build_web)");
  auto files = std::make_shared<StaticFiles>();
  size_t total = 0;
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::none, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->is_symlink(ec)) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (!in) return Status::Io(it->path().string() + ": cannot read");
    StaticFile f;
    f.content = ss.str();
    total += f.content.size();
    if (total > (64u << 20)) return Status::TooLarge(root + ": web root over 64 MiB");
    std::string rel = "/" + fs::relative(it->path(), root, ec).generic_string();
    f.content_type = content_type_for(rel);
    f.etag = "\"" + std::to_string(std::hash<std::string>{}(f.content)) + "\"";
    f.immutable = rel.rfind("/assets/", 0) == 0;
    files->files_.emplace(rel, std::move(f));
  }
  if (ec) return Status::Io(root + ": " + ec.message());
  return std::shared_ptr<const StaticFiles>(std::move(files));
}

const StaticFile* StaticFiles::find(const std::string& path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace veille::server
