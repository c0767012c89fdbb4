// Tests of the French tokenizer and sentence splitter (src/nlp/tokenize.h): one table row per
// rule, the offset invariant, the fast scanner against a simple reference on basic text, and
// robustness on hostile input.
#include "nlp/tokenize.h"

#include "nlp/sentence_model.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace veille {
namespace {

std::vector<std::string> surfaces(std::string_view text) {
  std::vector<std::string> out;
  for (const Span& s : tokenize(text)) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

// The rules alone (no classifier): the rows below pin them; tests/sentence_test.cpp checks the
// shipped model on the same kind of rows.
std::vector<std::string> sentence_surfaces(std::string_view text) {
  std::vector<std::string> out;
  Tokenization tz = tokenize_and_split(text, nullptr);
  for (const SentenceSpan& s : tz.sentences) out.emplace_back(text.substr(s.span.begin, s.span.end - s.span.begin));
  return out;
}

// Checks everything the header promises about spans, for any input.
void expect_invariants(std::string_view text) {
  Tokenization tz = tokenize_and_split(text);
  uint32_t prev_end = 0;
  for (const Span& t : tz.tokens) {
    ASSERT_LT(t.begin, t.end);
    ASSERT_LE(t.end, text.size());
    ASSERT_GE(t.begin, prev_end);
    prev_end = t.end;
    // No whitespace at either end of a token.
    ASSERT_NE(text[t.begin], ' ');
    ASSERT_NE(text[t.end - 1], ' ');
    ASSERT_NE(text[t.end - 1], '\n');
    // Never inside a UTF-8 sequence: a boundary byte is never a continuation byte following a
    // valid lead byte (approximation: the byte at begin is not 10xxxxxx after a lead 11xxxxxx).
    if (t.begin > 0 && (static_cast<unsigned char>(text[t.begin]) & 0xC0) == 0x80) {
      unsigned char before = static_cast<unsigned char>(text[t.begin - 1]);
      ASSERT_FALSE(before >= 0xC2 && before <= 0xDF) << "token starts inside a 2-byte sequence";
    }
  }
  // Sentences partition the tokens in order.
  uint32_t next = 0;
  for (const SentenceSpan& s : tz.sentences) {
    ASSERT_EQ(s.first_token, next);
    ASSERT_GT(s.token_count, 0u);
    next += s.token_count;
    ASSERT_EQ(s.span.begin, tz.tokens[s.first_token].begin);
    ASSERT_EQ(s.span.end, tz.tokens[s.first_token + s.token_count - 1].end);
  }
  ASSERT_EQ(next, tz.tokens.size());
}

struct Row {
  const char* rule;
  std::string input;
  std::vector<std::string> tokens;
};

class TokenRows : public ::testing::TestWithParam<Row> {};

TEST_P(TokenRows, Surfaces) {
  const Row& row = GetParam();
  EXPECT_EQ(surfaces(row.input), row.tokens) << row.rule << ": " << row.input;
  expect_invariants(row.input);
}

const std::string kNbsp = "\xc2\xa0";       // U+00A0
const std::string kNnbsp = "\xe2\x80\xaf";  // U+202F

INSTANTIATE_TEST_SUITE_P(
    French, TokenRows,
    ::testing::Values(
        Row{"plain", "Le chat dort.", {"Le", "chat", "dort", "."}},
        Row{"elision l'", "L'association a changé l'affiche.", {"L'", "association", "a", "changé", "l'", "affiche", "."}},
        Row{"elision typographic", "l\xe2\x80\x99" "aide d\xe2\x80\x99un ami",
            {"l\xe2\x80\x99", "aide", "d\xe2\x80\x99", "un", "ami"}},
        Row{"elision qu jusqu lorsqu puisqu", "Jusqu'à ce qu'il parte, lorsqu'elle dort puisqu'on attend",
            {"Jusqu'", "à", "ce", "qu'", "il", "parte", ",", "lorsqu'", "elle", "dort", "puisqu'", "on", "attend"}},
        Row{"elision j n s m t c", "J'ai dit qu'il n'est pas là, c'est s'il m'aime ou t'aime",
            {"J'", "ai", "dit", "qu'", "il", "n'", "est", "pas", "là", ",", "c'", "est", "s'", "il", "m'", "aime", "ou",
             "t'", "aime"}},
        Row{"elision before space", "l' association", {"l'", "association"}},
        Row{"lexicalised apostrophes", "aujourd'hui quelqu'un d'aujourd'hui c'est-à-dire si l'on veut",
            {"aujourd'hui", "quelqu'un", "d'", "aujourd'hui", "c'est-à-dire", "si", "l'on", "veut"}},
        Row{"apostrophe as quote", "il a dit 'non' hier", {"il", "a", "dit", "'", "non", "'", "hier"}},
        Row{"inversion -t-il", "Que fera-t-il ? Va-t-elle venir ? A-t-on su ?",
            {"Que", "fera", "-t-il", "?", "Va", "-t-elle", "venir", "?", "A", "-t-on", "su", "?"}},
        Row{"inversion -il -ce -je", "Est-il venu ? Est-ce vrai ? Puis-je entrer ?",
            {"Est", "-il", "venu", "?", "Est", "-ce", "vrai", "?", "Puis", "-je", "entrer", "?"}},
        Row{"imperative clitics", "Dis-moi tout, donne-le-moi !", {"Dis", "-moi", "tout", ",", "donne", "-le", "-moi", "!"}},
        Row{"-là after noun, demonstratives whole", "ce jour-là, celle-ci et celui-là",
            {"ce", "jour", "-là", ",", "celle-ci", "et", "celui-là"}},
        Row{"compounds kept", "peut-être dans le Nord-Pas-de-Calais, au rendez-vous de Bar-le-Duc",
            {"peut-être", "dans", "le", "Nord-Pas-de-Calais", ",", "au", "rendez-vous", "de", "Bar-le-Duc"}},
        Row{"decimal comma and point", "3,5 % et 4.2 mg", {"3,5", "%", "et", "4.2", "mg"}},
        Row{"thousands with space", "1 000 euros et 13 819 patients", {"1 000", "euros", "et", "13 819", "patients"}},
        Row{"thousands with no-break spaces", "1" + kNbsp + "000" + kNbsp + "000 et 2" + kNnbsp + "500,75",
            {"1" + kNbsp + "000" + kNbsp + "000", "et", "2" + kNnbsp + "500,75"}},
        Row{"years are not groups", "en 2006 200 personnes", {"en", "2006", "200", "personnes"}},
        Row{"percent words", "100 pour cent des voix", {"100", "pour", "cent", "des", "voix"}},
        Row{"percent sign glued", "30% des cas", {"30", "%", "des", "cas"}},
        Row{"dates", "le 25/12/2006 ou le 2006-08-07, le 1er mai", {"le", "25/12/2006", "ou", "le", "2006-08-07", ",",
                                                                    "le", "1er", "mai"}},
        Row{"times", "de 14h30 à 18h, ou 15 h 30", {"de", "14", "h", "30", "à", "18", "h", ",", "ou", "15", "h", "30"}},
        Row{"units", "160km et -6°C", {"160", "km", "et", "-6", "°C"}},
        Row{"url", "Voir http://www.exemple.fr/a?b=1. Puis www.lemonde.fr.",
            {"Voir", "http://www.exemple.fr/a?b=1", ".", "Puis", "www.lemonde.fr", "."}},
        Row{"email", "Écrire à jean.dupont@exemple.fr, merci.", {"Écrire", "à", "jean.dupont@exemple.fr", ",", "merci", "."}},
        Row{"guillemets with nbsp", "Il a dit «" + kNbsp + "non" + kNbsp + "» hier.",
            {"Il", "a", "dit", "«", "non", "»", "hier", "."}},
        Row{"guillemets glued", "«Non» et “oui” et \"peut-être\"",
            {"«", "Non", "»", "et", "“", "oui", "”", "et", "\"", "peut-être", "\""}},
        Row{"ellipsis", "Et puis… rien... enfin (...) voilà", {"Et", "puis", "…", "rien", "...", "enfin", "(", "...", ")",
                                                               "voilà"}},
        Row{"abbreviations", "M. Dupont, Mme Durand, Dr Martin, etc. et cf. p. 12",
            {"M.", "Dupont", ",", "Mme", "Durand", ",", "Dr", "Martin", ",", "etc.", "et", "cf.", "p.", "12"}},
        Row{"av. J.-C.", "en 52 av. J.-C. à Alésia", {"en", "52", "av.", "J.-C.", "à", "Alésia"}},
        Row{"numero", "le n° 1107 du journal", {"le", "n°", "1107", "du", "journal"}},
        Row{"initials", "J. K. Rowling et J.-P. Bruneau", {"J.", "K.", "Rowling", "et", "J.-P.", "Bruneau"}},
        Row{"acronyms", "la B.C.E. a dit", {"la", "B.C.E.", "a", "dit"}},
        Row{"contractions are one surface token", "du pain au lait des amis aux champs",
            {"du", "pain", "au", "lait", "des", "amis", "aux", "champs"}},
        Row{"brackets inside a word", "VOIE(S) d'administration (orale)", {"VOIE(S)", "d'", "administration", "(", "orale",
                                                                           ")"}},
        Row{"slash", "mg/kg et/ou 1/10", {"mg", "/", "kg", "et", "/", "ou", "1/10"}},
        Row{"dashes", "et--si possible--les autres — ou pas", {"et", "--", "si", "possible", "--", "les", "autres", "—", "ou",
                                                                "pas"}},
        Row{"signed numbers", "de -0,8 à +3", {"de", "-0,8", "à", "+3"}},
        Row{"hashtag and mention", "#Paris2024 avec @lemonde", {"#Paris2024", "avec", "@lemonde"}},
        Row{"empty", "", {}}, Row{"spaces only", " \n\t" + kNbsp, {}}));

struct SentRow {
  const char* rule;
  std::string input;
  std::vector<std::string> sentences;
};

class SentenceRows : public ::testing::TestWithParam<SentRow> {};

TEST_P(SentenceRows, Surfaces) {
  const SentRow& row = GetParam();
  EXPECT_EQ(sentence_surfaces(row.input), row.sentences) << row.rule << ": " << row.input;
  expect_invariants(row.input);
}

INSTANTIATE_TEST_SUITE_P(
    French, SentenceRows,
    ::testing::Values(
        SentRow{"period", "Il pleut. Elle sort.", {"Il pleut.", "Elle sort."}},
        SentRow{"question exclamation", "Qui vient ? Moi ! Bien.", {"Qui vient ?", "Moi !", "Bien."}},
        SentRow{"title abbreviation", "M. Dupont est venu. Mme Durand aussi.", {"M. Dupont est venu.", "Mme Durand aussi."}},
        SentRow{"initials", "Le livre de J. K. Rowling se vend. Il plaît.", {"Le livre de J. K. Rowling se vend.", "Il plaît."}},
        SentRow{"initial ending a sentence", "Le roi Dagobert I. Il régna.", {"Le roi Dagobert I.", "Il régna."}},
        SentRow{"etc ends", "Des pommes, des poires, etc. Le reste suit.", {"Des pommes, des poires, etc.", "Le reste suit."}},
        SentRow{"J.-C. inside", "Il fut dédié en 493 av. J.-C. par Spurius.", {"Il fut dédié en 493 av. J.-C. par Spurius."}},
        SentRow{"end inside guillemets", "Il a dit : « Je pars. » Puis il est parti.",
                {"Il a dit : « Je pars. »", "Puis il est parti."}},
        SentRow{"quoted exclamation continues", "« Va-t-en ! » a-t-il crié. Elle est partie.",
                {"« Va-t-en ! » a-t-il crié.", "Elle est partie."}},
        SentRow{"straight quotes", "Il a dit \"non.\" Elle a ri.", {"Il a dit \"non.\"", "Elle a ri."}},
        SentRow{"ellipsis", "Il hésita... Puis il partit.", {"Il hésita...", "Puis il partit."}},
        SentRow{"parenthesis", "Il a payé (cher !) son erreur. Tant pis.", {"Il a payé (cher !) son erreur.", "Tant pis."}},
        SentRow{"decimal is not an end", "Il mesure 3.5 mètres. Bien.", {"Il mesure 3.5 mètres.", "Bien."}},
        SentRow{"blank line", "Titre sans point\n\nLe texte commence.", {"Titre sans point", "Le texte commence."}},
        SentRow{"line break before capital", "Un titre\nLe texte.", {"Un titre", "Le texte."}},
        SentRow{"hard-wrapped line", "Le texte continue\nsur la ligne suivante.", {"Le texte continue\nsur la ligne suivante."}},
        SentRow{"list dash after colon", "Il faut : - du pain ; - du sel.", {"Il faut :", "- du pain ;", "- du sel."}},
        SentRow{"heading in capitals", "CONTRE-INDICATIONS GRAVES Angiox est contre-indiqué.",
                {"CONTRE-INDICATIONS GRAVES", "Angiox est contre-indiqué."}},
        SentRow{"untitled heading before a pronoun", "Vie du village Il semble que tout va bien.",
                {"Vie du village", "Il semble que tout va bien."}},
        SentRow{"title after an introducer", "Il a vu le film Je hais les lundis hier.",
                {"Il a vu le film Je hais les lundis hier."}},
        SentRow{"dotted initials", "Selon F.L. Copperman, tout est faux.", {"Selon F.L. Copperman, tout est faux."}},
        SentRow{"empty", "", {}}));

// A simple reference for basic text (ASCII words of two letters or more, spaces, and the marks
// . , ; : ! ?): every whitespace-separated chunk is split into its letter runs and one token per
// mark. The scanner must agree with it exactly on such text.
std::vector<Span> reference_tokenize(std::string_view text) {
  std::vector<Span> out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    size_t b = i;
    if ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z')) {
      while (i < text.size() && ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z'))) ++i;
    } else {
      ++i;
    }
    out.push_back(Span{static_cast<uint32_t>(b), static_cast<uint32_t>(i)});
  }
  return out;
}

TEST(Tokenize, AgreesWithReferenceOnBasicText) {
  const std::vector<std::string> words = {"le", "chat", "Paris", "mange", "une", "pomme", "rouge", "Marie", "vite",
                                          "ils", "sont", "partis", "hier", "soir", "avec", "nous", "grand", "maison"};
  const std::vector<std::string> marks = {".", ",", ";", ":", "!", "?"};
  std::mt19937 rng(12345);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    int n = 1 + static_cast<int>(rng() % 30);
    for (int k = 0; k < n; ++k) {
      if (!text.empty()) text += (rng() % 4 == 0) ? "  " : " ";
      text += words[rng() % words.size()];
      if (rng() % 5 == 0) text += marks[rng() % marks.size()];
      if (rng() % 9 == 0) text += " " + marks[rng() % marks.size()];
    }
    ASSERT_EQ(tokenize(text), reference_tokenize(text)) << text;
  }
}

