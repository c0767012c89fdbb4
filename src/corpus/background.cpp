// Background document frequencies for TF-IDF key terms, and the key-term form of a word.
#include <libstemmer.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "corpus/background_build.h"
#include "corpus/words.h"
#include "nlp/tokenize.h"
#include "veille/corpus.h"

namespace veille::corpus {
namespace {

constexpr std::string_view kHeader = "#veille-background";

// One Snowball stemmer per thread: sb_stemmer_stem keeps its state in the stemmer object.
class ThreadStemmer {
 public:
  ThreadStemmer() : stemmer_(sb_stemmer_new("french", "UTF_8")) {}
  ~ThreadStemmer() {
    if (stemmer_ != nullptr) sb_stemmer_delete(stemmer_);
  }
  ThreadStemmer(const ThreadStemmer&) = delete;
  ThreadStemmer& operator=(const ThreadStemmer&) = delete;
  std::string stem(std::string_view word) {
    if (stemmer_ == nullptr) return std::string(word);
    const sb_symbol* out = sb_stemmer_stem(
        stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (out == nullptr) return std::string(word);
    return std::string(reinterpret_cast<const char*>(out),
                       static_cast<size_t>(sb_stemmer_length(stemmer_)));
  }

 private:
  sb_stemmer* stemmer_;
};

// French function words and news-page filler, in folded form (lower case, no accents). They are
// frequent everywhere and name no event, so they never become key terms.
const std::unordered_set<std::string_view>& stopwords() {
  static const std::unordered_set<std::string_view> words = {
      "a", "afin", "ai", "aie", "aient", "ainsi", "alors", "apres", "as", "au", "aucun", "aucune",
      "aupres", "auquel", "aura", "aurait", "aussi", "autre", "autres", "aux", "avait", "avant",
      "avec", "avez", "avoir", "avons", "ayant", "c", "ca", "car", "ce", "ceci", "cela", "celle",
      "celles", "celui", "cependant", "ces", "cet", "cette", "ceux", "chaque", "chez", "ci",
      "comme", "comment", "d", "dans", "de", "des", "deja", "depuis", "dont", "du", "donc", "elle",
      "elles", "en", "encore", "entre", "est", "et", "etaient", "etait", "etant", "ete", "etre",
      "eu", "eux", "fait", "faire", "font", "fut", "ici", "il", "ils", "j", "je", "jusqu",
      "jusque", "l", "la", "le", "les", "leur", "leurs", "lors", "lui", "m", "ma", "mais", "me",
      "meme", "memes", "mes", "moi", "mon", "n", "ne", "ni", "non", "nos", "notre", "nous", "on",
      "ont", "ou", "par", "parce", "pas", "peu", "peut", "plus", "pour", "pourquoi", "puis", "qu",
      "quand", "que", "quel", "quelle", "quelles", "quels", "qui", "quoi", "s", "sa", "sans",
      "se", "selon", "ses", "si", "sien", "son", "sont", "sous", "sur", "t", "ta", "tandis", "te",
      "tes", "toi", "ton", "tous", "tout", "toute", "toutes", "tres", "tu", "un", "une", "unes",
      "uns", "vers", "voici", "voila", "vos", "votre", "vous", "y", "sera", "seront", "serait",
      "seraient", "soit", "sont", "etes", "sommes", "fois", "tant", "bien", "ainsi", "dont",
      "lequel", "laquelle", "lesquels", "lesquelles", "duquel", "desquels", "celui", "plusieurs",
      "certains", "certaines", "tel", "telle", "tels", "telles", "dit", "deux", "trois", "an",
      "ans", "aujourd", "hui", "hier", "demain", "the", "of", "and", "to", "in", "is", "for",
      "that", "on", "with", "it", "this", "was", "by"};
  return words;
}

}  // namespace

bool Background::is_stopword(std::string_view word) {
  std::string folded = fold_words(word);
  if (folded.size() < 2 || folded.find(' ') != std::string::npos) return true;
  bool has_letter = false;
  for (char c : folded) has_letter |= !(c >= '0' && c <= '9');
  if (!has_letter) return true;
  return stopwords().count(folded) > 0;
}

const std::string* Background::cached_key_term(std::string_view word) {
  struct Entry {
    bool stop = false;
    std::string term;
  };
  // Keyed by the surface; a transparent hash so that lookups do not build a string.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  thread_local std::unordered_map<std::string, Entry, Hash, std::equal_to<>> cache;
  constexpr size_t kMaxWords = 100000;
  auto it = cache.find(word);
  if (it == cache.end()) {
    if (cache.size() >= kMaxWords) cache.clear();  // before inserting: the returned pointer stays valid
    Entry e;
    e.stop = is_stopword(word);
    if (!e.stop) e.term = key_term(word);
    it = cache.emplace(std::string(word), std::move(e)).first;
  }
  return it->second.stop ? nullptr : &it->second.term;
}

std::string Background::key_term(std::string_view word) {
  // Lower-case with accents kept (the French stemmer's suffix rules read them: "présidée",
  // "réunis"), stem, then fold the stem's accents so that "Etats" and "États" meet.
  thread_local ThreadStemmer stemmer;
  std::string out, part;
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t n = static_cast<int32_t>(std::min<size_t>(word.size(), 4096));
  auto flush = [&] {
    if (part.empty()) return;
    if (!out.empty()) out.push_back(' ');
    out += fold_words(stemmer.stem(part));
    part.clear();
  };
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0 || !u_isalnum(c)) {
      flush();
      continue;
    }
    UChar32 lower = u_tolower(c);
    char buf[4];
    int32_t len = 0;
    UBool bad = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, lower, bad);
    if (!bad) part.append(buf, static_cast<size_t>(len));
  }
  flush();
  return out;
}

