#include "nlp/sentence_train.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <unordered_set>

#include "nlp/sentence_features.h"
#include "nlp/tokenize.h"

namespace veille {

Result<SentenceCorpus> read_sentence_corpus(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Status::NotFound(path + ": no such file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io(path + ": cannot open: " + std::strerror(errno));
  SentenceCorpus c;
  c.name = path;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("# text = ", 0) != 0) continue;
    std::string_view s = std::string_view(line).substr(9);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    if (s.empty()) continue;
    if (!c.text.empty()) c.text.push_back(' ');
    const uint32_t b = static_cast<uint32_t>(c.text.size());
    c.text.append(s);
    c.sentences.emplace_back(b, static_cast<uint32_t>(c.text.size()));
  }
  if (in.bad()) return Status::Io(path + ": read error");
  if (c.sentences.empty()) return Status::InvalidArgument(path + ": no `# text =` line: not a CoNLL-U treebank");
  return c;
}

SentenceScore score_sentences(const SentenceCorpus& corpus, const SentenceModel* model) {
  Tokenization tz = tokenize_and_split(corpus.text, model);
  std::set<std::pair<uint32_t, uint32_t>> gold(corpus.sentences.begin(), corpus.sentences.end());
  SentenceScore s;
  s.gold = gold.size();
  s.system = tz.sentences.size();
  for (const SentenceSpan& x : tz.sentences) s.matched += gold.count({x.span.begin, x.span.end});
  return s;
}

namespace {

// One candidate gap of the training text: its features and whether it is a gold boundary.
struct Example {
  std::vector<uint32_t> features;
  bool boundary = false;
};

bool starts_lowercase(std::string_view w) {
  if (w.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(w.data()), i, static_cast<int32_t>(w.size()), c);
  return c >= 0 && u_islower(c);
}

Status add_lexicon_file(const std::string& path, sentences::LowerLexicon* lexicon, size_t* added) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open lexicon file: " + std::strerror(errno));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos) tab = line.find(' ');
    std::string_view first = std::string_view(line).substr(0, tab);
    std::string_view word = first;
    if (tab != std::string::npos && !first.empty() && first[0] >= '0' && first[0] <= '9') {
      size_t tab2 = line.find_first_of("\t ", tab + 1);
      word = std::string_view(line).substr(tab + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab - 1);
    }
    if (starts_lowercase(word)) {
      lexicon->add(word);
      ++*added;
    }
  }
  if (in.bad()) return Status::Io(path + ": read error");
  return Status::Ok();
}

std::vector<Example> training_examples(const SentenceCorpus& c, const sentences::LowerLexicon& lexicon,
                                       uint32_t hash_bits, size_t* missed) {
  std::vector<Span> tokens = tokenize(c.text);
  std::vector<uint8_t> gaps = sentences::sentence_rule_gaps(c.text, tokens);
  sentences::GapFeaturizer featurizer(c.text, tokens, gaps, &lexicon);
  std::unordered_set<uint32_t> ends;
  for (const auto& s : c.sentences) ends.insert(s.second);
  std::vector<Example> out;
  size_t since = 0;
  *missed = 0;
  for (size_t g = 0; g + 1 < tokens.size(); ++g) {
    ++since;
    const bool gold = ends.count(tokens[g].end) > 0;
    if (featurizer.candidate(g)) {
      Example e;
      featurizer.features(g, since, hash_bits, e.features);
      e.boundary = gold;
      out.push_back(std::move(e));
    } else if (gold) {
      ++*missed;  // a boundary the candidate set or a forced rule cannot give
    }
    if (gold) since = 0;
  }
  return out;
}

// Texts for the self-tests: what the model answers on them at training is recorded in the file.
const char* const kSelfTestTexts[] = {
    "M. Dupont est venu hier. Mme Durand aussi, avec le Dr Martin.",
    "Il a dit : « Je pars. » Puis il est parti. Le reste suit, etc. Fin.",
    "Effets indésirables Les patients traités ont présenté des nausées. Conservation",
    "Liste des participants : - Paul Martin ; - Anne Dubois.\n\nUn autre paragraphe commence ici.",
    "Le livre de J. K. Rowling se vend bien... Il plaît ! Et vous ?",
};

}  // namespace