TEST(Tokenize, OffsetInvariantOnMixedText) {
  const std::string text =
      "« Bonjour », a-t-il dit à M. Dupont le 14 juillet 2023 à 15h30.\n\nL'État investit 1 000 000 € "
      "(soit 3,5 % du budget)… Voir https://exemple.fr ou écrire à a.b@c.fr ! Ça va ? Oui.\r\n"
      "Привет мир 東京 🙂 — fin";
  expect_invariants(text);
  Tokenization tz = tokenize_and_split(text);
  EXPECT_GT(tz.tokens.size(), 40u);
  EXPECT_GE(tz.sentences.size(), 4u);
  // Only thousands groups contain a space.
  for (const Span& t : tz.tokens) {
    std::string_view surface = std::string_view(text).substr(t.begin, t.end - t.begin);
    if (surface.find(' ') != std::string_view::npos) {
      EXPECT_EQ(surface, "1 000 000");
    }
  }
}

TEST(Tokenize, InvalidUtf8DoesNotCrash) {
  std::string text = "Le caf\xe9 est \xff\xfe bon. \xc3 L\xe2\x80 fin \xf0\x9f\x99";
  expect_invariants(text);
  EXPECT_FALSE(tokenize(text).empty());
  // Surrogates and overlong forms are invalid too.
  expect_invariants("a\xed\xa0\x80" "b \xc0\xaf c \xe0\x80\xaf.");
}

