// Article and story profiles, story and thread similarity, and their BLOB encoding.
//
// A story is one event told by many sources over a few days; a thread is a run of stories about
// the same actors over weeks. Both are decided from three kinds of evidence:
//  - key terms: TF-IDF of stemmed words outside entity mentions (what happened: "appel",
//    "sommet", "pourparlers"), the title counted twice;
//  - entities: canonical entity ids, PER/ORG/LOC weighted above MISC (who and where), by salience
//    (title and lead count more);
//  - time: the published day and the full dates mentioned (event days).
// Stories weigh terms above entities (the actors of a thread are shared by all its stories), but
// two main places that contradict each other (the same kind of event in two towns) nearly veto
// one story; threads weigh entities (actors double) above terms and need a shared person or
// places that do not contradict.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cmath>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "nlp/tokenize.h"
#include "veille/corpus.h"

namespace veille::corpus {
namespace {

constexpr size_t kArticleTerms = 100;
constexpr size_t kArticleEntities = 30;
constexpr size_t kStoryTerms = 200;
constexpr size_t kStoryEntities = 60;
constexpr size_t kStoryEventDays = 16;

// Weight of an entity type in a profile: MISC (nationalities, events, works) says little about
// which story an article belongs to.
float type_weight(std::string_view id) {
  if (id.rfind("MISC:", 0) == 0) return 0.3f;
  return 1.0f;
}

using Vec = std::vector<std::pair<std::string, float>>;

void sort_by_weight(Vec& v) {
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
}

void keep_top_normalised(Vec& v, size_t k) {
  sort_by_weight(v);
  if (v.size() > k) v.resize(k);
  double norm = 0;
  for (const auto& [t, w] : v) norm += static_cast<double>(w) * w;
  norm = std::sqrt(norm);
  if (norm > 0)
    for (auto& [t, w] : v) w = static_cast<float>(w / norm);
}

Vec from_map(const std::unordered_map<std::string, double>& m) {
  Vec v;
  v.reserve(m.size());
  for (const auto& [t, w] : m)
    if (w > 0) v.emplace_back(t, static_cast<float>(w));
  return v;
}

// Plain dot product: with unit article vectors and a story centroid that is the mean of its
// members' unit vectors, a . centroid is the mean cosine of a with the members (average link),
// which does not grow as a story gathers articles the way the centroid's cosine would.
double dot(const Vec& a, const Vec& b) {
  if (a.empty() || b.empty()) return 0;
  std::unordered_map<std::string_view, float> index;
  index.reserve(b.size());
  for (const auto& [t, w] : b) index.emplace(t, w);
  double d = 0;
  for (const auto& [t, w] : a) {
    auto it = index.find(t);
    if (it != index.end()) d += static_cast<double>(w) * it->second;
  }
  return d;
}

uint8_t weekday_bit(int32_t day) {  // 1970-01-01 was a Thursday
  const int wd = ((day % 7) + 7 + 3) % 7;  // 0 = Monday
  return static_cast<uint8_t>(1u << wd);
}

// Weekday of a TIMEX-style value with a week part ("XXXX-WXX-3", "2025-W07-3TEV"), as a bit.
uint8_t weekday_of_value(std::string_view v) {
  size_t w = v.find("-W");
  if (w == std::string_view::npos || w + 6 > v.size() || v[w + 4] != '-') return 0;
  const char d = v[w + 5];
  if (d < '1' || d > '7') return 0;
  return static_cast<uint8_t>(1u << (d - '1'));
}

double cosine(const Vec& a, const Vec& b) {
  if (a.empty() || b.empty()) return 0;
  std::unordered_map<std::string_view, float> index;
  index.reserve(b.size());
  double nb = 0, na = 0, dot = 0;
  for (const auto& [t, w] : b) {
    index.emplace(t, w);
    nb += static_cast<double>(w) * w;
  }
  for (const auto& [t, w] : a) {
    na += static_cast<double>(w) * w;
    auto it = index.find(t);
    if (it != index.end()) dot += static_cast<double>(w) * it->second;
  }
  if (na <= 0 || nb <= 0) return 0;
  return dot / std::sqrt(na * nb);
}

// Days between a day and a closed range of days (0 inside it).
int32_t gap_days(int32_t day, int32_t first, int32_t last) {
  if (day < first) return first - day;
  if (day > last) return day - last;
  return 0;
}

bool share_day(const std::vector<int32_t>& a, const std::vector<int32_t>& b) {
  for (int32_t d : a)
    if (std::find(b.begin(), b.end(), d) != b.end()) return true;
  return false;
}

// ---- Places: where an event happened tells two events of one kind apart ("un incendie à Brest",
// "un incendie à Lyon"): their key terms are the same, their towns are not.

// The main place of an entity vector sorted by weight (a profile's or a story's): its heaviest
// LOC entity when it stands clearly above the next LOC (the town of a local story, named in its
// title and lead), else none (a text listing several places has no single one).
constexpr float kMainPlaceLead = 1.5f;

const std::pair<std::string, float>* main_place(const Vec& entities) {
  const std::pair<std::string, float>* top = nullptr;
  for (const auto& e : entities) {
    if (e.first.rfind("LOC:", 0) != 0) continue;
    if (top == nullptr) {
      top = &e;
      continue;
    }
    return top->second >= kMainPlaceLead * e.second ? top : nullptr;
  }
  return top;
}

float weight_of(const Vec& v, std::string_view id) {
  for (const auto& [t, w] : v)
    if (t == id) return w;
  return 0;
}

// A place's id without "LOC:" and a leading article: the tagger names "Le Havre" LOC:le-havre or
// LOC:havre depending on how the page wrote it ("au Havre"), and the two must not contradict.
std::string_view place_key(std::string_view id) {
  if (id.rfind("LOC:", 0) == 0) id.remove_prefix(4);
  for (std::string_view article : {"le-", "la-", "les-", "l-"})
    if (id.size() > article.size() && id.rfind(article, 0) == 0) return id.substr(article.size());
  return id;
}

// The weight of a place in an entity vector, its spellings with and without article together.
float place_weight(const Vec& v, std::string_view id) {
  const std::string_view key = place_key(id);
  float w = 0;
  for (const auto& [t, x] : v)
    if (t.rfind("LOC:", 0) == 0 && place_key(t) == key) w += x;
  return w;
}

// Similarity is multiplied by this when the places contradict.
constexpr double kPlaceContradiction = 0.25;
// A place weighing less than this fraction of a story's main place was named by few of its
// articles (in passing, or by one article that joined it wrongly).
constexpr float kStoryPlaceMinor = 0.25f;

// The main person of an entity vector sorted by weight: its heaviest PER entity when it stands
// clearly above the next PER, else none.
const std::pair<std::string, float>* main_person(const Vec& entities) {
  const std::pair<std::string, float>* top = nullptr;
  for (const auto& e : entities) {
    if (e.first.rfind("PER:", 0) != 0) continue;
    if (top == nullptr) {
      top = &e;
      continue;
    }
    return top->second >= kMainPlaceLead * e.second ? top : nullptr;
  }
  return top;
}

// Whether an article and a story are about two different main people, neither naming the other's
// (the article not at all, the story's articles at most in passing). Weaker evidence than places:
// two papers may quote two people about one event, so it only lowers the similarity.
bool persons_contradict(const Vec& article, const Vec& story) {
  const auto* pa = main_person(article);
  const auto* ps = main_person(story);
  if (pa == nullptr || ps == nullptr || pa->first == ps->first) return false;
  if (weight_of(article, ps->first) > 0) return false;
  return weight_of(story, pa->first) < kStoryPlaceMinor * ps->second;
}
// Similarity is multiplied by this when the main people contradict.
constexpr double kPersonContradiction = 0.6;


// The heaviest LOC entity of a vector sorted by weight, or none.
const std::pair<std::string, float>* top_place(const Vec& entities) {
  for (const auto& e : entities)
    if (e.first.rfind("LOC:", 0) == 0) return &e;
  return nullptr;
}

// Whether an article and a story happened in two different places: the article has a main place,
// the story's articles name it at most in passing, and the article does not name the story's
// heaviest place at all. Two towns as the main place of each side is evidence against one event,
// whatever their words share. The story needs no single main place: one that already mixes two
// towns (wrongly, or a story of two towns) still contradicts a third.
bool places_contradict(const Vec& article, const Vec& story) {
  const auto* pa = main_place(article);
  const auto* ps = top_place(story);
  if (pa == nullptr || ps == nullptr || place_key(pa->first) == place_key(ps->first)) return false;
  if (place_weight(article, ps->first) > 0) return false;
  return place_weight(story, pa->first) < kStoryPlaceMinor * ps->second;
}

// Items of a story's entities that count as its actors or places for a thread: at least this
// fraction of its heaviest entity (a filler sentence's name, met once, is no actor).
constexpr float kSalientEntity = 0.5f;

bool salient_in(const Vec& v, std::string_view id) {
  if (v.empty()) return false;
  return weight_of(v, id) >= kSalientEntity * v.front().second;
}

// Whether two stories may be one thread: a thread continues the same actors, not only the same
// kind of event. A person salient in both is enough (a minister's two visits); otherwise the two
// must not happen in two different places (each story's heaviest place minor or absent in the
// other). Entity vectors sorted by weight.
bool thread_actors_agree(const Vec& a, const Vec& b) {
  for (const auto& [id, w] : a) {
    if (w < kSalientEntity * a.front().second) break;
    if (id.rfind("PER:", 0) == 0 && salient_in(b, id)) return true;
  }
  const auto* pa = top_place(a);
  const auto* pb = top_place(b);
  if (pa && pb && place_key(pa->first) != place_key(pb->first) &&
      place_weight(b, pa->first) < kStoryPlaceMinor * pb->second &&
      place_weight(a, pb->first) < kStoryPlaceMinor * pa->second)
    return false;
  return true;
}

// Thread similarity is multiplied by this when the stories share no actor.
constexpr double kNoSharedActor = 0.4;

// Days from civil date (Howard Hinnant's algorithm).
int32_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int32_t>(doe) - 719468;
}

// Weekday and month names say when, not what: every story of a week says "lundi" and "novembre",
// and they made pages of unrelated stories look alike. Days are their own evidence (day,
// event_days, weekdays).
bool is_calendar_term(const std::string& term) {
  static const std::unordered_set<std::string> kTerms = [] {
    std::unordered_set<std::string> t;
    for (const char* w : {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier",
                          "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                          "novembre", "décembre"})
      t.insert(Background::key_term(w));
    return t;
  }();
  return kTerms.count(term) != 0;
}

void add_terms_of(std::string_view text, const std::vector<Span>& tokens,
                  const std::vector<EntityMention>& entities, double weight,
                  std::unordered_map<std::string, double>& tf) {
  size_t e = 0;
  for (const Span& t : tokens) {
    // Skip words inside entity mentions: entities are their own evidence, and a story is told
    // by its terms (its actors are shared by the whole thread).
    while (e < entities.size() && entities[e].span.end <= t.begin) ++e;
    if (e < entities.size() && entities[e].span.begin <= t.begin && t.end <= entities[e].span.end) continue;
    if (t.end > text.size() || t.begin >= t.end) continue;
    std::string_view w = text.substr(t.begin, t.end - t.begin);
    const std::string* term = Background::cached_key_term(w);
    if (term == nullptr || term->size() < 2 || is_calendar_term(*term)) continue;
    tf[*term] += weight;
  }
}

}  // namespace

const double kStoryThreshold = 0.33;
const double kThreadThreshold = 0.35;

std::optional<int32_t> parse_day(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (iso[i] < '0' || iso[i] > '9') return std::nullopt;
  if (iso.size() > 10 && iso[10] != 'T' && iso[10] != ' ') return std::nullopt;
  const int y = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
  const unsigned m = static_cast<unsigned>((iso[5] - '0') * 10 + (iso[6] - '0'));
  const unsigned d = static_cast<unsigned>((iso[8] - '0') * 10 + (iso[9] - '0'));
  if (m < 1 || m > 12 || d < 1) return std::nullopt;
  static constexpr unsigned kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > kDays[m - 1] || (m == 2 && d == 29 && !leap)) return std::nullopt;
  return days_from_civil(y, m, d);
}

namespace {

int32_t today_from_clock() {
  using namespace std::chrono;
  return static_cast<int32_t>(floor<days>(system_clock::now()).time_since_epoch().count());
}

// 1 = Monday ... 7 = Sunday when `surface` starts with a French weekday name, else 0.
int weekday_word(std::string_view surface) {
  static constexpr std::string_view kNames[] = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"};
  for (int k = 0; k < 7; ++k) {
    const std::string_view n = kNames[k];
    if (surface.size() < n.size()) continue;
    bool same = true;
    for (size_t i = 0; i < n.size() && same; ++i)
      same = (surface[i] | 0x20) == n[i];
    if (same && (surface.size() == n.size() || !std::isalpha(static_cast<unsigned char>(surface[n.size()]))))
      return k + 1;
  }
  return 0;
}

bool has_year_digits(std::string_view surface) {  // four digits in a row
  int run = 0;
  for (char c : surface) {
    run = c >= '0' && c <= '9' ? run + 1 : 0;
    if (run == 4) return true;
  }
  return false;
}

// The days of a page without a published date. The date resolver had no reference day for it, so
// a year it gave to a day and month that the text wrote without one is a guess from the years the
// text mentions (often a past one: "la crue de l'hiver 2014"); only years written next to the day
// are kept. The other days are placed by the first one named with its weekday ("samedi 7
// novembre", usually the event the page reports): the latest such day not after a few weeks from
// today (a page is read after it was written, and may announce an event), then the others in
// the year that puts them nearest to it. The earliest weekday-named day stands for the page's day.
void undated_days(const Document& doc, int32_t today, ArticleProfile& p) {
  struct MonthDay {
    uint32_t begin;
    int month, day, weekday;
  };
  std::vector<MonthDay> partial;
  for (const DateMention& d : doc.annotations.dates) {
    if (d.kind != "date" && d.kind != "time") continue;
    const std::string_view v = d.value;
    const std::string_view surface = d.span.end <= doc.text.size() && d.span.begin <= d.span.end
                                         ? std::string_view(doc.text).substr(d.span.begin, d.span.end - d.span.begin)
                                         : std::string_view();
    if (v.size() < 10 || v[4] != '-' || v[7] != '-') continue;
    if (d.kind == "date" && v.size() == 10 && has_year_digits(surface)) {
      if (auto day = parse_day(v)) p.event_days.push_back(*day);
      continue;
    }
    auto digit = [&](size_t i) { return v[i] >= '0' && v[i] <= '9' ? v[i] - '0' : -1; };
    const int m = digit(5) * 10 + digit(6), dd = digit(8) * 10 + digit(9);
    if (digit(5) < 0 || digit(6) < 0 || digit(8) < 0 || digit(9) < 0 || m < 1 || m > 12 || dd < 1 || dd > 31) continue;
    partial.push_back({d.span.begin, m, dd, weekday_word(surface)});
  }
  if (partial.empty()) return;
  std::sort(partial.begin(), partial.end(), [](const MonthDay& a, const MonthDay& b) { return a.begin < b.begin; });
  const int32_t latest = today + 42;
  std::optional<int32_t> anchor;
  for (const MonthDay& md : partial) {
    if (md.weekday == 0) continue;
    // The latest year, going back at most 28 years (the calendar's cycle), where the day falls
    // on that weekday.
    const int y0 = 1970 + static_cast<int>(latest / 365.2425) + 1;
    for (int y = y0; y > y0 - 30 && !anchor; --y) {
      char iso[32];
      std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, md.month, md.day);
      auto x = parse_day(iso);
      if (!x || *x > latest) continue;
      if ((((*x % 7) + 7 + 3) % 7) + 1 == md.weekday) anchor = *x;
    }
    if (anchor) break;
  }
  if (!anchor) return;
  p.day = *anchor;
  char iso[32];
  const auto year_of = [](int32_t day) {  // the civil year of a day number
    int y = 1970 + static_cast<int>(day / 365.2425) - 1;
    char b[32];
    for (;; ++y) {
      std::snprintf(b, sizeof b, "%04d-01-01", y + 1);
      if (*parse_day(b) > day) return y;
    }
  };
  const int ay = year_of(*anchor);
  for (const MonthDay& md : partial) {
    std::optional<int32_t> best;
    for (int y = ay - 1; y <= ay + 1; ++y) {
      std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, md.month, md.day);
      auto x = parse_day(iso);
      if (x && (!best || std::abs(*x - *anchor) < std::abs(*best - *anchor))) best = x;
    }
    if (best) p.event_days.push_back(*best);
  }
}

}  // namespace

