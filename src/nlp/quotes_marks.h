// Quotation marks: pairs of opening and closing marks in French news text.
//
// Recognised marks: « » (guillemets, with or without their no-break / ordinary spaces), “ ” and
// „ (English and German openers), ‹ › and the straight " (an opener before a word, a closer after
// one). Marks of one kind nest inside another or inside themselves; the outer pair is the
// quotation. A pair never crosses a paragraph break ("\n\n") except by the French convention:
// when a paragraph ends inside an open quotation and the next paragraph starts with the same
// opening mark, the quotation goes on (the repeated mark is part of the quoted text).
// Unmatched marks are ignored.
//
// Cost: one pass over the bytes; the stack of open marks is capped (kMaxOpenMarks), so a 1 MB
// text of openers stays linear. Pure function; thread-safe.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace veille::quotes {

// One outer quotation: byte offsets into the text.
struct MarkedQuote {
  uint32_t open = 0;           // first byte of the opening mark
  uint32_t content_begin = 0;  // first byte after the mark and any spaces
  uint32_t content_end = 0;    // one past the last quoted byte (spaces before the mark excluded)
  uint32_t close_end = 0;      // one past the closing mark
};

inline constexpr size_t kMaxOpenMarks = 32;

// Outer quotations of `text` in order, non-overlapping, with content_begin < content_end.
std::vector<MarkedQuote> find_marked_quotes(std::string_view text);

}  // namespace veille::quotes
