// MinHash signatures over word 3-shingles, LSH band keys, and their BLOB encoding.
//
// Each shingle is hashed once to 64 bits (word hashes combined and finalised with a strong
// mixer); the 128 permutations are then the multiply-add-shift family h_i(x) = (a_i x + b_i) >> 32
// with random odd a_i, which is 2-universal for the high bits and costs one multiply per slot.
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

struct Permutations {
  std::array<uint64_t, kMinHashSize> a{}, b{};
  Permutations() {
    uint64_t state = 0x5eed0fd0c0ffee11ULL;  // fixed: signatures are stored, so never change it
    for (size_t i = 0; i < kMinHashSize; ++i) {
      state += 0x9e3779b97f4a7c15ULL;
      a[i] = mix64(state) | 1;
      state += 0x9e3779b97f4a7c15ULL;
      b[i] = mix64(state);
    }
  }
};

const Permutations& permutations() {
  static const Permutations p;
  return p;
}

constexpr char kMinHashMagic[4] = {'V', 'M', 'H', '1'};

}  // namespace

const double kDuplicateThreshold = 0.5;

MinHash minhash(std::string_view text) {
  MinHash m;
  m.values.fill(UINT32_MAX);
  const Permutations& p = permutations();
  std::array<uint64_t, kShingleWords> window{};
  size_t words = 0;
  // Distinct shingle count is approximated by a small exact set up to kMinShingles.
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
    for (size_t i = 0; i < kMinHashSize; ++i) {
      const uint32_t v = static_cast<uint32_t>((p.a[i] * h + p.b[i]) >> 32);
      m.values[i] = std::min(m.values[i], v);
    }
  });
  if (distinct < kMinShingles) {
    m.values.fill(0);
    m.empty = true;
    return m;
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
