// Metadata agreement benchmark: title, byline (authors) and published date from extract_metadata
// against
//   - Mozilla Readability's test pages (expected-metadata.json: title, byline, publishedTime), and
//   - the WCXB dev split (ground-truth/NNNN.json: ground_truth.title / author / publish_date).
//
// Usage: readability_bench [--data DIR] [--parser libxml2|gumbo] [--verbose] [--limit N]
// DIR is the shared data root (default: <repo>/../shared). Missing data sets are skipped with a
// message and exit code 0. Prints the figures and the command that reproduces them.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "common.h"
#include "extract/dom.h"
#include "extract/metadata.h"

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

std::optional<std::string> read_file(const fs::path& p) {
  std::string out;
  if (!veille::bench::read_whole_file(p, out)) return std::nullopt;
  return out;
}

std::optional<std::string> read_gzip(const fs::path& p) {
  std::string out;
  if (!veille::bench::gunzip_file(p, out)) return std::nullopt;
  return out;
}

// Whitespace normalisation for titles: runs of Unicode-ish spaces to one space, trimmed.
std::string squash(std::string_view s) {
  std::string out;
  bool pending = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      space = true;
      ++i;
    }
    if (space) {
      pending = true;
      continue;
    }
    if (pending && !out.empty()) out += ' ';
    pending = false;
    out += static_cast<char>(c);
  }
  return out;
}

// Name key for bylines: ASCII lower-cased, letters and digits (and any non-ASCII byte) kept,
// everything else a single space.
std::string name_key(std::string_view s) {
  std::string out;
  bool pending = false;
  for (unsigned char c : s) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 || (c >= 'A' && c <= 'Z');
    if (!keep) {
      pending = true;
      continue;
    }
    if (pending && !out.empty()) out += ' ';
    pending = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
  }
  return out;
}

// The byline rule (printed with the figures):
//   expected empty/null  -> agree iff we give no author;
//   expected non-empty   -> agree iff we give at least one author and either our authors joined
//                           with ", " equal the expected byline, or every one of our authors
//                           appears inside the expected byline (both after name_key).
bool byline_agrees(const std::vector<std::string>& ours, const std::string& expected) {
  std::string ek = name_key(expected);
  if (ek.empty()) return ours.empty();
  if (ours.empty()) return false;
  std::string joined;
  for (const auto& a : ours) joined += (joined.empty() ? "" : ", ") + a;
  if (name_key(joined) == ek) return true;
  std::string padded = " " + ek + " ";
  for (const auto& a : ours) {
    std::string k = name_key(a);
    if (k.empty() || padded.find(" " + k + " ") == std::string::npos) return false;
  }
  return true;
}

std::string day_of(const std::optional<std::string>& d) {
  if (!d || d->size() < 10) return {};
  return d->substr(0, 10);
}

