// Scores the flattened-text extractor on the seed pages of ../shared/seeds against their gold
// labels (seeds/gold/*.lines.json) and, where there is one, the gold comment thread
// (seeds/gold/*.comments.json).
//
// Figures: per seed and overall, the share of non-empty lines whose label (fine) and coarse class
// (article = title/standfirst/heading/body, comment, other = caption/ad/boilerplate) agree with the
// gold; the title against the gold title (null where the gold has none); the comment records
// (count, authors, parents) against the gold thread.
//
// Usage: seeds_bench [SEEDS_DIR] [--verbose]
//   SEEDS_DIR defaults to ../shared/seeds beside the source tree. Exit 0 with a message when it is
//   absent (the seeds are not part of the project). --verbose lists every disagreeing line.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "veille/document.h"
#include "veille/extract.h"
#include "veille/ingest.h"

namespace fs = std::filesystem;

namespace {

std::string coarse(std::string_view label) {
  if (label == "title" || label == "standfirst" || label == "heading" || label == "body") return "article";
  if (label == "comment") return "comment";
  return "other";
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fs::path default_seeds_dir(const char* argv0) {
  // The source tree is two levels above this file; the shared material sits beside it.
  fs::path from_source = fs::path(__FILE__).parent_path().parent_path().parent_path() / "shared" / "seeds";
  if (fs::exists(from_source)) return from_source;
  // Fallback: build/bench/seeds_bench -> <checkout>/../shared/seeds.
  std::error_code ec;
  fs::path exe = fs::weakly_canonical(fs::path(argv0), ec);
  for (fs::path p = exe.parent_path(); !p.empty() && p != p.root_path(); p = p.parent_path())
    if (fs::exists(p / "shared" / "seeds")) return p / "shared" / "seeds";
  return from_source;
}

struct Tally {
  int lines = 0, fine = 0, coarse = 0;
};

}  // namespace

int main(int argc, char** argv) {
  fs::path seeds;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--verbose" || a == "-v") verbose = true;
    else if (a == "--help" || a == "-h") {
      std::cout << "usage: seeds_bench [SEEDS_DIR] [--verbose]\n";
      return 0;
    } else seeds = a;
  }
  if (seeds.empty()) seeds = default_seeds_dir(argv[0]);
  if (!fs::exists(seeds / "gold")) {
    std::cout << "seeds_bench: skipped, no seeds at " << seeds.string()
              << " (the seeds live in ../shared/seeds beside the checkout; pass the directory)\n";
    return 0;
  }

  std::vector<fs::path> pages;
  for (const auto& e : fs::directory_iterator(seeds))
    if (e.path().extension() == ".txt") pages.push_back(e.path());
  std::sort(pages.begin(), pages.end());

  veille::ExtractOptions options;
  options.explain = true;
  veille::Extractor extractor(options);

  Tally total;
  int titles_ok = 0, titles = 0;
  std::map<std::string, std::map<std::string, int>> confusion;  // gold -> predicted -> count
  std::printf("%-28s %6s %9s %9s  %s\n", "seed", "lines", "fine", "coarse", "title");
  for (const auto& page_path : pages) {
    std::string stem = page_path.stem().string();
    fs::path gold_path = seeds / "gold" / (stem + ".lines.json");
    if (!fs::exists(gold_path)) continue;
    nlohmann::json gold = nlohmann::json::parse(read_file(gold_path));

    veille::RawPage page;
    page.source = page_path.string();
    page.format = veille::PageFormat::kText;
    page.content = read_file(page_path);
    auto doc = extractor.extract(page);
    if (!doc.ok()) {
      std::printf("%-28s error: %s\n", stem.c_str(), doc.status().to_string().c_str());
      continue;
    }
    std::map<int, std::string> predicted;
    for (const auto& l : doc->lines) predicted[l.line] = veille::line_label_name(l.label);

    Tally t;
    for (const auto& g : gold["lines"]) {
      int no = g["line"].get<int>();
      std::string want = g["label"].get<std::string>();
      std::string got = predicted.count(no) ? predicted[no] : "(none)";
      ++t.lines;
      t.fine += got == want;
      t.coarse += coarse(got) == coarse(want);
      ++confusion[want][got];
      if (verbose && got != want)
        std::printf("  %s:%d gold=%s got=%s | %.80s\n", stem.c_str(), no, want.c_str(), got.c_str(),
                    g["text"].get<std::string>().c_str());
    }
    total.lines += t.lines;
    total.fine += t.fine;
    total.coarse += t.coarse;

    bool title_ok;
    std::string title_note;
    if (gold["title"].is_null()) {
      title_ok = !doc->title.has_value();
      title_note = title_ok ? "ok (null)" : "MISMATCH: got \"" + *doc->title + "\", gold null";
    } else {
      std::string want = gold["title"].get<std::string>();
      title_ok = doc->title && *doc->title == want;
      title_note = title_ok ? "ok" : "MISMATCH: got " + (doc->title ? "\"" + *doc->title + "\"" : "null");
    }
    ++titles;
    titles_ok += title_ok;
    std::printf("%-28s %6d %8.1f%% %8.1f%%  %s\n", stem.c_str(), t.lines, 100.0 * t.fine / t.lines,
                100.0 * t.coarse / t.lines, title_note.c_str());

    fs::path comments_path = seeds / "gold" / (stem + ".comments.json");
    if (fs::exists(comments_path)) {
      nlohmann::json gc = nlohmann::json::parse(read_file(comments_path));
      const auto& want = gc["comments"];
      const auto& got = doc->comments;
      size_t n = std::min(want.size(), got.size());
      int authors = 0, parents = 0, texts = 0;
      for (size_t i = 0; i < n; ++i) {
        const auto& w = want[i];
        // Gold parents are 0-based indexes into the thread; veille's are 1-based ids.
        std::optional<int> wp;
        if (!w["parent"].is_null()) wp = w["parent"].get<int>() + 1;
        std::optional<std::string> wa;
        if (!w["author"].is_null()) wa = w["author"].get<std::string>();
        authors += got[i].author == wa;
        parents += got[i].parent == wp;
        texts += got[i].text == w["text"].get<std::string>();
        if (verbose && (got[i].author != wa || got[i].parent != wp))
          std::printf("  comment %zu: author %s/%s parent %d/%d\n", i + 1,
                      got[i].author.value_or("null").c_str(), wa.value_or("null").c_str(),
                      got[i].parent.value_or(0), wp.value_or(0));
      }
      std::printf("  comments: %zu (gold %zu); authors %d/%zu, parents %d/%zu, exact text %d/%zu\n",
                  got.size(), want.size(), authors, want.size(), parents, want.size(), texts, want.size());
    }
  }
  if (total.lines == 0) {
    std::cout << "seeds_bench: no gold-labelled seeds found in " << seeds.string() << "\n";
    return 0;
  }
  std::printf("%-28s %6d %8.1f%% %8.1f%%  titles %d/%d\n", "overall", total.lines,
              100.0 * total.fine / total.lines, 100.0 * total.coarse / total.lines, titles_ok, titles);
  std::printf("\nconfusion (gold -> predicted: count):\n");
  for (const auto& [want, row] : confusion) {
    std::printf("  %-11s", want.c_str());
    for (const auto& [got, count] : row) std::printf(" %s:%d", got.c_str(), count);
    std::printf("\n");
  }
  std::printf("\nreproduce: cmake --build build --target seeds_bench && ./build/bench/seeds_bench %s\n",
              seeds.string().c_str());
  return 0;
}
