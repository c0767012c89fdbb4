#include "nlp/quotes_marks.h"

#include <algorithm>

namespace veille::quotes {

namespace {

enum class MarkKind { kGuillemet, kCurly, kSingle, kStraight };
enum class Role { kOpen, kClose, kEither };

struct Mark {
  MarkKind kind;
  Role role;
  uint32_t size;  // bytes
};

// The mark starting at text[i], if any.
bool mark_at(std::string_view t, size_t i, Mark& m) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c == '"') {
    m = {MarkKind::kStraight, Role::kEither, 1};
    return true;
  }
  if (c == 0xC2 && i + 1 < t.size()) {
    unsigned char d = static_cast<unsigned char>(t[i + 1]);
    if (d == 0xAB) { m = {MarkKind::kGuillemet, Role::kOpen, 2}; return true; }
    if (d == 0xBB) { m = {MarkKind::kGuillemet, Role::kClose, 2}; return true; }
    return false;
  }
  if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(t[i + 2]);
    switch (d) {
      case 0x9C: m = {MarkKind::kCurly, Role::kOpen, 3}; return true;   // “
      case 0x9E: m = {MarkKind::kCurly, Role::kOpen, 3}; return true;   // „
      case 0x9D: m = {MarkKind::kCurly, Role::kClose, 3}; return true;  // ”
      case 0xB9: m = {MarkKind::kSingle, Role::kOpen, 3}; return true;  // ‹
      case 0xBA: m = {MarkKind::kSingle, Role::kClose, 3}; return true; // ›
      default: return false;
    }
  }
  return false;
}

// Length of the space (ASCII space or tab, U+00A0, U+202F, U+2009) at text[i], or 0.
size_t space_at(std::string_view t, size_t i) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c == ' ' || c == '\t') return 1;
  if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(t[i + 2]);
    if (d == 0xAF || d == 0x89) return 3;
  }
  return 0;
}

bool is_space_before(std::string_view t, size_t end) {
  // Is the character ending at `end` (exclusive) a space or newline?
  if (end == 0) return true;
  unsigned char c = static_cast<unsigned char>(t[end - 1]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return true;
  if (end >= 2 && static_cast<unsigned char>(t[end - 2]) == 0xC2 && c == 0xA0) return true;
  if (end >= 3 && static_cast<unsigned char>(t[end - 3]) == 0xE2 &&
      static_cast<unsigned char>(t[end - 2]) == 0x80 && (c == 0xAF || c == 0x89))
    return true;
  return false;
}

// A straight quote may open when what precedes is a boundary and a word follows.
bool straight_can_open(std::string_view t, size_t i) {
  bool before = i == 0 || is_space_before(t, i) || std::string_view("([{-–—/:").find(t[i - 1]) != std::string_view::npos ||
                (i >= 2 && static_cast<unsigned char>(t[i - 2]) == 0xC2 && static_cast<unsigned char>(t[i - 1]) == 0xAB);
  bool after = i + 1 < t.size() && t[i + 1] != ' ' && t[i + 1] != '\n' && t[i + 1] != '\t';
  return before && after;
}

bool straight_can_close(std::string_view t, size_t i) {
  return i > 0 && !is_space_before(t, i);
}

struct Open {
  MarkKind kind;
  uint32_t pos;
  uint32_t size;
};

struct Pair {
  uint32_t open, open_size, close, close_size;
};

}  // namespace

std::vector<MarkedQuote> find_marked_quotes(std::string_view text) {
  if (text.size() > UINT32_MAX) text = text.substr(0, UINT32_MAX);
  std::vector<Pair> pairs;
  std::vector<Open> stack;
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    char c = text[i];
    if (c == '\n') {
      // A paragraph break: two or more line breaks, possibly with spaces between.
      size_t j = i, breaks = 0;
      while (j < n) {
        if (text[j] == '\n') ++breaks, ++j;
        else if (text[j] == '\r') ++j;
        else if (size_t s = space_at(text, j)) j += s;
        else break;
      }
      if (breaks >= 2 && !stack.empty()) {
        Mark m{};
        bool continues = j < n && mark_at(text, j, m) && m.role == Role::kOpen && m.kind == stack.front().kind;
        Open bottom = stack.front();
        stack.clear();
        if (continues) {
          stack.push_back(bottom);  // the repeated opener belongs to the quotation
          j += m.size;
        }
      }
      i = j;
      continue;
    }
    Mark m{};
    if (!mark_at(text, i, m)) {
      ++i;
      continue;
    }
    const uint32_t pos = static_cast<uint32_t>(i);
    Role role = m.role;
    if (role == Role::kEither) {
      bool top_straight = false;
      for (size_t k = stack.size(); k-- > 0;)
        if (stack[k].kind == MarkKind::kStraight) {
          top_straight = true;
          break;
        }
      if (top_straight && straight_can_close(text, i)) role = Role::kClose;
      else if (straight_can_open(text, i)) role = Role::kOpen;
      else if (top_straight) role = Role::kClose;
      else {
        i += m.size;
        continue;
      }
    }
    if (role == Role::kOpen) {
      if (stack.size() < kMaxOpenMarks) stack.push_back({m.kind, pos, m.size});
    } else {
      for (size_t k = stack.size(); k-- > 0;) {
        if (stack[k].kind != m.kind) continue;
        pairs.push_back({stack[k].pos, stack[k].size, pos, m.size});
        stack.resize(k);  // openers left inside the pair are unmatched
        break;
      }
    }
    i += m.size;
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.open < b.open; });
  std::vector<MarkedQuote> out;
  uint32_t covered = 0;
  for (const Pair& p : pairs) {
    if (!out.empty() && p.open < covered) continue;  // nested in the previous outer quotation
    uint32_t b = p.open + p.open_size, e = p.close;
    while (b < e) {
      size_t s = space_at(text, b);
      if (!s && text[b] != '\n' && text[b] != '\r') break;
      b += static_cast<uint32_t>(s ? s : 1);
    }
    while (e > b && is_space_before(text, e)) {
      unsigned char last = static_cast<unsigned char>(text[e - 1]);
      e -= last == 0xA0 ? 2 : (last == 0xAF || last == 0x89) ? 3 : 1;
    }
    covered = p.close + p.close_size;
    if (b >= e) continue;
    out.push_back({p.open, b, e, covered});
  }
  return out;
}

}  // namespace veille::quotes
