// The press review: per story, newest first, a headline, the sources with dates and links (copies
// shown once under their source), the date range, the key people and organisations, an
// extractive summary, the quotations grouped by speaker, a timeline and comment statistics; and
// the threads that link stories. JSON for machines (schema in the README, "Press review"),
// Markdown for mail, and one self-contained HTML page for screen and print.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "veille/status.h"
#include "veille/store.h"

namespace veille {

enum class ReviewFormat { kHtml, kMarkdown, kJson };

// "html", "md" / "markdown", "json"; kInvalidArgument otherwise.
Result<ReviewFormat> parse_review_format(std::string_view name);

struct ReviewOptions {
  std::string title = "Revue de presse";
  std::optional<std::string> since;  // YYYY-MM-DD: stories still running on or after that day
  std::optional<std::string> query;  // only stories with an article matching this search query
  size_t max_stories = 50;
  // The review's "generated" time (ISO 8601); empty: now, in UTC. Tests pin it.
  std::string generated;
};

// The review in `format`. Errors: the store's, and kInvalidArgument for a bad `since` or query.
Result<std::string> write_review(Store& store, const ReviewOptions& options, ReviewFormat format);

}  // namespace veille
