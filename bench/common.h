// Helpers shared by the benchmark programs: finding the read-only data beside the checkout and
// reading (gzipped) files into memory. Header-only: each bench is one translation unit.
#pragma once

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace veille::bench {

// A data set under the shared data root (/work/shared, seen as ../shared from the checkout), e.g.
// relative = "data/extraction/wcxb/dev": with `data_arg`, DIR/relative (relative may be ""); without,
// <source tree>/../shared, else ../shared, ../../shared and ../../../shared from the working
// directory. Returns the data set's directory, or nullopt.
inline std::optional<std::filesystem::path> find_shared(const std::string& data_arg,
                                                        std::string_view relative) {
  namespace fs = std::filesystem;
  const fs::path rel{std::string(relative)};
  auto holds = [&](const fs::path& root) -> std::optional<fs::path> {
    std::error_code ec;
    if (fs::exists(root / rel, ec)) return root / rel;
    return std::nullopt;
  };
  if (!data_arg.empty()) return holds(data_arg);
  // This header sits in <checkout>/bench/; the shared data sits beside the checkout.
  const fs::path source_dir = fs::path(__FILE__).parent_path().parent_path();
  for (const fs::path& root : {source_dir / ".." / "shared", fs::path("../shared"),
                               fs::path("../../shared"), fs::path("../../../shared")})
    if (auto p = holds(root)) return p;
  return std::nullopt;
}

// Whole file into `out`; false when it cannot be opened.
inline bool read_whole_file(const std::filesystem::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

// Gunzips `path` into `out` (appending); false when it cannot be opened or is truncated/corrupt.
inline bool gunzip_file(const std::filesystem::path& path, std::string& out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return false;
  gzbuffer(f, 1 << 16);
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  const bool ok = n == 0;
  gzclose(f);
  return ok;
}

}  // namespace veille::bench
