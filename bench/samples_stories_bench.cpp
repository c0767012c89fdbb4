// Story and thread evidence on samples/: why two pages are (or are not) put in one story.
//
// Runs the annotate pipeline on samples/ (as `veille review` does, without moderation), profiles
// every page against the shipped background and prints, per page, its day, the days and weekdays
// its text gives, and its top key terms and entities; then, as TSV, for every pair of pages, the
// story similarity of one with a story made of the other (terms and entities apart), and the
// thread similarity of their single-page stories, with the entities and terms they share. The
// pairs are what scripts/score_samples_review.py's errors are read against.
//
// Usage: samples_stories_bench [SAMPLES_DIR] [--background FILE] [--pairs FILE]
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "veille/corpus.h"
#include "veille/nlp.h"
#include "veille/pipeline.h"

namespace fs = std::filesystem;
using namespace veille;
using namespace veille::corpus;

namespace {

const fs::path kSourceDir = fs::path(__FILE__).parent_path().parent_path();

std::string day_text(std::optional<int32_t> d) {
  if (!d) return "none";
  // civil from days (Howard Hinnant)
  int32_t z = *d + 719468;
  const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned dd = doy - (153 * mp + 2) / 5 + 1;
  const unsigned mm = mp < 10 ? mp + 3 : mp - 9;
  y += mm <= 2;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, mm, dd);
  return buf;
}

