// Moderation of reader comments: a toxicity score, a decision at a threshold, and the words that
// explain it (insults, profanity, slurs, threats, sexual terms), found through the usual disguises
// (leetspeak, masks, separators, repeated or swapped letters, homoglyphs, typos).
//
//   auto m = veille::Moderator::load("models/moderation-fr.bin");   // lexicon beside the model
//   if (!m.ok()) ...;
//   veille::Moderation r = (*m)->classify("Quel c0nn@rd !");
//   // r.toxic == true, r.terms[0] == {"c0nn@rd", "connard", "insult"}
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "veille/document.h"
#include "veille/pipeline.h"
#include "veille/status.h"

namespace veille {

// {toxic, score in [0, 1], terms}; the same record the "moderate" stage puts on each Comment.
using Moderation = CommentModeration;

// A trained classifier plus its lexicon. Immutable once loaded; classify() is const and
// thread-safe (scratch space is per thread).
class Moderator {
 public:
  // Loads a model file (magic "veille-moderation", version, checksum) and a lexicon file
  // (word<TAB>category[<TAB>source]); an empty lexicon_path means moderation-lexicon-fr.tsv in
  // the model's directory. Runs the self-test sentences embedded in the model; a model that fails
  // them (e.g. with an incompatible lexicon) is not returned.
  // Errors: kNotFound (missing file), kCorrupt (bad magic, checksum, lexicon line, failed
  // self-test), kUnsupported (a model version this build does not read).
  static Result<std::shared_ptr<const Moderator>> load(const std::string& model_path,
                                                       const std::string& lexicon_path = "");
  // The same from bytes already in memory; `name` is used in error messages.
  static Result<std::shared_ptr<const Moderator>> load_bytes(std::string_view model_bytes,
                                                             std::string_view lexicon_text,
                                                             const std::string& name);
  ~Moderator();

  // Scores one comment and decides at threshold() (or the given threshold).
  Moderation classify(std::string_view text) const;
  Moderation classify(std::string_view text, float threshold) const;

  // The threshold chosen at training time: the best out-of-fold macro-F1 on the training folds
  // among thresholds that flag few clean news sentences (see models/MODERATION.md).
  float threshold() const;
  // How the model was trained (the command line), as stored in the file.
  const std::string& description() const;

  struct Impl;
  explicit Moderator(std::unique_ptr<Impl> impl);

 private:
  std::unique_ptr<Impl> impl_;
};

// $VEILLE_MODELS/moderation-fr.bin when set, else models/moderation-fr.bin next to the executable
// (or up to three directories above it), else "models/moderation-fr.bin".
std::string default_moderation_model_path();

// The pipeline stage "moderate": sets Comment::moderation on every comment of a document.
// threshold: the model's own when not given.
std::unique_ptr<Stage> make_moderation_stage(std::shared_ptr<const Moderator> moderator,
                                             std::optional<float> threshold = std::nullopt);

// Which model the "moderate" stage loads and where it decides; the defaults are the shipped model
// and its own threshold. The CLI's page commands and the Ingester both build the stage from this.
struct ModerationOptions {
  std::string model_path;          // empty: default_moderation_model_path()
  std::string lexicon_path;        // empty: moderation-lexicon-fr.tsv beside the model
  std::optional<float> threshold;  // empty: the model's own; else in [0, 1]
};

// Loads the model named by `options` and returns the "moderate" stage.
// Errors: those of Moderator::load; kInvalidArgument for a threshold outside [0, 1].
Result<std::unique_ptr<Stage>> make_moderation_stage(const ModerationOptions& options);

}  // namespace veille
