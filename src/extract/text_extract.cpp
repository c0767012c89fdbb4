// Line classifier for flattened-text pages.
//
// A flattened page is the article framed by site chrome: maybe navigation and a title first, then
// the body (paragraphs, headings, captions, ads), then share buttons, a comment thread, a comment
// form and more chrome. The classifier works in three passes:
//  1. cues: each line on its own (text_cues.h) — known chrome phrases, ad markers, classified
//     listings, captions, comment-thread headers;
//  2. zones: where the comment thread starts and ends — at a thread header ("13 réponses",
//     "Avatar de X"), or, with no markers, at a run of blank lines after which the register turns
//     to that of readers (tutoiement, exclamations, first person, short lines);
//  3. article structure: title (a short first line), standfirst (the paragraph glued to it),
//     headings (short lines without final punctuation that introduce a paragraph), body.
// Comment lines then become records: a header opens a comment, its indentation gives the nesting,
// the author's name repeated under "Avatar de X" is dropped, the rest is the comment's text.
#include "extract/text_extract.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/text_cues.h"
#include "veille/dates.h"

namespace veille {

namespace {

using text::CommentHeader;

// Page-level shape limits.
constexpr size_t kTitleMaxChars = 200;
constexpr int kTitleMaxWords = 30;
constexpr size_t kInitialRunMax = 4;      // lines of navigation we accept before a title
constexpr int kUnmarkedGapMin = 2;        // blank lines that may separate article and comments
constexpr double kCommentLikeScore = 1.0;  // comment_register() at which a line reads as a comment
constexpr double kTailCommentShare = 0.45;  // share of comment-like lines a tail needs...
constexpr double kTailContrast = 0.2;      // ...and by how much it must exceed the article's
// Without a gap: the change point's base rate, and what the tail it finds must show.
constexpr size_t kMinArticleLines = 3;
constexpr double kStrongBaseRate = 0.3;
constexpr int kMinTailLines = 4;
constexpr double kStrongTailShare = 0.45;
constexpr double kStrongHeadShareMax = 0.1;
constexpr int kMinAddressedLines = 2;

struct Line {
  int no = 0;              // 1-based line number in the input
  std::string_view raw;    // without the line break
  std::string_view text;   // trimmed
  int indent = 0;
  int blank_before = 0;    // blank lines since the previous non-empty line (or the start)

  // Cues.
  std::optional<RemovedKind> chrome;
  bool ad_marker = false;
  text::ListingCue listing = text::ListingCue::kNone;
  bool caption = false;
  std::optional<int> count_header;
  std::optional<CommentHeader> header;
  text::RegisterCues reg;
  bool paragraph = false;  // is_paragraph_shaped

  std::optional<LineLabel> label;
  std::optional<RemovedKind> removed_kind;  // for ad / boilerplate / caption lines
  bool comment_zone = false;
  bool attribution = false;  // "• Name" under a quotation
};

std::vector<Line> split_lines(std::string_view s) {
  std::vector<Line> lines;
  int no = 0, blanks = 0;
  size_t start = 0;
  while (start <= s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) nl = s.size();
    ++no;
    std::string_view raw = s.substr(start, nl - start);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    std::string_view t = text::trim(raw);
    if (t.empty()) {
      ++blanks;
    } else {
      Line l;
      l.no = no;
      l.raw = raw;
      l.text = t;
      l.indent = text::indentation(raw);
      l.blank_before = lines.empty() ? 0 : blanks;
      lines.push_back(l);
      blanks = 0;
    }
    if (nl == s.size()) break;
    start = nl + 1;
  }
  return lines;
}

void compute_cues(std::vector<Line>& lines) {
  for (size_t i = 0; i < lines.size(); ++i) {
    Line& l = lines[i];
    l.ad_marker = text::is_ad_marker(l.text);
    l.chrome = text::boilerplate_phrase(l.text);
    l.count_header = text::comment_count_header(l.text);
    l.header = text::comment_header(l.raw);
    l.caption = text::is_caption_line(l.text);
    l.listing = text::listing_cue(l.text);
    l.reg = text::register_cues(l.text);
    l.paragraph = text::is_paragraph_shaped(l.text);
  }
  // "3. Jeanne" followed by "Jeanne": a numbered thread entry without an avatar line.
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    Line& l = lines[i];
    if (l.header || l.text.empty() || l.text[0] < '0' || l.text[0] > '9') continue;
    size_t dot = l.text.find_first_of(".)");
    if (dot == std::string_view::npos || dot > 4) continue;
    std::string_view name = text::trim(l.text.substr(dot + 1));
    if (name.empty() || text::word_count(name) > 6 || text::ends_clause(name)) continue;
    if (text::trim(lines[i + 1].text) != name) continue;
    CommentHeader h;
    h.author = std::string(name);
    h.indent = l.indent;
    h.number = std::atoi(std::string(l.text.substr(0, dot)).c_str());
    l.header = h;
  }
}

