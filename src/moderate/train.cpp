#include "moderate/train.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "moderate/features.h"
#include "moderate/moderator_internal.h"

namespace veille::moderate {

namespace {

Result<std::string> slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

uint64_t fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

// splitmix64: a small deterministic generator, the same on every platform.
struct SplitMix {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
};

struct Example {
  std::vector<uint32_t> ids;
  std::vector<float> values;
  std::vector<uint32_t> term_identity;  // positions in ids, dropped at random in training
  bool toxic;
  float target;  // what the logistic output is trained towards: the label, or softened by a second opinion
  float weight;
};

// Naive Bayes log-count ratio of every bucket (Wang & Manning's NB features): the log of the
// smoothed share of toxic documents that hold it over the share of clean ones, documents weighted
// as in training. Buckets never seen get about 0.
std::vector<float> nb_ratios(const std::vector<Example>& data, const std::vector<size_t>& use,
                             int hash_bits, float alpha) {
  const size_t n = size_t{1} << hash_bits;
  std::vector<double> tox(n, 0.0), cln(n, 0.0);
  std::vector<uint32_t> seen(n, 0);
  double total_tox = 0, total_cln = 0;
  uint32_t stamp = 0;
  for (size_t idx : use) {
    const Example& e = data[idx];
    ++stamp;
    auto& counts = e.toxic ? tox : cln;
    (e.toxic ? total_tox : total_cln) += e.weight;
    for (uint32_t id : e.ids) {
      if (seen[id] == stamp) continue;  // presence, not count
      seen[id] = stamp;
      counts[id] += e.weight;
    }
  }
  std::vector<float> r(n);
  const double a = alpha;
  const double lt = std::log(total_tox + 2 * a), lc = std::log(total_cln + 2 * a);
  for (size_t i = 0; i < n; ++i)
    r[i] = static_cast<float>((std::log(tox[i] + a) - lt) - (std::log(cln[i] + a) - lc));
  return r;
}

// One AdaGrad logistic regression over features scaled per bucket by `mult`; returns the weights
// folded back onto the unscaled features (w * mult), so that inference needs no scaling.
std::vector<float> train_one(const std::vector<Example>& data, const std::vector<size_t>& use,
                             const ModerationTrainOptions& opt, const std::vector<float>& mult,
                             uint64_t seed) {
  const size_t n = size_t{1} << opt.hash_bits;
  std::vector<float> w(n, 0.f), g2(n, 0.f);
  std::vector<size_t> order = use;
  std::vector<uint8_t> dropped;
  SplitMix rng{seed};
  const bool scaled = !mult.empty();
  for (int epoch = 0; epoch < opt.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.next() % i]);
    for (size_t idx : order) {
      const Example& e = data[idx];
      // Term-identity dropout: some of the time the example is seen through its categories alone.
      const bool drop = opt.term_dropout > 0 && !e.term_identity.empty() &&
                        static_cast<double>(rng.next() >> 11) * 0x1.0p-53 < opt.term_dropout;
      if (drop) {
        dropped.assign(e.ids.size(), 0);
        for (uint32_t k : e.term_identity) dropped[k] = 1;
      }
      auto kept = [&](size_t k) { return !drop || !dropped[k]; };
      auto value = [&](size_t k) { return scaled ? e.values[k] * mult[e.ids[k]] : e.values[k]; };
      float z = 0;
      for (size_t k = 0; k < e.ids.size(); ++k)
        if (kept(k)) z += w[e.ids[k]] * value(k);
      z = std::clamp(z, -30.f, 30.f);
      const float p = 1.f / (1.f + std::exp(-z));
      const float g = (p - e.target) * e.weight;
      for (size_t k = 0; k < e.ids.size(); ++k) {
        if (!kept(k)) continue;
        const uint32_t id = e.ids[k];
        const float grad = g * value(k) + opt.l2 * w[id];
        g2[id] += grad * grad;
        w[id] -= opt.learning_rate * grad / (std::sqrt(g2[id]) + 1e-6f);
      }
    }
  }
  if (scaled)
    for (size_t i = 0; i < n; ++i) w[i] *= mult[i];
  return w;
}