std::string json_str(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

struct Tally {
  int n = 0, agree = 0;
  int with_expected = 0, found_when_expected = 0, correct_when_expected = 0;
  int without_expected = 0, spurious = 0;
  void add(bool expected_present, bool ours_present, bool agrees) {
    ++n;
    agree += agrees;
    if (expected_present) {
      ++with_expected;
      found_when_expected += ours_present;
      correct_when_expected += agrees;
    } else {
      ++without_expected;
      spurious += ours_present;
    }
  }
  void print(const char* name) const {
    auto pct = [](int a, int b) { return b ? 100.0 * a / b : 0.0; };
    std::printf("  %-22s agreement %5.1f%% (%d/%d) | where expected: correct %5.1f%% (%d/%d), "
                "given %5.1f%% | where none expected: spurious %d/%d\n",
                name, pct(agree, n), agree, n, pct(correct_when_expected, with_expected),
                correct_when_expected, with_expected, pct(found_when_expected, with_expected),
                spurious, without_expected);
  }
};

void print_rules() {
  std::printf(
      "rules: title = equal after whitespace normalisation (\"loose\": also ignoring case and "
      "punctuation);\n"
      "       byline = no author when none expected; else our authors joined by \", \" equal the "
      "expected byline,\n"
      "                or each of our authors occurs in it (case and punctuation ignored);\n"
      "       date = same YYYY-MM-DD (day level), none when none expected.\n");
}

int run_readability(const fs::path& dir, const veille::ExtractOptions& options, bool verbose,
                    int limit) {
  std::vector<fs::path> pages;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_directory() && fs::exists(e.path() / "source.html")) pages.push_back(e.path());
  std::sort(pages.begin(), pages.end());
  if (limit > 0 && pages.size() > static_cast<size_t>(limit)) pages.resize(static_cast<size_t>(limit));
  Tally title, title_loose, byline, date;
  double seconds = 0;
  for (const auto& p : pages) {
    auto html = read_file(p / "source.html");
    auto meta_text = read_file(p / "expected-metadata.json");
    if (!html || !meta_text) continue;
    json expected = json::parse(*meta_text, nullptr, false);
    if (expected.is_discarded()) continue;
    auto t0 = std::chrono::steady_clock::now();
    auto d = veille::dom::parse_html(*html, options);
    if (!d.ok()) continue;
    veille::PageMetadata md = veille::extract_metadata(*d, "");
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::string name = p.filename().string();

    std::string et = squash(json_str(expected, "title"));
    std::string ot = squash(md.title.value_or(""));
    bool t_ok = et == ot;
    title.add(!et.empty(), !ot.empty(), t_ok);
    std::string etk = name_key(et), otk = name_key(ot);
    title_loose.add(!et.empty(), !ot.empty(), etk == otk);

    std::string eb = json_str(expected, "byline");
    bool b_ok = byline_agrees(md.authors, eb);
    byline.add(!name_key(eb).empty(), !md.authors.empty(), b_ok);

    std::string ed = json_str(expected, "publishedTime");
    std::string eday = ed.empty() ? std::string() : day_of(veille::normalize_date(ed));
    if (!ed.empty() && eday.empty()) eday = ed.substr(0, std::min<size_t>(10, ed.size()));
    std::string oday = day_of(md.published);
    bool d_ok = eday == oday;
    date.add(!eday.empty(), !oday.empty(), d_ok);

    if (verbose) {
      if (!t_ok) std::printf("  [title]  %-28s expected \"%s\" got \"%s\"\n", name.c_str(), et.c_str(), ot.c_str());
      if (!b_ok) {
        std::string joined;
        for (const auto& a : md.authors) joined += (joined.empty() ? "" : " ; ") + a;
        std::printf("  [byline] %-28s expected \"%s\" got \"%s\"\n", name.c_str(), eb.c_str(), joined.c_str());
      }
      if (!d_ok) std::printf("  [date]   %-28s expected \"%s\" got \"%s\"\n", name.c_str(), ed.c_str(), md.published.value_or("").c_str());
    }
  }
  std::printf("Mozilla Readability test pages: %zu pages (%s), parse+metadata %.1f ms/page\n", pages.size(),
              dir.string().c_str(), pages.empty() ? 0.0 : 1000.0 * seconds / static_cast<double>(pages.size()));
  title.print("title (exact)");
  title_loose.print("title (loose)");
  byline.print("byline");
  date.print("published (day)");
  return 0;
}

