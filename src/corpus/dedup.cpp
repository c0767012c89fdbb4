// MinHash signatures over word 3-shingles, LSH band keys, and their BLOB encoding.
//
// One-permutation hashing with optimal densification (Shrivastava, ICML 2017): each shingle is
// hashed once to 64 bits (word hashes combined and finalised with a strong mixer); its top 7 bits
// pick one of the 128 bins and its low 32 bits are the value kept if smallest in that bin. Empty
// bins (short texts) borrow the value of a non-empty bin found by a probe sequence that depends
// only on the bin and the attempt, so two texts with the same shingles get the same signature and
// the fraction of equal bins still estimates their Jaccard similarity. One hash per shingle
// instead of 128: a page costs a pass over its words.
#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "corpus/words.h"
#include "veille/corpus.h"

namespace veille::corpus {
namespace {

constexpr size_t kShingleWords = 3;
// Fewer distinct shingles than this and the text is not an article (a caption, "Lire la suite"):
// its signature is empty and it is never a duplicate of anything.
constexpr size_t kMinShingles = 8;

uint64_t mix64(uint64_t x) {  // splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

uint64_t hash_word(std::string_view w) {  // FNV-1a 64, then mixed
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : w) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return mix64(h);
}

constexpr char kMinHashMagic[4] = {'V', 'M', 'H', '1'};

}  // namespace

// Chosen on bench/dedup_bench: F1 is flat (0.967-0.970) from 0.20 to 0.35 and falls after (0.901 at
// 0.50, heavy edits missed); the top of the plateau keeps the most margin against different
// articles that share wording (agency rewrites of one event), which the bench cannot generate.
const double kDuplicateThreshold = 0.35;

MinHash minhash(std::string_view text) {
  MinHash m;
  std::array<uint64_t, kMinHashSize> bins;
  bins.fill(UINT64_MAX);  // UINT64_MAX = empty (values are < 2^32)
  std::array<uint64_t, kShingleWords> window{};
  size_t words = 0;
  // Distinct shingles counted exactly up to kMinShingles (the too-short test).
  std::array<uint64_t, kMinShingles> first{};
  size_t distinct = 0;
  for_each_word(text, [&](std::string_view w) {
    window[words % kShingleWords] = hash_word(w);
    ++words;
    if (words < kShingleWords) return;
    // Order-sensitive combination of the last three words.
    const uint64_t w0 = window[(words - 3) % kShingleWords];
    const uint64_t w1 = window[(words - 2) % kShingleWords];
    const uint64_t w2 = window[(words - 1) % kShingleWords];
    const uint64_t h = mix64(w0 ^ std::rotl(w1, 21) ^ std::rotl(w2, 42));
    if (distinct < kMinShingles &&
        std::find(first.begin(), first.begin() + distinct, h) == first.begin() + distinct)
      first[distinct++] = h;
    const size_t bin = static_cast<size_t>(h >> 57);  // kMinHashSize = 128 = 2^7
    const uint64_t value = h & 0xFFFFFFFFULL;
    if (value < bins[bin]) bins[bin] = value;
  });
  if (distinct < kMinShingles) return m;  // empty, all zeros
  for (size_t i = 0; i < kMinHashSize; ++i) {
    uint64_t v = bins[i];
    // Optimal densification: probe bins (i, attempt)-determined until a non-empty one.
    for (uint64_t attempt = 1; v == UINT64_MAX; ++attempt) {
      const size_t j = static_cast<size_t>(mix64((static_cast<uint64_t>(i) << 32) ^ attempt) >> 57);
      v = bins[j];
    }
    m.values[i] = static_cast<uint32_t>(v);
  }
  m.empty = false;
  return m;
}

std::array<uint64_t, kLshBands> lsh_keys(const MinHash& m) {
  std::array<uint64_t, kLshBands> keys{};
  if (m.empty) return keys;
  for (size_t band = 0; band < kLshBands; ++band) {
    uint64_t h = mix64(0x6c73686b6579ULL + band);  // band index mixed in: bands never collide
    for (size_t r = 0; r < kLshRows; ++r) h = mix64(h ^ m.values[band * kLshRows + r]);
    keys[band] = h;
  }
  return keys;
}

double estimated_jaccard(const MinHash& a, const MinHash& b) {
  if (a.empty || b.empty) return 0.0;
  size_t equal = 0;
  for (size_t i = 0; i < kMinHashSize; ++i) equal += a.values[i] == b.values[i];
  return static_cast<double>(equal) / static_cast<double>(kMinHashSize);
}

// Layout: "VMH1", one flags byte (1 = empty), then for a non-empty signature 128 values as
// little-endian uint32 (517 bytes).
std::string encode(const MinHash& m) {
  std::string out(kMinHashMagic, 4);
  out.push_back(m.empty ? 1 : 0);
  if (m.empty) return out;
  out.reserve(5 + 4 * kMinHashSize);
  for (uint32_t v : m.values) {
    for (int k = 0; k < 4; ++k) out.push_back(static_cast<char>((v >> (8 * k)) & 0xFF));
  }
  return out;
}

Result<MinHash> decode_minhash(std::string_view bytes) {
  if (bytes.size() < 5 || std::memcmp(bytes.data(), kMinHashMagic, 4) != 0)
    return Status::Corrupt("MinHash blob: missing \"VMH1\" header (" + std::to_string(bytes.size()) +
                           " bytes)");
  const unsigned char flags = static_cast<unsigned char>(bytes[4]);
  if (flags > 1) return Status::Corrupt("MinHash blob: unknown flags " + std::to_string(flags));
  MinHash m;
  if (flags == 1) {
    if (bytes.size() != 5)
      return Status::Corrupt("MinHash blob: empty signature with " + std::to_string(bytes.size() - 5) +
                             " trailing bytes");
    return m;
  }
  if (bytes.size() != 5 + 4 * kMinHashSize)
    return Status::Corrupt("MinHash blob: expected " + std::to_string(5 + 4 * kMinHashSize) +
                           " bytes, got " + std::to_string(bytes.size()));
  for (size_t i = 0; i < kMinHashSize; ++i) {
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k)
      v |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[5 + 4 * i + k])) << (8 * k);
    m.values[i] = v;
  }
  m.empty = false;
  return m;
}

}  // namespace veille::corpus
