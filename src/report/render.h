// Renderers of the press review. The review's JSON (schema in the README, "Press review") is the
// one model of a review: Markdown and HTML are views of it, so the three formats never disagree.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace veille::report {

// Markdown for mail: headings, lists and block quotes only.
std::string render_markdown(const nlohmann::ordered_json& review);

// One self-contained HTML page (inline CSS, no script, no external resource) that reads well on a
// screen and prints cleanly.
std::string render_html(const nlohmann::ordered_json& review);

// "2025-02-12" -> "12 février 2025", "2025-02" -> "février 2025", "2025" -> "2025"; a value with a
// time keeps the date part only; anything else is returned as written.
std::string french_date(std::string_view iso);

// "du 3 au 5 février 2025", "le 3 février 2025", "" when neither is known.
std::string french_range(std::string_view first, std::string_view last);

std::string html_escape(std::string_view text);

}  // namespace veille::report
