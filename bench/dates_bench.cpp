// The dates stage measured: accuracy on the project's suite of French time expressions
// (tests/fixtures/dates/fr_timex.tsv), recall and value accuracy on the dates of the seed pages
// (../shared/seeds/gold/*.facts.json, skipped when absent), and speed in MB/s of text.
//
// Suite figures: value accuracy = gold mentions overlapped by a predicted mention with exactly the
// gold value; span precision / recall = predicted spans equal to a gold span; strict = same span,
// value and kind; exact cases = every mention strict and nothing extra.
// Seeds: each seed page is extracted as `veille annotate` does, then find_dates runs over the
// article text with the page's published date as reference (none on the seeds); a gold date is
// found when a predicted mention overlaps a place where its text occurs, and right when that
// mention has the gold value.
// Speed: find_dates over the suite's texts and the sample pages' texts repeated to --mb MB, with
// a reference date; best of 3 runs.
//
// Usage: dates_bench [--suite FILE] [--seeds DIR] [--mb N] [--verbose]
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "nlp/dates_eval.h"
#include "veille/dates.h"
#include "veille/pipeline.h"

namespace fs = std::filesystem;
using namespace veille;

namespace {

const fs::path kSourceDir = fs::path(__FILE__).parent_path().parent_path();

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string describe(const std::vector<DateMention>& v, const std::string& text) {
  std::string out;
  for (const auto& m : v)
    out += " [" + text.substr(m.span.begin, m.span.end - m.span.begin) + "|" + m.value + "|" + m.kind + "]";
  return out.empty() ? " -" : out;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path suite = kSourceDir / "tests" / "fixtures" / "dates" / "fr_timex.tsv";
  fs::path seeds = kSourceDir.parent_path() / "shared" / "seeds";
  double mb = 16;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--suite" && i + 1 < argc) suite = argv[++i];
    else if (a == "--seeds" && i + 1 < argc) seeds = argv[++i];
    else if (a == "--mb" && i + 1 < argc) mb = std::max(0.1, std::atof(argv[++i]));
    else if (a == "--verbose" || a == "-v") verbose = true;
    else {
      std::cout << "usage: dates_bench [--suite FILE] [--seeds DIR] [--mb N] [--verbose]\n";
      return a == "--help" || a == "-h" ? 0 : 2;
    }
  }
  std::cout << "command: dates_bench --suite " << suite.string() << " --seeds " << seeds.string()
            << " --mb " << mb << (verbose ? " --verbose" : "") << "\n";

  // 1. The suite.
  std::string content = read_file(suite);
  if (content.empty()) {
    std::cerr << "dates_bench: cannot read " << suite.string() << "\n";
    return 1;
  }
  auto cases = dates::parse_timex_suite(content, suite.string());
  if (!cases.ok()) {
    std::cerr << "dates_bench: " << cases.status().to_string() << "\n";
    return 1;
  }
  dates::TimexScore score;
  for (const auto& c : *cases) {
    auto found = find_dates(c.text, c.ref);
    bool exact = dates::score_timex_case(c, found, score);
    if (verbose && !exact) {
      std::vector<DateMention> gold;
      for (const auto& g : c.gold) gold.push_back({g.span, g.value, g.kind});
      std::cout << "line " << c.line << " (ref " << c.ref_text << "): " << c.text << "\n  gold:"
                << describe(gold, c.text) << "\n  got: " << describe(found, c.text) << "\n";
    }
  }
  std::printf("\nsuite %s: %d cases, %d gold mentions, %d predicted\n", suite.filename().c_str(),
              score.cases, score.gold, score.predicted);
  std::printf("  value accuracy  %.3f (%d/%d)\n", score.value_accuracy(), score.value_correct, score.gold);
  std::printf("  span precision  %.3f  recall %.3f\n", score.span_precision(), score.span_recall());
  std::printf("  strict (span+value+kind) %.3f; exact cases %d/%d\n", score.strict_accuracy(),
              score.cases_exact, score.cases);

