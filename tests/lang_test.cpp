#include <gtest/gtest.h>

#include "nlp/lang.h"

namespace veille {
namespace {

struct LangCase {
  const char* text;
  const char* expected;
};

TEST(LangTest, DetectsLanguageOfParagraphs) {
  const LangCase cases[] = {
      {"Le maire a présenté mardi le projet de budget pour l’année prochaine. Les élus de "
       "l’opposition ont critiqué une hausse des impôts qui, selon eux, pèsera sur les familles.",
       "fr"},
      {"The mayor presented the budget for next year on Tuesday. Members of the opposition said "
       "that the tax increase would weigh on families and that it was not needed.",
       "en"},
      {"Der Bürgermeister hat am Dienstag den Haushalt für das nächste Jahr vorgestellt. Die "
       "Opposition kritisiert die Steuererhöhung, die nach ihrer Ansicht die Familien belastet.",
       "de"},
      {"El alcalde presentó el martes el presupuesto para el año próximo. Los concejales de la "
       "oposición criticaron una subida de los impuestos que, según ellos, pesará sobre las familias.",
       "es"},
      {"Il sindaco ha presentato martedì il bilancio per il prossimo anno. I consiglieri "
       "dell’opposizione hanno criticato un aumento delle tasse che, secondo loro, non è necessario "
       "e che peserà sulle famiglie della città.",
       "it"},
  };
  for (const auto& c : cases) EXPECT_EQ(detect_language(c.text), c.expected) << c.text;
}

TEST(LangTest, TooLittleEvidenceIsUnknown) {
  EXPECT_EQ(detect_language(""), "und");
  EXPECT_EQ(detect_language("Emmanuel Macron"), "und");
  EXPECT_EQ(detect_language("12 345 678"), "und");
  EXPECT_EQ(detect_language("\xff\xfe\x00garbage"), "und");
}

}  // namespace
}  // namespace veille
