// Scores the French tokenizer and sentence splitter (src/nlp/tokenize.h) on Universal
// Dependencies French treebanks, with the CoNLL 2018 shared task definitions, and measures its
// speed on one core.
//
// For each treebank file, the raw text is the `# text =` lines joined by single spaces. Gold
// tokens are the surface tokens of the CoNLL-U file: a multiword token line ("2-3 au") is one
// token with its span, the syntactic words under it are not tokens. As conll18_ud_eval.py does,
// spans are compared over the text with whitespace removed (the character sequence is the same
// for gold and system, so a span is a pair of offsets into it): token F1 counts tokens whose
// span matches exactly; sentence F1 counts sentences whose span (first token start, last token
// end) matches exactly. Precision = matched / system, recall = matched / gold.
//
// Usage: ud_tokenize_bench [--data DIR] [--verbose N] [--gaps N] [--repeat K] [--rules] [FILE.conllu ...]
//   DIR defaults to ../shared/data/ud beside the source tree; without FILEs it scores
//   UD_French-Sequoia/fr_sequoia-ud-dev.conllu and UD_French-GSD/fr_gsd-ud-dev.conllu.
//   Exits 0 with a message when the data is absent (it is not part of the project).
//   --verbose N prints the first N token and sentence disagreements per file.
//   --repeat K tokenizes each text K times for the speed figure (default 20).
//   --rules splits sentences with the rules alone; otherwise with the shipped sentence model
//   ($VEILLE_MODELS/sentences-fr.bin or models/ near the executable) when it loads.
//   --gaps N lists the boundary errors (false and missed sentence ends, between two system
//   tokens) grouped by pattern (the kinds of the tokens on each side), with N examples per
//   pattern: what to work on next.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "nlp/sentence_model.h"
#include "nlp/tokenize.h"

namespace fs = std::filesystem;

namespace {

struct GoldSentence {
  std::string text;
  std::vector<std::string> tokens;  // surface forms
};

std::vector<GoldSentence> read_conllu(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<GoldSentence> out;
  std::string line;
  int skip_until = 0;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("# text = ", 0) == 0) {
      out.push_back({line.substr(9), {}});
      skip_until = 0;
      continue;
    }
    if (line.empty() || line[0] == '#' || out.empty()) continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::string id = line.substr(0, tab);
    size_t tab2 = line.find('\t', tab + 1);
    std::string form = line.substr(tab + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab - 1);
    if (id.find('.') != std::string::npos) continue;  // empty nodes
    size_t dash = id.find('-');
    if (dash != std::string::npos) {
      skip_until = std::atoi(id.c_str() + dash + 1);
      out.back().tokens.push_back(form);
      continue;
    }
    if (std::atoi(id.c_str()) <= skip_until) continue;
    out.back().tokens.push_back(form);
  }
  return out;
}

// Whitespace as conll18_ud_eval.py removes it (Unicode category Zs) plus tabs and line breaks.
size_t space_len(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(s[i + 2]);
    if ((d >= 0x80 && d <= 0x8A) || d == 0xAF) return 3;
  }
  if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x80)
    return 3;
  return 0;
}

// Maps each byte offset of `text` to the offset in the text with whitespace removed.
std::vector<uint32_t> stripped_offsets(std::string_view text, std::string* stripped) {
  std::vector<uint32_t> map(text.size() + 1);
  uint32_t k = 0;
  for (size_t i = 0; i < text.size();) {
    size_t sl = space_len(text, i);
    if (sl) {
      for (size_t j = 0; j < sl; ++j) map[i + j] = k;
      i += sl;
    } else {
      map[i] = k++;
      stripped->push_back(text[i]);
      ++i;
    }
  }
  map[text.size()] = k;
  return map;
}

std::string strip(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t sl = space_len(s, i);
    if (sl) i += sl;
    else out.push_back(s[i++]);
  }
  return out;
}

struct Prf {
  size_t gold = 0, system = 0, matched = 0;
  double p() const { return system ? 100.0 * matched / system : 0; }
  double r() const { return gold ? 100.0 * matched / gold : 0; }
  double f() const { return p() + r() > 0 ? 2 * p() * r() / (p() + r()) : 0; }
};

