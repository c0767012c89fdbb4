#include "moderate/features.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <libstemmer.h>

namespace veille::moderate {

namespace {

constexpr uint64_t kFnvBasis = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

inline uint64_t mix(uint64_t h, unsigned char c) { return (h ^ c) * kFnvPrime; }
inline uint64_t mix(uint64_t h, std::string_view s) {
  for (unsigned char c : s) h = mix(h, c);
  return h;
}
inline uint32_t bucket(uint64_t h, uint32_t mask) {
  h ^= h >> 32;
  h *= 0x9E3779B97F4A7C15ull;
  return static_cast<uint32_t>(h >> 20) & mask;
}

bool is_one_of(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set)
    if (w == s) return true;
  return false;
}

using WordSet = std::unordered_set<std::string_view>;

// Second-person words: an insult next to one is aimed at the reader or the other commenter.
bool second_person(std::string_view w) {
  return w.size() <= 5 && is_one_of(w, {"tu", "t", "te", "toi", "ton", "ta", "tes", "vous", "votre", "vos"});
}

// Words that aim the next word at someone: "espèce de", "bande de", "sale", "quel", "ces", and
// predicates ("est un", "sont des").
bool aiming_word(std::string_view w) {
  static const WordSet set = {"espece", "bande", "sale", "sales", "gros", "grosse", "pauvre", "pauvres",
                              "quel", "quelle", "quels", "quelles", "ces", "ce", "cette", "vieux", "vieille",
                              "les", "des", "aux", "de", "la", "aussi", "trop", "plus", "vraiment"};
  return set.count(w) != 0;
}
bool predicate_word(std::string_view w) {
  static const WordSet set = {"est", "es", "sont", "etes", "suis", "un", "une", "des"};
  return set.count(w) != 0;
}

// Nouns naming groups of people: "les X" over a group is how generalising comments start (the
// hate-speech share of ToxiFrench and MLMA). Folded stems, without a final -s and -e.
bool group_noun(std::string_view w) {
  static const WordSet set = {"arab", "juif", "noir", "blanc", "musulman", "femm", "homm", "feminist",
                              "gauchist", "gauchi", "migrant", "immigr", "etranger", "africain", "maghrebin",
                              "chinois", "asiatiqu", "roumain", "gitan", "rom", "homo", "gay", "lesbienn",
                              "tran", "islamist", "chretien", "catho", "francai", "americain", "russ",
                              "ukrainien", "israelien", "palestinien", "boomer", "vieux", "jeun", "flic",
                              "fonctionnair", "pauvr", "assiste", "wok", "facho", "islam", "sionist"};
  if (w.size() > 1 && w.back() == 's') w.remove_suffix(1);
  if (w.size() > 1 && w.back() == 'e') w.remove_suffix(1);
  return set.count(w) != 0;
}

// Verbs of violence (stems): threats and wishes of death rarely use a lexicon word. Called on every
// token, so the stems are found by their first three letters packed in an integer (binary search)
// before any string compare.
bool violence_word(std::string_view w) {
  static constexpr std::string_view kStems[] = {
      "tuer", "tue", "crev", "bute", "egorg", "extermin", "eradiq", "massacr", "pendr", "pendu",
      "fusill", "gazer", "brul", "lynch", "decapit", "vitrifi", "abatt", "cogn", "frapp", "viol",
      "nuke", "bombard", "defonc", "eclat"};
  auto key3 = [](std::string_view x) {
    return uint32_t(uint8_t(x[0])) << 16 | uint32_t(uint8_t(x[1])) << 8 | uint8_t(x[2]);
  };
  static const std::vector<std::pair<uint32_t, std::string_view>> index = [&] {
    std::vector<std::pair<uint32_t, std::string_view>> v;
    for (std::string_view stem : kStems) v.emplace_back(key3(stem), stem);
    std::sort(v.begin(), v.end());
    return v;
  }();
  if (w.size() < 3) return false;
  const uint32_t k = key3(w);
  auto it = std::lower_bound(index.begin(), index.end(), std::pair<uint32_t, std::string_view>(k, {}));
  for (; it != index.end() && it->first == k; ++it)
    if (w.substr(0, it->second.size()) == it->second) return true;
  return false;
}


bool ends_with(std::string_view w, std::string_view suffix) {
  return w.size() >= suffix.size() && w.substr(w.size() - suffix.size()) == suffix;
}

// Imperatives and slogans that send someone away: "dégage", "casse-toi", "dehors les ...",
// "retourne chez toi", "virez-les". Folded forms.
bool dismissal_word(std::string_view w) {
  static const WordSet set = {"degage", "degagez", "casse-toi", "cassez-vous", "barre-toi", "barrez-vous",
                              "tire-toi", "tirez-vous", "ferme-la", "fermez-la", "virez", "virez-les",
                              "virez-moi", "expulsez", "expulsez-les", "renvoyez", "renvoyez-les", "dehors"};
  return set.count(w) != 0;
}

// Constructions of contempt that carry no lexicon word (see models/MODERATION.md): a group
// generalised ("tous des", "les X sont tous", "ces X-là"), a second person told what they are
// ("t'es", "vous êtes des"), dismissal, rhetorical "quelle bande de", wishes ("qu'il crève").
template <typename Add>
void add_constructions(const std::vector<ModToken>& tk, Add& add) {
  bool general = false, copula2p = false, dismiss = false, rhetoric = false, wish = false;
  size_t caps_words = 0;
  for (size_t i = 0; i < tk.size(); ++i) {
    std::string_view w = tk[i].form;
    std::string_view next = i + 1 < tk.size() ? std::string_view(tk[i + 1].form) : std::string_view();
    std::string_view prev = i > 0 ? std::string_view(tk[i - 1].form) : std::string_view();
    if ((tk[i].flags & kTokenAllCaps) && w.size() >= 4) ++caps_words;
    if ((w == "tous" || w == "toutes") &&
        (next == "des" || next == "pareils" || next == "pareilles" || next == "pourris"))
      general = true;
    if ((w == "sont" || w == "etes") && (next == "tous" || next == "toutes" || next == "que" || next == "juste"))
      general = true;
    if (prev == "ces" && ends_with(w, "-la")) general = true;
    if (prev == "que" && w == "des" && i + 1 < tk.size() && group_noun(next)) general = true;
    if (((prev == "t" || prev == "tu") && (w == "es" || w == "as")) || (prev == "vous" && w == "etes"))
      copula2p = true;
    if (dismissal_word(w) && (i == 0 || next == "les" || next == "ces" || next.empty() || w.find('-') != std::string_view::npos))
      dismiss = true;
    // Folded "retourné" / "rentré" are the same words: after an auxiliary they tell, not order.
    if ((w == "retourne" || w == "retournez" || w == "rentre" || w == "rentrez") && (next == "chez" || next == "dans") &&
        !is_one_of(prev, {"est", "es", "suis", "sont", "etait", "etaient", "a", "as", "ont", "sommes", "etes", "s"}))
      dismiss = true;
    if ((prev == "quel" || prev == "quelle" || prev == "quels" || prev == "quelles") &&
        (w == "bande" || w == "tas" || w == "bande-de" || w == "race" || w == "engeance"))
      rhetoric = true;
    if (prev == "qu" && (w == "il" || w == "ils" || w == "elle" || w == "elles" || w == "on") && i + 1 < tk.size() &&
        (violence_word(next) || next == "meure" || next == "meurent" || next == "creve" || next == "crevent"))
      wish = true;
  }
  if (general) add("con:general");
  if (copula2p) add("con:2p-copula");
  if (dismiss) add("con:dismiss");
  if (rhetoric) add("con:rhetoric");
  if (wish) add("con:wish");
  if (caps_words) add(caps_words >= 3 ? "con:caps3" : "con:caps1");
}
// The valence of a folded word: the lexicon's polarity of its Snowball French stem (the stems of
// nlp.js's French sentiment lexicon are Snowball stems of the folded word, the same as
// libstemmer's on the same input). Per thread: a stemmer (sb_stemmer_stem keeps state in it) and
// the words already looked up, since a comment section repeats its vocabulary; stemming every word
// would cost as much as the rest of the features.
class ValenceLookup {
 public:
  ValenceLookup() : stemmer_(sb_stemmer_new("french", "UTF_8"), &sb_stemmer_delete) {}
  float valence(std::string_view form, const Lexicon& lexicon) {
    if (!lexicon.may_have_valence(form) || !stemmer_) return 0.f;
    if (lexicon_id_ != lexicon.id() || memo_.size() > 200000) {
      memo_.clear();
      lexicon_id_ = lexicon.id();
    }
    auto it = memo_.find(form);
    if (it != memo_.end()) return it->second;
    const sb_symbol* out = sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(form.data()),
                                           static_cast<int>(form.size()));
    float v = 0.f;
    if (out != nullptr)
      v = lexicon.stem_valence(std::string_view(reinterpret_cast<const char*>(out),
                                                static_cast<size_t>(sb_stemmer_length(stemmer_.get()))));
    memo_.emplace(std::string(form), v);
    return v;
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::unique_ptr<sb_stemmer, void (*)(sb_stemmer*)> stemmer_;
  std::unordered_map<std::string, float, Hash, std::equal_to<>> memo_;
  uint64_t lexicon_id_ = 0;
};

// Polarity of the comment's ordinary words (model version 4): contempt is mostly written with
// words no insult list holds ("minable", "pathétique", "honteux", "dégueulasse"), and a negative
// word aimed at the reader or at a group is what sets it apart from a negative news sentence.
template <typename Add>
void add_valence(const std::vector<ModToken>& tk, const Lexicon& lexicon, Add& add) {
  thread_local ValenceLookup lookup;
  size_t negatives = 0, strong = 0, positives = 0, groups = 0;
  double sum = 0;
  bool aimed_2p = false, aimed_det = false, aimed_pred = false;
  for (size_t i = 0; i < tk.size(); ++i) {
    std::string_view w = tk[i].form;
    if (i > 0 && group_noun(w) &&
        is_one_of(tk[i - 1].form, {"les", "des", "ces", "aux", "un", "une", "le", "la"}))
      ++groups;
    if (tk[i].flags & kTokenNumber) continue;
    const float v = lookup.valence(w, lexicon);
    if (v >= 0.3f) ++positives;
    if (v >= 0.f) continue;
    ++negatives;
    sum -= v;
    if (v <= -0.5f) ++strong;
    for (size_t back = 1; back <= 3 && back <= i; ++back) {
      std::string_view b = tk[i - back].form;
      if (second_person(b)) aimed_2p = true;
      else if (back <= 2 && aiming_word(b)) aimed_det = true;
      else if (back <= 2 && predicate_word(b)) aimed_pred = true;
    }
  }
  if (negatives) {
    add("val:neg");
    add("val:negn", static_cast<float>(std::min<size_t>(negatives, 3)));
    add("val:negsum", static_cast<float>(std::min(sum, 2.0)));
    if (strong) add("val:strong");
    if (aimed_2p) add("val:aim:2p");
    if (aimed_det) add("val:aim:det");
    if (aimed_pred) add("val:aim:pred");
    if (groups) add("val:neg-group");
  }
  if (positives) add("val:pos");
}
}  // namespace

