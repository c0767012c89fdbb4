// Scoring of the dates stage against a test suite of time expressions (the format of
// tests/fixtures/dates/fr_timex.tsv), shared by tests/dates_test.cpp and bench/dates_bench.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "veille/dates.h"
#include "veille/status.h"

namespace veille::dates {

struct GoldMention {
  Span span;
  std::string value, kind;
};

struct TimexCase {
  int line = 0;  // 1-based line in the suite file
  std::string text;
  std::optional<DateReference> ref;
  std::string ref_text;  // as written ("-" for none)
  std::vector<GoldMention> gold;
};

// Parses a suite: '#' comment lines, then text<TAB>reference<TAB>surface|value|kind... ("-" for no
// mention). Each surface is located in the text after the previous one. Errors:
// kInvalidArgument "<name>:<line>: reason".
Result<std::vector<TimexCase>> parse_timex_suite(std::string_view content, const std::string& name);

struct TimexScore {
  int cases = 0, cases_exact = 0;       // cases with every mention right and nothing extra
  int gold = 0, predicted = 0;
  int span_exact = 0;                   // predicted spans equal to a gold span
  int value_correct = 0;                // gold mentions overlapped by a prediction with its value
  int strict_correct = 0;               // same span, same value, same kind
  double value_accuracy() const { return gold ? double(value_correct) / gold : 1.0; }
  double span_precision() const { return predicted ? double(span_exact) / predicted : 1.0; }
  double span_recall() const { return gold ? double(span_exact) / gold : 1.0; }
  double strict_accuracy() const { return gold ? double(strict_correct) / gold : 1.0; }
};

// Scores one case's predictions; adds to `score`; returns true when the case is exact.
bool score_timex_case(const TimexCase& c, const std::vector<DateMention>& predicted, TimexScore& score);

}  // namespace veille::dates
