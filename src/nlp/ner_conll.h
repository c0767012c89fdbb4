// CoNLL input for NER and the conlleval scoring of IOB2 output.
//
// Input: one token per line, columns separated by tabs (or by spaces when a line has no tab);
// sentences end at blank lines; lines starting with '#' are comments; CRLF line ends are accepted.
// Column layout, decided per sentence: when every line of the sentence starts with an integer and
// the integers count up by one (0, 1, 2 ... or 1, 2, 3 ...), the first column is an index, the
// token is the second column and the gold tag (if any) the last column from the third on;
// otherwise the token is the first column and the gold tag (if any) the last column from the
// second on. CoNLL-U multiword-token and empty-node lines (index "3-4" or "5.1") are skipped.
#pragma once

#include <cstddef>
#include <istream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "veille/status.h"

namespace veille {

struct ConllSentence {
  std::vector<std::string> tokens;
  std::vector<std::string> tags;  // gold tags when the input has a tag column, else empty
  size_t first_line = 0;          // 1-based line number of the first token
  // True when the sentence was closed by a blank line (false at end of input). A blank line with
  // no token before it (several blank lines in a row) gives a sentence with no tokens.
  bool ended_by_blank = false;
};

// Reads sentences one at a time from a stream, so that input of any size is processed in constant
// memory. Not thread-safe.
class ConllReader {
 public:
  explicit ConllReader(std::istream& in) : in_(in) {}
  // Reads the next sentence into *out. Returns false at end of input (and *status ok) or on bad
  // input (*status says what and where: binary data, a line over 1 MB, an empty token).
  bool next(ConllSentence* out, Status* status);
  size_t line_number() const { return line_; }

 private:
  std::istream& in_;
  size_t line_ = 0;
  std::string buf_;
};

// Reads a whole CoNLL file whose sentences all carry gold IOB2 tags (for training and evaluation).
// Skips empty sentences. Errors name the file and line: missing or unknown tag (allowed: O and
// B-/I- of PER, ORG, LOC, MISC).
Result<std::vector<ConllSentence>> read_conll_file(const std::string& path);

// An entity chunk [begin, end) of token positions.
struct Chunk {
  size_t begin = 0, end = 0;
  std::string type;
  bool operator==(const Chunk&) const = default;
};

// The chunks of an IOB2 tag sequence with conlleval's rules: a chunk starts at B-X, at I-X after O
// or after a tag of another type, and at I-X at the start of the sentence; it ends before O, B-*, or
// a tag of another type. Tags other than O, B-*, I-* are treated as O.
std::vector<Chunk> extract_chunks(const std::vector<std::string>& tags);

// Counts for one entity type (or all).
struct ChunkCounts {
  size_t gold = 0, predicted = 0, correct = 0;
  double precision() const { return predicted ? double(correct) / double(predicted) : 0.0; }
  double recall() const { return gold ? double(correct) / double(gold) : 0.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

// Entity-level exact-match scoring (conlleval): a predicted chunk is correct when a gold chunk has
// the same type and the same two boundaries. Micro-averaged over types.
class NerScorer {
 public:
  // REQUIRES: gold.size() == predicted.size() (one sentence).
  void add(const std::vector<std::string>& gold, const std::vector<std::string>& predicted);
  const ChunkCounts& overall() const { return overall_; }
  const std::map<std::string, ChunkCounts>& per_type() const { return per_type_; }
  size_t tokens() const { return tokens_; }
  size_t tokens_correct() const { return tokens_correct_; }
  // A table: one row per type and one for all, with gold/predicted/correct counts and P, R, F1.
  std::string table() const;

 private:
  ChunkCounts overall_;
  std::map<std::string, ChunkCounts> per_type_;
  size_t tokens_ = 0, tokens_correct_ = 0;
};

}  // namespace veille
