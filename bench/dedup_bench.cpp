// Near-duplicate detection (MinHash-LSH) on a generated benchmark built from real article texts.
//
// Base texts: the ground-truth `main_content` of the article pages of the WCXB dev split
// (../shared/data/extraction/wcxb/dev/ground-truth/*.json; real text, mostly English), with at
// least 120 words. Every base article is given a fake site (one of 25) whose chrome lines (a
// header, a footer, ad slots) are added to every page of that site, so that different articles of
// one site share boilerplate: the hard negatives. For a third of the bases, copies are generated:
//   syndicated  the same text on another site (that site's chrome) with ads inserted,
//   recrawl     the same page again with other ads and a changed "most read" box,
//   edited      5% of the words substituted, one sentence deleted, one sentence added,
//   reordered   paragraphs shuffled, plus ads,
//   truncated   the first 65-85% of the words (a teaser or a cut-off crawl),
//   heavy       10% substituted, two sentences deleted, paragraphs shuffled, ads.
// Further negatives: "borrowed", an article (not otherwise in the benchmark) on the same site that
// quotes one paragraph of the base, and every other article of the same site.
// Truth: pages of one group (a base and its copies) are pairwise duplicates; nothing else is.
// Reported: pairs found through LSH candidates + estimated Jaccard >= t, precision / recall / F1
// for a sweep of t, recall per copy kind at kDuplicateThreshold, the LSH candidate recall, and
// the cost per page (signature, LSH lookup).
//
// Usage: dedup_bench [WCXB_DIR] [--max-bases N] [--seed S]
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "veille/corpus.h"

namespace fs = std::filesystem;
using namespace veille::corpus;
using Clock = std::chrono::steady_clock;

namespace {

const fs::path kSourceDir = fs::path(__FILE__).parent_path().parent_path();

struct Page {
  std::string text;
  int group;          // base article index
  std::string kind;   // "base", "syndicated", ...
};

std::vector<std::string> split_paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      if (!cur.empty()) out.push_back(cur), cur.clear();
      continue;
    }
    if (!cur.empty()) cur += '\n';
    cur += line;
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> w;
  std::istringstream in(s);
  std::string x;
  while (in >> x) w.push_back(x);
  return w;
}

// Sentences: split after ". " (good enough to delete or add one).
std::vector<std::string> sentences_of(const std::string& paragraph) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i + 1 < paragraph.size(); ++i)
    if ((paragraph[i] == '.' || paragraph[i] == '!' || paragraph[i] == '?') && paragraph[i + 1] == ' ') {
      out.push_back(paragraph.substr(start, i + 1 - start));
      start = i + 2;
    }
  if (start < paragraph.size()) out.push_back(paragraph.substr(start));
  return out;
}

const char* const kAds[] = {
    "Publicité", "Advertisement", "ADVERTISEMENT - CONTINUE READING BELOW",
    "Abonnez-vous à notre newsletter pour ne rien manquer de l'actualité",
    "Subscribe to our newsletter and get the best stories every morning",
    "Lire aussi : les dix destinations à ne pas manquer cet été",
    "Sponsored: this new gadget is taking the country by storm, see why",
    "Offre spéciale : -50% sur votre abonnement numérique pendant un an",
    "Download our app for breaking news alerts on your phone",
    "Related: what experts say about the housing market this year",
    "Cet article vous a plu ? Partagez-le sur les réseaux sociaux",
    "Sign up for free to read more stories like this one every week"};

std::string site_chrome(int site, bool footer) {
  std::ostringstream s;
  if (!footer) {
    s << "Site" << site << " News | Home | World | Politics | Business | Tech | Sport | Culture | Opinion\n";
    s << "Breaking news and analysis from Site" << site << ", your trusted source since " << 1950 + site;
  } else {
    s << "Most read on Site" << site << ": the stories everyone is talking about today\n";
    s << "© Site" << site << " Media Group. All rights reserved. Terms of use | Privacy policy | Cookie settings | "
      << "Contact the newsroom | Advertise with us | Careers | Site map";
  }
  return s.str();
}

