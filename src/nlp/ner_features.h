// Internal to the NER model: the tag set, token analysis, the lexicons derived from training data
// and the hashed feature templates. Shared by inference (ner.cpp), the model file codec
// (ner_model_file.cpp) and training (ner_train.cpp), so that all three compute exactly the same
// features. Any change to what extract_features() computes must bump kFeatureSetVersion: a model
// file records the feature set it was trained with and is refused by a build that computes another.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace veille::ner {

// Allocator for the model's large lookup tables (the emission weights: 2^20 * 9 int16, 18 MB).
// Tagging reads 46 random rows per token; with 4 KB pages nearly every read also misses the TLB
// (perf: most of the tagger's time sat on its prefetches). Blocks of 2 MB or more are mapped
// 2 MB-aligned and advised as transparent huge pages before their first touch, where the kernel
// allows it (THP "madvise" or "always"); otherwise they are ordinary pages, nothing else changes.
// Small blocks come from operator new.
void* allocate_table(size_t bytes);
void deallocate_table(void* p, size_t bytes) noexcept;
template <class T>
struct TableAllocator {
  using value_type = T;
  TableAllocator() = default;
  template <class U>
  TableAllocator(const TableAllocator<U>&) noexcept {}
  T* allocate(size_t n) { return static_cast<T*>(allocate_table(n * sizeof(T))); }
  void deallocate(T* p, size_t n) noexcept { deallocate_table(p, n * sizeof(T)); }
  template <class U>
  bool operator==(const TableAllocator<U>&) const noexcept { return true; }
};

// Tags, IOB2 over four entity types. Tag 0 is O; for type t, B is 1 + 2t and I is 2 + 2t.
inline constexpr int kNumTypes = 4;
inline constexpr int kNumTags = 1 + 2 * kNumTypes;
inline constexpr int kStartTag = kNumTags;  // the virtual tag before the first token
inline constexpr int kFeatureSetVersion = 3;

const char* type_name(int type);                // "PER", "ORG", "LOC", "MISC"
const char* tag_name(int tag);                  // "O", "B-PER", "I-PER", ...
int parse_tag(std::string_view tag);            // tag index, or -1 when not one of the nine tags
inline int tag_type(int tag) { return tag == 0 ? -1 : (tag - 1) / 2; }
inline bool tag_is_begin(int tag) { return tag != 0 && (tag - 1) % 2 == 0; }
inline bool tag_is_inside(int tag) { return tag != 0 && (tag - 1) % 2 == 1; }

// IOB2 well-formedness: I-X may only follow B-X or I-X. `prev` may be kStartTag.
bool transition_allowed(int prev, int cur);

// Stable 64-bit hashes (the model file depends on them: never change them without bumping
// kFeatureSetVersion).
uint64_t hash_bytes(std::string_view s);
inline uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}
inline uint64_t hash_combine(uint64_t a, uint64_t b) { return mix64(a * 0x9E3779B97F4A7C15ULL + b); }

// Flags of one token (bits of TokenInfo::flags).
enum TokenFlag : uint32_t {
  kInitUpper = 1u << 0,   // first letter is upper case
  kAllUpper = 1u << 1,    // at least two letters, all upper case
  kHasDigit = 1u << 2,
  kAllDigit = 1u << 3,
  kHasHyphen = 1u << 4,
  kHasApostrophe = 1u << 5,  // ' or ’
  kHasPeriod = 1u << 6,
  kNoLetterOrDigit = 1u << 7,  // punctuation, symbols
  kMixedCase = 1u << 8,   // an upper-case letter after a lower-case one (McDonald, iPhone)
};

// What the features need to know about one token, computed once per token without allocation.
struct TokenInfo {
  uint64_t word;         // the token as written
  uint64_t lower;        // lower-cased
  uint64_t shape;        // X/x/d per code point, other characters kept, truncated to 16
  uint64_t short_shape;  // the shape with runs collapsed (Xx, XX, d.d, x'Xx)
  uint64_t prefix[4];    // lower-cased first 1..4 code points
  uint64_t suffix[4];    // lower-cased last 1..4 code points
  uint32_t flags;
  uint32_t length;       // in code points
};

