#include "nlp/quotes_lexicon.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace veille::quotes {

namespace {

// Regular -er reporting verbs. "infinitive" or "infinitive|present" when the present stem differs
// (rappeler -> rappelle, répéter -> répète). Forms are derived by the -er conjugation below.
constexpr const char* kErVerbs[] = {
    "déclarer", "affirmer", "confier", "ajouter", "estimer", "souligner", "analyser", "critiquer",
    "marteler|martèle", "insister", "assurer", "expliquer", "lancer", "indiquer", "préciser",
    "raconter", "témoigner", "confirmer", "annoncer", "dénoncer", "déplorer", "regretter",
    "commenter", "exclamer", "écrier", "interroger", "inquiéter|inquiète", "féliciter", "indigner",
    "alarmer", "étonner", "insurger", "protester", "plaider", "réclamer", "exiger", "demander",
    "questionner", "répéter|répète", "réitérer|réitère", "nuancer", "tempérer|tempère",
    "concéder|concède", "avouer", "confesser", "jurer", "menacer", "alerter", "ironiser", "railler",
    "moquer", "fustiger", "tacler", "accuser", "attaquer", "saluer", "parler", "évoquer",
    "qualifier", "résumer", "enchaîner", "abonder", "compléter|complète", "détailler", "argumenter",
    "justifier", "certifier", "rassurer", "rappeler|rappelle", "observer", "constater", "remarquer",
    "signaler", "mentionner", "tweeter", "rétorquer", "répliquer", "objecter", "contester", "nier",
    "réfuter", "agacer", "emporter", "tonner", "fulminer", "pester", "soupirer", "glisser",
    "murmurer", "souffler", "relater", "narrer", "clarifier", "scander", "clamer", "proclamer",
    "revendiquer", "penser", "considérer|considère", "juger", "souhaiter", "espérer|espère",
    "pronostiquer", "appeler|appelle", "inviter", "exhorter", "implorer", "supplier", "engager",
    "interpeller", "prôner", "militer", "condamner", "remercier", "reprocher", "trancher",
    "lâcher", "noter", "relever|relève", "soulever|soulève", "suggérer|suggère", "révéler|révèle",
    "raisonner", "développer", "avancer", "dévoiler", "recommander", "conseiller",
    "pointer", "accuser", "blâmer", "dramatiser", "minimiser", "relativiser", "positiver",
    "vanter", "défier", "trouver", "tabler",
};

// Irregular verbs: every form listed (3rd person present, imperfect, passé simple, future,
// present participle; then the past participle after '/').
constexpr const char* kIrregular[] = {
    "dit disent disait disaient dira dirait disant/dit dite dits",
    "écrit écrivent écrivait écrivaient écrivant écrivit/écrit écrite",
    "prévient préviennent prévenait prévenant prévint/prévenu prévenue",
    "avertit avertissent avertissait avertissant/averti avertie",
    "reconnaît reconnait reconnaissent reconnaissait reconnaissant reconnut/reconnu reconnue",
    "admet admettent admettait admettant admit/admis admise",
    "promet promettent promettait promettant promit/promis promise",
    "soutient soutiennent soutenait soutenant soutint/soutenu soutenue",
    "maintient maintiennent maintenait maintenant/maintenu maintenue",
    "répond répondent répondait répondant répondit/répondu répondue",
    "conclut concluent concluait concluant/conclu conclue",
    "poursuit poursuivent poursuivait poursuivant poursuivit/poursuivi poursuivie",
    "réagit réagissent réagissait réagissant/réagi",
    "convient conviennent/convenu",
    "décrit décrivent décrivait décrivant/décrit décrite",
    "reprend reprennent reprenait reprenant reprit/repris",
    "réjouit réjouissent réjouissait réjouissant/réjoui réjouie",
    "prédit prédisent prédisait prédisant/prédit",
    "contredit contredisent/contredit",
    "dément démentent démentait démentant/démenti démentie",
    "renchérit renchérissent renchérissait renchérissant/renchéri renchérie",
    "garantit garantissent garantissait garantissant/garanti",
    "défend défendent défendait défendant défendit/défendu défendue",
    "sourit sourient souriait souriant/souri",
    "souvient souviennent souvenait souvenant souvint/souvenu souvenue",  // "se souvient X"
    "interrompt/interrompu",
    "émeut émeuvent/ému émue",
    "met mettent/mis",
    "fait/fait",
    "laisse/laissé",
};

struct Tables {
  std::unordered_set<std::string> finite, participle, present_participle, infinitive;
};

void add_er(Tables& t, std::string_view entry) {
  std::string inf(entry.substr(0, entry.find('|')));
  t.infinitive.insert(inf);
  std::string stem = inf.substr(0, inf.size() - 2);
  std::string present = stem + "e";
  if (auto bar = entry.find('|'); bar != std::string_view::npos) present = std::string(entry.substr(bar + 1));
  // Before a/o the stem keeps its sound: annonc-/annonç-, jug-/juge-.
  std::string soft = stem;
  if (stem.ends_with("c")) soft = stem.substr(0, stem.size() - 1) + "ç";
  else if (stem.ends_with("g")) soft = stem + "e";
  t.finite.insert(present);
  t.finite.insert(present + "nt");
  t.finite.insert(soft + "ait");
  t.finite.insert(soft + "aient");
  t.finite.insert(soft + "a");
  t.finite.insert(stem + "èrent");
  t.finite.insert(present + "ra");
  t.finite.insert(present + "rait");
  t.present_participle.insert(soft + "ant");
  for (const char* end : {"é", "ée", "és", "ées"}) t.participle.insert(stem + end);
}

void add_irregular(Tables& t, std::string_view entry) {
  auto slash = entry.find('/');
  auto words = [](std::string_view s, auto&& f) {
    size_t i = 0;
    while (i < s.size()) {
      size_t j = s.find(' ', i);
      if (j == std::string_view::npos) j = s.size();
      if (j > i) f(std::string(s.substr(i, j - i)));
      i = j + 1;
    }
  };
  words(entry.substr(0, slash), [&](std::string w) {
    if (w.ends_with("ant")) t.present_participle.insert(w);
    else t.finite.insert(w);
  });
  if (slash != std::string_view::npos) words(entry.substr(slash + 1), [&](std::string w) { t.participle.insert(w); });
}

const Tables& tables() {
  static const Tables t = [] {
    Tables t;
    for (const char* v : kErVerbs) add_er(t, v);
    for (const char* v : kIrregular) add_irregular(t, v);
    for (const char* w : {"maintenant", "fait", "met", "laisse", "mettent", "reprend"})
      t.finite.erase(w);  // "maintenant" is the adverb; "fait"/"met"/"laisse" only in multi-word cues
    t.present_participle.erase("maintenant");
    for (const char* w : {"dire", "écrire", "prévenir", "avertir", "reconnaître", "admettre", "promettre",
                          "soutenir", "maintenir", "répondre", "conclure", "poursuivre", "réagir", "décrire",
                          "reprendre", "prédire", "démentir", "renchérir", "garantir", "défendre"})
      t.infinitive.insert(w);
    return t;
  }();
  return t;
}

const std::unordered_set<std::string>& female_names() {
  static const std::unordered_set<std::string> s = {
      "marie", "maria", "anne", "anna", "ursula", "kaja", "giorgia", "marine", "ségolène", "christine",
      "angela", "kamala", "hillary", "nancy", "élisabeth", "elisabeth", "elizabeth", "rachida",
      "valérie", "agnès", "catherine", "sophie", "nathalie", "isabelle", "sylvie", "martine",
      "julia", "yulia", "ioulia", "olena", "claudia", "annalena", "sanna", "mette", "roberta",
      "laurence", "aurore", "amélie", "sandrine", "mathilde", "léa", "manon", "emmanuelle",
      "françoise", "hélène", "brigitte", "michelle", "melania", "ivanka", "tulsi", "kristi",
      "karoline", "pam", "susie", "kristalina", "margrethe", "theresa", "liz", "jacinda", "golda",
      "indira", "benazir", "maia", "sviatlana", "svetlana", "marina", "natalia", "olga", "tatiana",
      "irina", "ekaterina", "elena", "valentina", "veronika", "yaël", "aurélie", "carole", "maud",
      "clémentine", "najat", "christiane", "ségolene", "simone", "édith", "edith", "jeanne",
      "louise", "chloé", "camille", "pauline", "juliette", "caroline", "virginie", "stéphanie",
      "céline", "delphine", "florence", "véronique", "dominique", "patricia", "monique", "nicole",
      "jacqueline", "danielle", "sabine", "corinne", "karine", "muriel", "agathe", "alice",
      "clara", "emma", "inès", "sarah", "laura", "lucie", "marion", "océane", "charlotte",
      "margaux", "élise", "elise", "éléonore", "eva", "eve", "ève", "hanna", "hannah", "ilhan",
      "alexandria", "nikki", "condoleezza", "madeleine", "samantha", "linda", "janet", "gina",
      "gretchen", "kristen", "jill", "laura", "oprah", "taylor", "beyoncé", "greta", "malala",
      "aung", "tsai", "sheikh", "hasina", "yoon", "meloni", "roxana", "teresa", "victoria",
      "zakharova", "maria", "marta", "marlène", "marlene", "nadia", "leïla", "leila", "fatima",
      "amina", "aya", "salomé", "rima", "mathilde", "sonia", "barbara", "rama", "ségolène",
      "clotilde", "géraldine", "bénédicte", "agnes", "prisca", "raquel", "nadine", "annie",
      "gisèle", "huguette", "odile", "colette", "ginette", "josiane", "mireille", "claire",
      "rima", "laure", "justine", "annie", "dominique", "sandra", "myriam", "zoé", "rose",
  };
  return s;
}

}  // namespace

