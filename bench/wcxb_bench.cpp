// Quality and speed of HTML main-content extraction on the WCXB dev split.
//
// Quality: mean per-page word-level F1 of Document::text against ground_truth.main_content, where
// tokens are maximal runs of Unicode word characters (letters, digits, underscore), lower-cased,
// compared as bags of words (multiset overlap). Also title exact match, and F1 by page type.
// On the article pages, the ScrapingHub article-extraction metric (shingles of 4 tokens) as well:
// the held-out ScrapingHub set itself is not here, so that figure is only a proxy for it.
//
// Speed: every page is gunzipped into memory first; then one thread extracts them all, timing the
// HTML parse (building the DOM) apart from the rest (scoring, blocks, metadata, comments).
//
// Times are this thread's CPU time (CLOCK_THREAD_CPUTIME_ID): the machine is shared, and wall time
// follows the other users' load.
//
// Usage: wcxb_bench [--data DIR] [--parser native|libxml2|gumbo|both|all] [--limit N] [--repeat N]
//                   [--page NNNN] [--worst N] [--quality-only] [--scores FILE.tsv] [--dump FILE.jsonl]
// --scores writes one line per page: id, page type, precision, recall, F1. --dump writes one JSON
// object per page (id, type, F1, body blocks, removed blocks, comments, truth) for study with other tools. --worst N lists the N
// lowest-F1 pages overall and per page type; --page NNNN prints one page's blocks, removed text
// and ground truth.
// DIR is the WCXB dev directory (holding html/ and ground-truth/) or any ancestor laid out as
// /work/shared (DIR/data/extraction/wcxb/dev). Without --data, ../shared next to the source tree.
// Exits 0 with a message when the data is absent, so that a checkout without it still passes.

#include <sched.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "common.h"
#include "extract/dom.h"
#include "extract/html_content.h"
#include "veille/extract.h"

namespace fs = std::filesystem;

// This thread's CPU time, so that figures do not depend on what else runs on the machine.
struct ThreadCpuClock {
  using duration = std::chrono::nanoseconds;
  using rep = duration::rep;
  using period = duration::period;
  using time_point = std::chrono::time_point<ThreadCpuClock>;
  static constexpr bool is_steady = true;
  static time_point now() {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return time_point(duration(std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec)));
  }
};
using Clock = ThreadCpuClock;