ArticleProfile profile(const Document& doc, const Background& bg, std::optional<int32_t> today) {
  ArticleProfile p;
  const Annotations& ann = doc.annotations;
  // Entity mentions sorted by start, for the in-entity test of add_terms_of.
  std::vector<EntityMention> mentions = ann.entities;
  std::sort(mentions.begin(), mentions.end(),
            [](const EntityMention& a, const EntityMention& b) { return a.span.begin < b.span.begin; });

  std::unordered_map<std::string, double> tf;
  if (!ann.tokens.empty()) {
    add_terms_of(doc.text, ann.tokens, mentions, 1.0, tf);
  } else {
    add_terms_of(doc.text, tokenize(doc.text), {}, 1.0, tf);
  }
  if (doc.title) add_terms_of(*doc.title, tokenize(*doc.title), {}, 2.0, tf);
  for (auto& [t, f] : tf) f = (1.0 + std::log(f)) * bg.idf(t);
  p.terms = from_map(tf);
  keep_top_normalised(p.terms, kArticleTerms);

  // Entities by salience, as a reader weighs them: each mention counts once, once more in the lead
  // (the first two sentences, which say who and where), and an entity named in the title counts
  // two more. The town of a local story is in its title and lead; the places of a background
  // sentence are not.
  size_t lead_end = std::min<size_t>(doc.text.size(), 400);
  if (ann.sentences.size() >= 2) lead_end = ann.sentences[1].end;
  else if (ann.sentences.size() == 1) lead_end = ann.sentences[0].end;
  std::unordered_map<std::string, double> counts;
  std::unordered_set<std::string_view> in_title;
  for (const EntityMention& m : ann.entities) {
    if (m.id.empty()) continue;
    counts[m.id] += m.span.begin < lead_end ? 2.0 : 1.0;
    if (doc.title && !in_title.count(m.id) && m.span.end <= doc.text.size() && m.span.begin < m.span.end) {
      const std::string_view surface(doc.text.data() + m.span.begin, m.span.end - m.span.begin);
      if (doc.title->find(surface) != std::string::npos ||
          (!m.entity.empty() && doc.title->find(m.entity) != std::string::npos))
        in_title.insert(m.id);
    }
  }
  for (std::string_view id : in_title) counts[std::string(id)] += 2.0;
  for (auto& [id, c] : counts) c = (1.0 + std::log(c)) * type_weight(id);
  p.entities = from_map(counts);
  keep_top_normalised(p.entities, kArticleEntities);

  if (doc.published) p.day = parse_day(*doc.published);
  if (p.day) {
    for (const DateMention& d : ann.dates) {
      if (d.kind == "date") {
        if (auto day = parse_day(d.value); day && d.value.size() == 10) p.event_days.push_back(*day);
      } else if (d.kind == "time") {
        // A moment of another day than the page's ("l'accord signé mardi soir" in Wednesday's
        // paper) names the day of an event as a date does. Moments of the page's own day ("ce
        // matin", "à 6 heures") only repeat its day, which every story of that day shares.
        if (auto day = parse_day(d.value); day && *day != *p.day) p.event_days.push_back(*day);
      }
    }
  } else {
    undated_days(doc, today ? *today : today_from_clock(), p);
  }
  std::sort(p.event_days.begin(), p.event_days.end());
  p.event_days.erase(std::unique(p.event_days.begin(), p.event_days.end()), p.event_days.end());
  // Without a published day, the latest event day mentioned stands for it (a page crawled without
  // its date still tells when it was written, roughly).
  if (!p.day && !p.event_days.empty()) p.day = p.event_days.back();
  for (const DateMention& d : ann.dates)
    if (d.kind == "date" || d.kind == "time") p.weekdays |= weekday_of_value(d.value);
  for (int32_t day : p.event_days) p.weekdays |= weekday_bit(day);
  return p;
}

