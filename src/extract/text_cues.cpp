#include "extract/text_cues.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <regex>

namespace veille::text {

namespace {

// Decodes the code point at s[i] and advances i; invalid bytes decode to U+FFFD, one byte each.
UChar32 next_cp(std::string_view s, size_t& i) {
  UChar32 c;
  int32_t idx = static_cast<int32_t>(i);
  U8_NEXT(s.data(), idx, static_cast<int32_t>(s.size()), c);
  i = static_cast<size_t>(idx);
  return c < 0 ? 0xFFFD : c;
}

// Decodes the code point that ends just before s[i] and moves i back.
UChar32 prev_cp(std::string_view s, size_t& i) {
  UChar32 c;
  int32_t idx = static_cast<int32_t>(i);
  U8_PREV(s.data(), 0, idx, c);
  i = static_cast<size_t>(idx);
  return c < 0 ? 0xFFFD : c;
}

bool is_space_cp(UChar32 c) { return c == 0xA0 || c == 0x202F || c == 0x2009 || u_isspace(c); }
bool is_word_cp(UChar32 c) { return u_isalnum(c) != 0; }
bool is_closing_cp(UChar32 c) {
  return c == ')' || c == ']' || c == '"' || c == '\'' || c == 0xBB /* » */ || c == 0x201D /* ” */ ||
         c == 0x2019 || c == '*';
}
bool is_opening_cp(UChar32 c) {
  return c == '(' || c == '[' || c == '"' || c == '\'' || c == 0xAB /* « */ || c == 0x201C /* “ */ ||
         c == 0x2018 || c == 0x201E;
}

// The last code point that is not a space or a closing quote / bracket; 0 when there is none.
UChar32 last_meaningful_cp(std::string_view line) {
  std::string_view t = trim(line);
  size_t i = t.size();
  while (i > 0) {
    UChar32 c = prev_cp(t, i);
    if (!is_space_cp(c) && !is_closing_cp(c)) return c;
  }
  return 0;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// Folded line without the punctuation and spaces a share button or form label may end with
// ("Partager.", "Commentaire *", "Nom :").
std::string fold_label(std::string_view line) {
  std::string f = fold(line);
  while (!f.empty() && (f.back() == '.' || f.back() == ':' || f.back() == '*' || f.back() == ' ' ||
                        f.back() == '!'))
    f.pop_back();
  return f;
}

struct Phrase {
  std::string_view text;
  RemovedKind kind;
};

// Whole-line phrases (compared after fold_label).
constexpr std::array kExactPhrases = {
    // Share bars.
    Phrase{"partager", RemovedKind::kBoilerplate}, Phrase{"partagez", RemovedKind::kBoilerplate},
    Phrase{"partager cet article", RemovedKind::kBoilerplate},
    Phrase{"partagez cet article", RemovedKind::kBoilerplate},
    Phrase{"partager sur facebook", RemovedKind::kBoilerplate},
    Phrase{"partager sur twitter", RemovedKind::kBoilerplate},
    Phrase{"partager sur x", RemovedKind::kBoilerplate},
    Phrase{"partager sur linkedin", RemovedKind::kBoilerplate},
    Phrase{"partager sur whatsapp", RemovedKind::kBoilerplate},
    Phrase{"partager par e-mail", RemovedKind::kBoilerplate},
    Phrase{"partager par email", RemovedKind::kBoilerplate}, Phrase{"tweeter", RemovedKind::kBoilerplate},
    Phrase{"tweet", RemovedKind::kBoilerplate}, Phrase{"imprimer", RemovedKind::kBoilerplate},
    Phrase{"imprimer cet article", RemovedKind::kBoilerplate},
    Phrase{"envoyer par e-mail", RemovedKind::kBoilerplate},
    Phrase{"envoyer par email", RemovedKind::kBoilerplate}, Phrase{"facebook", RemovedKind::kBoilerplate},
    Phrase{"twitter", RemovedKind::kBoilerplate}, Phrase{"linkedin", RemovedKind::kBoilerplate},
    Phrase{"whatsapp", RemovedKind::kBoilerplate}, Phrase{"pinterest", RemovedKind::kBoilerplate},
    Phrase{"telegram", RemovedKind::kBoilerplate}, Phrase{"copier le lien", RemovedKind::kBoilerplate},
    Phrase{"lien copié", RemovedKind::kBoilerplate}, Phrase{"share", RemovedKind::kBoilerplate},
    Phrase{"share this", RemovedKind::kBoilerplate}, Phrase{"print", RemovedKind::kBoilerplate},
    // Buttons inside comment threads: chrome, but they do not end the thread.
    Phrase{"répondre", RemovedKind::kBoilerplate}, Phrase{"reply", RemovedKind::kBoilerplate},
    Phrase{"signaler", RemovedKind::kBoilerplate}, Phrase{"signaler un abus", RemovedKind::kBoilerplate},
    Phrase{"j'aime", RemovedKind::kBoilerplate},
    // Comment forms.
    Phrase{"laisser un commentaire", RemovedKind::kCommentForm},
    Phrase{"laissez un commentaire", RemovedKind::kCommentForm},
    Phrase{"laisser une réponse", RemovedKind::kCommentForm},
    Phrase{"laisser une reponse", RemovedKind::kCommentForm},
    Phrase{"ajouter un commentaire", RemovedKind::kCommentForm},
    Phrase{"écrire un commentaire", RemovedKind::kCommentForm},
    Phrase{"poster un commentaire", RemovedKind::kCommentForm},
    Phrase{"publier un commentaire", RemovedKind::kCommentForm},
    Phrase{"publier le commentaire", RemovedKind::kCommentForm},
    Phrase{"annuler la réponse", RemovedKind::kCommentForm}, Phrase{"réagir", RemovedKind::kCommentForm},
    Phrase{"réagissez", RemovedKind::kCommentForm}, Phrase{"commenter", RemovedKind::kCommentForm},
    Phrase{"commentaire", RemovedKind::kCommentForm}, Phrase{"nom", RemovedKind::kCommentForm},
    Phrase{"site web", RemovedKind::kCommentForm}, Phrase{"leave a reply", RemovedKind::kCommentForm},
    Phrase{"leave a comment", RemovedKind::kCommentForm}, Phrase{"cancel reply", RemovedKind::kCommentForm},
    Phrase{"post comment", RemovedKind::kCommentForm},
    // Navigation.
    Phrase{"exit mobile version", RemovedKind::kNavigation},
    Phrase{"version mobile", RemovedKind::kNavigation}, Phrase{"version desktop", RemovedKind::kNavigation},
    Phrase{"aller au contenu", RemovedKind::kNavigation},
    Phrase{"aller au contenu principal", RemovedKind::kNavigation},
    Phrase{"passer au contenu", RemovedKind::kNavigation},
    Phrase{"skip to content", RemovedKind::kNavigation}, Phrase{"menu", RemovedKind::kNavigation},
    Phrase{"accueil", RemovedKind::kNavigation}, Phrase{"rechercher", RemovedKind::kNavigation},
    Phrase{"retour en haut", RemovedKind::kNavigation}, Phrase{"haut de page", RemovedKind::kNavigation},
    Phrase{"retour à l'accueil", RemovedKind::kNavigation},
    Phrase{"article précédent", RemovedKind::kNavigation},
    Phrase{"article suivant", RemovedKind::kNavigation}, Phrase{"lire la suite", RemovedKind::kNavigation},
    Phrase{"en savoir plus", RemovedKind::kNavigation}, Phrase{"voir plus", RemovedKind::kNavigation},
    Phrase{"se connecter", RemovedKind::kNavigation}, Phrase{"connexion", RemovedKind::kNavigation},
    Phrase{"s'abonner", RemovedKind::kBoilerplate}, Phrase{"newsletter", RemovedKind::kBoilerplate},
};

// Phrases a line may start with (compared on the folded line); the line must stay short.
constexpr std::array kPrefixPhrases = {
    Phrase{"votre adresse e-mail ne sera pas publiée", RemovedKind::kCommentForm},
    Phrase{"votre adresse email ne sera pas publiée", RemovedKind::kCommentForm},
    Phrase{"votre adresse de messagerie ne sera pas publiée", RemovedKind::kCommentForm},
    Phrase{"les champs obligatoires sont indiqués", RemovedKind::kCommentForm},
    Phrase{"enregistrer mon nom", RemovedKind::kCommentForm},
    Phrase{"vous devez être connecté pour publier un commentaire", RemovedKind::kCommentForm},
    Phrase{"vous devez vous connecter pour", RemovedKind::kCommentForm},
    Phrase{"connectez-vous pour commenter", RemovedKind::kCommentForm},
    Phrase{"your email address will not be published", RemovedKind::kCommentForm},
    Phrase{"required fields are marked", RemovedKind::kCommentForm},
    Phrase{"lire aussi", RemovedKind::kNavigation}, Phrase{"à lire aussi", RemovedKind::kNavigation},
    Phrase{"a lire aussi", RemovedKind::kNavigation}, Phrase{"à lire également", RemovedKind::kNavigation},
    Phrase{"voir aussi", RemovedKind::kNavigation}, Phrase{"sur le même sujet", RemovedKind::kNavigation},
    Phrase{"articles similaires", RemovedKind::kNavigation},
    Phrase{"articles liés", RemovedKind::kNavigation},
    Phrase{"dans la même rubrique", RemovedKind::kNavigation},
    Phrase{"vous aimerez aussi", RemovedKind::kNavigation},
    Phrase{"vous aimerez peut-être", RemovedKind::kNavigation},
    Phrase{"abonnez-vous", RemovedKind::kBoilerplate}, Phrase{"inscrivez-vous", RemovedKind::kBoilerplate},
    Phrase{"recevez notre newsletter", RemovedKind::kBoilerplate},
    Phrase{"tous droits réservés", RemovedKind::kBoilerplate},
    Phrase{"copyright", RemovedKind::kBoilerplate}, Phrase{"mentions légales", RemovedKind::kBoilerplate},
    Phrase{"politique de confidentialité", RemovedKind::kBoilerplate},
    Phrase{"gérer les cookies", RemovedKind::kBoilerplate},
    Phrase{"ce site utilise des cookies", RemovedKind::kBoilerplate},
    Phrase{"nous utilisons des cookies", RemovedKind::kBoilerplate},
    Phrase{"suivez-nous", RemovedKind::kBoilerplate}, Phrase{"retrouvez-nous", RemovedKind::kBoilerplate},
    Phrase{"déjà abonné", RemovedKind::kBoilerplate}, Phrase{"tags :", RemovedKind::kBoilerplate},
    Phrase{"mots-clés :", RemovedKind::kBoilerplate}, Phrase{"étiquettes :", RemovedKind::kBoilerplate},
    Phrase{"catégories :", RemovedKind::kBoilerplate}, Phrase{"publié dans", RemovedKind::kBoilerplate},
};

// Phrases a short line may contain anywhere: a form's required-fields notice often comes after
// another sentence ("Votre courriel reste confidentiel ; les champs suivis d'un astérisque ...").
constexpr std::array kInnerPhrases = {
    Phrase{"champs suivis d'un astérisque", RemovedKind::kCommentForm},
    Phrase{"champs marqués d'un astérisque", RemovedKind::kCommentForm},
};

constexpr std::array<std::string_view, 20> kAdMarkers = {
    "publicité",          "publicite",           "pub",
    "annonce",            "annonces",            "sponsorisé",
    "contenu sponsorisé", "article sponsorisé",  "contenu partenaire",
    "en partenariat avec", "annonce publicitaire", "la suite après cette publicité",
    "la suite après la publicité", "suite à la publicité", "votre publicité ici",
    "sponsored",          "advertisement",       "advertising",
    "ad",                 "sponsored content",
};

const std::regex& price_re() {
  // On folded text: an amount with a currency, optionally a rate unit.
  static const std::regex re(
      R"((\d[\d .,]*)\s?(€|euros?(?![a-z])|eur(?![a-z]))\s*(ttc|ht|hors taxes)?\s*((/|par|la|le)\s*(jour|nuit|mois|semaine|an|heure|personne|pers|m2|m²))?)",
      std::regex::ECMAScript | std::regex::optimize);
  return re;
}

}  // namespace

std::string_view trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e) {
    size_t i = b;
    UChar32 c = next_cp(s, i);
    if (!is_space_cp(c)) break;
    b = i;
  }
  while (e > b) {
    size_t i = e;
    UChar32 c = prev_cp(s, i);
    if (!is_space_cp(c)) break;
    e = i;
  }
  return s.substr(b, e - b);
}