namespace {

struct Page {
  std::string id;  // "0001"
  std::string html;
  std::string url;
  std::string page_type;
  std::string truth_text;
  std::optional<std::string> truth_title;
};

// The WCXB dev directory (holding html/ and ground-truth/): --data DIR is that directory or an
// ancestor laid out like the shared data root; without it, the shared data beside the checkout.
std::optional<fs::path> find_dev_dir(const std::string& data_arg) {
  for (const char* rel : {"data/extraction/wcxb/dev", "extraction/wcxb/dev", "wcxb/dev", "dev", ""}) {
    auto dir = veille::bench::find_shared(data_arg, rel);
    if (dir && fs::is_directory(*dir / "html") && fs::is_directory(*dir / "ground-truth")) return dir;
    if (data_arg.empty()) break;
  }
  return std::nullopt;
}

// Appends the word tokens of UTF-8 `text` (maximal runs of letters, digits and '_') to `out`,
// lower-cased when `lower`.
void word_tokens(std::string_view text, std::vector<std::string>& out, bool lower = true) {
  std::string current;
  size_t i = 0;
  auto flush = [&] {
    if (!current.empty()) out.push_back(std::move(current));
    current.clear();
  };
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (std::isalnum(c) || c == '_') {
        current += lower ? static_cast<char>(std::tolower(c)) : static_cast<char>(c);
      } else {
        flush();
      }
      ++i;
      continue;
    }
    // Decode one UTF-8 sequence; invalid bytes count as separators.
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    UChar32 cp = -1;
    if (len > 1 && i + static_cast<size_t>(len) <= text.size()) {
      cp = c & (0x3F >> (len - 1));
      for (int k = 1; k < len; ++k) {
        unsigned char cc = static_cast<unsigned char>(text[i + static_cast<size_t>(k)]);
        if ((cc & 0xC0) != 0x80) { cp = -1; break; }
        cp = (cp << 6) | (cc & 0x3F);
      }
    }
    // Python's \w (what the WCXB and ScrapingHub scorers use): letters and all numbers (Nd, Nl,
    // No: "²" and "Ⅳ" are word characters), not combining marks.
    const int8_t type = cp >= 0 ? u_charType(cp) : 0;
    if (cp >= 0 && (u_isalpha(cp) || type == U_DECIMAL_DIGIT_NUMBER || type == U_LETTER_NUMBER ||
                    type == U_OTHER_NUMBER)) {
      UChar32 lower_cp = lower ? u_tolower(cp) : cp;
      char enc[4];
      int n = 0;
      if (lower_cp < 0x800) {
        enc[n++] = static_cast<char>(0xC0 | (lower_cp >> 6));
        enc[n++] = static_cast<char>(0x80 | (lower_cp & 0x3F));
      } else if (lower_cp < 0x10000) {
        enc[n++] = static_cast<char>(0xE0 | (lower_cp >> 12));
        enc[n++] = static_cast<char>(0x80 | ((lower_cp >> 6) & 0x3F));
        enc[n++] = static_cast<char>(0x80 | (lower_cp & 0x3F));
      } else {
        enc[n++] = static_cast<char>(0xF0 | (lower_cp >> 18));
        enc[n++] = static_cast<char>(0x80 | ((lower_cp >> 12) & 0x3F));
        enc[n++] = static_cast<char>(0x80 | ((lower_cp >> 6) & 0x3F));
        enc[n++] = static_cast<char>(0x80 | (lower_cp & 0x3F));
      }
      if (lower_cp < 0x80) current += static_cast<char>(lower_cp); else current.append(enc, static_cast<size_t>(n));
    } else {
      flush();
    }
    i += cp >= 0 ? static_cast<size_t>(len) : 1;
  }
  flush();
}

struct Prf {
  double precision = 0, recall = 0, f1 = 0;
};

Prf bag_of_words_f1(std::string_view predicted, std::string_view truth) {
  std::vector<std::string> p, t;
  word_tokens(predicted, p);
  word_tokens(truth, t);
  if (p.empty() && t.empty()) return {1, 1, 1};
  if (p.empty() || t.empty()) return {};
  std::unordered_map<std::string, int> counts;
  for (auto& w : t) ++counts[w];
  size_t overlap = 0;
  for (auto& w : p) {
    auto it = counts.find(w);
    if (it != counts.end() && it->second > 0) {
      --it->second;
      ++overlap;
    }
  }
  Prf r;
  r.precision = static_cast<double>(overlap) / static_cast<double>(p.size());
  r.recall = static_cast<double>(overlap) / static_cast<double>(t.size());
  r.f1 = overlap ? 2 * r.precision * r.recall / (r.precision + r.recall) : 0;
  return r;
}

// The ScrapingHub article-extraction-benchmark metric (github.com/scrapinghub/
// article-extraction-benchmark): tokens are \w+ runs (case kept), shingles are 4 consecutive tokens
// (a shorter text is one shingle), and the two shingle multisets give true positives, false
// positives and false negatives, normalised so that they sum to 1 on each page (long pages do not
// weigh more). Both sides empty gives no counts.
struct ShingleCounts {
  double tp = 0, fp = 0, fn = 0;
};

std::unordered_map<std::string, int> shingles(std::string_view text) {
  constexpr size_t kN = 4;
  std::vector<std::string> tokens;
  word_tokens(text, tokens, /*lower=*/false);
  std::unordered_map<std::string, int> out;
  if (tokens.empty()) return out;
  const size_t count = tokens.size() >= kN ? tokens.size() - kN + 1 : 1;
  for (size_t i = 0; i < count; ++i) {
    std::string key = tokens[i];
    for (size_t k = i + 1; k < std::min(tokens.size(), i + kN); ++k) key += ' ' + tokens[k];
    ++out[key];
  }
  return out;
}

