// Shared by the Moderator and the trainer: one comment scored with given weights and lexicon.
#pragma once

#include <string_view>

#include "moderate/features.h"
#include "moderate/lexicon.h"
#include "moderate/model_file.h"
#include "veille/moderate.h"

namespace veille::moderate {

// Scores `text`, decides at `threshold`, and lists its terms with their surface in `text`.
Moderation classify_comment(std::string_view text, const ModelParams& params,
                            const Lexicon& lexicon, float threshold, ModerationWorkspace* ws);

// The file name of the lexicon beside a model file.
inline constexpr const char* kLexiconFileName = "moderation-lexicon-fr.tsv";

}  // namespace veille::moderate
