// Reader comment threads from HTML markup: WordPress comment lists (depth-N classes, nested
// <ol class="children">), static Disqus copies, and common "comments" containers.
#pragma once

#include <vector>

#include "extract/dom.h"
#include "veille/document.h"

namespace veille {

struct CommentThread {
  std::vector<Comment> comments;  // ids 1..n in page order, parents resolved to ids
  // Subtrees that hold the thread and the comment form; the main-content extractor skips them.
  std::vector<const dom::Node*> containers;
};

CommentThread extract_html_comments(const dom::Dom& dom);

}  // namespace veille