std::string with_chrome(const std::vector<std::string>& paragraphs, int site, std::mt19937& rng, int ads) {
  std::vector<std::string> parts = paragraphs;
  for (int k = 0; k < ads && !parts.empty(); ++k) {
    size_t at = std::uniform_int_distribution<size_t>(0, parts.size())(rng);
    parts.insert(parts.begin() + static_cast<long>(at),
                 kAds[std::uniform_int_distribution<size_t>(0, std::size(kAds) - 1)(rng)]);
  }
  return site_chrome(site, false) + "\n\n" + join(parts, "\n\n") + "\n\n" + site_chrome(site, true);
}

std::vector<std::string> substitute(const std::vector<std::string>& paragraphs, double rate,
                                    const std::vector<std::string>& vocabulary, std::mt19937& rng) {
  std::vector<std::string> out;
  std::bernoulli_distribution pick(rate);
  std::uniform_int_distribution<size_t> any(0, vocabulary.size() - 1);
  for (const std::string& p : paragraphs) {
    std::vector<std::string> w = words_of(p);
    for (auto& x : w)
      if (pick(rng)) x = vocabulary[any(rng)];
    out.push_back(join(w, " "));
  }
  return out;
}

void delete_sentences(std::vector<std::string>& paragraphs, int n, std::mt19937& rng) {
  for (int k = 0; k < n; ++k) {
    size_t p = std::uniform_int_distribution<size_t>(0, paragraphs.size() - 1)(rng);
    auto s = sentences_of(paragraphs[p]);
    if (s.size() < 2) continue;
    s.erase(s.begin() + static_cast<long>(std::uniform_int_distribution<size_t>(0, s.size() - 1)(rng)));
    paragraphs[p] = join(s, " ");
  }
}

struct PR {
  long tp = 0, fp = 0, fn = 0;
  double p() const { return tp + fp ? double(tp) / double(tp + fp) : 1.0; }
  double r() const { return tp + fn ? double(tp) / double(tp + fn) : 1.0; }
  double f1() const { return p() + r() > 0 ? 2 * p() * r() / (p() + r()) : 0; }
};

}  // namespace