std::vector<float> train_weights(const std::vector<Example>& data, const std::vector<size_t>& use,
                                 const ModerationTrainOptions& opt) {
  std::vector<float> r, mult;
  if (opt.nb_scale != 0 || opt.nb_mix != 0) r = nb_ratios(data, use, opt.hash_bits, opt.nb_alpha);
  if (opt.nb_scale != 0) {
    mult.resize(r.size());
    for (size_t i = 0; i < r.size(); ++i) mult[i] = (1.f - opt.nb_scale) + opt.nb_scale * r[i];
  }
  const int bags = std::max(1, opt.bags);
  std::vector<float> w;
  for (int b = 0; b < bags; ++b) {
    std::vector<float> wb = train_one(data, use, opt, mult, opt.seed + 0x1000193ull * static_cast<uint64_t>(b));
    if (w.empty()) w = std::move(wb);
    else for (size_t i = 0; i < w.size(); ++i) w[i] += wb[i];
  }
  if (bags > 1)
    for (float& x : w) x /= static_cast<float>(bags);
  if (opt.nb_mix != 0)
    for (size_t i = 0; i < w.size(); ++i) w[i] += opt.nb_mix * r[i];
  return w;
}

float score(const std::vector<float>& w, const Example& e) {
  return score_features(w, e.ids, e.values);
}

std::string figures_line(const char* label, const BinaryFigures& f) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "%-28s n=%4zu  macro-F1 %.3f  toxic P %.3f R %.3f F1 %.3f  clean F1 %.3f\n",
                label, f.n, f.macro_f1(), f.precision(), f.recall(), f.f1_toxic(), f.f1_clean());
  return buf;
}

const char* kSelfTests[] = {
    "Espèce de gros c0nn@rd, va te faire foutre !",
    "Ces salop@rds ne produisent que de la m***e.",
    "Le conseil municipal de Mâcon a voté le budget du concours.",
    "L'analyse du match contre Conakry sera publiée demain à Scunthorpe.",
};

}  // namespace

double BinaryFigures::f1_toxic() const {
  double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

double BinaryFigures::f1_clean() const {
  double p = tn + fn ? double(tn) / double(tn + fn) : 0;
  double r = tn + fp ? double(tn) / double(tn + fp) : 0;
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

BinaryFigures figures_at(const std::vector<float>& scores, const std::vector<bool>& gold, float threshold) {
  BinaryFigures f;
  f.n = scores.size();
  for (size_t i = 0; i < scores.size(); ++i) {
    bool pred = scores[i] >= threshold;
    if (pred && gold[i]) ++f.tp;
    else if (pred) ++f.fp;
    else if (gold[i]) ++f.fn;
    else ++f.tn;
  }
  return f;
}

float best_threshold(const std::vector<float>& scores, const std::vector<bool>& gold,
                     const std::vector<float>& clean_scores, float max_clean_fp) {
  // macro-F1 at each threshold, then smoothed over +-0.03: on a few hundred comments the raw curve
  // has narrow spikes, and a threshold on a spike does not carry to new comments. Among thresholds
  // within 0.002 of the best smoothed value, take the middle of that plateau.
  std::vector<double> raw;
  for (int t = 0; t <= 100; ++t) raw.push_back(figures_at(scores, gold, static_cast<float>(t) / 100.f).macro_f1());
  std::vector<std::pair<float, double>> grid;
  double best = -1;
  auto clean_fp = [&](float t) {
    size_t n = 0;
    for (float c : clean_scores) n += c >= t;
    return clean_scores.empty() ? 0.0 : double(n) / double(clean_scores.size());
  };
  int lowest = 5;  // the lowest threshold whose false-positive rate on clean text is acceptable
  if (max_clean_fp > 0)
    while (lowest < 95 && clean_fp(static_cast<float>(lowest) / 100.f) > max_clean_fp) ++lowest;
  for (int t = lowest; t <= 95; ++t) {
    double sum = 0;
    for (int d = -3; d <= 3; ++d) sum += raw[static_cast<size_t>(t + d)];
    const double f = sum / 7;
    grid.emplace_back(static_cast<float>(t) / 100.f, f);
    best = std::max(best, f);
  }
  std::vector<float> near;
  for (auto& [t, f] : grid)
    if (f >= best - 0.002) near.push_back(t);
  return near[near.size() / 2];
}

std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') { field.push_back('"'); ++i; }
        else quoted = false;
      } else {
        field.push_back(c);
      }
      continue;
    }
    if (c == '"') { quoted = true; any = true; }
    else if (c == ',') { row.push_back(std::move(field)); field.clear(); any = true; }
    else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) { row.push_back(std::move(field)); rows.push_back(std::move(row)); }
      field.clear();
      row.clear();
      any = false;
    } else {
      field.push_back(c);
      any = true;
    }
  }
  if (any || !field.empty()) { row.push_back(std::move(field)); rows.push_back(std::move(row)); }
  return rows;
}

