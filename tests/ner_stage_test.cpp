// The "ner" stage's corrections of the tagger's mentions (src/nlp/ner_stage.cpp, refine_mentions),
// with the shipped sentence and NER models: regressions found in `veille annotate samples/`.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "veille/nlp.h"

namespace veille {
namespace {

const std::string kSourceDir = VEILLE_SOURCE_DIR;

using Mentions = std::set<std::pair<std::string, std::string>>;  // (surface, type)

class NerRefineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    NerStageOptions o;
    o.model_path = kSourceDir + "/models/ner-fr.bin";
    o.shipped_aliases_path = kSourceDir + "/models/aliases-fr.tsv";
    auto s = make_ner_stage(o);
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    ner_ = std::move(*s);
    tokenize_ = make_tokenize_stage();
  }

  Mentions mentions(const std::string& text) {
    Document doc;
    doc.text = text;
    EXPECT_TRUE(tokenize_->process(doc).ok());
    EXPECT_TRUE(ner_->process(doc).ok());
    Mentions out;
    for (const auto& e : doc.annotations.entities)
      out.emplace(text.substr(e.span.begin, e.span.end - e.span.begin), e.type);
    return out;
  }

  std::unique_ptr<Stage> tokenize_, ner_;
};

struct Row {
  std::string text;
  std::vector<std::pair<std::string, std::string>> present;  // (surface, type) that must be found
  std::vector<std::string> absent;                           // surfaces that must not be a mention
};

TEST_F(NerRefineTest, FrenchConventionsTheTaggerMisses) {
  const std::vector<Row> rows = {
      // A place noun before a name makes one place: "Fontaine" alone was a LOC, "Penn" and "Roz" persons.
      {"Elle tient une boutique rue de la Fontaine depuis dix ans.", {{"rue de la Fontaine", "LOC"}}, {"Fontaine"}},
      {"Une cellule d'écoute a été ouverte à la salle de Penn ar Roz, où vingt personnes dorment.",
       {{"salle de Penn ar Roz", "LOC"}},
       {"Penn", "Roz"}},
      {"Les travaux bloquent l'avenue Jean-Jaurès jusqu'en mai.", {{"avenue Jean-Jaurès", "LOC"}}, {"Jean-Jaurès"}},
      // "de" after a building gives where it is, not its name.
      {"C'est le plus grand terminal de France, au Havre.", {}, {"terminal de France"}},
      {"Il évoque la place de l'Ukraine en Europe.", {}, {"place de l'Ukraine"}},
      // A minister's portfolio is no entity; a ministry is an organisation.
      {"Le ministre allemand de la Défense, Boris Pistorius, a déploré la décision.",
       {{"Boris Pistorius", "PER"}},
       {"Défense"}},
      // A Roman ordinal alone is a century.
      {"Au XXIe siècle, la ville a doublé.", {}, {"XXIe"}},
      // A title before a name: the person without the title.
      {"Son avocate, Me Claire Etcheverry, a salué une décision.", {{"Claire Etcheverry", "PER"}},
       {"Me Claire Etcheverry"}},
      // A title inside a mention: the medium before it is no part of the name.
      {"« Nous manquons de lits », a expliqué au Progrès le Dr Sophie Le Bihan, cheffe du service.",
       {{"Sophie Le Bihan", "PER"}},
       {"Progrès le Dr Sophie Le Bihan"}},
      // A military rank before a name with a particle: a person, not an organisation.
      {"« Il faut agir vite », a averti le général Thibault de Sainte-Marie devant le Sénat.",
       {{"Thibault de Sainte-Marie", "PER"}},
       {}},
      // Nationality nouns before a name are not part of it.
      {"Le Kényan Daniel Kiptoo a gagné devant la Marocaine Salma Bennani.",
       {{"Daniel Kiptoo", "PER"}, {"Salma Bennani", "PER"}},
       {"Kényan Daniel Kiptoo", "Marocaine"}},
      // A possessive at the start of a sentence is no name.
      {"Mon client a toujours nié les faits.", {}, {"Mon client", "client"}},
      // One page, one type per name: a surname after the full name is the person.
      {"L'Éthiopien Abebe Tadesse a couru vite. Kirui termine deuxième, Tadesse troisième.",
       {{"Abebe Tadesse", "PER"}, {"Tadesse", "PER"}},
       {}},
      // A word never seen in a person's name, particles and a name: an organisation ("Logis" was PER,
      // "Garonne" LOC).
      {"L'ancien directeur général de Logis de la Garonne a été condamné.",
       {{"Logis de la Garonne", "ORG"}},
       {"Logis", "Garonne"}},
      // A lower-case word that completes a name of the alias table ("Journal" alone was MISC).
      {"L'arrêté a été publié jeudi au Journal officiel pour Châteaulin.", {{"Journal officiel", "MISC"}}, {"Journal"}},
      // An event named by apposition ("Angers-Loire" was PER).
      {"Le Kényan Daniel Kiptoo a remporté dimanche le marathon Angers-Loire.",
       {{"marathon Angers-Loire", "MISC"}, {"Daniel Kiptoo", "PER"}},
       {"Angers-Loire"}},
      // A trade after a name makes a company.
      {"L'entrepreneur Didier Sabourin, dirigeant de Sabourin BTP, a été condamné.",
       {{"Sabourin BTP", "ORG"}, {"Didier Sabourin", "PER"}},
       {}},
      // An interjection before a name in a reader's comment.
      {"Merci Soizic, c'est noté.", {{"Soizic", "PER"}}, {"Merci Soizic"}},
      // A one-word name coordinated with a place is a place ("Zeebruges" was PER).
      {"Les armateurs font passer leurs marchandises par Dunkerque ou par Zeebruges.",
       {{"Dunkerque", "LOC"}, {"Zeebruges", "LOC"}},
       {}},
      // An adjective between a site noun and its name ("Penn" and "Roz" were PER).
      {"La salle polyvalente de Penn ar Roz accueille une quarantaine de personnes.",
       {{"salle polyvalente de Penn ar Roz", "LOC"}},
       {"Penn", "Roz"}},
      // ... or a participle, by apposition ("Porte Océane" was PER).
      {"Le médiateur ne remet pas en cause le projet de terminal automatisé Porte Océane, mais son calendrier.",
       {{"terminal automatisé Porte Océane", "LOC"}},
       {"Porte Océane"}},
      // A sentence cut inside the name made "Pen" a place.
      {"Interrogée mardi Marine Le Pen a répondu.", {{"Marine Le Pen", "PER"}}, {"Pen", "Le Pen"}},
  };
  for (const Row& r : rows) {
    const Mentions got = mentions(r.text);
    std::string all;
    for (const auto& [s, t] : got) all += s + "/" + t + "; ";
    for (const auto& p : r.present) EXPECT_TRUE(got.count(p)) << r.text << " -> " << all << " lacks " << p.first;
    for (const auto& a : r.absent)
      for (const auto& [s, t] : got) EXPECT_NE(s, a) << r.text << " -> " << all;
  }
}

}  // namespace
}  // namespace veille