ShingleCounts shingle_match(std::string_view predicted, std::string_view truth) {
  auto p = shingles(predicted), t = shingles(truth);
  ShingleCounts c;
  for (const auto& [key, tn] : t) {
    auto it = p.find(key);
    const int pn = it == p.end() ? 0 : it->second;
    c.tp += std::min(tn, pn);
    c.fn += std::max(0, tn - pn);
  }
  for (const auto& [key, pn] : p) {
    auto it = t.find(key);
    c.fp += std::max(0, pn - (it == t.end() ? 0 : it->second));
  }
  const double sum = c.tp + c.fp + c.fn;
  if (sum > 0) {
    c.tp /= sum;
    c.fp /= sum;
    c.fn /= sum;
  }
  return c;
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

const char* parser_name(veille::HtmlParser p) {
  switch (p) {
    case veille::HtmlParser::kGumbo: return "gumbo";
    case veille::HtmlParser::kNative: return "native";
    case veille::HtmlParser::kLibxml2: break;
  }
  return "libxml2";
}

struct RunFigures {
  double parse_seconds = 0, rest_seconds = 0, end_to_end_seconds = 0;
};

int run(const std::vector<Page>& pages, veille::HtmlParser parser, int repeat, int worst,
        const std::string& single_page, bool measure_speed, FILE* scores_out, FILE* dump_out) {
  veille::ExtractOptions options;
  options.parser = parser;
  veille::Extractor extractor(options);

  // ---- quality (through the public Extractor, exactly what the CLI runs) ----
  struct TypeStats {
    double f1 = 0, p = 0, r = 0;
    int n = 0;
  };
  std::map<std::string, TypeStats> by_type;
  TypeStats all;
  int titles_exact = 0, titles_collapsed = 0, titles_truth = 0, failures = 0;
  std::vector<std::pair<double, std::string>> per_page;
  std::map<std::string, std::vector<std::pair<double, std::string>>> per_page_by_type;
  // ScrapingHub-style figures on the WCXB article pages: summed normalised counts (the benchmark's
  // own aggregation) and the means of per-page precision and recall.
  ShingleCounts shingle_sum;
  double shingle_p = 0, shingle_r = 0;
  int shingle_pages = 0;
  for (const auto& page : pages) {
    veille::RawPage raw;
    raw.source = page.id;
    raw.content = page.html;
    if (!page.url.empty()) raw.url = page.url;
    auto doc = extractor.extract(raw);
    std::string text, title;
    if (doc.ok()) {
      text = doc->text;
      if (doc->title) title = *doc->title;
    } else {
      ++failures;
    }
    if (!single_page.empty()) {
      std::printf("== %s (%s) %s\n", page.id.c_str(), page.page_type.c_str(), page.url.c_str());
      std::printf("title: %s\ntruth: %s\n", title.c_str(),
                  page.truth_title ? page.truth_title->c_str() : "(null)");
      if (doc.ok()) {
        for (const auto& b : doc->body)
          std::printf("[%s] %s\n", veille::block_kind_name(b.kind), b.text.c_str());
        std::printf("(%zu comments)\n", doc->comments.size());
        for (const auto& r : doc->removed)
          std::printf("  (removed %s) %.200s\n", veille::removed_kind_name(r.kind), r.text.c_str());
      }
      Prf f = bag_of_words_f1(text, page.truth_text);
      std::printf("P %.3f R %.3f F1 %.3f\n--- truth ---\n%s\n", f.precision, f.recall, f.f1,
                  page.truth_text.c_str());
      continue;
    }
    Prf f = bag_of_words_f1(text, page.truth_text);
    auto& ts = by_type[page.page_type];
    ts.f1 += f.f1; ts.p += f.precision; ts.r += f.recall; ++ts.n;
    all.f1 += f.f1; all.p += f.precision; all.r += f.recall; ++all.n;
    per_page.push_back({f.f1, page.id});
    per_page_by_type[page.page_type].push_back({f.f1, page.id});
    if (page.page_type == "article") {
      ShingleCounts c = shingle_match(text, page.truth_text);
      shingle_sum.tp += c.tp;
      shingle_sum.fp += c.fp;
      shingle_sum.fn += c.fn;
      // A page with nothing predicted (or nothing expected) scores 0 on that side, unless both
      // sides are empty.
      const bool both_empty = c.tp + c.fp + c.fn == 0;
      shingle_p += both_empty ? 1 : c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 0;
      shingle_r += both_empty ? 1 : c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 0;
      ++shingle_pages;
    }
    if (dump_out) {
      nlohmann::json j;
      j["id"] = page.id;
      j["type"] = page.page_type;
      j["f1"] = f.f1;
      j["title"] = title;
      j["truth_title"] = page.truth_title ? nlohmann::json(*page.truth_title) : nlohmann::json(nullptr);
      j["body"] = nlohmann::json::array();
      j["removed"] = nlohmann::json::array();
      if (doc.ok()) {
        for (const auto& b : doc->body) j["body"].push_back({veille::block_kind_name(b.kind), b.text});
        for (const auto& r : doc->removed) j["removed"].push_back({veille::removed_kind_name(r.kind), r.text});
        j["comments"] = nlohmann::json::array();
        for (const auto& c : doc->comments)
          j["comments"].push_back({c.author ? nlohmann::json(*c.author) : nlohmann::json(nullptr),
                                   c.date ? nlohmann::json(*c.date) : nlohmann::json(nullptr), c.text});
      }
      j["truth"] = page.truth_text;
      std::fprintf(dump_out, "%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    }
    if (scores_out) std::fprintf(scores_out, "%s\t%s\t%.3f\t%.3f\t%.3f\n", page.id.c_str(),
                                 page.page_type.c_str(), f.precision, f.recall, f.f1);
    if (page.truth_title) {
      ++titles_truth;
      if (title == *page.truth_title) ++titles_exact;
      if (collapse_spaces(title) == collapse_spaces(*page.truth_title)) ++titles_collapsed;
    }
  }
  if (!single_page.empty()) return 0;

  // ---- speed: parse apart from the rest, one thread ----
  RunFigures fig;
  size_t html_bytes = 0;
  for (int rep = 0; measure_speed && rep < repeat; ++rep) {
    for (const auto& page : pages) {
      html_bytes += page.html.size();
      auto t0 = Clock::now();
      auto dom = veille::dom::parse_html(page.html, options);
      auto t1 = Clock::now();
      if (dom.ok()) {
        veille::Document doc;
        (void)veille::extract_html_dom(*dom, page.url, options, doc);
        veille::finalize_text(doc);
      }
      auto t2 = Clock::now();
      fig.parse_seconds += std::chrono::duration<double>(t1 - t0).count();
      fig.rest_seconds += std::chrono::duration<double>(t2 - t1).count();
    }
    auto t0 = Clock::now();
    for (const auto& page : pages) {
      veille::RawPage raw;
      raw.source = page.id;
      raw.content = page.html;  // the copy is part of what a caller pays
      auto doc = extractor.extract(raw);
      (void)doc;
    }
    fig.end_to_end_seconds += std::chrono::duration<double>(Clock::now() - t0).count();
  }
  const double mb = static_cast<double>(html_bytes) / 1e6;
  const double n_pages = static_cast<double>(pages.size()) * repeat;

  std::printf("\n## parser: %s  (%zu pages, %.1f MB of HTML per pass, %d pass%s)\n",
              parser_name(parser), pages.size(), mb / repeat, repeat, repeat > 1 ? "es" : "");
  std::printf("quality: mean word F1 %.4f  (P %.4f  R %.4f)  over %d pages, %d failed\n",
              all.f1 / all.n, all.p / all.n, all.r / all.n, all.n, failures);
  std::printf("title exact match: %d / %d = %.3f  (whitespace-collapsed: %.3f)\n", titles_exact,
              titles_truth, titles_truth ? double(titles_exact) / titles_truth : 0.0,
              titles_truth ? double(titles_collapsed) / titles_truth : 0.0);
  std::printf("F1 by page type:\n");
  for (const auto& [type, ts] : by_type)
    std::printf("  %-14s n=%4d  F1 %.4f  P %.4f  R %.4f\n", type.c_str(), ts.n, ts.f1 / ts.n,
                ts.p / ts.n, ts.r / ts.n);
  if (shingle_pages > 0) {
    auto f1 = [](double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; };
    const double mp = shingle_p / shingle_pages, mr = shingle_r / shingle_pages;
    const double sp = shingle_sum.tp / std::max(1e-12, shingle_sum.tp + shingle_sum.fp);
    const double sr = shingle_sum.tp / std::max(1e-12, shingle_sum.tp + shingle_sum.fn);
    std::printf("ScrapingHub article-extraction metric (4-token shingles, \\w+ tokens), computed on the "
                "%d WCXB dev *article* pages, NOT on the ScrapingHub set (not available here):\n",
                shingle_pages);
    std::printf("  mean per-page P %.4f  R %.4f  -> F1 %.4f\n", mp, mr, f1(mp, mr));
    std::printf("  summed normalised counts (the benchmark's aggregation): P %.4f  R %.4f  -> F1 %.4f\n",
                sp, sr, f1(sp, sr));
  }
  if (measure_speed) {
  std::printf("speed (one thread, CPU time):\n");
  std::printf("  parse only        %8.1f MB/s\n", mb / fig.parse_seconds);
  std::printf("  extraction only   %8.1f MB/s  (DOM -> document, excluding parse)\n",
              mb / fig.rest_seconds);
  std::printf("  parse + extract   %8.1f MB/s  %8.1f pages/s  (parse %.0f%% of time)\n",
              mb / (fig.parse_seconds + fig.rest_seconds),
              n_pages / (fig.parse_seconds + fig.rest_seconds),
              100.0 * fig.parse_seconds / (fig.parse_seconds + fig.rest_seconds));
  std::printf("  end to end        %8.1f MB/s  %8.1f pages/s  (Extractor::extract)\n",
              mb / fig.end_to_end_seconds, n_pages / fig.end_to_end_seconds);
  }
  if (worst > 0) {
    std::sort(per_page.begin(), per_page.end());
    std::printf("worst pages:");
    for (int i = 0; i < worst && i < static_cast<int>(per_page.size()); ++i)
      std::printf(" %s:%.2f", per_page[static_cast<size_t>(i)].second.c_str(),
                  per_page[static_cast<size_t>(i)].first);
    std::printf("\n");
    // Per type, so that the weak types can be studied one at a time with --page.
    for (auto& [type, list] : per_page_by_type) {
      std::sort(list.begin(), list.end());
      std::printf("worst %s:", type.c_str());
      for (int i = 0; i < worst && i < static_cast<int>(list.size()); ++i)
        std::printf(" %s:%.2f", list[static_cast<size_t>(i)].second.c_str(), list[static_cast<size_t>(i)].first);
      std::printf("\n");
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data_arg, parser_arg = "both", single_page;
  int limit = 0, repeat = 1, worst = 0;
  bool measure_speed = true;
  std::string scores_path, dump_path;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "wcxb_bench: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--data") data_arg = next();
    else if (a == "--parser") parser_arg = next();
    else if (a == "--limit") limit = std::stoi(next());
    else if (a == "--repeat") repeat = std::max(1, std::stoi(next()));
    else if (a == "--page") single_page = next();
    else if (a == "--worst") worst = std::stoi(next());
    else if (a == "--quality-only") measure_speed = false;
    else if (a == "--scores") scores_path = next();
    else if (a == "--dump") dump_path = next();
    else {
      std::fprintf(stderr,
                   "usage: wcxb_bench [--data DIR] [--parser native|libxml2|gumbo|both|all] [--limit N] "
                   "[--repeat N] [--page NNNN] [--worst N] [--quality-only] [--scores FILE.tsv]\n");
      return 2;
    }
  }
  auto dev = find_dev_dir(data_arg);
  if (!dev) {
    std::printf("wcxb_bench: WCXB dev data not found (looked for ../shared/data/extraction/wcxb/dev "
                "beside the repository%s); skipping.\n",
                data_arg.empty() ? "" : (" and under " + data_arg).c_str());
    return 0;
  }

  // Keep the measurement on one core.
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(sched_getcpu() >= 0 ? sched_getcpu() : 0, &set);
  sched_setaffinity(0, sizeof set, &set);

  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(*dev / "html"))
    if (e.path().string().ends_with(".html.gz")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<Page> pages;
  for (const auto& f : files) {
    std::string id = f.filename().string();
    id = id.substr(0, id.find('.'));
    if (!single_page.empty() && id != single_page) continue;
    if (limit > 0 && static_cast<int>(pages.size()) >= limit) break;
    Page page;
    page.id = id;
    if (!veille::bench::gunzip_file(f, page.html)) {
      std::fprintf(stderr, "wcxb_bench: cannot gunzip %s\n", f.c_str());
      continue;
    }
    std::ifstream in(*dev / "ground-truth" / (id + ".json"));
    if (!in) continue;
    auto j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded()) continue;
    page.url = j.value("url", "");
    page.page_type = j["_internal"]["page_type"].value("primary", "unknown");
    const auto& gt = j["ground_truth"];
    page.truth_text = gt.value("main_content", "");
    if (gt.contains("title") && gt["title"].is_string()) page.truth_title = gt["title"].get<std::string>();
    pages.push_back(std::move(page));
  }
  if (pages.empty()) {
    std::printf("wcxb_bench: no pages under %s; skipping.\n", dev->c_str());
    return 0;
  }

  std::printf("wcxb_bench on %s\n", fs::canonical(*dev).c_str());
  std::vector<veille::HtmlParser> parsers;
  if (parser_arg == "native" || parser_arg == "both" || parser_arg == "all")
    parsers.push_back(veille::HtmlParser::kNative);
  if (parser_arg == "libxml2" || parser_arg == "both" || parser_arg == "all")
    parsers.push_back(veille::HtmlParser::kLibxml2);
  if (parser_arg == "gumbo" || parser_arg == "all") parsers.push_back(veille::HtmlParser::kGumbo);
  if (parsers.empty()) {
    std::fprintf(stderr, "wcxb_bench: --parser is native, libxml2, gumbo, both (native and libxml2) or all\n");
    return 2;
  }
  FILE* scores_out = scores_path.empty() ? nullptr : std::fopen(scores_path.c_str(), "w");
  FILE* dump_out = dump_path.empty() ? nullptr : std::fopen(dump_path.c_str(), "w");
  if ((!scores_path.empty() && !scores_out) || (!dump_path.empty() && !dump_out)) {
    std::fprintf(stderr, "wcxb_bench: cannot write %s\n", (!scores_out && !scores_path.empty() ? scores_path : dump_path).c_str());
    return 1;
  }
  for (auto p : parsers) run(pages, p, repeat, worst, single_page, measure_speed, scores_out, dump_out);
  if (scores_out) std::fclose(scores_out);
  if (dump_out) std::fclose(dump_out);
  if (single_page.empty())
    std::printf("\nreproduce: cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && "
                "cmake --build build --target wcxb_bench -j2 && ./build/bench/wcxb_bench --parser %s%s%s\n",
                parser_arg.c_str(), limit ? (" --limit " + std::to_string(limit)).c_str() : "",
                repeat > 1 ? (" --repeat " + std::to_string(repeat)).c_str() : "");
  return 0;
}
