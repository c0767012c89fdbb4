// Extractive summaries and timelines of a story.
//
// summarize(): every sentence of every article is a bag of key terms weighted by TF-IDF within
// the story (a term found in every sentence says nothing); a sentence's centrality is its cosine
// with the story centroid. Sentences are picked greedily by centrality, each new one from a source
// not used yet while there is one, and never close to an already picked sentence (cosine or
// shared wording); questions to readers, ads, headings and too short or too long sentences are
// never picked.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "corpus/words.h"
#include "nlp/tokenize.h"
#include "veille/corpus.h"

namespace veille::corpus {
namespace {

constexpr double kRedundant = 0.5;  // cosine above which two sentences say the same thing

std::string source_of(const Document& d, size_t index) {
  if (d.site && !d.site->empty()) return *d.site;
  if (d.url) {
    std::string_view u = *d.url;
    size_t s = u.find("://");
    if (s != std::string_view::npos) {
      u.remove_prefix(s + 3);
      return std::string(u.substr(0, u.find('/')));
    }
  }
  return "#" + std::to_string(index);
}

// One candidate sentence of the story, its terms as ids into the story's term table (in the
// article's first-seen order) with their TF-IDF weights.
struct Candidate {
  size_t article;
  Span span;
  std::vector<std::pair<uint32_t, double>> tf;
  double norm2 = 0;  // squared norm of tf
  double score = 0;
};

// Cosine of a candidate with a dense vector (the centroid or a picked sentence) of squared norm nb.
double cosine(const Candidate& a, const std::vector<double>& b, double nb) {
  double dot = 0;
  for (const auto& [t, w] : a.tf) dot += w * b[t];
  return a.norm2 > 0 && nb > 0 ? dot / std::sqrt(a.norm2 * nb) : 0;
}

}  // namespace

namespace {

constexpr size_t kMinWords = 8;
constexpr size_t kMaxWords = 70;

// Cues of page furniture that can survive extraction inside the text.
bool looks_like_ad_or_chrome(const std::string& folded) {
  static const char* const kCues[] = {
      "publicite", "abonnez", "abonnement", "newsletter", "cliquez", "lire aussi", "lire la suite",
      "a lire", "sponsorise", "inscrivez", "cookies", "partager", "telechargez", "offre speciale",
      "code promo", "voir aussi", "suivez nous", "en savoir plus", "commentaires"};
  for (const char* cue : kCues)
    if (folded.find(cue) != std::string::npos) return true;
  return false;
}

// "Il a annoncé que..." refers to someone named in the sentence before, which a summary drawn
// from several sources does not carry: out of its article the sentence names nobody. Impersonal
// "il" ("Il y a", "Il faut", "Il s'agit") is fine. `folded` is fold_words() of the sentence.
bool opens_with_personal_pronoun(std::string_view folded) {
  const size_t sp = folded.find(' ');
  if (sp == std::string_view::npos) return false;
  const std::string_view first = folded.substr(0, sp);
  if (first == "elle" || first == "ils" || first == "elles") return true;
  if (first != "il") return false;
  std::string_view next = folded.substr(sp + 1);
  next = next.substr(0, next.find(' '));
  static constexpr std::string_view kImpersonal[] = {"y", "faut", "s", "est", "reste", "semble", "fait", "existe",
                                                     "manque", "suffit", "convient", "parait", "faudra", "faudrait",
                                                     "etait", "sera", "serait"};
  for (std::string_view w : kImpersonal)
    if (next == w) return false;
  return true;
}

// A quotation cut by the sentence splitter: an opening guillemet without its closing one, or the
// reverse ("Sans places, ils iront ailleurs », a regretté..."). Either half alone misquotes.
bool unbalanced_guillemets(std::string_view text) {
  size_t open = 0, close = 0;
  for (size_t i = text.find("\xC2\xAB"); i != std::string_view::npos; i = text.find("\xC2\xAB", i + 2)) ++open;
  for (size_t i = text.find("\xC2\xBB"); i != std::string_view::npos; i = text.find("\xC2\xBB", i + 2)) ++close;
  return open != close;
}

// An incise whose speaker is a pronoun ("», a-t-il déclaré", "explique-t-elle", "dit-il"): as
// with a sentence opening with one, out of its article it names nobody.
bool pronoun_incise(std::string_view text) {
  auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c & 0x80); };
  for (size_t i = text.find('-'); i != std::string_view::npos; i = text.find('-', i + 1)) {
    if (i == 0 || !is_letter(text[i - 1])) continue;
    std::string_view rest = text.substr(i + 1);
    if (rest.rfind("t-", 0) == 0) rest.remove_prefix(2);
    for (std::string_view w : {"elles", "elle", "ils", "il"})
      if (rest.rfind(w, 0) == 0 && (rest.size() == w.size() || !is_letter(rest[w.size()]))) return true;
  }
  return false;
}