bool comment_like(const Line& l) { return l.reg.score() >= kCommentLikeScore; }

// The thread, as [begin, end) over lines; begin == end when the page has none. `marked` says
// whether its comments carry headers (author, nesting) or are bare paragraphs.
struct CommentZone {
  size_t begin = 0, end = 0;
  bool marked = false;
};

CommentZone find_marked_zone(const std::vector<Line>& lines) {
  CommentZone z;
  size_t n = lines.size();
  size_t b = n;
  for (size_t i = 0; i < n; ++i)
    if (lines[i].count_header || lines[i].header) {
      b = i;
      break;
    }
  if (b == n) return z;
  size_t e = b + 1;
  while (e < n && !(lines[e].chrome && (*lines[e].chrome == RemovedKind::kCommentForm ||
                                        *lines[e].chrome == RemovedKind::kNavigation)))
    ++e;
  z.begin = b;
  z.end = e;
  z.marked = true;
  return z;
}

// Readers' comments pasted without markers. Two cues, in order of trust:
//  - a wider run of blank lines than the article's paragraphs use, after which the register turns
//    to that of readers (a moderate share of comment-like lines suffices);
//  - with no such gap, a change point: the tail that maximises the excess of lines with strong
//    reader cues (tutoiement, exclamation, masked profanity, oral words) over a base rate, when
//    that tail is long and clearly unlike the article before it.
CommentZone find_unmarked_zone(const std::vector<Line>& lines) {
  CommentZone z;
  size_t n = lines.size();
  auto tail_end = [&](size_t i) {
    size_t e = i;
    while (e < n && !(lines[e].chrome && *lines[e].chrome != RemovedKind::kBoilerplate)) ++e;
    return e;
  };
  auto countable = [&](size_t k) { return !lines[k].chrome && !lines[k].ad_marker; };
  // Share of the article's paragraphs before line i that `like` accepts (prefix sums, so that
  // trying every split stays linear).
  auto prefix = [&](auto&& like) {
    std::vector<std::pair<int, int>> sums(n + 1);  // (paragraphs, liked) before each line
    for (size_t k = 0; k < n; ++k) {
      sums[k + 1] = sums[k];
      if (!countable(k) || !lines[k].paragraph) continue;
      ++sums[k + 1].first;
      sums[k + 1].second += like(k);
    }
    return sums;
  };
  auto share_before = [](const std::vector<std::pair<int, int>>& sums, size_t i) {
    return sums[i].first ? double(sums[i].second) / sums[i].first : 0.0;
  };
  auto soft = [&](size_t k) { return comment_like(lines[k]); };
  auto strong = [&](size_t k) { return lines[k].reg.strong(); };
  const auto soft_sums = prefix(soft);
  const auto strong_sums = prefix(strong);

  std::vector<int> gaps;  // gaps between the lines before i, kept sorted
  for (size_t i = 2; i < n; ++i) {
    gaps.insert(std::upper_bound(gaps.begin(), gaps.end(), lines[i - 1].blank_before),
                lines[i - 1].blank_before);
    if (lines[i].blank_before < kUnmarkedGapMin) continue;
    // The article's usual gap: the median of the gaps before i.
    if (lines[i].blank_before <= gaps[gaps.size() / 2]) continue;
    size_t e = tail_end(i);
    int tail = 0, tail_like = 0;
    for (size_t k = i; k < e; ++k) {
      if (!countable(k)) continue;
      ++tail;
      tail_like += soft(k);
    }
    if (tail == 0) continue;
    double tail_share = double(tail_like) / tail;
    if (tail_share >= kTailCommentShare && tail_share >= share_before(soft_sums, i) + kTailContrast) {
      z.begin = i;
      z.end = e;
      return z;
    }
  }

  // Change point over the lines before the first form / navigation line.
  size_t e = tail_end(0);
  double best = 0;
  size_t best_start = e;
  double gain = 0;
  for (size_t s = e; s-- > kMinArticleLines;) {
    if (!countable(s)) continue;
    gain += (strong(s) ? 1.0 : 0.0) - kStrongBaseRate;
    if (gain > best) {
      best = gain;
      best_start = s;
    }
  }
  if (best_start >= e) return z;
  int tail = 0, tail_strong = 0, tail_addressed = 0;
  for (size_t k = best_start; k < e; ++k) {
    if (!countable(k)) continue;
    ++tail;
    tail_strong += strong(k);
    tail_addressed += lines[k].reg.addressed();
  }
  double share = tail ? double(tail_strong) / tail : 0.0;
  // Exclamations alone also mark blogs and advertorials; readers talking to each other do not.
  if (tail >= kMinTailLines && share >= kStrongTailShare && tail_addressed >= kMinAddressedLines &&
      share_before(strong_sums, best_start) <= kStrongHeadShareMax) {
    z.begin = best_start;
    z.end = e;
  }
  return z;
}

