// Canonical entities on the seed pages of ../shared/seeds against seeds/gold/*.facts.json.
//
// For each seed, runs the annotate pipeline (extract, tokenize, ner with canonical entities) and
// compares the set of canonical entities found in the article text with the gold lists: `persons`
// (PER), `places` (LOC) and `orgs` (ORG). A name matches when both sides give the same entity id:
// the gold name is resolved through the same alias table (so gold "Kiev" is our "Kyiv") and both
// are folded (case, accents, hyphens). Micro recall and precision over the five pages, per type.
//
// Two scopes are reported: "text" is Document::text exactly as `veille annotate` prints its
// "entities"; "title+text" also annotates the title (the gold's scope is "title and body"), by
// running the same stages over the title and the text joined by a blank line.
//
// Usage: seeds_entities_bench [SEEDS_DIR] [--model FILE] [--aliases FILE]... [--no-shipped-aliases]
//                             [--verbose]
//   SEEDS_DIR defaults to ../shared/seeds beside the source tree; exit 0 with a message when absent.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common.h"

#include "nlp/entities.h"
#include "nlp/ner.h"
#include "veille/nlp.h"
#include "veille/pipeline.h"

namespace fs = std::filesystem;
using namespace veille;

namespace {

const fs::path kSourceDir = fs::path(__FILE__).parent_path().parent_path();

std::string read_file(const fs::path& p) {
  std::string out;
  bench::read_whole_file(p, out);
  return out;
}

struct Counts {
  int gold = 0, predicted = 0, correct = 0;
  void add(const Counts& o) {
    gold += o.gold;
    predicted += o.predicted;
    correct += o.correct;
  }
  double recall() const { return gold ? double(correct) / gold : 1.0; }
  double precision() const { return predicted ? double(correct) / predicted : 1.0; }
};

// entity id -> a name to show.
using EntitySet = std::map<std::string, std::string>;

EntitySet predicted_set(const Document& doc, const std::string& type) {
  EntitySet out;
  for (const auto& e : doc.annotations.entities)
    if (e.type == type) out.emplace(e.id, e.entity);
  return out;
}

EntitySet gold_set(const nlohmann::json& names, const std::string& type, const AliasTable& aliases) {
  EntitySet out;
  if (!names.is_array()) return out;
  for (const auto& n : names) {
    if (!n.is_string()) continue;
    std::string name = n.get<std::string>();
    const AliasTarget* t = aliases.find_folded(type, fold_entity_name(name));
    // Only a same-type alias renames a gold entity; the gold's type is authoritative.
    if (t && t->type == type) out.emplace(entity_id(type, t->canonical), t->canonical);
    else out.emplace(entity_id(type, name), name);
  }
  return out;
}

Counts compare(const EntitySet& gold, const EntitySet& pred, bool verbose, const std::string& what) {
  Counts c;
  c.gold = static_cast<int>(gold.size());
  c.predicted = static_cast<int>(pred.size());
  for (const auto& [id, name] : pred) {
    if (gold.count(id)) ++c.correct;
    else if (verbose) std::cout << "    extra   " << what << " " << name << " (" << id << ")\n";
  }
  if (verbose)
    for (const auto& [id, name] : gold)
      if (!pred.count(id)) std::cout << "    missing " << what << " " << name << " (" << id << ")\n";
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path seeds;
  bool verbose = false;
  NerStageOptions ner;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--verbose" || a == "-v") verbose = true;
    else if (a == "--model" && i + 1 < argc) ner.model_path = argv[++i];
    else if (a == "--aliases" && i + 1 < argc) ner.alias_paths.push_back(argv[++i]);
    else if (a == "--no-shipped-aliases") ner.use_shipped_aliases = false;
    else if (a == "--help" || a == "-h") {
      std::cout << "usage: seeds_entities_bench [SEEDS_DIR] [--model FILE] [--aliases FILE]... [--no-shipped-aliases] [--verbose]\n";
      return 0;
    } else seeds = a;
  }
  if (seeds.empty()) seeds = bench::find_shared("", "seeds").value_or(kSourceDir.parent_path() / "shared" / "seeds");
  if (!fs::exists(seeds / "gold")) {
    std::cout << "seeds_entities_bench: skipped, no seeds at " << seeds.string()
              << " (the seeds live in ../shared/seeds beside the checkout; pass the directory)\n";
    return 0;
  }
  // The shipped files: found like the CLI finds them, else in the source tree of this bench.
  if (ner.model_path.empty() && !fs::exists(default_ner_model_path()))
    ner.model_path = (kSourceDir / "models" / "ner-fr.bin").string();
  if (!fs::exists(default_aliases_path()))
    ner.shipped_aliases_path = (kSourceDir / "models" / "aliases-fr.tsv").string();