std::vector<std::string> story_keys(const ArticleProfile& a) {
  std::vector<std::string> keys;
  for (size_t i = 0; i < a.entities.size() && i < 5; ++i) keys.push_back("e:" + a.entities[i].first);
  for (size_t i = 0; i < a.terms.size() && i < 8; ++i) keys.push_back("t:" + a.terms[i].first);
  return keys;
}

std::vector<std::string> story_keys(const StoryProfile& s) {
  std::vector<std::string> keys;
  for (size_t i = 0; i < s.entities.size() && i < 8; ++i) keys.push_back("e:" + s.entities[i].first);
  for (size_t i = 0; i < s.terms.size() && i < 12; ++i) keys.push_back("t:" + s.terms[i].first);
  return keys;
}

double story_similarity(const ArticleProfile& a, const StoryProfile& s) {
  // Terms say what happened; entities mostly say who, and the actors are shared by every story
  // of a thread, so they weigh less here (and decide threads).
  const double terms = dot(a.terms, s.terms);
  const double entities = dot(a.entities, s.entities);
  double sim = 0.85 * terms + 0.15 * entities;
  // The same event day mentioned on both sides is strong evidence of the same event; the same
  // weekday ("mercredi") is weaker evidence, counted only when no full date tells them apart.
  if (share_day(a.event_days, s.event_days)) {
    sim += 0.15;
  } else if ((a.weekdays & s.weekdays) != 0 && (a.event_days.empty() || s.event_days.empty())) {
    sim += 0.05;
  }
  sim = std::min(1.0, sim);
  if (places_contradict(a.entities, s.entities)) sim *= kPlaceContradiction;
  if (persons_contradict(a.entities, s.entities)) sim *= kPersonContradiction;
  if (a.day && s.has_day) {
    // A story spans days, not months: full weight within two days of the story's range (an event
    // and the next days' follow-ups: a flood, then its decrue), then decay with a 3-day scale (a
    // week away keeps a fifth), so that the next event of a thread four days on starts its own.
    const int32_t gap = gap_days(*a.day, s.first_day, s.last_day);
    if (gap > 2) sim *= std::exp(-(gap - 2) / 3.0);
  }
  return sim;
}