void set_removed(Line& l, LineLabel label, RemovedKind kind) {
  l.label = label;
  l.removed_kind = kind;
}

// Labels lines that a cue decides on its own.
void label_by_cues(std::vector<Line>& lines, const CommentZone& zone) {
  for (size_t i = 0; i < lines.size(); ++i) {
    Line& l = lines[i];
    bool in_zone = i >= zone.begin && i < zone.end;
    l.comment_zone = in_zone;
    if (l.ad_marker) set_removed(l, LineLabel::kAd, RemovedKind::kAd);
    else if (l.chrome) set_removed(l, LineLabel::kBoilerplate, *l.chrome);
    else if (in_zone) l.label = LineLabel::kComment;
    else if (l.caption) set_removed(l, LineLabel::kCaption, RemovedKind::kCaption);
    else if (l.listing == text::ListingCue::kPrice) set_removed(l, LineLabel::kAd, RemovedKind::kAd);
  }
  // Classified listings: postcode lines and short lines next to a priced line (or to a line already
  // drawn into the listing) belong to it. Repeat until the listing stops growing.
  auto is_ad = [&](size_t k) { return lines[k].label == LineLabel::kAd && !lines[k].ad_marker; };
  for (bool grew = true; grew;) {
    grew = false;
    for (size_t i = 0; i < lines.size(); ++i) {
      Line& l = lines[i];
      if (l.label || l.comment_zone) continue;
      bool prev = i > 0 && is_ad(i - 1), next = i + 1 < lines.size() && is_ad(i + 1);
      bool joins = (l.listing == text::ListingCue::kPostcode && (prev || next)) ||
                   (!text::is_paragraph_shaped(l.text) && prev && next);
      if (joins) {
        set_removed(l, LineLabel::kAd, RemovedKind::kAd);
        grew = true;
      }
    }
  }
}

// Title, standfirst, headings and body among the lines no cue decided, before the thread.
bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

bool is_upper_initial(std::string_view word) {
  if (word.empty()) return false;
  unsigned char c = static_cast<unsigned char>(word[0]);
  if (c >= 'A' && c <= 'Z') return true;
  // Accented capitals (É, À, Ç, ...) are two-byte sequences starting 0xC3 0x80..0x9E.
  return c == 0xC3 && word.size() > 1 && static_cast<unsigned char>(word[1]) >= 0x80 &&
         static_cast<unsigned char>(word[1]) <= 0x9E;
}

