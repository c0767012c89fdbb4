#include "nlp/ner_train.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <unordered_map>

#include "nlp/ner.h"

namespace veille {

using namespace ner;

namespace {

constexpr int kTransRows = kNumTags + 1;

// Per-fold counts behind the lexicons; fold k's lexicon is built from all folds but k.
struct WordCounts {
  std::vector<std::array<uint32_t, 1 + kNumTypes>> by_fold;  // [0] occurrences, [1+t] in type t
};
struct LowerCounts {
  std::vector<std::array<uint32_t, 3>> by_fold;  // occurrences, with a lower-case initial, in an entity
};
struct PhraseCounts {
  std::vector<std::array<uint32_t, kNumTypes>> by_fold;
};

class LexiconBuilder {
 public:
  explicit LexiconBuilder(int folds) : folds_(folds) {}

  void add(const std::vector<TokenInfo>& toks, const std::vector<uint8_t>& gold, int fold) {
    for (size_t i = 0; i < toks.size(); ++i) {
      auto& w = words_[toks[i].word];
      if (w.by_fold.empty()) w.by_fold.resize(folds_, {});
      ++w.by_fold[fold][0];
      if (gold[i] != 0) ++w.by_fold[fold][1 + tag_type(gold[i])];
      auto& l = lowers_[toks[i].lower];
      if (l.by_fold.empty()) l.by_fold.resize(folds_, {});
      ++l.by_fold[fold][0];
      const bool has_letter = !(toks[i].flags & (kNoLetterOrDigit | kAllDigit));
      if (has_letter && !(toks[i].flags & kInitUpper)) ++l.by_fold[fold][1];
      if (gold[i] != 0) ++l.by_fold[fold][2];
    }
    for (size_t i = 0; i < gold.size(); ++i) {
      if (!tag_is_begin(gold[i])) continue;
      const int type = tag_type(gold[i]);
      size_t j = i + 1;
      while (j < gold.size() && tag_is_inside(gold[j]) && tag_type(gold[j]) == type) ++j;
      uint64_t h = phrase_hash_start();
      for (size_t k = i; k < j; ++k) h = phrase_hash_step(h, toks[k].word);
      auto& p = phrases_[h];
      if (p.by_fold.empty()) p.by_fold.resize(folds_, {});
      ++p.by_fold[fold][type];
      max_len_ = std::max<uint32_t>(max_len_, static_cast<uint32_t>(j - i));
    }
  }

  // The lexicons without fold `skip` (skip < 0: all folds).
  Lexicons build(int skip) const {
    Lexicons lex;
    lex.max_phrase_tokens = std::min<uint32_t>(max_len_, 12);
    std::vector<std::pair<uint64_t, uint16_t>> entries;
    for (const auto& [key, counts] : words_) {
      std::array<uint32_t, 1 + kNumTypes> sum{};
      for (int f = 0; f < folds_; ++f)
        if (f != skip)
          for (int k = 0; k <= kNumTypes; ++k) sum[k] += counts.by_fold[f][k];
      if (sum[0] == 0) continue;
      uint32_t in_entity = 0;
      uint16_t mask = 0;
      for (int t = 0; t < kNumTypes; ++t) {
        in_entity += sum[1 + t];
        if (sum[1 + t]) mask |= uint16_t(1u << t);
      }
      if (in_entity == 0 && sum[0] < 2) continue;
      const double ratio = double(in_entity) / double(sum[0]);
      const uint16_t bucket = in_entity == 0 ? 0 : ratio < 0.25 ? 1 : ratio < 0.5 ? 2 : ratio < 0.9 ? 3 : 4;
      const uint16_t frequent = sum[0] >= 3 ? 1 : 0;
      entries.emplace_back(key, uint16_t(kWordPresent | mask | (bucket << 4) | (frequent << 7)));
    }
    lex.words = HashTable16(entries);
    entries.clear();
    for (const auto& [key, counts] : phrases_) {
      uint16_t mask = 0;
      for (int f = 0; f < folds_; ++f)
        if (f != skip)
          for (int t = 0; t < kNumTypes; ++t)
            if (counts.by_fold[f][t]) mask |= uint16_t(1u << t);
      if (mask) entries.emplace_back(key, mask);
    }
    lex.phrases = HashTable16(entries);
    entries.clear();
    auto bucket = [](uint32_t part, uint32_t all) -> uint16_t {
      if (part == 0) return 0;
      const double r = double(part) / double(all);
      return r < 0.1 ? 1 : r < 0.5 ? 2 : r < 0.9 ? 3 : 4;
    };
    for (const auto& [key, counts] : lowers_) {
      std::array<uint32_t, 3> sum{};
      for (int f = 0; f < folds_; ++f)
        if (f != skip)
          for (int k = 0; k < 3; ++k) sum[k] += counts.by_fold[f][k];
      if (sum[0] == 0) continue;
      entries.emplace_back(key, uint16_t(kWordPresent | bucket(sum[1], sum[0]) |
                                         (bucket(sum[2], sum[0]) << 3)));
    }
    lex.lowers = HashTable16(entries);
    return lex;
  }

