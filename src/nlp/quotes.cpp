// The quotes stage: quotation marks (quotes_marks.h) plus speaker attribution over the tokens,
// sentences and entities of the text. See include/veille/quotes.h for the rules.
#include "veille/quotes.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "nlp/entities.h"
#include "nlp/quotes_lexicon.h"
#include "nlp/quotes_marks.h"

namespace veille {

namespace {

using quotes::MarkedQuote;

// Bounds that keep attribution linear on pathological input (one 1 MB sentence full of quotes).
constexpr int kMaxLeftTokens = 80;    // how far back a cue is looked for
constexpr int kMaxRightTokens = 12;   // how far after the verb a post-posed subject is looked for
constexpr int kMaxRefsBack = 60;      // antecedent candidates considered for a pronoun

// Lower case (ASCII and Latin-1 letters), ’ written as '.
std::string lower_token(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<unsigned char>(d + 0x20);
      out += static_cast<char>(c);
      out += static_cast<char>(d);
      ++i;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               static_cast<unsigned char>(s[i + 2]) == 0x99) {
      out += '\'';
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

bool starts_upper(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c == 0xC3 && s.size() > 1) {
    unsigned char d = static_cast<unsigned char>(s[1]);
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  return false;
}

bool is_word(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  return std::isalnum(c) || c >= 0xC3;
}

// Lower-case adjectives that extend a description: nationalities and role words
// ("américain", "allemand", "général", "adjoint").
bool is_description_adjective(std::string_view w) {
  static const std::unordered_set<std::string_view> s = {
      "russe", "russes", "turc", "turque", "belge", "belges", "suisse", "suisses", "grec",
      "grecque", "adjoint", "adjointe", "délégué", "déléguée", "sortant", "sortante", "élu",
      "élue", "intérimaire", "démissionnaire", "chargé", "chargée", "honoraire", "permanent",
      "permanente", "socialiste", "écologiste", "communiste", "centriste", "insoumis", "insoumise",
      "libéral", "libérale", "conservateur", "conservatrice", "travailliste", "démocrate",
      "républicain", "républicaine", "étrangères", "étrangères", "extérieures", "intérieur",
      "sportif", "sportive", "financier", "financière", "exécutif", "exécutive"};
  if (s.count(w)) return true;
  if (quotes::is_reporting_finite(w)) return false;
  for (std::string_view suf : {"ain", "aine", "ains", "aines", "ais", "aise", "ien", "ienne",
                               "iens", "iennes", "and", "ande", "ands", "andes", "ol", "ole",
                               "ois", "oise", "ique", "iques", "éen", "éenne", "éens", "al",
                               "ale", "aux", "ales", "ard", "arde"})
    if (w.size() > suf.size() + 2 && w.ends_with(suf)) return true;
  return false;
}

// A nationality or origin adjective ("ukrainien", "néerlandais", "russe"): a description that
// carries one names a person of its own, not one named before under another title.
bool is_nationality_adjective(std::string_view w) {
  static const std::unordered_set<std::string_view> s = {"russe", "russes", "turc", "turque", "belge",
                                                         "belges", "suisse", "suisses", "grec", "grecque"};
  if (s.count(w)) return true;
  for (std::string_view suf : {"ain", "aine", "ains", "aines", "ais", "aise", "ien", "ienne", "iens", "iennes",
                               "and", "ande", "ands", "andes", "ol", "ole", "ois", "oise", "éen", "éenne"})
    if (w.size() > suf.size() + 2 && w.ends_with(suf)) return true;
  return false;
}

bool is_preposition_of(std::string_view w) {
  return w == "de" || w == "du" || w == "des" || w == "d'" || w == "à" || w == "au" || w == "aux";
}
bool is_article(std::string_view w) { return w == "la" || w == "le" || w == "les" || w == "l'"; }

struct Tok {
  uint32_t b = 0, e = 0;
  std::string low;
  bool upper = false;
  int quote = -1;  // index of the quotation whose marks or content hold the token
  int sentence = 0;
  int para = 0;
};

enum class RefKind { kName, kDescription, kPronoun, kCollective, kOrg };

// A mention of who may speak: a name, a description, a pronoun, a group, an organisation.
struct Ref {
  int tb = 0, te = 0;  // tokens [tb, te)
  RefKind kind = RefKind::kName;
  std::string surface;  // the speaker as written
  std::optional<std::string> entity;
  char gender = 'u';  // 'm', 'f', 'u' (unknown), 'p' (plural)
  std::vector<std::string> words;  // a description's head and modifiers (Description::words)
};

struct Description {
  int tb = 0, te = 0;
  char gender = 'u';
  char title_gender = 'u';  // the title's own gender ('u' for "ministre", "maire")
  bool plural = false;
  bool definite = false;
  std::string head;
  std::vector<std::string> words;  // head and modifiers, lower case
};

struct VerbMatch {
  int tb = -1, te = -1;
  int clitic = -1;  // token of an inverted subject clitic ("-t-il")
  bool participle_clause = false;  // "rappelant que": the subject is the clause's
};

class Attributor {
 public:
  Attributor(std::string_view text, const Annotations& a) : text_(text), ann_(a) {}

  std::vector<Quote> run() {
    marks_ = quotes::find_marked_quotes(text_);
    if (marks_.empty()) return {};
    build_tokens();
    build_refs();
    silent_.assign(marks_.size(), false);
    next_named_.assign(marks_.size(), -1);
    std::vector<Quote> out;
    out.reserve(marks_.size());
    for (size_t k = 0; k < marks_.size(); ++k) out.push_back(attribute(static_cast<int>(k)));
    resolve_floating(out);
    pronoun_after_institution(out);
    return out;
  }

 private:
  // --- tokens ---------------------------------------------------------------------------------
  void build_tokens() {
    const auto& spans = ann_.tokens;
    toks_.reserve(spans.size());
    size_t q = 0;
    int para = 0;
    uint32_t prev_end = 0;
    for (const Span& sp : spans) {
      if (sp.end > text_.size() || sp.begin >= sp.end || sp.begin < prev_end) continue;
      Tok t;
      t.b = sp.begin;
      t.e = sp.end;
      std::string_view surf = text_.substr(sp.begin, sp.end - sp.begin);
      t.low = lower_token(surf);
      t.upper = starts_upper(surf);
      // Paragraph breaks between the previous token and this one.
      int breaks = 0;
      for (uint32_t i = prev_end; i < sp.begin; ++i)
        if (text_[i] == '\n') ++breaks;
      if (breaks >= 2 && !toks_.empty()) ++para;
      t.para = para;
      while (q < marks_.size() && marks_[q].close_end <= sp.begin) ++q;
      if (q < marks_.size() && sp.begin >= marks_[q].open) t.quote = static_cast<int>(q);
      prev_end = sp.end;
      toks_.push_back(std::move(t));
    }
    number_sentences();
    entity_at_.assign(toks_.size(), -1);
    loc_at_.assign(toks_.size(), -1);
    for (size_t i = 0; i < ann_.entities.size(); ++i) {
      const auto& e = ann_.entities[i];
      if (e.type == "LOC") {
        int tb = tok_at(e.span.begin);
        if (tb < static_cast<int>(toks_.size()) && toks_[tb].b == e.span.begin) loc_at_[tb] = static_cast<int>(i);
        continue;
      }
      if (e.type != "PER" && e.type != "ORG") continue;
      int tb = tok_at(e.span.begin);
      if (tb < static_cast<int>(toks_.size()) && toks_[tb].b == e.span.begin && entity_at_[tb] < 0)
        entity_at_[tb] = static_cast<int>(i);
    }
  }

  // Sentences as attribution needs them: a sentence ends at a final mark outside quotations, at a
  // paragraph break, or after a quotation ending in a final mark when a capital follows. A
  // quotation's tokens belong to the sentence it opens in. (The tokenizer's sentences are not used:
  // a learned splitter may cut before an opening mark, which would hide the cue from its quote.)
  void number_sentences() {
    int sid = 0;
    for (size_t i = 0; i < toks_.size(); ++i) {
      if (i > 0) {
        const Tok& p = toks_[i - 1];
        bool brk = toks_[i].para != p.para;
        if (p.quote < 0 && !p.low.empty() &&
            (p.low.find_first_not_of(".!?") == std::string::npos || p.low == "\xE2\x80\xA6"))
          brk = true;
        if (p.quote >= 0 && toks_[i].quote != p.quote && toks_[i].upper) {
          const MarkedQuote& m = marks_[p.quote];
          if (ends_sentence(text_.substr(m.content_begin, m.content_end - m.content_begin))) brk = true;
        }
        if (toks_[i].quote >= 0 && p.quote == toks_[i].quote) brk = false;
        if (brk) ++sid;
      }
      toks_[i].sentence = sid;
    }
  }

  // Index of the first token starting at or after `byte`.
  int tok_at(uint32_t byte) const {
    auto it = std::lower_bound(toks_.begin(), toks_.end(), byte,
                               [](const Tok& t, uint32_t b) { return t.b < b; });
    return static_cast<int>(it - toks_.begin());
  }
  int n() const { return static_cast<int>(toks_.size()); }
  // A view: comparing it with a literal is inlined (a std::string's operator== with a literal
  // called compare(), a fifth of attribution's instructions).
  std::string_view low(int i) const { return i >= 0 && i < n() ? std::string_view(toks_[i].low) : std::string_view(); }
  bool free(int i) const { return i >= 0 && i < n() && toks_[i].quote < 0; }
  int entity_end(int ent) const { return tok_at(ann_.entities[ent].span.end); }
  std::string surface(int tb, int te) const {
    if (tb >= te) return {};
    return std::string(text_.substr(toks_[tb].b, toks_[te - 1].e - toks_[tb].b));
  }

  // --- descriptions ---------------------------------------------------------------------------
  // "le ministre allemand de la Défense", "les ministres des Affaires étrangères", and with
  // allow_bare, an apposition without article ("ancien ambassadeur des États-Unis").
  std::optional<Description> parse_description(int i, bool allow_bare) const {
    if (!free(i)) return std::nullopt;
    Description d;
    d.tb = i;
    std::string_view det = low(i);
    int j = i;
    bool plural_det = false, singular_det = false;
    if (det == "le" || det == "la" || det == "l'") singular_det = d.definite = true;
    else if (det == "les") plural_det = d.definite = true;
    else if (det == "un" || det == "une" || det == "son" || det == "sa" || det == "leur" || det == "cet" ||
             det == "cette" || det == "ce")
      singular_det = true;
    else if (det == "des" || det == "ces" || det == "plusieurs" || det == "certains" || det == "ses" ||
             det == "leurs" || det == "nombreux" || det == "de")
      plural_det = true;
    else if (!allow_bare) return std::nullopt;
    if (singular_det || plural_det) ++j;
    bool former = false;  // "l'ancien président" is not "le président"
    for (int k = 0; k < 2 && free(j) && quotes::is_title_premodifier(low(j)); ++k, ++j)
      if (low(j).starts_with("ancien") || low(j) == "ex") former = true;
    if (!free(j)) return std::nullopt;
    char g = quotes::person_title(low(j));
    if (!g) return std::nullopt;
    // A capitalised title is a name's first word, unless it is an acronym ("le PDG").
    if (toks_[j].upper && j != i && low(j) != "pdg") return std::nullopt;
    d.plural = g == 'p';
    if ((plural_det && !d.plural) || (singular_det && d.plural)) return std::nullopt;
    if (det == "la" || det == "une" || det == "sa" || det == "cette") d.gender = 'f';
    else if (det == "le" || det == "un" || det == "cet" || det == "ce") d.gender = 'm';
    if (g == 'm' || g == 'f') d.gender = g;
    if (d.plural) d.gender = 'p';
    d.title_gender = g;
    d.head = low(j);
    d.words.push_back(d.head);
    if (former) d.words.push_back("ancien");
    int k = j + 1;
    int lower_complements = 0;
    while (free(k) && k - j < 10) {
      std::string_view w = low(k);
      if (entity_at_[k] >= 0) break;
      if (is_preposition_of(w)) {
        int m = k + 1;
        if (free(m) && is_article(low(m))) ++m;
        if (free(m) && toks_[m].upper && entity_at_[m] < 0) {
          // "de la Défense", "des Affaires étrangères", "du Kremlin"
          d.words.emplace_back(low(m));
          ++m;
          while (free(m) && (toks_[m].upper || is_description_adjective(low(m))) && entity_at_[m] < 0 &&
                 m - k < 5) {
            d.words.emplace_back(low(m));
            ++m;
          }
          k = m;
          continue;
        }
        if (free(m) && entity_at_[m] >= 0 && ann_.entities[entity_at_[m]].type != "PER") {
          // "du Kremlin", "de l'OTAN" tagged as organisations or places
          int end = entity_end(entity_at_[m]);
          for (int x = m; x < end; ++x) d.words.emplace_back(low(x));
          k = end;
          continue;
        }
        if (w != "à" && w != "au" && w != "aux" && lower_complements == 0 && free(m) && is_word(low(m)) &&
            !toks_[m].upper && !quotes::is_reporting_finite(low(m)) && !quotes::is_auxiliary(low(m))) {
          // one lower-case complement: "de la diplomatie française", "de la famille"
          ++lower_complements;
          d.words.emplace_back(low(m));
          ++m;
          while (free(m) && is_description_adjective(low(m))) d.words.emplace_back(low(m++));
          k = m;
          continue;
        }
        break;
      }
      if (w == "chez" && free(k + 1) && toks_[k + 1].upper) {
        // "analyste chez Oddo BHF": the employer belongs to the description (the tagger may
        // read it as a person; it is no speaker).
        int m = entity_at_[k + 1] >= 0 ? std::max(k + 2, entity_end(entity_at_[k + 1])) : k + 2;
        while (entity_at_[k + 1] < 0 && free(m) && m - k < 5 && toks_[m].upper && is_word(low(m))) ++m;
        for (int x = k + 1; x < m; ++x) d.words.emplace_back(low(x));
        k = m;
        continue;
      }
      if (is_description_adjective(w) && !toks_[k].upper) {
        d.words.emplace_back(w);
        ++k;
        continue;
      }
      if ((w == "en" || w == "chargé" || w == "chargée") && free(k + 1) && !toks_[k + 1].upper &&
          is_word(low(k + 1)) && !quotes::is_reporting_finite(low(k + 1))) {
        // "expert en défense"
        d.words.emplace_back(low(k + 1));
        k += 2;
        continue;
      }
      break;
    }
    d.te = k;
    // "le chef de l'État" is the president: one description for both.
    if ((d.head == "chef" || d.head == "cheffe") &&
        std::find(d.words.begin(), d.words.end(), "état") != d.words.end()) {
      d.head = d.head == "chef" ? "président" : "présidente";
      d.words.erase(std::remove(d.words.begin(), d.words.end(), std::string("état")), d.words.end());
      d.words[0] = d.head;
    }
    // "le représentant de l'État" in a département is its prefect.
    if ((d.head == "représentant" || d.head == "représentante") &&
        std::find(d.words.begin(), d.words.end(), "état") != d.words.end()) {
      d.head = d.head == "représentant" ? "préfet" : "préfète";
      d.words = {d.head};
    }
    return d;
  }

  // --- references -------------------------------------------------------------------------------
  static bool compatible(char want, char have) {
    if (want == 'u' || have == 'u') return true;
    return want == have;
  }

  int sentence_of(const Ref& r) const { return toks_[r.tb].sentence; }

  // Does a verb seem to follow the reference ("Trump a annoncé", "il affirme")? A cheap stand-in
  // for "is the subject of its clause": the next word, past object clitics and negation, is a
  // lower-case word that is not a function word.
  bool subject_like(const Ref& r) const {
    static const std::unordered_set<std::string_view> clitics = {
        "ne", "n'", "l'", "lui", "leur", "se", "s'", "y", "en", "les", "nous", "vous", "me", "m'", "le", "la"};
    static const std::unordered_set<std::string_view> function_words = {
        "de", "du", "des", "d'", "à", "au", "aux", "dans", "sur", "sous", "avec", "pour", "par", "et", "ou",
        "mais", "qui", "que", "qu'", "dont", "un", "une", "ce", "cette", "ces", "son", "sa", "ses",
        "leurs", "entre", "contre", "vers", "chez", "après", "avant", "depuis", "pendant", "selon",
        "comme", "si", "lorsque", "quand", "puis", "donc", "car", "ni", "sans", "malgré", "lors", "face",
        "devant", "derrière", "parmi", "hors", "outre", "envers", "durant", "via", "dès", "jusqu'", "jusqu'à"};
    // "la mort d'un adolescent de 16 ans": a noun's complement is no clause subject.
    if (r.kind == RefKind::kDescription && r.tb > 0 && free(r.tb - 1) &&
        (low(r.tb - 1) == "d'" || low(r.tb - 1) == "de"))
      return false;
    int t = r.te;
    if (free(t) && low(t) == "," && free(t + 1) &&
        (quotes::is_auxiliary(low(t + 1)) || quotes::is_reporting_finite(low(t + 1))))
      return true;
    // "António Guterres, s'est dit ...": a reflexive verb after the apposition's comma.
    if (free(t) && low(t) == "," && free(t + 2) && (low(t + 1) == "s'" || low(t + 1) == "se") &&
        is_word(low(t + 2)) && !toks_[t + 2].upper)
      return true;
    auto verb_follows = [&](int t) {
      for (int k = 0; k < 3 && free(t) && clitics.count(low(t)); ++k) ++t;
      if (!free(t) || !is_word(low(t)) || toks_[t].upper) return false;
      return function_words.count(low(t)) == 0;
    };
    if (verb_follows(t)) return true;
    // "Le secrétaire général du syndicat X, Grégory J., ne décolère pas": a title before the name
    // in apposition, whose closing comma comes before the verb.
    if (free(t) && low(t) == "," && r.tb > 0 && free(r.tb - 1) && low(r.tb - 1) == "," && r.kind == RefKind::kName &&
        verb_follows(t + 1))
      return true;
    bool apposition_inside = false;  // the reference took in "Name, apposition" up to here
    for (int k = r.tb; k < r.te && !apposition_inside; ++k) apposition_inside = low(k) == ",";
    if (free(t) && (low(t) == "," || apposition_inside)) {
      if (low(t) != ",") --t;  // the rest of the apposition ("dans le Cantal"), then its comma
      // An apposition between commas ("Mamadou Keïta, éleveur dans le Cantal, a perdu", "Enzo
      // Dalmasso, 19 ans, vient"): the verb, if any, comes after the second comma.
      int c = t + 1;
      while (c < t + 10 && free(c) && low(c) != "," && toks_[c].sentence == toks_[r.tb].sentence &&
             (is_word(low(c)) || low(c) == "'" || low(c) == "-"))
        ++c;
      if (c > t + 1 && free(c) && low(c) == ",") return verb_follows(c + 1);
    }
    return false;
  }

  // The antecedent of a pronoun of gender `g` in sentence `sentence`: among earlier names and
  // descriptions of compatible gender, the nearest that looks like a clause subject in this or the
  // previous sentence, else the nearest. For 'f' an exact match is preferred (male first names are
  // not listed, so most men are 'u').
  // Only refs_[0, upto) are candidates.
  const Ref* antecedent(char g, int sentence, size_t upto) const {
    const Ref* nearest = nullptr;
    const Ref* nearest_exact = nullptr;
    int steps = 0;
    for (size_t k = upto; k-- > 0 && steps < kMaxRefsBack; ++steps) {
      const Ref& r = refs_[k];
      if (r.kind != RefKind::kName && r.kind != RefKind::kDescription) continue;
      if (!compatible(g, r.gender)) continue;
      bool recent = sentence - sentence_of(r) <= 1;
      if (!recent && (nearest_exact || nearest)) break;
      if (g == 'f' && r.gender != 'f') {
        if (!nearest) nearest = &r;
        continue;
      }
      if (!nearest_exact) nearest_exact = &r;
      if (recent && subject_like(r)) return &r;
    }
    return nearest_exact ? nearest_exact : nearest;
  }

  const Ref* last_collective() const {
    int steps = 0;
    for (auto it = refs_.rbegin(); it != refs_.rend() && steps < kMaxRefsBack; ++it, ++steps)
      if (it->kind == RefKind::kCollective) return &*it;
    return nullptr;
  }

  void add_attributes(const std::string& entity, const Description& d) {
    auto& a = attributes_[entity];
    for (const auto& w : d.words) a.insert(w);
    // "Le maire, Marie-Claire D.": a masculine article before a title of either gender tells
    // nothing (French keeps "le maire", "le ministre" for women); a feminine one does.
    if (d.title_gender == 'm' || d.title_gender == 'f' || d.gender == 'f') gender_[entity] = d.gender;
  }

  // A definite description resolved to a person named earlier (see quotes.h).
  const Ref* resolve_description(const Description& d) const {
    int steps = 0;
    for (auto it = refs_.rbegin(); it != refs_.rend() && steps < kMaxRefsBack; ++it, ++steps) {
      if (it->kind != RefKind::kName || !it->entity) continue;
      auto a = attributes_.find(*it->entity);
      if (a == attributes_.end()) continue;
      if (a->second.count("ancien") && std::find(d.words.begin(), d.words.end(), "ancien") == d.words.end()) continue;
      bool all = std::all_of(d.words.begin(), d.words.end(), [&](const std::string& w) { return a->second.count(w) > 0; });
      if (all) return &*it;
    }
    // "le patron des socialistes" after "le premier secrétaire du Parti socialiste, Olivier
    // Faure": another title, but a complement word the person was described with (singular or
    // plural), and no adjective that the recorded description lacks ("le ministre allemand des
    // Affaires étrangères" is not "le ministre français des Affaires étrangères").
    if (d.words.size() > 1) {
      auto singular = [](std::string w) {
        if (w.size() > 3 && (w.back() == 's' || w.back() == 'x')) w.pop_back();
        return w;
      };
      steps = 0;
      for (auto it = refs_.rbegin(); it != refs_.rend() && steps < kMaxRefsBack; ++it, ++steps) {
        if (it->kind != RefKind::kName || !it->entity || !compatible(d.gender, it->gender)) continue;
        auto a = attributes_.find(*it->entity);
        if (a == attributes_.end()) continue;
        if (a->second.count("ancien") && std::find(d.words.begin(), d.words.end(), "ancien") == d.words.end()) continue;
        std::unordered_set<std::string> recorded;
        for (const auto& w : a->second) recorded.insert(singular(w));
        bool shared = implied_by(d.head, a->second), conflict = false;
        for (size_t w = 1; w < d.words.size(); ++w) {
          const std::string& x = d.words[w];
          if (recorded.count(singular(x))) shared = shared || (x.size() > 3 && is_word(x));
          else if (is_description_adjective(x)) conflict = true;
        }
        if (shared && !conflict) return &*it;
      }
      if (const Ref* e = earlier_description(d)) return e;
      // A qualified title ("la secrétaire générale de la CGT", "le joueur de 22 ans", "le leader
      // syndical") right after a person was named: that person, when the text
      // gave them no title yet or the title is a generic one. "Le président ukrainien" after
      // "Donald Trump" names someone else, as does "le directeur financier" after "le président
      // de X, Jean Y".
      // The nationality matters for offices of state ("le président ukrainien", "le ministre
      // néerlandais"); after a coach, a player, an artist it is where they come from ("le coach
      // finistérien", "l'attaquant lyonnais").
      static const std::unordered_set<std::string_view> offices = {
          "président", "présidente", "ministre", "chef", "cheffe", "premier-ministre", "chancelier", "chancelière",
          "dirigeant", "dirigeante", "ambassadeur", "ambassadrice", "diplomate", "homologue", "roi", "reine",
          "émir", "monarque", "souverain", "leader", "secrétaire", "porte-parole", "négociateur", "envoyé",
          "émissaire", "gouverneur", "vice-président", "vice-présidente", "premier"};
      const bool national = offices.count(d.head) &&
                            std::any_of(d.words.begin() + 1, d.words.end(),
                                        [](const std::string& w) { return is_nationality_adjective(w); });
      if (!national)
        if (const Ref* r = salient_person(d)) return r;
      return nullptr;
    }
    // "le syndicaliste" for "Mourad Tahiri, secrétaire de la section FO", before a more recent
    // prefect: the person whose recorded description implies the title.
    steps = 0;
    for (auto it = refs_.rbegin(); it != refs_.rend() && steps < kMaxRefsBack; ++it, ++steps) {
      if (it->kind != RefKind::kName || !it->entity || !compatible(d.gender, it->gender)) continue;
      if (auto a = attributes_.find(*it->entity); a != attributes_.end() && implied_by(d.head, a->second))
        return &*it;
    }
    if (const Ref* e = earlier_description(d)) return e;
    steps = 0;
    const Ref* first_ok = nullptr;
    for (auto it = refs_.rbegin(); it != refs_.rend() && steps < kMaxRefsBack; ++it, ++steps) {
      if (it->kind != RefKind::kName || !it->entity) continue;
      if (!compatible(d.gender, it->gender)) continue;
      auto a = attributes_.find(*it->entity);
      // Called by the same title with other qualifiers: another person ("le président
      // ukrainien" is not "le président américain").
      if (a != attributes_.end() && (a->second.count(d.head) || a->second.count("ancien"))) continue;
      if (d.gender == 'f' && it->gender == 'f') return &*it;
      if (d.gender != 'f') return &*it;
      if (!first_ok) first_ok = &*it;
    }
    return first_ok;
  }

  // Titles that say little of who holds them: a person named with another title may be called so.
  static bool generic_title(std::string_view head) {
    static const std::unordered_set<std::string_view> s = {
        "leader", "dirigeant", "dirigeante", "responsable", "patron", "patronne", "joueur", "joueuse",
        "artiste", "homme", "femme", "élu", "élue", "sportif", "sportive"};
    return s.count(head) > 0;
  }

  // The person a qualified description right after them stands for (see resolve_description):
  // the nearest named person of compatible gender in the description's sentence or the two
  // before, unless the text already gave them the same title or another one that is not generic.
  // A clause subject among them is preferred to a nearer object ("Marine Tondelier a rencontré
  // Lucie Castets. « ... », a expliqué la secrétaire nationale des Écologistes").
  const Ref* salient_person(const Description& d) const {
    const int s = d.tb < n() ? toks_[d.tb].sentence : 0;
    int steps = 0;
    const Ref* nearest = nullptr;
    for (auto it = refs_.rbegin(); it != refs_.rend() && steps < kMaxRefsBack; ++it, ++steps) {
      if (s - toks_[it->tb].sentence > 2) break;
      if (it->kind != RefKind::kName || !it->entity || !compatible(d.gender, it->gender)) continue;
      auto a = attributes_.find(*it->entity);
      bool titled = a != attributes_.end() && !a->second.empty();
      bool fits = !(titled && (a->second.count(d.head) || a->second.count("ancien") || !generic_title(d.head)));
      if (!nearest) {
        if (!fits) return nullptr;
        nearest = &*it;
      }
      if (fits && subject_like(*it)) return &*it;
    }
    return nearest;
  }

  // The nearest named person of compatible gender in the description's sentence or the two
  // before, unless the text gave them this very title (then the description is someone else).
  const Ref* nearest_person(const Description& d) const {
    const int s = d.tb < n() ? toks_[d.tb].sentence : 0;
    int steps = 0;
    for (auto it = refs_.rbegin(); it != refs_.rend() && steps < kMaxRefsBack; ++it, ++steps) {
      if (it->tb >= d.tb) continue;
      if (s - toks_[it->tb].sentence > 2) break;
      if (it->kind != RefKind::kName || !it->entity || !compatible(d.gender, it->gender)) continue;
      auto a = attributes_.find(*it->entity);
      if (a != attributes_.end() && a->second.count(d.head)) return nullptr;
      return &*it;
    }
    return nullptr;
  }

  // An earlier description of someone the text never names ("Le maire de Brest ... l'édile", "la
  // procureure de la République ... la magistrate"): the same title with no word the earlier one
  // lacks, or a title the earlier one implies; "l'homme" / "la femme" stand for the last singular
  // description of their gender ("l'accusé").
  const Ref* earlier_description(const Description& d) const {
    if (!d.definite || d.plural) return nullptr;
    const bool any = d.head == "homme" || d.head == "femme";
    int steps = 0;
    for (auto it = refs_.rbegin(); it != refs_.rend() && steps < kMaxRefsBack; ++it, ++steps) {
      if (it->kind != RefKind::kDescription || it->entity || it->words.empty() || it->surface.empty()) continue;
      if (!compatible(d.gender, it->gender)) continue;
      if (any) {
        if (it->words[0] == "homme" || it->words[0] == "femme") continue;
        return &*it;
      }
      std::unordered_set<std::string> recorded(it->words.begin(), it->words.end());
      bool same = it->words[0] == d.head &&
                  std::all_of(d.words.begin(), d.words.end(), [&](const std::string& w) { return recorded.count(w) > 0; });
      if (same || implied_by(d.head, recorded)) return &*it;
    }
    return nullptr;
  }

  // A generic title implied by words of a person's recorded description: "l'élu" by "député" or
  // "maire", "le magistrat" by "procureur", "le syndicaliste" by a union ("section FO").
  static bool implied_by(const std::string& head, const std::unordered_set<std::string>& recorded) {
    static const std::unordered_map<std::string_view, std::vector<std::string_view>> implied = {
        {"élu", {"député", "sénateur", "eurodéputé", "maire", "conseiller"}},
        {"édile", {"maire", "maires"}},
        {"pdg", {"patron", "patronne", "président", "présidente", "directeur", "directrice"}},
        {"patron", {"pdg", "président", "directeur", "fondateur"}},
        {"patronne", {"pdg", "présidente", "directrice", "fondatrice"}},
        {"élue", {"députée", "sénatrice", "eurodéputée", "maire", "conseillère"}},
        {"magistrat", {"procureur", "juge", "substitut"}},
        {"magistrate", {"procureure", "juge", "substitute"}},
        {"syndicaliste", {"syndicat", "syndicale", "intersyndicale", "cgt", "cfdt", "fo", "unsa", "fsu", "sud",
                          "cfe-cgc", "cftc", "section"}}};
    auto it = implied.find(head);
    if (it == implied.end()) return false;
    for (std::string_view w : it->second)
      if (recorded.count(std::string(w))) return true;
    return false;
  }

  char name_gender(int tb, const std::string& entity) const {
    if (auto g = gender_.find(entity); g != gender_.end()) return g->second;
    if (tb > 0) {
      char h = quotes::honorific_gender(low(tb - 1));
      if (h == 'm' || h == 'f') return h;
    }
    // The first name of the mention, of the canonical name, or a first name the tagger left out
    // ("Rima" before "Abdul Malak").
    if (quotes::is_female_first_name(low(tb))) return 'f';
    if (tb > 0 && toks_[tb - 1].upper && quotes::is_female_first_name(low(tb - 1))) return 'f';
    std::string first = lower_token(entity.substr(0, entity.find(' ')));
    if (quotes::is_female_first_name(first)) return 'f';
    // A name of two words or more starts with a first name: a listed male one, or a guess from
    // its ending for a first name never listed ("Yolande", "Armelle"). One word alone may be a
    // surname ("Lemoine"), so it gets no guess.
    if (entity.find(' ') != std::string::npos) {
      std::string head = first.substr(0, first.find('-'));  // "jean-baptiste" -> "jean"
      if (quotes::is_male_first_name(first) || quotes::is_male_first_name(head)) return 'm';
      if (quotes::looks_female_first_name(first)) return 'f';
    }
    return 'u';
  }

  void build_refs() {
    for (int i = 0; i < n();) {
      if (!free(i)) {
        // The subject of an incise inside a quotation ("« Nous irons, a prévenu Sophie Binet,
        // jusqu'au bout »") is named for the text after it too ("La secrétaire générale de la
        // CGT ...", "a-t-elle lancé").
        if (toks_[i].quote >= 0 && entity_at_[i] >= 0 && ann_.entities[entity_at_[i]].type == "PER" &&
            incise_subject(i)) {
          i = add_name(i, i);
          continue;
        }
        ++i;
        continue;
      }
      // A number of people as a group: "une centaine d'étudiants", "des dizaines de riverains",
      // whom a plural pronoun stands for ("ont-ils scandé").
      {
        static const std::unordered_set<std::string_view> quantities = {
            "dizaine", "douzaine", "quinzaine", "vingtaine", "trentaine", "quarantaine", "cinquantaine",
            "soixantaine", "centaine", "millier", "dizaines", "centaines", "milliers", "poignée"};
        std::string_view w = low(i);
        if ((w == "une" || w == "un" || w == "des" || w == "plusieurs" || w == "quelques") && free(i + 3) &&
            quantities.count(low(i + 1)) && (low(i + 2) == "de" || low(i + 2) == "d'") && !toks_[i + 3].upper &&
            is_word(low(i + 3)) && (low(i + 3).ends_with("s") || low(i + 3).ends_with("x"))) {
          Ref r;
          r.tb = i;
          r.te = i + 4;
          r.surface = surface(i, i + 4);
          r.kind = RefKind::kCollective;
          r.gender = 'p';
          refs_.push_back(std::move(r));
          i += 4;
          continue;
        }
      }
      // "Le Néerlandais a reconnu", "la Britannique": an article and a capitalised nationality
      // before a verb is a person, whatever type the tagger gave it, and stands for the nearest
      // person named before of its gender.
      if ((low(i) == "le" || low(i) == "la") && free(i + 2) && toks_[i + 1].upper &&
          (entity_at_[i + 1] < 0 || ann_.entities[entity_at_[i + 1]].type != "PER") &&
          is_nationality_adjective(low(i + 1)) && !toks_[i + 2].upper && is_word(low(i + 2)) &&
          !is_preposition_of(low(i + 2))) {
        const char g = low(i) == "la" ? 'f' : 'm';
        if (const Ref* a = antecedent(g, toks_[i].sentence, refs_.size()); a && a->kind == RefKind::kName) {
          Ref r;
          r.tb = i;
          r.te = i + 2;
          r.kind = RefKind::kDescription;
          r.surface = a->surface;
          r.entity = a->entity;
          r.gender = a->gender == 'u' ? g : a->gender;
          refs_.push_back(std::move(r));
          i += 2;
          continue;
        }
      }
      // "aux côtés du président polonais, Karol Nawrocki": a title after "du" / "au" in apposition
      // to a name is recorded for that name ("le dirigeant polonais" later), which stays a name
      // in a complement as before.
      if ((low(i) == "du" || low(i) == "au") && free(i + 1))
        if (auto d = parse_description(i + 1, true); d && d->tb == i + 1 && !d->plural) {
          int m = d->te;
          if (free(m) && low(m) == ",") ++m;
          if (free(m) && entity_at_[m] >= 0 && ann_.entities[entity_at_[m]].type == "PER") {
            add_attributes(ann_.entities[entity_at_[m]].entity, *d);
            i = add_name(m, m);
            continue;
          }
        }
      // A description, possibly in front of the name it describes.
      if (auto d = parse_description(i, false)) {
        int m = d->te;
        // Adjectives the description parser leaves out before the name: "le chef étoilé
        // Jean-Baptiste Arnoult", "la célèbre navigatrice".
        for (int a = m; a < d->te + 2 && free(a) && !toks_[a].upper; ++a) {
          std::string_view w = low(a);
          bool adjective = is_description_adjective(w) ||
                           ((w.ends_with("\xC3\xA9") || w.ends_with("\xC3\xA9" "e")) && w.size() > 4 &&
                            !quotes::is_reporting_participle(w));
          if (!adjective) break;
          if (free(a + 1) && entity_at_[a + 1] >= 0 && ann_.entities[entity_at_[a + 1]].type == "PER") {
            m = a + 1;
            break;
          }
        }
        // An adjective of the complement's name the parser leaves out, before the name in
        // apposition: "La ministre chargée des Comptes publics, Claire M.".
        if (m == d->te) {
          int c = m;
          while (c < m + 2 && free(c) && !toks_[c].upper && is_word(low(c)) && !quotes::is_reporting_finite(low(c)) &&
                 !quotes::is_auxiliary(low(c)) && !is_preposition_of(low(c)) && !is_article(low(c)))
            ++c;
          if (c > m && free(c + 1) && low(c) == "," && entity_at_[c + 1] >= 0 &&
              ann_.entities[entity_at_[c + 1]].type == "PER")
            m = c;
        }
        // A short complement the description parser leaves out, before the name in apposition:
        // "l'adjoint à l'urbanisme, Marc L.", "son adjoint aux mobilités, Valentin L.".
        if (free(m) && (low(m) == "à" || low(m) == "au" || low(m) == "aux" || low(m) == "en")) {
          int c = m + 1;
          while (c < m + 5 && free(c) && is_word(low(c)) && !toks_[c].upper && !quotes::is_reporting_finite(low(c)) &&
                 !quotes::is_auxiliary(low(c)))
            ++c;
          if (c > m + 1 && free(c + 1) && low(c) == "," && entity_at_[c + 1] >= 0 &&
              ann_.entities[entity_at_[c + 1]].type == "PER")
            m = c;
        }
        // A further complement in "de", with a name in it, before the name in apposition: "le PDG
        // de l'enseigne de jardinage Verdimax, Paul R." (the parser takes one complement only).
        if (free(m) && (low(m) == "de" || low(m) == "du" || low(m) == "des" || low(m) == "d'")) {
          int c = m + 1;
          while (c < m + 8 && free(c) && (is_word(low(c)) || low(c) == "-") && low(c) != "," &&
                 !quotes::is_reporting_finite(low(c)) && !quotes::is_auxiliary(low(c)) &&
                 (entity_at_[c] < 0 || ann_.entities[entity_at_[c]].type != "PER"))
            ++c;
          // ", Me Clothilde A.": an honorific may come before the name.
          const int name = c + 1 + (free(c + 1) && quotes::honorific_gender(low(c + 1)) ? 1 : 0);
          if (c > m + 1 && free(name) && low(c) == "," && entity_at_[name] >= 0 &&
              ann_.entities[entity_at_[name]].type == "PER")
            m = c;
        }
        if (free(m) && low(m) == ",") ++m;
        if (free(m) && quotes::honorific_gender(low(m))) ++m;
        // A party label between the title and the name: "le député LR Bérénice Castagnol".
        if (free(m + 1) && toks_[m].upper && entity_at_[m] < 0 && entity_at_[m + 1] >= 0 &&
            ann_.entities[entity_at_[m + 1]].type == "PER" && m + 1 > d->tb + 1 && is_word(low(m)))
          ++m;
        if (free(m) && entity_at_[m] >= 0 && ann_.entities[entity_at_[m]].type == "PER" && !d->plural) {
          const auto& e = ann_.entities[entity_at_[m]];
          add_attributes(e.entity, *d);
          i = add_name(m, d->tb);
          continue;
        }
        Ref r;
        r.tb = d->tb;
        r.te = d->te;
        r.surface = surface(d->tb, d->te);
        if (d->plural) {
          r.kind = RefKind::kCollective;
          r.gender = 'p';
        } else {
          r.kind = RefKind::kDescription;
          r.gender = d->gender;
          r.words = d->words;
          if (d->definite)
            if (const Ref* a = resolve_description(*d)) {
              r.entity = a->entity;
              // "l'édile" for "le maire de Brest": the person as the text first described them.
              if (!a->entity) r.surface = a->surface;
              if (r.gender == 'u') r.gender = a->gender;
            }
        }
        refs_.push_back(std::move(r));
        i = d->te;
        continue;
      }
      if (entity_at_[i] >= 0) {
        const auto& e = ann_.entities[entity_at_[i]];
        // After "chez" a name is an employer or a host ("stratégiste chez Natixis"), whatever
        // the tagger says: an organisation, never a pronoun's antecedent.
        if (e.type == "PER" && !(i > 0 && low(i - 1) == "chez")) {
          i = add_name(i, i);
          continue;
        }
        Ref r;
        r.tb = i;
        r.te = std::max(i + 1, entity_end(entity_at_[i]));
        r.kind = RefKind::kOrg;
        r.surface = surface(r.tb, r.te);
        r.entity = e.entity;
        refs_.push_back(std::move(r));
        i = r.te;
        continue;
      }
      if (int e = metonymic_org_end(i); e > i) {
        Ref r;
        r.tb = i;
        r.te = e;
        r.kind = RefKind::kOrg;
        r.surface = surface(i, e);
        if (loc_at_[i] >= 0) r.entity = ann_.entities[loc_at_[i]].entity;
        refs_.push_back(std::move(r));
        i = e;
        continue;
      }
      std::string_view w = low(i);
      char clitic = quotes::subject_clitic_gender(w);
      bool after_prep = i > 0 && (low(i - 1) == "selon" || low(i - 1) == "pour" || low(i - 1) == "après");
      char g = 0;
      // Impersonal "il" ("il s'agit", "il faut", "il y a") stands for no one.
      const bool impersonal = w == "il" && free(i + 1) &&
                              ((low(i + 1) == "s'" && (low(i + 2) == "agit" || low(i + 2) == "agissait")) ||
                               low(i + 1) == "faut" || low(i + 1) == "fallait" || low(i + 1) == "faudra" ||
                               low(i + 1) == "faudrait" || (low(i + 1) == "y" && (low(i + 2) == "a" || low(i + 2) == "avait")));
      if (impersonal) g = 0;
      else if (w == "il" || (w == "lui" && after_prep)) g = 'm';
      else if (w == "elle") g = 'f';
      else if (w == "ils" || w == "elles") g = 'p';
      else if (clitic && w.find("on") == std::string::npos) g = clitic;  // "-t-on" names no one
      if (g) {
        Ref r;
        r.tb = i;
        r.te = i + 1;
        r.kind = RefKind::kPronoun;
        r.gender = g;
        const bool resumptive = i > 0 && low(i - 1) == "," && free(i + 1) && low(i + 1) == ",";
        int inst = -1;
        if (resumptive)
          for (int b = i - 2; b >= 0 && i - b <= 10 && free(b) && inst < 0; --b)
            if (institution_end(b) == i - 1) inst = b;
        if (resumptive && !refs_.empty() && refs_.back().te == i - 1 && !refs_.back().surface.empty()) {
          // "Les syndicats, eux, ...": the pronoun repeats the subject before its comma.
          Ref a = refs_.back();
          r.surface = a.surface;
          r.entity = a.entity;
          r.kind = a.kind;
          r.gender = a.gender;
        } else if (inst >= 0) {
          // "La direction, elle, évoque ...": an institution the pronoun repeats.
          r.surface = surface(inst, i - 1);
          r.kind = RefKind::kOrg;
        } else if (g == 'p') {
          if (const Ref* a = last_collective()) r.surface = a->surface;
        } else if (const Ref* a = antecedent(g, toks_[i].sentence, refs_.size())) {
          r.surface = a->surface;
          r.entity = a->entity;
          r.gender = a->gender == 'u' ? g : a->gender;
        } else if (auto subject = subject_phrase_before(i, g)) {
          // "L'ancien trésorier de l'association a reconnu les faits. « ... », a-t-il déclaré":
          // no person named, but a noun phrase of the right gender opens the sentence.
          r.surface = *subject;
        }
        // An unresolved pronoun keeps an empty surface: it names no speaker.
        refs_.push_back(std::move(r));
        ++i;
        continue;
      }
      // "ce dernier", "cette dernière", "celui-ci", "celle-ci": the person named last, of that
      // gender ("Jean X a répondu à Marc Y. Ce dernier a dénoncé « ... »" is Marc Y).
      const bool latter_m = (w == "ce" && low(i + 1) == "dernier") || w == "celui-ci";
      const bool latter_f = (w == "cette" && low(i + 1) == "dernière") || w == "celle-ci";
      if ((latter_m || latter_f) && free(i + 1)) {
        const int len = (w == "ce" || w == "cette") ? 2 : 1;
        Ref r;
        r.tb = i;
        r.te = i + len;
        r.kind = RefKind::kPronoun;
        r.gender = latter_f ? 'f' : 'm';
        int steps = 0;
        for (auto it = refs_.rbegin(); it != refs_.rend() && steps < kMaxRefsBack; ++it, ++steps) {
          if (it->kind != RefKind::kName && it->kind != RefKind::kDescription) continue;
          if (it->surface.empty() || !compatible(r.gender, it->gender)) continue;
          r.surface = it->surface;
          r.entity = it->entity;
          break;
        }
        refs_.push_back(std::move(r));
        i += len;
        continue;
      }
      if (w == "qui" && !refs_.empty()) {
        // "le président Trump, qui avait évoqué ...": the relative stands for what it follows.
        const Ref& last = refs_.back();
        if (last.te == i || (last.te == i - 1 && low(i - 1) == ",")) {
          Ref r = last;
          r.tb = i;
          r.te = i + 1;
          r.kind = last.kind == RefKind::kOrg ? RefKind::kOrg : RefKind::kPronoun;
          refs_.push_back(std::move(r));
        }
      }
      ++i;
    }
  }

  // The noun phrase that opens the sentence of token i, or the one before, when it is followed by
  // a verb and agrees with gender g (from its determiner): "L'ancien trésorier a reconnu ...".
  // A prepositional opener up to its comma is skipped ("Au tribunal de Lille, le prévenu ...").
  std::optional<std::string> subject_phrase_before(int i, char g) const {
    const int s = toks_[i].sentence;
    int b = i;
    for (int steps = 0; b > 0 && steps < kMaxLeftTokens && toks_[b - 1].sentence >= s - 1; ++steps) --b;
    if (toks_[b].sentence < s - 1) ++b;
    for (int start = b; start < i;) {
      int s0 = start;
      static const std::unordered_set<std::string_view> preps = {"à", "au", "aux", "dans", "devant", "lors", "après",
                                                                 "avant", "en", "sur", "pendant"};
      if (free(s0) && preps.count(low(s0))) {
        int c = s0 + 1;
        while (c < s0 + 12 && c < i && free(c) && low(c) != "," && toks_[c].sentence == toks_[s0].sentence) ++c;
        if (c < i && low(c) == ",") s0 = c + 1;
      }
      if (int e = noun_phrase_end(s0); e > 0 && e < i) {
        int v = e;
        while (free(v) && (low(v) == "s'" || low(v) == "se" || low(v) == "ne" || low(v) == "n'")) ++v;
        std::string_view det = low(s0);
        char dg = (det == "la" || det == "une") ? 'f' : (det == "le" || det == "un") ? 'm'
                  : (det == "les" || det == "des") ? 'p' : 'u';
        bool verb = free(v) && !toks_[v].upper && is_word(low(v)) &&
                    (quotes::is_auxiliary(low(v)) || quotes::is_reporting_finite(low(v)) || !is_preposition_of(low(v)));
        if (verb && compatible(g, dg) && (g == 'p') == (dg == 'p')) return surface(s0, e);
      }
      // the next sentence start
      int next = start;
      while (next < i && toks_[next].sentence == toks_[start].sentence) ++next;
      if (next >= i || toks_[next].sentence == s) {
        if (next < i && next != start && toks_[next].sentence == s && toks_[start].sentence == s - 1) {
          start = next;
          continue;
        }
        break;
      }
      start = next;
    }
    return std::nullopt;
  }

  // Is the name at token i, inside a quotation, the subject of an incise verb right before it
  // (", a prévenu Sophie Binet,")?
  bool incise_subject(int i) const {
    const int quote = toks_[i].quote;
    for (int j = i - 1; j >= 1 && i - j <= 4 && toks_[j].quote == quote; --j)
      if (auto v = match_verb(j, quote); v && v->te == i && v->clitic < 0)
        return low(j - 1) == "," && toks_[j - 1].quote == quote;
    return false;
  }

  // An organisation the tagger left untyped as one, at token i: an acronym in capitals after an
  // article ("la CGT", "l'OMS"), or a place that speaks, right before or after a reporting verb
  // ("L'Insee note", "Paris dénonce", "a indiqué Washington"). Returns the token after it, or i.
  int metonymic_org_end(int i) const {
    if (!free(i) || !toks_[i].upper) return i;
    int end = i;
    if (loc_at_[i] >= 0) {
      end = std::max(i + 1, tok_at(ann_.entities[loc_at_[i]].span.end));
    } else {
      std::string_view w = text_.substr(toks_[i].b, toks_[i].e - toks_[i].b);
      bool acronym = w.size() >= 2 && w.size() <= 6 &&
                     std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      // Roman numerals are no organisations ("Louis XIV", "XXIe").
      if (acronym && w.find_first_not_of("IVXLCDM") == std::string_view::npos) acronym = false;
      if (!acronym || i == 0) return i;
      static const std::unordered_set<std::string_view> preps = {
          "à", "par", "sur", "dans", "avec", "pour", "chez", "en", "vers", "sous", "contre", "auprès"};
      std::string_view d = low(i - 1);
      // "la CGT", "l'OMS"; not the medium of "a indiqué à l'AFP", "sur la BBC".
      // "Pour la CGT, ..." introduces the union as a source.
      if ((d == "la" || d == "le" || d == "l'" || d == "les") &&
          (!preps.count(low(i - 2)) || (low(i - 2) == "pour" && free(i + 1) && low(i + 1) == ",")))
        return i + 1;
      end = i + 1;
    }
    // Next to a reporting verb, past a reflexive or a negation.
    int j = end;
    for (int k = 0; k < 2 && free(j) && (low(j) == "s'" || low(j) == "se" || low(j) == "ne" || low(j) == "n'"); ++k) ++j;
    if (match_verb(j)) return end;
    for (int b = i - 1; b >= 0 && i - b <= 4 && free(b); --b)
      if (auto v = match_verb(b); v && v->te == i) return end;
    return i;
  }

  // A PER mention at token m; the reference starts at `from` (a description before it) and takes
  // in an apposition after it ("Pete Hegseth, le secrétaire à la Défense,").
  int add_name(int m, int from) {
    const auto& e = ann_.entities[entity_at_[m]];
    int end = std::max(m + 1, entity_end(entity_at_[m]));
    Ref r;
    r.tb = from;
    r.kind = RefKind::kName;
    r.surface = std::string(text_.substr(e.span.begin, e.span.end - e.span.begin));
    r.entity = e.entity;
    int te = end;
    if (free(end) && low(end) == ",") {
      auto d = parse_description(end + 1, true);
      // "Christine R., juge ces mesures « ... »": a bare title word followed by a determiner is the
      // verb of the name's clause (juger, conseiller, garder...), not an apposition.
      static const std::unordered_set<std::string_view> determiners = {
          "ce", "cet", "cette", "ces", "le", "la", "les", "l'", "un", "une", "des", "son", "sa", "ses", "leur", "leurs"};
      if (d && d->tb == end + 1 && d->te == end + 2 && free(d->te) && determiners.count(low(d->te))) d.reset();
      if (d && !d->plural) {
        add_attributes(e.entity, *d);
        te = d->te;
      } else if (free(end + 2) && !gender_.count(e.entity)) {
        // "Claire Hédon, la Défenseure des droits": the article tells the gender.
        std::string_view det = low(end + 1);
        if (det == "la" || det == "une") gender_[e.entity] = 'f';
        else if (det == "le" || det == "un") gender_[e.entity] = 'm';
      }
    }
    r.te = te;
    r.gender = name_gender(m, e.entity);
    refs_.push_back(std::move(r));
    return te;
  }

  // --- cues ---------------------------------------------------------------------------------------
  bool preceded_by_determiner(int i) const {
    static const std::unordered_set<std::string_view> dets = {
        "le", "la", "les", "l'", "un", "une", "des", "du", "au", "aux", "cette", "ce", "ces",
        "sa", "son", "ses", "leur", "leurs", "de", "d'", "notre", "votre", "nos", "vos", "à"};
    if (i <= 0 || !dets.count(low(i - 1))) return false;
    // "Olivier Faure la trouve", "il les juge": an object pronoun between a subject and its verb.
    std::string_view d = low(i - 1);
    if (d == "le" || d == "la" || d == "les" || d == "l'") {
      // "comme le dit X", "comme l'explique X": the pronoun stands for what is said.
      if (i >= 2 && low(i - 2) == "comme") return false;
      size_t k = ref_from(i - 1);
      if (k > 0 && refs_[k - 1].te == i - 1 && refs_[k - 1].kind != RefKind::kOrg) return false;
    }
    return true;
  }

  // A reporting verb starting at token i.
  // With quote >= 0, the verb is looked for among the tokens of that quotation (an incise).
  std::optional<VerbMatch> match_verb(int i, int quote = -1) const {
    auto free = [&](int t) { return t >= 0 && t < n() && toks_[t].quote == quote; };
    if (!free(i)) return std::nullopt;
    std::string_view w = low(i);
    VerbMatch v;
    v.tb = i;
    bool aux = quotes::is_auxiliary(w);
    bool pron_aux = quotes::is_pronominal_auxiliary(w) && i > 0 && (low(i - 1) == "s'" || low(i - 1) == "se");
    if (aux || pron_aux) {
      int j = i + 1;
      if (free(j) && quotes::subject_clitic_gender(low(j))) v.clitic = j++;
      for (int k = 0; k < 3 && free(j) && quotes::is_inserted_adverb(low(j)); ++k) {
        // "a tout de même concédé", "a tout de suite précisé": a locution counts as one adverb.
        if (low(j) == "tout" && free(j + 2) && low(j + 1) == "de" && (low(j + 2) == "même" || low(j + 2) == "suite"))
          j += 2;
        ++j;
      }
      if (free(j) && quotes::is_reporting_participle(low(j))) {
        int cont = quotes::multiword_cue_continuation(low(j), low(j + 1), low(j + 2));
        // "a laissé", "a fait", "a mis" report nothing without their second word ("a laissé
        // entendre", "a fait savoir", "a mis en garde").
        if (!cont && (low(j) == "laissé" || low(j) == "fait" || low(j) == "mis")) return std::nullopt;
        v.te = j + 1 + cont;
        return v;
      }
      if (free(j) && quotes::multiword_cue_continuation(low(j), low(j + 1), low(j + 2))) {
        v.te = j + 1 + quotes::multiword_cue_continuation(low(j), low(j + 1), low(j + 2));
        return v;
      }
      // "s'est borné à indiquer", "a tenu à rappeler", "a voulu rassurer": a reporting infinitive
      // after a verb of will or restriction.
      static const std::unordered_set<std::string_view> modal = {
          "borné", "bornée", "bornés", "bornées", "contenté", "contentée", "contentés", "contentées",
          "tenu", "tenue", "voulu", "souhaité", "préféré", "choisi", "cru", "jugé"};
      if (free(j) && modal.count(low(j))) {
        int f = j + 1;
        if (free(f) && (low(f) == "à" || low(f) == "de" || low(f) == "d'" || low(f) == "bon")) ++f;
        if (free(f) && low(f) == "de") ++f;  // "a jugé bon de"
        if (free(f) && quotes::is_reporting_infinitive(low(f))) {
          v.te = f + 1;
          return v;
        }
      }
      return std::nullopt;
    }
    int cont = quotes::multiword_cue_continuation(w, low(i + 1), low(i + 2));
    if (cont) {
      v.te = i + 1 + cont;
      return v;
    }
    if (quotes::is_reporting_finite(w) && !toks_[i].upper && !preceded_by_determiner(i)) {
      v.te = i + 1;
      if (free(i + 1) && quotes::subject_clitic_gender(low(i + 1))) v.clitic = v.te++;
      v.participle_clause = quotes::is_present_participle(w);
      return v;
    }
    return std::nullopt;
  }

  std::string cue_text(const VerbMatch& v) const { return surface(v.tb, v.te); }

  // Index into refs_ of the first reference starting at or after token t.
  size_t ref_from(int t) const {
    auto it = std::lower_bound(refs_.begin(), refs_.end(), t, [](const Ref& r, int tok) { return r.tb < tok; });
    return static_cast<size_t>(it - refs_.begin());
  }

  static bool is_person(const Ref& r) { return r.kind != RefKind::kOrg; }

  // The subject of a cue verb at the left of a quotation, in sentence `s`.
  const Ref* subject_before(const VerbMatch& v, int s) const {
    if (v.clitic >= 0) return ref_at(v.clitic);
    size_t k = ref_from(v.tb);
    const Ref* nearest = nullptr;
    const Ref* nearest_org = nullptr;
    const Ref* first = nullptr;
    int steps = 0;
    while (k-- > 0 && steps++ < kMaxRefsBack) {
      const Ref& r = refs_[k];
      if (toks_[r.tb].sentence != s) break;
      if (r.te > v.tb) continue;
      if (is_person(r)) {
        if (!nearest) nearest = &r;
        first = &r;
      } else if (!nearest_org) {
        nearest_org = &r;
      }
    }
    bool coordinated = v.tb > 0 && (low(v.tb - 1) == "et" || low(v.tb - 1) == "puis");
    if ((v.participle_clause || coordinated) && first) {
      // The subject of the clause the participle or the coordinated verb hangs on.
      k = ref_from(v.tb);
      steps = 0;
      while (k-- > 0 && steps++ < kMaxRefsBack) {
        const Ref& r = refs_[k];
        if (toks_[r.tb].sentence != s) break;
        if (r.te <= v.tb && is_person(r) && subject_like(r)) return &r;
      }
      return first;
    }
    if (nearest) return nearest;
    return nearest_org;
  }

  const Ref* ref_at(int tok) const {
    size_t k = ref_from(tok);
    if (k < refs_.size() && refs_[k].tb == tok) return &refs_[k];
    return nullptr;
  }

  // A subject after the verb ("», a déclaré le président"), before the sentence ends.
  // A reference in a prepositional complement ("a raconté à l'AFP Josiane B.", "a dit devant
  // le Sénat le ministre") is no subject: the subject comes after it.
  bool in_complement(const Ref& r) const {
    static const std::unordered_set<std::string_view> preps = {
        "à", "au", "aux", "auprès", "devant", "chez", "par", "pour", "sur", "dans", "en", "avec", "depuis", "vers"};
    int t = r.tb - 1;
    if (t >= 0 && free(t) && (is_article(low(t)) || low(t) == "de" || low(t) == "d'")) --t;
    return t >= 0 && free(t) && preps.count(low(t)) > 0;
  }

  const Ref* subject_after(const VerbMatch& v) const {
    if (v.clitic >= 0) return ref_at(v.clitic);
    for (size_t k = ref_from(v.te); k < refs_.size(); ++k) {
      const Ref& r = refs_[k];
      if (r.tb - v.te > kMaxRightTokens) return nullptr;
      for (int t = v.te; t < r.tb; ++t) {
        std::string_view w = low(t);
        if (!free(t) || w == "." || w == ";" || w == "!" || w == "?" || w == ":") return nullptr;
        // "estimant que le prévenu avait agi": past "que" is the reported clause, not the verb's subject.
        if (w == "que" || w == "qu'") return nullptr;
      }
      if (in_complement(r) && r.tb > v.te) continue;
      return &r;
    }
    return nullptr;
  }

  // Is the word before the opening mark a naming participle ("dite", "baptisée", "intitulé")?
  bool names_what_follows(int open_tok) const {
    static const std::unordered_set<std::string_view> naming = {
        "dite", "dites", "dits", "baptisé", "baptisée", "baptisés", "baptisées", "surnommé",
        "surnommée", "surnommés", "surnommées", "intitulé", "intitulée", "intitulés", "intitulées",
        "nommé", "nommée", "nommés", "nommées", "appelé", "appelée", "appelés", "appelées"};
    int t = open_tok - 1;
    if (!free(t)) return false;
    std::string_view w = low(t);
    bool named = naming.count(w) > 0;
    // The title of a work after its noun: "invitée de l'émission « X »", "son roman « Y »".
    static const std::unordered_set<std::string_view> works = {
        "émission", "film", "documentaire", "série", "livre", "roman", "essai", "album", "chanson", "spectacle",
        "pièce", "magazine", "podcast", "exposition", "opéra", "feuilleton", "téléfilm", "recueil", "tube"};
    // With an apposition comma and an ordinal or "nouveau" before the noun: "son quatrième
    // album, « X »", "le nouveau film « Y »".
    {
      static const std::unordered_set<std::string_view> premodifiers = {
          "premier", "première", "dernier", "dernière", "nouveau", "nouvel", "nouvelle", "prochain",
          "prochaine", "second", "seconde", "deuxième", "troisième", "quatrième", "cinquième", "sixième",
          "septième", "huitième", "neuvième", "dixième"};
      int u = t;
      if (w == "," && u >= 2 && free(u - 1)) --u;
      if (works.count(low(u)) && u >= 1) {
        int d = u;
        while (d >= 2 && u - d < 2 && free(d - 1) && premodifiers.count(low(d - 1))) --d;
        if (preceded_by_determiner(d)) return true;
      }
    }
    // "le projet dit « X »", not "il a dit « X »": a noun with its determiner before "dit".
    if (w == "dit") named = t >= 2 && free(t - 1) && !toks_[t - 1].upper && is_word(low(t - 1)) &&
                            preceded_by_determiner(t - 1) && !quotes::is_auxiliary(low(t - 1));
    if (!named) return false;
    // After an auxiliary or a reflexive the participle is a verb of saying or calling ("a appelé
    // « à la retenue »", "s'est dite « inquiète »").
    std::string_view before = low(t - 1);
    return !(quotes::is_auxiliary(before) || quotes::is_pronominal_auxiliary(before) || before == "s'" ||
             before == "se");
  }

  // The source after "selon" / "d'après" when it is no known reference: a short phrase starting
  // with a determiner or a capital and ending at a comma, before the quotation.
  std::optional<std::string> source_phrase(int t, int open_tok) const {
    static const std::unordered_set<std::string_view> dets = {
        "le", "la", "les", "l'", "un", "une", "des", "cet", "cette", "ce", "ces", "plusieurs"};
    if (!free(t) || !(dets.count(low(t)) || toks_[t].upper)) return std::nullopt;
    for (int k = t + 1; k < open_tok && k - t <= 8; ++k) {
      if (!free(k)) return std::nullopt;
      if (low(k) == ",") return surface(t, k);
      if (!is_word(low(k)) && low(k) != "'") return std::nullopt;
    }
    return std::nullopt;
  }

  // "C'est par ces mots que X ...", "C'est en ces termes que X ...", "C'est ainsi que X ..." in the
  // sentence right after the quotation (tokens from `t`): the reference after "que".
  const Ref* speaker_of_these_words(int t, int close_tok) const {
    if (!free(t) || !free(t + 1) || close_tok >= n() || toks_[t].para != toks_[close_tok].para) return nullptr;
    if (low(t) != "c'" || low(t + 1) != "est") return nullptr;
    bool these_words = false;
    for (int k = t + 2; k < t + 8 && free(k); ++k) {
      std::string_view w = low(k);
      if (w == "mots" || w == "termes" || w == "propos" || w == "ainsi" || w == "formule" || w == "phrase")
        these_words = true;
      if (w == "que" || w == "qu'") {
        if (!these_words) return nullptr;
        const Ref* r = ref_at(k + 1);
        return r && !r->surface.empty() ? r : nullptr;
      }
      if (w == "." || w == "," || w == ";") return nullptr;
    }
    return nullptr;
  }

  // A capitalised name at tokens [t, end) (end extended over further capitalised words and
  // attached hyphens when `end` is t + 1) that no reference covers: "Météo-France", "Matignon",
  // "Sylvie". Pronouns and determiners are no names.
  std::optional<std::string> untagged_name(int t, int end) const {
    static const std::unordered_set<std::string_view> not_names = {
        "le", "la", "les", "l'", "il", "elle", "ils", "elles", "on", "ce", "c'", "cette", "cet", "ces",
        "un", "une", "des", "son", "sa", "ses", "leur", "leurs", "mon", "ma", "nous", "vous", "je", "j'",
        "tu", "qui", "que", "et", "mais", "puis", "alors", "ainsi", "selon", "pour", "d'après"};
    if (!free(t) || !toks_[t].upper || !is_word(low(t)) || not_names.count(low(t))) return std::nullopt;
    if ((quotes::honorific_gender(low(t)) || (low(t) == "m" && low(t + 1) == ".")) && end == t + 1) {
      // "», a ajouté M. Dupont": the name after the honorific ("M" alone names no one).
      int k = t + 1;
      if (free(k) && low(k) == ".") ++k;
      return untagged_name(k, k + 1);
    }
    if (end == t + 1)
      while (free(end) && end - t < 5 &&
             ((toks_[end].upper && is_word(low(end)) && toks_[end].sentence == toks_[t].sentence) ||
              (low(end) == "-" && toks_[end].b == toks_[end - 1].e && free(end + 1) &&
               toks_[end + 1].b == toks_[end].e)))
        ++end;
    for (int k = t; k < end; ++k)
      if (!free(k) || ref_at(k) || (k < n() && entity_at_[k] >= 0)) return std::nullopt;
    return surface(t, end);
  }

  // An institution or group that speaks through a spokesperson, with its complement: "la
  // direction de Renault", "la préfecture", "l'entourage du ministre", "la famille de la victime".
  // Returns the token after it, or 0 when there is none at t.
  // With `bare`, the noun is at t without its article (after "au", "du": "assure-t-on au
  // ministère de l'Intérieur"). "une source" (proche du dossier, policière) speaks so too.
  int institution_end(int t, bool bare = false) const {
    static const std::unordered_set<std::string_view> nouns = {
        "direction", "préfecture", "mairie", "gouvernement", "ministère", "parquet", "entourage",
        "gendarmerie", "rectorat", "présidence", "municipalité", "intersyndicale", "défense",
        "famille", "fédération", "commission", "police", "département", "opposition", "majorité",
        "communauté", "métropole", "région", "agglomération", "collectivité", "académie", "administration",
        "agence", "inspection", "assemblée", "source", "cour"};
    static const std::unordered_set<std::string_view> qualifiers = {
        "proche", "proches", "policière", "judiciaire", "sécuritaire", "militaire", "gouvernementale",
        "diplomatique", "syndicale", "municipale", "régionale", "départementale", "générale", "général",
        "nationale", "national"};
    const int noun = bare ? t : t + 1;
    if (!free(t) || !free(noun) || !nouns.count(low(noun))) return 0;
    if (!bare) {
      std::string_view det = low(t);
      bool article = is_article(det) && det != "les";
      // "son entourage", "sa famille": a possessive before the institution of a person.
      bool possessive = det == "son" || det == "sa" || det == "leur";
      if (!article && !possessive && !((det == "une" || det == "un") && low(noun) == "source")) return 0;
    }
    int e = noun + 1;
    while (free(e) && e - noun < 3 && qualifiers.count(low(e))) ++e;
    // One complement, and one more naming a place or body in capitals ("l'entourage du chef de
    // l'État", "la communauté d'agglomération de Quimperlé").
    for (int round = 0; round < 2; ++round) {
      if (!(free(e) && is_preposition_of(low(e)) && low(e) != "à" && low(e) != "au" && low(e) != "aux")) break;
      int m = e + 1;
      if (free(m) && is_article(low(m))) ++m;
      if (round == 1 && !(free(m) && toks_[m].upper)) break;
      if (!(free(m) && is_word(low(m)) && !quotes::is_reporting_finite(low(m)) && !quotes::is_auxiliary(low(m))))
        break;
      ++m;
      // An adjective of the complement's noun: "la direction générale de l'aviation civile".
      if (free(m) && !toks_[m].upper && !toks_[m - 1].upper && !quotes::is_reporting_finite(low(m)) &&
          !quotes::is_reporting_participle(low(m))) {
        std::string_view a = low(m);
        for (std::string_view suf : {"ile", "ique", "ale", "elle", "aire", "ieure", "ive"})
          if (a.size() > suf.size() + 2 && a.ends_with(suf)) {
            ++m;
            break;
          }
      }
      while (free(m) && m - e < 5 && toks_[m].upper && is_word(low(m))) ++m;
      e = m;
    }
    // "le département d'Etat américain": a nationality after the complement.
    while (free(e) && !toks_[e].upper && e - t < 9 && is_description_adjective(low(e))) ++e;
    return e;
  }

  // A complement naming the medium or the audience at token t ("à l'AFP", "au Parisien", "sur
  // France Inter", "devant la presse", "auprès de l'AFP"): the token after it, else t.
  int skip_medium(int t) const {
    // A day or moment first: "a indiqué jeudi à l'AFP l'entourage du ministre".
    static const std::unordered_set<std::string_view> days = {
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "aujourd'hui"};
    if (free(t) && days.count(low(t))) {
      int d = t + 1;
      if (free(d) && (low(d) == "soir" || low(d) == "matin" || low(d) == "midi" || low(d) == "après-midi")) ++d;
      const int m = skip_medium(d);
      return m;
    }
    if (!free(t)) return t;
    std::string_view p = low(t);
    if (p != "à" && p != "au" && p != "aux" && p != "sur" && p != "devant" && p != "auprès") return t;
    int k = t + 1;
    if (p == "auprès" && free(k) && (low(k) == "de" || low(k) == "du" || low(k) == "des" || low(k) == "d'")) ++k;
    if (free(k) && is_article(low(k))) ++k;
    if (!free(k) || !is_word(low(k))) return t;
    if (toks_[k].upper) {
      int e = k + 1;
      while (e < k + 4 && free(e) && (toks_[e].upper || low(e) == "-" || low(e) == "+") && toks_[e].sentence == toks_[k].sentence)
        ++e;
      return e;
    }
    if (p == "devant" || p == "auprès") return k + 1;  // "devant la presse", "auprès des journalistes"
    return t;
  }

  // "dans l'entourage de X", "à Matignon", "chez Renault", "au ministère de ..." at token t, after
  // an incise verb with "on" as subject: the speaker of the quotation.
  void speaker_of_on(int t, Quote& q) const {
    if (!free(t) || !free(t + 1)) return;
    std::string_view p = low(t);
    if (p == "au") {
      if (int e = institution_end(t + 1, true); e > 0) q.speaker = surface(t + 1, e);
      return;
    }
    if (p != "dans" && p != "à" && p != "chez") return;
    const Ref* r = ref_at(t + 1);
    if (!r && is_article(low(t + 1))) r = ref_at(t + 2);  // "à la CGT"
    if (int e = institution_end(t + 1); e > 0) {
      q.speaker = surface(t + 1, e);
    } else if (r && !r->surface.empty() && r->kind != RefKind::kPronoun) {
      set_speaker(q, *r);
    } else if (auto name = untagged_name(t + 1, t + 2)) {
      q.speaker = *name;
    }
  }

  // "Du côté de X, on juge ...", "Chez X, on assure que ...", "À Matignon, on ...": the subject
  // "on" right before the verb speaks for the place or group the sentence opens with.
  bool speaker_of_opener_on(const VerbMatch& v, Quote& q) const {
    if (v.clitic >= 0 || v.tb < 3) return false;
    int on = v.tb - 1;
    if (low(on) == "n'" || low(on) == "ne") --on;
    if (on < 2 || !free(on) || low(on) != "on" || low(on - 1) != ",") return false;
    int s0 = on;
    while (s0 > 0 && toks_[s0 - 1].sentence == toks_[on].sentence) --s0;
    if (on - s0 > 10) return false;
    for (int t = s0; t < on - 1; ++t)
      if (!free(t) || low(t) == ",") return false;
    if (low(s0) == "du" && low(s0 + 1) == "côté" && (low(s0 + 2) == "de" || low(s0 + 2) == "d'")) {
      const int x = s0 + 3;
      const Ref* r = ref_at(x);
      if (!r && is_article(low(x))) r = ref_at(x + 1);
      if (int e = institution_end(x); e > 0) q.speaker = surface(x, e);
      else if (r && !r->surface.empty() && r->kind != RefKind::kPronoun) set_speaker(q, *r);
      else if (auto name = untagged_name(x, x + 1)) q.speaker = *name;
    } else {
      speaker_of_on(s0, q);
    }
    return q.speaker.has_value();
  }

  // After a subject, an inserted resumptive pronoun or adverbial between commas (", elle,", ", de
  // son côté,", ", pour sa part,"): the token after it, else e.
  int skip_subject_gap(int e) const {
    // A reflexive or a negation before the verb ("s'est dit", "ne dément pas") is no gap; the
    // verb match starts after it.
    for (int k = 0; k < 2 && free(e) && (low(e) == "s'" || low(e) == "se" || low(e) == "ne" || low(e) == "n'"); ++k)
      if (free(e + 1) && (quotes::is_pronominal_auxiliary(low(e + 1)) || quotes::is_reporting_finite(low(e + 1)) ||
                          quotes::is_auxiliary(low(e + 1))))
        ++e;
    if (!free(e) || low(e) != ",") return e;
    static const std::unordered_set<std::string_view> words = {
        "elle", "lui", "eux", "elles", "de", "son", "sa", "leur", "côté", "pour", "part", "quant", "à", "aussi",
        "toutefois", "pourtant", "cependant", "néanmoins", "également"};
    for (int k = e + 1; k < e + 5 && free(k); ++k) {
      if (low(k) == ",") return k > e + 1 ? k + 1 : e;
      if (!words.count(low(k))) return e;
    }
    return e;
  }

  // An organisation named as the complement of an institution ("la direction de la SNCF", "le
  // ministère de l'Intérieur"): the institution's first token, else -1. The institution speaks,
  // as written, without the organisation's entity (as "», fait valoir la direction de Renault").
  int institution_of(const Ref& r) const {
    if (r.kind != RefKind::kOrg) return -1;
    for (int b = r.tb - 1; b >= 0 && r.tb - b <= 4; --b)
      if (institution_end(b) == r.te) return b;
    return -1;
  }

  // The sentence holding token `subject` opens with "Selon X," or "D'après X," before it: X (a
  // reference, else the phrase as written) becomes the speaker of `q`. False when it does not.
  bool sentence_source(int subject, int open_tok, Quote& q) const {
    int s0 = subject;
    while (s0 > 0 && toks_[s0 - 1].sentence == toks_[subject].sentence) --s0;
    int src = -1;
    if (free(s0) && low(s0) == "selon") src = s0 + 1;
    else if (free(s0 + 1) && low(s0) == "d'" && low(s0 + 1) == "après") src = s0 + 2;
    if (src < 0 || src >= subject) return false;
    int comma = src;
    while (comma < subject && low(comma) != ",") ++comma;
    if (comma >= subject) return false;
    // Pronouns ("selon lui") take the person they stand for.
    for (int k = src; k < comma; ++k)
      if (const Ref* r = ref_at(k); r && !r->surface.empty() && r->kind != RefKind::kCollective) {
        set_speaker(q, *r);
        q.cue = low(s0) == "selon" ? "selon" : "d'après";
        return true;
      }
    if (auto source = source_phrase(src, open_tok)) {
      q.speaker = *source;
      q.cue = low(s0) == "selon" ? "selon" : "d'après";
      return true;
    }
    return false;
  }

  // Does the reporting verb `v` report the fragment at `open_tok`? It does when a "que" clause of
  // the verb holds it, or when the verb is one of judgement whose attribute it is ("a jugé la
  // situation « ... »", "qualifie le texte de « ... »"); not for "vante une « simplification »".
  bool reported_fragment(const VerbMatch& v, int open_tok) const {
    std::string_view verb = low(v.te - 1);
    if (verb.starts_with("jug") || verb.starts_with("qualifi")) return open_tok - v.te <= 6;
    // "a fait savoir dans la soirée que", "assure de son côté que": a short adverbial may come first.
    for (int t = v.te; t < open_tok && t < v.te + 6; ++t) {
      if (low(t) == "que" || low(t) == "qu'") return true;
      if (low(t) == "." || low(t) == ";" || low(t) == ":") break;
    }
    return false;
  }

  // A verb of criticism, denial or mention, whose object in quotation marks is its subject's
  // words: "dénonce", "a démenti", "évoque", "fustige", "parle".
  static bool objects_are_words(std::string_view verb) {
    // "s'est dit « honoré »", "a dit « non »": what the subject said of itself or in its own words.
    if (verb == "dit" || verb == "dite" || verb == "dits" || verb == "dites") return true;
    for (std::string_view p : {"appel", "dénon", "dément", "démenti", "évoqu", "fustig", "critiqu", "déplor", "regrett",
                               "parl", "réclam", "exig", "contest", "réfut", "condamn", "accus", "reproch", "alert",
                               "stigmatis", "tacl"})
      if (verb.starts_with(p)) return true;
    return false;
  }

  // A noun phrase that can be the subject of an incise, at token t: an article, a lower-case noun
  // ("les conducteurs", "une habitante"), adjectives and participles after it, and one complement
  // ("de la ligne 13", "du quartier"). Returns the token after it, or 0.
  int noun_phrase_end(int t) const {
    static const std::unordered_set<std::string_view> dets = {"le", "la", "les", "l'", "un", "une", "des"};
    static const std::unordered_set<std::string_view> not_nouns = {
        "même", "plus", "moins", "autre", "autres", "tout", "tous", "toute", "toutes", "premier", "première",
        "dernier", "dernière", "lendemain", "veille", "jour", "soir", "matin", "semaine", "mois", "an", "année"};
    if (!free(t) || !dets.count(low(t)) || !free(t + 1) || toks_[t + 1].upper || !is_word(low(t + 1)))
      return 0;
    // "l'ancien trésorier", "la nouvelle directrice": the noun after its premodifier.
    if (quotes::is_title_premodifier(low(t + 1)) && free(t + 2) && !toks_[t + 2].upper && is_word(low(t + 2)) &&
        !quotes::is_reporting_finite(low(t + 2)) && !quotes::is_auxiliary(low(t + 2)))
      ++t;
    if (not_nouns.count(low(t + 1)) || quotes::is_reporting_finite(low(t + 1)) || quotes::is_auxiliary(low(t + 1)))
      return 0;
    int e = t + 2;
    while (free(e) && e < t + 5 && !toks_[e].upper &&
           (is_description_adjective(low(e)) ||
            (low(e).size() > 4 && (low(e).ends_with("\xC3\xA9") || low(e).ends_with("\xC3\xA9" "e") ||
                                   low(e).ends_with("\xC3\xA9" "s") || low(e).ends_with("\xC3\xA9" "es")))))
      ++e;
    if (free(e) && (low(e) == "de" || low(e) == "du" || low(e) == "des" || low(e) == "d'")) {
      int m = e + 1;
      if (free(m) && is_article(low(m))) ++m;
      if (free(m) && is_word(low(m)) && !quotes::is_reporting_finite(low(m)) && !quotes::is_auxiliary(low(m))) {
        ++m;
        while (free(m) && m - e < 6 && (toks_[m].upper || std::isdigit(static_cast<unsigned char>(low(m)[0]))) &&
               is_word(low(m)))
          ++m;
        e = m;
      }
    }
    return e;
  }

  // "le communiqué", "le texte", "la lettre" with no complement: a document that speaks for its
  // author.
  bool is_document_noun_phrase(int t) const {
    static const std::unordered_set<std::string_view> docs = {
        "communiqué", "texte", "document", "rapport", "lettre", "courrier", "message", "note",
        "tweet", "publication", "post", "déclaration", "mail", "courriel"};
    if (!free(t) || !is_article(low(t)) || !free(t + 1) || !docs.count(low(t + 1))) return false;
    std::string_view next = low(t + 2);
    return !(next == "de" || next == "du" || next == "des" || next == "d'");
  }

  // The author of a document quoted after the quotation: the nearest organisation named before
  // it in the same paragraph (two sentences back at most), else the nearest person.
  const Ref* author_before(int open_tok) const {
    if (open_tok >= n()) return nullptr;
    const int s = toks_[open_tok].sentence, p = toks_[open_tok].para;
    const Ref* person = nullptr;
    int steps = 0;
    for (size_t k = ref_from(open_tok); k-- > 0 && steps++ < kMaxRefsBack;) {
      const Ref& r = refs_[k];
      if (toks_[r.tb].para != p || s - toks_[r.tb].sentence > 2) break;
      if (r.surface.empty()) continue;
      if (r.kind == RefKind::kOrg) return &r;
      if (r.kind == RefKind::kName && !person) person = &r;
    }
    return person;
  }

  // "la centrale", "le syndicat", "l'association" at token t with no complement: a definite
  // description of an organisation, which stands for the nearest organisation named before the
  // quotation at `open_tok` in its paragraph (three sentences back at most). Null when none is.
  const Ref* organisation_anaphor(int t, int open_tok) const {
    static const std::unordered_set<std::string_view> nouns = {
        "centrale", "syndicat", "organisation", "association", "ong", "entreprise", "groupe",
        "constructeur", "confédération", "fédération", "institution", "agence", "parti", "mouvement",
        "collectif", "compagnie", "société", "firme", "banque", "enseigne", "club", "institut"};
    if (!free(t) || !free(t + 1) || !is_article(low(t)) || low(t) == "les") return nullptr;
    // A noun not listed stands for an organisation whose name holds it ("la Haute Autorité de
    // santé ... », écrit l'autorité").
    const bool listed = nouns.count(low(t + 1)) > 0;
    if (!listed && (toks_[t + 1].upper || !is_word(low(t + 1)) || low(t + 1).size() < 4)) return nullptr;
    std::string_view next = low(t + 2);
    if (free(t + 2) && (is_preposition_of(next) || toks_[t + 2].upper)) return nullptr;
    if (open_tok >= n()) return nullptr;
    const int s = toks_[open_tok].sentence, p = toks_[open_tok].para;
    int steps = 0;
    // An organisation in a noun's complement ("son usine de Sochaux", often a place the tagger
    // typed as an organisation) gives way to an earlier one that is not.
    const Ref* nearest = nullptr;
    for (size_t k = ref_from(open_tok); k-- > 0 && steps++ < kMaxRefsBack;) {
      const Ref& r = refs_[k];
      if (toks_[r.tb].para != p || s - toks_[r.tb].sentence > 3) break;
      if (r.kind != RefKind::kOrg || r.surface.empty()) continue;
      if (!listed) {
        bool holds = false;
        for (int j = r.tb; j < r.te && !holds; ++j) holds = toks_[j].upper && low(j) == low(t + 1);
        if (!holds) continue;
      }
      const bool complement = r.tb >= 2 && free(r.tb - 1) && free(r.tb - 2) &&
                              (low(r.tb - 1) == "de" || low(r.tb - 1) == "d'") && !toks_[r.tb - 2].upper &&
                              is_word(low(r.tb - 2));
      if (!complement) return &r;
      if (!nearest) nearest = &r;
    }
    return nearest;
  }

  // "cette source", "ce collectif" at token t: a demonstrative takes up the noun phrase with the
  // same noun named before it in its paragraph ("une source proche du dossier"), as written.
  std::optional<std::string> demonstrative_antecedent(int t) const {
    if (!free(t) || !free(t + 1)) return std::nullopt;
    std::string_view d = low(t);
    if (d != "ce" && d != "cet" && d != "cette") return std::nullopt;
    std::string_view noun = low(t + 1);
    if (toks_[t + 1].upper || !is_word(noun)) return std::nullopt;
    const int p = toks_[t].para;
    for (int j = t - 1; j >= 2 && t - j <= kMaxLeftTokens && toks_[j].para == p; --j) {
      if (!free(j) || !free(j - 1) || low(j) != noun) continue;
      std::string_view det = low(j - 1);
      if (!is_article(det) && det != "un" && det != "une") continue;
      int e = institution_end(j - 1);
      if (e <= j) e = noun_phrase_end(j - 1);
      if (e > j) return surface(j - 1, e);
    }
    return std::nullopt;
  }

  // The first person of gender `g` named in the sentence right after a quotation (tokens from
  // `t`, same paragraph): "« Nous avons, explique-t-elle, perdu ... » Marine Tondelier ne cache
  // pas son inquiétude."
  // With `groups`, a collective counts too ("« ... » Les collègues de l'agent sont sous le choc").
  const Ref* named_next(char g, int t, int close_tok, bool groups = false) const {
    if (!free(t) || close_tok >= n() || toks_[t].para != toks_[close_tok].para) return nullptr;
    const int s = toks_[t].sentence;
    for (size_t k = ref_from(t); k < refs_.size() && toks_[refs_[k].tb].sentence == s; ++k) {
      if (refs_[k].kind == RefKind::kName && compatible(g, refs_[k].gender)) return &refs_[k];
      if (groups && refs_[k].kind == RefKind::kCollective && !in_complement(refs_[k])) return &refs_[k];
    }
    return nullptr;
  }

  // "le premier" / "la seconde" / "le second" at token t, ending its clause: the first or the
  // second of the last two people coordinated by "et" before the quotation at `open_tok`
  // ("Gaëlle Rioufol et Bastien Kervern ... », a prévenu le second").
  const Ref* ordinal_speaker(int t, int open_tok) const {
    if (!free(t) || !free(t + 1) || (low(t) != "le" && low(t) != "la")) return nullptr;
    std::string_view w = low(t + 1);
    int which = (w == "premier" || w == "première") ? 0 : (w == "second" || w == "seconde") ? 1 : -1;
    if (which < 0) return nullptr;
    std::string_view after = low(t + 2);
    if (t + 2 < n() && free(t + 2) && after != "." && after != "," && after != ";" && after != "!" && after != "?")
      return nullptr;
    int steps = 0;
    for (size_t k = ref_from(open_tok); k-- > 1 && steps++ < kMaxRefsBack;) {
      const Ref& b = refs_[k];
      const Ref& a = refs_[k - 1];
      if (a.kind != RefKind::kName || b.kind != RefKind::kName || a.surface.empty() || b.surface.empty()) continue;
      if (b.tb != a.te + 1 || low(a.te) != "et") continue;
      return which == 0 ? &a : &b;
    }
    return nullptr;
  }

  // In an incise of quotation `quote`, at token t: an article and a description up to a comma,
  // then a person's name closed by a comma ("la capitaine des Bleues, Wendie Renard,"). Returns
  // the name's first token, or -1.
  int incise_apposed_name(int t, int quote) const {
    auto inside = [&](int x) { return x >= 0 && x < n() && toks_[x].quote == quote; };
    if (!inside(t) || !is_article(low(t)) || !inside(t + 1) || !quotes::person_title(low(t + 1))) return -1;
    for (int j = t + 2; j < t + 12 && inside(j); ++j) {
      std::string_view w = low(j);
      if (w == "." || w == ";" || w == "!" || w == "?" || w == ":") return -1;
      if (w != ",") continue;
      int m = j + 1;
      if (!inside(m) || entity_at_[m] < 0 || ann_.entities[entity_at_[m]].type != "PER") return -1;
      return incise_closes(entity_end(entity_at_[m]), quote) ? m : -1;
    }
    return -1;
  }

  // Does token t close an incise inside quotation `quote`: a comma, or a full stop after which the
  // quotation goes on ("« Nous ..., a souligné X. Mais nous ... »").
  bool incise_closes(int t, int quote) const {
    if (t < 0 || t >= n()) return false;
    if (low(t) == ",") return true;
    return low(t) == "." && t + 1 < n() && toks_[t + 1].quote == quote;
  }

  // --- one quotation ------------------------------------------------------------------------------
  struct Attribution {
    const Ref* speaker = nullptr;
    std::string cue;
    std::optional<std::string> speaker_text;  // a pull quote byline without an entity
  };

  void set_speaker(Quote& q, const Ref& r) const {
    if (r.surface.empty()) return;  // a pronoun the text does not resolve
    q.speaker = r.surface;
    q.speaker_entity = r.entity;
  }

  bool ends_sentence(std::string_view content) const {
    size_t e = content.size();
    // closing brackets or nested closing marks after the final punctuation
    while (e > 0) {
      unsigned char c = static_cast<unsigned char>(content[e - 1]);
      if (c == ')' || c == '"' || c == ' ') --e;
      else if (e >= 2 && static_cast<unsigned char>(content[e - 2]) == 0xC2 && (c == 0xBB || c == 0xA0)) e -= 2;
      else if (e >= 3 && static_cast<unsigned char>(content[e - 3]) == 0xE2 && (c == 0x9D || c == 0xBA || c == 0xAF)) e -= 3;
      else break;
    }
    if (e == 0) return false;
    char c = content[e - 1];
    if (c == '.' || c == '!' || c == '?') return true;
    return e >= 3 && content.substr(e - 3, 3) == "\xE2\x80\xA6";  // …
  }

  std::string kind_of(const MarkedQuote& m, int open_tok, int content_words) const {
    std::string_view content = text_.substr(m.content_begin, m.content_end - m.content_begin);
    if (ends_sentence(content)) return "sentence";
    // What precedes the opening mark.
    size_t p = m.open;
    while (p > 0) {
      unsigned char c = static_cast<unsigned char>(text_[p - 1]);
      if (c == ' ' || c == '\t') --p;
      else if (p >= 2 && c == 0xA0 && static_cast<unsigned char>(text_[p - 2]) == 0xC2) p -= 2;
      else if (p >= 3 && (c == 0xAF || c == 0x89) && static_cast<unsigned char>(text_[p - 3]) == 0xE2) p -= 3;
      else break;
    }
    if (p == 0) return "sentence";
    char prev = text_[p - 1];
    if (prev == '\n' || prev == '.' || prev == '!' || prev == '?' || prev == ':' || prev == '(' || prev == '-')
      return "sentence";
    if (p >= 3 && text_.substr(p - 3, 3) == "\xE2\x80\xA6") return "sentence";
    if (p >= 3 && text_.substr(p - 3, 3) == "\xE2\x80\x94") return "sentence";  // — dialogue dash
    std::string_view before = low(open_tok - 1);
    if ((before == "que" || before == "qu'") && content_words >= 3) return "sentence";
    // An infinitive complement ("a appelé les habitants à « ne prendre la route qu'en cas de ... »")
    // is a piece of the writer's sentence when the sentence goes on after it, whatever its length.
    const bool infinitive_complement = (before == "à" || before == "de" || before == "d'") && !toks_.empty() &&
                                       open_tok + 1 < n() && !toks_[open_tok + 1].upper;
    if (content_words < 10 || (infinitive_complement && content_words < 16)) {
      // The writer's sentence goes on after the closing mark with a word ("« près de 40 % des
      // agents » étaient en grève"): the quotation is a piece of that sentence.
      size_t a = m.close_end;
      while (a < text_.size() && (text_[a] == ' ' || text_[a] == '\t')) ++a;
      if (a + 1 < text_.size() && static_cast<unsigned char>(text_[a]) == 0xC2 &&
          static_cast<unsigned char>(text_[a + 1]) == 0xA0)
        a += 2;
      if (a < text_.size() && is_word(text_.substr(a, 2)) && !starts_upper(text_.substr(a, 2)) &&
          !std::isdigit(static_cast<unsigned char>(text_[a])))
        return "fragment";
    }
    if (prev == ',' && content_words >= 4) return "sentence";
    if (content_words >= 10) return "sentence";
    return "fragment";
  }

  // A pull quote: the quotation fills its block and the next line or block is "— Name" / "• Name".
  bool pull_quote_byline(const MarkedQuote& m, Quote& q) const {
    size_t p = m.open;
    while (p > 0 && (text_[p - 1] == ' ' || text_[p - 1] == '\t')) --p;
    if (p > 0 && text_[p - 1] != '\n') return false;
    size_t e = m.close_end;
    while (e < text_.size() && (text_[e] == ' ' || text_[e] == '\t' || text_[e] == '.')) ++e;
    if (e >= text_.size() || text_[e] != '\n') return false;
    while (e < text_.size() && (text_[e] == '\n' || text_[e] == ' ' || text_[e] == '\t' || text_[e] == '\r')) ++e;
    std::string_view rest = text_.substr(e);
    size_t dash = 0;
    for (std::string_view d : {"\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\xA2", "\xC2\xB7", "-", "*"})
      if (rest.starts_with(d)) dash = d.size();
    if (!dash) return false;
    e += dash;
    while (e < text_.size() && (text_[e] == ' ' || static_cast<unsigned char>(text_[e]) == 0xC2)) {
      if (static_cast<unsigned char>(text_[e]) == 0xC2) {
        if (e + 1 < text_.size() && static_cast<unsigned char>(text_[e + 1]) == 0xA0) e += 2;
        else break;
      } else {
        ++e;
      }
    }
    size_t line_end = text_.find('\n', e);
    if (line_end == std::string_view::npos) line_end = text_.size();
    int t = tok_at(static_cast<uint32_t>(e));
    if (t < n() && toks_[t].b == e && entity_at_[t] >= 0 && ann_.entities[entity_at_[t]].type == "PER") {
      const auto& ent = ann_.entities[entity_at_[t]];
      q.speaker = std::string(text_.substr(ent.span.begin, ent.span.end - ent.span.begin));
      q.speaker_entity = ent.entity;
      return true;
    }
    // A byline the tagger missed: a short capitalised line.
    std::string_view line = text_.substr(e, line_end - e);
    if (auto comma = line.find(','); comma != std::string_view::npos) line = line.substr(0, comma);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    if (line.empty() || line.size() > 60 || !starts_upper(line)) return false;
    q.speaker = std::string(line);
    return true;
  }

  Quote attribute(int k) {
    const MarkedQuote& m = marks_[k];
    Quote q;
    q.span = {m.content_begin, m.content_end};
    int open_tok = tok_at(m.open);
    int close_tok = tok_at(m.content_end);  // the closing mark
    int after = tok_at(m.close_end);
    int words = 0;
    for (int t = tok_at(m.content_begin); t < close_tok; ++t)
      if (is_word(toks_[t].low)) ++words;
    q.kind = toks_.empty() ? (words >= 10 ? "sentence" : "fragment") : kind_of(m, open_tok, words);
    if (toks_.empty()) return q;
    if (q.kind == "sentence" && pull_quote_byline(m, q)) return q;
    // "la loi dite « immigration »", "l'opération baptisée « Bouclier »": the marks set off a name,
    // not anyone's words, even when a cue earlier in the sentence has a subject.
    if (q.kind == "fragment" && names_what_follows(open_tok)) return q;
    // "À la question « Serez-vous candidate ? », elle a répondu ...": a question put to the
    // speaker, by someone the text does not name; it does not continue anyone's words either.
    if (open_tok > 0 && free(open_tok - 1) && (low(open_tok - 1) == "question" || low(open_tok - 1) == "questions")) {
      silent_[k] = true;
      return q;
    }

    // 1. A reporting verb right after the closing mark: "», a déclaré X", "», a-t-il confié".
    {
      int t = after;
      if (free(t) && low(t) == ",") ++t;
      // "Le trafic sera « fortement perturbé » jeudi à Orly, a annoncé la DGAC": a fragment in a
      // sentence with no reporting verb before it is reported by the incise that ends the
      // sentence's first clause.
      // The fragment must be in a predicate (a verb before it: "sera « ... »"); a quoted expression
      // as the subject ("Le fameux « ... » a vécu, estiment les politologues") is mentioned, not said.
      if (q.kind == "fragment" && !match_verb(t)) {
        static const std::unordered_set<std::string_view> copulas = {
            "est", "sont", "sera", "seront", "serait", "seraient", "était", "étaient", "reste", "restent",
            "restera", "resteront", "semble", "semblent", "demeure", "demeurent"};
        bool verb_before = false, predicate = false;
        for (int b = open_tok - 1; b >= 0 && toks_[b].sentence == toks_[open_tok].sentence && !verb_before; --b) {
          verb_before = free(b) && match_verb(b).has_value();
          predicate = predicate || (free(b) && (copulas.count(low(b)) || quotes::is_auxiliary(low(b))));
        }
        if (!predicate) verb_before = true;  // no incise search
        for (int c = t; !verb_before && c < t + 25 && free(c) && toks_[c].sentence == toks_[open_tok].sentence; ++c) {
          std::string_view w = low(c);
          if (w == "que" || w == "qu'" || w == ";" || w == ":") break;
          if (w == "," && match_verb(c + 1)) {
            t = c + 1;
            break;
          }
        }
      }
      for (int skip = 0; skip < 2 && free(t); ++skip) {
        std::string_view w = low(t);
        if (w == "lui" || w == "leur" || w == "nous" || w == "se" || w == "s'" || w == "l'" || w == "y" || w == "en")
          ++t;
        else
          break;
      }
      if (t < n() && toks_[t].para == (close_tok < n() ? toks_[close_tok].para : toks_[t].para)) {
        if (auto v = match_verb(t)) {
          if (const Ref* r = subject_after(*v)) {
            if (int b = institution_of(*r); b >= v->te) q.speaker = surface(b, r->te);
            else set_speaker(q, *r);
            if (!q.speaker && r->kind == RefKind::kPronoun && (r->gender == 'm' || r->gender == 'f')) {
              // "« ... », a-t-elle écrit. L'ancienne ministre Agnès Buzyn répondait ...": a
              // pronoun with no antecedent before takes the person named in the next sentence.
              int t2 = v->te;
              while (t2 < n() && free(t2) && toks_[t2].sentence == toks_[v->tb].sentence) ++t2;
              if (const Ref* c = named_next(r->gender, t2, close_tok)) set_speaker(q, *c);
            }
            q.cue = cue_text(*v);
            return q;
          }
          if (v->clitic >= 0) {
            // "», a-t-on appris": attributed, to no one the text names; but "», assure-t-on dans
            // l'entourage du ministre", "confie-t-on à Matignon", "explique-t-on chez Renault":
            // the place of the "on" is the speaker.
            speaker_of_on(v->te, q);
            q.cue = cue_text(*v);
            return q;
          }
          if (const Ref* r = ordinal_speaker(v->te, open_tok)) {
            // "», a prévenu le second": one of two people named together before.
            set_speaker(q, *r);
            q.cue = cue_text(*v);
            return q;
          }
          // The subject may come after a complement naming the medium or the audience: "», a
          // précisé à l'AFP une source judiciaire", "», a déclaré sur France Inter le ministre".
          for (int st : {v->te, skip_medium(v->te)}) {
            if (auto name = untagged_name(st, st + 1)) {
              // "», a précisé Météo-France": a capitalised name the tagger missed.
              q.speaker = *name;
              q.cue = cue_text(*v);
              return q;
            }
            if (auto earlier = demonstrative_antecedent(st)) {
              // "», a précisé cette source": the noun phrase the demonstrative takes up.
              q.speaker = *earlier;
              q.cue = cue_text(*v);
              return q;
            }
            if (const Ref* r = organisation_anaphor(st, open_tok)) {
              // "», écrit la centrale": the organisation named before, in the same paragraph.
              set_speaker(q, *r);
              q.cue = cue_text(*v);
              return q;
            }
            if (int e = institution_end(st); e > 0) {
              // "», fait valoir la direction de Renault", "», indique la préfecture".
              q.speaker = surface(st, e);
              q.cue = cue_text(*v);
              return q;
            }
            if (is_document_noun_phrase(st)) {
              // "», indique le communiqué": the writer of the document, named before the quote.
              if (const Ref* r = author_before(open_tok)) set_speaker(q, *r);
              q.cue = cue_text(*v);
              return q;
            }
            if (int e = noun_phrase_end(st); e > 0) {
              // The subject of an incise is the speaker whatever its noun: "», préviennent les
              // conducteurs de la ligne 13", "», scandaient les aides-soignantes". A singular
              // definite one stands, as a title does, for the person just named ("Antoine
              // Dupont ... », reconnaît le demi de mêlée toulousain").
              q.speaker = surface(st, e);
              std::string_view det = low(st);
              if (det == "le" || det == "la" || det == "l'") {
                Description d;
                d.tb = st;
                d.gender = det == "la" ? 'f' : det == "le" ? 'm' : 'u';
                d.head = low(st + 1);
                if (const Ref* r = nearest_person(d)) q.speaker_entity = r->entity;
              }
              q.cue = cue_text(*v);
              return q;
            }
            if (skip_medium(v->te) == v->te) break;
          }
        }
      }
    }
    // 1a. ", selon X" / ", d'après X" right after the closing mark: "coûtera « deux milliards »,
    // selon un rapport de la Cour des comptes". The first person or organisation of the source,
    // else the source as written.
    {
      int t = after;
      if (free(t) && low(t) == ",") ++t;
      int src = -1;
      if (free(t) && low(t) == "selon") src = t + 1;
      else if (free(t + 1) && low(t) == "d'" && low(t + 1) == "après") src = t + 2;
      if (src > 0 && close_tok < n() && free(src) && toks_[src].para == toks_[close_tok].para) {
        int end = src;
        while (end < n() && end < src + 10 && free(end) && (is_word(low(end)) || low(end) == "'" || low(end) == "-"))
          ++end;
        for (int k = src; k < end; ++k)
          if (const Ref* r = ref_at(k); r && !r->surface.empty() && r->kind != RefKind::kCollective) {
            set_speaker(q, *r);
            q.cue = low(t) == "selon" ? "selon" : "d'après";
            return q;
          }
        if (int e = noun_phrase_end(src); e > 0) {
          q.speaker = surface(src, e);
          q.cue = low(t) == "selon" ? "selon" : "d'après";
          return q;
        }
      }
    }
    // 1b. "« ... » C'est par ces mots que X a conclu", "C'est en ces termes que X ...": the
    // sentence after the quotation names its speaker after "que".
    if (const Ref* r = speaker_of_these_words(after, close_tok)) {
      set_speaker(q, *r);
      return q;
    }
    // 2. The nearest cue before the quotation in its sentence.
    int sentence = open_tok < n() ? toks_[open_tok].sentence : -1;
    int lo = std::max(0, open_tok - kMaxLeftTokens);
    const Ref* speaker = nullptr;
    std::string cue;
    for (int t = open_tok - 1; t >= lo && toks_[t].sentence == sentence; --t) {
      if (!free(t)) continue;
      std::string_view w = low(t);
      // An inverted subject ("a-t-elle assuré, avant de qualifier ... de « ... »") follows its
      // verb: when that verb reports, it is the cue, matched from its first token to the left.
      if (quotes::subject_clitic_gender(w)) {
        bool reporting = false;
        for (int b = t - 1; b >= std::max(lo, t - 3) && !reporting; --b)
          if (auto v = match_verb(b); v && v->clitic == t && v->te <= open_tok) reporting = true;
        if (reporting) continue;
      }
      // The subject of the quotation's own clause with no cue in between ("Olivier Faure la
      // voit « ... »" with a verb not in the lexicon): a cue further left belongs to another
      // clause. A subject after "que" is inside the reported clause ("a déploré que Trump ait
      // accordé des « concessions »").
      // A name right after "Pour" / "Selon" is the source, not a subject, whatever word follows
      // it ("Pour Romain D., chef économiste chez X, « ... »").
      if (const Ref* r = ref_at(t); r && is_person(*r) && r->te <= open_tok && subject_like(*r) &&
                                     !(t > 0 && (low(t - 1) == "que" || low(t - 1) == "qu'" ||
                                                 low(t - 1) == "pour" || low(t - 1) == "selon"))) {
        // "Selon le club, le joueur souffre d'une « entorse »": a sentence opened by a source
        // is that source's account; its subject reports nothing (no cue between it and the quote).
        if (sentence_source(t, open_tok, q)) return q;
        break;
      }
      // "aux yeux de X" and "à en croire X" introduce a source as "selon X" does.
      const bool eyes = w == "yeux" && t > 0 && low(t - 1) == "aux" && (low(t + 1) == "de" || low(t + 1) == "d'");
      const bool believe = w == "croire" && t > 1 && low(t - 1) == "en" && low(t - 2) == "à";
      // "de l'avis de X", "de l'avis des experts": the source starts at "de", which may be the
      // determiner of a plural ("de nombreux observateurs").
      const bool opinion = w == "avis" && t > 1 && low(t - 1) == "l'" && low(t - 2) == "de" &&
                           (low(t + 1) == "de" || low(t + 1) == "d'" || low(t + 1) == "des" || low(t + 1) == "du");
      if (w == "selon" || w == "pour" || (w == "après" && t > 0 && low(t - 1) == "d'") || eyes || believe || opinion) {
        const int src = eyes ? t + 2 : opinion && (low(t + 1) == "d'") ? t + 2 : t + 1;
        const std::string cue_word = w == "après" ? "d'après" : eyes ? "aux yeux de" : believe ? "à en croire"
                                     : opinion ? "de l'avis de" : std::string(w);
        const Ref* r = ref_at(src);
        if (!r) {
          // "Pour l'association UFC-Que Choisir,", "Selon le cabinet Xerfi,": a common noun with
          // its article before the name.
          for (int k = src; k < src + 4 && k < open_tok && free(k) && !toks_[k].upper && is_word(low(k)); ++k)
            if (const Ref* r2 = ref_at(k + 1); r2 && r2->te <= open_tok) {
              r = r2;
              break;
            }
        }
        if (r && r->kind == RefKind::kOrg && open_tok >= 2 && low(open_tok - 1) == "," && r->te < open_tok - 1 &&
            open_tok - 1 - r->te <= 3) {
          // "D'après le syndicat Force police nationale, « ... »": lower-case words the tagger left
          // out of an organisation's name run on to the comma; the speaker is the name as written.
          bool name_goes_on = true;
          for (int k = r->te; k < open_tok - 1 && name_goes_on; ++k)
            name_goes_on = free(k) && !toks_[k].upper && is_word(low(k)) && !is_preposition_of(low(k)) &&
                           !is_article(low(k)) && !quotes::is_reporting_finite(low(k)) && !quotes::is_auxiliary(low(k));
          if (name_goes_on) {
            q.speaker = surface(r->tb, open_tok - 1);
            q.cue = cue_word;
            return q;
          }
        }
        if (r && (w != "pour" || (free(r->te) && low(r->te) == ","))) {
          speaker = r;
          cue = cue_word;
          break;
        }
        if (r && w == "pour" && r->kind == RefKind::kName && open_tok >= 2 && low(open_tok - 1) == "," &&
            r->te < open_tok - 1 && open_tok - 1 - r->te <= 8) {
          // "Pour Romain D., chef économiste chez Astérion Conseil, « ... »": an apposition the
          // description parser ends early (at "chez X") runs on to the comma before the quotation.
          bool apposition = true;
          for (int k = r->te; k < open_tok - 1 && apposition; ++k)
            apposition = free(k) && (is_word(low(k)) || low(k) == "-") && !quotes::is_reporting_finite(low(k)) &&
                         !quotes::is_auxiliary(low(k)) && low(k) != "que" && low(k) != "qu'";
          if (apposition) {
            set_speaker(q, *r);
            q.cue = cue_word;
            return q;
          }
        }
        if (r && w == "pour" && r->kind != RefKind::kPronoun) {
          // "Pour l'Agence nationale de sécurité du médicament (ANSM), ...": the comma comes after
          // a complement the tagger left out of the name and an acronym in brackets. An
          // organisation's speaker takes the complement in (and then no longer is the tagged
          // entity); the brackets are left out.
          int name_end = r->te, k = r->te;
          for (int rounds = 0; rounds < 2 && free(k) && is_preposition_of(low(k)) && low(k) != "à"; ++rounds) {
            int m = k + 1;
            if (free(m) && is_article(low(m))) ++m;
            int words = 0;
            while (free(m) && words < 3 && is_word(low(m)) && !quotes::is_reporting_finite(low(m)) &&
                   !quotes::is_auxiliary(low(m)) && !is_preposition_of(low(m)))
              ++m, ++words;
            if (!words) break;
            k = name_end = m;
          }
          if (free(k) && low(k) == "(") {
            int m = k + 1;
            while (free(m) && m - k < 6 && low(m) != ")") ++m;
            k = free(m) && low(m) == ")" ? m + 1 : -1;
          }
          if (k > 0 && k < open_tok && free(k) && low(k) == ",") {
            if (r->kind == RefKind::kOrg) {
              q.speaker = surface(r->tb, name_end);
              if (name_end == r->te) q.speaker_entity = r->entity;
            } else {
              set_speaker(q, *r);
            }
            q.cue = cue_word;
            return q;
          }
        }
        // "Pour" introduces a source only with a name in it and the quotation right after its
        // comma ("Pour l'institut Montaigne, « ... »", not "Pour la première fois, « ... »").
        bool named_source = false;
        if (w == "pour" && open_tok >= 2 && low(open_tok - 1) == ",")
          for (int k = src; k < open_tok - 1 && !named_source; ++k) named_source = toks_[k].upper;
        if (!r && (w != "pour" || named_source)) {
          // "Selon un haut fonctionnaire de Bercy, « ... »", "D'après la CGT, « ... »" with a
          // source the tagger and the title list miss: the phrase up to the comma, as written.
          if (auto source = source_phrase(src, open_tok)) {
            q.speaker = *source;
            q.cue = cue_word;
            return q;
          }
        }
        continue;
      }
      // A verb match must start here; compound forms are matched from their auxiliary.
      if (auto v = match_verb(t)) {
        if (v->te > open_tok) continue;
        // "a dit": the participle also reads as a finite form; take the compound form.
        for (int back = 1; back <= 4 && t - back >= 0; ++back)
          if (auto w2 = match_verb(t - back); w2 && w2->te == v->te) {
            v = w2;
            t -= back;
            break;
          }
        const Ref* r = v->clitic >= 0 ? ref_at(v->clitic) : subject_before(*v, sentence);
        if (!r) r = subject_after(*v);
        if (r && r->tb >= open_tok) r = nullptr;
        if (!r && (q.kind == "sentence" || objects_are_words(low(v->te - 1)) || reported_fragment(*v, open_tok)) &&
            speaker_of_opener_on(*v, q)) {
          q.cue = cue_text(*v);
          return q;
        }
        if (r) {
          if (int b = institution_of(*r); b >= 0 && r->te <= v->tb) {
            // "La direction de la SNCF ... parle d'un mouvement « ... »": the institution speaks.
            q.speaker = surface(b, r->te);
            q.cue = cue_text(*v);
            return q;
          }
          speaker = r;
          cue = cue_text(*v);
          break;
        }
        if (v->clitic < 0 && v->tb > 0 && toks_[v->tb - 1].sentence == sentence && q.kind == "fragment" &&
            reported_fragment(*v, open_tok)) {
          // "Le département d'Etat a jugé la situation « préoccupante »", "Le parquet a requis
          // ..., estimant que le prévenu avait agi « en connaissance de cause »": a fragment the
          // verb reports (in its "que" clause, or the attribute of a verb of judgement) is the
          // institution's, the subject of the verb or of the clause the participle hangs on.
          int s0 = v->tb;
          while (s0 > 0 && toks_[s0 - 1].sentence == sentence) --s0;
          for (int b = v->tb - 1; b >= s0 && (v->tb - b <= 8 || (v->participle_clause && b == s0)); --b) {
            if (v->participle_clause) b = s0;
            int e = institution_end(b);
            if (e > 0 && (skip_subject_gap(e) == v->tb || v->participle_clause)) {
              q.speaker = surface(b, e);
              q.cue = cue_text(*v);
              return q;
            }
          }
        }
        // A fragment is also the words of a name or an institution right before a verb of
        // criticism, denial or mention ("Matignon dément toute « négociation »", "L'opposition
        // dénonce un budget « insincère »"); not after praise or promise, where the marks are
        // the writer's irony ("Le gouvernement vante une « simplification »", "La mairie promet
        // un parc « exemplaire »").
        if (v->clitic < 0 && v->tb > 0 && toks_[v->tb - 1].sentence == sentence &&
            (q.kind == "sentence" || objects_are_words(low(v->te - 1)) || reported_fragment(*v, open_tok))) {
          // "Matignon assure que « ... »": a capitalised name right before the verb.
          int s0 = v->tb - 1;
          while (s0 > 0 && v->tb - s0 < 5 && toks_[s0 - 1].sentence == sentence && free(s0 - 1) &&
                 ((toks_[s0 - 1].upper && is_word(low(s0 - 1))) ||
                  (low(s0 - 1) == "-" && toks_[s0 - 1].e == toks_[s0].b)))
            --s0;
          if (auto name = untagged_name(s0, v->tb); name) {
            q.speaker = *name;
            q.cue = cue_text(*v);
            return q;
          }
          // "Dans un rapport, l'organisation affirme que « ... »": the organisation named before.
          // Adjectives may follow the noun, and a resumptive gap the phrase ("Le groupe pétrolier,
          // lui, juge ...").
          for (int b = v->tb - 2; b >= 0 && v->tb - b <= 7 && toks_[b].sentence == sentence; --b) {
            if (!free(b) || !is_article(low(b))) continue;
            int e = b + 2;
            while (e < v->tb && e - b < 4 && free(e) && !toks_[e].upper && is_word(low(e)) &&
                   !quotes::is_reporting_finite(low(e)) && !quotes::is_auxiliary(low(e)) && !is_preposition_of(low(e)))
              ++e;
            if (skip_subject_gap(e) != v->tb) continue;
            if (const Ref* r = organisation_anaphor(b, open_tok)) {
              set_speaker(q, *r);
              q.cue = cue_text(*v);
              return q;
            }
            break;
          }
          // "La préfecture indique que « ... »": an institution right before the verb.
          for (int b = v->tb - 1; b >= 0 && v->tb - b <= 10 && toks_[b].sentence == sentence; --b)
            // "..., indique l'entourage du ministre, qui évoque « ... »": the relative's antecedent.
            if (int e = institution_end(b);
                e > 0 && (skip_subject_gap(e) == v->tb ||
                          (e + 2 == v->tb && free(e + 1) && low(e) == "," && low(e + 1) == "qui"))) {
              q.speaker = surface(b, e);
              q.cue = cue_text(*v);
              return q;
            }
          // "Le collectif appelle à « un rassemblement massif »": for a fragment, any definite
          // noun phrase right before the verb, as for an incise subject after it.
          if (q.kind == "fragment")
            for (int b = v->tb - 1; b >= 0 && v->tb - b <= 8 && toks_[b].sentence == sentence; --b)
              if (int e = noun_phrase_end(b); e > 0 && skip_subject_gap(e) == v->tb && is_article(low(b)) &&
                                                 (b == 0 || toks_[b - 1].sentence != sentence || low(b - 1) == ",")) {
                q.speaker = surface(b, e);
                q.cue = cue_text(*v);
                return q;
              }
        }
      }
    }
    if (speaker) {
      set_speaker(q, *speaker);
      q.cue = cue;
      return q;
    }
    // 3. An incise inside the quotation: « Nous voulons, a expliqué X, des trains moins chers ».
    if (q.kind == "sentence") {
      int first = tok_at(m.content_begin);
      for (int t = first; t < close_tok && t < first + 200; ++t) {
        if (low(t) != ",") continue;
        auto v = match_verb(t + 1, k);
        if (!v) continue;
        if (v->clitic >= 0) {
          if (!incise_closes(v->te, k)) continue;
          char g = quotes::subject_clitic_gender(low(v->clitic));
          if (g == 'm' || g == 'f') {
            if (const Ref* a = antecedent(g, sentence, ref_from(open_tok))) set_speaker(q, *a);
            else if (const Ref* c = named_next(g, after, close_tok)) set_speaker(q, *c);
          }
        } else if (v->te < n() && entity_at_[v->te] >= 0 && ann_.entities[entity_at_[v->te]].type == "PER") {
          const auto& e = ann_.entities[entity_at_[v->te]];
          if (!incise_closes(entity_end(entity_at_[v->te]), k)) continue;
          q.speaker = std::string(text_.substr(e.span.begin, e.span.end - e.span.begin));
          q.speaker_entity = e.entity;
        } else if (int nm = incise_apposed_name(v->te, k); nm >= 0) {
          // "« Ce titre, glisse la capitaine des Bleues, Wendie Renard, nous ... »": a title,
          // then the name in apposition.
          const auto& e = ann_.entities[entity_at_[nm]];
          q.speaker = std::string(text_.substr(e.span.begin, e.span.end - e.span.begin));
          q.speaker_entity = e.entity;
        } else {
          continue;
        }
        q.cue = cue_text(*v);
        return q;
      }
    }
    // 4. "X ... : « ... »" without a verb: the sentence's first person.
    if (q.kind == "sentence" && open_tok > 0 && low(open_tok - 1) == ":") {
      size_t r = ref_from(open_tok);
      const Ref* first = nullptr;
      int steps = 0;
      while (r-- > 0 && steps++ < kMaxRefsBack) {
        if (toks_[refs_[r].tb].sentence != sentence) break;
        if (is_person(refs_[r])) first = &refs_[r];
      }
      // "le président du groupe Droite républicaine, Baptiste L., a durci le ton : « ... »": a
      // title the tagger cut at an organisation's name, then the name in apposition: the name.
      if (first && first->kind == RefKind::kDescription)
        for (size_t k = static_cast<size_t>(first - refs_.data()) + 1; k < refs_.size() && refs_[k].tb < open_tok; ++k) {
          const Ref& a = refs_[k];
          if (a.tb - first->te > 8) break;
          if (a.kind == RefKind::kName && a.tb > 0 && low(a.tb - 1) == ",") {
            first = &a;
            break;
          }
          if (a.kind != RefKind::kOrg) break;
        }
      if (!first) {
        // "La position de la FNSEA est claire : « ... »": an organisation when no person is named.
        r = ref_from(open_tok);
        steps = 0;
        while (r-- > 0 && steps++ < kMaxRefsBack) {
          if (toks_[refs_[r].tb].sentence != sentence) break;
          first = &refs_[r];
        }
      }
      if (!first) {
        // "Son verdict : « ... »": the possessive points to the person of the sentence before.
        int s0 = open_tok;
        while (s0 > 0 && toks_[s0 - 1].sentence == sentence) --s0;
        std::string_view det = low(s0);
        if (free(s0) && (det == "son" || det == "sa" || det == "ses" || det == "leur" || det == "leurs"))
          first = antecedent('u', sentence, ref_from(s0));
      }
      if (first) set_speaker(q, *first);
      return q;
    }
    // 5. A quotation that starts a sentence right after a sentence of the same paragraph without
    // quotation: that sentence's subject ("Laurent Wauquiez a une autre lecture. « ... »"). Also a
    // quotation that opens a paragraph after a paragraph ending so ("L'entraîneur X n'a pas caché
    // son agacement.\n\n« ... »").
    const bool opens_para = open_tok == 0 || toks_[open_tok - 1].para != toks_[open_tok].para;
    if (q.kind == "sentence" && open_tok > 0 && toks_[open_tok - 1].sentence == sentence - 1 &&
        (toks_[open_tok - 1].para == toks_[open_tok].para ||
         (opens_para && toks_[open_tok - 1].para == toks_[open_tok].para - 1))) {
      bool quoted = false;
      int t = open_tok - 1;
      for (int steps = 0; t >= 0 && toks_[t].sentence == sentence - 1 && steps < kMaxLeftTokens; --t, ++steps)
        if (toks_[t].quote >= 0) quoted = true;
      if (!quoted) {
        size_t r = ref_from(open_tok);
        const Ref* subject = nullptr;
        int steps = 0;
        while (r-- > 0 && steps++ < kMaxRefsBack) {
          if (toks_[refs_[r].tb].sentence < sentence - 1) break;
          if (is_person(refs_[r]) && subject_like(refs_[r])) subject = &refs_[r];
        }
        if (subject) set_speaker(q, *subject);
      }
    }
    // 6. A quotation that opens its paragraph as a sentence of its own, with no cue: the person
    // the next sentence names ("« On a vécu la pire saison. » Le constat est celui de Gilles A.",
    // "« ... » Guillaume Gille ne cherchait pas d'excuses"), unless it continues the previous
    // quotation's speaker (resolve_floating).
    if (!q.speaker && q.kind == "sentence" && opens_para && after < n() && close_tok < n() &&
        toks_[after].sentence != toks_[close_tok].sentence)
      if (const Ref* r = named_next('u', after, close_tok, true); r && !r->surface.empty())
        next_named_[k] = static_cast<int>(r - refs_.data());
    return q;
  }

  // Sentence quotes without a speaker: the previous quote's speaker (continue_previous), else the
  // person named right after a quotation that opens its paragraph (rule 6 of attribute()).
  // "« ... », a annoncé la préfecture. « ... », ajoute-t-elle": an inverted pronoun that found no
  // named person stands for the institution that spoke the previous quotation of its paragraph,
  // when the institution's article agrees with it ("la" / "l'" for "elle", "le" / "l'" for "il").
  void pronoun_after_institution(std::vector<Quote>& out) const {
    if (toks_.empty()) return;
    for (size_t k = 1; k < out.size(); ++k) {
      Quote& q = out[k];
      const Quote& prev = out[k - 1];
      if (!q.cue || q.speaker_entity || !prev.speaker || prev.speaker_entity || !prev.cue) continue;
      const bool fem = q.cue->find("-t-elle") != std::string::npos;
      const bool masc = q.cue->find("-t-il") != std::string::npos;
      if (!fem && !masc) continue;
      if (q.cue->find("-t-elles") != std::string::npos || q.cue->find("-t-ils") != std::string::npos) continue;
      const int a = tok_at(marks_[k].open), b = tok_at(marks_[k - 1].open);
      if (a >= n() || b >= n() || toks_[a].para != toks_[b].para) continue;
      const std::string first = lower_token(prev.speaker->substr(0, prev.speaker->find_first_of(" '") + 1));
      const bool agrees = first == "l'" || (fem && first == "la ") || (masc && first == "le ");
      if (!agrees || prev.speaker->find(' ') == std::string::npos) continue;
      // A previous speaker without an entity is an institution or a description of someone the
      // text never names; a pronoun that found a named person keeps them (speaker_entity set).
      if (q.speaker && *q.speaker == *prev.speaker) continue;
      q.speaker = prev.speaker;
    }
  }

  void resolve_floating(std::vector<Quote>& out) const {
    for (size_t k = 0; k < out.size(); ++k) {
      Quote& q = out[k];
      if (q.speaker || q.kind != "sentence" || toks_.empty() || silent_[k]) continue;
      continue_previous(out, k);
      if (!q.speaker && next_named_[k] >= 0) set_speaker(q, refs_[next_named_[k]]);
    }
  }

  void continue_previous(std::vector<Quote>& out, size_t k) const {
    Quote& q = out[k];
    // Sentence quotes without a speaker continue the previous quote's speaker within the same or
    // the next paragraph, unless someone else is named in between.
    {
      const Quote* prev = nullptr;
      size_t pk = k;
      for (int steps = 0; pk-- > 0 && steps < 50; ++steps)
        if (out[pk].kind == "sentence") {
          prev = &out[pk];
          break;
        }
      if (!prev || !prev->speaker) return;
      int a = tok_at(marks_[pk].close_end), b = tok_at(marks_[k].open);
      if (a >= n() || b >= n() || b < a) return;
      if (toks_[b].para - toks_[a > 0 ? a - 1 : 0].para > 1) return;
      bool someone_else = false;
      int seen = 0;
      for (size_t r = ref_from(a); r < refs_.size() && refs_[r].tb < b && seen++ < kMaxRefsBack; ++r) {
        const Ref& ref = refs_[r];
        if ((ref.kind == RefKind::kName || ref.kind == RefKind::kCollective ||
             ref.kind == RefKind::kDescription) && ref.entity != prev->speaker_entity) {
          someone_else = true;
          break;
        }
      }
      if (someone_else) return;
      q.speaker = prev->speaker;
      q.speaker_entity = prev->speaker_entity;
    }
  }

  std::string_view text_;
  const Annotations& ann_;
  std::vector<MarkedQuote> marks_;
  std::vector<Tok> toks_;
  std::vector<int> entity_at_;
  std::vector<int> loc_at_;  // LOC mentions by first token, -1 elsewhere
  std::vector<bool> silent_;  // quotations that must keep no speaker (a question put to someone)
  std::vector<int> next_named_;  // per quotation, a ref named in the next sentence (rule 6), or -1
  std::vector<Ref> refs_;
  std::unordered_map<std::string, std::unordered_set<std::string>> attributes_;
  std::unordered_map<std::string, char> gender_;
};

class QuoteStage final : public Stage {
 public:
  std::string_view name() const override { return "quotes"; }
  Status process(Document& doc) const override {
    doc.annotations.quotes = find_quotes(doc.text, doc.annotations);
    for (auto& c : doc.comments) c.annotations.quotes = find_quotes(c.text, c.annotations);
    return Status::Ok();
  }
};

}  // namespace

std::vector<Quote> find_quotes(std::string_view text, const Annotations& annotations) {
  return Attributor(text, annotations).run();
}

std::unique_ptr<Stage> make_quote_stage() { return std::make_unique<QuoteStage>(); }

}  // namespace veille
