#include "nlp/sentence_train.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "nlp/sentence_features.h"
#include "nlp/tokenize.h"

namespace veille {

namespace {

// Opens a corpus file for reading; kNotFound or kIo naming the file.
Status open_corpus_file(const std::string& path, std::ifstream* in) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Status::NotFound(path + ": no such file");
  in->open(path, std::ios::binary);
  if (!*in) return Status::Io(path + ": cannot open: " + std::strerror(errno));
  return Status::Ok();
}

}  // namespace

Result<SentenceCorpus> read_sentence_corpus(const std::string& path) {
  std::ifstream in;
  if (Status st = open_corpus_file(path, &in); !st.ok()) return st;
  SentenceCorpus c;
  c.name = path;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] >= '0' && line[0] <= '9') {
      // ID FORM LEMMA UPOS ...: keep the verb forms (multiword ranges "1-2" have UPOS "_").
      size_t t1 = line.find('\t'), t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
      size_t t3 = t2 == std::string::npos ? t2 : line.find('\t', t2 + 1);
      size_t t4 = t3 == std::string::npos ? t3 : line.find('\t', t3 + 1);
      if (t4 != std::string::npos) {
        std::string_view upos = std::string_view(line).substr(t3 + 1, t4 - t3 - 1);
        if (upos == "VERB" || upos == "AUX") c.verbs.emplace_back(line.substr(t1 + 1, t2 - t1 - 1));
      }
      continue;
    }
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

Result<SentenceCorpus> read_token_sentence_corpus(const std::string& path) {
  std::ifstream in;
  if (Status st = open_corpus_file(path, &in); !st.ok()) return st;
  SentenceCorpus c;
  c.name = path;
  std::string line;
  size_t open = std::string::npos;  // byte where the current sentence began
  auto close = [&] {
    if (open != std::string::npos) c.sentences.emplace_back(static_cast<uint32_t>(open), static_cast<uint32_t>(c.text.size()));
    open = std::string::npos;
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      close();
      continue;
    }
    if (line[0] == '#') continue;
    size_t tab = line.find('\t');
    std::string_view first = std::string_view(line).substr(0, tab);
    std::string_view word = first;
    if (tab != std::string::npos && !first.empty() &&
        first.find_first_not_of("0123456789") == std::string_view::npos) {
      size_t tab2 = line.find('\t', tab + 1);
      word = std::string_view(line).substr(tab + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab - 1);
    }
    if (word.empty() || word.find(' ') != std::string_view::npos) continue;
    if (!c.text.empty()) c.text.push_back(' ');
    if (open == std::string::npos) open = c.text.size();
    c.text.append(word);
  }
  close();
  if (in.bad()) return Status::Io(path + ": read error");
  if (c.sentences.empty()) return Status::InvalidArgument(path + ": no token: not a CoNLL token file");
  return c;
}

void append_sentence_corpus(SentenceCorpus& into, const SentenceCorpus& more) {
  if (!into.text.empty() && !more.text.empty()) into.text.push_back(' ');
  const uint32_t shift = static_cast<uint32_t>(into.text.size());
  into.text += more.text;
  for (const auto& s : more.sentences) into.sentences.emplace_back(s.first + shift, s.second + shift);
  into.verbs.insert(into.verbs.end(), more.verbs.begin(), more.verbs.end());
  into.name += into.name.empty() ? more.name : " + " + more.name;
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

bool starts_uppercase(std::string_view w) {
  if (w.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(w.data()), i, static_cast<int32_t>(w.size()), c);
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}

// A mark after which a capitalised word says nothing about its use inside a sentence.
bool ends_clause(std::string_view w) {
  return w == "." || w == ":" || w == "!" || w == "?" || w == "\"" || w == "-" || w == "(" || w == "\xc2\xab" ||
         w == "..." || w == "\xe2\x80\xa6";
}

Status add_lexicon_file(const std::string& path, sentences::LowerLexicon* lexicon, size_t* added) {
  std::ifstream in;
  if (Status st = open_corpus_file(path, &in); !st.ok()) return st;
  std::string line;
  bool first_of_sentence = true;
  std::string prev;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) first_of_sentence = true;
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
    } else if (starts_uppercase(word)) {
      // How capitalised words are used: first in a sentence, or inside one (names, titles).
      if (first_of_sentence) lexicon->add_class(word, sentences::LowerLexicon::kSentenceInitial);
      else if (!ends_clause(prev)) lexicon->add_class(word, sentences::LowerLexicon::kInnerCapital);
    }
    first_of_sentence = false;
    prev.assign(word);
  }
  if (in.bad()) return Status::Io(path + ": read error");
  return Status::Ok();
}

