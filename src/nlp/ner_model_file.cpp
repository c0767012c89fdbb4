#include "nlp/ner_model_file.h"

#include <zlib.h>

#include <cstring>

#include "core/binary_io.h"
#include "nlp/ner.h"

namespace veille::ner {

namespace {

using binio::Reader;
using binio::Writer;

void write_table(Writer& w, const HashTable16& t) {
  const auto entries = t.entries();
  w.pod<uint32_t>(static_cast<uint32_t>(entries.size()));
  for (const auto& [k, v] : entries) {
    w.pod<uint64_t>(k);
    w.pod<uint16_t>(v);
  }
}

bool read_table(Reader& r, HashTable16* t, const char* what, std::string* error) {
  uint32_t count = 0;
  if (!r.pod(&count, what)) return false;
  if (count > (1u << 26)) {
    *error = std::string(what) + ": implausible entry count " + std::to_string(count);
    return false;
  }
  std::vector<std::pair<uint64_t, uint16_t>> entries;
  entries.reserve(count);
  uint64_t prev = 0;
  for (uint32_t i = 0; i < count; ++i) {
    uint64_t k = 0;
    uint16_t v = 0;
    if (!r.pod(&k, what) || !r.pod(&v, what)) return false;
    if (k == 0 || v == 0 || (i > 0 && k <= prev)) {
      *error = std::string(what) + ": entry " + std::to_string(i) + " is malformed";
      return false;
    }
    prev = k;
    entries.emplace_back(k, v);
  }
  *t = HashTable16(entries);
  return true;
}

}  // namespace

std::string serialize_model(const ModelParams& p) {
  Writer w;
  w.bytes(kNerModelMagic.data(), kNerModelMagic.size());
  w.pod<uint32_t>(kNerModelVersion);
  w.pod<uint32_t>(kFeatureSetVersion);
  w.pod<uint32_t>(kNumTags);
  for (int t = 0; t < kNumTags; ++t) w.str(tag_name(t));
  w.pod<uint32_t>(p.hash_bits);
  w.pod<float>(p.scale);
  w.str(p.description);
  for (int32_t v : p.transition) w.pod<int32_t>(v);
  w.pod<uint32_t>(p.lexicons.max_phrase_tokens);
  write_table(w, p.lexicons.phrases);
  write_table(w, p.lexicons.words);
  write_table(w, p.lexicons.lowers);
  const uLong raw = static_cast<uLong>(p.emission.size() * sizeof(int16_t));
  uLongf packed_len = compressBound(raw);
  std::string packed(packed_len, '\0');
  compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_len,
            reinterpret_cast<const Bytef*>(p.emission.data()), raw, 9);
  packed.resize(packed_len);
  w.pod<uint64_t>(raw);
  w.pod<uint64_t>(packed.size());
  w.bytes(packed.data(), packed.size());
  w.pod<uint32_t>(static_cast<uint32_t>(p.self_tests.size()));
  for (const SelfTest& st : p.self_tests) {
    w.pod<uint32_t>(static_cast<uint32_t>(st.tokens.size()));
    for (const std::string& tok : st.tokens) w.str(tok);
    w.bytes(st.tags.data(), st.tags.size());
  }
  const std::string& body = w.out();
  const uint32_t crc = static_cast<uint32_t>(
      crc32(0L, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size())));
  w.pod<uint32_t>(crc);
  return std::move(w.out());
}

