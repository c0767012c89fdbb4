// Sentence boundary features. Each token is summarised once (lower-cased form, shape, a few
// flags); a gap's features are hashed pairs and triples of its neighbours' summaries, so the
// cost per candidate gap is a few dozen multiplications and no allocation.
#include "nlp/sentence_features.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace veille::sentences {

namespace {

enum TokFlag : uint16_t {
  kTerminal = 1,  // . ! ? … and runs of them
  kClose = 2,     // » ” ) ] ›
  kQuote = 4,     // "
  kColon = 8,
  kSemicolon = 16,
  kAbbrev = 32,   // a word with its final period ("etc.", "M.", "J.-C.")
  kUpper = 64,    // starts with a capital letter
  kLower = 128,   // starts with a lower-case letter
  kDigit = 256,   // starts with a digit
  kOpen = 512,    // « “ „ ( [ ‹ • and dashes
  kCaps = 1024,   // at least two letters, all capitals
  kKnownLower = 2048,  // a word whose lower-cased form is in the lexicon
  kStarter = 4096,     // a function word that often starts a sentence (kStarters)
  kSeenInitial = 8192,     // capitalised here, and seen capitalised first in a training sentence
  kSeenInner = 16384,      // capitalised here, and seen capitalised inside a training sentence
  kVerbForm = 32768,       // a form tagged as a verb in the training treebank
};

// Lower-case words that never end a sentence: articles, prepositions, conjunctions and possessive
// determiners ask for what follows, so a capitalised word after them continues a title or a name
// ("de la | Chapelle", "vers la | Station spatiale").
constexpr std::string_view kNeverLast[] = {
    "le", "la", "les", "l'", "l\xe2\x80\x99", "un", "une", "des", "du", "de", "d'", "d\xe2\x80\x99", "ce", "cet",
    "cette", "ces", "et", "ou", "mais", "ni", "car", "par", "pour", "dans", "en", "\xc3\xa0", "au", "aux", "avec", "sans",
    "sous", "sur", "chez", "vers", "selon", "entre", "contre", "lors", "d\xc3\xa8s", "mon", "ma", "mes", "ton", "ta",
    "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "chaque", "quelques", "plusieurs", "aucun",
    "aucune", "que", "qu'", "qu\xe2\x80\x99", "dont", "o\xc3\xb9",
    // References ask for what they point to: "(voir Annexe I)", "Voir Chronologie de l'affaire".
    "voir", "cf", "cf."};

// Closed-class words (lower case) that start sentences after a heading without a final mark:
// determiners, pronouns, prepositions, conjunctions, connectives.
constexpr std::string_view kStarters[] = {
    "le", "la", "les", "l'", "l\xe2\x80\x99", "un", "une", "des", "du", "de", "d'", "d\xe2\x80\x99", "ce", "cet",
    "cette", "ces", "il", "ils", "elle", "elles", "on", "je", "j'", "j\xe2\x80\x99", "nous", "vous", "tu", "c'",
    "c\xe2\x80\x99", "\xc3\xa7" "a", "cela", "ceci", "celui", "celle", "ceux", "qui", "que", "qu'",
    "qu\xe2\x80\x99", "quel", "quelle", "quels", "quelles", "quand", "comment", "pourquoi", "o\xc3\xb9", "si",
    "mais", "et", "ou", "donc", "or", "car", "puis", "ensuite", "enfin", "alors", "ainsi", "cependant",
    "toutefois", "pourtant", "n\xc3\xa9" "anmoins", "par", "pour", "dans", "en", "\xc3\xa0", "a", "au", "aux",
    "avec", "sans", "sous", "sur", "chez", "vers", "apr\xc3\xa8s", "avant", "depuis", "pendant", "selon", "entre",
    "contre", "lors", "d\xc3\xa8s", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos",
    "votre", "vos", "leur", "leurs", "aucun", "aucune", "chaque", "tout", "toute", "tous", "toutes", "plusieurs",
    "certains", "certaines", "ne", "n'", "n\xe2\x80\x99", "y", "voir", "cf",
    // Cardinal numbers are determiners: "Quinze prévenus comparaissent".
    "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze",
    "quinze", "seize", "vingt", "trente", "quarante", "cinquante", "soixante", "cent", "mille"};

constexpr uint64_t kFnvBasis = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

// One multiply per code point: forms are short, and ASCII and non-ASCII letters hash alike.
inline uint64_t fnv_cp(uint64_t h, UChar32 c) { return (h ^ static_cast<uint64_t>(c)) * kFnvPrime; }

inline uint64_t splitmix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

inline uint64_t combine(uint64_t a, uint64_t b) { return splitmix(a * 0x100000001B3ull ^ b); }

inline uint32_t bucket_len(uint32_t n) { return n <= 3 ? n : n <= 6 ? 4 : n <= 10 ? 5 : 6; }
inline uint32_t bucket_distance(size_t n) {
  return n <= 3 ? static_cast<uint32_t>(n) : n <= 6 ? 4 : n <= 12 ? 5 : n <= 25 ? 6 : 7;
}

// Lower-cased form hash, shape hash and flags of the token text[b, e).
void summarize(const uint8_t* p, int32_t b, int32_t e, uint64_t* form_out, uint64_t* shape_out, uint16_t* flags_out,
               uint16_t* len_out) {
  uint64_t form = kFnvBasis, shape = kFnvBasis;
  int32_t i = b;
  UChar32 first = -1, last_cls = -2;
  uint32_t len = 0, letters = 0, uppers = 0, shape_len = 0;
  bool all_terminal = true;
  while (i < e) {
    UChar32 c, lower, cls;
    if (p[i] < 0x80) {  // ASCII without ICU
      c = p[i++];
      if (c >= 'A' && c <= 'Z') {
        cls = 'X';
        lower = c + 32;
      } else if (c >= 'a' && c <= 'z') {
        cls = 'x';
        lower = c;
      } else if (c >= '0' && c <= '9') {
        cls = 'd';
        lower = c;
      } else {
        cls = c;
        lower = c;
      }
    } else {
      U8_NEXT(p, i, e, c);
      if (c < 0) c = 0xFFFD;
      lower = u_tolower(c);
      if (u_isupper(c) || u_istitle(c)) cls = 'X';
      else if (u_isalpha(c)) cls = 'x';
      else if (u_isdigit(c)) cls = 'd';
      else cls = c;
    }
    if (cls == 'X') ++uppers;
    if (cls == 'X' || cls == 'x') ++letters;
    if (first < 0) first = c;
    ++len;
    if (!(c == '.' || c == '!' || c == '?' || c == 0x2026)) all_terminal = false;
    form = fnv_cp(form, lower);
    // Runs of one class collapse ("Xxxx" -> "Xx"); at most 8 symbols.
    if (cls != last_cls && shape_len < 8) {
      shape = fnv_cp(shape, cls);
      ++shape_len;
    }
    last_cls = cls;
  }
  uint16_t f = 0;
  if (all_terminal && len > 0) f |= kTerminal;
  if (len == 1) {
    switch (first) {
      case 0xBB: case 0x201D: case ')': case ']': case 0x203A: f |= kClose; break;
      case '"': f |= kQuote; break;
      case ':': f |= kColon; break;
      case ';': f |= kSemicolon; break;
      case 0xAB: case 0x201C: case 0x201E: case '(': case '[': case 0x2039: case 0x2022: case '-': case 0x2013:
      case 0x2014: f |= kOpen; break;
      default: break;
    }
  }
  if (len > 1 && e > b && p[e - 1] == '.' && letters > 0) f |= kAbbrev;
  if (first >= 0 && (first < 0x80 ? (first >= 'A' && first <= 'Z') : (u_isupper(first) || u_istitle(first))))
    f |= kUpper;
  else if (first >= 0 && (first < 0x80 ? (first >= 'a' && first <= 'z') : u_islower(first)))
    f |= kLower;
  else if (first >= 0 && (first < 0x80 ? (first >= '0' && first <= '9') : u_isdigit(first)))
    f |= kDigit;
  if (letters >= 2 && uppers == letters) f |= kCaps;
  *form_out = form;
  *shape_out = shape;
  *flags_out = f;
  *len_out = static_cast<uint16_t>(std::min<uint32_t>(len, 1000));
}

}  // namespace