bool is_reporting_finite(std::string_view low) {
  const auto& t = tables();
  std::string w(low);
  return t.finite.count(w) || t.present_participle.count(w);
}

bool is_reporting_infinitive(std::string_view low) { return tables().infinitive.count(std::string(low)) > 0; }

bool is_reporting_participle(std::string_view low) { return tables().participle.count(std::string(low)) > 0; }

bool is_present_participle(std::string_view low) {
  return tables().present_participle.count(std::string(low)) > 0;
}

int multiword_cue_continuation(std::string_view verb, std::string_view next, std::string_view next2) {
  if ((verb == "met" || verb == "mettent" || verb == "mis" || verb == "mettait") && next == "en" &&
      next2 == "garde")
    return 2;
  if ((verb == "fait" || verb == "font" || verb == "faisait") && (next == "savoir" || next == "valoir"))
    return 1;
  if ((verb == "laisse" || verb == "laissé" || verb == "laissent") && next == "entendre") return 1;
  return 0;
}

bool is_auxiliary(std::string_view low) {
  static const std::unordered_set<std::string_view> s = {
      "a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient", "eut", "eurent",
      "ayant", "avoir"};
  return s.count(low) > 0;
}

bool is_pronominal_auxiliary(std::string_view low) {
  static const std::unordered_set<std::string_view> s = {"est", "sont", "était", "étaient", "sera",
                                                         "serait", "étant", "être"};
  return s.count(low) > 0;
}