using SpanSet = std::set<std::pair<uint32_t, uint32_t>>;

Prf score(const SpanSet& gold, const SpanSet& sys) {
  Prf r;
  r.gold = gold.size();
  r.system = sys.size();
  for (const auto& s : sys) r.matched += gold.count(s);
  return r;
}

struct FileResult {
  Prf tokens, sentences;
  size_t bytes = 0, ntokens = 0;
  double seconds = 0;
};

const veille::SentenceModel* g_model = nullptr;  // nullptr: the rules alone

// A coarse kind of token for grouping boundary errors.
std::string token_kind(std::string_view t) {
  if (t.empty()) return "?";
  unsigned char c = static_cast<unsigned char>(t[0]);
  if (t == "." || t == "!" || t == "?" || t == "..." || t == "\xe2\x80\xa6") return std::string(t);
  if (t == ":" || t == ";" || t == "," || t == ")" || t == "\"" || t == "-" || t == "(") return std::string(t);
  if (t == "\xc2\xbb" || t == "\xc2\xab") return std::string(t);
  if (t.size() >= 2 && t.back() == '.') return "abbr.";
  if (c >= '0' && c <= '9') return "9";
  bool upper_first = (c >= 'A' && c <= 'Z') || (c == 0xC3 && t.size() > 1 && static_cast<unsigned char>(t[1]) < 0x9F);
  bool lower_first = (c >= 'a' && c <= 'z') || (c == 0xC3 && t.size() > 1 && static_cast<unsigned char>(t[1]) >= 0x9F);
  if (upper_first) {
    size_t lowers = 0, letters = 0;
    for (unsigned char ch : t) {
      if (ch >= 'a' && ch <= 'z') ++lowers;
      if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) ++letters;
    }
    return lowers == 0 && letters >= 2 ? "CAPS" : "Cap";
  }
  if (lower_first) return "low";
  return "sym";
}

// Prints the false and missed boundaries between system tokens, grouped by the kinds of the
// tokens around the gap, most frequent first.
void print_gap_errors(std::string_view text, const std::vector<veille::Span>& tokens,
                      const std::vector<uint32_t>& map, const SpanSet& gold_sentences,
                      const std::vector<veille::SentenceSpan>& sys, int examples) {
  std::set<uint32_t> gold_ends, sys_ends;
  for (const auto& s : gold_sentences) gold_ends.insert(s.second);
  for (const auto& s : sys) sys_ends.insert(map[s.span.end - 1] + 1);
  struct Group {
    size_t count = 0;
    std::vector<std::string> shown;
  };
  std::map<std::string, Group> groups;
  size_t untokenized = 0;
  for (uint32_t e : gold_ends)
    if (!sys_ends.count(e)) {
      bool found = false;
      for (const auto& t : tokens) found = found || map[t.end - 1] + 1 == e;
      if (!found) ++untokenized;
    }
  for (size_t g = 0; g + 1 < tokens.size(); ++g) {
    const uint32_t e = map[tokens[g].end - 1] + 1;
    const bool gold = gold_ends.count(e) > 0, system = sys_ends.count(e) > 0;
    if (gold == system) continue;
    auto tok = [&](size_t i) { return text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin); };
    std::string key = std::string(system ? "false " : "missed ") + token_kind(tok(g)) + " | " + token_kind(tok(g + 1));
    Group& grp = groups[key];
    ++grp.count;
    if (static_cast<int>(grp.shown.size()) < examples) {
      size_t b = tokens[g].end >= 60 ? tokens[g].end - 60 : 0, a = std::min<size_t>(text.size(), tokens[g + 1].begin + 40);
      while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
      while (a < text.size() && (static_cast<unsigned char>(text[a]) & 0xC0) == 0x80) ++a;
      grp.shown.push_back(std::string(text.substr(b, tokens[g].end - b)) + " || " +
                          std::string(text.substr(tokens[g + 1].begin, a - tokens[g + 1].begin)));
    }
  }
  std::vector<std::pair<std::string, const Group*>> order;
  for (const auto& [k, v] : groups) order.emplace_back(k, &v);
  std::sort(order.begin(), order.end(), [](const auto& x, const auto& y) {
    return x.second->count != y.second->count ? x.second->count > y.second->count : x.first < y.first;
  });
  std::cout << "  boundary errors by pattern (left | right token kind); gold ends inside a system token: "
            << untokenized << "\n";
  for (const auto& [k, grp] : order) {
    std::cout << "  " << grp->count << "  " << k << "\n";
    for (const std::string& ex : grp->shown) std::cout << "        ..." << ex << "...\n";
  }
}

