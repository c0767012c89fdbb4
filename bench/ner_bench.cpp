// NER benchmark: accuracy of the shipped model on WikiNEuRal-fr dev (entity-level exact match,
// conlleval definition, per type) and tagging speed in tokens per second on one core.
//
//   build/bench/ner_bench [--data DIR] [--model FILE] [--file CONLL] [--seconds S]
//
// DIR defaults to ../shared beside the source tree (found from this file's path); when it is absent
// the benchmark says so and exits 0, so that CI without the data passes.
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "nlp/ner.h"
#include "nlp/ner_conll.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  const fs::path source_dir = fs::path(__FILE__).parent_path().parent_path();
  std::string data_dir = (source_dir.parent_path() / "shared").string();
  std::string model_path = (source_dir / "models" / "ner-fr.bin").string();
  std::string file;
  double min_seconds = 2.0;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "ner_bench: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--data") data_dir = value();
    else if (a == "--model") model_path = value();
    else if (a == "--file") file = value();
    else if (a == "--seconds") min_seconds = std::atof(value().c_str());
    else {
      std::fprintf(stderr, "usage: ner_bench [--data DIR] [--model FILE] [--file CONLL] [--seconds S]\n");
      return 2;
    }
  }
  if (file.empty()) file = (fs::path(data_dir) / "data/ner/wikineural-fr/dev.conllu").string();
  if (!fs::exists(file)) {
    std::printf("ner_bench: %s not found; skipping (pass --data DIR with data/ner/wikineural-fr)\n",
                file.c_str());
    return 0;
  }
  auto model = veille::NerModel::load(model_path);
  if (!model.ok()) {
    std::fprintf(stderr, "ner_bench: %s\n", model.status().to_string().c_str());
    return 1;
  }
  auto sentences = veille::read_conll_file(file);
  if (!sentences.ok()) {
    std::fprintf(stderr, "ner_bench: %s\n", sentences.status().to_string().c_str());
    return 1;
  }

  // Accuracy.
  veille::NerWorkspace ws;
  std::vector<std::vector<std::string_view>> views;
  size_t tokens = 0;
  for (const auto& s : *sentences) {
    views.emplace_back(s.tokens.begin(), s.tokens.end());
    tokens += s.tokens.size();
  }
  veille::NerScorer scorer;
  std::vector<uint8_t> tags;
  std::vector<std::string> names;
  for (size_t k = 0; k < views.size(); ++k) {
    (*model)->tag(views[k], ws, tags);
    names.clear();
    for (uint8_t t : tags) names.emplace_back(veille::ner::tag_name(t));
    scorer.add((*sentences)[k].tags, names);
  }
  std::printf("NER on %s (%zu sentences, %zu tokens), model %s\n", file.c_str(), sentences->size(),
              tokens, model_path.c_str());
  std::printf("entity-level exact match (conlleval), micro-averaged:\n%s", scorer.table().c_str());
  std::printf("token accuracy %.4f\n", double(scorer.tokens_correct()) / double(scorer.tokens()));

  // Speed: one thread, repeated passes over the whole file (features, lexicons, Viterbi). Per core
  // = tokens per second of this thread's CPU time, which stays meaningful on a shared machine;
  // wall-clock figures are printed beside it.
  auto cpu_now = [] {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
  };
  size_t tagged = 0;
  int passes = 0;
  const auto t0 = std::chrono::steady_clock::now();
  const double c0 = cpu_now();
  double cpu = 0;
  do {
    for (const auto& v : views) {
      (*model)->tag(v, ws, tags);
      tagged += v.size();
    }
    ++passes;
    cpu = cpu_now() - c0;
  } while (cpu < min_seconds);
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("speed: %.0f tokens/s per core (CPU time %.2f s; wall clock %.2f s, %.0f tokens/s) "
              "for %d passes, %zu tokens\n",
              double(tagged) / cpu, cpu, wall, double(tagged) / wall, passes, tagged);
  std::printf("reproduce: cmake --build build --target ner_bench && build/bench/ner_bench --data %s "
              "--model %s\n",
              data_dir.c_str(), model_path.c_str());
  return 0;
}
