// Named-entity recognition: a statistical sequence tagger giving each token of a sentence an IOB2
// tag over PER, ORG, LOC and MISC. The model is a first-order linear-chain model (averaged
// structured perceptron, trained by ner_train.h) over hashed sparse features (ner_features.h),
// decoded with Viterbi restricted to well-formed IOB2.
//
// A NerModel is immutable once loaded and safe to share across threads; each thread tagging with it
// needs its own NerWorkspace (scratch buffers reused across sentences, so tagging allocates only
// while a workspace grows to the longest sentence seen).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/ner_features.h"
#include "veille/status.h"

namespace veille {

// Model file format version this build reads and writes.
inline constexpr uint32_t kNerModelVersion = 1;
// The first bytes of every NER model file.
inline constexpr std::string_view kNerModelMagic = "VEILLNER";

// Scratch space for NerModel::tag. Not thread-safe: one per thread.
struct NerWorkspace {
  std::vector<ner::TokenInfo> tokens;
  std::vector<ner::LexCodes> codes;
  std::vector<uint32_t> features;
  std::vector<int32_t> scores;  // n * kNumTags emission scores, then Viterbi scores
  std::vector<uint8_t> back;
};

class NerModel {
 public:
  // Reads and checks a model file: magic, version, feature set, structure, checksum, and the
  // embedded self-test sentences. Errors: kNotFound (no such file), kIo (unreadable), kCorrupt
  // (bad magic, truncated, bad checksum, failed self-test), kUnsupported (other version or
  // feature set). Messages start with `path`.
  static Result<std::shared_ptr<const NerModel>> load(const std::string& path);
  // The same from bytes in memory; `name` prefixes error messages.
  static Result<std::shared_ptr<const NerModel>> load_bytes(std::string_view bytes,
                                                            const std::string& name);
  // Wraps parameters already in memory (training, tests) and runs the self-tests.
  static Result<std::shared_ptr<const NerModel>> from_params(ner::ModelParams params,
                                                             const std::string& name);

  // Tags tokens: tags[i] is the tag index (ner::tag_name) of tokens[i]; the sequence is always
  // well-formed IOB2. Thread-safe given one workspace per thread.
  void tag(std::span<const std::string_view> tokens, NerWorkspace& ws,
           std::vector<uint8_t>& tags) const;
  // Convenience: tag names, with a thread-local workspace.
  std::vector<std::string> tag(const std::vector<std::string>& tokens) const;

  const ner::ModelParams& params() const { return params_; }

 private:
  explicit NerModel(ner::ModelParams params) : params_(std::move(params)) {}
  Status run_self_tests(const std::string& name) const;

  ner::ModelParams params_;
};

// Where the default model lives: $VEILLE_MODELS/ner-fr.bin when VEILLE_MODELS is set, else
// models/ner-fr.bin beside or one level above the directory of the running executable (build/veille
// finds ../models), else models/ner-fr.bin relative to the working directory.
std::string default_ner_model_path();

}  // namespace veille