int main(int argc, char** argv) {
  fs::path dir = kSourceDir.parent_path() / "shared" / "data" / "extraction" / "wcxb" / "dev" / "ground-truth";
  size_t max_bases = 580;
  unsigned seed = 7;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--max-bases" && i + 1 < argc) max_bases = std::stoul(argv[++i]);
    else if (a == "--seed" && i + 1 < argc) seed = static_cast<unsigned>(std::stoul(argv[++i]));
    else dir = a;
  }
  if (!fs::is_directory(dir)) {
    std::printf("WCXB ground truth %s absent: skipping\n", dir.string().c_str());
    return 0;
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<std::vector<std::string>> bases;  // paragraphs
  std::vector<std::string> vocabulary;
  for (const fs::path& f : files) {
    if (bases.size() >= max_bases + max_bases / 3) break;
    std::ifstream in(f, std::ios::binary);
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded()) continue;
    auto type = j.value("/_internal/page_type/primary"_json_pointer, std::string());
    auto text = j.value("/ground_truth/main_content"_json_pointer, std::string());
    if (type != "article") continue;
    auto w = words_of(text);
    if (w.size() < 120) continue;
    auto paragraphs = split_paragraphs(text);
    if (paragraphs.size() < 3) continue;
    bases.push_back(paragraphs);
    for (size_t k = 0; k < w.size(); k += 7) vocabulary.push_back(w[k]);
  }
  // Articles past max_bases are not pages of their own: they are the "borrowed" negatives' texts.
  std::vector<std::vector<std::string>> extras;
  if (bases.size() < max_bases + max_bases / 3) max_bases = bases.size() * 3 / 4;
  if (bases.size() > max_bases) {
    extras.assign(bases.begin() + static_cast<long>(max_bases), bases.end());
    bases.resize(max_bases);
  }
  if (bases.size() < 10 || extras.empty()) {
    std::printf("too few WCXB articles (%zu): skipping\n", bases.size());
    return 0;
  }
  std::mt19937 rng(seed);
  constexpr int kSites = 25;
  std::vector<Page> pages;
  for (size_t b = 0; b < bases.size(); ++b) {
    const int group = static_cast<int>(b);
    const int site = static_cast<int>(b % kSites);
    pages.push_back({with_chrome(bases[b], site, rng, 2), group, "base"});
    if (b % 3 != 0) continue;
    const int other_site = (site + 1 + static_cast<int>(b / kSites) % (kSites - 1)) % kSites;
    pages.push_back({with_chrome(bases[b], other_site, rng, 3), group, "syndicated"});
    pages.push_back({with_chrome(bases[b], site, rng, 4), group, "recrawl"});
    {
      auto p = substitute(bases[b], 0.05, vocabulary, rng);
      delete_sentences(p, 1, rng);
      const auto& donor = bases[(b + 7) % bases.size()];
      auto ds = sentences_of(donor[0]);
      p.insert(p.begin() + static_cast<long>(p.size() / 2), ds[0]);
      pages.push_back({with_chrome(p, other_site, rng, 2), group, "edited"});
    }
    {
      auto p = bases[b];
      std::shuffle(p.begin(), p.end(), rng);
      pages.push_back({with_chrome(p, (other_site + 3) % kSites, rng, 3), group, "reordered"});
    }
    {
      auto w = words_of(join(bases[b], "\n\n"));
      const double keep = std::uniform_real_distribution<double>(0.65, 0.85)(rng);
      w.resize(static_cast<size_t>(static_cast<double>(w.size()) * keep));
      pages.push_back({with_chrome({join(w, " ")}, (other_site + 5) % kSites, rng, 1), group, "truncated"});
    }
    {
      auto p = substitute(bases[b], 0.10, vocabulary, rng);
      delete_sentences(p, 2, rng);
      std::shuffle(p.begin(), p.end(), rng);
      pages.push_back({with_chrome(p, (other_site + 7) % kSites, rng, 4), group, "heavy"});
    }
    {
      // A different article of the same site quoting one paragraph of this one: not a duplicate.
      auto p = extras[(b / 3) % extras.size()];
      p.insert(p.begin() + 1, bases[b][1]);
      pages.push_back({with_chrome(p, site, rng, 2), -1 - group, "borrowed"});
    }
  }

  // Signatures.
  std::vector<MinHash> sigs(pages.size());
  size_t bytes = 0;
  // Wall time and process CPU time: on a shared machine the CPU time is the figure that counts.
  auto t0 = Clock::now();
  std::clock_t c0 = std::clock();
  for (size_t i = 0; i < pages.size(); ++i) sigs[i] = minhash(pages[i].text);
  std::clock_t c1 = std::clock();
  auto t1 = Clock::now();
  for (const Page& p : pages) bytes += p.text.size();
  // LSH: insert and query every page (as ingestion does: look up, then add).
  std::unordered_map<uint64_t, std::vector<uint32_t>> buckets;
  std::set<std::pair<uint32_t, uint32_t>> candidates;
  auto t2 = Clock::now();
  std::clock_t c2 = std::clock();
  for (uint32_t i = 0; i < pages.size(); ++i) {
    if (sigs[i].empty) continue;
    for (uint64_t k : lsh_keys(sigs[i])) {
      auto& v = buckets[k];
      for (uint32_t j : v) candidates.emplace(j, i);
      v.push_back(i);
    }
  }
  std::clock_t c3 = std::clock();
  auto t3 = Clock::now();
  const double sig_us = std::chrono::duration<double, std::micro>(t1 - t0).count() / static_cast<double>(pages.size());
  const double lsh_us = std::chrono::duration<double, std::micro>(t3 - t2).count() / static_cast<double>(pages.size());

  auto is_dup = [&](uint32_t i, uint32_t j) { return pages[i].group == pages[j].group; };
  long truth_pairs = 0;
  std::map<int, std::vector<uint32_t>> by_group;
  for (uint32_t i = 0; i < pages.size(); ++i) by_group[pages[i].group].push_back(i);
  for (const auto& [g, v] : by_group) truth_pairs += static_cast<long>(v.size() * (v.size() - 1) / 2);
  long candidate_true = 0;
  for (const auto& [i, j] : candidates) candidate_true += is_dup(i, j);
  std::vector<double> jac;
  jac.reserve(candidates.size());
  for (const auto& [i, j] : candidates) jac.push_back(estimated_jaccard(sigs[i], sigs[j]));

  size_t empty = 0;
  for (const auto& s : sigs) empty += s.empty;
  std::printf("pages %zu (bases %zu, %zu copies + borrowed-paragraph negatives), mean %.0f bytes, empty signatures %zu\n",
              pages.size(), bases.size(), pages.size() - bases.size(), double(bytes) / double(pages.size()), empty);
  std::printf("truth pairs %ld; LSH candidate pairs %zu, of which true %ld (LSH candidate recall %.4f)\n",
              truth_pairs, candidates.size(), candidate_true, double(candidate_true) / double(truth_pairs));
  const double sig_cpu_us = 1e6 * double(c1 - c0) / CLOCKS_PER_SEC / double(pages.size());
  const double lsh_cpu_us = 1e6 * double(c3 - c2) / CLOCKS_PER_SEC / double(pages.size());
  std::printf("cost per page: signature %.1f us CPU (%.1f us wall), LSH insert+lookup %.1f us CPU (%.1f us wall); "
              "signature %.1f MB/s CPU\n",
              sig_cpu_us, sig_us, lsh_cpu_us, lsh_us, double(bytes) / (double(c1 - c0) / CLOCKS_PER_SEC) / 1e6);
  std::printf("\nthreshold  precision  recall     F1      (pairs = LSH candidates with estimated Jaccard >= t)\n");
  for (double t = 0.20; t < 0.951; t += 0.05) {
    PR pr;
    size_t k = 0;
    for (const auto& [i, j] : candidates) {
      const bool pred = jac[k++] >= t - 1e-9;
      const bool truth = is_dup(i, j);
      pr.tp += pred && truth;
      pr.fp += pred && !truth;
    }
    pr.fn = truth_pairs - pr.tp;
    std::printf("  %.2f%s    %.4f    %.4f    %.4f\n", t, std::abs(t - kDuplicateThreshold) < 1e-9 ? "*" : " ", pr.p(),
                pr.r(), pr.f1());
  }
  // Recall of base-copy pairs per kind at the shipped threshold, and the false positives' kinds.
  std::map<std::string, std::pair<int, int>> per_kind;  // found, total
  std::map<std::string, int> fp_kinds;
  std::set<std::pair<uint32_t, uint32_t>> found;
  {
    size_t k = 0;
    for (const auto& [i, j] : candidates)
      if (jac[k++] >= kDuplicateThreshold) found.emplace(i, j);
  }
  for (const auto& [g, v] : by_group) {
    if (g < 0) continue;
    const uint32_t base = v[0];
    for (size_t k = 1; k < v.size(); ++k) {
      auto& e = per_kind[pages[v[k]].kind];
      ++e.second;
      e.first += found.count({base, v[k]});
    }
  }
  int shown = 0;
  for (const auto& [i, j] : found)
    if (!is_dup(i, j)) {
      ++fp_kinds[pages[i].kind + "/" + pages[j].kind];
      if (std::getenv("DEDUP_SHOW_FP") && shown++ < 3)
        std::printf("FP J=%.2f\n--- %s\n--- %s\n", estimated_jaccard(sigs[i], sigs[j]),
                    pages[i].text.substr(0, 600).c_str(), pages[j].text.substr(0, 600).c_str());
    }
  std::printf("\nat kDuplicateThreshold = %.2f: recall of base-copy pairs by kind:\n", kDuplicateThreshold);
  for (const auto& [kind, e] : per_kind)
    std::printf("  %-11s %4d / %4d  (%.3f)\n", kind.c_str(), e.first, e.second, double(e.first) / e.second);
  std::printf("false positive pairs by kinds:");
  if (fp_kinds.empty()) std::printf(" none");
  for (const auto& [k, n] : fp_kinds) std::printf(" %s=%d", k.c_str(), n);
  std::printf("\nreproduce: cmake --build BUILD --target dedup_bench && BUILD/bench/dedup_bench --max-bases %zu --seed %u\n",
              max_bases, seed);
  return 0;
}
