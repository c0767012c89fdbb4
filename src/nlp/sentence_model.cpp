#include "nlp/sentence_model.h"

#include <zlib.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "core/binary_io.h"
#include "nlp/sentence_features.h"
#include "nlp/tokenize.h"

namespace veille {

namespace {

using binio::Reader;
using binio::Writer;

Result<SentenceModelParams> parse(std::string_view bytes, const std::string& name) {
  const std::string prefix = name + ": ";
  if (bytes.substr(0, kSentenceModelMagic.size()) != kSentenceModelMagic)
    return Status::Corrupt(prefix + "not a veille sentence model (bad magic)");
  Reader r(bytes.substr(kSentenceModelMagic.size()));
  auto truncated = [&]() {
    return Status::Corrupt(prefix + "truncated sentence model (" + std::to_string(bytes.size()) +
                           " bytes): ended while reading " + r.what());
  };
  uint32_t version = 0, feature_set = 0;
  if (!r.pod(&version, "the version")) return truncated();
  if (version != kSentenceModelVersion)
    return Status::Unsupported(prefix + "sentence model file version " + std::to_string(version) +
                               ", this build reads version " + std::to_string(kSentenceModelVersion));
  if (!r.pod(&feature_set, "the feature set version")) return truncated();
  if (feature_set != sentences::kFeatureSetVersion)
    return Status::Unsupported(prefix + "sentence model trained with feature set " + std::to_string(feature_set) +
                               ", this build computes feature set " +
                               std::to_string(sentences::kFeatureSetVersion) + "; retrain it (see models/SENTENCES.md)");
  SentenceModelParams p;
  if (!r.pod(&p.hash_bits, "the hash size")) return truncated();
  if (p.hash_bits < 10 || p.hash_bits > 24)
    return Status::Corrupt(prefix + "hash size 2^" + std::to_string(p.hash_bits) + " out of range");
  if (!r.str(&p.description, "the description", 1 << 20)) return truncated();
  uint64_t raw = 0, packed_len = 0;
  if (!r.pod(&raw, "the weight size") || !r.pod(&packed_len, "the weight size")) return truncated();
  const uint64_t expected_raw = (uint64_t{1} << p.hash_bits) * sizeof(float);
  if (raw != expected_raw)
    return Status::Corrupt(prefix + "weights are " + std::to_string(raw) + " bytes, expected " +
                           std::to_string(expected_raw));
  std::string_view packed = r.take(packed_len, "the weights");
  if (packed.size() != packed_len) return truncated();
  p.weights.resize(raw / sizeof(float));
  uLongf out_len = static_cast<uLongf>(raw);
  const int zrc = uncompress(reinterpret_cast<Bytef*>(p.weights.data()), &out_len,
                             reinterpret_cast<const Bytef*>(packed.data()), static_cast<uLong>(packed.size()));
  if (zrc != Z_OK || out_len != raw)
    return Status::Corrupt(prefix + "weights do not decompress (zlib error " + std::to_string(zrc) + ")");
  for (float w : p.weights)
    if (!std::isfinite(w)) return Status::Corrupt(prefix + "a weight is not a finite number");
  uint64_t lex_raw = 0, lex_packed_len = 0;
  if (!r.pod(&lex_raw, "the lexicon size") || !r.pod(&lex_packed_len, "the lexicon size")) return truncated();
  const uint64_t expected_lex = (uint64_t{1} << sentences::LowerLexicon::kBits) / 8;
  if (lex_raw != expected_lex)
    return Status::Corrupt(prefix + "lexicon is " + std::to_string(lex_raw) + " bytes, expected " +
                           std::to_string(expected_lex));
  std::string_view lex_packed = r.take(lex_packed_len, "the lexicon");
  if (lex_packed.size() != lex_packed_len) return truncated();
  std::vector<uint64_t> words(lex_raw / 8);
  uLongf lex_len = static_cast<uLongf>(lex_raw);
  const int lrc = uncompress(reinterpret_cast<Bytef*>(words.data()), &lex_len,
                             reinterpret_cast<const Bytef*>(lex_packed.data()), static_cast<uLong>(lex_packed.size()));
  if (lrc != Z_OK || lex_len != lex_raw)
    return Status::Corrupt(prefix + "lexicon does not decompress (zlib error " + std::to_string(lrc) + ")");
  p.lexicon = sentences::LowerLexicon(std::move(words));
  uint32_t tests = 0;
  if (!r.pod(&tests, "the self-tests")) return truncated();
  if (tests > 1000) return Status::Corrupt(prefix + "implausible self-test count " + std::to_string(tests));
  p.self_tests.resize(tests);
  for (SentenceSelfTest& st : p.self_tests) {
    uint32_t n = 0;
    if (!r.str(&st.text, "the self-tests", 1 << 16) || !r.pod(&n, "the self-tests")) return truncated();
    if (n > st.text.size()) return Status::Corrupt(prefix + "a self-test has more sentences than bytes");
    st.sentence_ends.resize(n);
    for (uint32_t& e : st.sentence_ends)
      if (!r.pod(&e, "the self-tests")) return truncated();
  }
  const size_t body_len = kSentenceModelMagic.size() + r.pos();
  uint32_t stored_crc = 0;
  if (!r.pod(&stored_crc, "the checksum")) return truncated();
  if (kSentenceModelMagic.size() + r.pos() != bytes.size())
    return Status::Corrupt(prefix + std::to_string(bytes.size() - kSentenceModelMagic.size() - r.pos()) +
                           " unexpected bytes after the checksum");
  const uint32_t crc =
      static_cast<uint32_t>(crc32(0L, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(body_len)));
  if (crc != stored_crc) return Status::Corrupt(prefix + "checksum mismatch: the file is damaged");
  return p;
}

}  // namespace

std::string serialize_sentence_model(const SentenceModelParams& p) {
  Writer w;
  w.bytes(kSentenceModelMagic.data(), kSentenceModelMagic.size());
  w.pod<uint32_t>(kSentenceModelVersion);
  w.pod<uint32_t>(sentences::kFeatureSetVersion);
  w.pod<uint32_t>(p.hash_bits);
  w.str(p.description);
  auto packed = [&w](const void* data, size_t raw) {
    uLongf packed_len = compressBound(static_cast<uLong>(raw));
    std::string z(packed_len, '\0');
    compress2(reinterpret_cast<Bytef*>(z.data()), &packed_len, static_cast<const Bytef*>(data),
              static_cast<uLong>(raw), 9);
    z.resize(packed_len);
    w.pod<uint64_t>(raw);
    w.pod<uint64_t>(z.size());
    w.bytes(z.data(), z.size());
  };
  packed(p.weights.data(), p.weights.size() * sizeof(float));
  packed(p.lexicon.words().data(), p.lexicon.words().size() * sizeof(uint64_t));
  w.pod<uint32_t>(static_cast<uint32_t>(p.self_tests.size()));
  for (const SentenceSelfTest& st : p.self_tests) {
    w.str(st.text);
    w.pod<uint32_t>(static_cast<uint32_t>(st.sentence_ends.size()));
    for (uint32_t e : st.sentence_ends) w.pod<uint32_t>(e);
  }
  const std::string& body = w.out();
  const uint32_t crc =
      static_cast<uint32_t>(crc32(0L, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size())));
  w.pod<uint32_t>(crc);
  return std::move(w.out());
}