// Author names of a byline's "Par X" part: "Anaïs Roche", "Jean de La Tour et Marie Le Goff".
// Empty when the words do not read as names (a sentence that happens to start with "Par").
std::vector<std::string> byline_authors(std::string_view part) {
  std::vector<std::string> authors;
  std::string current;
  int words = 0;
  auto flush = [&] {
    if (!current.empty()) authors.push_back(current);
    current.clear();
    words = 0;
  };
  size_t i = 0;
  while (i < part.size()) {
    size_t j = part.find(' ', i);
    if (j == std::string_view::npos) j = part.size();
    std::string_view w = part.substr(i, j - i);
    i = j + 1;
    if (w.empty()) continue;
    if (w == "et" || w == "avec") {
      flush();
      continue;
    }
    bool particle = w == "de" || w == "du" || w == "des" || w == "d’" || w == "d'" || w == "van" || w == "von";
    if (!particle && !is_upper_initial(w)) return {};
    if (++words > 5) return {};
    if (!current.empty()) current += ' ';
    current += w;
  }
  flush();
  return authors;
}

// A byline under the title: "Par Anaïs Roche, le 17/11/2026 à 07h30", "Par Aurélie Fauvel, publié
// le jeudi 12 novembre 2026 à 16 h 00", "Publié le 5 novembre 2026". Fills authors and the
// published date (the first full calendar date of the line) when the page has none yet.
bool read_byline(std::string_view line, Document& doc) {
  if (line.size() > 200) return false;
  std::vector<std::string> authors;
  std::string_view rest = line;
  if (starts_with(line, "Par ") || starts_with(line, "par ")) {
    std::string_view names = line.substr(4);
    size_t cut = names.size();
    for (std::string_view sep : {",", " - ", " – ", " | ", " le ", " publié", " Publié", " mis à jour"}) {
      size_t p = names.find(sep);
      if (p != std::string_view::npos) cut = std::min(cut, p);
    }
    authors = byline_authors(names.substr(0, cut));
    if (authors.empty()) return false;
    rest = names.substr(cut);
  } else if (!starts_with(line, "Publié le ") && !starts_with(line, "Mis à jour le ") &&
             !starts_with(line, "Publié :")) {
    return false;
  }
  std::optional<std::string> published;
  for (const DateMention& d : find_dates(rest, std::nullopt)) {
    const std::string& v = d.value;
    if (v.size() >= 10 && v[4] == '-' && v[7] == '-' && v[0] != 'X') {
      published = v.size() > 10 && v[10] == 'T' ? v.substr(0, 16) : v.substr(0, 10);
      break;
    }
  }
  if (authors.empty() && !published) return false;
  if (doc.authors.empty()) doc.authors = std::move(authors);
  if (!doc.published && published) doc.published = std::move(published);
  return true;
}