 private:
  int folds_;
  uint32_t max_len_ = 0;
  std::unordered_map<uint64_t, WordCounts> words_;
  std::unordered_map<uint64_t, PhraseCounts> phrases_;
  std::unordered_map<uint64_t, LowerCounts> lowers_;
};

struct Example {
  std::vector<uint32_t> features;  // n * kFeaturesPerToken
  std::vector<uint8_t> gold;
};

std::vector<TokenInfo> analyse(const std::vector<std::string>& tokens) {
  std::vector<TokenInfo> out(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) analyse_token(tokens[i], &out[i]);
  return out;
}

// Weights being learnt, with the sums needed for averaging: the averaged weight is
// w - u / c where c counts the examples seen and u accumulates c * each update (Daumé's trick).
struct Perceptron {
  std::vector<double> w, u;      // emission, bucket-major
  std::vector<double> tw, tu;    // transitions
  double c = 1;

  void update_emission(size_t idx, double d) {
    w[idx] += d;
    u[idx] += c * d;
  }
  void update_transition(size_t idx, double d) {
    tw[idx] += d;
    tu[idx] += c * d;
  }
};

void decode(const Perceptron& m, const Example& ex, double margin, std::vector<double>& scratch,
            std::vector<uint8_t>& back, std::vector<uint8_t>& out) {
  const size_t n = ex.gold.size();
  scratch.assign(n * kNumTags * 2, 0.0);
  back.assign(n * kNumTags, 0);
  double* em = scratch.data();
  double* delta = scratch.data() + n * kNumTags;
  for (size_t i = 0; i < n; ++i) {
    const uint32_t* f = &ex.features[i * kFeaturesPerToken];
    for (int k = 0; k < kFeaturesPerToken; ++k) {
      const double* row = &m.w[size_t{f[k]} * kNumTags];
      for (int t = 0; t < kNumTags; ++t) em[i * kNumTags + t] += row[t];
    }
    // Loss-augmented decoding: every wrong tag gets a head start, so that updates continue until
    // the gold sequence wins by a margin.
    if (margin > 0)
      for (int t = 0; t < kNumTags; ++t)
        if (t != ex.gold[i]) em[i * kNumTags + t] += margin;
  }
  auto trans = [&](int p, int t) {
    return transition_allowed(p, t) ? m.tw[p * kNumTags + t] : -1e30;
  };
  for (int t = 0; t < kNumTags; ++t) delta[t] = trans(kStartTag, t) + em[t];
  for (size_t i = 1; i < n; ++i) {
    for (int t = 0; t < kNumTags; ++t) {
      double best = -1e300;
      int arg = 0;
      for (int p = 0; p < kNumTags; ++p) {
        const double s = delta[(i - 1) * kNumTags + p] + trans(p, t);
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      delta[i * kNumTags + t] = best + em[i * kNumTags + t];
      back[i * kNumTags + t] = static_cast<uint8_t>(arg);
    }
  }
  out.resize(n);
  int best = 0;
  for (int t = 1; t < kNumTags; ++t)
    if (delta[(n - 1) * kNumTags + t] > delta[(n - 1) * kNumTags + best]) best = t;
  for (size_t i = n; i-- > 0;) {
    out[i] = static_cast<uint8_t>(best);
    if (i > 0) best = back[i * kNumTags + best];
  }
}

// The averaged weights of the members, averaged over members, quantised to int16 with one scale
// for emission and transitions.
ModelParams snapshot(const std::vector<Perceptron>& members, int hash_bits, const Lexicons& lex) {
  ModelParams p;
  p.hash_bits = static_cast<uint32_t>(hash_bits);
  p.lexicons = lex;
  const double k = static_cast<double>(members.size());
  std::vector<double> avg(members[0].w.size(), 0.0);
  std::vector<double> tavg(members[0].tw.size(), 0.0);
  for (const Perceptron& m : members) {
    for (size_t i = 0; i < m.w.size(); ++i) avg[i] += (m.w[i] - m.u[i] / m.c) / k;
    for (size_t i = 0; i < m.tw.size(); ++i) tavg[i] += (m.tw[i] - m.tu[i] / m.c) / k;
  }
  double max_abs = 1e-9;
  for (double v : avg) max_abs = std::max(max_abs, std::fabs(v));
  for (double v : tavg) max_abs = std::max(max_abs, std::fabs(v));
  const double scale = max_abs / 32767.0;
  p.scale = static_cast<float>(scale);
  p.emission.resize(avg.size());
  for (size_t i = 0; i < avg.size(); ++i)
    p.emission[i] = static_cast<int16_t>(std::lround(avg[i] / scale));
  p.transition.resize(kTransRows * kNumTags);
  for (int prev = 0; prev < kTransRows; ++prev)
    for (int t = 0; t < kNumTags; ++t)
      p.transition[prev * kNumTags + t] =
          transition_allowed(prev, t) ? static_cast<int32_t>(std::lround(tavg[prev * kNumTags + t] / scale))
                                      : kForbidden;
  return p;
}

std::string format_seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", s);
  return buf;
}

}  // namespace

const std::vector<std::vector<std::string>>& ner_self_test_sentences() {
  static const std::vector<std::vector<std::string>> kSentences = {
      {"Emmanuel", "Macron", "a", "reçu", "Olaf", "Scholz", "à", "Paris", "."},
      {"La", "Banque", "centrale", "européenne", "a", "relevé", "ses", "taux", "à", "Francfort",
       "."},
      {"Le", "maire", "de", "Lyon", ",", "Grégory", "Doucet", ",", "a", "rencontré", "des",
       "représentants", "de", "la", "SNCF", "."},
      {"Kylian", "Mbappé", "a", "quitté", "le", "Paris", "Saint-Germain", "pour", "le", "Real",
       "Madrid", "."},
      {"Il", "a", "plu", "toute", "la", "journée", "."},
  };
  return kSentences;
}

Result<ModelParams> train_ner(const std::vector<ConllSentence>& train,
                              const std::vector<ConllSentence>& dev, const NerTrainOptions& opt,
                              NerTrainReport* report) {
  if (train.empty()) return Status::InvalidArgument("no training sentences");
  if (opt.hash_bits < 10 || opt.hash_bits > 26)
    return Status::InvalidArgument("hash bits must be within 10..26");
  if (opt.folds < 2 || opt.folds > 100) return Status::InvalidArgument("folds must be within 2..100");
  if (opt.max_epochs < 1) return Status::InvalidArgument("epochs must be at least 1");
  if (opt.ensemble < 1 || opt.ensemble > 16)
    return Status::InvalidArgument("ensemble size must be within 1..16");
  const auto t0 = std::chrono::steady_clock::now();
  auto log = [&](const std::string& s) {
    if (opt.log) opt.log(s);
  };

  // Gold tags and token analyses, then the lexicons (per fold and whole).
  std::vector<std::vector<TokenInfo>> infos(train.size());
  std::vector<std::vector<uint8_t>> golds(train.size());
  LexiconBuilder builder(opt.folds);
  for (size_t s = 0; s < train.size(); ++s) {
    const ConllSentence& sent = train[s];
    if (sent.tags.size() != sent.tokens.size())
      return Status::InvalidArgument("training sentence at line " + std::to_string(sent.first_line) +
                                     " has no tag for every token");
    infos[s] = analyse(sent.tokens);
    golds[s].resize(sent.tags.size());
    for (size_t i = 0; i < sent.tags.size(); ++i) {
      const int t = parse_tag(sent.tags[i]);
      if (t < 0)
        return Status::InvalidArgument("training sentence at line " + std::to_string(sent.first_line) +
                                       ": unknown tag '" + sent.tags[i] + "'");
      golds[s][i] = static_cast<uint8_t>(t);
    }
    // Repair ill-formed IOB2 (I-X after O or another type) as conlleval reads it: a chunk start.
    for (size_t i = 0; i < golds[s].size(); ++i) {
      const int prev = i == 0 ? kStartTag : golds[s][i - 1];
      if (!transition_allowed(prev, golds[s][i])) golds[s][i] = static_cast<uint8_t>(golds[s][i] - 1);
    }
    builder.add(infos[s], golds[s], static_cast<int>(s % opt.folds));
  }
  const Lexicons full = builder.build(-1);
  std::vector<Example> examples(train.size());
  {
    std::vector<LexCodes> codes;
    for (int fold = 0; fold < opt.folds; ++fold) {
      const Lexicons lex = builder.build(fold);
      for (size_t s = fold; s < train.size(); s += opt.folds) {
        const size_t n = infos[s].size();
        codes.resize(n);
        lexicon_codes(infos[s].data(), n, lex, codes.data());
        examples[s].features.resize(n * kFeaturesPerToken);
        extract_features(infos[s].data(), codes.data(), n, opt.hash_bits,
                         examples[s].features.data());
        examples[s].gold = std::move(golds[s]);
      }
    }
  }
  infos.clear();
  log("features ready: " + std::to_string(train.size()) + " sentences, " +
      std::to_string(full.words.size()) + " lexicon words, " + std::to_string(full.phrases.size()) +
      " lexicon phrases (" +
      format_seconds(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()) +
      ")");

  // Members of the ensemble differ only by the order they see the sentences in.
  std::vector<Perceptron> members(opt.ensemble);
  std::vector<std::mt19937_64> rngs;
  std::vector<std::vector<size_t>> orders(opt.ensemble);
  for (int k = 0; k < opt.ensemble; ++k) {
    Perceptron& m = members[k];
    m.w.assign((size_t{1} << opt.hash_bits) * kNumTags, 0.0);
    m.u.assign(m.w.size(), 0.0);
    m.tw.assign(kTransRows * kNumTags, 0.0);
    m.tu.assign(m.tw.size(), 0.0);
    rngs.emplace_back(opt.seed + static_cast<uint64_t>(k));
    orders[k].resize(examples.size());
    for (size_t i = 0; i < examples.size(); ++i) orders[k][i] = i;
  }
  std::vector<double> scratch;
  std::vector<uint8_t> back, pred;

  ModelParams best;
  double best_f1 = -1;
  int best_epoch = 0, since_best = 0, epoch = 0;
  for (epoch = 1; epoch <= opt.max_epochs; ++epoch) {
    size_t wrong_tokens = 0;
    for (int member = 0; member < opt.ensemble; ++member) {
    Perceptron& m = members[member];
    std::vector<size_t>& order = orders[member];
    std::mt19937_64& rng = rngs[member];
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    for (size_t idx : order) {
      const Example& ex = examples[idx];
      decode(m, ex, opt.margin, scratch, back, pred);
      const size_t n = ex.gold.size();
      for (size_t i = 0; i < n; ++i) {
        const int g = ex.gold[i], p = pred[i];
        const int gp = i == 0 ? kStartTag : ex.gold[i - 1];
        const int pp = i == 0 ? kStartTag : pred[i - 1];
        if (g != p) {
          ++wrong_tokens;
          const uint32_t* f = &ex.features[i * kFeaturesPerToken];
          for (int k = 0; k < kFeaturesPerToken; ++k) {
            m.update_emission(size_t{f[k]} * kNumTags + g, 1.0);
            m.update_emission(size_t{f[k]} * kNumTags + p, -1.0);
          }
        }
        if (g != p || gp != pp) {
          m.update_transition(gp * kNumTags + g, 1.0);
          m.update_transition(pp * kNumTags + p, -1.0);
        }
      }
      m.c += 1;
    }
    }
    ModelParams snap = snapshot(members, opt.hash_bits, full);
    double f1 = 0;
    std::string line = "epoch " + std::to_string(epoch) + ": " + std::to_string(wrong_tokens) +
                       " training tokens wrong";
    if (!dev.empty()) {
      Result<std::shared_ptr<const NerModel>> model = NerModel::from_params(snap, "training snapshot");
      if (!model.ok()) return model.status();
      NerScorer scorer;
      std::vector<std::string> predicted;
      for (const ConllSentence& s : dev) {
        predicted = (*model)->tag(s.tokens);
        scorer.add(s.tags, predicted);
      }
      f1 = scorer.overall().f1();
      char buf[64];
      std::snprintf(buf, sizeof buf, ", dev F1 %.4f", f1);
      line += buf;
      if (report && f1 > best_f1) report->dev_table = scorer.table();
    }
    line += " (" + format_seconds(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()) + ")";
    log(line);
    if (dev.empty() || f1 > best_f1) {
      best_f1 = f1;
      best = std::move(snap);
      best_epoch = epoch;
      since_best = 0;
    } else if (++since_best >= opt.patience) {
      ++epoch;
      break;
    }
  }

  // Record what the kept model says on the self-test sentences.
  best.self_tests.clear();
  {
    Result<std::shared_ptr<const NerModel>> model = NerModel::from_params(best, "trained model");
    if (!model.ok()) return model.status();
    NerWorkspace ws;
    std::vector<std::string_view> views;
    for (const auto& sentence : ner_self_test_sentences()) {
      SelfTest st;
      st.tokens = sentence;
      views.assign(sentence.begin(), sentence.end());
      (*model)->tag(views, ws, st.tags);
      best.self_tests.push_back(std::move(st));
    }
  }
  char figures[160];
  std::snprintf(figures, sizeof figures,
                "averaged perceptron, %zu training sentences, 2^%d buckets, epoch %d kept, dev F1 %.4f",
                train.size(), opt.hash_bits, best_epoch, best_f1 < 0 ? 0.0 : best_f1);
  best.description = opt.description.empty() ? figures : opt.description + "\n" + figures;
  if (report) {
    report->best_epoch = best_epoch;
    report->epochs_run = epoch - 1;
    report->dev_f1 = best_f1 < 0 ? 0 : best_f1;
    report->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  return best;
}

}  // namespace veille
