#include "report/render.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>
#include <vector>

namespace veille::report {

using Json = nlohmann::ordered_json;

namespace {

const char* const kMonths[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                               "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};

// The string at j[key], or "" when it is missing, null or not a string.
std::string str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

long long num(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<long long>() : 0;
}

const Json& arr(const Json& j, const char* key) {
  static const Json kEmpty = Json::array();
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : kEmpty;
}

size_t words_in(std::string_view text) {
  size_t n = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

struct YMD {
  std::string year;
  int month = 0;  // 1..12, 0 = unknown
  int day = 0;    // 1..31, 0 = unknown
};

// Reads the date part of "YYYY[-MM[-DD]]..." ("XXXX" years too); false when it is not one.
bool parse_ymd(std::string_view iso, YMD& out) {
  if (iso.size() < 4) return false;
  std::string_view y = iso.substr(0, 4);
  if (!all_digits(y) && y != "XXXX") return false;
  out.year = y == "XXXX" ? "" : std::string(y);
  if (iso.size() == 4) return !out.year.empty();
  if (iso.size() < 7 || iso[4] != '-' || !all_digits(iso.substr(5, 2))) return false;
  out.month = std::stoi(std::string(iso.substr(5, 2)));
  if (out.month < 1 || out.month > 12) return false;
  if (iso.size() >= 10 && iso[7] == '-' && all_digits(iso.substr(8, 2))) {
    out.day = std::stoi(std::string(iso.substr(8, 2)));
    if (out.day < 1 || out.day > 31) return false;
  }
  return true;
}

std::string day_name(int day) { return day == 1 ? "1er" : std::to_string(day); }

std::string percent(long long part, long long whole) {
  if (whole <= 0) return "0 %";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f %%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return buf;
}

// "Le Courrier, 3 février 2025" style label of one source.
std::string source_site(const Json& s) {
  std::string site = str(s, "site");
  if (!site.empty()) return site;
  std::string url = str(s, "url");
  auto p = url.find("://");
  if (p != std::string::npos) {
    std::string host = url.substr(p + 3);
    host = host.substr(0, host.find('/'));
    if (host.rfind("www.", 0) == 0) host = host.substr(4);
    if (!host.empty()) return host;
  }
  if (std::string author = str(s, "author"); !author.empty()) return author;
  if (std::string file = str(s, "file"); !file.empty()) return "fichier " + file;
  return "source sans nom";
}

std::string count_label(long long n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// A quotation's words for comparing two of them: typographic apostrophes made plain, closing
// punctuation and spaces at the ends dropped.
std::string quote_key(const std::string& text) {
  std::string t;
  t.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\xE2\x80\x99") == 0) {
      t += '\'';
      i += 2;
    } else {
      t += text[i];
    }
  }
  auto drop = [](char c) { return c == ' ' || c == '.' || c == ',' || c == ';' || c == '!' || c == '?'; };
  while (!t.empty() && drop(t.back())) t.pop_back();
  size_t b = 0;
  while (b < t.size() && drop(t[b])) ++b;
  return t.substr(b);
}

// Quotes grouped by speaker, speakers in order of first appearance; unattributed quotes last. A
// quotation that another one of the story contains (a source citing part of a sentence another
// source gives whole) is shown once, the longer form, under its speaker.
std::vector<std::pair<std::string, std::vector<const Json*>>> quotes_by_speaker(const Json& story) {
  std::vector<std::pair<std::string, std::vector<const Json*>>> groups;
  std::map<std::string, size_t> index;
  std::vector<std::string> keys;
  for (const auto& q : arr(story, "quotes")) keys.push_back(quote_key(str(q, "text")));
  size_t qi = 0;
  for (const auto& q : arr(story, "quotes")) {
    const size_t me = qi++;
    bool contained = keys[me].empty();
    for (size_t o = 0; o < keys.size() && !contained; ++o) {
      if (o == me || keys[o].size() < keys[me].size()) continue;
      // The same text twice: the first is kept.
      if (keys[o] == keys[me] ? o < me : keys[o].find(keys[me]) != std::string::npos) contained = true;
    }
    if (contained) continue;
    // One or two words in guillemets without a speaker are mostly a term set apart (« dangereux »),
    // not a quotation.
    if (str(q, "speaker_entity").empty() && str(q, "speaker").empty() &&
        std::count(keys[me].begin(), keys[me].end(), ' ') < 2)
      continue;
    std::string who = str(q, "speaker_entity");
    if (who.empty()) who = str(q, "speaker");
    auto [it, inserted] = index.emplace(who, groups.size());
    if (inserted) groups.push_back({who, {}});
    groups[it->second].second.push_back(&q);
  }
  std::stable_partition(groups.begin(), groups.end(), [](const auto& g) { return !g.first.empty(); });
  // Within a speaker, whole sentences before the fragments a source only half-quotes (« un premier
  // pas »): read first, a fragment lacks what it answers; order of appearance on a tie.
  for (auto& [who, quotes] : groups)
    std::stable_sort(quotes.begin(), quotes.end(), [](const Json* x, const Json* y) {
      return words_in(str(*x, "text")) > words_in(str(*y, "text"));
    });
  return groups;
}

// Timeline events a reader can place: a day or a month. A bare year ("travaux prévus en 2027")
// dates a plan or a background fact mentioned in passing, not an event of the story.
bool timeline_worthy(const Json& event) { return str(event, "value").size() >= 7; }

// The other stories of the story's thread, in the review's thread order (oldest first), as
// (id, title, first day); empty when the story is in no thread shown. The thread's own title is
// not repeated: it is one of its stories' titles.
std::vector<std::tuple<long long, std::string, std::string>> thread_neighbours(const Json& review, const Json& story) {
  std::vector<std::tuple<long long, std::string, std::string>> out;
  const long long thread = num(story, "thread");
  if (thread == 0) return out;
  for (const auto& t : arr(review, "threads")) {
    if (num(t, "id") != thread) continue;
    for (const auto& sid : arr(t, "stories")) {
      if (!sid.is_number() || sid.get<long long>() == num(story, "id")) continue;
      for (const auto& s : arr(review, "stories"))
        if (num(s, "id") == sid.get<long long>()) out.emplace_back(num(s, "id"), str(s, "title"), str(s, "first"));
    }
  }
  return out;
}

// Key people and organisations (PER and ORG), or with places == true the places (LOC), as
// "Name (n)", most mentioned first as the store gives them. Kept apart: a reader looks for who
// acts, and a list where "Havre (3)" follows the people reads as one more actor.
std::vector<std::string> key_entities(const Json& story, size_t max, bool places = false) {
  std::vector<std::string> out;
  for (const auto& e : arr(story, "entities")) {
    std::string type = str(e, "type");
    const bool wanted = places ? type == "LOC" : (type == "PER" || type == "ORG");
    if (!wanted) continue;
    out.push_back(str(e, "name") + " (" + std::to_string(num(e, "mentions")) + ")");
    if (out.size() >= max) break;
  }
  return out;
}

std::string comment_summary(const Json& story) {
  auto it = story.find("comments");
  if (it == story.end() || !it->is_object()) return "";
  long long count = num(*it, "count"), toxic = num(*it, "toxic");
  if (count == 0) return "aucun commentaire de lecteur";
  std::string out = count_label(count, "commentaire", "commentaires") + (count == 1 ? " de lecteur" : " de lecteurs");
  if (toxic == 0) return out + (count == 1 ? ", non toxique" : ", aucun toxique");
  return out + ", dont " + count_label(toxic, "toxique", "toxiques") + " (" + percent(toxic, count) + ")";
}

// Title of the source an item (summary sentence, quote, event) was drawn from, by article id.
std::string site_of_article(const Json& story, const Json& item) {
  auto it = item.find("article");
  if (it == item.end() || !it->is_number()) return "";
  for (const auto& s : arr(story, "sources"))
    if (s.value("article", -1LL) == it->get<long long>()) return source_site(s);
  return "";
}

std::string header_line(const Json& review) {
  const Json& stats = review.contains("stats") ? review["stats"] : Json::object();
  std::string line = count_label(static_cast<long long>(arr(review, "stories").size()), "histoire", "histoires") +
                     ", " + count_label(num(stats, "articles"), "article", "articles") + " de " +
                     count_label(num(stats, "sites"), "source", "sources");
  std::string range = french_range(str(stats, "first"), str(stats, "last"));
  if (!range.empty()) line += ", " + range;
  return line;
}

std::string filters_line(const Json& review) {
  std::string out;
  if (!str(review, "query").empty()) out += "recherche « " + str(review, "query") + " »";
  if (!str(review, "since").empty()) {
    if (!out.empty()) out += ", ";
    out += "depuis le " + french_date(str(review, "since"));
  }
  return out;
}

}  // namespace

std::string french_date(std::string_view iso) {
  YMD d;
  if (!parse_ymd(iso, d)) return std::string(iso);
  if (d.month == 0) return d.year;
  std::string out;
  if (d.day) out = day_name(d.day) + " ";
  out += kMonths[d.month - 1];
  if (!d.year.empty()) out += " " + d.year;
  return out;
}

std::string french_range(std::string_view first, std::string_view last) {
  if (first.empty() && last.empty()) return "";
  if (first.empty() || last.empty() || first.substr(0, 10) == last.substr(0, 10))
    return "le " + french_date(first.empty() ? last.substr(0, 10) : first.substr(0, 10));
  YMD a, b;
  if (parse_ymd(first, a) && parse_ymd(last, b) && a.day && b.day && a.year == b.year && a.month == b.month)
    return "du " + day_name(a.day) + " au " + french_date(last.substr(0, 10));
  return "du " + french_date(first.substr(0, 10)) + " au " + french_date(last.substr(0, 10));
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

// Markdown needs its own escaping for the characters that would start markup inside a line.
std::string md(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '*' || c == '_' || c == '[' || c == ']' || c == '`' || c == '<' || c == '>' || c == '#' ||
        c == '|')
      out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

}  // namespace

std::string render_markdown(const Json& review) {
  std::string out = "# " + md(str(review, "title")) + "\n\n";
  out += "_" + md(header_line(review));
  if (!filters_line(review).empty()) out += " — " + md(filters_line(review));
  out += "._\n\n";

  const Json& threads = arr(review, "threads");
  if (!threads.empty()) {
    out += "## Fils\n\n";
    for (const auto& t : threads) {
      out += "- **" + md(str(t, "title")) + "** — " + count_label(arr(t, "stories").size(), "histoire", "histoires");
      std::string range = french_range(str(t, "first"), str(t, "last"));
      if (!range.empty()) out += ", " + range;
      out += "\n";
    }
    out += "\n";
  }

  int n = 0;
  for (const auto& story : arr(review, "stories")) {
    out += "## " + std::to_string(++n) + ". " + md(str(story, "title")) + "\n\n";
    std::string meta = french_range(str(story, "first"), str(story, "last"));
    size_t sources = arr(story, "sources").size();
    meta += (meta.empty() ? "" : " · ") + count_label(sources, "source", "sources");
    out += "_" + md(meta) + "_\n\n";

    out += "**Sources**\n\n";
    for (const auto& s : arr(story, "sources")) {
      out += "- " + md(source_site(s)) + " — ";
      std::string url = str(s, "url");
      out += url.empty() ? md(str(s, "title")) : "[" + md(str(s, "title")) + "](" + url + ")";
      if (!str(s, "published").empty()) out += " (" + french_date(str(s, "published")) + ")";
      const Json& dups = arr(s, "duplicates");
      if (!dups.empty()) {
        out += " · repris par ";
        for (size_t i = 0; i < dups.size(); ++i) out += (i ? ", " : "") + md(source_site(dups[i]));
      }
      out += "\n";
    }
    out += "\n";

    auto entities = key_entities(story, 8);
    if (!entities.empty()) {
      out += "**Acteurs clés** : ";
      for (size_t i = 0; i < entities.size(); ++i) out += (i ? ", " : "") + md(entities[i]);
      out += "\n\n";
    }
    auto places = key_entities(story, 5, true);
    if (!places.empty()) {
      out += "**Lieux** : ";
      for (size_t i = 0; i < places.size(); ++i) out += (i ? ", " : "") + md(places[i]);
      out += "\n\n";
    }

    if (!arr(story, "summary").empty()) {
      out += "**En bref**\n\n";
      for (const auto& s : arr(story, "summary")) {
        out += "> " + md(str(s, "text"));
        std::string site = site_of_article(story, s);
        if (!site.empty()) out += " _(" + md(site) + ")_";
        out += "\n>\n";
      }
      out.resize(out.size() - 2);  // no trailing empty quote line
      out += "\n";
    }

    auto groups = quotes_by_speaker(story);
    if (!groups.empty()) {
      out += "**Citations**\n\n";
      for (const auto& [speaker, quotes] : groups) {
        out += "- **" + md(speaker.empty() ? "Sans auteur identifié" : speaker) + "**\n";
        for (const Json* q : quotes) {
          out += "  - « " + md(str(*q, "text")) + " »";
          std::string site = site_of_article(story, *q);
          if (!site.empty()) out += " _(" + md(site) + ")_";
          out += "\n";
        }
      }
      out += "\n";
    }

    const Json& events = arr(story, "timeline");
    if (std::any_of(events.begin(), events.end(), timeline_worthy)) {
      out += "**Chronologie**\n\n";
      for (const auto& e : events)
        if (timeline_worthy(e)) out += "- " + md(french_date(str(e, "value"))) + " — " + md(str(e, "text")) + "\n";
      out += "\n";
    }

    auto neighbours = thread_neighbours(review, story);
    if (!neighbours.empty()) {
      out += "**Dans le même fil** : ";
      for (size_t i = 0; i < neighbours.size(); ++i) {
        const auto& [id, title, first] = neighbours[i];
        out += (i ? " ; " : "") + md(title);
        if (!first.empty()) out += " (" + md(french_date(first)) + ")";
      }
      out += "\n\n";
    }

    std::string comments = comment_summary(story);
    if (!comments.empty()) out += "**Commentaires** : " + md(comments) + "\n\n";
  }
  if (n == 0) out += "Aucune histoire ne correspond.\n";
  return out;
}

namespace {

const char* kCss = R"(
:root { --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; --accent: #8a1c1c; --bg: #fff; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 52rem; padding: 1.5rem 1rem 4rem; color: var(--ink); background: var(--bg);
       font: 17px/1.55 Georgia, "DejaVu Serif", serif; }
h1 { font-size: 2rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 2rem 0 .5rem; }
h3 { font-size: 1.45rem; margin: 0 0 .25rem; line-height: 1.25; }
h4 { font: 600 .8rem/1.4 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .06em;
     color: var(--muted); margin: 1.1rem 0 .35rem; }
.meta, .lede { font: .9rem/1.5 system-ui, sans-serif; color: var(--muted); }
article.story { border-top: 3px solid var(--ink); padding-top: .9rem; margin-top: 2.2rem; break-inside: avoid-page; }
ul { padding-left: 1.2rem; margin: .3rem 0; }
li { margin: .15rem 0; }
.sources li, .entities, .timeline li, .comments, .thread { font: .92rem/1.5 system-ui, sans-serif; }
.dups { color: var(--muted); }
blockquote { margin: .4rem 0; padding: .1rem 0 .1rem .9rem; border-left: 3px solid var(--rule); }
.summary p { margin: .35rem 0; }
.src { font: .8rem system-ui, sans-serif; color: var(--muted); }
.speaker { font-weight: 600; margin-top: .5rem; }
.quote { margin: .2rem 0 .2rem 1rem; }
.timeline time { font-weight: 600; white-space: nowrap; }
a { color: var(--accent); }
nav.toc ol { font: .95rem/1.5 system-ui, sans-serif; }
@media (max-width: 40rem) { body { font-size: 16px; } h3 { font-size: 1.25rem; } }
@media print {
  body { max-width: none; font-size: 11pt; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .sources a::after { content: " <" attr(href) ">"; font-size: 8pt; color: var(--muted); word-break: break-all; }
  nav.toc { display: none; }
  article.story { break-inside: auto; }
}
)";

}  // namespace

std::string render_html(const Json& review) {
  const std::string title = str(review, "title");
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + html_escape(title) + "</title>\n<style>" + kCss + "</style>\n</head>\n<body>\n";
  out += "<header>\n<h1>" + html_escape(title) + "</h1>\n<p class=\"lede\">" + html_escape(header_line(review));
  if (!filters_line(review).empty()) out += " — " + html_escape(filters_line(review));
  if (!str(review, "generated").empty())
    out += ". Produite le " + html_escape(french_date(str(review, "generated")));
  out += ".</p>\n</header>\n";

  const Json& stories = arr(review, "stories");
  if (!stories.empty()) {
    out += "<nav class=\"toc\" aria-label=\"Sommaire\"><h2>Sommaire</h2><ol>\n";
    for (const auto& story : stories)
      out += "<li><a href=\"#story-" + std::to_string(num(story, "id")) + "\">" + html_escape(str(story, "title")) +
             "</a></li>\n";
    out += "</ol></nav>\n";
  }

  const Json& threads = arr(review, "threads");
  if (!threads.empty()) {
    out += "<section class=\"threads\"><h2>Fils</h2><ul>\n";
    for (const auto& t : threads) {
      out += "<li><strong>" + html_escape(str(t, "title")) + "</strong> — ";
      bool first = true;
      for (const auto& sid : arr(t, "stories")) {
        if (!sid.is_number()) continue;
        std::string label = "histoire " + std::to_string(sid.get<long long>());
        for (const auto& s : stories)
          if (num(s, "id") == sid.get<long long>()) label = str(s, "title");
        out += std::string(first ? "" : " ; ") + "<a href=\"#story-" + std::to_string(sid.get<long long>()) +
               "\">" + html_escape(label) + "</a>";
        first = false;
      }
      std::string range = french_range(str(t, "first"), str(t, "last"));
      if (!range.empty()) out += " <span class=\"meta\">(" + html_escape(range) + ")</span>";
      out += "</li>\n";
    }
    out += "</ul></section>\n";
  }

  out += "<main>\n";
  for (const auto& story : stories) {
    out += "<article class=\"story\" id=\"story-" + std::to_string(num(story, "id")) + "\">\n";
    out += "<h3>" + html_escape(str(story, "title")) + "</h3>\n";
    std::string meta = french_range(str(story, "first"), str(story, "last"));
    meta += (meta.empty() ? "" : " · ") + count_label(arr(story, "sources").size(), "source", "sources");
    out += "<p class=\"meta\">" + html_escape(meta) + "</p>\n";

    out += "<h4>Sources</h4>\n<ul class=\"sources\">\n";
    for (const auto& s : arr(story, "sources")) {
      out += "<li>" + html_escape(source_site(s)) + " — ";
      std::string url = str(s, "url");
      bool linkable = url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
      out += linkable ? "<a href=\"" + html_escape(url) + "\">" + html_escape(str(s, "title")) + "</a>"
                      : html_escape(str(s, "title"));
      if (!str(s, "published").empty())
        out += " <span class=\"meta\">(" + html_escape(french_date(str(s, "published"))) + ")</span>";
      const Json& dups = arr(s, "duplicates");
      if (!dups.empty()) {
        out += " <span class=\"dups\">· repris par ";
        for (size_t i = 0; i < dups.size(); ++i) out += (i ? ", " : "") + html_escape(source_site(dups[i]));
        out += "</span>";
      }
      out += "</li>\n";
    }
    out += "</ul>\n";

    auto entities = key_entities(story, 8);
    if (!entities.empty()) {
      out += "<p class=\"entities\"><strong>Acteurs clés :</strong> ";
      for (size_t i = 0; i < entities.size(); ++i) out += (i ? ", " : "") + html_escape(entities[i]);
      out += "</p>\n";
    }
    auto places = key_entities(story, 5, true);
    if (!places.empty()) {
      out += "<p class=\"entities\"><strong>Lieux :</strong> ";
      for (size_t i = 0; i < places.size(); ++i) out += (i ? ", " : "") + html_escape(places[i]);
      out += "</p>\n";
    }

    if (!arr(story, "summary").empty()) {
      out += "<h4>En bref</h4>\n<div class=\"summary\">\n";
      for (const auto& s : arr(story, "summary")) {
        out += "<p>" + html_escape(str(s, "text"));
        std::string site = site_of_article(story, s);
        if (!site.empty()) out += " <span class=\"src\">(" + html_escape(site) + ")</span>";
        out += "</p>\n";
      }
      out += "</div>\n";
    }

    auto groups = quotes_by_speaker(story);
    if (!groups.empty()) {
      out += "<h4>Citations</h4>\n";
      for (const auto& [speaker, quotes] : groups) {
        out += "<div class=\"speaker\">" + html_escape(speaker.empty() ? "Sans auteur identifié" : speaker) +
               "</div>\n";
        for (const Json* q : quotes) {
          out += "<blockquote class=\"quote\">« " + html_escape(str(*q, "text")) + " »";
          std::string site = site_of_article(story, *q);
          if (!site.empty()) out += " <span class=\"src\">(" + html_escape(site) + ")</span>";
          out += "</blockquote>\n";
        }
      }
    }

    const Json& events = arr(story, "timeline");
    if (std::any_of(events.begin(), events.end(), timeline_worthy)) {
      out += "<h4>Chronologie</h4>\n<ul class=\"timeline\">\n";
      for (const auto& e : events)
        if (timeline_worthy(e))
          out += "<li><time datetime=\"" + html_escape(str(e, "value")) + "\">" +
                 html_escape(french_date(str(e, "value"))) + "</time> — " + html_escape(str(e, "text")) + "</li>\n";
      out += "</ul>\n";
    }

    auto neighbours = thread_neighbours(review, story);
    if (!neighbours.empty()) {
      out += "<p class=\"thread\"><strong>Dans le même fil :</strong> ";
      for (size_t i = 0; i < neighbours.size(); ++i) {
        const auto& [id, title, first] = neighbours[i];
        out += std::string(i ? " ; " : "") + "<a href=\"#story-" + std::to_string(id) + "\">" + html_escape(title) + "</a>";
        if (!first.empty()) out += " <span class=\"meta\">(" + html_escape(french_date(first)) + ")</span>";
      }
      out += "</p>\n";
    }


    std::string comments = comment_summary(story);
    if (!comments.empty()) out += "<p class=\"comments\"><strong>Commentaires :</strong> " + html_escape(comments) + "</p>\n";
    out += "</article>\n";
  }
  if (stories.empty()) out += "<p>Aucune histoire ne correspond.</p>\n";
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace veille::report
