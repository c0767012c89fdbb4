// Training and scoring of the sentence boundary classifier (sentence_model.h).
//
// The data is a CoNLL-U treebank read as raw text, the way the UD benchmark reads it: the
// sentences' `# text =` lines joined by single spaces, so that every gold boundary is a real gap
// in running text, with nothing but a space to mark it. The classifier is an averaged perceptron
// over the candidate gaps of that text (sentence_features.h), with the previous gold boundary
// known while training (the splitter uses its own previous decision). The epoch kept is the one
// with the best sentence F1 on the dev text, measured with the real splitter.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "nlp/sentence_model.h"
#include "veille/status.h"

namespace veille {

// Raw text with its gold sentences.
struct SentenceCorpus {
  std::string name;  // the file it came from
  std::string text;
  std::vector<std::pair<uint32_t, uint32_t>> sentences;  // byte spans, in order
  std::vector<std::string> verbs;  // forms tagged VERB or AUX (CoNLL-U UPOS), with repeats
};

// Reads a CoNLL-U file's `# text =` lines. Errors: kNotFound, kIo, kInvalidArgument (no `# text =`
// line), each message naming the file.
Result<SentenceCorpus> read_sentence_corpus(const std::string& path);

// Reads a CoNLL token file without text lines (NER data: the token in the second column when the
// first is an integer index, else in the first; a blank line between sentences) and rebuilds a
// text with every token and every sentence joined by single spaces. Names, titles and
// capitalised words inside sentences are what it teaches. Errors as read_sentence_corpus (no token).
Result<SentenceCorpus> read_token_sentence_corpus(const std::string& path);

// Appends `more` to `into`, separated by a space; spans are shifted.
void append_sentence_corpus(SentenceCorpus& into, const SentenceCorpus& more);

// CoNLL 2018 sentence scores: a system sentence counts when its span (first token begin, last token
// end) equals a gold span.
struct SentenceScore {
  size_t gold = 0, system = 0, matched = 0;
  double precision() const { return system ? 100.0 * matched / system : 0; }
  double recall() const { return gold ? 100.0 * matched / gold : 0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

// Splits corpus.text with `model` (nullptr: the rules alone) and scores it.
SentenceScore score_sentences(const SentenceCorpus& corpus, const SentenceModel* model);

struct SentenceTrainOptions {
  uint32_t hash_bits = 18;  // 2^18 weights (1 MiB in memory, a few hundred KiB on disk)
  int epochs = 12;          // passes over the training gaps; the best on dev is kept
  // 0: averaged perceptron. > 0: logistic regression with this L2 penalty (per example, on the
  // mean log loss); an "epoch" is then 50 full-batch Adam steps.
  double l2 = 0;
  std::string description;  // stored in the model (the command line, the data)
  // dev_floors[i]: the least sentence F1 (0-100) wanted on dev corpus i; an epoch that reaches
  // every floor is preferred to any other. Missing entries are no floor.
  std::vector<double> dev_floors;
  // Token files (CoNLL or CoNLL-U: the token in the second column when the first is an index, else
  // in the first) whose lower-case words join the lexicon, besides the training text's.
  std::vector<std::string> lexicon_files;
};

// Trains on `train`, picks the epoch with the best mean sentence F1 over the `dev` corpora that
// have sentences (the training F1 when none has), records self-tests and returns the parameters.
// `progress` (may be empty) receives one line per epoch.
Result<SentenceModelParams> train_sentence_model(const SentenceCorpus& train, std::span<const SentenceCorpus> dev,
                                                 const SentenceTrainOptions& options,
                                                 const std::function<void(const std::string&)>& progress);
inline Result<SentenceModelParams> train_sentence_model(const SentenceCorpus& train, const SentenceCorpus& dev,
                                                        const SentenceTrainOptions& options,
                                                        const std::function<void(const std::string&)>& progress) {
  return train_sentence_model(train, std::span<const SentenceCorpus>(&dev, 1), options, progress);
}

}  // namespace veille