Result<std::shared_ptr<const SentenceModel>> SentenceModel::load(const std::string& path) {
  Result<std::string> bytes = binio::read_model_file(path, "sentence model");
  if (!bytes.ok()) return bytes.status();
  return load_bytes(*bytes, path);
}

Result<std::shared_ptr<const SentenceModel>> SentenceModel::load_bytes(std::string_view bytes,
                                                                       const std::string& name) {
  Result<SentenceModelParams> p = parse(bytes, name);
  if (!p.ok()) return p.status();
  return from_params(std::move(p).value(), name);
}

Result<std::shared_ptr<const SentenceModel>> SentenceModel::from_params(SentenceModelParams params,
                                                                        const std::string& name) {
  if (params.hash_bits < 10 || params.hash_bits > 24 || params.weights.size() != (size_t{1} << params.hash_bits) ||
      params.lexicon.words().size() != (size_t{1} << sentences::LowerLexicon::kBits) / 64)
    return Status::InvalidArgument(name + ": sentence model parameters have the wrong sizes");
  std::shared_ptr<const SentenceModel> model(new SentenceModel(std::move(params)));
  Status st = model->run_self_tests(name);
  if (!st.ok()) return st;
  return model;
}

Status SentenceModel::run_self_tests(const std::string& name) const {
  for (size_t k = 0; k < params_.self_tests.size(); ++k) {
    const SentenceSelfTest& st = params_.self_tests[k];
    Tokenization tz = tokenize_and_split(st.text, this);
    std::vector<uint32_t> ends;
    for (const SentenceSpan& s : tz.sentences) ends.push_back(s.span.end);
    if (ends != st.sentence_ends)
      return Status::Corrupt(name + ": self-test " + std::to_string(k + 1) + " failed: the model splits \"" +
                             st.text.substr(0, 80) + "\" into " + std::to_string(ends.size()) +
                             " sentences where " + std::to_string(st.sentence_ends.size()) +
                             " were recorded at training (damaged file or feature code changed)");
  }
  return Status::Ok();
}

std::string default_sentence_model_path() {
  namespace fs = std::filesystem;
  if (const char* dir = std::getenv("VEILLE_MODELS"); dir && *dir)
    return (fs::path(dir) / "sentences-fr.bin").string();
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path dir = exe.parent_path();
    for (int up = 0; up < 3 && !dir.empty(); ++up) {
      fs::path candidate = dir / "models" / "sentences-fr.bin";
      if (fs::exists(candidate, ec)) return candidate.string();
      dir = dir.parent_path();
    }
  }
  return "models/sentences-fr.bin";
}

const Result<std::shared_ptr<const SentenceModel>>& default_sentence_model() {
  // A function-local static: initialised once, thread-safe, never destroyed before its users.
  static const Result<std::shared_ptr<const SentenceModel>> model = SentenceModel::load(default_sentence_model_path());
  return model;
}

}  // namespace veille