std::string shared(const std::vector<std::pair<std::string, float>>& a,
                   const std::vector<std::pair<std::string, float>>& b, size_t k) {
  std::vector<std::pair<double, std::string>> both;
  for (const auto& [t, w] : a)
    for (const auto& [u, v] : b)
      if (t == u) both.emplace_back(static_cast<double>(w) * v, t);
  std::sort(both.rbegin(), both.rend());
  std::string out;
  for (size_t i = 0; i < both.size() && i < k; ++i) out += (i ? "," : "") + both[i].second;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path samples = kSourceDir / "samples";
  std::string background_path = (kSourceDir / "models" / "background-fr.tsv").string();
  std::string pairs_path = "samples_pairs.tsv";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--background" && i + 1 < argc) background_path = argv[++i];
    else if (a == "--pairs" && i + 1 < argc) pairs_path = argv[++i];
    else samples = a;
  }
  auto bg = Background::load(background_path);
  if (!bg.ok()) {
    std::fprintf(stderr, "%s\n", bg.status().to_string().c_str());
    return 1;
  }
  Pipeline pipeline;
  if (Status st = add_language_stages(pipeline, LanguageOptions{}); !st.ok()) {
    std::fprintf(stderr, "%s\n", st.to_string().c_str());
    return 1;
  }
  std::vector<Document> docs;
  pipeline.process_inputs({samples.string()}, [&](const Document& d) { docs.push_back(d); },
                          [&](const InputError& e) { std::fprintf(stderr, "error: %s\n", e.source.c_str()); });
  std::sort(docs.begin(), docs.end(), [](const Document& a, const Document& b) { return a.source < b.source; });
  std::vector<ArticleProfile> profiles;
  for (const Document& d : docs) profiles.push_back(profile(d, *bg));
  for (size_t i = 0; i < docs.size(); ++i) {
    const ArticleProfile& p = profiles[i];
    std::printf("%s\n  day %s weekdays %02x events", docs[i].source.c_str(), day_text(p.day).c_str(), p.weekdays);
    for (int32_t d : p.event_days) std::printf(" %s", day_text(d).c_str());
    std::printf("\n  terms");
    for (size_t k = 0; k < 10 && k < p.terms.size(); ++k) std::printf(" %s:%.2f", p.terms[k].first.c_str(), p.terms[k].second);
    std::printf("\n  entities");
    for (size_t k = 0; k < 8 && k < p.entities.size(); ++k)
      std::printf(" %s:%.2f", p.entities[k].first.c_str(), p.entities[k].second);
    std::printf("\n");
  }
  std::FILE* f = std::fopen(pairs_path.c_str(), "w");
  if (!f) {
    std::fprintf(stderr, "cannot write %s\n", pairs_path.c_str());
    return 1;
  }
  std::fprintf(f, "a\tb\tstory\tthread\tshared_entities\tshared_terms\n");
  for (size_t i = 0; i < docs.size(); ++i)
    for (size_t j = 0; j < docs.size(); ++j) {
      if (i == j) continue;
      const StoryProfile sj = new_story(profiles[j]);
      std::fprintf(f, "%s\t%s\t%.3f\t%.3f\t%s\t%s\n", docs[i].source.c_str(), docs[j].source.c_str(),
                   story_similarity(profiles[i], sj), thread_similarity(new_story(profiles[i]), sj),
                   shared(profiles[i].entities, profiles[j].entities, 6).c_str(),
                   shared(profiles[i].terms, profiles[j].terms, 8).c_str());
    }
  std::fclose(f);
  // The expected stories of samples/EXPECTED.json, each built from its pages in file order: the
  // thread similarity of every two of them, and each page's similarity with every expected story
  // but its own (its own story without it: leave one out).
  std::ifstream in(samples / "EXPECTED.json");
  if (in) {
    nlohmann::json expected = nlohmann::json::parse(in, nullptr, false);
    std::map<std::string, std::string> story_of, thread_of;
    for (const auto& pg : expected["pages"]) story_of[(samples / pg["source"].get<std::string>()).string()] = pg["story"];
    for (const auto& [t, ss] : expected["threads"].items())
      for (const auto& st : ss) thread_of[st.get<std::string>()] = t;
    std::map<std::string, std::vector<size_t>> members;
    for (size_t i = 0; i < docs.size(); ++i)
      if (auto it = story_of.find(docs[i].source); it != story_of.end()) members[it->second].push_back(i);
    auto build = [&](const std::vector<size_t>& idx, size_t skip) {
      StoryProfile sp;
      for (size_t i : idx)
        if (i != skip) add_to_story(sp, profiles[i]);
      return sp;
    };
    std::map<std::string, StoryProfile> gold;
    for (const auto& [name, idx] : members) gold[name] = build(idx, SIZE_MAX);
    std::printf("\nthread similarity of expected stories (* = same expected thread) [kThreadThreshold %.2f]\n",
                kThreadThreshold);
    for (const auto& [a, sa] : gold)
      for (const auto& [b, sb] : gold) {
        if (a >= b) continue;
        const bool same = thread_of.count(a) && thread_of.count(b) && thread_of[a] == thread_of[b];
        const double t = thread_similarity(sa, sb);
        if (same || t >= 0.2) std::printf("  %s %-22s %-22s %.3f\n", same ? "*" : " ", a.c_str(), b.c_str(), t);
      }
    std::printf("\npage against expected stories: own story (without the page), best other [kStoryThreshold %.2f]\n",
                kStoryThreshold);
    for (size_t i = 0; i < docs.size(); ++i) {
      auto it = story_of.find(docs[i].source);
      if (it == story_of.end()) continue;
      const auto& idx = members[it->second];
      double own = -1;
      if (idx.size() > 1) own = story_similarity(profiles[i], build(idx, i));
      double best = -1;
      std::string best_name;
      for (const auto& [name, sp] : gold) {
        if (name == it->second) continue;
        const double v = story_similarity(profiles[i], sp);
        if (v > best) best = v, best_name = name;
      }
      std::printf("  %-60s %-20s own %6.3f  best other %.3f %s\n", docs[i].source.c_str() + samples.string().size() + 1,
                  it->second.c_str(), own, best, best_name.c_str());
    }
  }
  std::printf("kStoryThreshold %.2f kThreadThreshold %.2f; pairs in %s\n", kStoryThreshold, kThreadThreshold,
              pairs_path.c_str());
  std::printf("reproduce: cmake --build BUILD --target samples_stories_bench && BUILD/bench/samples_stories_bench\n");
  return 0;
}