bool parse_mlma_labels(std::string_view name, MlmaLabels* out) {
  if (name == "any") *out = MlmaLabels::kAnyHarm;
  else if (name == "harm") *out = MlmaLabels::kHarm;
  else if (name == "strict") *out = MlmaLabels::kStrict;
  else return false;
  return true;
}

namespace {
// -1: left out, 0: clean, 1: toxic.
int mlma_label(std::string_view sentiment, MlmaLabels mapping) {
  bool normal = false, harm = false, disrespect = false;
  size_t views = 0;
  while (!sentiment.empty()) {
    const size_t cut = std::min(sentiment.find('_'), sentiment.size());
    const std::string_view v = sentiment.substr(0, cut);
    sentiment.remove_prefix(std::min(cut + 1, sentiment.size()));
    ++views;
    if (v == "normal") normal = true;
    else if (v == "offensive" || v == "abusive" || v == "hateful") harm = true;
    else if (v == "disrespectful") disrespect = true;
  }
  switch (mapping) {
    case MlmaLabels::kAnyHarm: return normal && views == 1 ? 0 : 1;
    case MlmaLabels::kHarm: return harm || disrespect ? 1 : 0;
    case MlmaLabels::kStrict:
      if (normal) return views == 1 ? 0 : -1;
      return harm ? 1 : -1;
  }
  return -1;
}
}  // namespace