void analyse_token(std::string_view token, TokenInfo* out);

// An immutable open-addressing table from 64-bit keys to 16-bit values (0 = absent), for the
// lexicons. Lookups do not allocate.
class HashTable16 {
 public:
  HashTable16() = default;
  // REQUIRES: keys distinct and nonzero, values nonzero.
  explicit HashTable16(const std::vector<std::pair<uint64_t, uint16_t>>& entries);
  uint16_t find(uint64_t key) const;
  size_t size() const { return count_; }
  // Entries sorted by key, for serialisation.
  std::vector<std::pair<uint64_t, uint16_t>> entries() const;

 private:
  std::vector<uint64_t, TableAllocator<uint64_t>> keys_;
  std::vector<uint16_t, TableAllocator<uint16_t>> values_;
  size_t mask_ = 0;
  size_t count_ = 0;
};

// Lexicons derived from the training data only.
//  - phrases: the token sequences seen as entities, keyed by phrase_hash over the tokens as written;
//    value = bitmask of the types seen (bit t for type t).
//  - words: tokens as written; value = kWordPresent | types mask (bits 0-3) | entity-ratio bucket
//    << 4 (how often the word is inside an entity: 0 never ... 4 nearly always) | bit 7 when seen
//    three times or more.
//  - lowers: lower-cased tokens (TokenInfo::lower); value = kWordPresent | bucket of how often the
//    word is written with a lower-case initial (bits 0-2) | entity-ratio bucket over all its
//    spellings << 3. A capitalised word that is usually written in lower case is rarely a name.
struct Lexicons {
  HashTable16 phrases;
  HashTable16 words;
  HashTable16 lowers;
  uint32_t max_phrase_tokens = 0;
};
inline constexpr uint16_t kWordPresent = 1u << 8;
inline uint64_t phrase_hash_start() { return 0x6e65722d70687261ULL; }
inline uint64_t phrase_hash_step(uint64_t h, uint64_t word_hash) { return hash_combine(h, word_hash); }

// Per-token lexicon codes. phrase says whether the token is the first (1) or a following (2) token
// of the longest known phrase starting at or covering it (greedy, left to right), in bits 4-5, with
// the phrase's type mask in bits 0-3 (bit 6: one-token phrase, bit 7: last token); word and lower
// are the values of the words and lowers tables (0 when absent).
struct LexCodes {
  uint16_t phrase, word, lower;
};
void lexicon_codes(const TokenInfo* tokens, size_t n, const Lexicons& lex, LexCodes* out);

inline constexpr int kFeaturesPerToken = 46;

// Bucket indices of the features of every token: out[i * kFeaturesPerToken + k] < 2^hash_bits.
void extract_features(const TokenInfo* tokens, const LexCodes* codes, size_t n, int hash_bits,
                      uint32_t* out);

// One embedded self-test: a sentence and the tags the model must give it.
struct SelfTest {
  std::vector<std::string> tokens;
  std::vector<uint8_t> tags;
};

// Everything a model file holds. Weights are int16 multiplied by `scale`; scores are summed as
// int32, so tagging is exact and independent of the platform's floating point.
struct ModelParams {
  uint32_t hash_bits = 20;
  float scale = 1.0f;
  std::vector<int16_t, TableAllocator<int16_t>> emission;  // (1 << hash_bits) * kNumTags, bucket-major
  std::vector<int32_t> transition;        // (kNumTags + 1) * kNumTags, row = previous tag
  Lexicons lexicons;
  std::vector<SelfTest> self_tests;
  std::string description;                // free text: data, command, figures
};

// A forbidden transition's score: low enough never to win, far from int32 overflow.
inline constexpr int32_t kForbidden = -(1 << 28);

}  // namespace veille::ner
