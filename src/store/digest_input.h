// What a story's digest (summary and timeline) reads from one article, stored compactly beside
// the article's version so that refreshing the digest of a story that gains an article does not
// parse the full JSON of up to 30 older articles and re-derive their summary candidates (in a
// 100,000-page database that was a fifth of ingestion CPU).
#pragma once

#include <string>
#include <string_view>

#include "veille/corpus.h"
#include "veille/document.h"

namespace veille::store {

// Encodes the fields corpus::summarize (with candidates given) and corpus::timeline read: site,
// url, text, the body's block kinds and spans, sentence, entity and date spans (with the dates'
// values and kinds), and the article's summary candidates. Other fields are left out.
std::string encode_digest_input(const Document& doc, const corpus::SummaryCandidates& candidates);

// Decodes what encode_digest_input wrote into a Document holding only those fields (block texts
// and entity names empty) and its candidates. False on bytes that are not such an encoding
// (another version, truncated): the caller then reads the article's JSON.
bool decode_digest_input(std::string_view bytes, Document* doc, corpus::SummaryCandidates* candidates);

}  // namespace veille::store