// The word classes of the lexicon: how capitalised words are used in the gold sentences, and the
// verb forms of the treebank.
void add_word_classes(const SentenceCorpus& c, sentences::LowerLexicon* lexicon) {
  std::vector<Span> tokens = tokenize(c.text);
  size_t t = 0;
  for (const auto& s : c.sentences) {
    while (t < tokens.size() && tokens[t].begin < s.first) ++t;
    bool first = true;
    std::string_view prev;
    for (; t < tokens.size() && tokens[t].end <= s.second; ++t) {
      std::string_view w = std::string_view(c.text).substr(tokens[t].begin, tokens[t].end - tokens[t].begin);
      if (starts_uppercase(w)) {
        if (first) lexicon->add_class(w, sentences::LowerLexicon::kSentenceInitial);
        else if (!ends_clause(prev))
          lexicon->add_class(w, sentences::LowerLexicon::kInnerCapital);
      }
      first = false;
      prev = w;
    }
  }
  for (const std::string& v : c.verbs)
    if (starts_lowercase(v)) lexicon->add_class(v, sentences::LowerLexicon::kVerb);
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

Result<SentenceModelParams> train_sentence_model(const SentenceCorpus& train, std::span<const SentenceCorpus> devs,
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
  add_word_classes(train, &lexicon);
  say("lexicon: " + std::to_string(lexicon_words) + " lower-case word occurrences");
  size_t missed = 0;
  std::vector<Example> examples = training_examples(train, lexicon, options.hash_bits, &missed);
  size_t positives = 0;
  for (const Example& e : examples) positives += e.boundary;
  say(train.name + ": " + std::to_string(train.sentences.size()) + " sentences, " +
      std::to_string(examples.size()) + " candidate gaps (" + std::to_string(positives) + " boundaries), " +
      std::to_string(missed) + " boundaries outside the candidates");

  size_t dev_count = 0;
  for (const SentenceCorpus& dev : devs) dev_count += !dev.sentences.empty();
  const size_t dim = size_t{1} << options.hash_bits;
  SentenceModelParams best;
  double best_f1 = -1;
  bool best_above_floor = false;
  int best_epoch = 0;
  // Scores the weights of one epoch on the training and dev texts with the real splitter, and
  // keeps them when they are the best so far.
  auto consider = [&](int epoch, const std::vector<float>& weights, const std::string& head) -> Status {
    SentenceModelParams p;
    p.hash_bits = options.hash_bits;
    p.weights = weights;
    p.lexicon = lexicon;
    Result<std::shared_ptr<const SentenceModel>> m = SentenceModel::from_params(std::move(p), "training");
    if (!m.ok()) return m.status();
    const SentenceScore on_train = score_sentences(train, m->get());
    std::string line = "epoch " + std::to_string(epoch) + ": " + head + ", train F1 " + std::to_string(on_train.f1());
    double f1 = on_train.f1();
    double dev_sum = 0;
    bool above_floor = true;
    for (size_t d = 0; d < devs.size(); ++d) {
      const SentenceCorpus& dev = devs[d];
      if (dev.sentences.empty()) continue;
      const SentenceScore on_dev = score_sentences(dev, m->get());
      dev_sum += on_dev.f1();
      if (d < options.dev_floors.size()) above_floor = above_floor && on_dev.f1() >= options.dev_floors[d];
      line += ", " + std::filesystem::path(dev.name).filename().string() + " P " + std::to_string(on_dev.precision()) +
              " R " + std::to_string(on_dev.recall()) + " F1 " + std::to_string(on_dev.f1());
    }
    if (dev_count > 0) f1 = dev_sum / static_cast<double>(dev_count);
    say(line + (above_floor ? "" : " (below the floor)"));
    // An epoch with every dev F1 at or above the floor beats any epoch below it.
    if (above_floor && !best_above_floor) best_f1 = -1;
    if ((above_floor || !best_above_floor) && f1 > best_f1) {
      best_above_floor = above_floor;
      best_f1 = f1;
      best_epoch = epoch;
      best.hash_bits = options.hash_bits;
      best.weights = weights;
      best.lexicon = lexicon;
    }
    return Status::Ok();
  };
  if (options.l2 > 0) {
    // L2-regularised logistic regression, full-batch Adam over the features that occur. Unlike the
    // perceptron, which separates the training gaps in a few epochs by memorising word pairs, it
    // converges to one optimum: the result does not swing with the order of the examples.
    std::unordered_map<uint32_t, uint32_t> compact;
    std::vector<std::vector<uint32_t>> xs(examples.size());
    std::vector<uint32_t> hashed;
    for (size_t k = 0; k < examples.size(); ++k)
      for (uint32_t f : examples[k].features) {
        auto [it, fresh] = compact.emplace(f, static_cast<uint32_t>(compact.size()));
        if (fresh) hashed.push_back(f);
        xs[k].push_back(it->second);
      }
    const size_t kdim = compact.size();
    std::vector<double> w(kdim, 0.0), g(kdim), m1(kdim, 0.0), m2(kdim, 0.0);
    const double lr = 0.05, b1 = 0.9, b2 = 0.999, n = static_cast<double>(std::max<size_t>(examples.size(), 1));
    const int per_epoch = 50;  // Adam steps between two evaluations
    std::vector<float> full(dim, 0.0f);
    for (int epoch = 1, step = 0; epoch <= options.epochs; ++epoch) {
      double loss = 0;
      for (int it = 0; it < per_epoch; ++it, ++step) {
        for (size_t j = 0; j < kdim; ++j) g[j] = options.l2 * w[j];
        loss = 0;
        for (size_t k = 0; k < examples.size(); ++k) {
          double sc = 0;
          for (uint32_t j : xs[k]) sc += w[j];
          const double y = examples[k].boundary ? 1.0 : -1.0;
          const double margin = y * sc;
          loss += margin > 30 ? std::exp(-margin) : std::log1p(std::exp(-margin));
          const double d = -y / (1.0 + std::exp(margin)) / n;
          for (uint32_t j : xs[k]) g[j] += d;
        }
        const double c1 = 1 - std::pow(b1, step + 1), c2 = 1 - std::pow(b2, step + 1);
        for (size_t j = 0; j < kdim; ++j) {
          m1[j] = b1 * m1[j] + (1 - b1) * g[j];
          m2[j] = b2 * m2[j] + (1 - b2) * g[j] * g[j];
          w[j] -= lr * (m1[j] / c1) / (std::sqrt(m2[j] / c2) + 1e-8);
        }
      }
      for (size_t j = 0; j < kdim; ++j) full[hashed[j]] = static_cast<float>(w[j]);
      char head[64];
      std::snprintf(head, sizeof head, "log loss %.4f", loss / n);
      if (Status st = consider(epoch, full, head); !st.ok()) return st;
    }
  } else {
    // Averaged perceptron with lazy averaging: avg = w - u / c.
    std::vector<float> w(dim, 0.0f), u(dim, 0.0f), avg(dim, 0.0f);
    float c = 1;
    std::vector<uint32_t> order(examples.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<uint32_t>(k);
    std::mt19937 rng(20261122);
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
      size_t errors = 0;
      // A fixed-seed shuffle each epoch: the training corpora are concatenated, and the perceptron
      // must not see one corpus last every time.
      for (size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[rng() % k]);
      for (uint32_t idx : order) {
        const Example& e = examples[idx];
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
      for (size_t k = 0; k < dim; ++k) avg[k] = w[k] - u[k] / c;
      if (Status st = consider(epoch, avg, std::to_string(errors) + " training errors"); !st.ok()) return st;
      if (errors == 0) break;
    }
  }
  char figures[160];
  std::snprintf(figures, sizeof figures, "; epoch %d of %d kept, %s sentence F1 %.2f", best_epoch, options.epochs,
                dev_count == 0 ? "train" : "mean dev", best_f1);
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
