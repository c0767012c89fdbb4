// Line-level cues for flattened-text pages: the evidence the line classifier in text_extract.cpp
// weighs. Each cue looks at one line (sometimes with its neighbours' shape), never at the page as a
// whole, so that every rule can be tested on a single French line.
//
// All functions take UTF-8 lines and are pure and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "veille/document.h"

namespace veille::text {

// Strips ASCII whitespace and U+00A0 / U+202F (non-breaking spaces) from both ends.
std::string_view trim(std::string_view s);
// Columns of leading indentation (a tab counts as 4).
int indentation(std::string_view line);
// Number of Unicode code points (invalid bytes count one each).
size_t char_count(std::string_view s);
// Number of words (runs of letters or digits).
int word_count(std::string_view s);
// Case-folded copy, with ’ turned into ' and non-breaking spaces into plain spaces, whitespace
// runs collapsed and the ends trimmed: the form the phrase lists compare against.
std::string fold(std::string_view s);

// The last character that is not a closing quote or bracket ends a sentence: . ! ? … or : ; ,
// ("ends_clause" is true for all of them, "ends_sentence" only for . ! ? …).
bool ends_sentence(std::string_view line);
bool ends_clause(std::string_view line);
// Starts with an upper-case letter or a digit (after opening quotes).
bool starts_upper(std::string_view line);
// A list bullet ("•", "·", "-", "–", "*", "▪") followed by a space, after indentation.
bool is_bullet(std::string_view line);
// The text after the bullet (trimmed), or the trimmed line when there is none.
std::string_view strip_bullet(std::string_view line);
// The line is one quotation: opens with « “ " and closes with the matching quote (optionally
// followed by final punctuation).
bool is_quotation(std::string_view line);

// Site chrome that surrounds articles on French (and English) pages: share bars, comment forms,
// mobile-version links, newsletter and "read also" prompts. Returns the kind of removed block, or
// nothing when the line is not a known phrase. Only whole-line phrases match, so that a sentence
// that mentions "partager" stays body.
std::optional<RemovedKind> boilerplate_phrase(std::string_view line);

// Advertising markers that stand alone on their line: "Publicité", "Sponsorisé", "Annonce" ...
bool is_ad_marker(std::string_view line);
// Classified-listing evidence on a short line that is not a sentence: a rental or sale price
// ("145€ par jour", "60 € / mois"), or a French postcode after a place name ("Valenciennes 59300").
// A postcode alone is weak evidence (an address in an article has one): the classifier only
// counts it near a price.
enum class ListingCue { kNone, kPrice, kPostcode };
ListingCue listing_cue(std::string_view line);
bool is_listing_line(std::string_view line);
// Photo captions and credits: "( Photo : AP)", "Crédit photo : ...", "© Reuters", a line that ends
// with a news-agency credit.
bool is_caption_line(std::string_view line);

// "13 réponses", "2 commentaires", "Un commentaire", "5 réflexions sur « ... »", "Commentaires":
// the header of a comment thread. Returns the declared count (0 when the header has no number).
std::optional<int> comment_count_header(std::string_view line);

// The header of one comment in a thread: "1. Avatar de Gwenola", "Avatar de X", "X dit :",
// "X says:". `indent` is the header's indentation, the nesting cue for replies.
struct CommentHeader {
  std::string author;
  int indent = 0;
  std::optional<int> number;  // the list number when the header had one ("12." -> 12)
};
std::optional<CommentHeader> comment_header(std::string_view line);

// A comment's date line: "12 février 2025 à 14 h 32 min", "12/02/2025 à 14:32", "Le 3 mars 2024".
// Returns it as ISO 8601 (YYYY-MM-DD[THH:MM]).
std::optional<std::string> parse_french_date(std::string_view line);

// How much a line reads like a reader's comment rather than journalism: tutoiement, first person
// singular, exclamations, masked profanity, lower-case start, a short line. Quoted speech
// (« ... », “ ... ”) is ignored, as articles quote people speaking in the first person.
// 0 for neutral prose; each cue adds about 1.
double comment_register(std::string_view line);

// The cues behind comment_register(), for callers that weigh them differently.
struct RegisterCues {
  bool tutoiement = false;        // tu, toi, te, t', -tu (outside quotes)
  bool first_person = false;      // je, j', moi, mon, ma, mes, m'
  bool masked = false;            // masked profanity: m***e, salop@rds, C+0+N+S
  bool colloquial = false;        // ben, bah, bref, ouais, mdr ...
  bool exclamation = false;       // ! outside quotes
  bool question = false;          // ? outside quotes
  bool punctuation_runs = false;  // ...., …., !!, ?!
  bool lower_start = false;       // the line starts lower-case
  bool short_line = false;        // a sentence under 50 characters (ends with . ! or …)
  bool unpunctuated = false;      // ten words or more and no final punctuation
  bool unaccented_a = false;      // "A part", "A ce stade": À typed without its accent
  double score() const;
  // Cues that edited journalism almost never shows outside quotations.
  bool strong() const;
  // Cues of readers addressing each other or swearing: tutoiement, masked profanity.
  bool addressed() const { return tutoiement || masked; }
};
RegisterCues register_cues(std::string_view line);

// Title and heading shape: a short line (<= max_chars code points, <= max_words words) that does
// not end like a sentence (a question or exclamation mark is allowed) and starts upper-case.
bool is_heading_shaped(std::string_view line, size_t max_chars = 120, int max_words = 16);
// A paragraph of running text: long enough, ends like a sentence.
bool is_paragraph_shaped(std::string_view line);

}  // namespace veille::text