uint64_t LowerLexicon::form_hash(std::string_view word) {
  uint64_t form = 0, shape = 0;
  uint16_t flags = 0, len = 0;
  summarize(reinterpret_cast<const uint8_t*>(word.data()), 0, static_cast<int32_t>(word.size()), &form, &shape,
            &flags, &len);
  return form;
}

void LowerLexicon::add(std::string_view word) {
  const uint64_t h = splitmix(form_hash(word)) >> (64 - kBits);
  words_[h >> 6] |= uint64_t{1} << (h & 63);
}

bool LowerLexicon::contains_form(uint64_t form_hash) const {
  if (words_.size() != (size_t{1} << kBits) / 64) return false;
  const uint64_t h = splitmix(form_hash) >> (64 - kBits);
  return (words_[h >> 6] >> (h & 63)) & 1;
}

namespace {
inline uint64_t class_hash(uint64_t form_hash, LowerLexicon::WordClass cls) {
  return splitmix(form_hash ^ (0xC1A55ull * static_cast<uint64_t>(cls)));
}
}  // namespace

void LowerLexicon::add_class(std::string_view word, WordClass cls) {
  const uint64_t h = splitmix(class_hash(form_hash(word), cls)) >> (64 - kBits);
  words_[h >> 6] |= uint64_t{1} << (h & 63);
}