bool evaluate(const fs::path& path, int verbose, int gap_examples, int repeat, FileResult* res) {
  std::vector<GoldSentence> gold = read_conllu(path);
  if (gold.empty()) {
    std::cerr << "ud_tokenize_bench: no sentences in " << path << "\n";
    return false;
  }
  std::string text;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (i) text.push_back(' ');
    text += gold[i].text;
  }
  std::string stripped;
  std::vector<uint32_t> map = stripped_offsets(text, &stripped);

  // Gold spans over the stripped text.
  SpanSet gold_tokens, gold_sentences;
  uint32_t pos = 0;
  for (const GoldSentence& s : gold) {
    uint32_t sent_begin = pos;
    for (const std::string& form : s.tokens) {
      std::string f = strip(form);
      if (stripped.compare(pos, f.size(), f) != 0) {
        std::cerr << "ud_tokenize_bench: " << path << ": gold token '" << form
                  << "' does not match the text at stripped offset " << pos << "\n";
        return false;
      }
      gold_tokens.insert({pos, pos + static_cast<uint32_t>(f.size())});
      pos += static_cast<uint32_t>(f.size());
    }
    if (pos > sent_begin) gold_sentences.insert({sent_begin, pos});
  }

  veille::Tokenization tz = veille::tokenize_and_split(text, g_model);
  SpanSet sys_tokens, sys_sentences;
  for (const veille::Span& t : tz.tokens) sys_tokens.insert({map[t.begin], map[t.end - 1] + 1});
  for (const veille::SentenceSpan& s : tz.sentences)
    sys_sentences.insert({map[s.span.begin], map[s.span.end - 1] + 1});
  res->tokens = score(gold_tokens, sys_tokens);
  res->sentences = score(gold_sentences, sys_sentences);
  if (gap_examples >= 0) print_gap_errors(text, tz.tokens, map, gold_sentences, tz.sentences, gap_examples);

  if (verbose > 0) {
    auto show = [&](uint32_t b, uint32_t e) { return stripped.substr(b, e - b); };
    int shown = 0;
    for (const auto& s : sys_tokens) {
      if (gold_tokens.count(s) || shown >= verbose) continue;
      ++shown;
      uint32_t cb = s.first >= 20 ? s.first - 20 : 0;
      std::cout << "  token+ '" << show(s.first, s.second) << "'  in  ..." << show(cb, s.second + 20) << "\n";
    }
    shown = 0;
    for (const auto& s : gold_tokens) {
      if (sys_tokens.count(s) || shown >= verbose) continue;
      ++shown;
      uint32_t cb = s.first >= 20 ? s.first - 20 : 0;
      std::cout << "  token- '" << show(s.first, s.second) << "'  in  ..." << show(cb, s.second + 20) << "\n";
    }
    shown = 0;
    for (const auto& s : sys_sentences) {
      if (gold_sentences.count(s) || shown >= verbose) continue;
      ++shown;
      std::cout << "  sent+ [" << show(s.first, std::min(s.second, s.first + 60)) << " ... "
                << show(s.second >= 40 ? s.second - 40 : 0, s.second) << "]\n";
    }
    shown = 0;
    for (const auto& s : gold_sentences) {
      if (sys_sentences.count(s) || shown >= verbose) continue;
      ++shown;
      std::cout << "  sent- [" << show(s.first, std::min(s.second, s.first + 60)) << " ... "
                << show(s.second >= 40 ? s.second - 40 : 0, s.second) << "]\n";
    }
  }

  // Speed: tokens and sentences, one core, best of `repeat` runs over the whole text.
  double best = 1e30;
  size_t ntok = 0;
  for (int k = 0; k < repeat; ++k) {
    auto t0 = std::chrono::steady_clock::now();
    veille::Tokenization r = veille::tokenize_and_split(text, g_model);
    auto t1 = std::chrono::steady_clock::now();
    ntok = r.tokens.size();
    best = std::min(best, std::chrono::duration<double>(t1 - t0).count());
  }
  res->bytes = text.size();
  res->ntokens = ntok;
  res->seconds = best;
  return true;
}

