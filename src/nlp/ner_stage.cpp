// The "ner" stage: tags the tokens of each sentence with the NER model, turns IOB2 runs into
// mentions (byte spans over the tokens), then links the page's mentions to canonical entities.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "nlp/entities.h"
#include "nlp/ner.h"
#include "veille/nlp.h"

namespace veille {

namespace {

bool is_person_type(int type) { return std::string_view(ner::type_name(type)) == "PER"; }

// A token made only of punctuation or symbols (ASCII), which never starts or ends a name.
bool is_punctuation_token(std::string_view tok) {
  return !tok.empty() && std::all_of(tok.begin(), tok.end(), [](unsigned char c) {
    return c < 0x80 && !((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
  });
}

// True when the token starts with a lower-case letter (ASCII or not).
bool starts_lowercase(std::string_view tok) {
  if (tok.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(tok.data()), i, static_cast<int32_t>(tok.size()), c);
  return c >= 0 && u_islower(c);
}

// Lower-case words that belong inside a person's name ("Charles de Gaulle", "Ursula von der
// Leyen", "Mohammed ben Salmane"); any other lower-case word cannot.
bool is_name_particle(std::string_view tok) {
  static constexpr std::string_view kParticles[] = {"de", "d'", "d’", "du", "des", "la", "le", "von",
                                                    "van", "der", "den", "al", "el", "ben", "bin",
                                                    "ibn", "da", "di", "dos", "y", "al-", "el-"};
  for (auto p : kParticles)
    if (tok == p) return true;
  return false;
}

// Token-level mention inside one sentence: words [b, e) of type `type` (ner::type_name index).
struct TokenMention {
  size_t b = 0, e = 0;
  int type = 0;
};

int type_index(std::string_view name) {
  for (int t = 0; t < 4; ++t)
    if (name == ner::type_name(t)) return t;
  return -1;
}

bool in_words(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list)
    if (w == x) return true;
  return false;
}

bool starts_uppercase(std::string_view tok) {
  if (tok.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(tok.data()), i, static_cast<int32_t>(tok.size()), c);
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}

// Lower-case nouns that name a kind of place: what follows them ("rue de la Fontaine", "avenue
// Jean-Jaurès", "salle de Penn ar Roz", "école Jules-Ferry") is a place named after a person or a
// thing, and the place's name includes the noun.
bool is_street_noun(std::string_view w) {
  return in_words(w, {"rue", "avenue", "boulevard", "bd", "place", "quai", "allée", "impasse", "chemin", "route",
                      "cours", "square", "esplanade", "parvis", "rond-point", "passage", "faubourg"});
}
// Buildings and sites: named by apposition ("école Jules-Ferry", "terminal Porte Océane"); with "de"
// they are only named after a person ("salle de Penn ar Roz"), else "de" gives where they are ("le
// plus grand terminal de France", "le pont de Châteaulin").
bool is_site_noun(std::string_view w) {
  return in_words(w, {"pont", "école", "collège", "lycée", "marché", "salle", "stade", "gare", "hôpital", "église",
                      "chapelle", "cathédrale", "terminal", "parc", "jardin", "cité", "résidence", "halle"});
}

// Adjectives that qualify a site noun before its name: "salle polyvalente de Penn ar Roz", "stade
// municipal Jean-Bouin".
bool is_site_adjective(std::string_view w) {
  return in_words(w, {"polyvalente", "polyvalent", "municipal", "municipale", "communal", "communale",
                      "intercommunal", "intercommunale", "départemental", "départementale", "régional", "régionale",
                      "national", "nationale", "omnisports", "primaire", "maternelle", "élémentaire", "universitaire",
                      "paroissiale", "paroissial", "couvert", "couverte", "principal", "principale", "central",
                      "centrale"});
}

// Nouns of events named by apposition: "le marathon Angers-Loire", "le festival Interceltique".
bool is_event_noun(std::string_view w) {
  return in_words(w, {"marathon", "semi-marathon", "festival", "salon", "rallye", "trophée", "tournoi", "championnat",
                      "challenge", "meeting", "triathlon", "trail", "forum", "sommet", "biennale", "foire"});
}

// Words that end a company's name: a legal form or a trade ("Sabourin BTP", "Vinci SA").
bool is_company_suffix(std::string_view w) {
  return in_words(w, {"SA", "SAS", "SASU", "SARL", "EURL", "SCI", "SCOP", "SNC", "GIE", "BTP", "Group", "Groupe",
                      "Holding", "Industries", "Immobilier", "Construction", "Constructions", "Transports",
                      "Logistique", "Services", "Consulting", "Conseil", "Ingénierie", "Télécom", "Énergie",
                      "Assurances", "Distribution", "Inc", "Ltd", "GmbH", "AG", "SpA", "NV", "BV"});
}

// Short lower-case words that join the parts of a place name ("Penn ar Roz", "Boulogne sur Mer").
bool is_place_connector(std::string_view w) {
  return in_words(w, {"de", "du", "des", "la", "le", "les", "d'", "d’", "l'", "l’", "ar", "an", "en", "sur", "sous",
                      "lès", "aux"});
}

// Titles written before a person's name: the name after them is a person whatever the tagger said.
bool is_person_title(std::string_view w) {
  return in_words(w, {"M.", "Mme", "Mlle", "Me", "Mgr", "Dr", "Pr", "Maître"});
}

// A capitalised noun of nationality or origin ("le Kényan Daniel Kiptoo", "la Marocaine Salma
// Bennani"): French capitalises these nouns, and the tagger takes them into the name after them.
bool looks_like_demonym(std::string_view w) {
  if (!starts_uppercase(w) || w.size() < 5) return false;
  std::string_view x = w;
  if (x.back() == 's') x.remove_suffix(1);
  for (std::string_view suf : {"an", "ane", "ain", "aine", "ien", "ienne", "ais", "aise", "ois", "oise", "ique",
                               "in", "ine", "ol", "ole", "ote", "on", "onne", "ète", "èque"})
    if (x.size() > suf.size() + 2 && x.substr(x.size() - suf.size()) == suf) return true;
  return false;
}

bool is_article(std::string_view w) {
  return in_words(w, {"le", "la", "les", "l'", "l’", "du", "au", "aux", "des", "Le", "La", "Les", "L'", "L’"});
}

// A military rank after an article right before token b ("le général", "l'amiral"): a capitalised
// name after it is a person's.
bool follows_rank(const std::vector<std::string_view>& words, size_t b) {
  return b > 1 && is_article(words[b - 2]) &&
         in_words(words[b - 1], {"général", "générale", "amiral", "colonel", "commandant", "capitaine", "lieutenant",
                                 "adjudant", "sergent", "caporal", "maréchal"});
}

// A Roman ordinal ("XXIe", "IIIe", "Ier"): a century or a rank, never a name on its own.
bool is_roman_ordinal(std::string_view w) {
  size_t n = 0;
  while (n < w.size() && std::string_view("IVXLC").find(w[n]) != std::string_view::npos) ++n;
  if (n == 0) return false;
  std::string_view rest = w.substr(n);
  return rest == "e" || rest == "er" || rest == "ème" || rest == "è" || rest == "eme";
}

// Corrects the tagger's mentions of one sentence with French writing conventions it cannot learn
// from Wikipedia sentences: place nouns before a name, portfolios after "ministre", titles before a
// person, nationality nouns before a name, Roman ordinals. `mentions` are in order, disjoint.
void refine_mentions(const std::vector<std::string_view>& words, std::vector<TokenMention>& mentions) {
  const int per = type_index("PER"), loc = type_index("LOC"), org = type_index("ORG"), misc = type_index("MISC");
  std::vector<TokenMention> out;
  out.reserve(mentions.size());
  for (size_t k = 0; k < mentions.size(); ++k) {
    TokenMention m = mentions[k];
    // Roman ordinals alone ("au XXIe siècle").
    if (m.e == m.b + 1 && is_roman_ordinal(words[m.b])) continue;
    // A possessive or demonstrative that starts a sentence is not part of a name ("Mon client",
    // tagged MISC); with only lower-case words after it there is no name at all.
    if (in_words(words[m.b], {"Mon", "Ma", "Mes", "Ton", "Ta", "Tes", "Son", "Sa", "Ses", "Notre", "Nos", "Votre",
                              "Vos", "Leur", "Leurs", "Ce", "Cet", "Cette", "Ces"})) {
      ++m.b;
      bool named = false;
      for (size_t t = m.b; t < m.e; ++t) named = named || starts_uppercase(words[t]);
      if (!named) continue;
    }
    // A portfolio: "ministre (allemand) de la Défense", "ministère chargé des Transports". A
    // minister's portfolio is no entity; a ministry is an organisation, named with its noun.
    {
      size_t j = m.b;
      size_t lower = 0;
      while (j > 0 && lower < 4 && starts_lowercase(words[j - 1]) &&
             !in_words(words[j - 1], {"ministre", "ministres", "ministère", "secrétaire", "secrétariat"})) {
        --j;
        ++lower;
      }
      if (j > 0 && lower > 0 && lower < 4 && is_place_connector(words[m.b - 1]) &&
          in_words(words[j - 1], {"ministre", "ministres", "ministère", "secrétaire", "secrétariat"})) {
        if (words[j - 1] == "ministère" || words[j - 1] == "secrétariat") {
          m.b = j - 1;
          m.type = org;
          out.push_back(m);
        }
        continue;
      }
    }
    // A place noun before the name: "rue de la Fontaine", "salle de Penn ar Roz".
    {
      size_t j = m.b, connectors = 0;
      while (j > 0 && connectors < 2 && is_place_connector(words[j - 1])) {
        --j;
        ++connectors;
      }
      // "place", "cours", "route", "passage" after a determiner are common nouns: "la place de
      // l'Ukraine en Europe", "le cours du Rhin".
      const bool figurative = j > 1 && in_words(words[j - 1], {"place", "cours", "route", "passage"}) &&
                              in_words(words[j - 2], {"la", "le", "une", "un", "sa", "son", "leur", "cette", "ce",
                                                      "notre", "votre", "ma", "mon", "ta", "ton", "quelle", "quel"});
      // "salle polyvalente de Penn ar Roz": an adjective may stand between a site noun and the name.
      // By apposition a participle may stand there too: "terminal automatisé Porte Océane".
      if (j > 1 && is_site_noun(words[j - 2]) &&
          (is_site_adjective(words[j - 1]) ||
           (connectors == 0 && words[j - 1].size() > 4 &&
            (words[j - 1].ends_with("\xc3\xa9") || words[j - 1].ends_with("\xc3\xa9" "e")))))
        --j;
      const bool place_noun =
          j > 0 && !figurative &&
          (is_street_noun(words[j - 1]) || (is_site_noun(words[j - 1]) && (connectors == 0 || m.type == per)));
      if (place_noun && (out.empty() || out.back().e < j)) {
        m.b = j - 1;
        m.type = loc;
        // The name goes on through short connectors and capitalised words ("Penn ar Roz").
        size_t e = m.e;
        while (e + 1 < words.size() && is_place_connector(words[e]) && words[e].size() <= 3 &&
               starts_uppercase(words[e + 1])) {
          e += 2;
          while (e < words.size() && starts_uppercase(words[e])) ++e;
        }
        while (k + 1 < mentions.size() && mentions[k + 1].b < e) ++k;  // swallowed by the place
        m.e = std::max(m.e, e);
        out.push_back(m);
        continue;
      }
    }
    // An event named by apposition: "le marathon Angers-Loire" (tagged PER) is the event.
    if (m.b > 0 && is_event_noun(words[m.b - 1]) && (out.empty() || out.back().e < m.b)) {
      m.b -= 1;
      m.type = misc;
      out.push_back(m);
      continue;
    }
    if (m.e > m.b + 1 && is_event_noun(words[m.b]) && starts_uppercase(words[m.b + 1])) {
      m.type = misc;  // the tagger took the noun in: "marathon Angers-Loire" tagged LOC
      out.push_back(m);
      continue;
    }
    // A trade or a legal form after a name makes a company: "Sabourin BTP" is no person.
    if (m.type == per && m.e > m.b + 1 && is_company_suffix(words[m.e - 1])) m.type = org;
    // A title inside a mention: the tagger ran a medium into the name after it ("a confié au
    // Télégramme le Dr Yann K." tagged "Télégramme le Dr Yann K."); the person starts after it.
    for (size_t t = m.b + 1; t + 1 < m.e; ++t)
      if (is_person_title(words[t]) && starts_uppercase(words[t + 1]) && starts_lowercase(words[t - 1])) {
        m.b = t;
        break;
      }
    // A military rank after an article: "le général Hugues de R." is a person, whatever type the
    // particle made the tagger give.
    if (follows_rank(words, m.b) && starts_uppercase(words[m.b])) m.type = per;
    // A title before a capitalised run: "Me Claire Etcheverry" is a person, without the title.
    if (is_person_title(words[m.b]) && m.e > m.b + 1 && starts_uppercase(words[m.b + 1])) {
      ++m.b;
      m.type = per;
    } else if (m.b > 0 && is_person_title(words[m.b - 1]) && starts_uppercase(words[m.b])) {
      m.type = per;
    }
    // A nationality noun after an article and before a name: "le Kényan Daniel Kiptoo".
    if (m.b > 0 && is_article(words[m.b - 1]) && looks_like_demonym(words[m.b])) {
      if (m.type == per && m.e > m.b + 1 && starts_uppercase(words[m.b + 1])) {
        ++m.b;
      } else if (m.e == m.b + 1 && k + 1 < mentions.size() && mentions[k + 1].b == m.e &&
                 mentions[k + 1].type == per) {
        continue;  // "la Marocaine" before "Salma Bennani"
      }
    }
    out.push_back(m);
  }
  mentions.swap(out);
}

struct TaggedMention {
  Span span;
  std::string type;
};

// One page names one thing with one surface: the tagger's type is made to agree across the page.
// A one-word mention that is the last word of a person's full name on the page is that person
// ("Tadesse" tagged LOC after "Abebe Tadesse"); other surfaces tagged with several types take
// the type most of their mentions have ("Morlaix" once PER, three times LOC), and keep their
// types on a tie.
void agree_types_on_page(std::vector<MentionToLink>& mentions) {
  std::unordered_set<std::string_view> surnames;
  for (const auto& m : mentions) {
    // Full names only: capitalised words ("Logis de la Garonne", a mistagged firm, gives nothing).
    if (m.type != "PER" || m.surface.find(" d") != std::string_view::npos ||
        m.surface.find(" l") != std::string_view::npos)
      continue;
    const size_t sp = m.surface.rfind(' ');
    if (sp != std::string_view::npos && sp + 1 < m.surface.size()) surnames.insert(m.surface.substr(sp + 1));
  }
  std::unordered_map<std::string_view, std::map<std::string, int>> types;
  for (const auto& m : mentions) ++types[m.surface][m.type];
  for (auto& m : mentions) {
    if (m.type != "PER" && m.surface.find(' ') == std::string_view::npos && surnames.count(m.surface)) {
      m.type = "PER";
      continue;
    }
    const auto& counts = types[m.surface];
    if (counts.size() < 2) continue;
    int best = 0, ties = 0;
    std::string best_type;
    for (const auto& [type, n] : counts) {
      if (n > best) {
        best = n;
        best_type = type;
        ties = 0;
      } else if (n == best) {
        ++ties;
      }
    }
    if (ties == 0) m.type = best_type;
  }
}

class NerStage final : public Stage {
 public:
  NerStage(std::shared_ptr<const NerModel> model, AliasTable aliases, size_t max_tokens)
      : model_(std::move(model)), aliases_(std::move(aliases)), max_tokens_(std::max<size_t>(max_tokens, 16)) {}

  std::string_view name() const override { return "ner"; }

  Status process(Document& doc) const override {
    // Mentions of the article, then of each comment; linked together as one page.
    std::vector<std::vector<TaggedMention>> per_text;
    per_text.push_back(tag_text(doc.text, doc.annotations));
    for (const auto& c : doc.comments) per_text.push_back(tag_text(c.text, c.annotations));

    std::vector<MentionToLink> to_link;
    auto add = [&](const std::string& text, const std::vector<TaggedMention>& ms) {
      for (const auto& m : ms)
        to_link.push_back({std::string_view(text).substr(m.span.begin, m.span.end - m.span.begin), m.type});
    };
    add(doc.text, per_text[0]);
    for (size_t i = 0; i < doc.comments.size(); ++i) add(doc.comments[i].text, per_text[i + 1]);
    agree_types_on_page(to_link);
    std::vector<EntityMention> linked = link_page_entities(to_link, aliases_);

    size_t next = 0;
    auto fill = [&](Annotations& a, const std::vector<TaggedMention>& ms) {
      a.entities.clear();
      a.entities.reserve(ms.size());
      for (const auto& m : ms) {
        EntityMention e = std::move(linked[next++]);
        e.span = m.span;
        a.entities.push_back(std::move(e));
      }
    };
    fill(doc.annotations, per_text[0]);
    for (size_t i = 0; i < doc.comments.size(); ++i) fill(doc.comments[i].annotations, per_text[i + 1]);
    return Status::Ok();
  }

 private:
  // Mentions of one text, from the tokens and sentences of the tokenize stage. Tokens outside
  // every sentence (there are none when tokenize ran) are tagged as one more sentence each run.
  std::vector<TaggedMention> tag_text(const std::string& text, const Annotations& a) const {
    std::vector<TaggedMention> out;
    thread_local NerWorkspace ws;
    thread_local std::vector<std::string_view> words;
    thread_local std::vector<uint8_t> tags;
    const auto& tokens = a.tokens;
    size_t t = 0, s = 0;
    while (t < tokens.size()) {
      // The run of tokens of the sentence that holds token t (bounded by max_tokens_).
      while (s < a.sentences.size() && a.sentences[s].end <= tokens[t].begin) ++s;
      uint32_t limit = s < a.sentences.size() && a.sentences[s].begin <= tokens[t].begin
                           ? a.sentences[s].end
                           : (s < a.sentences.size() ? a.sentences[s].begin : UINT32_MAX);
      size_t first = t;
      words.clear();
      while (t < tokens.size() && tokens[t].end <= limit && words.size() < max_tokens_) {
        const Span& tok = tokens[t];
        if (tok.begin > tok.end || tok.end > text.size()) return out;  // broken REQUIRES
        words.push_back(std::string_view(text).substr(tok.begin, tok.end - tok.begin));
        ++t;
      }
      if (words.empty()) {  // token straddling a sentence end: tag it alone
        const Span& tok = tokens[t];
        if (tok.begin > tok.end || tok.end > text.size()) return out;
        words.push_back(std::string_view(text).substr(tok.begin, tok.end - tok.begin));
        ++t;
      }
      model_->tag(words, ws, tags);
      collect(words, tags, tokens, first, out);
    }
    return out;
  }

  void collect(const std::vector<std::string_view>& words, const std::vector<uint8_t>& tags,
               const std::vector<Span>& tokens, size_t first, std::vector<TaggedMention>& out) const {
    std::vector<TokenMention> mentions;
    size_t i = 0;
    while (i < words.size()) {
      int type = ner::tag_type(tags[i]);
      if (type < 0) {
        ++i;
        continue;
      }
      size_t b = i++;
      while (i < words.size() && ner::tag_is_inside(tags[i]) && ner::tag_type(tags[i]) == type) ++i;
      size_t e = i;  // [b, e)
      if (!is_person_type(type)) {
        add_trimmed(words, b, e, type, mentions);
        continue;
      }
      // A person's name has no lower-case word but its particles: the tagger's run "Trump de
      // persuader Poutine" is two names.
      size_t run = b;
      for (size_t k = b; k <= e; ++k) {
        if (k == e || (starts_lowercase(words[k]) && !is_name_particle(words[k]))) {
          add_trimmed(words, run, k, type, mentions);
          run = k + 1;
        }
      }
    }
    refine_mentions(words, mentions);
    correct_with_lexicons(words, mentions);
    extend_with_aliases(words, mentions);
    for (const TokenMention& m : mentions)
      out.push_back({{tokens[first + m.b].begin, tokens[first + m.e - 1].end}, ner::type_name(m.type)});
  }

  // What the tagger's training data says of a word as written: whether it was ever part of a
  // person's name there ("Pierre", "Claire" were), and whether its lower-cased form is usually
  // written in lower case (a common word: "ville", "porte").
  bool seen_in_person(std::string_view w) const {
    ner::TokenInfo info;
    ner::analyse_token(w, &info);
    const uint16_t word = model_->params().lexicons.words.find(info.word);
    return (word & ner::kWordPresent) && (word & (1u << type_index("PER")));
  }
  // Whether the word as written was ever part of a name of type `type` in the training data.
  bool seen_in_type(std::string_view w, int type) const {
    ner::TokenInfo info;
    ner::analyse_token(w, &info);
    const uint16_t word = model_->params().lexicons.words.find(info.word);
    return (word & ner::kWordPresent) && (word & (1u << type));
  }
  bool is_common_word(std::string_view w) const {
    ner::TokenInfo info;
    ner::analyse_token(w, &info);
    const uint16_t lower = model_->params().lexicons.lowers.find(info.lower);
    return (lower & ner::kWordPresent) && (lower & 7) >= 3 && !seen_in_person(w);  // lower case half the time or more
  }

  // Corrections of persons that need the tagger's lexicons:
  //  - "Logis de la Garonne" (tagged "Logis" PER, "Garonne" LOC): one word never seen in a person's
  //    name, particles and a capitalised name make the name of an organisation, one mention (a
  //    person with a particle has a first name: "Jean de La Fontaine");
  //  - "Merci Soizic", "Bravo Justine" (reader comments): an interjection is no part of the name,
  //    and a common word left alone ("Merci Ville" -> "Ville") names nobody;
  //  - "par Dunkerque ou par Zeebruges": a one-word person coordinated with a place is a place.
  void correct_with_lexicons(const std::vector<std::string_view>& words, std::vector<TokenMention>& mentions) const {
    const int per = type_index("PER"), org = type_index("ORG"), loc = type_index("LOC");
    std::vector<TokenMention> out;
    out.reserve(mentions.size());
    for (size_t k = 0; k < mentions.size(); ++k) {
      TokenMention m = mentions[k];
      if (m.type != per) {
        // "La Banque de France table sur ...": a lower-case word after the capitalised word that
        // ends an organisation's name, when no organisation's name held it in the training data,
        // is the verb after the name.
        if (m.type == org && m.e > m.b + 1 && starts_lowercase(words[m.e - 1]) &&
            starts_uppercase(words[m.e - 2]) && !is_name_particle(words[m.e - 1]) &&
            !seen_in_type(words[m.e - 1], org))
          --m.e;
        out.push_back(m);
        continue;
      }
      // "le député LR Bérénice Castagnol", "la députée Horizons Claire Dumas": after a title, a
      // party label (capitals, or a word never seen in a person's name) before a word seen as
      // a first name is no part of the name.
      if (m.b > 0 && m.e >= m.b + 2 &&
          in_words(words[m.b - 1], {"député", "députée", "sénateur", "sénatrice", "eurodéputé", "eurodéputée", "élu",
                                    "élue", "candidat", "candidate", "maire", "conseiller", "conseillère", "militant",
                                    "militante", "ministre", "dirigeant", "dirigeante", "responsable"}) &&
          starts_uppercase(words[m.b + 1])) {
        const bool capitals = words[m.b].size() <= 5 &&
            std::all_of(words[m.b].begin(), words[m.b].end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        if ((capitals && m.e >= m.b + 3) || (!seen_in_person(words[m.b]) && seen_in_person(words[m.b + 1]))) ++m.b;
      }
      if (in_words(words[m.b], {"Merci", "Bravo", "Bonjour", "Bonsoir", "Salut", "Coucou", "Félicitations", "Courage",
                                "Chapeau", "Bienvenue", "Cher", "Chère", "Adieu", "Pauvre"})) {
        ++m.b;
        if (m.b == m.e || !starts_uppercase(words[m.b]) || (m.e == m.b + 1 && is_common_word(words[m.b]))) continue;
      }
      if (!seen_in_person(words[m.b]) && !follows_rank(words, m.b)) {
        // "Logis de la Garonne": particles, then a capitalised word, inside the mention or after it.
        size_t j = m.b + 1, particles = 0;
        while (j < words.size() && particles < 2 && in_words(words[j], {"de", "du", "des", "la", "d'", "d’", "l'", "l’"})) {
          ++j;
          ++particles;
        }
        if (particles > 0 && j < words.size() && starts_uppercase(words[j])) {
          size_t e = j + 1;
          while (e < words.size() && starts_uppercase(words[e])) ++e;
          e = std::max(e, m.e);
          while (k + 1 < mentions.size() && mentions[k + 1].b < e) {
            ++k;
            e = std::max(e, mentions[k].e);
          }
          out.push_back({m.b, e, org});
          continue;
        }
        // "Saint-Brieuc ou Morlaix", "par Dunkerque ou par Zeebruges".
        if (m.e == m.b + 1 && !out.empty() && out.back().type == loc) {
          const size_t gap = m.b - out.back().e;
          const bool coordinated =
              (gap == 1 && in_words(words[m.b - 1], {"ou", "et", ","})) ||
              (gap == 2 && in_words(words[m.b - 2], {"ou", "et", ","}) && out.back().b > 0 &&
               words[m.b - 1] == words[out.back().b - 1] && starts_lowercase(words[m.b - 1]));
          if (coordinated) m.type = loc;
        }
      }
      out.push_back(m);
    }
    mentions.swap(out);
  }

  // A mention followed by lower-case words that make, with it, a name of the alias table
  // ("Journal" + "officiel", "Assemblée" + "nationale") is extended to that name and takes its type.
  void extend_with_aliases(const std::vector<std::string_view>& words, std::vector<TokenMention>& mentions) const {
    if (aliases_.size() == 0) return;
    std::string surface;
    for (size_t k = 0; k < mentions.size(); ++k) {
      TokenMention& m = mentions[k];
      const size_t limit = std::min(words.size(), k + 1 < mentions.size() ? mentions[k + 1].b : words.size());
      if (m.e >= limit || !starts_lowercase(words[m.e])) continue;
      surface.clear();
      for (size_t t = m.b; t < m.e; ++t) {
        if (t > m.b) surface.push_back(' ');
        surface.append(words[t]);
      }
      for (size_t e = m.e; e < limit && e < m.e + 3 && starts_lowercase(words[e]); ++e) {
        surface.push_back(' ');
        surface.append(words[e]);
        if (const AliasTarget* t = aliases_.find(ner::type_name(m.type), surface)) {
          m.e = e + 1;
          m.type = type_index(t->type);
          break;
        }
      }
    }
  }

  // Adds words [b, e) as a mention once punctuation (and, for persons, particles) at either end
  // are trimmed off; nothing when nothing is left.
  static void add_trimmed(const std::vector<std::string_view>& words, size_t b, size_t e, int type,
                          std::vector<TokenMention>& out) {
    auto drop = [&](std::string_view w) {
      return is_punctuation_token(w) || (is_person_type(type) && is_name_particle(w));
    };
    while (b < e && drop(words[b])) ++b;
    while (e > b && drop(words[e - 1])) --e;
    if (b == e) return;
    out.push_back({b, e, type});
  }

  std::shared_ptr<const NerModel> model_;
  AliasTable aliases_;
  size_t max_tokens_;
};

}  // namespace

Result<std::unique_ptr<Stage>> make_ner_stage(const NerStageOptions& options) {
  const std::string model_path = options.model_path.empty() ? default_ner_model_path() : options.model_path;
  auto model = NerModel::load(model_path);
  if (!model.ok()) return model.status();
  AliasTable aliases;
  if (options.use_shipped_aliases) {
    const std::string shipped =
        options.shipped_aliases_path.empty() ? default_aliases_path() : options.shipped_aliases_path;
    Status st = aliases.add_file(shipped);
    if (!st.ok()) return st;
  }
  for (const auto& path : options.alias_paths) {
    Status st = aliases.add_file(path);
    if (!st.ok()) return st;
  }
  return std::unique_ptr<Stage>(std::make_unique<NerStage>(std::move(*model), std::move(aliases),
                                                           options.max_sentence_tokens));
}

}  // namespace veille
