#include "nlp/ner.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "core/binary_io.h"
#include "nlp/ner_model_file.h"

namespace veille {

using namespace ner;

Result<std::shared_ptr<const NerModel>> NerModel::load(const std::string& path) {
  Result<std::string> bytes = binio::read_model_file(path, "NER model");
  if (!bytes.ok()) return bytes.status();
  return load_bytes(*bytes, path);
}

Result<std::shared_ptr<const NerModel>> NerModel::load_bytes(std::string_view bytes,
                                                             const std::string& name) {
  Result<ModelParams> params = parse_model(bytes, name);
  if (!params.ok()) return params.status();
  return from_params(std::move(params).value(), name);
}

Result<std::shared_ptr<const NerModel>> NerModel::from_params(ModelParams params,
                                                              const std::string& name) {
  const size_t expected = (size_t{1} << params.hash_bits) * kNumTags;
  if (params.emission.size() != expected ||
      params.transition.size() != static_cast<size_t>((kNumTags + 1) * kNumTags))
    return Status::InvalidArgument(name + ": model parameters have the wrong sizes");
  std::shared_ptr<const NerModel> model(new NerModel(std::move(params)));
  Status st = model->run_self_tests(name);
  if (!st.ok()) return st;
  return model;
}

Status NerModel::run_self_tests(const std::string& name) const {
  NerWorkspace ws;
  std::vector<uint8_t> tags;
  std::vector<std::string_view> views;
  for (size_t s = 0; s < params_.self_tests.size(); ++s) {
    const SelfTest& st = params_.self_tests[s];
    views.assign(st.tokens.begin(), st.tokens.end());
    tag(views, ws, tags);
    for (size_t i = 0; i < tags.size(); ++i) {
      if (tags[i] == st.tags[i]) continue;
      std::string sentence;
      for (const auto& t : st.tokens) sentence += (sentence.empty() ? "" : " ") + t;
      return Status::Corrupt(name + ": self-test " + std::to_string(s + 1) + " failed on \"" +
                             sentence + "\": token " + std::to_string(i) + " '" + st.tokens[i] +
                             "' tagged " + tag_name(tags[i]) + ", expected " + tag_name(st.tags[i]));
    }
  }
  return Status::Ok();
}

void NerModel::tag(std::span<const std::string_view> tokens, NerWorkspace& ws,
                   std::vector<uint8_t>& tags) const {
  const size_t n = tokens.size();
  tags.resize(n);
  if (n == 0) return;
  ws.tokens.resize(n);
  ws.codes.resize(n);
  ws.features.resize(n * kFeaturesPerToken);
  ws.scores.resize(n * kNumTags * 2);
  ws.back.resize(n * kNumTags);
  for (size_t i = 0; i < n; ++i) analyse_token(tokens[i], &ws.tokens[i]);
  lexicon_codes(ws.tokens.data(), n, params_.lexicons, ws.codes.data());
  extract_features(ws.tokens.data(), ws.codes.data(), n, static_cast<int>(params_.hash_bits),
                   ws.features.data());

  const int16_t* w = params_.emission.data();
  int32_t* em = ws.scores.data();
  // The rows are scattered over a table of several MB: fetch the next token's rows while summing.
  for (size_t i = 0; i < n; ++i) {
    if (i + 1 < n) {
      const uint32_t* next = &ws.features[(i + 1) * kFeaturesPerToken];
      for (int k = 0; k < kFeaturesPerToken; ++k) __builtin_prefetch(w + size_t{next[k]} * kNumTags);
    }
    int32_t acc[kNumTags] = {};
    const uint32_t* f = &ws.features[i * kFeaturesPerToken];
    for (int k = 0; k < kFeaturesPerToken; ++k) {
      const int16_t* row = w + size_t{f[k]} * kNumTags;
      for (int t = 0; t < kNumTags; ++t) acc[t] += row[t];
    }
    std::copy(acc, acc + kNumTags, em + i * kNumTags);
  }

  // Viterbi; each step is shifted so that its best score is 0, which keeps int32 from overflowing
  // on very long sentences without changing the argmax.
  const int32_t* trans = params_.transition.data();
  int32_t* delta = ws.scores.data() + n * kNumTags;
  uint8_t* back = ws.back.data();
  for (int t = 0; t < kNumTags; ++t) delta[t] = trans[kStartTag * kNumTags + t] + em[t];
  for (size_t i = 1; i < n; ++i) {
    const int32_t* prev = delta + (i - 1) * kNumTags;
    int32_t* cur = delta + i * kNumTags;
    int32_t best_all = INT32_MIN;
    for (int t = 0; t < kNumTags; ++t) {
      int32_t best = INT32_MIN;
      int arg = 0;
      for (int p = 0; p < kNumTags; ++p) {
        const int32_t s = prev[p] + trans[p * kNumTags + t];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      cur[t] = best + em[i * kNumTags + t];
      back[i * kNumTags + t] = static_cast<uint8_t>(arg);
      best_all = std::max(best_all, cur[t]);
    }
    for (int t = 0; t < kNumTags; ++t) cur[t] = std::max(cur[t] - best_all, 4 * kForbidden);
  }
  const int32_t* last = delta + (n - 1) * kNumTags;
  int best = 0;
  for (int t = 1; t < kNumTags; ++t)
    if (last[t] > last[best]) best = t;
  for (size_t i = n; i-- > 0;) {
    tags[i] = static_cast<uint8_t>(best);
    if (i > 0) best = back[i * kNumTags + best];
  }
}

std::vector<std::string> NerModel::tag(const std::vector<std::string>& tokens) const {
  thread_local NerWorkspace ws;
  std::vector<std::string_view> views(tokens.begin(), tokens.end());
  std::vector<uint8_t> tags;
  tag(views, ws, tags);
  std::vector<std::string> out;
  out.reserve(tags.size());
  for (uint8_t t : tags) out.emplace_back(tag_name(t));
  return out;
}

std::string default_ner_model_path() {
  namespace fs = std::filesystem;
  if (const char* dir = std::getenv("VEILLE_MODELS"); dir && *dir)
    return (fs::path(dir) / "ner-fr.bin").string();
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path dir = exe.parent_path();
    for (int up = 0; up < 3 && !dir.empty(); ++up) {
      fs::path candidate = dir / "models" / "ner-fr.bin";
      if (fs::exists(candidate, ec)) return candidate.string();
      dir = dir.parent_path();
    }
  }
  return "models/ner-fr.bin";
}

}  // namespace veille