bool LowerLexicon::contains_class(uint64_t form_hash, WordClass cls) const {
  if (words_.size() != (size_t{1} << kBits) / 64) return false;
  const uint64_t h = splitmix(class_hash(form_hash, cls)) >> (64 - kBits);
  return (words_[h >> 6] >> (h & 63)) & 1;
}

GapFeaturizer::GapFeaturizer(std::string_view text, std::span<const Span> tokens, std::span<const uint8_t> gaps,
                             const LowerLexicon* lexicon)
    : gaps_(gaps) {
  edge_.form = splitmix(0xED6E);
  edge_.shape = splitmix(0xED6F);
  static const std::vector<uint64_t> never_last = [] {
    std::vector<uint64_t> v;
    for (std::string_view w : kNeverLast) v.push_back(LowerLexicon::form_hash(w));
    std::sort(v.begin(), v.end());
    return v;
  }();
  static const std::vector<uint64_t> starters = [] {
    std::vector<uint64_t> v;
    for (std::string_view w : kStarters) v.push_back(LowerLexicon::form_hash(w));
    std::sort(v.begin(), v.end());
    return v;
  }();
  toks_.resize(tokens.size());
  never_last_.assign(tokens.size(), 0);
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  for (size_t t = 0; t < tokens.size(); ++t) {
    Tok& out = toks_[t];
    summarize(p, static_cast<int32_t>(tokens[t].begin), static_cast<int32_t>(tokens[t].end), &out.form, &out.shape,
              &out.flags, &out.len);
    if (lexicon && (out.flags & (kUpper | kLower)) && lexicon->contains_form(out.form)) out.flags |= kKnownLower;
    if ((out.flags & kUpper) && out.len <= 12 && std::binary_search(starters.begin(), starters.end(), out.form)) out.flags |= kStarter;
    if (lexicon && (out.flags & kUpper)) {
      if (lexicon->contains_class(out.form, LowerLexicon::kSentenceInitial)) out.flags |= kSeenInitial;
      if (lexicon->contains_class(out.form, LowerLexicon::kInnerCapital)) out.flags |= kSeenInner;
    }
    if (lexicon && (out.flags & kLower) && lexicon->contains_class(out.form, LowerLexicon::kVerb)) out.flags |= kVerbForm;
    // In any case: "Voir | Chronologie", "FORME PHARMACEUTIQUE ET | CONTENU".
    if ((out.flags & (kLower | kUpper)) && out.len <= 9 && std::binary_search(never_last.begin(), never_last.end(), out.form))
      never_last_[t] = 1;
  }
  verbs_before_.assign(tokens.size() + 1, 0);
  caps_run_.assign(tokens.size(), 0);
  for (size_t t = 0; t < tokens.size(); ++t) {
    verbs_before_[t + 1] = verbs_before_[t] + ((toks_[t].flags & kVerbForm) ? 1 : 0);
    if (toks_[t].flags & kUpper) caps_run_[t] = static_cast<uint16_t>(std::min<uint32_t>((t ? caps_run_[t - 1] : 0) + 1, 100));
  }
  // Distance to the next terminal mark, from the right.
  next_terminal_.assign(tokens.size(), 1000);
  uint32_t d = 1000;
  for (size_t t = tokens.size(); t-- > 0;) {
    d = (toks_[t].flags & kTerminal) ? 0 : std::min<uint32_t>(d + 1, 1000);
    next_terminal_[t] = d;
  }
}

