// Stories and threads on the seed pages of ../shared/seeds.
//
// Runs the annotate pipeline (extract, then add_language_stages) on every seed, profiles each
// article against the shipped background, and assigns the articles to stories incrementally, as
// `veille ingest` does: candidates are the stories sharing a story key with the article, the best
// one at or above kStoryThreshold is joined, else a new story starts. Stories are then linked into
// threads (pairs at or above kThreadThreshold, transitively). The assignment is run in the seeds'
// order, in reverse and in 20 shuffled orders; the result must not depend on the order.
//
// Truth (issue 5): 002 and 003 (the 12 February call) form one story; 000, 001 and 004 are three
// other stories; all five form one thread. Reported: pairwise precision / recall / F1 of the
// same-story relation, and of the same-thread relation, per order, and the similarity matrix.
//
// Usage: seeds_stories_bench [SEEDS_DIR] [--background FILE] [--verbose]
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "veille/corpus.h"
#include "veille/nlp.h"
#include "veille/pipeline.h"

namespace fs = std::filesystem;
using namespace veille;
using namespace veille::corpus;

namespace {

const fs::path kSourceDir = fs::path(__FILE__).parent_path().parent_path();

struct Clustering {
  std::vector<int> story;   // per article (index in the seeds' order)
  std::vector<int> thread;  // per article
};

Clustering assign(const std::vector<ArticleProfile>& profiles, const std::vector<size_t>& order) {
  std::vector<StoryProfile> stories;
  std::map<std::string, std::set<int>> index;  // story key -> stories
  Clustering c;
  c.story.assign(profiles.size(), -1);
  for (size_t i : order) {
    const ArticleProfile& a = profiles[i];
    std::set<int> candidates;
    for (const std::string& k : story_keys(a))
      if (auto it = index.find(k); it != index.end()) candidates.insert(it->second.begin(), it->second.end());
    int best = -1;
    double best_sim = 0;
    for (int s : candidates) {
      double sim = story_similarity(a, stories[static_cast<size_t>(s)]);
      if (sim > best_sim) {
        best_sim = sim;
        best = s;
      }
    }
    if (best >= 0 && best_sim >= kStoryThreshold) {
      add_to_story(stories[static_cast<size_t>(best)], a);
    } else {
      best = static_cast<int>(stories.size());
      stories.push_back(new_story(a));
    }
    c.story[i] = best;
    for (const std::string& k : story_keys(stories[static_cast<size_t>(best)])) index[k].insert(best);
  }
  // Threads: union-find over story pairs.
  std::vector<int> parent(stories.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](int x) {
    while (parent[static_cast<size_t>(x)] != x) x = parent[static_cast<size_t>(x)] = parent[static_cast<size_t>(parent[static_cast<size_t>(x)])];
    return x;
  };
  for (size_t x = 0; x < stories.size(); ++x)
    for (size_t y = x + 1; y < stories.size(); ++y)
      if (thread_similarity(stories[x], stories[y]) >= kThreadThreshold)
        parent[static_cast<size_t>(find(static_cast<int>(x)))] = find(static_cast<int>(y));
  c.thread.resize(profiles.size());
  for (size_t i = 0; i < profiles.size(); ++i) c.thread[i] = find(c.story[i]);
  return c;
}

struct PR {
  int tp = 0, fp = 0, fn = 0;
  double p() const { return tp + fp ? double(tp) / (tp + fp) : 1.0; }
  double r() const { return tp + fn ? double(tp) / (tp + fn) : 1.0; }
  double f1() const { return p() + r() > 0 ? 2 * p() * r() / (p() + r()) : 0; }
};

PR pairwise(const std::vector<int>& got, const std::vector<int>& truth) {
  PR pr;
  for (size_t i = 0; i < got.size(); ++i)
    for (size_t j = i + 1; j < got.size(); ++j) {
      bool g = got[i] == got[j], t = truth[i] == truth[j];
      pr.tp += g && t;
      pr.fp += g && !t;
      pr.fn += !g && t;
    }
  return pr;
}

// Canonical form of a clustering: groups of seed names, sorted.
std::string groups(const std::vector<int>& labels, const std::vector<std::string>& names) {
  std::map<int, std::vector<std::string>> by;
  for (size_t i = 0; i < labels.size(); ++i) by[labels[i]].push_back(names[i]);
  std::vector<std::string> parts;
  for (auto& [l, v] : by) {
    std::sort(v.begin(), v.end());
    std::string s = "{";
    for (size_t k = 0; k < v.size(); ++k) s += (k ? "," : "") + v[k];
    parts.push_back(s + "}");
  }
  std::sort(parts.begin(), parts.end());
  std::string out;
  for (const auto& p : parts) out += p + " ";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path seeds = kSourceDir.parent_path() / "shared" / "seeds";
  bool verbose = false;
  std::string dump_path;  // annotated documents as JSON Lines, for offline analysis
  std::string background_path = (kSourceDir / "models" / "background-fr.tsv").string();
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--background" && i + 1 < argc) background_path = argv[++i];
    else if (a == "--verbose") verbose = true;
    else if (a == "--dump" && i + 1 < argc) dump_path = argv[++i];
    else seeds = a;
  }
  if (!fs::is_directory(seeds)) {
    std::printf("seeds directory %s absent: skipping\n", seeds.string().c_str());
    return 0;
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
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(seeds))
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  std::vector<Document> docs;
  pipeline.process_inputs(files, [&](const Document& d) { docs.push_back(d); },
                          [&](const InputError& e) { std::fprintf(stderr, "error: %s\n", e.source.c_str()); });
  if (!dump_path.empty()) {
    std::FILE* f = std::fopen(dump_path.c_str(), "w");
    JsonOptions jo;
    jo.include_annotations = true;
    for (const Document& d : docs) std::fprintf(f, "%s\n", to_json(d, jo).c_str());
    std::fclose(f);
  }
  std::vector<std::string> names;
  std::vector<ArticleProfile> profiles;
  for (const Document& d : docs) {
    names.push_back(fs::path(d.source).filename().string().substr(0, 3));
    profiles.push_back(profile(d, *bg));
  }
  std::printf("background: %s (%llu documents, %zu terms)\n", background_path.c_str(),
              static_cast<unsigned long long>(bg->documents()), bg->size());
  for (size_t i = 0; i < profiles.size(); ++i) {
    std::printf("%s day=%s event_days=%zu dates=%zu terms:", names[i].c_str(),
                profiles[i].day ? std::to_string(*profiles[i].day).c_str() : "none",
                profiles[i].event_days.size(), docs[i].annotations.dates.size());
    for (size_t k = 0; k < 8 && k < profiles[i].terms.size(); ++k)
      std::printf(" %s:%.2f", profiles[i].terms[k].first.c_str(), profiles[i].terms[k].second);
    std::printf("\n");
    if (verbose)
      for (const DateMention& m : docs[i].annotations.dates)
        std::printf("    date %s %s \"%s\"\n", m.kind.c_str(), m.value.c_str(),
                    docs[i].text.substr(m.span.begin, m.span.end - m.span.begin).c_str());
  }
  // Different articles about one thread: their text must not look like near-duplicates.
  double max_jaccard = 0;
  for (size_t i = 0; i < docs.size(); ++i)
    for (size_t j = i + 1; j < docs.size(); ++j)
      max_jaccard = std::max(max_jaccard, estimated_jaccard(minhash(docs[i].text), minhash(docs[j].text)));
  std::printf("largest estimated Jaccard between two seeds: %.3f (kDuplicateThreshold %.2f)\n", max_jaccard,
              kDuplicateThreshold);
  std::printf("\nstory_similarity(article, single-article story)   [kStoryThreshold %.2f]\n     ", kStoryThreshold);
  for (const auto& n : names) std::printf("%7s", n.c_str());
  std::printf("\n");
  for (size_t i = 0; i < profiles.size(); ++i) {
    std::printf("%5s", names[i].c_str());
    for (size_t j = 0; j < profiles.size(); ++j)
      std::printf("%7.3f", i == j ? 1.0 : story_similarity(profiles[i], new_story(profiles[j])));
    std::printf("\n");
  }
  if (verbose) {
    for (int kind = 0; kind < 2; ++kind) {
      std::printf("\n%s cosine of articles\n", kind ? "entities" : "terms");
      for (size_t i = 0; i < profiles.size(); ++i) {
        std::printf("%5s", names[i].c_str());
        for (size_t j = 0; j < profiles.size(); ++j) {
          const auto& a = kind ? profiles[i].entities : profiles[i].terms;
          const auto& b = kind ? profiles[j].entities : profiles[j].terms;
          double dot = 0;
          for (const auto& [t, w] : a)
            for (const auto& [u, v] : b)
              if (t == u) dot += w * v;
          std::printf("%7.3f", dot);
        }
        std::printf("\n");
      }
    }
    // What two articles share: the largest products of term weights, and of entity weights.
    for (size_t i = 0; i < profiles.size(); ++i)
      for (size_t j = i + 1; j < profiles.size(); ++j) {
        for (int kind = 0; kind < 2; ++kind) {
          const auto& a = kind ? profiles[i].entities : profiles[i].terms;
          const auto& b = kind ? profiles[j].entities : profiles[j].terms;
          std::vector<std::pair<float, std::string>> shared;
          double dot = 0;
          for (const auto& [t, w] : a)
            for (const auto& [u, v] : b)
              if (t == u) shared.emplace_back(w * v, t), dot += w * v;
          std::sort(shared.rbegin(), shared.rend());
          std::printf("  %s-%s %s dot=%.3f:", names[i].c_str(), names[j].c_str(), kind ? "entities" : "terms", dot);
          for (size_t k = 0; k < shared.size() && k < 8; ++k)
            std::printf(" %s:%.3f", shared[k].second.c_str(), shared[k].first);
          std::printf("\n");
        }
      }
  }
  std::printf("\nthread_similarity(single-article stories)   [kThreadThreshold %.2f]\n     ", kThreadThreshold);
  for (const auto& n : names) std::printf("%7s", n.c_str());
  std::printf("\n");
  for (size_t i = 0; i < profiles.size(); ++i) {
    std::printf("%5s", names[i].c_str());
    for (size_t j = 0; j < profiles.size(); ++j)
      std::printf("%7.3f", thread_similarity(new_story(profiles[i]), new_story(profiles[j])));
    std::printf("\n");
  }