Result<ModelParams> parse_model(std::string_view bytes, const std::string& name) {
  const std::string prefix = name + ": ";
  if (bytes.size() < kNerModelMagic.size() || bytes.substr(0, kNerModelMagic.size()) != kNerModelMagic)
    return Status::Corrupt(prefix + "not a veille NER model (bad magic)");
  Reader r(bytes.substr(kNerModelMagic.size()));
  auto truncated = [&]() {
    return Status::Corrupt(prefix + "truncated model file (" + std::to_string(bytes.size()) +
                           " bytes): ended while reading " + r.what());
  };
  uint32_t version = 0, feature_set = 0, num_tags = 0;
  if (!r.pod(&version, "the version")) return truncated();
  if (version != kNerModelVersion)
    return Status::Unsupported(prefix + "NER model file version " + std::to_string(version) +
                               ", this build reads version " + std::to_string(kNerModelVersion));
  if (!r.pod(&feature_set, "the feature set version")) return truncated();
  if (feature_set != static_cast<uint32_t>(kFeatureSetVersion))
    return Status::Unsupported(prefix + "NER model trained with feature set " +
                               std::to_string(feature_set) + ", this build computes feature set " +
                               std::to_string(kFeatureSetVersion) + "; retrain it (see models/NER.md)");
  if (!r.pod(&num_tags, "the tag count")) return truncated();
  if (num_tags != kNumTags)
    return Status::Corrupt(prefix + "model has " + std::to_string(num_tags) + " tags, expected " +
                           std::to_string(kNumTags));
  for (int t = 0; t < kNumTags; ++t) {
    std::string tag;
    if (!r.str(&tag, "the tag names", 64)) return truncated();
    if (tag != tag_name(t))
      return Status::Corrupt(prefix + "tag " + std::to_string(t) + " is '" + tag + "', expected '" +
                             tag_name(t) + "'");
  }
  ModelParams p;
  if (!r.pod(&p.hash_bits, "the hash size")) return truncated();
  if (p.hash_bits < 10 || p.hash_bits > 26)
    return Status::Corrupt(prefix + "hash size 2^" + std::to_string(p.hash_bits) + " out of range");
  if (!r.pod(&p.scale, "the weight scale")) return truncated();
  if (!(p.scale > 0.0f && p.scale < 1e6f))
    return Status::Corrupt(prefix + "weight scale out of range");
  if (!r.str(&p.description, "the description", 1 << 20)) return truncated();
  p.transition.resize((kNumTags + 1) * kNumTags);
  for (int32_t& v : p.transition)
    if (!r.pod(&v, "the transition weights")) return truncated();
  if (!r.pod(&p.lexicons.max_phrase_tokens, "the phrase length")) return truncated();
  if (p.lexicons.max_phrase_tokens > 64)
    return Status::Corrupt(prefix + "phrase length " + std::to_string(p.lexicons.max_phrase_tokens) +
                           " out of range");
  std::string table_error;
  if (!read_table(r, &p.lexicons.phrases, "the phrase lexicon", &table_error))
    return table_error.empty() ? truncated() : Status::Corrupt(prefix + table_error);
  if (!read_table(r, &p.lexicons.words, "the word lexicon", &table_error))
    return table_error.empty() ? truncated() : Status::Corrupt(prefix + table_error);
  if (!read_table(r, &p.lexicons.lowers, "the lower-case lexicon", &table_error))
    return table_error.empty() ? truncated() : Status::Corrupt(prefix + table_error);
  uint64_t raw = 0, packed_len = 0;
  if (!r.pod(&raw, "the weight size") || !r.pod(&packed_len, "the weight size")) return truncated();
  const uint64_t expected_raw = (uint64_t{1} << p.hash_bits) * kNumTags * sizeof(int16_t);
  if (raw != expected_raw)
    return Status::Corrupt(prefix + "weights are " + std::to_string(raw) + " bytes, expected " +
                           std::to_string(expected_raw));
  std::string_view packed = r.take(packed_len, "the weights");
  if (r.failed()) return truncated();
  p.emission.resize(raw / sizeof(int16_t));
  uLongf out_len = static_cast<uLongf>(raw);
  const int zrc = uncompress(reinterpret_cast<Bytef*>(p.emission.data()), &out_len,
                             reinterpret_cast<const Bytef*>(packed.data()), static_cast<uLong>(packed.size()));
  if (zrc != Z_OK || out_len != raw)
    return Status::Corrupt(prefix + "weights do not decompress (zlib error " + std::to_string(zrc) + ")");
  uint32_t tests = 0;
  if (!r.pod(&tests, "the self-tests")) return truncated();
  if (tests > 1000) return Status::Corrupt(prefix + "implausible self-test count");
  p.self_tests.resize(tests);
  for (SelfTest& st : p.self_tests) {
    uint32_t n = 0;
    if (!r.pod(&n, "the self-tests")) return truncated();
    if (n > 10000) return Status::Corrupt(prefix + "implausible self-test length");
    st.tokens.resize(n);
    for (std::string& tok : st.tokens)
      if (!r.str(&tok, "the self-tests", 4096)) return truncated();
    st.tags.resize(n);
    if (!r.bytes(st.tags.data(), n, "the self-tests")) return truncated();
    for (uint8_t t : st.tags)
      if (t >= kNumTags) return Status::Corrupt(prefix + "self-test tag out of range");
  }
  const size_t body_len = kNerModelMagic.size() + r.pos();
  uint32_t stored_crc = 0;
  if (!r.pod(&stored_crc, "the checksum")) return truncated();
  if (kNerModelMagic.size() + r.pos() != bytes.size())
    return Status::Corrupt(prefix + std::to_string(bytes.size() - kNerModelMagic.size() - r.pos()) +
                           " unexpected bytes after the checksum");
  const uint32_t crc = static_cast<uint32_t>(
      crc32(0L, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(body_len)));
  if (crc != stored_crc) return Status::Corrupt(prefix + "checksum mismatch: the file is damaged");
  return p;
}

}  // namespace veille::ner