const GapFeaturizer::Tok& GapFeaturizer::tok(ptrdiff_t i) const {
  return i < 0 || i >= static_cast<ptrdiff_t>(toks_.size()) ? edge_ : toks_[static_cast<size_t>(i)];
}

bool GapFeaturizer::candidate(size_t g) const {
  if (g + 1 >= toks_.size() || (gaps_[g] & kRuleMask) >= kForcedNo) return false;
  const uint16_t l = toks_[g].flags, r = toks_[g + 1].flags;
  // Never right after an opening quote, bracket or dash ("“ On ne donne ...").
  if (l & kOpen) return false;
  if (never_last_[g]) return false;
  // A lower-case word after ";" or ":" continues the sentence in running text ("une guerre ; la
  // Russie ..."); Sequoia's list items cut there are not worth splitting news prose.
  if ((l & (kColon | kSemicolon)) && (r & kLower)) return false;
  if (l & (kTerminal | kClose | kQuote | kColon | kSemicolon | kAbbrev)) return true;
  // Two capitalised words with nothing between them are a name or a title ("Charles | Auguste",
  // "Le Peugeot | Expert") unless both are common words ("Conservation | Tenir", a one-word
  // heading and the instruction after it).
  // A closed-class starter after a name ("Taïwan | En effet", "Allemagne | Il est") may begin a
  // sentence after a heading or a sentence that ends without a mark.
  if ((l & kUpper) && !(l & kCaps) && (r & kUpper) && !(r & kStarter) && !((l & kKnownLower) && (r & kKnownLower)))
    return false;
  // Three capitalised words in a row are a name even when the first is a common word and the
  // second an article ("Marine | Le Pen", "Jean | La Fontaine").
  if ((l & kUpper) && !(l & kCaps) && (r & kUpper) && (tok(static_cast<ptrdiff_t>(g) + 2).flags & kUpper)) return false;
  // Without a mark, a capitalised word, a number or a list dash may start a sentence (headings,
  // list items): the model tells them from names ("Pan Am", "Everton Ladies Football Club") by
  // the lexicon classes, the capitalised run and the verbs since the last boundary.
  return (r & (kUpper | kDigit | kOpen)) != 0;
}

