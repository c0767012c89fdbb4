// Quotations on the seed pages of ../shared/seeds against seeds/gold/*.facts.json ("quotes": text,
// speaker, kind; the article text only, not comments).
//
// For each seed, runs the pipeline the way `veille annotate` does (extraction, then
// add_language_stages: tokenize, ner, quotes) and reports, for gold
// `sentence` quotes: recall (a predicted quotation with the same text after normalising whitespace,
// no-break spaces and apostrophes) and speaker accuracy (the canonical speaker: speaker_entity, or
// the speaker as written when there is no entity, equal after fold_entity_name to the gold speaker;
// for a collective speaker without entity, one containing the other). Gold fragments are reported
// as found / not found, with their speaker; predicted quotes that match no gold one are listed with
// --verbose.
//
// Usage: seeds_quotes_bench [SEEDS_DIR] [--model FILE] [--verbose]
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "nlp/entities.h"
#include "nlp/ner.h"
#include "veille/nlp.h"
#include "veille/pipeline.h"
#include "veille/quotes.h"
#include "common.h"
#include "quote_scoring.h"

namespace fs = std::filesystem;
using namespace veille;

namespace {

const fs::path kSourceDir = fs::path(__FILE__).parent_path().parent_path();

// Whole file as text; empty when it cannot be read (the gold is then reported as unreadable).
std::string read_text(const fs::path& p) {
  std::string s;
  bench::read_whole_file(p, s);
  return s;
}

std::string show(const std::optional<std::string>& s) { return s ? *s : "null"; }

}  // namespace

int main(int argc, char** argv) {
  fs::path seeds;
  bool verbose = false;
  LanguageOptions lang;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--verbose" || a == "-v") verbose = true;
    else if (a == "--model" && i + 1 < argc) lang.ner.model_path = argv[++i];
    else if (a == "--help" || a == "-h") {
      std::cout << "usage: seeds_quotes_bench [SEEDS_DIR] [--model FILE] [--verbose]\n";
      return 0;
    } else seeds = a;
  }
  if (seeds.empty()) seeds = bench::find_shared("", "seeds").value_or(kSourceDir.parent_path() / "shared" / "seeds");
  if (!fs::exists(seeds / "gold")) {
    std::cout << "seeds_quotes_bench: skipped, no seeds at " << seeds.string()
              << " (the seeds live in ../shared/seeds beside the checkout; pass the directory)\n";
    return 0;
  }
  if (lang.ner.model_path.empty() && !fs::exists(default_ner_model_path()))
    lang.ner.model_path = (kSourceDir / "models" / "ner-fr.bin").string();
  if (!fs::exists(default_aliases_path()))
    lang.ner.shipped_aliases_path = (kSourceDir / "models" / "aliases-fr.tsv").string();

  std::cout << "command: seeds_quotes_bench " << seeds.string();
  for (int i = 1; i < argc; ++i)
    if (fs::path(argv[i]) != seeds) std::cout << " " << argv[i];
  std::cout << "\n";

  PipelineOptions popt;
  popt.threads = 1;
  Pipeline pipeline(popt);
  if (Status s = add_language_stages(pipeline, lang); !s.ok()) {
    std::cerr << "seeds_quotes_bench: " << s.to_string() << "\n";
    return 1;
  }

  std::vector<fs::path> facts;
  for (const auto& e : fs::directory_iterator(seeds / "gold"))
    if (e.path().string().ends_with(".facts.json")) facts.push_back(e.path());
  std::sort(facts.begin(), facts.end());
  int pages = 0, sentences = 0, found = 0, speaker_ok = 0, fragments = 0, fragments_found = 0;
  int fragment_speaker_ok = 0, predicted = 0, unmatched = 0;
  for (const auto& f : facts) {
    auto gold = nlohmann::json::parse(read_text(f), nullptr, false);
    if (gold.is_discarded() || !gold.contains("file")) continue;
    fs::path page_path = seeds / gold["file"].get<std::string>();
    RawPage page;
    page.source = page_path.string();
    page.content = read_text(page_path);
    page.format = PageFormat::kText;
    auto doc = pipeline.run(page);
    if (!doc.ok()) {
      std::cerr << page_path.string() << ": " << doc.status().to_string() << "\n";
      continue;
    }
    ++pages;
    const auto& pred = doc->annotations.quotes;
    predicted += static_cast<int>(pred.size());
    std::vector<bool> used(pred.size(), false);
    if (verbose) std::cout << gold["file"].get<std::string>() << "\n";
    for (const auto& g : gold.value("quotes", nlohmann::json::array())) {
      std::string gt = bench::normalise_quote_text(g.value("text", ""));
      bool sentence = g.value("kind", "") == "sentence";
      (sentence ? sentences : fragments)++;
      int hit = -1;
      for (size_t k = 0; k < pred.size(); ++k)
        if (!used[k] && bench::normalise_quote_text(std::string_view(doc->text).substr(pred[k].span.begin, pred[k].span.end - pred[k].span.begin)) == gt) {
          hit = static_cast<int>(k);
          break;
        }
      std::string gs = g["speaker"].is_null() ? "null" : g["speaker"].get<std::string>();
      if (hit < 0) {
        if (verbose) std::cout << "  missing " << g.value("kind", "") << " « " << gt << " » (" << gs << ")\n";
        continue;
      }
      used[hit] = true;
      const Quote& q = pred[hit];
      bool ok = bench::speaker_right(g["speaker"], q);
      if (sentence) ++found, speaker_ok += ok;
      else ++fragments_found, fragment_speaker_ok += ok;
      if (verbose)
        std::cout << "  " << (ok ? "ok     " : "SPEAKER") << " " << g.value("kind", "") << "/" << q.kind << " « "
                  << gt.substr(0, 60) << (gt.size() > 60 ? "…" : "") << " » " << show(q.speaker) << " / "
                  << show(q.speaker_entity) << " cue=" << show(q.cue) << (ok ? "" : " (gold " + gs + ")") << "\n";
    }
    for (size_t k = 0; k < pred.size(); ++k) {
      if (used[k]) continue;
      ++unmatched;
      if (verbose)
        std::cout << "  extra   " << pred[k].kind << " « "
                  << doc->text.substr(pred[k].span.begin, pred[k].span.end - pred[k].span.begin) << " » "
                  << show(pred[k].speaker) << " / " << show(pred[k].speaker_entity) << "\n";
    }
  }
  std::printf("\n%d pages, article text\n", pages);
  std::printf("sentence quotes: %d/%d found (recall %.3f), speaker right for %d/%d (%.3f)\n", found,
              sentences, sentences ? double(found) / sentences : 1.0, speaker_ok, found,
              found ? double(speaker_ok) / found : 0.0);
  std::printf("fragments: %d/%d found, speaker right for %d/%d\n", fragments_found, fragments,
              fragment_speaker_ok, fragments_found);
  std::printf("predicted quotations: %d, matching no gold quote: %d (gold lists only what it calls quotes)\n",
              predicted, unmatched);
  return 0;
}
