#include "extract/dom.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <gumbo.h>

#include <cstring>

namespace veille::dom {

const std::string* Node::attr(std::string_view name) const {
  for (const auto& a : attrs)
    if (a.name == name) return &a.value;
  return nullptr;
}

std::string Node::id_and_class() const {
  std::string out;
  if (const auto* id = attr("id")) out += *id;
  if (const auto* cls = attr("class")) {
    if (!out.empty()) out += ' ';
    out += *cls;
  }
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

Dom::Dom() { root_ = new_node(NodeType::kDocument); }

Node* Dom::new_node(NodeType type) {
  nodes_.emplace_back();
  nodes_.back().type = type;
  nodes_.back().index = static_cast<uint32_t>(nodes_.size() - 1);
  return &nodes_.back();
}

namespace {

void lower(std::string& s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

// Attaches `child` under `parent`, or, past the depth budget, under the deepest allowed ancestor.
void append(Dom& dom, Node* parent, Node* child, int max_depth) {
  child->parent = parent;
  child->depth = parent->depth + 1;
  parent->children.push_back(child);
  (void)dom;
  (void)max_depth;
}

// ---- libxml2 backend -----------------------------------------------------------------------

void convert_libxml2(Dom& dom, xmlNode* first, int max_depth) {
  struct Frame {
    xmlNode* node;
    Node* parent;
  };
  std::vector<Frame> stack;
  for (xmlNode* n = first; n; n = n->next) stack.push_back({n, dom.root()});
  std::reverse(stack.begin(), stack.end());
  while (!stack.empty()) {
    auto [x, parent] = stack.back();
    stack.pop_back();
    if (x->type == XML_ELEMENT_NODE) {
      Node* target = parent;
      if (parent->depth + 1 > max_depth) {
        ++dom.depth_clipped;  // keep the text, drop this element's structure
      } else {
        target = dom.new_node(NodeType::kElement);
        target->tag = reinterpret_cast<const char*>(x->name);
        lower(target->tag);
        for (xmlAttr* a = x->properties; a; a = a->next) {
          Attribute attr;
          attr.name = reinterpret_cast<const char*>(a->name);
          lower(attr.name);
          if (a->children && a->children->content)
            attr.value = reinterpret_cast<const char*>(a->children->content);
          target->attrs.push_back(std::move(attr));
        }
        append(dom, parent, target, max_depth);
      }
      size_t mark = stack.size();
      for (xmlNode* c = x->children; c; c = c->next) stack.push_back({c, target});
      std::reverse(stack.begin() + static_cast<std::ptrdiff_t>(mark), stack.end());
    } else if (x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE) {
      if (!x->content) continue;
      // Merge with a previous text sibling (happens when depth clipping flattens elements).
      if (!parent->children.empty() && parent->children.back()->is_text()) {
        parent->children.back()->text += reinterpret_cast<const char*>(x->content);
        continue;
      }
      Node* t = dom.new_node(NodeType::kText);
      t->text = reinterpret_cast<const char*>(x->content);
      append(dom, parent, t, max_depth);
    }
  }
}

Result<Dom> parse_libxml2(std::string_view html, const ExtractOptions& options) {
  const int flags = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                    HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_NOBLANKS | XML_PARSE_HUGE;
  htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", flags);
  Dom dom;
  if (doc) {
    convert_libxml2(dom, doc->children, options.max_dom_depth);
    xmlFreeDoc(doc);
  }
  return dom;
}

// ---- gumbo backend -------------------------------------------------------------------------

Result<Dom> parse_gumbo(std::string_view html, const ExtractOptions& options) {
  GumboOptions gopt = kGumboDefaultOptions;
  gopt.max_errors = 0;
  GumboOutput* out = gumbo_parse_with_options(&gopt, html.data(), html.size());
  Dom dom;
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
        for (unsigned i = 0; i < el.attributes.length; ++i) {
          auto* a = static_cast<const GumboAttribute*>(el.attributes.data[i]);
          Attribute attr{a->name, a->value};
          lower(attr.name);
          target->attrs.push_back(std::move(attr));
        }
        append(dom, parent, target, options.max_dom_depth);
      }
      kids = &el.children;
    } else if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE ||
               g->type == GUMBO_NODE_CDATA) {
      if (!parent->children.empty() && parent->children.back()->is_text()) {
        parent->children.back()->text += g->v.text.text;
      } else {
        Node* t = dom.new_node(NodeType::kText);
        t->text = g->v.text.text;
        append(dom, parent, t, options.max_dom_depth);
      }
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

}  // namespace

Result<Dom> parse_html(std::string_view utf8_html, const ExtractOptions& options) {
  if (utf8_html.size() > options.max_html_bytes)
    return Status::TooLarge("page of " + std::to_string(utf8_html.size()) +
                            " bytes is over max_html_bytes (" +
                            std::to_string(options.max_html_bytes) + ")");
  if (utf8_html.size() > static_cast<size_t>(INT32_MAX))
    return Status::TooLarge("page over 2 GiB");
  switch (options.parser) {
    case HtmlParser::kGumbo: return parse_gumbo(utf8_html, options);
    case HtmlParser::kLibxml2: break;
  }
  return parse_libxml2(utf8_html, options);
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
