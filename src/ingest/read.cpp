#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "veille/ingest.h"

namespace veille {

namespace fs = std::filesystem;

// Placeholder reader until the ingest stage lands: plain .html/.htm/.txt files only, UTF-8 assumed.
void read_buffer(std::string_view name, std::string_view bytes, const ReadOptions&,
                 const PageCallback& on_page, const ErrorCallback&) {
  RawPage p;
  p.source = std::string(name);
  p.format = (name.ends_with(".txt")) ? PageFormat::kText : PageFormat::kHtml;
  p.content = std::string(bytes);
  p.charset = "utf-8";
  on_page(std::move(p));
}

std::string to_utf8(std::string_view bytes, std::string_view, bool, std::string* used) {
  if (used) *used = "utf-8";
  return std::string(bytes);
}

Status read_inputs(const std::vector<std::string>& inputs, const ReadOptions& options,
                   const PageCallback& on_page, const ErrorCallback& on_error) {
  for (const auto& in : inputs) {
    std::vector<fs::path> files;
    std::error_code ec;
    if (in == "-") {
      std::string data((std::istreambuf_iterator<char>(std::cin)), {});
      read_buffer("-", data, options, on_page, on_error);
      continue;
    }
    if (fs::is_directory(in, ec)) {
      for (auto& e : fs::recursive_directory_iterator(in, ec))
        if (e.is_regular_file()) files.push_back(e.path());
      std::sort(files.begin(), files.end());
    } else if (fs::exists(in, ec)) {
      files.push_back(in);
    } else {
      on_error({in, Status::NotFound("no such file or directory")});
      continue;
    }
    for (const auto& f : files) {
      std::ifstream is(f, std::ios::binary);
      std::string data((std::istreambuf_iterator<char>(is)), {});
      read_buffer(f.string(), data, options, on_page, on_error);
    }
  }
  return Status::Ok();
}

}  // namespace veille