StoryProfile new_story(const ArticleProfile& a) {
  StoryProfile s;
  add_to_story(s, a);
  return s;
}

namespace {
// Centroid update: mean of the members' (normalised) vectors, truncated to its top k.
void merge_centroid(Vec& centroid, int n, const Vec& add, size_t k) {
  std::unordered_map<std::string, double> sum;
  for (const auto& [t, w] : centroid) sum[t] += static_cast<double>(w) * n;
  for (const auto& [t, w] : add) sum[t] += w;
  Vec v;
  v.reserve(sum.size());
  for (const auto& [t, w] : sum) v.emplace_back(t, static_cast<float>(w / (n + 1)));
  sort_by_weight(v);
  if (v.size() > k) v.resize(k);
  centroid = std::move(v);
}
}  // namespace

void add_to_story(StoryProfile& s, const ArticleProfile& a) {
  merge_centroid(s.terms, s.articles, a.terms, kStoryTerms);
  merge_centroid(s.entities, s.articles, a.entities, kStoryEntities);
  for (int32_t d : a.event_days)
    if (std::find(s.event_days.begin(), s.event_days.end(), d) == s.event_days.end())
      s.event_days.push_back(d);
  std::sort(s.event_days.begin(), s.event_days.end());
  if (s.event_days.size() > kStoryEventDays)  // keep the latest
    s.event_days.erase(s.event_days.begin(),
                       s.event_days.begin() + static_cast<long>(s.event_days.size() - kStoryEventDays));
  if (a.day) {
    if (!s.has_day) {
      s.first_day = s.last_day = *a.day;
      s.has_day = true;
    } else {
      s.first_day = std::min(s.first_day, *a.day);
      s.last_day = std::max(s.last_day, *a.day);
    }
  }
  s.weekdays |= a.weekdays;
  ++s.articles;
}