  // 2. The seeds.
  if (!fs::exists(seeds / "gold")) {
    std::printf("\nseeds: skipped, no seeds at %s\n", seeds.c_str());
  } else {
    PipelineOptions popt;
    popt.threads = 1;
    Pipeline pipeline(popt);
    pipeline.add_stage(make_date_stage());
    std::vector<fs::path> facts;
    for (const auto& e : fs::directory_iterator(seeds / "gold"))
      if (e.path().string().ends_with(".facts.json")) facts.push_back(e.path());
    std::sort(facts.begin(), facts.end());
    int gold_n = 0, found_n = 0, right_n = 0, predicted_n = 0;
    for (const auto& f : facts) {
      auto gold = nlohmann::json::parse(read_file(f), nullptr, false);
      if (gold.is_discarded() || !gold.contains("file")) continue;
      RawPage page;
      page.source = (seeds / gold["file"].get<std::string>()).string();
      page.content = read_file(page.source);
      page.format = PageFormat::kText;
      auto doc = pipeline.run(page);
      if (!doc.ok()) {
        std::cerr << page.source << ": " << doc.status().to_string() << "\n";
        continue;
      }
      const auto& pred = doc->annotations.dates;
      predicted_n += static_cast<int>(pred.size());
      if (verbose) std::cout << gold["file"].get<std::string>() << ":" << describe(pred, doc->text) << "\n";
      for (const auto& g : gold.value("dates", nlohmann::json::array())) {
        std::string text = g.value("text", ""), value = g.value("value", "");
        if (text.empty()) continue;
        ++gold_n;
        bool found = false, right = false;
        for (size_t at = doc->text.find(text); at != std::string::npos; at = doc->text.find(text, at + 1)) {
          for (const auto& p : pred) {
            if (p.span.begin < at + text.size() && at < p.span.end) {
              found = true;
              if (p.value == value) right = true;
            }
          }
        }
        found_n += found;
        right_n += right;
        if (verbose && !right) std::cout << "  missed: " << text << " = " << value << "\n";
      }
    }
    std::printf("\nseeds: %zu pages, %d gold dates, %d predicted mentions\n", facts.size(), gold_n, predicted_n);
    std::printf("  recall %.3f (%d/%d), value accuracy %.3f (%d/%d)\n", gold_n ? double(found_n) / gold_n : 1.0,
                found_n, gold_n, gold_n ? double(right_n) / gold_n : 1.0, right_n, gold_n);
  }

  // 3. Speed.
  std::string base;
  for (const auto& c : *cases) base += c.text + "\n";
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(kSourceDir / "samples" / "text", ec))
    if (e.is_regular_file()) base += read_file(e.path()) + "\n\n";
  std::string corpus;
  size_t target = static_cast<size_t>(mb * 1024 * 1024);
  while (corpus.size() < target) corpus += base;
  auto ref = parse_reference_date("2025-02-12");
  double best = 1e9, best_cpu = 1e9;
  size_t mentions = 0;
  for (int run = 0; run < 3; ++run) {
    auto t0 = std::chrono::steady_clock::now();
    std::clock_t c0 = std::clock();
    auto found = find_dates(corpus, *ref);
    double cpu = double(std::clock() - c0) / CLOCKS_PER_SEC;
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    best = std::min(best, s);
    best_cpu = std::min(best_cpu, cpu);
    mentions = found.size();
  }
  // CPU time as well as wall time: on a loaded machine the wall clock measures the neighbours.
  double mbytes = corpus.size() / 1048576.0;
  std::printf("\nspeed: %.1f MB of text (suite + samples/text), %zu mentions; wall %.3f s = %.1f MB/s; "
              "cpu %.3f s = %.1f MB/s (one thread)\n",
              mbytes, mentions, best, mbytes / best, best_cpu, mbytes / best_cpu);
  return 0;
}
