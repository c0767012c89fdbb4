#include "moderate/features.h"

#include <cmath>

namespace veille::moderate {

namespace {

constexpr uint64_t kFnvBasis = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

inline uint64_t mix(uint64_t h, unsigned char c) { return (h ^ c) * kFnvPrime; }
inline uint64_t mix(uint64_t h, std::string_view s) {
  for (unsigned char c : s) h = mix(h, c);
  return h;
}
inline uint32_t bucket(uint64_t h, uint32_t mask) {
  h ^= h >> 32;
  h *= 0x9E3779B97F4A7C15ull;
  return static_cast<uint32_t>(h >> 20) & mask;
}

}  // namespace

void analyse_comment(std::string_view text, const Lexicon& lexicon, int hash_bits,
                     ModerationWorkspace* ws) {
  ws->tokens.clear();
  ws->hits.clear();
  ws->features.clear();
  tokenize_for_moderation(text, &ws->tokens);
  lexicon.find_terms(text, ws->tokens, &ws->hits);

  const uint32_t mask = (1u << hash_bits) - 1;
  auto& ids = ws->features.ids;
  auto& values = ws->features.values;

  // The word each token contributes: the lexicon form when it is a term, else its folded form.
  thread_local std::vector<std::string_view> words;
  words.clear();
  size_t h = 0;
  size_t caps = 0, letters_tokens = 0;
  for (size_t i = 0; i < ws->tokens.size(); ++i) {
    const ModToken& t = ws->tokens[i];
    while (h < ws->hits.size() && ws->hits[h].last_token < i) ++h;
    if (h < ws->hits.size() && ws->hits[h].first_token <= i && ws->hits[h].kind != kMatchPhrase) {
      if (ws->hits[h].first_token == i) words.push_back(ws->hits[h].normalized);
      continue;
    }
    if (t.flags & kTokenNumber) { words.push_back("0"); continue; }
    ++letters_tokens;
    if (t.flags & kTokenAllCaps) ++caps;
    words.push_back(t.form.size() > 24 ? std::string_view(t.form).substr(0, 24) : std::string_view(t.form));
  }

  // Text features, scaled so that long and short comments weigh alike.
  const uint64_t w_seed = mix(kFnvBasis, 'w'), b_seed = mix(kFnvBasis, 'b'), c_seed = mix(kFnvBasis, 'c');
  for (size_t i = 0; i < words.size(); ++i) {
    ids.push_back(bucket(mix(w_seed, words[i]), mask));
    uint64_t prev = i == 0 ? mix(b_seed, "<s>") : mix(b_seed, words[i - 1]);
    ids.push_back(bucket(mix(mix(prev, ' '), words[i]), mask));
    // Character n-grams of " word ", 3 and 4 long.
    std::string_view w = words[i];
    if (w.size() >= 2) {
      char buf[32];
      size_t len = 0;
      buf[len++] = ' ';
      for (char c : w) if (len < 30) buf[len++] = c;
      buf[len++] = ' ';
      for (size_t n = 3; n <= 4; ++n)
        for (size_t k = 0; k + n <= len; ++k)
          ids.push_back(bucket(mix(mix(c_seed, static_cast<unsigned char>(n)), std::string_view(buf + k, n)), mask));
    }
  }
  const float scale = ids.empty() ? 0.f : 1.f / std::sqrt(static_cast<float>(ids.size()));
  values.assign(ids.size(), scale);

  // Whole-comment and lexicon features, unscaled.
  auto add = [&](std::string_view name, float v = 1.f) {
    ids.push_back(bucket(mix(mix(kFnvBasis, 'f'), name), mask));
    values.push_back(v);
  };
  add("bias");
  if (letters_tokens >= 2 && caps * 3 >= letters_tokens) add("shouting");
  size_t n_tokens = ws->tokens.size();
  add(n_tokens < 8 ? "len:short" : n_tokens < 30 ? "len:medium" : "len:long");
  if (text.find("!!") != std::string_view::npos) add("excl");
  size_t per_category[kCategoryCount] = {};
  for (const TermHit& hit : ws->hits) {
    ++per_category[hit.category];
    std::string name = "term:";
    name += hit.normalized;
    add(name);
    name = "kind:";
    name += static_cast<char>('0' + hit.kind);
    add(name);
  }
  if (!ws->hits.empty()) {
    add("lex:any");
    if (ws->hits.size() >= 2) add("lex:many");
  }
  for (uint8_t c = 0; c < kCategoryCount; ++c) {
    if (!per_category[c]) continue;
    std::string name = "cat:";
    name += category_name(c);
    add(name);
  }
}

}  // namespace veille::moderate