double thread_similarity(const StoryProfile& a, const StoryProfile& b) {
  // Main actors: PER and ORG weigh double, places and MISC once (every story of a region shares
  // its places).
  auto actors = [](const Vec& v) {
    Vec out;
    for (const auto& [id, w] : v) {
      const bool actor = id.rfind("PER:", 0) == 0 || id.rfind("ORG:", 0) == 0;
      out.emplace_back(id, actor ? 2 * w : w);
    }
    return out;
  };
  double sim = 0.8 * cosine(actors(a.entities), actors(b.entities)) + 0.2 * cosine(a.terms, b.terms);
  if (!thread_actors_agree(a.entities, b.entities)) sim *= kNoSharedActor;
  if (a.has_day && b.has_day) {
    // A thread spans weeks to months (a strike, then its settlement): full weight within two
    // weeks, then a 60-day decay.
    const int32_t gap = std::max({0, a.first_day - b.last_day, b.first_day - a.last_day});
    if (gap > 14) sim *= std::exp(-(gap - 14) / 60.0);
  }
  return sim;
}

// ---- matching one profile against many candidates

IndexedVector::IndexedVector(Vec v) : v_(std::move(v)) {
  first_.reserve(v_.size());
  next_same_.assign(v_.size(), -1);
  std::unordered_map<std::string_view, uint32_t> last;
  for (uint32_t i = 0; i < v_.size(); ++i) {
    const std::string_view name = v_[i].first;
    norm2_ += static_cast<double>(v_[i].second) * v_[i].second;
    auto [it, fresh] = first_.emplace(name, i);
    if (!fresh) next_same_[last[name]] = static_cast<int32_t>(i);
    last[name] = i;
  }
  prod_.assign(v_.size(), 0.0);
  seen_.assign(v_.size(), 0);
}

