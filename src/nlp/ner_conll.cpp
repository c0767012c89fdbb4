#include "nlp/ner_conll.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "nlp/ner_features.h"

namespace veille {

namespace {

constexpr size_t kMaxLineBytes = size_t{1} << 20;

bool is_integer(std::string_view s) {
  if (s.empty() || s.size() > 9) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// CoNLL-U multiword-token ranges (3-4) and empty nodes (5.1).
bool is_conllu_extra(std::string_view s) {
  const size_t sep = s.find_first_of("-.");
  if (sep == std::string_view::npos || sep == 0) return false;
  return is_integer(s.substr(0, sep)) && is_integer(s.substr(sep + 1));
}

void split_columns(std::string_view line, std::vector<std::string>* cols) {
  cols->clear();
  if (line.find('\t') != std::string_view::npos) {
    size_t start = 0;
    while (true) {
      const size_t tab = line.find('\t', start);
      cols->emplace_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    // Trailing empty columns (a line ending in a tab) carry nothing.
    while (cols->size() > 1 && cols->back().empty()) cols->pop_back();
    return;
  }
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    if (i >= line.size()) break;
    size_t j = i;
    while (j < line.size() && line[j] != ' ') ++j;
    cols->emplace_back(line.substr(i, j - i));
    i = j;
  }
}

bool is_blank(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t' && c != '\f' && c != '\v') return false;
  return true;
}

}  // namespace

bool ConllReader::next(ConllSentence* out, Status* status) {
  *status = Status::Ok();
  out->tokens.clear();
  out->tags.clear();
  out->first_line = 0;
  out->ended_by_blank = false;
  std::vector<std::vector<std::string>> rows;
  std::vector<size_t> row_lines;
  bool any_line = false;
  while (std::getline(in_, buf_)) {
    ++line_;
    any_line = true;
    if (!buf_.empty() && buf_.back() == '\r') buf_.pop_back();
    if (buf_.size() > kMaxLineBytes) {
      *status = Status::TooLarge("line " + std::to_string(line_) + " is longer than 1 MB");
      return false;
    }
    if (buf_.find('\0') != std::string::npos) {
      *status = Status::Unsupported("line " + std::to_string(line_) +
                                    " contains a NUL byte: binary data, not CoNLL text");
      return false;
    }
    if (is_blank(buf_)) {
      out->ended_by_blank = true;
      break;
    }
    // A '#' line before the first token of a sentence is a comment (CoNLL-U "# text = ...");
    // inside a sentence it is the token "#".
    if (buf_[0] == '#' && rows.empty()) continue;
    rows.emplace_back();
    split_columns(buf_, &rows.back());
    if (!rows.back().empty() && is_conllu_extra(rows.back()[0])) {
      rows.pop_back();
      continue;
    }
    row_lines.push_back(line_);
  }
  if (in_.bad()) {
    *status = Status::Io("read error after line " + std::to_string(line_));
    return false;
  }
  if (!any_line) return false;
  if (rows.empty() && !out->ended_by_blank) return false;  // only comments before end of input

  bool indexed = !rows.empty();
  long expected = -1;
  for (const auto& cols : rows) {
    if (cols.size() < 2 || !is_integer(cols[0])) {
      indexed = false;
      break;
    }
    const long idx = std::stol(cols[0]);
    if (expected < 0) {
      if (idx != 0 && idx != 1) {
        indexed = false;
        break;
      }
    } else if (idx != expected) {
      indexed = false;
      break;
    }
    expected = idx + 1;
  }
  const size_t token_col = indexed ? 1 : 0;
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& cols = rows[r];
    if (cols.size() <= token_col || cols[token_col].empty()) {
      *status = Status::Corrupt("line " + std::to_string(row_lines[r]) + ": empty token");
      return false;
    }
    out->tokens.push_back(cols[token_col]);
    if (cols.size() > token_col + 1) out->tags.push_back(cols.back());
  }
  if (!row_lines.empty()) out->first_line = row_lines.front();
  return true;
}

Result<std::vector<ConllSentence>> read_conll_file(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Status::NotFound(path + ": no such file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io(path + ": cannot open: " + std::strerror(errno));
  ConllReader reader(in);
  std::vector<ConllSentence> sentences;
  ConllSentence s;
  Status st;
  while (reader.next(&s, &st)) {
    if (s.tokens.empty()) continue;
    if (s.tags.size() != s.tokens.size())
      return Status::Corrupt(path + ": line " + std::to_string(s.first_line) +
                             ": sentence without a tag column on every line");
    for (size_t i = 0; i < s.tags.size(); ++i)
      if (ner::parse_tag(s.tags[i]) < 0)
        return Status::Corrupt(path + ": sentence at line " + std::to_string(s.first_line) +
                               ": unknown tag '" + s.tags[i] +
                               "' (expected O, B-X or I-X with X in PER, ORG, LOC, MISC)");
    sentences.push_back(std::move(s));
    s = ConllSentence();
  }
  if (!st.ok()) return Status(st.code(), path + ": " + st.message());
  return sentences;
}

std::vector<Chunk> extract_chunks(const std::vector<std::string>& tags) {
  std::vector<Chunk> chunks;
  bool open = false;
  Chunk cur;
  for (size_t i = 0; i < tags.size(); ++i) {
    const std::string& tag = tags[i];
    char prefix = 'O';
    std::string_view type;
    if (tag.size() > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-') {
      prefix = tag[0];
      type = std::string_view(tag).substr(2);
    }
    const bool starts = prefix == 'B' || (prefix == 'I' && (!open || cur.type != type));
    if (open && (prefix == 'O' || starts)) {
      cur.end = i;
      chunks.push_back(cur);
      open = false;
    }
    if (starts) {
      cur.begin = i;
      cur.type = std::string(type);
      open = true;
    }
  }
  if (open) {
    cur.end = tags.size();
    chunks.push_back(cur);
  }
  return chunks;
}

void NerScorer::add(const std::vector<std::string>& gold, const std::vector<std::string>& predicted) {
  const std::vector<Chunk> g = extract_chunks(gold);
  const std::vector<Chunk> p = extract_chunks(predicted);
  for (const Chunk& c : g) {
    ++overall_.gold;
    ++per_type_[c.type].gold;
  }
  for (const Chunk& c : p) {
    ++overall_.predicted;
    ++per_type_[c.type].predicted;
  }
  // Both lists are sorted by begin and chunks do not overlap: merge.
  size_t i = 0, j = 0;
  while (i < g.size() && j < p.size()) {
    if (g[i].begin < p[j].begin) {
      ++i;
    } else if (p[j].begin < g[i].begin) {
      ++j;
    } else {
      if (g[i] == p[j]) {
        ++overall_.correct;
        ++per_type_[g[i].type].correct;
      }
      ++i;
      ++j;
    }
  }
  const size_t n = std::min(gold.size(), predicted.size());
  tokens_ += gold.size();
  for (size_t k = 0; k < n; ++k) tokens_correct_ += gold[k] == predicted[k];
}

std::string NerScorer::table() const {
  std::string out;
  char line[160];
  std::snprintf(line, sizeof line, "%-6s %7s %7s %7s %9s %7s %7s\n", "type", "gold", "pred",
                "correct", "precision", "recall", "F1");
  out += line;
  auto row = [&](const std::string& name, const ChunkCounts& c) {
    std::snprintf(line, sizeof line, "%-6s %7zu %7zu %7zu %9.4f %7.4f %7.4f\n", name.c_str(), c.gold,
                  c.predicted, c.correct, c.precision(), c.recall(), c.f1());
    out += line;
  };
  for (const auto& [type, c] : per_type_) row(type, c);
  row("all", overall_);
  return out;
}

}  // namespace veille