void label_article(std::vector<Line>& lines, const CommentZone& zone, Document& doc) {
  size_t article_end = zone.begin < zone.end ? zone.begin : lines.size();
  std::vector<size_t> open;  // undecided lines of the article zone, in order
  for (size_t i = 0; i < article_end; ++i)
    if (!lines[i].label) open.push_back(i);
  // Undecided lines after the thread are site chrome (related links, footers).
  for (size_t i = article_end; i < lines.size(); ++i)
    if (!lines[i].label) set_removed(lines[i], LineLabel::kBoilerplate, RemovedKind::kBoilerplate);
  if (open.empty()) return;

  // Title: among the heading-shaped lines that open the page, the longest (breadcrumbs and section
  // names are shorter); the ones before it are navigation, the ones after it headings.
  size_t run = 0;
  while (run < open.size() && run < kInitialRunMax &&
         text::is_heading_shaped(lines[open[run]].text, kTitleMaxChars, kTitleMaxWords))
    ++run;
  size_t first_body = 0;  // index into open
  std::optional<size_t> title;
  if (run > 0 && run < open.size()) {
    size_t best = 0;
    for (size_t k = 1; k < run; ++k)
      if (text::char_count(lines[open[k]].text) > text::char_count(lines[open[best]].text)) best = k;
    for (size_t k = 0; k < best; ++k)
      set_removed(lines[open[k]], LineLabel::kBoilerplate, RemovedKind::kNavigation);
    title = open[best];
    lines[*title].label = LineLabel::kTitle;
    doc.title = std::string(lines[*title].text);
    first_body = best + 1;
    // Bylines among the few lines under the title: read, then removed from the body.
    for (size_t k = best + 1; k < open.size() && k <= best + 3; ++k) {
      if (read_byline(lines[open[k]].text, doc))
        set_removed(lines[open[k]], LineLabel::kBoilerplate, RemovedKind::kBoilerplate);
    }
    // Standfirst: a paragraph glued to the title (no blank line, nothing in between).
    size_t next = open[best + 1];
    if (!lines[next].label && next == *title + 1 && lines[next].blank_before == 0 && text::is_paragraph_shaped(lines[next].text) &&
        !text::is_heading_shaped(lines[next].text)) {
      lines[next].label = LineLabel::kStandfirst;
      first_body = best + 2;
    }
  }
  std::string folded_title = title ? text::fold(lines[*title].text) : std::string();
  auto repeats_title = [&](const Line& l) {
    // Lengths first: folding every line of a long page would cost more than the comparison.
    size_t a = l.text.size(), b = title ? lines[*title].text.size() : 0;
    return title && 4 * a >= 3 * b && 3 * a <= 4 * b && text::fold(l.text) == folded_title;
  };

  for (size_t k = first_body; k < open.size(); ++k) {
    Line& l = lines[open[k]];
    if (l.label) continue;  // a byline
    if (repeats_title(l)) {
      set_removed(l, LineLabel::kBoilerplate, RemovedKind::kDuplicateTitle);
      continue;
    }
    // A bullet under a quotation names its speaker.
    if (text::is_bullet(l.text) && k > 0 && text::is_quotation(lines[open[k - 1]].text) &&
        text::word_count(text::strip_bullet(l.text)) <= 6) {
      l.label = LineLabel::kBody;
      l.attribution = true;
      continue;
    }
    bool paragraph_follows = false;
    for (size_t j = k + 1; j < open.size(); ++j) {
      const Line& n = lines[open[j]];
      if (repeats_title(n)) continue;
      paragraph_follows = n.paragraph || text::is_bullet(n.text);
      break;
    }
    if (text::is_heading_shaped(l.text)) {
      // A short line that introduces a paragraph is a heading; one that introduces nothing is
      // leftover chrome (a tag, a related link) once the body has started.
      if (paragraph_follows) l.label = LineLabel::kHeading;
      else if (k + 1 == open.size() && k > first_body) set_removed(l, LineLabel::kBoilerplate, RemovedKind::kBoilerplate);
      else l.label = LineLabel::kHeading;
      continue;
    }
    l.label = LineLabel::kBody;
  }
}

std::string join_comment_text(const std::vector<std::string_view>& parts) {
  std::string out;
  for (auto p : parts) {
    if (!out.empty()) out += '\n';
    out += p;
  }
  return out;
}