double IndexedVector::dot(const Vec& other, double* other_norm2, float (*scale)(std::string_view)) const {
  double n2 = 0;
  bool any = false;
  for (const auto& [t, w0] : other) {
    const float w = scale ? scale(t) * w0 : w0;
    n2 += static_cast<double>(w) * w;
    auto it = first_.find(t);
    if (it == first_.end() || seen_[it->second]) continue;  // the pairwise versions keep other's first
    for (int32_t i = static_cast<int32_t>(it->second); i >= 0; i = next_same_[static_cast<size_t>(i)]) {
      prod_[static_cast<size_t>(i)] = static_cast<double>(v_[static_cast<size_t>(i)].second) * w;
      seen_[static_cast<size_t>(i)] = 1;
    }
    any = true;
  }
  if (other_norm2) *other_norm2 = n2;
  double d = 0;
  if (!any) return d;
  // In this vector's order, as the pairwise loop adds them: the same sum to the last bit.
  for (size_t i = 0; i < v_.size(); ++i) {
    if (!seen_[i]) continue;
    d += prod_[i];
    seen_[i] = 0;
  }
  return d;
}

StoryMatcher::StoryMatcher(const ArticleProfile& a)
    : a_{{}, a.entities, a.day, a.event_days, a.weekdays}, terms_(a.terms), entities_(a.entities) {}

