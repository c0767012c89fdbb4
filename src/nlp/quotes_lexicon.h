// Word lists for quotation attribution: French reporting verbs in their common forms, the
// auxiliaries and adverbs of compound forms, person titles (the heads of descriptions such as
// "le président", "la ministre", "les manifestants") and female first names (pronoun gender).
//
// All lookups take a lower-cased token with ’ written as '. The tables are built once (function-
// local statics) and are read-only afterwards: thread-safe.
#pragma once

#include <string_view>

namespace veille::quotes {

// A reporting verb in a finite or present-participle form that can stand alone as a cue:
// "déclare", "affirment", "estimait", "souligna", "insistant", "dit", "écrit".
bool is_reporting_finite(std::string_view low);
// A past participle of a reporting verb, used after an auxiliary: "déclaré", "confiée", "dit".
bool is_reporting_participle(std::string_view low);
// An infinitive ("indiquer", "dire"), reporting after "s'est borné à", "a tenu à", "a voulu".
bool is_reporting_infinitive(std::string_view low);
// Present participle ("rappelant", "insistant"): its subject is the clause's subject.
bool is_present_participle(std::string_view low);
// The second word of a multi-word cue after its verb ("met en garde", "fait savoir"): returns
// how many tokens the continuation takes at `next` / `next2`, 0 when none.
int multiword_cue_continuation(std::string_view verb, std::string_view next, std::string_view next2);

// "a", "ont", "avait", "aurait", ... ("est"/"sont" only for pronominal verbs, checked by caller).
bool is_auxiliary(std::string_view low);
bool is_pronominal_auxiliary(std::string_view low);  // est, sont, était, s'est...
// Words allowed between the auxiliary and the participle: adverbs, negation, object pronouns.
bool is_inserted_adverb(std::string_view low);
// Subject clitics of an inversion: "-t-il", "-t-elle", "-il", "-elle", "-ils", "-elles", "-on".
// Returns 'm', 'f', 'p' (plural) or 0.
char subject_clitic_gender(std::string_view low);

// Person titles: 'm' / 'f' / 'u' (either) for a singular head, 'p' for a plural head, 0 if none.
char person_title(std::string_view low);
// Words placed before a title ("ancien", "nouvelle", "premier").
bool is_title_premodifier(std::string_view low);
// Honorifics before a name: "m.", "mme", "me", "dr", "pr".
char honorific_gender(std::string_view low);

// True for a female first name ("marie", "ursula", "rachida").
bool is_female_first_name(std::string_view low);
// True for a male first name ("didier", "olaf"), also those with a feminine-looking ending ("amine").
bool is_male_first_name(std::string_view low);
// A female first name listed, or an unlisted one with an ending female names share ("yolande",
// "armelle", "capucine") and that is not a listed male name. A guess for names never seen.
bool looks_female_first_name(std::string_view low);

}  // namespace veille::quotes
