// Counting document frequencies of key terms over a corpus, to write a background file
// (models/background-fr.tsv, see models/BACKGROUND.md and `veille train background`).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "veille/status.h"

namespace veille::corpus {

class BackgroundCounter {
 public:
  // One document: every distinct key term (Background::key_term of its non-stop words) counts once.
  void add_document(std::string_view text);
  uint64_t documents() const { return documents_; }
  size_t terms() const { return df_.size(); }
  // Writes the terms with df >= min_df, most frequent first (format: see Background::load).
  Status write(const std::string& path, uint32_t min_df) const;

 private:
  uint64_t documents_ = 0;
  std::unordered_map<std::string, uint32_t> df_;
  std::unordered_set<std::string> seen_;
};

}  // namespace veille::corpus