bool is_inserted_adverb(std::string_view low) {
  static const std::unordered_set<std::string_view> s = {
      "déjà", "aussi", "encore", "même", "bien", "pourtant", "ensuite", "alors", "toujours",
      "jamais", "souvent", "aussitôt", "enfin", "plus", "pas", "ainsi", "également", "notamment",
      "d'ailleurs", "lui", "leur", "donc", "tout", "très", "mieux", "vite", "longuement", "récemment",
      "clairement", "fermement", "toutefois", "cependant", "néanmoins", "surtout", "d'abord",
      "hier", "aujourd'hui"};
  if (s.count(low)) return true;
  return low.size() > 6 && low.ends_with("ment");
}

char subject_clitic_gender(std::string_view low) {
  if (low == "-t-il" || low == "-il") return 'm';
  if (low == "-t-elle" || low == "-elle") return 'f';
  if (low == "-ils" || low == "-elles" || low == "-t-ils" || low == "-t-elles") return 'p';
  if (low == "-t-on" || low == "-on") return 'p';
  return 0;
}

char person_title(std::string_view low) {
  static const std::unordered_map<std::string_view, char> m = [] {
    std::unordered_map<std::string_view, char> m;
    // singular heads: masculine, feminine, either
    for (const char* w : {"président", "chef", "ambassadeur", "député", "sénateur", "chancelier",
                          "dirigeant", "patron", "directeur", "conseiller", "expert", "chercheur",
                          "historien", "avocat", "procureur", "gouverneur", "roi", "pape", "prince",
                          "candidat", "élu", "préfet", "professeur", "négociateur", "envoyé",
                          "militant", "opposant", "prédécesseur", "successeur", "entraîneur",
                          "sélectionneur", "joueur", "habitant", "fondateur", "vice-président",
                          "coprésident", "ex-président", "général", "colonel", "émir", "cheikh",
                          "monarque", "souverain", "leader", "politologue", "économiste",
                          "sociologue", "analyste", "ministre", "secrétaire", "porte-parole",
                          "juge", "commissaire", "spécialiste", "diplomate", "syndicaliste",
                          "médecin", "responsable", "maire", "témoin", "homologue", "capitaine",
                          "PDG", "pdg", "patriarche", "premier-ministre", "magistrat",
                          "rapporteur", "médiateur", "haut-commissaire", "émissaire", "présentateur",
                          "journaliste", "auteur", "écrivain", "chanteur", "acteur", "réalisateur",
                          "policier", "officier", "commandant", "lieutenant", "sergent", "soldat",
                          "chercheur", "philosophe", "épidémiologiste", "virologue", "climatologue",
                          "démographe", "géographe", "juriste", "constitutionnaliste", "ancien",
                          // people of the street and the workplace, frequent speakers in reports
                          "fonctionnaire", "infirmier", "salarié", "employé", "ouvrier",
                          "agriculteur", "enseignant", "étudiant", "retraité", "riverain",
                          "commerçant", "manifestant", "gréviste", "élève", "père", "pompier",
                          "gendarme", "secouriste", "éleveur", "vigneron", "chauffeur", "proche",
                          "membre",
                          // sport, culture, courts, local life: the titles their pages repeat
                          "attaquant", "défenseur", "gardien", "buteur", "ailier", "meneur",
                          "coureur", "nageur", "skieur", "champion", "manager", "coach", "arbitre",
                          "cycliste", "athlète", "cinéaste", "artiste", "comédien", "musicien",
                          "romancier", "metteur", "producteur", "photographe", "dessinateur",
                          "accusé", "prévenu", "homme", "représentant", "délégué", "recteur",
                          "édile", "gérant", "banquier", "stratégiste", "consultant", "ostréiculteur",
                          "pêcheur", "viticulteur", "artisan", "bénévole", "adjoint",
                          "technicien", "suspect", "adolescent", "automobiliste", "conducteur", "piéton",
                          "passant", "propriétaire", "exploitant", "restaurateur", "boulanger", "maraîcher",
                          "apiculteur", "marin", "skipper", "navigateur", "pilote", "boxeur", "judoka",
                          "rugbyman", "handballeur", "basketteur", "footballeur", "tennisman", "ouvreur",
                          "talonneur", "entrepreneur", "cofondateur", "créateur", "chorégraphe", "danseur",
                          "pianiste", "compositeur", "rappeur", "humoriste", "animateur", "éditeur", "libraire",
                          "archéologue", "instituteur", "proviseur", "chirurgien", "urgentiste", "pharmacien",
                          "vétérinaire", "psychiatre", "psychologue", "pédiatre", "infectiologue", "greffier",
                          "bâtonnier", "enquêteur", "brigadier", "adjudant", "sous-préfet", "eurodéputé",
                          "quinquagénaire", "sexagénaire", "quadragénaire", "trentenaire", "septuagénaire",
                          "octogénaire", "nonagénaire", "retraité", "aide-soignant", "sage-femme",
                          // family and partners, who speak at trials and after accidents
                          "compagnon", "mari", "époux", "conjoint", "frère", "oncle", "veuf", "voisin"}) {
      m.emplace(w, 'm');
    }
    for (const char* w : {"ministre", "secrétaire", "porte-parole", "juge", "commissaire",
                          "spécialiste", "diplomate", "syndicaliste", "médecin", "responsable",
                          "maire", "témoin", "homologue", "capitaine", "leader", "politologue",
                          "économiste", "sociologue", "analyste", "philosophe", "journaliste",
                          "épidémiologiste", "virologue", "climatologue", "démographe", "juriste",
                          "géographe", "constitutionnaliste", "pdg", "PDG", "émissaire",
                          "fonctionnaire", "gréviste", "élève", "gendarme", "secouriste", "proche", "membre",
                          "manager", "coach", "arbitre", "cycliste", "athlète", "cinéaste", "artiste",
                          "photographe", "édile", "stratégiste", "bénévole", "propriétaire", "automobiliste",
                          "skipper", "pilote", "judoka", "chorégraphe", "pianiste", "humoriste", "libraire",
                          "archéologue", "urgentiste", "vétérinaire", "psychiatre", "psychologue", "pédiatre",
                          "infectiologue", "quinquagénaire", "sexagénaire", "quadragénaire", "trentenaire",
                          "septuagénaire", "octogénaire", "nonagénaire", "sage-femme"})
      m[w] = 'u';
    m.erase("ancien");
    for (const char* w : {"présidente", "cheffe", "ambassadrice", "députée", "sénatrice",
                          "chancelière", "dirigeante", "patronne", "directrice", "conseillère",
                          "experte", "chercheuse", "historienne", "avocate", "procureure",
                          "gouverneure", "reine", "princesse", "candidate", "élue", "préfète",
                          "professeure", "négociatrice", "envoyée", "militante", "opposante",
                          "entraîneuse", "joueuse", "habitante", "fondatrice", "vice-présidente",
                          "coprésidente", "rapporteure", "médiatrice", "présentatrice",
                          "autrice", "écrivaine", "chanteuse", "actrice", "réalisatrice",
                          "policière", "commandante", "haute-commissaire", "infirmière",
                          "salariée", "employée", "ouvrière", "agricultrice", "enseignante",
                          "étudiante", "retraitée", "riveraine", "commerçante", "manifestante",
                          "mère", "éleveuse", "vigneronne", "chauffeuse", "attaquante", "défenseure",
                          "gardienne", "meneuse", "coureuse", "nageuse", "skieuse", "championne",
                          "sélectionneuse", "comédienne", "musicienne", "romancière", "metteuse",
                          "productrice", "dessinatrice", "accusée", "prévenue", "femme",
                          "représentante", "déléguée", "rectrice", "magistrate", "gérante",
                          "banquière", "consultante", "pêcheuse", "viticultrice", "artisane", "adjointe",
                          "technicienne", "suspecte", "adolescente", "conductrice", "exploitante",
                          "restauratrice", "boulangère", "maraîchère", "apicultrice", "navigatrice",
                          "boxeuse", "handballeuse", "basketteuse", "footballeuse", "entrepreneuse",
                          "cofondatrice", "créatrice", "danseuse", "compositrice", "rappeuse", "animatrice",
                          "éditrice", "institutrice", "chirurgienne", "pharmacienne", "greffière",
                          "bâtonnière", "enquêtrice", "sous-préfète", "eurodéputée", "aide-soignante",
                          "victime", "compagne", "épouse", "conjointe", "sœur", "tante", "veuve", "voisine"})
      m.emplace(w, 'f');
    for (const char* w : {"présidents", "chefs", "ministres", "ambassadeurs", "députés",
                          "sénateurs", "dirigeants", "responsables", "experts", "analystes",
                          "manifestants", "manifestantes", "syndicats", "habitants", "habitantes",
                          "agriculteurs", "salariés", "grévistes", "enseignants", "médecins",
                          "avocats", "chercheurs", "économistes", "élus", "militants", "opposants",
                          "autorités", "organisateurs", "associations", "ong", "signataires",
                          "riverains", "parents", "eurodéputés", "policiers", "soignants",
                          "électeurs", "partisans", "détracteurs", "alliés", "juges", "magistrats",
                          "observateurs", "spécialistes", "diplomates", "négociateurs",
                          "secrétaires", "maires", "sages", "syndicalistes", "familles",
                          "victimes", "témoins", "élèves", "étudiants", "patrons", "employeurs",
                          "chauffeurs", "pilotes", "infirmières", "infirmiers", "commerçants",
                          "restaurateurs", "pêcheurs", "éleveurs", "viticulteurs", "juristes",
                          "scientifiques", "climatologues", "épidémiologistes", "historiens",
                          "politologues", "sociologues", "journalistes", "représentants",
                          "délégués", "gouvernements", "dirigeantes", "auteurs", "membres", "participants",
                          "proches", "conseillers", "ministères", "administrés", "citoyens",
                          "sondés", "français", "européens", "américains", "rapporteurs",
                          "enquêteurs", "procureurs", "militaires", "soldats", "officiers",
                          "experts-comptables", "banquiers", "investisseurs", "analystes",
                          "fonctionnaires", "ouvriers", "ouvrières", "employés", "retraités",
                          "pompiers", "gendarmes", "secouristes", "étudiantes", "enseignantes",
                          "collègues", "voisins", "voisines", "amis", "supporters", "usagers",
                          "clients", "locataires", "patients", "passagers", "voyageurs", "bénévoles",
                          "collectifs", "joueurs", "joueuses", "entraîneurs", "artistes", "maraîchers"})
      m.emplace(w, 'p');
    return m;
  }();
  auto it = m.find(low);
  return it == m.end() ? 0 : it->second;
}