bool inside_heading(const Document& d, Span s) {
  for (const Block& b : d.body)
    if (b.kind == BlockKind::kHeading && s.begin >= b.span.begin && s.end <= b.span.end) return true;
  return false;
}

}  // namespace

bool pickable_sentence(const Document& d, Span s) {
  if (s.end > d.text.size() || s.begin >= s.end) return false;
  std::string_view text = std::string_view(d.text).substr(s.begin, s.end - s.begin);
  if (text.find('?') != std::string_view::npos) return false;   // questions (to readers or rhetorical)
  if (text.find('\n') != std::string_view::npos) return false;  // spans blocks: a list or a caption run
  if (inside_heading(d, s)) return false;
  const char last = text.back();
  if (last != '.' && last != '!' && last != '"' && last != '\xBB' /* » */ && last != ')') return false;
  const std::string folded = fold_words(text);
  if (looks_like_ad_or_chrome(folded) || opens_with_personal_pronoun(folded)) return false;
  if (unbalanced_guillemets(text) || pronoun_incise(text)) return false;
  size_t words = 0;
  for_each_word(text, [&](std::string_view) { ++words; });
  return words >= kMinWords && words <= kMaxWords;
}

SummaryCandidates summary_candidates(const Document& doc) {
  SummaryCandidates out;
  const Document* d = &doc;
  const std::vector<Span>& tokens = doc.annotations.tokens;
  const bool sorted_tokens =
      !tokens.empty() && tokens.back().end <= doc.text.size() &&
      std::is_sorted(tokens.begin(), tokens.end(), [](const Span& x, const Span& y) { return x.begin < y.begin; });
  for (const Span& s : d->annotations.sentences) {
    if (!pickable_sentence(*d, s)) continue;
    std::string_view text = std::string_view(d->text).substr(s.begin, s.end - s.begin);
    SummaryCandidates::Sentence c{s, {}};
    // Key terms over the tokens' surface (key_term needs the accents for the stemmer).
    auto add_term = [&](std::string_view w) {
      const std::string* term = Background::cached_key_term(w);
      if (term == nullptr || term->size() < 3) return;
      // A sentence has a few dozen terms at most: a linear search beats a hash map here.
      auto pos = std::find_if(c.terms.begin(), c.terms.end(), [&](const auto& e) { return e.first == *term; });
      if (pos == c.terms.end()) c.terms.emplace_back(*term, 1);
      else pos->second += 1;
    };
    if (sorted_tokens) {
      // The document's own tokens inside the sentence (sentences end on token boundaries): the
      // text is not tokenised a second time.
      auto t = std::lower_bound(tokens.begin(), tokens.end(), s.begin,
                                [](const Span& x, uint32_t b) { return x.begin < b; });
      for (; t != tokens.end() && t->begin < s.end; ++t)
        if (t->end <= s.end && t->begin < t->end) add_term(std::string_view(d->text).substr(t->begin, t->end - t->begin));
    } else {
      for (const Span& t : tokenize(text)) add_term(text.substr(t.begin, t.end - t.begin));
    }
    if (c.terms.size() < 4) continue;
    out.sentences.push_back(std::move(c));
  }
  return out;
}

std::vector<SummarySentence> summarize(const std::vector<const Document*>& articles, size_t max_sentences) {
  return summarize(articles, std::vector<const SummaryCandidates*>(articles.size(), nullptr), max_sentences);
}

