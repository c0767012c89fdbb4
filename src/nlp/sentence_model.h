// The sentence boundary classifier: a linear model over hashed features of the gap between two
// tokens (sentence_features.h), trained as an averaged perceptron (sentence_train.h) on UD French
// Sequoia. split_sentences (tokenize.h) asks it about every candidate gap that the rules do not
// force; score > 0 means a boundary.
//
// File format, version 1 (integers little-endian):
//   magic         8 bytes "VEILLSNT"
//   version       u32 (kSentenceModelVersion)
//   feature set   u32 (sentences::kFeatureSetVersion)
//   hash bits     u32 (10..24)
//   description   u32 length + UTF-8 bytes
//   weights       u64 raw bytes (= 2^hash bits * 4), u64 compressed bytes, zlib data of f32 weights
//   lexicon       u64 raw bytes (= 2^LowerLexicon::kBits / 8), u64 compressed bytes, zlib data of
//                 the u64 words of the bitset of words seen in lower case
//   self-tests    u32 count, each: u32 length + UTF-8 text, u32 count + that many u32 byte offsets
//                 (the end of each sentence the model must find in the text)
//   checksum      u32 CRC-32 (zlib) of every byte before it
//
// A SentenceModel is immutable once loaded and safe to share across threads.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/sentence_features.h"
#include "veille/status.h"

namespace veille {

inline constexpr uint32_t kSentenceModelVersion = 1;
inline constexpr std::string_view kSentenceModelMagic = "VEILLSNT";

struct SentenceSelfTest {
  std::string text;
  std::vector<uint32_t> sentence_ends;  // byte offset of the end of each sentence, in order
};

struct SentenceModelParams {
  uint32_t hash_bits = 18;
  std::string description;     // training data, command, dev figures
  std::vector<float> weights;  // 2^hash_bits
  sentences::LowerLexicon lexicon;
  std::vector<SentenceSelfTest> self_tests;
};

class SentenceModel {
 public:
  // Reads and checks a model file: magic, version, feature set, structure, checksum and the
  // self-tests. Errors: kNotFound (no such file), kIo (unreadable), kCorrupt (bad magic, truncated,
  // bad checksum, failed self-test), kUnsupported (other version or feature set). Messages start
  // with `path`.
  static Result<std::shared_ptr<const SentenceModel>> load(const std::string& path);
  // The same from bytes in memory; `name` prefixes error messages.
  static Result<std::shared_ptr<const SentenceModel>> load_bytes(std::string_view bytes, const std::string& name);
  // Wraps parameters already in memory (training, tests) and runs the self-tests.
  static Result<std::shared_ptr<const SentenceModel>> from_params(SentenceModelParams params, const std::string& name);

  // Sum of the weights of `features` (indices < 2^hash_bits); > 0 means a boundary.
  float score(std::span<const uint32_t> features) const {
    float s = 0;
    for (uint32_t f : features) s += params_.weights[f];
    return s;
  }
  const SentenceModelParams& params() const { return params_; }

 private:
  explicit SentenceModel(SentenceModelParams params) : params_(std::move(params)) {}
  Status run_self_tests(const std::string& name) const;

  SentenceModelParams params_;
};

// The file bytes of `params` (format above). REQUIRES: weights.size() == 2^hash_bits.
std::string serialize_sentence_model(const SentenceModelParams& params);

// Where the shipped model lives: $VEILLE_MODELS/sentences-fr.bin when VEILLE_MODELS is set, else
// models/sentences-fr.bin beside or up to two levels above the running executable, else
// models/sentences-fr.bin relative to the working directory.
std::string default_sentence_model_path();

// The shipped model, loaded once per process on first use (thread-safe). When it cannot be loaded
// the splitter falls back to its rules alone: this returns the reason, for the commands to warn.
const Result<std::shared_ptr<const SentenceModel>>& default_sentence_model();

}  // namespace veille
