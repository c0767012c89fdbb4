// The language stages that run after extraction. Each is a Stage (see pipeline.h) that annotates
// Document::text and every comment's text; spans are byte offsets into the text they annotate.
#pragma once

#include <memory>

#include "veille/pipeline.h"

namespace veille {

// "tokenize": French surface tokens and sentences (Document::annotations.tokens / .sentences, and
// the same for each comment). Stateless and thread-safe.
std::unique_ptr<Stage> make_tokenize_stage();

}  // namespace veille