  std::cout << "command: seeds_entities_bench " << seeds.string();
  for (int i = 1; i < argc; ++i)
    if (fs::path(argv[i]) != seeds) std::cout << " " << argv[i];
  std::cout << "\n";

  auto stage = make_ner_stage(ner);
  if (!stage.ok()) {
    std::cerr << "seeds_entities_bench: " << stage.status().to_string() << "\n";
    return 1;
  }
  // The same alias table as the stage, to resolve the gold names.
  AliasTable aliases;
  Status st;
  if (ner.use_shipped_aliases)
    st = aliases.add_file(ner.shipped_aliases_path.empty() ? default_aliases_path() : ner.shipped_aliases_path);
  for (const auto& p : ner.alias_paths)
    if (st.ok()) st = aliases.add_file(p);
  if (!st.ok()) {
    std::cerr << "seeds_entities_bench: " << st.to_string() << "\n";
    return 1;
  }
  auto tokenize = make_tokenize_stage();
  PipelineOptions popt;
  popt.threads = 1;
  Pipeline pipeline(popt);
  pipeline.add_stage(make_tokenize_stage());
  pipeline.add_stage(std::move(*stage));
  auto title_stage = make_ner_stage(ner);  // a second instance for the title+text scope
  if (!title_stage.ok()) return 1;

  const std::vector<std::pair<std::string, std::string>> kinds = {
      {"PER", "persons"}, {"LOC", "places"}, {"ORG", "orgs"}};
  std::map<std::string, Counts> total_text, total_title;

  std::vector<fs::path> facts;
  for (const auto& e : fs::directory_iterator(seeds / "gold"))
    if (e.path().string().ends_with(".facts.json")) facts.push_back(e.path());
  std::sort(facts.begin(), facts.end());
  int pages = 0;
  for (const auto& f : facts) {
    auto gold = nlohmann::json::parse(read_file(f), nullptr, false);
    if (gold.is_discarded() || !gold.contains("file")) continue;
    fs::path page_path = seeds / gold["file"].get<std::string>();
    RawPage page;
    page.source = page_path.string();
    page.content = read_file(page_path);
    page.format = PageFormat::kText;
    auto doc = pipeline.run(page);
    if (!doc.ok()) {
      std::cerr << page_path.string() << ": " << doc.status().to_string() << "\n";
      continue;
    }
    ++pages;
    Document with_title = *doc;
    if (with_title.title) with_title.text = *with_title.title + "\n\n" + with_title.text;
    if (Status s1 = tokenize->process(with_title); !s1.ok()) return 1;
    if (Status s2 = (*title_stage)->process(with_title); !s2.ok()) return 1;

    if (verbose) std::cout << gold["file"].get<std::string>() << "\n";
    for (const auto& [type, field] : kinds) {
      EntitySet g = gold_set(gold.value(field, nlohmann::json()), type, aliases);
      if (verbose) std::cout << "  text:\n";
      total_text[type].add(compare(g, predicted_set(*doc, type), verbose, type));
      if (verbose) std::cout << "  title+text:\n";
      total_title[type].add(compare(g, predicted_set(with_title, type), verbose, type));
    }
  }

  std::printf("\n%d pages; canonical entities of the article, micro-averaged over pages\n", pages);
  std::printf("%-12s %-5s %5s %5s %5s %8s %9s\n", "scope", "type", "gold", "pred", "ok", "recall", "precision");
  for (const auto* scope : {&total_text, &total_title}) {
    for (const auto& [type, field] : kinds) {
      const Counts& c = scope->at(type);
      std::printf("%-12s %-5s %5d %5d %5d %8.3f %9.3f\n", scope == &total_text ? "text" : "title+text",
                  type.c_str(), c.gold, c.predicted, c.correct, c.recall(), c.precision());
    }
  }
  return 0;
}