Result<std::vector<LabeledComment>> read_toxicity_data(const std::string& dir, int folds, MlmaLabels mlma) {
  std::vector<LabeledComment> out;
  auto load = [&](const std::string& rel, std::vector<std::vector<std::string>>* rows,
                  std::unordered_map<std::string, size_t>* cols) -> Status {
    Result<std::string> text = slurp(dir + "/" + rel);
    if (!text.ok()) return text.status();
    *rows = parse_csv(*text);
    if (rows->empty()) return Status::Corrupt(dir + "/" + rel + ": empty CSV");
    for (size_t i = 0; i < (*rows)[0].size(); ++i) (*cols)[(*rows)[0][i]] = i;
    return Status::Ok();
  };
  auto col = [](const std::unordered_map<std::string, size_t>& cols, const std::string& name,
                size_t* out_idx) { auto it = cols.find(name); if (it == cols.end()) return false; *out_idx = it->second; return true; };
  {
    std::vector<std::vector<std::string>> rows;
    std::unordered_map<std::string, size_t> cols;
    const std::string rel = "toxifrench/agreement_checking_500.csv";
    if (Status s = load(rel, &rows, &cols); !s.ok()) return s;
    size_t c_text, c_label, c_topic, c_second = 0;
    if (!col(cols, "content", &c_text) || !col(cols, "annotator's conclusion", &c_label) || !col(cols, "topic", &c_topic))
      return Status::Corrupt(dir + "/" + rel + ": missing content / annotator's conclusion / topic column");
    const bool has_second = col(cols, "2nd annotation score", &c_second);
    for (size_t r = 1; r < rows.size(); ++r) {
      const auto& row = rows[r];
      if (row.size() <= std::max({c_text, c_label, c_topic})) return Status::Corrupt(dir + "/" + rel + ": short row " + std::to_string(r));
      LabeledComment c;
      c.text = row[c_text];
      c.toxic = std::atof(row[c_label].c_str()) >= 0.5;
      c.source = DataSource::kToxiFrench;
      c.fold = static_cast<int>(fnv1a(row[c_topic]) % static_cast<uint64_t>(folds));
      if (has_second && c_second < row.size() && !row[c_second].empty())
        c.second_opinion = std::clamp(static_cast<float>(std::atof(row[c_second].c_str())), 0.f, 1.f);
      out.push_back(std::move(c));
    }
  }
  {
    std::vector<std::vector<std::string>> rows;
    std::unordered_map<std::string, size_t> cols;
    const std::string rel = "mlma_fr/fr_dataset.csv";
    if (Status s = load(rel, &rows, &cols); !s.ok()) return s;
    size_t c_text, c_label;
    if (!col(cols, "tweet", &c_text) || !col(cols, "sentiment", &c_label))
      return Status::Corrupt(dir + "/" + rel + ": missing tweet / sentiment column");
    for (size_t r = 1; r < rows.size(); ++r) {
      const auto& row = rows[r];
      if (row.size() <= std::max(c_text, c_label)) continue;
      const int label = mlma_label(row[c_label], mlma);
      if (label < 0) continue;
      out.push_back({row[c_text], label == 1, DataSource::kMlma, -1, -1.f});
    }
  }
  {
    std::vector<std::vector<std::string>> rows;
    std::unordered_map<std::string, size_t> cols;
    const std::string rel = "toxifrench/JigsawBilingualBalanced.csv";
    if (Status s = load(rel, &rows, &cols); !s.ok()) return s;
    size_t c_text, c_label;
    if (!col(cols, "content", &c_text) || !col(cols, "label", &c_label))
      return Status::Corrupt(dir + "/" + rel + ": missing content / label column");
    for (size_t r = 1; r < rows.size(); ++r) {
      const auto& row = rows[r];
      if (row.size() <= std::max(c_text, c_label)) continue;
      out.push_back({row[c_text], row[c_label] == "1", DataSource::kJigsawTranslated, -1, -1.f});
    }
  }
  return out;
}

Status read_clean_sentences(const std::string& dir, std::vector<LabeledComment>* out) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound(dir + ": not a directory");
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const std::string name = it->path().filename().string();
    if (it->path().extension() == ".conllu" && name.find("train") != std::string::npos) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string line;
    while (std::getline(in, line))
      if (line.rfind("# text = ", 0) == 0) out->push_back({line.substr(9), false, DataSource::kCleanNews, -1, -1.f});
  }
  return Status::Ok();
}