std::vector<SummarySentence> summarize(const std::vector<const Document*>& articles,
                                       const std::vector<const SummaryCandidates*>& given, size_t max_sentences) {
  // Candidates the caller did not give are computed here and kept alive for the term table's views.
  std::vector<SummaryCandidates> computed;
  computed.reserve(articles.size());
  std::vector<const SummaryCandidates*> per_article(articles.size(), nullptr);
  for (size_t a = 0; a < articles.size(); ++a) {
    if (articles[a] == nullptr) continue;
    if (a < given.size() && given[a]) {
      per_article[a] = given[a];
    } else {
      computed.push_back(summary_candidates(*articles[a]));
      per_article[a] = &computed.back();
    }
  }
  // Terms become dense ids for this story, so that weights, the centroid and cosines are arrays.
  std::unordered_map<std::string_view, uint32_t> term_ids;
  std::vector<double> df;
  std::vector<Candidate> cands;
  for (size_t a = 0; a < articles.size(); ++a) {
    if (per_article[a] == nullptr) continue;
    for (const auto& s : per_article[a]->sentences) {
      Candidate c{a, s.span, {}, 0, 0};
      c.tf.reserve(s.terms.size());
      for (const auto& [term, count] : s.terms) {
        auto [it, fresh] = term_ids.try_emplace(term, static_cast<uint32_t>(df.size()));
        if (fresh) df.push_back(0);
        df[it->second] += 1;
        c.tf.emplace_back(it->second, static_cast<double>(count));
      }
      cands.push_back(std::move(c));
    }
  }
  if (cands.empty()) return {};
  const double n = static_cast<double>(cands.size());
  std::vector<double> centroid(df.size(), 0.0);
  for (Candidate& c : cands) {
    for (auto& [t, f] : c.tf) {
      f = (1 + std::log(f)) * std::log((n + 1) / df[t]);
      c.norm2 += f * f;
      centroid[t] += f;
    }
  }
  double centroid_norm = 0;
  for (double w : centroid) centroid_norm += w * w;
  for (Candidate& c : cands) c.score = cosine(c, centroid, centroid_norm);
  std::vector<size_t> order(cands.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t x, size_t y) { return cands[x].score > cands[y].score; });

  std::vector<size_t> picked;
  std::vector<std::vector<double>> picked_dense;  // the picked sentences' weights, by term id
  std::set<std::string> used_sources;
  std::set<std::string> all_sources;
  for (size_t a = 0; a < articles.size(); ++a)
    if (articles[a]) all_sources.insert(source_of(*articles[a], a));
  // Two passes: first only sentences from sources not used yet, then any source.
  for (int pass = 0; pass < 2 && picked.size() < max_sentences; ++pass) {
    for (size_t i : order) {
      if (picked.size() >= max_sentences) break;
      if (std::find(picked.begin(), picked.end(), i) != picked.end()) continue;
      const std::string src = source_of(*articles[cands[i].article], cands[i].article);
      if (pass == 0 && used_sources.count(src)) continue;
      bool redundant = false;
      for (size_t k = 0; k < picked.size() && !redundant; ++k)
        redundant = cosine(cands[i], picked_dense[k], cands[picked[k]].norm2) >= kRedundant;
      if (redundant) continue;
      picked.push_back(i);
      auto& dense = picked_dense.emplace_back(df.size(), 0.0);
      for (const auto& [t, w] : cands[i].tf) dense[t] = w;
      used_sources.insert(src);
      if (pass == 0 && used_sources.size() == all_sources.size()) break;
    }
  }
  // Readable order: by article as given, then by position in the article.
  std::sort(picked.begin(), picked.end(), [&](size_t x, size_t y) {
    if (cands[x].article != cands[y].article) return cands[x].article < cands[y].article;
    return cands[x].span.begin < cands[y].span.begin;
  });
  std::vector<SummarySentence> out;
  for (size_t i : picked) {
    const Document& d = *articles[cands[i].article];
    out.push_back({cands[i].article, cands[i].span,
                   d.text.substr(cands[i].span.begin, cands[i].span.end - cands[i].span.begin)});
  }
  return out;
}

namespace {
// Whether a date mention can date a timeline event. Not a date word inside a name (the
// opposition group "Châteaulin Demain" is not tomorrow), nor a clock time alone ("de 6 heures à
// 11 heures" gets the page's day from the resolver, and the event is the page's, not the hour's).
bool dates_an_event(const Document& d, const DateMention& m) {
  for (const EntityMention& e : d.annotations.entities)
    if (e.span.begin <= m.span.begin && m.span.end <= e.span.end) return false;
  if (m.kind != "time") return true;
  const std::string_view surface = std::string_view(d.text).substr(m.span.begin, m.span.end - m.span.begin);
  if (surface.find('/') != std::string_view::npos) return true;  // "12/11 à 14 h"
  const std::string folded = fold_words(surface);
  static const char* const kDayWords[] = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
                                          "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
                                          "septembre", "octobre", "novembre", "decembre", "hier", "demain",
                                          "aujourd", "veille", "lendemain"};
  for (const char* w : kDayWords)
    if (folded.find(w) != std::string::npos) return true;
  return false;
}
}  // namespace