// Comment records from the thread's lines.
void build_comments(const std::vector<Line>& lines, const CommentZone& zone, Document& doc) {
  if (zone.begin >= zone.end) return;
  struct Open {
    Comment c;
    std::vector<std::string_view> parts;
  };
  std::vector<Open> records;
  std::vector<std::pair<int, int>> stack;  // (indent, id) of the comments that may be replied to
  auto start = [&](std::optional<std::string> author, int indent) {
    Open o;
    o.c.id = static_cast<int>(records.size()) + 1;
    o.c.author = std::move(author);
    while (!stack.empty() && stack.back().first >= indent) stack.pop_back();
    if (!stack.empty()) o.c.parent = stack.back().second;
    stack.push_back({indent, o.c.id});
    records.push_back(std::move(o));
  };

  bool any_blank_inside = false;
  for (size_t i = zone.begin + 1; i < zone.end; ++i)
    if (lines[i].blank_before > 0) any_blank_inside = true;

  for (size_t i = zone.begin; i < zone.end; ++i) {
    const Line& l = lines[i];
    if (l.label != LineLabel::kComment) continue;
    if (l.count_header) continue;
    if (zone.marked && l.header) {
      start(l.header->author, l.header->indent);
      // The author's name repeated under the avatar, then maybe a date.
      size_t j = i + 1;
      if (j < zone.end && text::trim(lines[j].text) == l.header->author) i = j++;
      if (j < zone.end) {
        if (auto d = text::parse_french_date(lines[j].text)) {
          records.back().c.date = *d;
          i = j;
        }
      }
      continue;
    }
    if (records.empty() || (!zone.marked && (!any_blank_inside || l.blank_before > 0))) {
      // Unmarked comments: one per paragraph, or one per line when nothing separates them.
      start(std::nullopt, zone.marked ? 0 : 1 << 20);
      stack.clear();
    }
    records.back().parts.push_back(l.text);
  }
  for (auto& o : records) {
    o.c.text = join_comment_text(o.parts);
    doc.comments.push_back(std::move(o.c));
  }
}

void build_body(const std::vector<Line>& lines, Document& doc) {
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (!l.label) continue;
    switch (*l.label) {
      case LineLabel::kTitle:
      case LineLabel::kComment:
        break;
      case LineLabel::kStandfirst:
        doc.body.push_back({BlockKind::kParagraph, std::string(l.text), {}});
        break;
      case LineLabel::kHeading:
        doc.body.push_back({BlockKind::kHeading, std::string(l.text), {}});
        break;
      case LineLabel::kBody:
        if (l.attribution && !doc.body.empty()) {
          Block& quote = doc.body.back();
          quote.kind = BlockKind::kQuote;
          quote.text += "\n— ";
          quote.text += text::strip_bullet(l.text);
        } else if (text::is_bullet(l.text)) {
          if (!doc.body.empty() && doc.body.back().kind == BlockKind::kList && i > 0 &&
              lines[i - 1].label == LineLabel::kBody && text::is_bullet(lines[i - 1].text) &&
              !lines[i - 1].attribution) {
            doc.body.back().text += "\n";
            doc.body.back().text += text::strip_bullet(l.text);
          } else {
            doc.body.push_back({BlockKind::kList, std::string(text::strip_bullet(l.text)), {}});
          }
        } else {
          doc.body.push_back({text::is_quotation(l.text) ? BlockKind::kQuote : BlockKind::kParagraph,
                              std::string(l.text), {}});
        }
        break;
      case LineLabel::kAd:
      case LineLabel::kBoilerplate:
      case LineLabel::kCaption: {
        RemovedKind kind = l.removed_kind.value_or(RemovedKind::kBoilerplate);
        // Adjacent lines of one kind are one removed block (an ad listing, a comment form).
        if (i > 0 && lines[i - 1].removed_kind == kind && lines[i - 1].label == l.label &&
            !doc.removed.empty() && doc.removed.back().kind == kind && l.blank_before <= 1) {
          doc.removed.back().text += "\n";
          doc.removed.back().text += l.text;
        } else {
          doc.removed.push_back({kind, std::string(l.text)});
        }
        break;
      }
    }
  }
}

}  // namespace

Status extract_text(const RawPage& page, const ExtractOptions& options, Document& doc) {
  std::vector<Line> lines = split_lines(page.content);
  compute_cues(lines);
  CommentZone zone = find_marked_zone(lines);
  if (zone.begin >= zone.end) zone = find_unmarked_zone(lines);
  label_by_cues(lines, zone);
  label_article(lines, zone, doc);
  for (auto& l : lines)
    if (!l.label) l.label = LineLabel::kBody;
  build_comments(lines, zone, doc);
  build_body(lines, doc);
  if (doc.lang.empty()) doc.lang = "und";
  if (options.explain) {
    doc.lines.reserve(lines.size());
    for (const auto& l : lines) doc.lines.push_back({l.no, *l.label});
  }
  return Status::Ok();
}

}  // namespace veille
