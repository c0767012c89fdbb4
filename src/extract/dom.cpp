#include "extract/dom.h"

#include "extract/html_parser.h"

#include <mutex>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <gumbo.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

namespace veille::dom {

const std::string* Node::attr(std::string_view name) const {
  for (const auto& a : attrs)
    if (same_name(a.name, name)) return &a.value;
  return nullptr;
}

std::string Node::id_and_class() const {
  const std::string* id = nullptr;
  const std::string* cls = nullptr;
  for (const auto& a : attrs) {  // one pass over the attributes, one allocation at most
    if (!id && same_name(a.name, "id")) id = &a.value;
    else if (!cls && same_name(a.name, "class")) cls = &a.value;
  }
  std::string out;
  out.reserve((id ? id->size() : 0) + (cls ? cls->size() + 1 : 0));
  if (id) out += *id;
  if (cls) {
    if (!out.empty()) out += ' ';
    out += *cls;
  }
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

Dom::Dom() { root_ = new_node(NodeType::kDocument); }

Node* Dom::new_node(NodeType type) {
  constexpr size_t kChunk = size_t{1} << kChunkBits;
  if ((size_ & (kChunk - 1)) == 0) chunks_.push_back(std::make_unique<Node[]>(kChunk));
  Node* n = &chunks_.back()[size_ & (kChunk - 1)];
  n->type = type;
  n->index = static_cast<uint32_t>(size_);
  ++size_;
  return n;
}

namespace {

void lower(std::string& s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// True if `s` at `pos` starts with lower-case `word`, compared case-insensitively.
bool starts_with_ci(std::string_view s, size_t pos, std::string_view word) {
  if (pos + word.size() > s.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (ascii_lower(s[pos + i]) != word[i]) return false;
  return true;
}

bool is_tag_name_end(char c) {
  return c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Position of the '>' closing the tag that starts at `pos`, honouring quoted attribute values;
// npos if the page ends first.
size_t end_of_tag(std::string_view html, size_t pos) {
  char quote = 0;
  for (size_t i = pos; i < html.size(); ++i) {
    char c = html[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      if (i > 0 && html[i - 1] == '=') quote = c;  // only quotes that open an attribute value
    } else if (c == '>') {
      return i;
    }
  }
  return std::string_view::npos;
}

// Case-insensitive search for lower-case `needle` from `pos`.
size_t find_ci(std::string_view hay, std::string_view needle, size_t pos) {
  while (pos < hay.size()) {
    const void* hit = std::memchr(hay.data() + pos, '<', hay.size() - pos);
    if (!hit) return std::string_view::npos;
    pos = static_cast<size_t>(static_cast<const char*>(hit) - hay.data());
    if (starts_with_ci(hay, pos, needle)) return pos;
    ++pos;
  }
  return std::string_view::npos;
}

// Removes what no extractor reads and what the HTML parsers are slowest on: comments and the
// bodies of <style> and non-JSON <script> elements (half the bytes of a typical page). The
// elements stay, empty. Runs at memchr speed. Follows the HTML rule that such a body ends at the
// first "</script" / "</style", whatever precedes it.
std::string strip_inert_content(std::string_view html) {
  std::string out;
  out.reserve(html.size() / 2);
  size_t copied = 0;  // html[0, copied) is already in out or dropped
  size_t pos = 0;
  while (pos < html.size()) {
    const void* hit = std::memchr(html.data() + pos, '<', html.size() - pos);
    if (!hit) break;
    size_t lt = static_cast<size_t>(static_cast<const char*>(hit) - html.data());
    if (html.compare(lt, 4, "<!--") == 0) {
      size_t end = html.find("-->", lt + 4);
      out.append(html.data() + copied, lt - copied);
      copied = pos = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const bool script = starts_with_ci(html, lt + 1, "script") && lt + 7 < html.size() &&
                        is_tag_name_end(html[lt + 7]);
    const bool style = !script && starts_with_ci(html, lt + 1, "style") && lt + 6 < html.size() &&
                       is_tag_name_end(html[lt + 6]);
    if (!script && !style) {
      pos = lt + 1;
      continue;
    }
    size_t gt = end_of_tag(html, lt + 1);
    if (gt == std::string_view::npos) break;
    bool keep_body = false;
    if (script) {
      std::string open_tag(html.substr(lt, gt - lt));
      lower(open_tag);
      keep_body = open_tag.find("json") != std::string::npos;
    }
    size_t close = find_ci(html, script ? "</script" : "</style", gt + 1);
    if (close == std::string_view::npos) close = html.size();
    if (keep_body) {
      pos = close;
      continue;
    }
    out.append(html.data() + copied, gt + 1 - copied);
    copied = pos = close;
  }
  out.append(html.data() + copied, html.size() - copied);
  return out;
}

// Attaches `child` as the last child of `parent`.
void append(Node* parent, Node* child) {
  child->parent = parent;
  child->depth = parent->depth + 1;
  parent->children.push_back(child);
}

void append_text(Dom& dom, Node* parent, const char* text, size_t len) {
  if (len == 0) return;
  // Adjacent text (split by the parser, or by elements flattened past the depth budget) is one
  // node, as in a browser's normalised DOM.
  if (!parent->children.empty() && parent->children.back()->is_text()) {
    parent->children.back()->text.append(text, len);
    return;
  }
  Node* t = dom.new_node(NodeType::kText);
  t->text.assign(text, len);
  append(parent, t);
}

// ---- libxml2 backend: the DOM is built from SAX events, libxml2 builds no tree of its own ----

struct SaxBuilder {
  Dom* dom = nullptr;
  Node* current = nullptr;
  int max_depth = 0;
  int clipped_open = 0;  // elements opened past max_depth and not yet closed
};

SaxBuilder* builder_of(void* ctx) {
  return static_cast<SaxBuilder*>(static_cast<htmlParserCtxtPtr>(ctx)->_private);
}

void sax_start_element(void* ctx, const xmlChar* name, const xmlChar** attrs) {
  SaxBuilder* b = builder_of(ctx);
  if (b->current->depth + 1 > b->max_depth) {
    ++b->clipped_open;
    ++b->dom->depth_clipped;  // keep the text, drop this element's structure
    return;
  }
  Node* n = b->dom->new_node(NodeType::kElement);
  n->tag = reinterpret_cast<const char*>(name);
  lower(n->tag);
  if (attrs) {
    size_t count = 0;
    while (attrs[2 * count]) ++count;
    n->attrs.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      Attribute a;
      a.name = reinterpret_cast<const char*>(attrs[2 * i]);
      lower(a.name);
      if (attrs[2 * i + 1]) a.value = reinterpret_cast<const char*>(attrs[2 * i + 1]);
      n->attrs.push_back(std::move(a));
    }
  }
  append(b->current, n);
  b->current = n;
}

void sax_end_element(void* ctx, const xmlChar*) {
  SaxBuilder* b = builder_of(ctx);
  if (b->clipped_open > 0) {
    --b->clipped_open;
    return;
  }
  if (b->current->parent) b->current = b->current->parent;
}

void sax_characters(void* ctx, const xmlChar* text, int len) {
  SaxBuilder* b = builder_of(ctx);
  if (len > 0) append_text(*b->dom, b->current, reinterpret_cast<const char*>(text), static_cast<size_t>(len));
}

void sax_silent(void*, const char*, ...) {}

Result<Dom> parse_libxml2(std::string_view html, const ExtractOptions& options) {
  Dom dom;
  SaxBuilder builder;
  builder.dom = &dom;
  builder.current = dom.root();
  builder.max_depth = options.max_dom_depth;

  htmlSAXHandler sax;
  std::memset(&sax, 0, sizeof sax);
  sax.startElement = sax_start_element;
  sax.endElement = sax_end_element;
  sax.characters = sax_characters;
  sax.cdataBlock = sax_characters;
  sax.ignorableWhitespace = sax_characters;  // whitespace between inline elements separates words
  sax.warning = sax_silent;
  sax.error = sax_silent;

  htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(html.data(), static_cast<int>(html.size()));
  if (!ctxt) return dom;  // out of memory: an empty page rather than a crash
  std::memcpy(ctxt->sax, &sax, sizeof sax);
  ctxt->_private = &builder;
  // The input is already UTF-8 (ingest converted it): a <meta charset> in the page must not make
  // libxml2 decode it a second time.
  htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
  xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
  htmlParseDocument(ctxt);
  htmlFreeParserCtxt(ctxt);
  return dom;
}

// ---- gumbo backend -------------------------------------------------------------------------

Result<Dom> parse_gumbo(std::string_view html, const ExtractOptions& options) {
  GumboOptions gopt = kGumboDefaultOptions;
  gopt.max_errors = 0;
  GumboOutput* out = gumbo_parse_with_options(&gopt, html.data(), html.size());
  Dom dom;
  if (!out) return dom;
  struct Frame {
    const GumboNode* node;
    Node* parent;
  };
  std::vector<Frame> stack{{out->document, nullptr}};
  while (!stack.empty()) {
    auto [g, parent] = stack.back();
    stack.pop_back();
    const GumboVector* kids = nullptr;
    Node* target = parent;
    if (g->type == GUMBO_NODE_DOCUMENT) {
      target = dom.root();
      kids = &g->v.document.children;
    } else if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) {
      const GumboElement& el = g->v.element;
      if (parent->depth + 1 > options.max_dom_depth) {
        ++dom.depth_clipped;
      } else {
        target = dom.new_node(NodeType::kElement);
        if (el.tag == GUMBO_TAG_UNKNOWN) {
          GumboStringPiece piece = el.original_tag;
          gumbo_tag_from_original_text(&piece);
          target->tag.assign(piece.data, piece.length);
        } else {
          target->tag = gumbo_normalized_tagname(el.tag);
        }
        lower(target->tag);
        target->attrs.reserve(el.attributes.length);
        for (unsigned i = 0; i < el.attributes.length; ++i) {
          auto* a = static_cast<const GumboAttribute*>(el.attributes.data[i]);
          Attribute attr{a->name, a->value};
          lower(attr.name);
          target->attrs.push_back(std::move(attr));
        }
        append(parent, target);
      }
      kids = &el.children;
    } else if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE ||
               g->type == GUMBO_NODE_CDATA) {
      append_text(dom, parent, g->v.text.text, std::strlen(g->v.text.text));
    }
    if (kids)
      for (unsigned i = kids->length; i-- > 0;)
        stack.push_back({static_cast<const GumboNode*>(kids->data[i]), target});
  }
  gumbo_destroy_output(&gopt, out);
  return dom;
}

bool is_skipped(const Node* n) {
  return n->is("script") || n->is("style") || n->is("noscript") || n->is("template");
}

// An upper estimate of the element nesting depth of a page: start tags of non-void elements open,
// end tags close. Implicitly closed elements (<p>, <li> left open) make it overestimate, never
// underestimate. One pass, no allocation.
int estimated_nesting_depth(std::string_view html) {
  static constexpr std::string_view kVoid[] = {"area", "base", "br", "col", "embed", "hr", "img",
                                               "input", "link", "meta", "param", "source", "track", "wbr"};
  int depth = 0, deepest = 0;
  for (size_t i = html.find('<'); i != std::string_view::npos && i + 1 < html.size(); i = html.find('<', i + 1)) {
    char c = html[i + 1];
    if (c == '/') {
      depth = std::max(0, depth - 1);
      continue;
    }
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) continue;
    size_t end = i + 1;
    while (end < html.size() && ((html[end] >= 'a' && html[end] <= 'z') || (html[end] >= 'A' && html[end] <= 'Z') ||
                                 (html[end] >= '0' && html[end] <= '9')))
      ++end;
    std::string name(html.substr(i + 1, end - i - 1));
    for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    bool is_void = false;
    for (std::string_view v : kVoid) is_void |= (name == v);
    size_t close = html.find('>', end);
    if (is_void || (close != std::string_view::npos && close > 0 && html[close - 1] == '/')) continue;
    deepest = std::max(deepest, ++depth);
  }
  return deepest;
}

// gumbo's tree construction is quadratic in nesting depth (a page 100,000 deep takes over a
// minute); past this estimated depth a page goes to the libxml2 backend instead.
constexpr int kGumboMaxDepth = 4096;

}  // namespace

void init_html_parser() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

Result<Dom> parse_html(std::string_view utf8_html, const ExtractOptions& options) {
  if (utf8_html.size() > options.max_html_bytes)
    return Status::TooLarge("page of " + std::to_string(utf8_html.size()) +
                            " bytes is over max_html_bytes (" +
                            std::to_string(options.max_html_bytes) + ")");
  if (utf8_html.size() > static_cast<size_t>(INT32_MAX))
    return Status::TooLarge("page over 2 GiB");
  if (options.parser == HtmlParser::kNative) {
    // Skips comments and script/style bodies itself: no stripped copy of the page.
    Dom dom;
    html::parse_html_native(utf8_html, options.max_dom_depth, dom);
    return dom;
  }
  const std::string html = strip_inert_content(utf8_html);
  switch (options.parser) {
    case HtmlParser::kGumbo:
      if (estimated_nesting_depth(html) <= kGumboMaxDepth) return parse_gumbo(html, options);
      break;
    case HtmlParser::kLibxml2:
    case HtmlParser::kNative: break;
  }
  return parse_libxml2(html, options);
}

namespace {

// The "x" of a streamed segment (<div hidden id="S:x">) or of its mark (<template id="B:x"> or
// "P:x"), x in hexadecimal; empty for other nodes.
std::string_view stream_key(const Node* n, bool segment) {
  if (!n->is_element()) return {};
  if (segment ? !same_name(n->tag, "div") || !n->attr("hidden") : !same_name(n->tag, "template")) return {};
  const std::string* id = n->attr("id");
  if (!id || id->size() < 3 || (*id)[1] != ':') return {};
  const char kind = (*id)[0];
  if (segment ? kind != 'S' : (kind != 'B' && kind != 'P')) return {};
  for (size_t i = 2; i < id->size(); ++i)
    if (!std::isxdigit(static_cast<unsigned char>((*id)[i]))) return {};
  return std::string_view(*id).substr(2);
}

}  // namespace

std::optional<Dom> relocate_streamed_segments(const Dom& dom) {
  std::unordered_map<std::string_view, const Node*> segments;
  for (size_t i = 0; i < dom.size(); ++i)
    if (auto key = stream_key(dom.node(i), true); !key.empty()) segments.emplace(key, dom.node(i));
  if (segments.empty()) return std::nullopt;
  std::unordered_set<std::string_view> marked;  // segments whose mark is on the page
  for (size_t i = 0; i < dom.size(); ++i)
    if (auto key = stream_key(dom.node(i), false); !key.empty() && segments.count(key)) marked.insert(key);
  if (marked.empty()) return std::nullopt;

  Dom out;
  out.depth_clipped = dom.depth_clipped;
  std::unordered_set<std::string_view> moved;
  struct Item {
    const Node* node;
    Node* parent;
  };
  std::vector<Item> stack;
  auto push_children = [&](const Node* n, Node* parent) {
    for (auto it = n->children.rbegin(); it != n->children.rend(); ++it) stack.push_back({*it, parent});
  };
  push_children(dom.root(), out.root());
  while (!stack.empty()) {
    auto [n, parent] = stack.back();
    stack.pop_back();
    if (auto key = stream_key(n, false); !key.empty() && marked.count(key)) {
      if (moved.insert(key).second) push_children(segments[key], parent);
      continue;
    }
    if (auto key = stream_key(n, true); !key.empty() && marked.count(key)) continue;  // moved to its mark
    if (n->is_text() && !parent->children.empty() && parent->children.back()->is_text()) {
      parent->children.back()->text += n->text;  // text from both sides of a mark meets
      continue;
    }
    Node* m = out.new_node(n->type);
    m->tag = n->tag;
    m->text = n->text;
    m->attrs = n->attrs;
    append(parent, m);
    push_children(n, m);
  }
  return out;
}

std::string text_content(const Node* node) {
  std::string out;
  bool pending_space = false;
  walk(node, [&](const Node* n) {
    if (n->is_element()) {
      if (is_skipped(n)) return false;
      if (n->is("br") || n->is("p") || n->is("div") || n->is("li") || n->is("td") ||
          n->is("h1") || n->is("h2") || n->is("h3") || n->is("tr"))
        pending_space = true;
      return true;
    }
    if (!n->is_text()) return true;
    for (char c : n->text) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        pending_space = true;
      } else {
        if (pending_space && !out.empty()) out += ' ';
        pending_space = false;
        out += c;
      }
    }
    return true;
  });
  return out;
}

}  // namespace veille::dom
