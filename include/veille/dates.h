// French time expressions found in text and resolved to calendar values (the "dates" stage).
//
// find_dates() scans a UTF-8 text once with a hand-written scanner over its words (no regular
// expressions) and returns DateMentions in text order, non-overlapping, each with a byte span into
// the text (begin < end <= text.size(), both on UTF-8 character boundaries).
//
// What a span covers. The words that carry the value: determiners and modifiers that change it are
// in ("la semaine prochaine", "L'an dernier", "Il y a trois ans", "Dans deux semaines", "Début
// mars", "mi-janvier", "chaque lundi", "Les années 1990", "le XXIe siècle", "quelques jours plus
// tard", "24 heures avant"); a preposition or article in front of a day or a time is out ("le 15
// août" -> "15 août", "à 15 h 30" -> "15 h 30", "en février 2022" -> "février 2022", "au XIXe
// siècle" -> "XIXe siècle"), as are quantity hedges ("moins de", "plus de", "près de"). A date
// followed by "à"/"vers" and a time is one mention ("Mercredi 12 février à 15 h"). A range gives one
// mention per bound: "du 3 au 5 mars" -> "3" (2025-03-03) and "5 mars" (2025-03-05).
//
// Value grammar (ISO 8601 / TIMEX3 style), by `kind`:
//   date      YYYY-MM-DD | YYYY-MM | YYYY | YYYY-Www (ISO week) | YYYY-Www-WE (week-end)
//             | YYYY-Qn (quarter) | YYYY-Hn (half year) | YYYY-SP|SU|FA|WI (season)
//             | YYY (decade: "199" = the 1990s) | YY (century: "20" = the 21st century, as TIMEX3)
//             | PRESENT_REF | PAST_REF | FUTURE_REF ("aujourd'hui" resolves to a day; these are
//               for "dans les prochains jours", "ces derniers jours")
//             Unknown parts are X: XXXX-02-12 (year not known), XXXX-XX-XX (a day relative to a
//             reference that is missing), XXXX-WXX-3 (a Wednesday of an unknown week), XXXX-XX,
//             XXXX-WXX, XXXX.
//   time      <date>THH:MM (T24:00 = midnight at the end of the day) | <date>TMO|TAF|TEV|TNI
//             (morning, afternoon, evening, night); <date> may be XXXX-XX-XX.
//   duration  P<n>Y | P<n>M | P<n>W | P<n>D | P<n>DE (decades) | P<n>CE (centuries) | PT<n>H |
//             PT<n>M | PT<n>S | PT<h>H<m>M ("2 h 29 min", a race time), where <n> is an integer, a decimal with a '.' ("PT2.5H") or X when
//             unspecified ("quelques jours" -> PXD); quarter and half hours in minutes ("trois
//             quarts d'heure" -> PT45M, "une demi-heure" -> PT30M).
//   set       P1Y | P1M | P1W | P1D | P<n>Y... (every n units) | XXXX-WXX-n (every weekday n, 1 =
//             Monday) | XXXX-XX-XXTMO (every morning).
//
// Resolution. Relative expressions ("hier", "la semaine prochaine", "il y a trois ans", "dans
// deux semaines", "mardi dernier") are resolved against the reference date. A day or month
// without a year ("le 15 août", "en septembre") takes the year that puts it nearest to the
// reference, unless the tense says otherwise: a future verb nearby ("se rendra", "aura lieu",
// "est attendu") looks forward from the reference, a past one ("a annoncé", "s'est tenu",
// "envahissait") backward; "prochain" / "dernier" are strict (never the reference day itself). A
// weekday alone takes the nearest such day in the direction the tense gives ("ce mardi": the one
// in the reference's week). A clock time takes the day named before it in its sentence, else a
// weekday right after it ("à 9 h 30 jeudi"), else the reference day. A month with a two-digit
// year ("Mai 68") is that month of the latest such year not after the reference (without one,
// 19yy above 30). A weekday with a day and a month ("Mercredi 12 février") takes the
// year near the reference where that day is that weekday.
// Without a reference, a year is inferred only when the text makes it certain: a weekday with a
// day and a month takes the first year, from the latest year the text mentions and within the six
// after it, where the day falls on that weekday (news cites past years, rarely later ones: a page
// about 2025 events that mentions 2022 and 2014 gives "Mercredi 12 février" -> 2025-02-12); every
// other yearless date keeps X ("XXXX-07-14").
//
// Thread safety: pure functions; no shared mutable state. Cost: one pass to split words, one to
// match; no allocation per character. Texts longer than 4 GiB - 1 are scanned up to that size.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "veille/document.h"
#include "veille/pipeline.h"
#include "veille/status.h"

namespace veille {

// The date (and optionally time of day) relative expressions are resolved against.
struct DateReference {
  int year = 2000;  // 1..9999
  int month = 1;    // 1..12
  int day = 1;      // 1..days in that month
  int hour = -1;    // 0..23, or -1 when the reference has no time of day
  int minute = -1;  // 0..59, or -1
};

// Parses "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" and longer ISO 8601 timestamps ("...:SS", fractions,
// "Z", "+01:00"; the offset is ignored: the local date is the one the page shows). A space may
// replace the "T". Errors: kInvalidArgument naming the text and the reason.
Result<DateReference> parse_reference_date(std::string_view text);

// Time expressions of `text` resolved against `ref` (see above); without a reference, only what
// the text itself fixes is resolved.
std::vector<DateMention> find_dates(std::string_view text, const std::optional<DateReference>& ref);

// "dates": fills Annotations::dates of Document::text and of every comment. The reference is the
// page's `published` date when it parses, else `fallback` (LanguageOptions::reference_date), else
// none; a comment uses its own `date` when it parses, else the page's reference. Does not need the
// other language stages. Immutable; process() is thread-safe.
std::unique_ptr<Stage> make_date_stage(std::optional<DateReference> fallback = std::nullopt);

}  // namespace veille
