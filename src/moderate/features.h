// Features of the moderation classifier, shared by training and inference so that both see the
// same thing: hashed word unigrams and bigrams, character 3- and 4-grams of the normalised words,
// and the lexicon hits (category, how the word was disguised, the normalised term itself).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "moderate/lexicon.h"
#include "moderate/normalize.h"

namespace veille::moderate {

// Sparse feature vector: ids are bucket indices in [0, 2^hash_bits).
struct FeatureVector {
  std::vector<uint32_t> ids;
  std::vector<float> values;
  // Positions (in ids) of the features that name a lexicon term itself (its identity, its word
  // and character n-grams). Training drops them at random so that the category and aim features
  // also learn, and carry the lexicon words the training data never shows.
  std::vector<uint32_t> term_identity;
  void clear() { ids.clear(); values.clear(); term_identity.clear(); }
};

// Tokens and hits of one comment, reused across calls to avoid allocations.
struct ModerationWorkspace {
  std::vector<ModToken> tokens;
  std::vector<TermHit> hits;
  FeatureVector features;
};

// Which optional feature groups a model uses (its file records them).
struct FeatureSet {
  bool constructions = false;  // contempt constructions (model version 3; measured: no gain)
  bool valence = false;        // polarity of ordinary words from the lexicon's valence lines (version 4)
};

// Tokenises `text`, finds lexicon terms, and fills ws->features. hash_bits in [10, 26].
void analyse_comment(std::string_view text, const Lexicon& lexicon, int hash_bits,
                     ModerationWorkspace* ws, FeatureSet set = {});

}  // namespace veille::moderate