std::vector<TimelineEvent> timeline(const std::vector<const Document*>& articles) {
  // One candidate event per sentence: the sentence's first resolved date, a day rather than a
  // month or a year when it has one ("dans la nuit du 1er au 2 novembre" dates the night of the 1st).
  // Week values ("2026-W46", from "la semaine dernière") are too vague for a timeline.
  struct Candidate {
    TimelineEvent event;
    int precision = 0;  // 3 day, 2 month, 1 year
  };
  auto precision_of = [](const std::string& v) {
    if (v.size() < 4 || !std::all_of(v.begin(), v.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }))
      return 0;
    if (v.size() == 4) return 1;
    if (v.size() >= 7 && v[4] == '-' && v[5] != 'W' && v[5] != 'Q' && std::isdigit(static_cast<unsigned char>(v[5])))
      return v.size() >= 10 && v[7] == '-' ? 3 : 2;
    return 0;
  };
  std::vector<Candidate> candidates;
  for (size_t a = 0; a < articles.size(); ++a) {
    const Document* d = articles[a];
    if (d == nullptr) continue;
    std::optional<Span> current;  // the sentence of the last candidate taken from this article
    for (const DateMention& m : d->annotations.dates) {
      if (m.kind != "date" && m.kind != "time") continue;
      int precision = precision_of(m.value);
      if (precision == 0) continue;
      if (m.span.end > d->text.size() || m.span.begin > m.span.end) continue;
      if (!dates_an_event(*d, m)) continue;
      Span sentence = m.span;
      for (const Span& s : d->annotations.sentences)
        if (s.begin <= m.span.begin && m.span.end <= s.end) {
          sentence = s;
          break;
        }
      if (sentence.end > d->text.size() || sentence.begin > sentence.end) continue;
      if (current && *current == sentence) {
        // A later date of the same sentence replaces the first only when it is more precise.
        Candidate& last = candidates.back();
        if (precision > last.precision) {
          last.event.value = m.value.substr(0, precision == 3 ? 10 : m.value.size());
          last.precision = precision;
        }
        continue;
      }
      std::string text = d->text.substr(sentence.begin, sentence.end - sentence.begin);
      // Half of a quotation cut by the sentence splitter ("Sans places, ils iront ailleurs »,
      // a-t-elle regretté jeudi.") reads as nonsense on its own; a heading ("Un comité de suivi
      // dès décembre") is a label, not the sentence of an event.
      if (unbalanced_guillemets(text) || inside_heading(*d, sentence)) continue;
      size_t words = 0;
      for_each_word(text, [&](std::string_view) { ++words; });
      // A bare date line ("02/11/2026" in a listing) says nothing; a run-on "sentence" of a
      // broken page says too much.
      if (words < 5 || words > 60) continue;
      current = sentence;
      candidates.push_back({{m.value.substr(0, precision == 3 ? 10 : m.value.size()), std::move(text), a}, precision});
    }
  }
  // One event per date: the first sentence that dates it (articles come in the caller's order),
  // and how many sentences name that date, so that the most talked-about dates are kept.
  std::map<std::string, std::pair<TimelineEvent, int>> by_value;
  for (auto& c : candidates) {
    auto [it, inserted] = by_value.try_emplace(c.event.value, c.event, 0);
    ++it->second.second;
  }
  std::vector<std::pair<TimelineEvent, int>> events;
  for (auto& [value, e] : by_value) events.push_back(std::move(e));
  constexpr size_t kMaxEvents = 12;
  if (events.size() > kMaxEvents) {
    std::stable_sort(events.begin(), events.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    events.resize(kMaxEvents);
  }
  std::vector<TimelineEvent> out;
  for (auto& e : events) out.push_back(std::move(e.first));
  std::stable_sort(out.begin(), out.end(),
                   [](const TimelineEvent& x, const TimelineEvent& y) { return x.value < y.value; });
  return out;
}

}  // namespace veille::corpus