Result<ModelParams> train_moderation(const std::vector<LabeledComment>& data, const Lexicon& lexicon,
                                     const ModerationTrainOptions& opt, ModerationTrainReport* report) {
  if (opt.hash_bits < 10 || opt.hash_bits > 26) return Status::InvalidArgument("hash bits outside 10..26");
  if (opt.folds < 2) return Status::InvalidArgument("at least 2 folds");
  if (opt.dev_fold >= opt.folds) return Status::InvalidArgument("dev fold outside 0..folds-1");
  if (opt.excluded_fold >= opt.folds) return Status::InvalidArgument("excluded fold outside 0..folds-1");
  if (opt.excluded_fold >= 0 && opt.excluded_fold == opt.dev_fold)
    return Status::InvalidArgument("the excluded fold cannot be the dev fold");
  auto t0 = std::chrono::steady_clock::now();
  // Features once; class weights balance each source, ToxiFrench weighs more (it is the domain).
  std::vector<Example> ex(data.size());
  ModerationWorkspace ws;
  size_t counts[4][2] = {};
  for (const auto& c : data) ++counts[static_cast<int>(c.source)][c.toxic];
  for (size_t i = 0; i < data.size(); ++i) {
    analyse_comment(data[i].text, lexicon, opt.hash_bits, &ws, {opt.constructions, opt.valence});
    ex[i].ids = ws.features.ids;
    ex[i].values = ws.features.values;
    ex[i].term_identity = ws.features.term_identity;
    ex[i].toxic = data[i].toxic;
    ex[i].target = data[i].toxic ? 1.f : 0.f;
    if (opt.soft_label > 0 && data[i].second_opinion >= 0)
      ex[i].target = (1.f - opt.soft_label) * ex[i].target + opt.soft_label * data[i].second_opinion;
    const int s = static_cast<int>(data[i].source);
    const double total = double(counts[s][0] + counts[s][1]);
    if (data[i].source == DataSource::kCleanNews) {
      // One class only: together they weigh clean_weight times ToxiFrench.
      const double toxi = double(counts[0][0] + counts[0][1]) * opt.in_domain_weight;
      ex[i].weight = static_cast<float>(opt.clean_weight * toxi / total);
    } else {
      ex[i].weight = static_cast<float>(total / (2.0 * double(counts[s][data[i].toxic])));
    }
    if (data[i].source == DataSource::kToxiFrench) ex[i].weight *= opt.in_domain_weight;
    if (data[i].source == DataSource::kMlma) ex[i].weight *= opt.mlma_weight;
  }
  // Clean sentences are dealt into folds too, so that the threshold can be checked against
  // out-of-fold scores of clean text (they all train the final model).
  std::vector<int> clean_fold(data.size(), -1);
  for (size_t i = 0, n = 0; i < data.size(); ++i)
    if (data[i].source == DataSource::kCleanNews) clean_fold[i] = static_cast<int>(n++ % static_cast<size_t>(opt.folds));
  auto usable = [&](size_t i, int exclude_fold) {
    const auto& c = data[i];
    if (c.source == DataSource::kJigsawTranslated && !opt.use_translated) return false;
    if (c.source == DataSource::kCleanNews) return clean_fold[i] != exclude_fold;
    if (c.source != DataSource::kToxiFrench) return true;
    return c.fold != opt.dev_fold && c.fold != exclude_fold && c.fold != opt.excluded_fold;
  };
  // Out-of-fold scores over the training folds choose the threshold.
  std::vector<float> oof, clean_oof;
  std::vector<bool> oof_gold;
  for (int k = 0; k < opt.folds; ++k) {
    if (k == opt.dev_fold || k == opt.excluded_fold) continue;
    std::vector<size_t> use;
    for (size_t i = 0; i < data.size(); ++i)
      if (usable(i, k)) use.push_back(i);
    std::vector<float> w = train_weights(ex, use, opt);
    for (size_t i = 0; i < data.size(); ++i) {
      if (clean_fold[i] == k) clean_oof.push_back(score(w, ex[i]));
      if (data[i].source != DataSource::kToxiFrench || data[i].fold != k) continue;
      oof.push_back(score(w, ex[i]));
      oof_gold.push_back(data[i].toxic);
    }
    if (opt.log) opt.log("fold " + std::to_string(k) + " done");
  }
  if (oof.empty()) return Status::InvalidArgument("no ToxiFrench comments in the training folds");
  ModerationTrainReport rep;
  rep.threshold = best_threshold(oof, oof_gold, clean_oof, opt.max_clean_fp);
  rep.cv = figures_at(oof, oof_gold, rep.threshold);
  rep.clean_scored = clean_oof.size();
  for (float c : clean_oof) rep.clean_flagged += c >= rep.threshold;
  std::vector<size_t> use;
  for (size_t i = 0; i < data.size(); ++i)
    if (usable(i, -1)) use.push_back(i);
  ModelParams params;
  params.hash_bits = opt.hash_bits;
  params.constructions = opt.constructions;
  params.valence = opt.valence;
  params.threshold = rep.threshold;
  params.description = opt.description;
  params.weights = train_weights(ex, use, opt);
  if (opt.dev_fold >= 0) {
    std::vector<float> s;
    std::vector<bool> g;
    for (size_t i = 0; i < data.size(); ++i) {
      if (data[i].source != DataSource::kToxiFrench || data[i].fold != opt.dev_fold) continue;
      s.push_back(score(params.weights, ex[i]));
      g.push_back(data[i].toxic);
    }
    rep.dev = figures_at(s, g, rep.threshold);
  }
  for (const char* text : kSelfTests) {
    Moderation m = classify_comment(text, params, lexicon, params.threshold, &ws);
    params.self_tests.push_back({text, m.toxic, m.score});
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  char head[160];
  std::snprintf(head, sizeof head, "threshold %.2f (best macro-F1 out of fold), %zu training comments, %.1f s\n",
                rep.threshold, use.size(), secs);
  rep.table = head;
  rep.table += figures_line("ToxiFrench CV (train folds)", rep.cv);
  if (rep.clean_scored) {
    char line[160];
    std::snprintf(line, sizeof line, "clean text out of fold         n=%4zu  flagged %.2f%%\n", rep.clean_scored,
                  100.0 * double(rep.clean_flagged) / double(rep.clean_scored));
    rep.table += line;
  }
  if (opt.dev_fold >= 0) rep.table += figures_line(("ToxiFrench dev fold " + std::to_string(opt.dev_fold)).c_str(), rep.dev);
  if (report) *report = rep;
  return params;
}

Result<NestedCrossValidation> nested_cross_validation(const std::vector<LabeledComment>& data,
                                                      const Lexicon& lexicon,
                                                      const ModerationTrainOptions& options) {
  NestedCrossValidation cv;
  ModerationTrainOptions opt = options;
  opt.log = nullptr;
  for (int k = 0; k < opt.folds; ++k) {
    if (k == opt.excluded_fold) continue;
    opt.dev_fold = k;
    ModerationTrainReport rep;
    auto params = train_moderation(data, lexicon, opt, &rep);
    if (!params.ok()) return params.status();
    cv.folds.push_back(rep.dev);
    cv.thresholds.push_back(rep.threshold);
    cv.pooled.n += rep.dev.n;
    cv.pooled.tp += rep.dev.tp;
    cv.pooled.fp += rep.dev.fp;
    cv.pooled.tn += rep.dev.tn;
    cv.pooled.fn += rep.dev.fn;
    char label[64];
    std::snprintf(label, sizeof label, "nested CV fold %d (t %.2f)", k, rep.threshold);
    cv.table += figures_line(label, rep.dev);
    if (options.log) options.log("nested CV fold " + std::to_string(k) + " done");
  }
  double sum = 0, sum2 = 0;
  for (const auto& f : cv.folds) {
    sum += f.macro_f1();
    sum2 += f.macro_f1() * f.macro_f1();
  }
  const double n = static_cast<double>(cv.folds.size());
  cv.mean_macro_f1 = sum / n;
  cv.sd_macro_f1 = n > 1 ? std::sqrt(std::max(0.0, (sum2 - sum * sum / n) / (n - 1))) : 0;
  cv.table += figures_line("nested CV pooled", cv.pooled);
  char line[160];
  std::snprintf(line, sizeof line, "nested CV macro-F1 mean %.3f sd %.3f over %zu topic folds\n",
                cv.mean_macro_f1, cv.sd_macro_f1, cv.folds.size());
  cv.table += line;
  return cv;
}

}  // namespace veille::moderate
