// Training the NER model: an averaged structured perceptron (Collins 2002) over the hashed features
// of ner_features.h, with first-order tag transitions and Viterbi decoding restricted to
// well-formed IOB2. Kept apart from inference (ner.h): only `veille train ner`, the tests and
// experiments link it. (It belongs in a separate library target; see models/NER.md.)
//
// Lexicon features (phrases seen as entities, per-word entity statistics) come from the training
// data only. So that the model does not learn to trust them blindly, each training sentence sees
// lexicons built without its own fold (jackknifing, `folds` parts); development and real text see
// the lexicons of the whole training set.
//
// Deterministic: the same sentences, options and seed give the same model bytes (one thread, no
// dependence on hash-map iteration order).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "nlp/ner_conll.h"
#include "nlp/ner_features.h"
#include "veille/status.h"

namespace veille {

struct NerTrainOptions {
  int max_epochs = 20;      // passes over the training data at most
  int patience = 4;         // stop after this many epochs without a better dev F1
  uint64_t seed = 1;        // shuffling order of each epoch
  int hash_bits = 20;       // 2^hash_bits feature buckets (x 9 tags x int16 in the model)
  int folds = 10;           // jackknife folds for the lexicon features
  int ensemble = 1;         // perceptrons trained on different orders, their weights averaged
  double margin = 0;        // loss-augmented training: score added to each wrong tag when decoding
  std::string description;  // stored in the model (e.g. the command line); figures are appended
  // Progress lines (one per epoch); may be empty.
  std::function<void(const std::string&)> log;
};

struct NerTrainReport {
  int best_epoch = 0;
  int epochs_run = 0;
  double dev_f1 = 0;
  std::string dev_table;  // NerScorer::table() of the kept model on dev
  double seconds = 0;
};

// REQUIRES: every sentence has one valid IOB2 tag per token (read_conll_file checks this).
// `dev` picks the epoch kept (the best averaged model by dev F1); when it is empty, all
// max_epochs are run and the last is kept. Errors: kInvalidArgument for empty training data or
// options out of range.
Result<ner::ModelParams> train_ner(const std::vector<ConllSentence>& train,
                                   const std::vector<ConllSentence>& dev,
                                   const NerTrainOptions& options, NerTrainReport* report);

// The sentences embedded in every model as self-tests (tokenised), with the tags the trained model
// gives them recorded at training time.
const std::vector<std::vector<std::string>>& ner_self_test_sentences();

}  // namespace veille