Result<SentenceModelParams> train_sentence_model(const SentenceCorpus& train, const SentenceCorpus& dev,
                                                 const SentenceTrainOptions& options,
                                                 const std::function<void(const std::string&)>& progress) {
  if (options.hash_bits < 10 || options.hash_bits > 24)
    return Status::InvalidArgument("hash bits must be in 10..24, not " + std::to_string(options.hash_bits));
  if (options.epochs < 1) return Status::InvalidArgument("epochs must be at least 1");
  auto say = [&](const std::string& s) {
    if (progress) progress(s);
  };
  // The lexicon: lower-case words of the training text and of the lexicon files.
  sentences::LowerLexicon lexicon;
  size_t lexicon_words = 0;
  for (const Span& t : tokenize(train.text)) {
    std::string_view w = std::string_view(train.text).substr(t.begin, t.end - t.begin);
    if (starts_lowercase(w)) {
      lexicon.add(w);
      ++lexicon_words;
    }
  }
  for (const std::string& f : options.lexicon_files) {
    Status st = add_lexicon_file(f, &lexicon, &lexicon_words);
    if (!st.ok()) return st;
  }
  say("lexicon: " + std::to_string(lexicon_words) + " lower-case word occurrences");
  size_t missed = 0;
  std::vector<Example> examples = training_examples(train, lexicon, options.hash_bits, &missed);
  size_t positives = 0;
  for (const Example& e : examples) positives += e.boundary;
  say(train.name + ": " + std::to_string(train.sentences.size()) + " sentences, " +
      std::to_string(examples.size()) + " candidate gaps (" + std::to_string(positives) + " boundaries), " +
      std::to_string(missed) + " boundaries outside the candidates");

  const size_t dim = size_t{1} << options.hash_bits;
  // Averaged perceptron with lazy averaging: avg = w - u / c.
  std::vector<float> w(dim, 0.0f), u(dim, 0.0f), avg(dim, 0.0f);
  float c = 1;
  SentenceModelParams best;
  double best_f1 = -1;
  int best_epoch = 0;
  auto averaged = [&]() {
    for (size_t k = 0; k < dim; ++k) avg[k] = w[k] - u[k] / c;
  };
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    size_t errors = 0;
    for (const Example& e : examples) {
      float s = 0;
      for (uint32_t f : e.features) s += w[f];
      const bool predicted = s > 0;
      if (predicted != e.boundary) {
        ++errors;
        const float y = e.boundary ? 1.0f : -1.0f;
        for (uint32_t f : e.features) {
          w[f] += y;
          u[f] += y * c;
        }
      }
      c += 1;
    }
    averaged();
    SentenceModelParams p;
    p.hash_bits = options.hash_bits;
    p.weights = avg;
    p.lexicon = lexicon;
    Result<std::shared_ptr<const SentenceModel>> m = SentenceModel::from_params(std::move(p), "training");
    if (!m.ok()) return m.status();
    const SentenceScore on_train = score_sentences(train, m->get());
    std::string line = "epoch " + std::to_string(epoch) + ": " + std::to_string(errors) + " training errors, train F1 " +
                       std::to_string(on_train.f1());
    double f1 = on_train.f1();
    if (!dev.sentences.empty()) {
      const SentenceScore on_dev = score_sentences(dev, m->get());
      f1 = on_dev.f1();
      line += ", dev P " + std::to_string(on_dev.precision()) + " R " + std::to_string(on_dev.recall()) + " F1 " +
              std::to_string(f1);
    }
    say(line);
    if (f1 > best_f1) {
      best_f1 = f1;
      best_epoch = epoch;
      best.hash_bits = options.hash_bits;
      best.weights = avg;
      best.lexicon = lexicon;
    }
    if (errors == 0) break;
  }
  char figures[160];
  std::snprintf(figures, sizeof figures, "; epoch %d of %d kept, %s sentence F1 %.2f", best_epoch, options.epochs,
                dev.sentences.empty() ? "train" : "dev", best_f1);
  best.description = options.description + figures;
  say("kept epoch " + std::to_string(best_epoch));

  // Self-tests: the kept model's answers on a few texts, checked again whenever the file loads.
  Result<std::shared_ptr<const SentenceModel>> kept = SentenceModel::from_params(best, "training");
  if (!kept.ok()) return kept.status();
  for (const char* text : kSelfTestTexts) {
    SentenceSelfTest st;
    st.text = text;
    for (const SentenceSpan& s : tokenize_and_split(st.text, kept->get()).sentences) st.sentence_ends.push_back(s.span.end);
    best.self_tests.push_back(std::move(st));
  }
  return best;
}

}  // namespace veille