int indentation(std::string_view line) {
  int n = 0;
  for (char c : line) {
    if (c == ' ') ++n;
    else if (c == '\t') n += 4;
    else break;
  }
  return n;
}

size_t char_count(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) next_cp(s, i);
  return n;
}

int word_count(std::string_view s) {
  int n = 0;
  bool in_word = false;
  for (size_t i = 0; i < s.size();) {
    bool w = is_word_cp(next_cp(s, i));
    if (w && !in_word) ++n;
    in_word = w;
  }
  return n;
}

std::string fold(std::string_view s) {
  std::string folded;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
      .foldCase()
      .toUTF8String(folded);
  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  for (size_t i = 0; i < folded.size();) {
    size_t start = i;
    UChar32 c = next_cp(folded, i);
    if (is_space_cp(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    if (c == 0x2019 || c == 0x2018) out += '\'';
    else out.append(folded, start, i - start);
  }
  return out;
}

bool ends_sentence(std::string_view line) {
  UChar32 c = last_meaningful_cp(line);
  return c == '.' || c == '!' || c == '?' || c == 0x2026 /* … */;
}

bool ends_clause(std::string_view line) {
  UChar32 c = last_meaningful_cp(line);
  return ends_sentence(line) || c == ':' || c == ';' || c == ',';
}

bool starts_upper(std::string_view line) {
  std::string_view t = trim(line);
  for (size_t i = 0; i < t.size();) {
    UChar32 c = next_cp(t, i);
    if (is_opening_cp(c) || is_space_cp(c)) continue;
    return u_isupper(c) || u_istitle(c) || u_isdigit(c);
  }
  return false;
}

bool is_bullet(std::string_view line) {
  std::string_view t = trim(line);
  if (t.empty()) return false;
  size_t i = 0;
  UChar32 c = next_cp(t, i);
  bool bullet = c == 0x2022 || c == 0xB7 || c == '-' || c == 0x2013 || c == 0x2014 || c == '*' ||
                c == 0x25AA || c == 0x25CF || c == 0x2023;
  if (!bullet || i >= t.size()) return false;
  size_t j = i;
  return is_space_cp(next_cp(t, j));
}

std::string_view strip_bullet(std::string_view line) {
  std::string_view t = trim(line);
  if (!is_bullet(t)) return t;
  size_t i = 0;
  next_cp(t, i);
  return trim(t.substr(i));
}

bool is_quotation(std::string_view line) {
  std::string_view t = trim(line);
  if (t.empty()) return false;
  size_t i = 0;
  UChar32 open = next_cp(t, i);
  UChar32 close = open == 0xAB ? 0xBB : open == 0x201C ? 0x201D : open == '"' ? '"' : 0;
  if (!close) return false;
  size_t e = t.size();
  while (e > i) {
    size_t k = e;
    UChar32 c = prev_cp(t, k);
    if (c == '.' || c == '!' || c == '?' || c == 0x2026 || is_space_cp(c)) {
      e = k;
      continue;
    }
    return c == close && k > 0;
  }
  return false;
}

std::optional<RemovedKind> boilerplate_phrase(std::string_view line) {
  if (trim(line).size() > 1200) return std::nullopt;  // over 300 characters whatever the script
  std::string f = fold_label(line);
  if (f.empty()) return std::nullopt;
  for (const auto& p : kExactPhrases)
    if (f == p.text) return p.kind;
  if (char_count(f) > 300) return std::nullopt;
  std::string full = fold(line);
  for (const auto& p : kPrefixPhrases)
    if (starts_with(full, p.text)) return p.kind;
  for (const auto& p : kInnerPhrases)
    if (full.find(p.text) != std::string::npos) return p.kind;
  return std::nullopt;
}

bool is_ad_marker(std::string_view line) {
  if (trim(line).size() > 160) return false;
  std::string f = fold_label(line);
  return std::find(kAdMarkers.begin(), kAdMarkers.end(), f) != kAdMarkers.end();
}

ListingCue listing_cue(std::string_view line) {
  std::string_view t = trim(line);
  if (t.empty() || t.size() > 240 || char_count(t) > 160) return ListingCue::kNone;
  if (last_meaningful_cp(t) == '.') return ListingCue::kNone;
  bool currency = t.find("\xE2\x82\xAC") != std::string_view::npos ||  // €
                  t.find("eur") != std::string_view::npos || t.find("EUR") != std::string_view::npos ||
                  t.find("Eur") != std::string_view::npos;
  std::smatch m;
  std::string f = currency ? fold(t) : std::string();
  if (currency && std::regex_search(f, m, price_re())) {
    if (m[4].matched) return ListingCue::kPrice;        // a rate: "par jour", "/ mois"
    if (word_count(t) <= 5) return ListingCue::kPrice;  // the line is little more than a price
  }
  // A French postcode after a capitalised place name: exactly five digits, not part of a longer
  // number, preceded by a space and a word starting upper-case.
  for (size_t i = 0; i + 5 <= t.size(); ++i) {
    if (!std::all_of(t.begin() + i, t.begin() + i + 5, [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    if (i > 0 && t[i - 1] >= '0' && t[i - 1] <= '9') continue;
    if (i + 5 < t.size() && t[i + 5] >= '0' && t[i + 5] <= '9') continue;
    if (i < 2 || t[i - 1] != ' ') continue;
    int code = std::stoi(std::string(t.substr(i, 5)));
    if (code < 1000 || code > 98999) continue;
    size_t w = i - 1;  // start of the preceding word
    while (w > 0 && t[w - 1] != ' ') --w;
    if (starts_upper(t.substr(w, i - 1 - w))) return ListingCue::kPostcode;
  }
  return ListingCue::kNone;
}

bool is_listing_line(std::string_view line) { return listing_cue(line) != ListingCue::kNone; }

bool is_caption_line(std::string_view line) {
  std::string_view t = trim(line);
  if (t.empty() || char_count(t) > 220) return false;
  std::string f = fold(t);
  // Cheap test first: every alternative below needs one of these.
  static constexpr std::string_view kNeedles[] = {"photo", "illustration", "image", "crédit", "credit",
                                                  "\xC2\xA9", "capture", "/", "(", "\xE2\x80\x93",
                                                  "\xE2\x80\x94", " - "};
  if (std::none_of(std::begin(kNeedles), std::end(kNeedles),
                   [&](std::string_view n) { return f.find(n) != std::string::npos; }))
    return false;
  static const std::regex credit(
      R"((\(\s*|^)(photos?|illustration|image|source photo)\s*:|\b(crédits?|credits?) (photos?|images?)\s*:)"
      R"(|©|\bcapture d'écran\b)"
      R"(|(/|\(|–|—| - )\s*(afp|ap|reuters|sipa|abaca|epa|maxppp|hans lucas|belga|anadolu|dr|getty images|shutterstock)\s*\)?\s*$)",
      std::regex::ECMAScript | std::regex::optimize);
  return std::regex_search(f, credit);
}

std::optional<int> comment_count_header(std::string_view line) {
  std::string_view t = trim(line);
  if (t.empty() || t.size() > 400) return std::nullopt;
  std::string f = fold_label(t);
  if (f.empty() || char_count(f) > 200) return std::nullopt;
  static constexpr std::string_view kNeedles[] = {"répons", "comment", "réaction", "réflexion", "avis",
                                                  "repl", "respons", "thought"};
  if (std::none_of(std::begin(kNeedles), std::end(kNeedles),
                   [&](std::string_view n) { return f.find(n) != std::string::npos; }))
    return std::nullopt;
  static const std::regex bare(
      R"(^(les |vos )?(commentaires|réactions|comments))");
  static const std::regex counted(
      R"(^(\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|one|two|three)\s+)"
      R"((réponses?|commentaires?|réactions?|réflexions?|avis|comments?|replies|reply|responses?|thoughts?))"
      R"((\s+(sur|au sujet de|à propos de|pour|on|to|about)\s.*)?$)");
  std::smatch m;
  if (std::regex_match(f, m, counted)) {
    static const std::array<std::string_view, 11> words = {
        "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"};
    std::string n = m[1].str();
    if (n[0] >= '0' && n[0] <= '9') return std::stoi(n.substr(0, 6));
    if (n == "une" || n == "one") return 1;
    if (n == "two") return 2;
    if (n == "three") return 3;
    for (size_t i = 0; i < words.size(); ++i)
      if (words[i] == n) return static_cast<int>(i);
    return 0;
  }
  if (std::regex_match(f, bare)) return 0;
  return std::nullopt;
}

static bool plausible_name(std::string_view author) {
  // "Le ministre a dit :" introduces a quotation in an article; a commenter's name does not start
  // with a determiner or a pronoun.
  static constexpr std::string_view kNotNames[] = {"le", "la", "les", "l'", "un", "une", "des", "il",
                                                   "elle", "ils", "elles", "on", "ce", "cette", "qui",
                                                   "the", "he", "she", "they", "it", "this"};
  std::string first = fold(author);
  first = first.substr(0, first.find(' '));
  if (first.rfind("l'", 0) == 0) first = "l'";
  return std::find(std::begin(kNotNames), std::end(kNotNames), first) == std::end(kNotNames);
}

std::optional<CommentHeader> comment_header(std::string_view line) {
  std::string_view t = trim(line);
  if (t.empty() || t.size() > 480 || char_count(t) > 120) return std::nullopt;
  // Every header form names an avatar or a profile picture, or ends with a colon.
  if (t.back() != ':' && t.find("vatar") == std::string_view::npos &&
      t.find("profil") == std::string_view::npos)
    return std::nullopt;
  static const std::regex numbered(R"(^(\d{1,4})[.)]\s+(.*)$)");
  static const std::regex avatar(R"(^(?:Avatar de|Avatar d'|Avatar d’|Avatar of|Photo de profil de)\s*(.+)$)",
                                 std::regex::icase);
  static const std::regex says(
      R"(^(.{1,60}?)\s+(?:dit|a dit|a écrit|a répondu|says|said|wrote)\s*:$)");
  std::string s(t);
  CommentHeader h;
  h.indent = indentation(line);
  std::smatch m;
  if (std::regex_match(s, m, numbered)) {
    h.number = std::stoi(m[1].str());
    s = m[2].str();
  }
  if (std::regex_match(s, m, avatar)) {
    h.author = std::string(trim(m[1].str()));
  } else if (std::regex_match(s, m, says)) {
    h.author = std::string(trim(m[1].str()));
    if (!plausible_name(h.author)) return std::nullopt;
  } else {
    return std::nullopt;
  }
  if (h.author.empty() || word_count(h.author) > 6) return std::nullopt;
  return h;
}

std::optional<std::string> parse_french_date(std::string_view line) {
  std::string f = fold_label(line);
  if (f.empty() || f.size() > 80) return std::nullopt;
  static const std::regex named(
      R"(^(?:(?:publié|mis à jour|posté)\s+)?(?:le\s+)?(?:[a-zéû]+\s+)?(\d{1,2})(?:er)?\s+)"
      R"((janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre))"
      R"(\s+(\d{4})(?:\s*(?:à|a|,|-)?\s*(\d{1,2})\s*(?:h|:)\s*(\d{2})(?:\s*min)?)?$)");
  static const std::regex numeric(
      R"(^(?:(?:publié|mis à jour|posté)\s+)?(?:le\s+)?(\d{1,2})/(\d{1,2})/(\d{4})(?:\s*(?:à|a|,|-)?\s*(\d{1,2})\s*(?:h|:)\s*(\d{2}))?$)");
  static const std::array<std::string_view, 15> months = {
      "janvier", "février", "mars",    "avril",    "mai",      "juin",     "juillet", "août",
      "septembre", "octobre", "novembre", "décembre", "fevrier", "aout",     "decembre"};
  std::smatch m;
  int day = 0, month = 0, year = 0;
  if (std::regex_match(f, m, named)) {
    day = std::stoi(m[1].str());
    std::string name = m[2].str();
    for (size_t i = 0; i < months.size(); ++i)
      if (months[i] == name) month = i < 12 ? static_cast<int>(i) + 1 : i == 12 ? 2 : i == 13 ? 8 : 12;
    year = std::stoi(m[3].str());
  } else if (std::regex_match(f, m, numeric)) {
    day = std::stoi(m[1].str());
    month = std::stoi(m[2].str());
    year = std::stoi(m[3].str());
  } else {
    return std::nullopt;
  }
  if (day < 1 || day > 31 || month < 1 || month > 12) return std::nullopt;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  std::string out = buf;
  if (m[4].matched) {
    int hh = std::stoi(m[4].str()), mm = std::stoi(m[5].str());
    if (hh < 24 && mm < 60) {
      std::snprintf(buf, sizeof buf, "T%02d:%02d", hh, mm);
      out += buf;
    }
  }
  return out;
}

RegisterCues register_cues(std::string_view line) {
  RegisterCues r;
  std::string_view t = trim(line);
  if (t.empty()) return r;
  // Drop quoted speech: « ... » and “ ... ” (an unmatched opening quote keeps the rest).
  std::string outside;
  int depth = 0;
  for (size_t i = 0; i < t.size();) {
    size_t start = i;
    UChar32 c = next_cp(t, i);
    if (c == 0xAB || c == 0x201C) {
      ++depth;
      continue;
    }
    if ((c == 0xBB || c == 0x201D) && depth > 0) {
      --depth;
      continue;
    }
    if (depth == 0) outside.append(t.substr(start, i - start));
  }
  if (depth > 0) {  // unbalanced: judge the whole line instead
    outside = std::string(t);
  }
  // The word lists below are ASCII, so lower-casing ASCII and unifying apostrophes is enough (and
  // much cheaper than full case folding on every line of a page).
  std::string f;
  f.reserve(outside.size());
  for (size_t i = 0; i < outside.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(outside[i]);
    if (c == 0xE2 && i + 2 < outside.size() && outside[i + 1] == '\x80' &&
        (outside[i + 2] == '\x99' || outside[i + 2] == '\x98')) {
      f += '\'';
      i += 2;
    } else {
      f += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
    }
  }

  bool tutoiement = false, first_person = false, colloquial = false, masked = false;
  // "ton" is left out: it is also the noun (un ton mesuré).
  static const std::array<std::string_view, 5> tu_words = {"tu", "toi", "ta", "tes", "te"};
  static const std::array<std::string_view, 5> je_words = {"je", "moi", "mon", "ma", "mes"};
  static const std::array<std::string_view, 9> oral_words = {"ben",  "bah",   "bref", "ouais", "mdr",
                                                              "lol", "ptdr", "perso", "balek"};
  // Words with the character that follows them (for elisions: t' j' m').
  for (size_t i = 0; i < f.size();) {
    size_t b = i;
    UChar32 c = next_cp(f, i);
    if (!u_isalpha(c)) continue;
    size_t e = i;
    while (e < f.size()) {
      size_t k = e;
      UChar32 d = next_cp(f, k);
      if (!u_isalpha(d)) break;
      e = k;
    }
    std::string_view w(f.data() + b, e - b);
    char after = e < f.size() ? f[e] : '\0';
    char before = b > 0 ? f[b - 1] : '\0';
    i = e;
    // Masked profanity: * or @ inside a word ("salop@rds", "fout**t**r"), a run of stars after
    // letters ("m***e"), or a star standing for a word's first letter ("les *ouilles"). A star
    // before a capital at the start of a line is a footnote mark, and "x@y.z" an e-mail address.
    bool star_inside = (after == '*' || after == '@') && e + 1 < f.size() &&
                       (std::isalpha(static_cast<unsigned char>(f[e + 1])) || f[e + 1] == '*');
    bool star_run = after == '*' && e + 1 < f.size() && f[e + 1] == '*';
    bool star_first = before == '*' && b >= 2 && f[b - 2] == ' ' && t.find('*') != 0;
    bool email = after == '@' && f.find('.', e) != std::string::npos && f.find('.', e) < f.find(' ', e);
    if ((star_inside || star_run || star_first) && !email) masked = true;
    if (after == '+' && e + 1 < f.size() && std::isalnum(static_cast<unsigned char>(f[e + 1])) &&
        w.size() == 1)
      masked = true;
    if (std::find(tu_words.begin(), tu_words.end(), w) != tu_words.end() && before != '-' &&
        !(w == "te" && after == '-'))
      tutoiement = true;
    if (before == '-' && (w == "tu" || w == "toi")) tutoiement = true;
    if (w == "t" && after == '\'') tutoiement = true;
    if (std::find(je_words.begin(), je_words.end(), w) != je_words.end() && before != '-') first_person = true;
    if ((w == "j" || w == "m") && after == '\'') first_person = true;
    if (std::find(oral_words.begin(), oral_words.end(), w) != oral_words.end()) colloquial = true;
  }
  r.tutoiement = tutoiement;
  r.first_person = first_person;
  r.masked = masked;
  r.colloquial = colloquial;
  r.exclamation = f.find('!') != std::string::npos;
  r.question = f.find('?') != std::string::npos;
  r.punctuation_runs = f.find("....") != std::string::npos || f.find("….") != std::string::npos ||
                       f.find("!!") != std::string::npos || f.find("?!") != std::string::npos;
  std::string_view body = strip_bullet(t);
  r.lower_start = !starts_upper(body);
  // A short sentence ("Simplet, va !"), not a short title: it ends with . ! or …
  UChar32 last = last_meaningful_cp(body);
  r.short_line = char_count(body) < 50 && (last == '.' || last == '!' || last == 0x2026);
  r.unpunctuated = word_count(body) >= 10 && !ends_clause(body);
  r.unaccented_a = body.size() > 2 && body[0] == 'A' && body[1] == ' ';
  return r;
}

double RegisterCues::score() const {
  return 1.5 * tutoiement + 1.0 * first_person + 1.5 * masked + 0.5 * colloquial + 1.0 * exclamation +
         0.3 * question + 0.5 * punctuation_runs + 0.5 * lower_start + 0.5 * short_line +
         0.5 * unpunctuated + 0.5 * unaccented_a;
}

bool RegisterCues::strong() const { return tutoiement || masked || exclamation || colloquial; }

double comment_register(std::string_view line) { return register_cues(line).score(); }

bool is_heading_shaped(std::string_view line, size_t max_chars, int max_words) {
  std::string_view t = trim(line);
  if (t.empty() || is_bullet(t)) return false;
  if (char_count(t) > max_chars || word_count(t) > max_words || word_count(t) == 0) return false;
  UChar32 c = last_meaningful_cp(t);
  if (c == '.' || c == ',' || c == ';' || c == ':' || c == 0x2026) return false;
  return starts_upper(t);
}

bool is_paragraph_shaped(std::string_view line) {
  std::string_view t = trim(line);
  int words = word_count(t);
  return words >= 20 || (words >= 8 && ends_sentence(t));
}

}  // namespace veille::text