void analyse_comment(std::string_view text, const Lexicon& lexicon, int hash_bits,
                     ModerationWorkspace* ws, FeatureSet set) {
  ws->tokens.clear();
  ws->hits.clear();
  ws->features.clear();
  tokenize_for_moderation(text, &ws->tokens);
  lexicon.find_terms(text, ws->tokens, &ws->hits);

  const uint32_t mask = (1u << hash_bits) - 1;
  auto& ids = ws->features.ids;
  auto& values = ws->features.values;

  // The word each token contributes: the lexicon form when it is a term, else its folded form.
  thread_local std::vector<std::string_view> words;
  thread_local std::vector<bool> is_term;
  words.clear();
  is_term.clear();
  size_t h = 0;
  size_t caps = 0, letters_tokens = 0;
  for (size_t i = 0; i < ws->tokens.size(); ++i) {
    const ModToken& t = ws->tokens[i];
    while (h < ws->hits.size() && ws->hits[h].last_token < i) ++h;
    if (h < ws->hits.size() && ws->hits[h].first_token <= i && ws->hits[h].kind != kMatchPhrase) {
      if (ws->hits[h].first_token == i) {
        words.push_back(ws->hits[h].normalized);
        is_term.push_back(true);
      }
      continue;
    }
    is_term.push_back(false);
    if (t.flags & kTokenNumber) { words.push_back("0"); continue; }
    ++letters_tokens;
    if (t.flags & kTokenAllCaps) ++caps;
    words.push_back(t.form.size() > 24 ? std::string_view(t.form).substr(0, 24) : std::string_view(t.form));
  }

  // Text features, scaled so that long and short comments weigh alike.
  const uint64_t w_seed = mix(kFnvBasis, 'w'), b_seed = mix(kFnvBasis, 'b'), c_seed = mix(kFnvBasis, 'c');
  for (size_t i = 0; i < words.size(); ++i) {
    const size_t first_id = ids.size();
    ids.push_back(bucket(mix(w_seed, words[i]), mask));
    uint64_t prev = i == 0 ? mix(b_seed, "<s>") : mix(b_seed, words[i - 1]);
    ids.push_back(bucket(mix(mix(prev, ' '), words[i]), mask));
    // Character n-grams of " word ", 3 and 4 long.
    std::string_view w = words[i];
    if (w.size() >= 2) {
      char buf[32];
      size_t len = 0;
      buf[len++] = ' ';
      for (char c : w) if (len < 30) buf[len++] = c;
      buf[len++] = ' ';
      for (size_t n = 3; n <= 4; ++n)
        for (size_t k = 0; k + n <= len; ++k)
          ids.push_back(bucket(mix(mix(c_seed, static_cast<unsigned char>(n)), std::string_view(buf + k, n)), mask));
    }
    if (is_term[i])
      for (size_t k = first_id; k < ids.size(); ++k) ws->features.term_identity.push_back(static_cast<uint32_t>(k));
  }
  const float scale = ids.empty() ? 0.f : 1.f / std::sqrt(static_cast<float>(ids.size()));
  values.assign(ids.size(), scale);

  // Whole-comment and lexicon features, unscaled.
  auto add = [&](std::string_view name, float v = 1.f) {
    ids.push_back(bucket(mix(mix(kFnvBasis, 'f'), name), mask));
    values.push_back(v);
  };
  add("bias");
  if (letters_tokens >= 2 && caps * 3 >= letters_tokens) add("shouting");
  // No length feature: the clean news sentences (all clean, and long) taught it that a long comment
  // is clean, which outweighed two insults in a 300-character comment (see models/MODERATION.md).
  if (text.find("!!") != std::string_view::npos) add("excl");
  size_t per_category[kCategoryCount] = {};
  for (const TermHit& hit : ws->hits) {
    ++per_category[hit.category];
    std::string name = "term:";
    name += hit.normalized;
    ws->features.term_identity.push_back(static_cast<uint32_t>(ids.size()));
    add(name);
    name = "kind:";
    name += static_cast<char>('0' + hit.kind);
    add(name);
  }
  if (!ws->hits.empty()) {
    add("lex:any");
    if (ws->hits.size() >= 2) add("lex:many");
  }
  for (uint8_t c = 0; c < kCategoryCount; ++c) {
    if (!per_category[c]) continue;
    std::string name = "cat:";
    name += category_name(c);
    add(name);
    name = "catn:";
    name += category_name(c);
    add(name, static_cast<float>(std::min<size_t>(per_category[c], 3)));
  }

  // Who a term is aimed at: the two words before it.
  const auto& tk = ws->tokens;
  bool aimed_2p = false, aimed_det = false, aimed_pred = false;
  for (const TermHit& hit : ws->hits) {
    if (hit.category != kInsult && hit.category != kSlur && hit.category != kProfanity) continue;
    for (uint32_t back = 1; back <= 3 && back <= hit.first_token; ++back) {
      std::string_view w = tk[hit.first_token - back].form;
      if (second_person(w)) aimed_2p = true;
      else if (back <= 2 && aiming_word(w)) aimed_det = true;
      else if (back <= 2 && predicate_word(w)) aimed_pred = true;
    }
  }
  if (aimed_2p) add("aim:2p");
  if (aimed_det) add("aim:det");
  if (aimed_pred) add("aim:pred");
  size_t groups = 0, violence = 0, second = 0;
  for (size_t i = 0; i < tk.size(); ++i) {
    std::string_view w = tk[i].form;
    if (second_person(w)) ++second;
    if (violence_word(w)) ++violence;
    if (i > 0 && is_one_of(tk[i - 1].form, {"les", "des", "ces", "aux", "un", "une", "le", "la"}) && group_noun(w))
      ++groups;
    if (i + 1 < tk.size() && is_one_of(w, {"espece", "bande"}) && tk[i + 1].form == "de") add("pat:espece-de");
  }
  if (set.constructions) add_constructions(tk, add);
  if (set.valence) add_valence(tk, lexicon, add);
  if (second) add("has:2p");
  if (groups) add("has:group");
  if (violence) add("has:violence");
  if (violence && (groups || second)) add("has:violence-aimed");
}

}  // namespace veille::moderate
