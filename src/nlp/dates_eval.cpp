#include "nlp/dates_eval.h"

namespace veille::dates {

namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

}  // namespace

Result<std::vector<TimexCase>> parse_timex_suite(std::string_view content, const std::string& name) {
  std::vector<TimexCase> out;
  int line_no = 0;
  for (std::string_view line : split(content, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    auto where = [&](const std::string& why) {
      return Status::InvalidArgument(name + ":" + std::to_string(line_no) + ": " + why);
    };
    auto cols = split(line, '\t');
    if (cols.size() < 3) return where("expected text, reference and mentions separated by tabs");
    TimexCase c;
    c.line = line_no;
    c.text = std::string(cols[0]);
    c.ref_text = std::string(cols[1]);
    if (cols[1] != "-") {
      auto r = parse_reference_date(cols[1]);
      if (!r.ok()) return where(r.status().message());
      c.ref = *r;
    }
    if (!(cols.size() == 3 && cols[2] == "-")) {
      size_t from = 0;
      for (size_t k = 2; k < cols.size(); ++k) {
        auto parts = split(cols[k], '|');
        if (parts.size() != 3 || parts[0].empty() || parts[1].empty())
          return where("mention '" + std::string(cols[k]) + "' is not surface|value|kind");
        if (parts[2] != "date" && parts[2] != "time" && parts[2] != "duration" && parts[2] != "set")
          return where("kind '" + std::string(parts[2]) + "' is not date, time, duration or set");
        size_t at = c.text.find(parts[0], from);
        if (at == std::string::npos)
          return where("surface '" + std::string(parts[0]) + "' not found in the text");
        GoldMention g;
        g.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + parts[0].size())};
        g.value = std::string(parts[1]);
        g.kind = std::string(parts[2]);
        c.gold.push_back(std::move(g));
        from = at + parts[0].size();
      }
    }
    out.push_back(std::move(c));
  }
  return out;
}

bool score_timex_case(const TimexCase& c, const std::vector<DateMention>& predicted, TimexScore& s) {
  ++s.cases;
  s.gold += static_cast<int>(c.gold.size());
  s.predicted += static_cast<int>(predicted.size());
  int strict = 0;
  for (const auto& p : predicted)
    for (const auto& g : c.gold)
      if (p.span == g.span) ++s.span_exact;
  for (const auto& g : c.gold) {
    bool value_ok = false, strict_ok = false;
    for (const auto& p : predicted) {
      bool overlap = p.span.begin < g.span.end && g.span.begin < p.span.end;
      if (overlap && p.value == g.value) value_ok = true;
      if (p.span == g.span && p.value == g.value && p.kind == g.kind) strict_ok = true;
    }
    s.value_correct += value_ok;
    s.strict_correct += strict_ok;
    strict += strict_ok;
  }
  bool exact = strict == static_cast<int>(c.gold.size()) && predicted.size() == c.gold.size();
  s.cases_exact += exact;
  return exact;
}

}  // namespace veille::dates