double StoryMatcher::similarity(const StoryProfile& s) const {
  // As story_similarity (keep the two in step; the tests compare them).
  const double terms = terms_.empty() || s.terms.empty() ? 0 : terms_.dot(s.terms);
  const double entities = entities_.empty() || s.entities.empty() ? 0 : entities_.dot(s.entities);
  double sim = 0.85 * terms + 0.15 * entities;
  if (share_day(a_.event_days, s.event_days)) {
    sim += 0.15;
  } else if ((a_.weekdays & s.weekdays) != 0 && (a_.event_days.empty() || s.event_days.empty())) {
    sim += 0.05;
  }
  sim = std::min(1.0, sim);
  if (places_contradict(a_.entities, s.entities)) sim *= kPlaceContradiction;
  if (persons_contradict(a_.entities, s.entities)) sim *= kPersonContradiction;
  if (a_.day && s.has_day) {
    const int32_t gap = gap_days(*a_.day, s.first_day, s.last_day);
    if (gap > 2) sim *= std::exp(-(gap - 2) / 3.0);
  }
  return sim;
}

namespace {
float actor_scale(std::string_view id) {
  return id.rfind("PER:", 0) == 0 || id.rfind("ORG:", 0) == 0 ? 2.0f : 1.0f;
}
Vec actors_of(const Vec& v) {
  Vec out;
  out.reserve(v.size());
  for (const auto& [id, w] : v) out.emplace_back(id, actor_scale(id) * w);
  return out;
}
double indexed_cosine(const IndexedVector& a, const Vec& b, float (*scale)(std::string_view)) {
  if (a.empty() || b.empty()) return 0;
  double nb = 0;
  const double dot = a.dot(b, &nb, scale);
  if (a.norm2() <= 0 || nb <= 0) return 0;
  return dot / std::sqrt(a.norm2() * nb);
}
}  // namespace

ThreadMatcher::ThreadMatcher(const StoryProfile& a) : actors_(actors_of(a.entities)), terms_(a.terms) {
  a_.entities = a.entities;
  a_.has_day = a.has_day;
  a_.first_day = a.first_day;
  a_.last_day = a.last_day;
}

double ThreadMatcher::similarity(const StoryProfile& b) const {
  // As thread_similarity (keep the two in step; the tests compare them).
  double sim = 0.8 * indexed_cosine(actors_, b.entities, actor_scale) + 0.2 * indexed_cosine(terms_, b.terms, nullptr);
  if (!thread_actors_agree(a_.entities, b.entities)) sim *= kNoSharedActor;
  if (a_.has_day && b.has_day) {
    const int32_t gap = std::max({0, a_.first_day - b.last_day, b.first_day - a_.last_day});
    if (gap > 14) sim *= std::exp(-(gap - 14) / 60.0);
  }
  return sim;
}