TEST(Tokenize, ControlCharactersSeparateTokens) {
  EXPECT_EQ(surfaces(std::string("un\x01" "deux\x7f" "trois")), (std::vector<std::string>{"un", "deux", "trois"}));
}

TEST(Tokenize, OneMegabyteWithoutSpaces) {
  std::string text(1 << 20, 'a');
  std::vector<Span> tokens = tokenize(text);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].end, text.size());
  std::string punct(1 << 20, '.');
  expect_invariants(punct);
  std::string apostrophes;
  for (int i = 0; i < (1 << 18); ++i) apostrophes += "l'a-";
  expect_invariants(apostrophes);
  std::string mixed;
  for (int i = 0; i < (1 << 17); ++i) mixed += "a-t-il?«»";
  expect_invariants(mixed);
}

TEST(Tokenize, OneMegabyteSentence) {
  std::string text;
  while (text.size() < (1 << 20)) text += "mot ";
  Tokenization tz = tokenize_and_split(text);
  EXPECT_EQ(tz.sentences.size(), 1u);
  EXPECT_EQ(tz.tokens.size(), text.size() / 4);
}

TEST(SplitSentences, EmptyTokenList) {
  EXPECT_TRUE(split_sentences("abc", {}).empty());
  EXPECT_TRUE(split_sentences("abc", {}, nullptr).empty());
}

// The default entry point either uses the shipped model or, when it does not load, the rules:
// tokens are the same and the invariants hold either way.
TEST(SplitSentences, DefaultModelOrRules) {
  const std::string text = "Effets indésirables Les patients vont bien. M. Durand aussi.\n\nFin";
  Tokenization with_default = tokenize_and_split(text);
  Tokenization rules = tokenize_and_split(text, nullptr);
  EXPECT_EQ(with_default.tokens, rules.tokens);
  if (!default_sentence_model().ok()) {
    EXPECT_EQ(with_default.sentences, rules.sentences) << default_sentence_model().status().to_string();
  }
  expect_invariants(text);
}

}  // namespace
}  // namespace veille