  // Truth, by seed name.
  std::map<std::string, int> truth_story = {{"000", 0}, {"001", 1}, {"002", 2}, {"003", 2}, {"004", 3}};
  std::vector<int> ts, tt;
  for (const auto& n : names) {
    ts.push_back(truth_story.count(n) ? truth_story[n] : 100 + static_cast<int>(ts.size()));
    tt.push_back(0);
  }
  std::vector<std::vector<size_t>> orders;
  std::vector<std::string> order_names;
  std::vector<size_t> o(profiles.size());
  std::iota(o.begin(), o.end(), 0);
  orders.push_back(o);
  order_names.push_back("seeds");
  orders.emplace_back(o.rbegin(), o.rend());
  order_names.push_back("reverse");
  std::mt19937 rng(12345);
  for (int k = 0; k < 20; ++k) {
    std::shuffle(o.begin(), o.end(), rng);
    orders.push_back(o);
    order_names.push_back("shuffle" + std::to_string(k + 1));
  }
  std::set<std::string> distinct_stories, distinct_threads;
  PR story_total, thread_total;
  std::printf("\n");
  for (size_t k = 0; k < orders.size(); ++k) {
    Clustering c = assign(profiles, orders[k]);
    PR ps = pairwise(c.story, ts), pt = pairwise(c.thread, tt);
    story_total.tp += ps.tp, story_total.fp += ps.fp, story_total.fn += ps.fn;
    thread_total.tp += pt.tp, thread_total.fp += pt.fp, thread_total.fn += pt.fn;
    distinct_stories.insert(groups(c.story, names));
    distinct_threads.insert(groups(c.thread, names));
    if (k < 3)
      std::printf("%-9s stories %s P=%.2f R=%.2f | threads %s P=%.2f R=%.2f\n", order_names[k].c_str(),
                  groups(c.story, names).c_str(), ps.p(), ps.r(), groups(c.thread, names).c_str(), pt.p(), pt.r());
  }
  {
    // Summary and timeline of each story of the seeds' order, for a person to judge.
    Clustering c = assign(profiles, orders[0]);
    std::map<int, std::vector<size_t>> members;
    for (size_t i = 0; i < c.story.size(); ++i) members[c.story[i]].push_back(i);
    for (const auto& [story, idx] : members) {
      std::vector<const Document*> arts;
      std::string who;
      for (size_t i : idx) arts.push_back(&docs[i]), who += names[i] + " ";
      auto summary = summarize(arts);
      auto events = timeline(arts);
      std::printf("\nstory {%s}: %zu summary sentences, %zu timeline events\n", who.c_str(), summary.size(),
                  events.size());
      for (const auto& sen : summary)
        std::printf("  [%s] %s\n", names[idx[sen.article]].c_str(), sen.text.substr(0, 160).c_str());
      for (const auto& e : events)
        std::printf("  %s: %s\n", e.value.c_str(), e.text.substr(0, 120).c_str());
    }
  }
  std::printf("\nover %zu orders: stories pairwise P=%.3f R=%.3f F1=%.3f; threads P=%.3f R=%.3f F1=%.3f\n",
              orders.size(), story_total.p(), story_total.r(), story_total.f1(), thread_total.p(),
              thread_total.r(), thread_total.f1());
  std::printf("distinct story clusterings across orders: %zu; distinct thread clusterings: %zu (1 = order-independent)\n",
              distinct_stories.size(), distinct_threads.size());
  std::printf("expected stories: {000} {001} {002,003} {004}; expected threads: {000,001,002,003,004}\n");
  std::printf("reproduce: cmake --build BUILD --target seeds_stories_bench && BUILD/bench/seeds_stories_bench\n");
  return 0;
}
