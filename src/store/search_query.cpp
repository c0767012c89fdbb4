// User search queries -> FTS5 MATCH expressions. Every word or phrase goes to FTS5 as a quoted
// string (FTS5 then runs our tokenizer on it), and the only operators are the ones written here,
// so no input can produce an FTS5 syntax error or reach FTS5's column filters and prefixes.
#include <string>
#include <vector>

#include "veille/store.h"

namespace veille {

namespace {

constexpr size_t kMaxQueryBytes = 2000;
constexpr size_t kMaxItems = 64;

struct Item {
  std::string text;  // the words, as typed
  bool phrase = false;
  bool negated = false;
  bool is_or = false;  // the OR operator
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else out += c;
  }
  return out + "\"";
}

bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size() || (n == 2 && c < 0xC2) || (n == 4 && c > 0xF4)) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    if (n == 3) {
      auto c1 = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) return false;  // overlong, surrogate
    }
    if (n == 4) {
      auto c1 = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) return false;
    }
    i += n;
  }
  return true;
}

}  // namespace

Result<std::string> translate_search_query(std::string_view raw) {
  if (raw.size() > kMaxQueryBytes)
    return Status::InvalidArgument("search query too long (" + std::to_string(raw.size()) +
                                   " bytes; at most " + std::to_string(kMaxQueryBytes) + ")");
  if (!valid_utf8(raw)) return Status::InvalidArgument("search query is not valid UTF-8");
  // Control characters (NUL above all: SQLite would end the FTS5 string there) are spaces.
  std::string cleaned(raw);
  for (char& c : cleaned)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  std::string_view q = cleaned;
  std::vector<Item> items;
  size_t i = 0;
  while (i < q.size()) {
    if (is_space(q[i])) {
      ++i;
      continue;
    }
    Item item;
    if (q[i] == '-' && i + 1 < q.size() && !is_space(q[i + 1])) {
      item.negated = true;
      ++i;
    }
    if (q[i] == '"') {
      size_t close = q.find('"', i + 1);
      if (close == std::string_view::npos)
        return Status::InvalidArgument("unbalanced quote in search query: a phrase is written \"like this\"");
      item.text = std::string(q.substr(i + 1, close - i - 1));
      item.phrase = true;
      i = close + 1;
    } else {
      size_t end = i;
      while (end < q.size() && !is_space(q[end]) && q[end] != '"') ++end;
      item.text = std::string(q.substr(i, end - i));
      i = end;
      if (!item.negated && item.text == "OR") item.is_or = true;
    }
    if (!item.is_or && search_terms(item.text).empty()) continue;  // punctuation only: nothing to find
    items.push_back(std::move(item));
    if (items.size() > kMaxItems)
      return Status::InvalidArgument("search query has too many words (at most " + std::to_string(kMaxItems) + ")");
  }

  // Positive items grouped by OR; exclusions apart.
  std::vector<std::vector<const Item*>> groups;
  std::vector<const Item*> excluded;
  bool pending_or = false;
  for (size_t k = 0; k < items.size(); ++k) {
    const Item& it = items[k];
    if (it.is_or) {
      if (groups.empty() || pending_or || k + 1 == items.size() || items[k + 1].is_or)
        return Status::InvalidArgument("OR needs a word or a phrase on each side");
      if (items[k - 1].negated || items[k + 1].negated)
        return Status::InvalidArgument("OR cannot join an exclusion (-word)");
      pending_or = true;
      continue;
    }
    if (it.negated) {
      excluded.push_back(&it);
      continue;
    }
    if (pending_or) groups.back().push_back(&it);
    else groups.push_back({&it});
    pending_or = false;
  }
  if (groups.empty())
    return Status::InvalidArgument(excluded.empty() ? "search query has no word to search for"
                                                    : "search query has only exclusions: add a word to search for");

  std::string expr;
  for (const auto& g : groups) {
    std::string part;
    for (const Item* it : g) part += (part.empty() ? "" : " OR ") + quoted(it->text);
    part = "(" + part + ")";
    expr = expr.empty() ? part : "(" + expr + " AND " + part + ")";
  }
  for (const Item* it : excluded) expr = "(" + expr + " NOT " + quoted(it->text) + ")";
  return expr;
}

}  // namespace veille