fs::path default_data_dir() {
  // bench/ud_tokenize_bench.cpp -> <checkout>/../shared/data/ud
  fs::path from_source =
      fs::absolute(fs::path(__FILE__)).parent_path().parent_path().parent_path() / "shared" / "data" / "ud";
  if (fs::exists(from_source)) return from_source;
  // Fallbacks when run from the checkout or from build/.
  for (const char* rel : {"../shared/data/ud", "../../shared/data/ud", "../../../shared/data/ud"})
    if (fs::exists(rel)) return fs::path(rel);
  return from_source;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path data = default_data_dir();
  int verbose = 0;
  int repeat = 20;
  int gap_examples = -1;
  bool rules_only = false;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--data" && i + 1 < argc) data = argv[++i];
    else if (a == "--verbose" && i + 1 < argc) verbose = std::atoi(argv[++i]);
    else if (a == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    else if (a == "--gaps" && i + 1 < argc) gap_examples = std::max(0, std::atoi(argv[++i]));
    else if (a == "--rules") rules_only = true;
    else if (a == "-h" || a == "--help") {
      std::cout << "usage: ud_tokenize_bench [--data DIR] [--verbose N] [--gaps N] [--repeat K] [--rules] [FILE.conllu ...]\n";
      return 0;
    } else if (!a.empty() && a[0] == '-') {
      std::cerr << "ud_tokenize_bench: unknown option " << a << "\n";
      return 2;
    } else {
      files.emplace_back(a);
    }
  }
  if (files.empty()) {
    files = {data / "UD_French-Sequoia" / "fr_sequoia-ud-dev.conllu", data / "UD_French-GSD" / "fr_gsd-ud-dev.conllu"};
    if (!fs::exists(files[0]) && !fs::exists(files[1])) {
      std::cout << "ud_tokenize_bench: no UD data at " << data << " (it is not part of the project); skipping\n";
      return 0;
    }
  }
  if (!rules_only) {
    const auto& m = veille::default_sentence_model();
    if (m.ok()) {
      g_model = m.value().get();
      std::cout << "sentences: model " << veille::default_sentence_model_path() << "\n";
    } else {
      std::cout << "sentences: rules alone (" << m.status().to_string() << ")\n";
    }
  } else {
    std::cout << "sentences: rules alone (--rules)\n";
  }
  std::printf("%-28s %7s %7s %7s   %7s %7s %7s   %10s\n", "file", "tok P", "tok R", "tok F1", "sent P", "sent R",
              "sent F1", "tokens/s");
  int rc = 0;
  for (const fs::path& f : files) {
    if (!fs::exists(f)) {
      std::cout << f.string() << ": missing, skipped\n";
      continue;
    }
    FileResult r;
    if (!evaluate(f, verbose, gap_examples, repeat, &r)) {
      rc = 1;
      continue;
    }
    std::printf("%-28s %7.2f %7.2f %7.2f   %7.2f %7.2f %7.2f   %10.0f\n", f.filename().string().c_str(),
                r.tokens.p(), r.tokens.r(), r.tokens.f(), r.sentences.p(), r.sentences.r(), r.sentences.f(),
                r.ntokens / r.seconds);
    std::printf("%-28s gold %zu tokens / %zu sentences; %.1f MB/s\n", "", r.tokens.gold, r.sentences.gold,
                r.bytes / r.seconds / 1e6);
  }
  std::cout << "\nreproduce: cmake --build build --target ud_tokenize_bench -j2 && build/bench/ud_tokenize_bench"
            << (data != default_data_dir() ? " --data " + data.string() : std::string()) << (rules_only ? " --rules" : "")
            << "\n";
  return rc;
}
