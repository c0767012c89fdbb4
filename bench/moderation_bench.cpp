// Moderation benchmark: figures of the shipped model on the held-out ToxiFrench fold (fold 0: never
// trained on, never used to choose a setting or the threshold), false positives on clean news
// sentences (UD French dev `# text =` lines), seed checks (obfuscations and seed-000 comments), a
// generated spelling-variation test over the lexicon, and comments per CPU-second on one core.
// With --cv, also nested cross-validation over the 5 topic folds with the default training settings
// (each fold held out in turn; trains 25 models, a few seconds).
//
//   bench/moderation_bench [--shared ../shared] [--model models/moderation-fr.bin] [--lexicon F] [--cv]
#include <chrono>
#include <cstdio>
#include <ctime>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "moderate/lexicon.h"
#include "moderate/train.h"
#include "veille/moderate.h"

namespace fs = std::filesystem;
using veille::Moderation;
using veille::Moderator;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Rng {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
};

bool has_term_covering(const Moderation& m, const std::string& text, const std::string& needle) {
  for (const auto& t : m.terms)
    if (t.text.find(needle) != std::string::npos || needle.find(t.text) != std::string::npos) return true;
  (void)text;
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared = "../shared", model = veille::default_moderation_model_path(), lexicon;
  bool cv = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--cv")) { cv = true; continue; }
    if (i + 1 >= argc) {
      std::fprintf(stderr, "moderation_bench: %s needs a value\n", argv[i]);
      return 2;
    }
    if (!std::strcmp(argv[i], "--shared")) shared = argv[++i];
    else if (!std::strcmp(argv[i], "--model")) model = argv[++i];
    else if (!std::strcmp(argv[i], "--lexicon")) lexicon = argv[++i];
    else {
      std::fprintf(stderr, "moderation_bench: unknown option %s\n", argv[i]);
      return 2;
    }
  }
  std::printf("command: %s --shared %s --model %s%s%s%s\n", argv[0], shared.c_str(), model.c_str(),
              lexicon.empty() ? "" : " --lexicon ", lexicon.c_str(), cv ? " --cv" : "");
  if (!fs::exists(shared + "/data/toxicity")) {
    std::printf("%s/data/toxicity not found: nothing to measure (skipped)\n", shared.c_str());
    return 0;
  }
  auto mod = Moderator::load(model, lexicon);
  if (!mod.ok()) {
    std::fprintf(stderr, "moderation_bench: %s\n", mod.status().to_string().c_str());
    return 1;
  }
  const Moderator& m = **mod;
  std::printf("model: %s\nthreshold: %.2f\n", m.description().c_str(), m.threshold());

  // 1. Dev: the ToxiFrench fold held out at training (fold 0 of 5 by topic).
  auto data = veille::moderate::read_toxicity_data(shared + "/data/toxicity", 5);
  if (!data.ok()) {
    std::fprintf(stderr, "moderation_bench: %s\n", data.status().to_string().c_str());
    return 1;
  }
  std::vector<float> scores;
  std::vector<bool> gold;
  for (const auto& c : *data) {
    if (c.source != veille::moderate::DataSource::kToxiFrench || c.fold != 0) continue;
    scores.push_back(m.classify(c.text).score);
    gold.push_back(c.toxic);
  }
  auto f = veille::moderate::figures_at(scores, gold, m.threshold());
  std::printf("held-out (ToxiFrench fold 0, n=%zu): macro-F1 %.3f  toxic precision %.3f recall %.3f F1 %.3f\n",
              f.n, f.macro_f1(), f.precision(), f.recall(), f.f1_toxic());

  // 2. False positives on clean news sentences.
  size_t sentences = 0, flagged = 0, with_terms = 0;
  std::vector<std::string> examples;
  for (const auto& dir : fs::directory_iterator(shared + "/data/ud")) {
    for (const auto& file : fs::directory_iterator(dir.path())) {
      std::string name = file.path().filename().string();
      if (name.find("dev") == std::string::npos || file.path().extension() != ".conllu") continue;
      std::ifstream in(file.path());
      std::string line;
      while (std::getline(in, line)) {
        if (line.rfind("# text = ", 0) != 0) continue;
        std::string text = line.substr(9);
        Moderation r = m.classify(text);
        ++sentences;
        flagged += r.toxic;
        with_terms += !r.terms.empty();
        if (!r.terms.empty() && examples.size() < 12)
          examples.push_back(r.terms[0].text + " -> " + r.terms[0].normalized);
      }
    }
  }
  std::printf("clean news (UD dev sentences, n=%zu): false positives %.2f%% (%zu), sentences with a term %.2f%%\n",
              sentences, sentences ? 100.0 * double(flagged) / double(sentences) : 0.0, flagged,
              sentences ? 100.0 * double(with_terms) / double(sentences) : 0.0);
  for (const auto& e : examples) std::printf("  term in clean news: %s\n", e.c_str());

  // 3. Seeds.
  size_t obf_ok = 0, obf_n = 0;
  auto obf = nlohmann::json::parse(slurp(shared + "/seeds/gold/obfuscations.json"), nullptr, false);
  if (!obf.is_discarded()) {
    for (const auto& item : obf["items"]) {
      std::string seed = slurp(shared + "/seeds/" + item["file"].get<std::string>());
      std::string needle = item["text"].get<std::string>();
      std::istringstream lines(seed);
      std::string line;
      bool found = false;
      while (std::getline(lines, line))
        if (line.find(needle) != std::string::npos && has_term_covering(m.classify(line), line, needle)) found = true;
      ++obf_n;
      obf_ok += found;
      if (!found) std::printf("  obfuscation missed: %s\n", needle.c_str());
    }
  }
  size_t seed_ok = 0, seed_n = 0;
  for (const auto& entry : fs::directory_iterator(shared + "/seeds/gold")) {
    if (entry.path().string().find(".comments.json") == std::string::npos) continue;
    auto j = nlohmann::json::parse(slurp(entry.path()), nullptr, false);
    if (j.is_discarded()) continue;
    for (const auto& c : j["comments"]) {
      if (c["toxic"].is_null()) continue;
      ++seed_n;
      Moderation r = m.classify(c["text"].get<std::string>());
      if (r.toxic == c["toxic"].get<bool>()) ++seed_ok;
      else std::printf("  seed comment wrong (gold %s, score %.3f): %.70s...\n",
                       c["toxic"].get<bool>() ? "toxic" : "clean", r.score, c["text"].get<std::string>().c_str());
    }
  }
  std::printf("seeds: obfuscations detected %zu/%zu, seed comments right %zu/%zu\n", obf_ok, obf_n, seed_ok, seed_n);

  // 4. Spelling variations of lexicon words, in a neutral sentence.
  std::string lex_path = lexicon.empty() ? (fs::path(model).parent_path() / "moderation-lexicon-fr.tsv").string() : lexicon;
  std::vector<std::string> words;
  {
    std::istringstream in(slurp(lex_path));
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      auto tab = line.find('\t');
      std::string w = line.substr(0, tab), cat = line.substr(tab + 1, line.find('\t', tab + 1) - tab - 1);
      // Valence lines are stems that are never terms: no variation of them is expected.
      if (cat == "safe" || cat == "valence" || w.find(' ') != std::string::npos || w.find('-') != std::string::npos) continue;
      bool ascii = true;
      for (unsigned char c : w) ascii &= c < 0x80;
      if (ascii && w.size() >= 5) words.push_back(w);
    }
  }
  const char* kinds[] = {"leet", "added space", "removed spaces", "swapped letters", "dropped letter"};
  size_t caught[5] = {}, tried[5] = {};
  Rng rng{42};
  for (const auto& w : words) {
    for (int k = 0; k < 5; ++k) {
      std::string v = w, sentence;
      size_t pos = 1 + rng.next() % (w.size() - 2);
      switch (k) {
        case 0: {
          bool changed = false;
          for (char& c : v) {
            const char* from = "aeios";
            const char* to = "@310$";
            if (const char* p = std::strchr(from, c); p && (rng.next() % 2 || !changed)) { c = to[p - from]; changed = true; }
          }
          sentence = "Franchement quel " + v + " ce type";
          break;
        }
        case 1: v.insert(pos, " "); sentence = "Franchement quel " + v + " ce type"; break;
        case 2: sentence = "Franchement t'es un " + w + " mon vieux"; sentence = "tesun" + w; v = sentence; break;
        case 3: std::swap(v[pos], v[pos + 1 < v.size() ? pos + 1 : pos - 1]); sentence = "Franchement quel " + v + " ce type"; break;
        case 4: v.erase(pos, 1); sentence = "Franchement quel " + v + " ce type"; break;
      }
      if (v == w) continue;
      ++tried[k];
      caught[k] += has_term_covering(m.classify(sentence), sentence, v);
    }
  }
  size_t all_c = 0, all_t = 0;
  for (int k = 0; k < 5; ++k) {
    std::printf("variation %-16s caught %4zu/%4zu (%.1f%%)\n", kinds[k], caught[k], tried[k],
                tried[k] ? 100.0 * double(caught[k]) / double(tried[k]) : 0.0);
    all_c += caught[k];
    all_t += tried[k];
  }
  std::printf("variations: caught %.1f%% of %zu (from %zu lexicon words)\n",
              all_t ? 100.0 * double(all_c) / double(all_t) : 0.0, all_t, words.size());

  // 5. Speed on one core over the training comments. CPU time of this thread: the machine is
  // shared, and wall time would measure the other jobs.
  std::vector<const std::string*> texts;
  for (const auto& c : *data) texts.push_back(&c.text);
  auto cpu_now = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
  };
  size_t done = 0, bytes = 0;
  const auto w0 = std::chrono::steady_clock::now();
  const double c0 = cpu_now();
  double cpu = 0;
  while (cpu < 2.0) {
    for (const auto* t : texts) { volatile float s = m.classify(*t).score; (void)s; bytes += t->size(); }
    done += texts.size();
    cpu = cpu_now() - c0;
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
  std::printf("speed: %.0f comments per CPU-second on one core (%.1f MB/s CPU, mean %zu bytes/comment; "
              "wall %.0f comments/s)\n",
              double(done) / cpu, double(bytes) / cpu / 1e6, bytes / done, double(done) / wall);

  // 6. Nested cross-validation: a figure over all 500 ToxiFrench comments with its spread.
  if (cv) {
    std::vector<veille::moderate::LabeledComment> all = *data;
    if (veille::Status st = veille::moderate::read_clean_sentences(shared + "/data/ud", &all); !st.ok()) {
      std::fprintf(stderr, "moderation_bench: %s\n", st.to_string().c_str());
      return 1;
    }
    auto lex = veille::moderate::Lexicon::parse(slurp(lex_path), lex_path);
    if (!lex.ok()) {
      std::fprintf(stderr, "moderation_bench: %s\n", lex.status().to_string().c_str());
      return 1;
    }
    auto result = veille::moderate::nested_cross_validation(all, **lex, {});
    if (!result.ok()) {
      std::fprintf(stderr, "moderation_bench: %s\n", result.status().to_string().c_str());
      return 1;
    }
    std::printf("nested cross-validation (default training settings, UD train as clean text):\n%s",
                result->table.c_str());
  }
  return 0;
}
