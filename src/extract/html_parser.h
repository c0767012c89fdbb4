// veille's own HTML parser ("native" backend of dom::parse_html): the WHATWG tokenizer states that
// real pages exercise, and a reduced tree builder that keeps the rules which change the DOM's
// shape for extraction (implied end tags, void elements, tables, head/body placement), writing
// straight into a dom::Dom in document order. Iterative throughout: no recursion, so a page nested
// 100,000 deep costs memory for its open-element stack, not call stack.
//
// What it leaves out, as the other backends do: comments, doctype, processing instructions, the
// bodies of <style> and of <script> other than JSON data. What it does not do, deliberately: the
// adoption agency and the reconstruction of formatting elements (misnested <b>/<i> stay as
// written, as in libxml2), foster parenting of content misplaced in tables, implied <tbody>/<tr>,
// frameset documents. Those change no text and little structure on news pages.
#pragma once

#include <string_view>

#include "extract/dom.h"

namespace veille::html {

// Fills `dom` (fresh: only its root) from UTF-8 `html`. Elements deeper than `max_depth` are not
// created: their text goes to the ancestor at max_depth, and dom.depth_clipped counts them.
// Never fails: malformed markup is repaired, bytes that are not markup are text.
void parse_html_native(std::string_view html, int max_depth, dom::Dom& dom);

}  // namespace veille::html