void GapFeaturizer::features(size_t g, size_t since_boundary, uint32_t hash_bits, std::vector<uint32_t>& out) const {
  out.clear();
  const ptrdiff_t i = static_cast<ptrdiff_t>(g);
  const Tok &L = tok(i), &R = tok(i + 1), &LL = tok(i - 1), &RR = tok(i + 2);
  const uint64_t rule = gaps_[g] & kRuleMask;
  const uint64_t context = (gaps_[g] & (kQuoteOpen | kBracketOpen)) >> 2;
  const uint64_t since = bucket_distance(since_boundary);
  const uint64_t ahead = g + 1 < next_terminal_.size() ? bucket_distance(next_terminal_[g + 1]) : 8;
  const int shift = 64 - static_cast<int>(hash_bits);
  auto add = [&](uint64_t templ, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
    uint64_t h = combine(combine(combine(splitmix(templ), a), b), c);
    out.push_back(static_cast<uint32_t>(h >> shift));
  };
  add(1, 0);
  add(2, rule);
  add(3, rule, L.form);
  add(4, L.form);
  add(5, R.form);
  add(6, LL.form);
  add(7, RR.form);
  add(8, L.shape);
  add(9, R.shape);
  add(10, LL.shape);
  add(11, RR.shape);
  add(12, L.shape, R.shape);
  add(13, L.form, R.shape);
  add(14, L.shape, R.form);
  add(15, LL.form, L.form);
  add(16, R.form, RR.shape);
  add(17, LL.shape, L.shape, R.shape);
  add(18, L.shape, R.shape, RR.shape);
  add(19, context, L.shape);
  add(20, since);
  add(21, since, R.shape);
  add(22, ahead);
  add(23, ahead, L.shape);
  add(24, bucket_len(L.len), L.shape);
  add(25, bucket_len(R.len), R.shape);
  add(26, rule, L.shape, R.shape);
  add(27, LL.form, L.form, R.shape);
  add(28, L.flags, R.flags);
  add(29, rule, context, since);
  // The lexicon: is the capitalised word after the gap a common word, and the one before it?
  const uint64_t r_known = R.flags & (kKnownLower | kUpper), l_known = L.flags & (kKnownLower | kUpper | kLower);
  add(30, r_known);
  add(31, r_known, L.shape);
  add(32, r_known, l_known, rule);
  add(33, r_known, RR.flags & (kKnownLower | kUpper | kLower));
  add(34, r_known, L.form);
  add(35, R.flags & kStarter, L.shape, rule);
  // How the word after the gap was used in training (sentence-initial, inside a sentence, lower
  // case), with the word before it; a run of capitalised words (a heading, a name) around the gap;
  // whether a verb was seen since the last boundary (a heading has none).
  constexpr uint16_t kUse = kSeenInitial | kSeenInner | kKnownLower | kUpper | kStarter | kDigit;
  const uint64_t r_use = R.flags & kUse, l_use = L.flags & (kUse | kLower | kTerminal | kClose | kColon | kSemicolon);
  const size_t from = g + 1 >= since_boundary ? g + 1 - since_boundary : 0;
  const uint64_t verb_since = std::min<uint32_t>(verbs_before_[g + 1] - verbs_before_[from], 2);
  const uint64_t run_left = std::min<uint32_t>(caps_run_[g], 4);
  const uint64_t run_right = g + 2 < caps_run_.size() ? (caps_run_[g + 2] >= 2 ? 1 : 0) : 0;
  add(36, r_use);
  add(37, r_use, l_use);
  add(38, r_use, L.form);
  add(39, r_use, verb_since);
  add(40, r_use, verb_since, l_use);
  add(41, run_left, r_use);
  add(42, run_right, r_use, run_left);
  add(43, L.form, R.form);
  add(44, R.form, RR.form);
  add(45, LL.form, L.form, R.form);
  add(46, verb_since, since, rule);
  add(47, RR.flags & kUse, r_use, verb_since);
  // A heading is a bare noun phrase ("Grossesse et allaitement"); a segment that began with a
  // determiner or a pronoun ("Le roi", "C'est") is a sentence still running.
  const uint64_t opened_by = tok(static_cast<ptrdiff_t>(from)).flags & (kStarter | kCaps | kDigit);
  add(48, opened_by, r_use, since);
  add(49, opened_by, verb_since, rule);
}

}  // namespace veille::sentences