bool is_title_premodifier(std::string_view low) {
  static const std::unordered_set<std::string_view> s = {
      "ancien", "ancienne", "anciens", "anciennes", "nouveau", "nouvel", "nouvelle", "nouveaux",
      "nouvelles", "premier", "première", "actuel", "actuelle", "futur", "future", "jeune",
      "célèbre", "puissant", "puissante", "influent", "influente", "éminent", "éminente", "haut",
      "haute", "hauts", "hautes", "vice", "ex", "grand", "grande", "deux", "trois", "quatre",
      "cinq", "vingt-sept", "nombreux", "nombreuses", "principaux", "principales"};
  return s.count(low) > 0;
}

char honorific_gender(std::string_view low) {
  if (low == "m." || low == "monsieur" || low == "me") return low == "me" ? 'u' : 'm';
  if (low == "mme" || low == "madame" || low == "mlle") return 'f';
  if (low == "dr" || low == "pr" || low == "dr." || low == "pr.") return 'u';
  return 0;
}

bool is_female_first_name(std::string_view low) { return female_names().count(std::string(low)) > 0; }

bool is_male_first_name(std::string_view low) {
  static const std::unordered_set<std::string_view> s = {
      // Frequent French first names, and male names with a feminine-looking ending (below).
      "jean", "pierre", "michel", "philippe", "alain", "nicolas", "christophe", "patrick", "daniel",
      "bernard", "éric", "eric", "laurent", "frédéric", "stéphane", "david", "thierry", "olivier",
      "pascal", "sébastien", "julien", "françois", "jacques", "gérard", "didier", "christian",
      "bruno", "vincent", "thomas", "antoine", "alexandre", "guillaume", "emmanuel", "marc",
      "hervé", "yves", "denis", "benoît", "benoit", "gilles", "xavier", "dominique", "jérôme",
      "cédric", "fabrice", "franck", "sylvain", "lionel", "arnaud", "romain", "mathieu", "matthieu",
      "maxime", "baptiste", "hugo", "lucas", "louis", "paul", "jules", "léo", "gabriel", "raphaël",
      "arthur", "adam", "nathan", "théo", "ethan", "enzo", "tom", "clément", "quentin", "florian",
      "damien", "jérémy", "kevin", "rémi", "rémy", "bertrand", "charles", "henri", "georges",
      "andré", "rené", "roger", "robert", "marcel", "claude", "serge", "jean-luc", "jean-marc",
      "jean-pierre", "jean-claude", "jean-louis", "jean-michel", "jean-paul", "jean-yves",
      "jean-marie", "jean-baptiste", "jean-noël", "jean-françois", "jean-jacques", "édouard",
      "gabriel", "bruno", "gérald", "sébastien", "olaf", "friedrich", "donald", "joe", "vladimir",
      "volodymyr", "recep", "xi", "benyamin", "benjamin", "mohammed", "mohamed", "ahmed", "ali",
      "karim", "rachid", "mehdi", "sofiane", "yacine", "amine", "lamine", "hocine", "nordine",
      "yassine", "moussa", "mamadou", "ibrahim", "youssef", "omar", "hamza", "bilal", "killian",
      "kylian", "thibaut", "thibault", "tristan", "aurèle", "aurélien", "anatole", "amaury",
      "ghislain", "rodolphe", "hugues", "gaston", "fernand", "armand", "roland", "lucien",
      "émile", "achille", "jérémie", "moïse", "josé", "luca", "andrea", "nicola", "mattia",
      "sacha", "sasha", "mustapha", "joshua", "elia", "ilya", "dmitri", "sergueï", "wojciech",
      "pieter", "jan", "hans", "klaus", "karl", "luiz", "lula", "pedro", "carlos", "javier"};
  return s.count(low) > 0;
}

bool looks_female_first_name(std::string_view low) {
  if (is_male_first_name(low)) return false;
  if (is_female_first_name(low)) return true;
  // Endings that French and many borrowed female first names share and male ones do not:
  // Yolande, Armelle, Capucine, Perrine, Paulette, Fabienne, Océane.
  for (std::string_view suf : {"ande", "elle", "ette", "ine", "ienne", "ianne", "éane", "iane", "lène",
                               "rène", "ise", "ysse", "ysia", "ine"})
    if (low.size() > suf.size() + 1 && low.ends_with(suf)) return true;
  return false;
}

}  // namespace veille::quotes