int run_wcxb(const fs::path& dir, const veille::ExtractOptions& options, bool verbose, int limit) {
  std::vector<fs::path> truths;
  for (const auto& e : fs::directory_iterator(dir / "ground-truth"))
    if (e.path().extension() == ".json") truths.push_back(e.path());
  std::sort(truths.begin(), truths.end());
  if (limit > 0 && truths.size() > static_cast<size_t>(limit)) truths.resize(static_cast<size_t>(limit));
  // [0] with the page URL given to extract_metadata, [1] without it.
  Tally title[2], title_loose[2], author[2], date[2];
  double seconds = 0;
  size_t pages = 0, bytes = 0;
  for (const auto& t : truths) {
    auto truth_text = read_file(t);
    if (!truth_text) continue;
    json truth = json::parse(*truth_text, nullptr, false);
    if (truth.is_discarded()) continue;
    std::string id = t.stem().string();
    auto html = read_gzip(dir / "html" / (id + ".html.gz"));
    if (!html) continue;
    const json& gt = truth.contains("ground_truth") ? truth["ground_truth"] : truth;
    std::string url = json_str(truth, "url");
    auto t0 = std::chrono::steady_clock::now();
    auto d = veille::dom::parse_html(*html, options);
    if (!d.ok()) continue;
    veille::PageMetadata with_url = veille::extract_metadata(*d, url);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    veille::PageMetadata without_url = veille::extract_metadata(*d, "");
    ++pages;
    bytes += html->size();
    std::string et = squash(json_str(gt, "title"));
    std::string ea = json_str(gt, "author");
    std::string ed = json_str(gt, "publish_date");
    std::string eday = ed.empty() ? std::string() : day_of(veille::normalize_date(ed));
    if (!ed.empty() && eday.empty()) eday = ed.substr(0, std::min<size_t>(10, ed.size()));
    for (int k = 0; k < 2; ++k) {
      const veille::PageMetadata& md = k == 0 ? with_url : without_url;
      std::string ot = squash(md.title.value_or(""));
      title[k].add(!et.empty(), !ot.empty(), et == ot);
      title_loose[k].add(!et.empty(), !ot.empty(), name_key(et) == name_key(ot));
      bool a_ok = byline_agrees(md.authors, ea);
      author[k].add(!name_key(ea).empty(), !md.authors.empty(), a_ok);
      std::string oday = day_of(md.published);
      date[k].add(!eday.empty(), !oday.empty(), eday == oday);
      if (verbose && k == 0) {
        if (et != ot) std::printf("  [title]  %s expected \"%s\" got \"%s\"\n", id.c_str(), et.c_str(), ot.c_str());
        if (!a_ok) {
          std::string joined;
          for (const auto& a : md.authors) joined += (joined.empty() ? "" : " ; ") + a;
          std::printf("  [author] %s expected \"%s\" got \"%s\"\n", id.c_str(), ea.c_str(), joined.c_str());
        }
        if (eday != oday) std::printf("  [date]   %s expected \"%s\" got \"%s\"\n", id.c_str(), ed.c_str(), md.published.value_or("").c_str());
      }
    }
  }
  std::printf("WCXB dev: %zu pages (%s), %.1f MB of HTML, parse+metadata %.1f ms/page\n", pages,
              dir.string().c_str(), static_cast<double>(bytes) / 1e6,
              pages ? 1000.0 * seconds / static_cast<double>(pages) : 0.0);
  const char* label[2] = {"with the page URL", "without the URL"};
  for (int k = 0; k < 2; ++k) {
    std::printf(" %s:\n", label[k]);
    title[k].print("title (exact)");
    title_loose[k].print("title (loose)");
    author[k].print("author");
    date[k].print("published (day)");
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data_arg;
  veille::ExtractOptions options;
  bool verbose = false;
  int limit = 0;
  std::string command = "readability_bench";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    command += " " + a;
    if (a == "--data" && i + 1 < argc) {
      data_arg = argv[++i];
      command += std::string(" ") + argv[i];
    } else if (a == "--parser" && i + 1 < argc) {
      std::string p = argv[++i];
      command += " " + p;
      if (p == "gumbo") options.parser = veille::HtmlParser::kGumbo;
      else if (p == "libxml2") options.parser = veille::HtmlParser::kLibxml2;
      else if (p == "native") options.parser = veille::HtmlParser::kNative;
      else {
        std::fprintf(stderr, "unknown parser: %s (native, libxml2 or gumbo)\n", p.c_str());
        return 2;
      }
    } else if (a == "--verbose" || a == "-v") {
      verbose = true;
    } else if (a == "--limit" && i + 1 < argc) {
      limit = std::atoi(argv[++i]);
      command += std::string(" ") + argv[i];
    } else if (a == "--help" || a == "-h") {
      std::printf("usage: readability_bench [--data DIR] [--parser libxml2|gumbo] [--verbose] [--limit N]\n"
                  "DIR defaults to <repo>/../shared (the read-only shared data).\n");
      return 0;
    } else {
      std::fprintf(stderr, "unknown argument: %s (see --help)\n", a.c_str());
      return 2;
    }
  }
  const char* kReadability = "data/extraction/mozilla-readability-test-pages/test/test-pages";
  const char* kWcxb = "data/extraction/wcxb/dev";
  fs::path readability = veille::bench::find_shared(data_arg, kReadability).value_or(kReadability);
  fs::path wcxb = veille::bench::find_shared(data_arg, kWcxb).value_or(kWcxb);
  std::printf("command: build/bench/%s\n", command.c_str());
  print_rules();
  bool any = false;
  if (fs::is_directory(readability)) {
    any = true;
    run_readability(readability, options, verbose, limit);
  } else {
    std::printf("skipped Mozilla Readability pages: %s not found (use --data DIR)\n", readability.string().c_str());
  }
  if (fs::is_directory(wcxb / "ground-truth") && fs::is_directory(wcxb / "html")) {
    any = true;
    run_wcxb(wcxb, options, verbose, limit);
  } else {
    std::printf("skipped WCXB dev: %s not found (use --data DIR)\n", wcxb.string().c_str());
  }
  if (!any) std::printf("no data found; nothing measured\n");
  return 0;
}