// ---- encoding
// Layout (little-endian): "VSP1", int32 articles, uint8 has_day, uint8 weekdays, int32 first_day, int32 last_day,
// uint32 n + n x int32 event days, then terms and entities as uint32 n + n x (uint16 length,
// bytes, float32 weight).
namespace {

constexpr char kStoryMagic[4] = {'V', 'S', 'P', '1'};
constexpr uint32_t kMaxItems = 100000;

void put_u32(std::string& out, uint32_t v) {
  for (int k = 0; k < 4; ++k) out.push_back(static_cast<char>((v >> (8 * k)) & 0xFF));
}

void put_vec(std::string& out, const Vec& v) {
  put_u32(out, static_cast<uint32_t>(v.size()));
  for (const auto& [t, w] : v) {
    const size_t len = std::min<size_t>(t.size(), 0xFFFF);
    out.push_back(static_cast<char>(len & 0xFF));
    out.push_back(static_cast<char>(len >> 8));
    out.append(t, 0, len);
    uint32_t bits;
    std::memcpy(&bits, &w, 4);
    put_u32(out, bits);
  }
}

class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  bool u32(uint32_t& v) {
    if (b_.size() - pos_ < 4) return false;
    v = 0;
    for (int k = 0; k < 4; ++k) v |= static_cast<uint32_t>(static_cast<unsigned char>(b_[pos_ + k])) << (8 * k);
    pos_ += 4;
    return true;
  }
  bool i32(int32_t& v) {
    uint32_t u;
    if (!u32(u)) return false;
    v = static_cast<int32_t>(u);
    return true;
  }
  bool u8(uint8_t& v) {
    if (pos_ >= b_.size()) return false;
    v = static_cast<uint8_t>(b_[pos_++]);
    return true;
  }
  bool bytes(size_t n, std::string& out) {
    if (b_.size() - pos_ < n) return false;
    out.assign(b_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  size_t pos() const { return pos_; }
  bool done() const { return pos_ == b_.size(); }

 private:
  std::string_view b_;
  size_t pos_ = 0;
};

Status read_vec(Reader& r, Vec& v, const char* what) {
  uint32_t n;
  if (!r.u32(n)) return Status::Corrupt(std::string("story profile blob: truncated ") + what + " count");
  if (n > kMaxItems)
    return Status::Corrupt(std::string("story profile blob: ") + what + " count " + std::to_string(n) + " too large");
  v.clear();
  v.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    uint8_t lo, hi;
    std::string t;
    uint32_t bits;
    if (!r.u8(lo) || !r.u8(hi) || !r.bytes(static_cast<size_t>(lo | (hi << 8)), t) || !r.u32(bits))
      return Status::Corrupt(std::string("story profile blob: truncated ") + what + " entry " + std::to_string(i) +
                             " at byte " + std::to_string(r.pos()));
    float w;
    std::memcpy(&w, &bits, 4);
    if (!std::isfinite(w))
      return Status::Corrupt(std::string("story profile blob: non-finite weight in ") + what);
    v.emplace_back(std::move(t), w);
  }
  return Status::Ok();
}

}  // namespace

std::string encode(const StoryProfile& s) {
  std::string out(kStoryMagic, 4);
  put_u32(out, static_cast<uint32_t>(s.articles));
  out.push_back(s.has_day ? 1 : 0);
  out.push_back(static_cast<char>(s.weekdays));
  put_u32(out, static_cast<uint32_t>(s.first_day));
  put_u32(out, static_cast<uint32_t>(s.last_day));
  put_u32(out, static_cast<uint32_t>(s.event_days.size()));
  for (int32_t d : s.event_days) put_u32(out, static_cast<uint32_t>(d));
  put_vec(out, s.terms);
  put_vec(out, s.entities);
  return out;
}

Result<StoryProfile> decode_story_profile(std::string_view bytes) {
  if (bytes.size() < 4 || std::memcmp(bytes.data(), kStoryMagic, 4) != 0)
    return Status::Corrupt("story profile blob: missing \"VSP1\" header (" + std::to_string(bytes.size()) + " bytes)");
  Reader r(bytes.substr(4));
  StoryProfile s;
  uint32_t articles, n;
  uint8_t has_day, weekdays;
  if (!r.u32(articles) || !r.u8(has_day) || !r.u8(weekdays) || !r.i32(s.first_day) || !r.i32(s.last_day) || !r.u32(n))
    return Status::Corrupt("story profile blob: truncated header (" + std::to_string(bytes.size()) + " bytes)");
  if (articles > INT32_MAX) return Status::Corrupt("story profile blob: negative article count");
  if (has_day > 1) return Status::Corrupt("story profile blob: bad has_day flag " + std::to_string(has_day));
  if (n > kMaxItems) return Status::Corrupt("story profile blob: event day count " + std::to_string(n) + " too large");
  s.articles = static_cast<int>(articles);
  s.has_day = has_day == 1;
  if (weekdays > 0x7F) return Status::Corrupt("story profile blob: bad weekdays mask " + std::to_string(weekdays));
  s.weekdays = weekdays;
  if (s.has_day && s.first_day > s.last_day)
    return Status::Corrupt("story profile blob: first day after last day");
  for (uint32_t i = 0; i < n; ++i) {
    int32_t d;
    if (!r.i32(d)) return Status::Corrupt("story profile blob: truncated event days");
    s.event_days.push_back(d);
  }
  if (Status st = read_vec(r, s.terms, "terms"); !st.ok()) return st;
  if (Status st = read_vec(r, s.entities, "entities"); !st.ok()) return st;
  if (!r.done())
    return Status::Corrupt("story profile blob: " + std::to_string(bytes.size() - 4 - r.pos()) + " trailing bytes");
  return s;
}

}  // namespace veille::corpus
