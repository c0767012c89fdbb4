// Training of the moderation classifier (`veille train moderation`): logistic regression over the
// features of features.h, AdaGrad with L2, deterministic (fixed example order from a seed).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "moderate/lexicon.h"
#include "moderate/model_file.h"
#include "veille/status.h"

namespace veille::moderate {

enum class DataSource : uint8_t { kToxiFrench, kMlma, kJigsawTranslated, kCleanNews };

struct LabeledComment {
  std::string text;
  bool toxic = false;
  DataSource source = DataSource::kToxiFrench;
  int fold = -1;  // ToxiFrench only: fold of its topic, in [0, folds)
  // ToxiFrench only: the second annotation's score (0, 0.25, 0.75 or 1); -1 when absent.
  float second_opinion = -1;
};

// How MLMA's `sentiment` (one or more of normal, offensive, abusive, hateful, disrespectful,
// fearful joined by `_`, one per annotator view) becomes a label.
enum class MlmaLabels : uint8_t {
  kAnyHarm,  // toxic unless `normal` alone (the shipped model)
  kHarm,     // toxic when offensive, abusive, hateful or disrespectful is among the views; else clean
  kStrict,   // toxic when offensive, abusive or hateful without `normal`; clean when `normal` alone;
             // the rest (fearful, disrespectful alone, views that disagree with `normal`) dropped
};
// Parses "any", "harm", "strict"; false for anything else.
bool parse_mlma_labels(std::string_view name, MlmaLabels* out);

// Reads DIR/toxifrench/agreement_checking_500.csv (label: the first annotator's conclusion),
// DIR/mlma_fr/fr_dataset.csv (labelled as `mlma` says) and
// DIR/toxifrench/JigsawBilingualBalanced.csv (machine-translated `content`, `label`).
// ToxiFrench comments are given a fold from a hash of their topic, so that comments of one thread
// never sit on both sides of a split.
Result<std::vector<LabeledComment>> read_toxicity_data(const std::string& dir, int folds,
                                                       MlmaLabels mlma = MlmaLabels::kAnyHarm);

// Appends the `# text =` sentences of every *train*.conllu file under `dir` (recursively) as
// non-toxic comments: edited news prose, so that the model does not take formal text for abuse.
Status read_clean_sentences(const std::string& dir, std::vector<LabeledComment>* out);

// Parses RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). Exposed for tests.
std::vector<std::vector<std::string>> parse_csv(std::string_view text);

// Defaults: the shipped model's settings, chosen on the out-of-fold figure of folds 1-4 (see
// models/MODERATION.md), never on fold 0.
struct ModerationTrainOptions {
  int epochs = 6;
  int hash_bits = 18;
  uint64_t seed = 1;
  int folds = 5;        // ToxiFrench topic folds
  int dev_fold = 0;     // held out from training and threshold choice; -1 = train on everything
  // A fold left out of everything (training, thresholds, nested CV): with 0, settings are chosen by
  // a nested CV over folds 1-4 that never sees the held-out fold 0. -1 = none.
  int excluded_fold = -1;
  float l2 = 3e-5f;
  float learning_rate = 0.1f;
  float in_domain_weight = 8.f;  // weight of ToxiFrench comments relative to the other sources
  bool use_translated = true;    // train on the machine-translated Jigsaw comments too
  float clean_weight = 4.f;      // total weight of the clean sentences relative to ToxiFrench's
  float term_dropout = 0.3f;     // probability of hiding a term's identity features in a pass
  float max_clean_fp = 0.005f;   // the threshold flags at most this share of clean text (out of fold)
  bool constructions = false;    // contempt-construction features (model version 3; measured: no gain)
  bool valence = false;          // polarity features from the lexicon's valence lines (model version 4)
  // Experimental knobs, measured by nested cross-validation (see models/MODERATION.md).
  float nb_scale = 0.f;     // features scaled by (1 - s) + s * r, r = NB log-count ratio of the bucket
  float nb_alpha = 1.f;     // smoothing of the NB ratios (in weighted documents)
  float nb_mix = 0.f;       // final weights += nb_mix * r (a naive Bayes model added to the logit)
  int bags = 1;             // models averaged (same data, different example orders)
  float soft_label = 0.f;   // ToxiFrench target = (1 - s) * label + s * second opinion
  float mlma_weight = 1.f;  // weight of MLMA tweets relative to their class-balanced weight
  std::string description;
  std::function<void(const std::string&)> log;
};

struct BinaryFigures {
  size_t n = 0, tp = 0, fp = 0, tn = 0, fn = 0;
  double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0; }
  double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0; }
  double f1_toxic() const;
  double f1_clean() const;
  double macro_f1() const { return (f1_toxic() + f1_clean()) / 2; }
};
BinaryFigures figures_at(const std::vector<float>& scores, const std::vector<bool>& gold, float threshold);
// Threshold in [0.05, 0.95] (steps of 0.01) with the best macro-F1 smoothed over +-0.03; ties go to
// the middle. With max_clean_fp > 0, only thresholds that flag at most that share of clean_scores
// (out-of-fold scores of clean text) are considered.
float best_threshold(const std::vector<float>& scores, const std::vector<bool>& gold,
                     const std::vector<float>& clean_scores = {}, float max_clean_fp = 0);

struct ModerationTrainReport {
  float threshold = 0.5f;
  BinaryFigures cv;   // out-of-fold figures over the training folds, at the chosen threshold
  BinaryFigures dev;  // the held-out fold, at the chosen threshold (n = 0 without one)
  size_t clean_scored = 0, clean_flagged = 0;  // clean sentences scored out of fold, flagged
  std::string table;  // human-readable summary
};

// Nested cross-validation over the ToxiFrench topic folds: each fold in turn is held out, the
// threshold is chosen by cross-validation on the other folds (as for the shipped model), a model is
// trained on them and scores the held-out fold. A figure over 500 comments with its spread, where
// one dev fold (about 110 comments) moves by several points with the split.
struct NestedCrossValidation {
  std::vector<BinaryFigures> folds;   // held-out figures of each fold, at its own threshold
  std::vector<float> thresholds;
  BinaryFigures pooled;               // all held-out decisions together
  double mean_macro_f1 = 0, sd_macro_f1 = 0;
  std::string table;
};
Result<NestedCrossValidation> nested_cross_validation(const std::vector<LabeledComment>& data,
                                                      const Lexicon& lexicon,
                                                      const ModerationTrainOptions& options);

Result<ModelParams> train_moderation(const std::vector<LabeledComment>& data, const Lexicon& lexicon,
                                     const ModerationTrainOptions& options,
                                     ModerationTrainReport* report);

}  // namespace veille::moderate
