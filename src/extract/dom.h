// A small, read-only DOM that the HTML extractors work on, built by one of the HTML parser
// backends (libxml2 or gumbo). Owning all nodes in one arena keeps traversal cache-friendly and
// lets the extractors hold plain pointers.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "veille/extract.h"
#include "veille/status.h"

namespace veille::dom {

enum class NodeType : unsigned char { kDocument, kElement, kText };

struct Attribute {
  std::string name;  // lower-case
  std::string value;
};

// Byte equality without a call to memcmp: tag and attribute names are a few bytes, and the
// extractors compare them millions of times per second (memcmp was 12% of extraction time).
inline bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

struct Node {
  NodeType type = NodeType::kElement;
  std::string tag;   // lower-case element name; empty for text and document nodes
  std::string text;  // text nodes only: UTF-8, entities decoded, whitespace as in the source
  std::vector<Attribute> attrs;
  Node* parent = nullptr;
  std::vector<Node*> children;
  int depth = 0;  // root = 0
  // Position in document order (pre-order) within its Dom: an ancestor's index is always below its
  // descendants', so per-node side tables can be plain vectors and a reverse sweep is bottom-up.
  uint32_t index = 0;

  bool is_element() const { return type == NodeType::kElement; }
  bool is_text() const { return type == NodeType::kText; }
  bool is(std::string_view t) const { return type == NodeType::kElement && same_name(tag, t); }
  // Value of an attribute, or nullptr. Names are lower-case.
  const std::string* attr(std::string_view name) const;
  // "id class" joined, lower-cased: what class/id evidence is matched against.
  std::string id_and_class() const;
};

// A parsed page. Movable, not copyable; nodes stay at their addresses for the Dom's lifetime.
class Dom {
 public:
  Dom();
  Dom(Dom&&) = default;
  Dom& operator=(Dom&&) = default;
  Dom(const Dom&) = delete;
  Dom& operator=(const Dom&) = delete;

  Node* root() const { return root_; }
  // Node storage: fixed-size chunks, so that nodes never move and a page costs few allocations.
  static constexpr size_t kChunkBits = 10;
  // Appends a node. REQUIRES: nodes are created in document order (parents before children,
  // earlier siblings' subtrees before later siblings), which is what `index` promises.
  Node* new_node(NodeType type);
  size_t size() const { return size_; }
  const Node* node(size_t index) const {
    return &chunks_[index >> kChunkBits][index & ((size_t{1} << kChunkBits) - 1)];
  }
  // Number of elements whose children were flattened because of ExtractOptions::max_dom_depth.
  size_t depth_clipped = 0;

 private:
  std::vector<std::unique_ptr<Node[]>> chunks_;
  size_t size_ = 0;
  Node* root_ = nullptr;
};

// Initialises libxml2's global state (its mutexes, character tables) once. libxml2's lazy
// initialisation is not thread-safe: two workers parsing their first page at the same moment race
// on it (LeakSanitizer caught a lost mutex). The Extractor calls this before any worker starts.
void init_html_parser();

// Parses UTF-8 HTML with the backend chosen in options. Never fails on malformed markup (it is
// repaired as browsers do); fails with kTooLarge over options.max_html_bytes.
// What the DOM leaves out, as no extractor reads it: comments, the bodies of <style> elements and
// of <script> elements other than JSON data (type "application/ld+json" or "application/json"
// keep their text). The elements themselves stay, empty.
Result<Dom> parse_html(std::string_view utf8_html, const ExtractOptions& options);

// React's streamed server rendering (Next.js and others) sends parts of a page late, at the end of
// the body, as <div hidden id="S:x">...</div>, and an inline script moves each into its place,
// marked by <template id="B:x"> (a boundary) or <template id="P:x"> (a placeholder). Readers see
// the page after the move. Returns a copy of `dom` with every segment whose mark is found moved
// into the mark's place (the template replaced by the segment's children), or nothing when the
// page has no such pair. A segment nested inside another is moved too; one whose mark lies inside
// itself is dropped. Iterative; time and memory linear in the page.
std::optional<Dom> relocate_streamed_segments(const Dom& dom);

// Concatenated text of a subtree, with whitespace collapsed to single spaces and block-level
// elements separated by a space. Skips script, style, noscript, template.
std::string text_content(const Node* node);

// Calls fn(node) for every node of the subtree in document order (pre-order), iteratively (no
// recursion, so 100,000-deep trees are fine). If fn returns false, the node's children are skipped.
template <typename Fn>
void walk(const Node* start, Fn&& fn) {
  std::vector<const Node*> stack{start};
  while (!stack.empty()) {
    const Node* n = stack.back();
    stack.pop_back();
    if (!fn(n)) continue;
    for (auto it = n->children.rbegin(); it != n->children.rend(); ++it) stack.push_back(*it);
  }
}

}  // namespace veille::dom
