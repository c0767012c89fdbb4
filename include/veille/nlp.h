// The language stages that run after extraction. Each is a Stage (see pipeline.h) that annotates
// Document::text and every comment's text; spans are byte offsets into the text they annotate.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "veille/pipeline.h"
#include "veille/status.h"

namespace veille {

// "tokenize": French surface tokens and sentences (Document::annotations.tokens / .sentences, and
// the same for each comment). Stateless and thread-safe.
std::unique_ptr<Stage> make_tokenize_stage();

// Options of the "ner" stage. Defaults: the shipped model and alias table.
struct NerStageOptions {
  // NER model file; empty = default_ner_model_path() ($VEILLE_MODELS/ner-fr.bin, models/ beside or
  // above the executable, or ./models/ner-fr.bin).
  std::string model_path;
  // The shipped alias table; empty = aliases-fr.tsv beside the default model. Not read when
  // use_shipped_aliases is false.
  std::string shipped_aliases_path;
  bool use_shipped_aliases = true;
  // User alias files (same format as models/aliases-fr.tsv, see models/ALIASES.md), loaded after
  // the shipped table, in order; a later file overrides an earlier one's entries.
  std::vector<std::string> alias_paths;
  // Longest run of tokens tagged at once: longer sentences (a 1 MB "sentence" of a broken page)
  // are tagged in chunks of this many tokens, which bounds the tagger's scratch memory.
  size_t max_sentence_tokens = 512;
};

// "ner": named-entity mentions (PER, ORG, LOC, MISC) of Document::text and of every comment,
// linked to canonical entities within the page and across pages (Annotations::entities; see
// src/nlp/entities.h for the linking rules). REQUIRES: the "tokenize" stage ran before it on the
// document (it tags the tokens of each sentence; a text without tokens gets no entity).
// Errors at construction: the model's or an alias file's (kNotFound for a missing file,
// kInvalidArgument "<file>:<line>: reason" for a bad alias line, kCorrupt/kUnsupported for a bad
// model). Immutable once built; process() is thread-safe.
Result<std::unique_ptr<Stage>> make_ner_stage(const NerStageOptions& options = {});

// Everything the language stages need, for the commands and servers that build the full chain.
struct LanguageOptions {
  NerStageOptions ner;
  // Reference date (YYYY-MM-DD[THH:MM]) for resolving the dates of a page that has no published
  // date; a page's own `published` date always wins.
  std::optional<std::string> reference_date;
};

// Adds the language stages to `pipeline` in their order: tokenize, ner, then the stages that read
// entities (dates, quotes). The one place that knows the chain, so that `veille annotate`,
// `veille ingest` and the server annotate pages alike. Errors: those of the stages' constructors.
Status add_language_stages(Pipeline& pipeline, const LanguageOptions& options);

}  // namespace veille
