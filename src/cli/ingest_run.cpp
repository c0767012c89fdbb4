#include "cli/ingest_run.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "veille/ingester.h"

namespace veille::cli {

namespace {

namespace fs = std::filesystem;

bool has_suffix(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Pages to expect, when every input is one page per file (HTML or text files and directories of
// them); 0 = unknown (stdin, WARC and JSON Lines hold any number of pages).
size_t count_pages(const std::vector<std::string>& inputs) {
  auto kind = [](std::string name) {  // 1 page file, 0 not read, -1 container
    if (has_suffix(name, ".gz")) name.resize(name.size() - 3);
    for (const char* e : {".warc", ".jsonl", ".ndjson"})
      if (has_suffix(name, e)) return -1;
    for (const char* e : {".html", ".htm", ".xhtml", ".txt"})
      if (has_suffix(name, e)) return 1;
    return 0;
  };
  size_t total = 0;
  std::error_code ec;
  for (const auto& in : inputs) {
    if (in == "-") return 0;
    if (fs::is_directory(in, ec)) {
      for (auto it = fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) return 0;
        std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (!it->is_regular_file(ec)) continue;
        int k = kind(name);
        if (k < 0) return 0;
        total += static_cast<size_t>(k);
      }
    } else {
      if (kind(in) < 0) return 0;
      ++total;  // a named file is always read
    }
  }
  return total;
}

std::string clock_string(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

}  // namespace

void add_ingest_run_options(CLI::App* cmd, IngestRunArgs& args) {
  cmd->add_option("--batch", args.batch, "Pages per transaction")->check(CLI::Range(1, 100000))->capture_default_str();
  cmd->add_flag("-q,--quiet", args.quiet, "No progress bar");
  add_page_input_options(cmd, args.input);
  add_moderation_options(cmd, args.moderation);
}

int ingest_with_progress(Store& store, const IngestRunArgs& args, std::ostream& summary, const std::string& who) {
  IngestOptions opts;
  opts.pipeline = pipeline_options(args.input);
  opts.moderation = !args.moderation.off;
  opts.moderation_model = args.moderation.model;
  if (args.moderation.threshold >= 0) opts.moderation_threshold = args.moderation.threshold;
  opts.batch_pages = args.batch;

  auto ingester = Ingester::create(store, opts);
  if (!ingester.ok()) {
    std::cerr << who << ": " << ingester.status().to_string() << "\n";
    return 1;
  }

  const bool tty = !args.quiet && ::isatty(STDERR_FILENO);
  const size_t total = tty ? count_pages(args.input.inputs) : 0;
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  bool bar_shown = false;
  auto clear_bar = [&] {
    if (bar_shown) std::cerr << "\r\033[K";
    bar_shown = false;
  };
  auto on_error = [&](const InputError& e) {
    clear_bar();
    std::cerr << "veille: " << (e.source.empty() ? "" : e.source + ": ") << e.status.to_string() << "\n";
  };
  auto on_progress = [&](const IngestCounts& c) {
    if (!tty) return;
    size_t done = c.new_pages + c.known + c.failed;
    double t = elapsed();
    double rate = t > 0 ? static_cast<double>(done) / t : 0;
    char line[200];
    if (total > 0) {
      size_t shown = std::min(done, total);
      int width = 30, filled = static_cast<int>(static_cast<double>(width) * static_cast<double>(shown) / static_cast<double>(total));
      std::string bar(static_cast<size_t>(filled), '#');
      bar.resize(static_cast<size_t>(width), ' ');
      double eta = rate > 0 ? static_cast<double>(total - shown) / rate : 0;
      std::snprintf(line, sizeof line, "\r[%s] %zu/%zu pages  %.1f pages/s  ETA %s", bar.c_str(), shown, total, rate,
                    clock_string(eta).c_str());
    } else {
      std::snprintf(line, sizeof line, "\r%zu pages  %.1f pages/s  %s", done, rate, clock_string(t).c_str());
    }
    std::cerr << line << std::flush;
    bar_shown = true;
  };

  auto counts = (*ingester)->ingest(args.input.inputs, on_error, on_progress);
  clear_bar();
  if (!counts.ok()) {
    std::cerr << who << ": " << counts.status().to_string()
              << " (pages committed before this error are kept; rerun to resume)\n";
    return 1;
  }
  double t = elapsed();
  char rate[64];
  std::snprintf(rate, sizeof rate, "%.1f", t > 0 ? static_cast<double>(counts->read) / t : 0.0);
  summary << "ingest: read=" << counts->read << " new=" << counts->new_pages << " known=" << counts->known
            << " duplicates=" << counts->duplicates << " failed=" << counts->failed << " (" << rate << " pages/s)"
            << std::endl;
  return counts->failed ? 1 : 0;
}

}  // namespace veille::cli