Background Background::from_counts(uint64_t documents,
                                   std::unordered_map<std::string, uint32_t> df) {
  Background bg;
  bg.documents_ = documents;
  bg.df_ = std::move(df);
  return bg;
}

double Background::max_idf() const {
  return std::log((static_cast<double>(documents_) + 1.0) / 0.5);
}

double Background::idf(std::string_view term) const {
  auto it = df_.find(std::string(term));
  if (it == df_.end()) return max_idf();
  return std::log((static_cast<double>(documents_) + 1.0) / (static_cast<double>(it->second) + 0.5));
}

std::string Background::default_path() {
  namespace fs = std::filesystem;
  if (const char* dir = std::getenv("VEILLE_MODELS"); dir && *dir)
    return (fs::path(dir) / "background-fr.tsv").string();
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path dir = exe.parent_path();
    for (int up = 0; up < 3 && !dir.empty(); ++up) {
      fs::path candidate = dir / "models" / "background-fr.tsv";
      if (fs::exists(candidate, ec)) return candidate.string();
      dir = dir.parent_path();
    }
  }
  return "models/background-fr.tsv";
}

Result<Background> Background::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
      return Status::NotFound(path + ": background file not found");
    return Status::Io(path + ": cannot read the background file");
  }
  std::string line;
  int line_no = 0;
  auto error = [&](const std::string& reason) {
    return Status::Corrupt(path + ":" + std::to_string(line_no) + ": " + reason);
  };
  if (!std::getline(in, line)) {
    line_no = 1;
    return error("empty file (expected a \"#veille-background\" header)");
  }
  ++line_no;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  // "#veille-background<TAB>1<TAB>documents=N"
  std::vector<std::string> fields;
  {
    std::stringstream ss(line);
    std::string f;
    while (std::getline(ss, f, '\t')) fields.push_back(f);
  }
  if (fields.empty() || fields[0] != kHeader)
    return error("not a background file (expected a \"#veille-background\" header)");
  if (fields.size() < 3) return error("header lacks the version and documents fields");
  if (fields[1] != "1") return error("unsupported background version \"" + fields[1] + "\" (expected 1)");
  if (fields[2].rfind("documents=", 0) != 0) return error("header lacks documents=N");
  char* end = nullptr;
  const std::string count = fields[2].substr(10);
  unsigned long long documents = std::strtoull(count.c_str(), &end, 10);
  if (count.empty() || *end != '\0' || documents == 0) return error("bad documents count \"" + count + "\"");
  std::unordered_map<std::string, uint32_t> df;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0) return error("expected term<TAB>df");
    const std::string num = line.substr(tab + 1);
    unsigned long v = std::strtoul(num.c_str(), &end, 10);
    if (num.empty() || *end != '\0' || v == 0 || v > documents)
      return error("bad document frequency \"" + num + "\" (expected 1.." + std::to_string(documents) + ")");
    if (!df.emplace(line.substr(0, tab), static_cast<uint32_t>(v)).second)
      return error("term \"" + line.substr(0, tab) + "\" listed twice");
  }
  if (in.bad()) return Status::Io(path + ": read error");
  return from_counts(documents, std::move(df));
}

// ---- building

void BackgroundCounter::add_document(std::string_view text) {
  ++documents_;
  seen_.clear();
  // The tokenizer's tokens, as profile() sees them in annotated documents.
  for (const Span& t : tokenize(text)) {
    std::string_view w = text.substr(t.begin, t.end - t.begin);
    if (Background::is_stopword(w)) continue;
    seen_.insert(Background::key_term(w));
  }
  for (const std::string& t : seen_) ++df_[t];
}

Status BackgroundCounter::write(const std::string& path, uint32_t min_df) const {
  std::vector<std::pair<std::string, uint32_t>> rows;
  for (const auto& [t, n] : df_)
    if (n >= min_df) rows.emplace_back(t, n);
  // Most frequent first, then by term: a stable file whatever the hash order.
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::Io(path + ": cannot write");
  out << kHeader << "\t1\tdocuments=" << documents_ << '\n';
  for (const auto& [t, n] : rows) out << t << '\t' << n << '\n';
  out.flush();
  if (!out) return Status::Io(path + ": write failed");
  return Status::Ok();
}

}  // namespace veille::corpus
