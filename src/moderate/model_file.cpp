#include "moderate/model_file.h"

#include <cmath>
#include <cstring>

namespace veille::moderate {

namespace {

uint64_t fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

template <typename T>
void put(std::string* out, T v) {
  char buf[sizeof(T)];
  std::memcpy(buf, &v, sizeof(T));
  out->append(buf, sizeof(T));
}

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}
  template <typename T>
  bool get(T* v) {
    if (s_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(v, s_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool get_string(std::string* v, uint32_t max) {
    uint32_t n = 0;
    if (!get(&n) || n > max || s_.size() - pos_ < n) return false;
    v->assign(s_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  size_t pos() const { return pos_; }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

}  // namespace

std::string serialize_model(const ModelParams& p) {
  std::string out(kModelMagic);
  if (p.valence) {
    put<uint32_t>(&out, 4u);
    put<uint32_t>(&out, (p.constructions ? 1u : 0u) | 2u);
  } else {
    put<uint32_t>(&out, p.constructions ? 3u : 2u);
  }
  put<uint32_t>(&out, static_cast<uint32_t>(p.hash_bits));
  put<float>(&out, p.threshold);
  put<uint32_t>(&out, static_cast<uint32_t>(p.description.size()));
  out += p.description;
  put<uint32_t>(&out, static_cast<uint32_t>(p.self_tests.size()));
  for (const auto& t : p.self_tests) {
    put<uint32_t>(&out, static_cast<uint32_t>(t.text.size()));
    out += t.text;
    put<uint8_t>(&out, t.toxic ? 1 : 0);
    put<float>(&out, t.score);
  }
  out.append(reinterpret_cast<const char*>(p.weights.data()), p.weights.size() * sizeof(float));
  put<uint64_t>(&out, fnv1a(out));
  return out;
}

Result<ModelParams> parse_model(std::string_view bytes, const std::string& name) {
  if (bytes.size() < kModelMagic.size() || bytes.substr(0, kModelMagic.size()) != kModelMagic)
    return Status::Corrupt(name + ": not a veille moderation model (bad magic)");
  Reader r(bytes.substr(kModelMagic.size()));
  ModelParams p;
  uint32_t version = 0, bits = 0, n_tests = 0;
  if (!r.get(&version)) return Status::Corrupt(name + ": truncated header");
  if (version < kOldestModelVersion || version > kModelVersion)
    return Status::Unsupported(name + ": moderation model version " + std::to_string(version) +
                               ", this veille reads versions " + std::to_string(kOldestModelVersion) + "-" +
                               std::to_string(kModelVersion) + " (retrain with veille train moderation)");
  p.constructions = version == 3;
  if (version >= 4) {
    uint32_t flags = 0;
    if (!r.get(&flags)) return Status::Corrupt(name + ": truncated header");
    if (flags & ~3u)
      return Status::Unsupported(name + ": unknown feature flags " + std::to_string(flags) +
                                 " (written by a newer veille)");
    p.constructions = flags & 1u;
    p.valence = flags & 2u;
  }
  if (!r.get(&bits) || !r.get(&p.threshold)) return Status::Corrupt(name + ": truncated header");
  if (bits < 10 || bits > 26) return Status::Corrupt(name + ": bad hash size 2^" + std::to_string(bits));
  if (!(p.threshold >= 0.f && p.threshold <= 1.f)) return Status::Corrupt(name + ": bad threshold");
  p.hash_bits = static_cast<int>(bits);
  if (!r.get_string(&p.description, 1u << 16)) return Status::Corrupt(name + ": truncated description");
  if (!r.get(&n_tests) || n_tests > 1000) return Status::Corrupt(name + ": bad self-test count");
  for (uint32_t i = 0; i < n_tests; ++i) {
    SelfTest t;
    uint8_t toxic = 0;
    if (!r.get_string(&t.text, 1u << 16) || !r.get(&toxic) || !r.get(&t.score))
      return Status::Corrupt(name + ": truncated self-test " + std::to_string(i));
    t.toxic = toxic != 0;
    p.self_tests.push_back(std::move(t));
  }
  const size_t n = size_t{1} << bits;
  const size_t weights_at = kModelMagic.size() + r.pos();
  if (bytes.size() != weights_at + n * sizeof(float) + sizeof(uint64_t))
    return Status::Corrupt(name + ": size " + std::to_string(bytes.size()) + " bytes, expected " +
                           std::to_string(weights_at + n * sizeof(float) + sizeof(uint64_t)) +
                           " (truncated or padded file)");
  uint64_t stored = 0;
  std::memcpy(&stored, bytes.data() + bytes.size() - sizeof(uint64_t), sizeof(uint64_t));
  if (stored != fnv1a(bytes.substr(0, bytes.size() - sizeof(uint64_t))))
    return Status::Corrupt(name + ": checksum mismatch (damaged file)");
  p.weights.resize(n);
  std::memcpy(p.weights.data(), bytes.data() + weights_at, n * sizeof(float));
  for (float w : p.weights)
    if (!std::isfinite(w)) return Status::Corrupt(name + ": non-finite weight");
  return p;
}

float score_features(const std::vector<float>& weights, const std::vector<uint32_t>& ids,
                     const std::vector<float>& values) {
  float z = 0;
  for (size_t i = 0; i < ids.size(); ++i) z += weights[ids[i]] * values[i];
  if (z > 30.f) z = 30.f;
  if (z < -30.f) z = -30.f;
  return 1.f / (1.f + std::exp(-z));
}

}  // namespace veille::moderate
