// The moderation model file. Little-endian, in this order:
//   magic "veille-moderation\n" (18 bytes), u32 version (2, 3 or 4),
//   [version 4: u32 feature flags, 1 = contempt constructions, 2 = valence], u32 hash_bits,
//   f32 threshold, u32 description length + bytes,
//   u32 self-test count, each: u32 length + text bytes, u8 expected decision, f32 expected score,
//   f32 weights[2^hash_bits],
//   u64 FNV-1a of every byte before it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "veille/status.h"

namespace veille::moderate {

inline constexpr std::string_view kModelMagic = "veille-moderation\n";
// The version changes with the feature set too, not only the layout: weights trained on other
// features would load and score wrongly. 2: no comment-length feature. 3: plus the contempt
// constructions of features.cpp. 4: a flags word names the optional feature groups (valence,
// constructions). All are read; a model is written with the oldest version its feature set allows.
inline constexpr uint32_t kModelVersion = 4;
inline constexpr uint32_t kOldestModelVersion = 2;

struct SelfTest {
  std::string text;
  bool toxic = false;
  float score = 0;
};

struct ModelParams {
  int hash_bits = 18;
  float threshold = 0.5f;
  bool constructions = false;  // contempt-construction features (version 3, or flag 1 of version 4)
  bool valence = false;        // valence features (flag 2 of version 4)
  std::string description;
  std::vector<SelfTest> self_tests;
  std::vector<float> weights;  // 2^hash_bits
};

std::string serialize_model(const ModelParams& params);
Result<ModelParams> parse_model(std::string_view bytes, const std::string& name);

// Score of a feature vector under the weights: logistic of the dot product.
float score_features(const std::vector<float>& weights, const std::vector<uint32_t>& ids,
                     const std::vector<float>& values);

}  // namespace veille::moderate
