#include "extract/html_comments.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "extract/metadata.h"

namespace veille {
namespace {

using dom::Node;

char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = lower_ascii(c);
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

// Whitespace (ASCII and U+00A0) collapsed to single spaces, trimmed.
std::string collapse(std::string_view s) {
  std::string out;
  bool pending = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool space = is_space(c);
    if (!space && static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      space = true;
      ++i;
    }
    if (space) {
      pending = true;
      continue;
    }
    if (pending && !out.empty()) out += ' ';
    pending = false;
    out += c;
  }
  return out;
}

// The lower-cased class attribute split into tokens. The tokens are views into the attribute
// itself when it has no upper-case letter (most pages), else into a lower-cased copy owned here:
// no string per token (allocation was most of this reader's cost).
struct Tokens {
  std::vector<std::string_view> list;
  std::unique_ptr<char[]> lowered;  // on the heap, so that the views survive a move
  // Some token contains "comment": the many comment class names need not be looked for in the
  // other elements' classes (most of them; the lookups were half of this reader's cost).
  bool comment = false;
  auto begin() const { return list.begin(); }
  auto end() const { return list.end(); }
};

Tokens class_tokens(const Node* n) {
  Tokens out;
  const std::string* cls = n->attr("class");
  if (!cls) return out;
  std::string_view l = *cls;
  if (std::any_of(l.begin(), l.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    out.lowered = std::make_unique<char[]>(l.size());
    for (size_t i = 0; i < l.size(); ++i) out.lowered[i] = lower_ascii(l[i]);
    l = std::string_view(out.lowered.get(), l.size());
  }
  out.comment = contains(l, "comment");  // no space in "comment": in a token iff in the list
  size_t i = 0;
  while (i < l.size()) {
    while (i < l.size() && is_space(l[i])) ++i;
    size_t j = i;
    while (j < l.size() && !is_space(l[j])) ++j;
    if (j > i) out.list.push_back(l.substr(i, j - i));
    i = j;
  }
  return out;
}

bool has_token(const Tokens& tokens, std::string_view t) {
  return std::find(tokens.begin(), tokens.end(), t) != tokens.end();
}

std::string lower_id(const Node* n) {
  const std::string* id = n->attr("id");
  return id ? lower(*id) : std::string();
}

// "comment-123", "li-comment-123", "div-comment-123" -> true for the first two.
bool id_is_comment_number(std::string_view id) {
  for (std::string_view prefix : {"comment-", "li-comment-", "comment_", "post-"}) {
    if (id.size() > prefix.size() && id.substr(0, prefix.size()) == prefix) {
      std::string_view rest = id.substr(prefix.size());
      if (prefix == "post-") continue;  // too generic outside Disqus; handled there
      return std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; });
    }
  }
  return false;
}

int depth_class(const Tokens& tokens) {
  for (const auto& t : tokens) {
    if (t.size() > 6 && t.compare(0, 6, "depth-") == 0) {
      int v = 0;
      for (size_t i = 6; i < t.size() && i < 10; ++i) {
        if (t[i] < '0' || t[i] > '9') return 0;
        v = v * 10 + (t[i] - '0');
      }
      return v;
    }
  }
  return 0;
}

// A subtree that holds a comment thread.
bool is_thread_container(const Node* n, const Tokens& tokens,
                         const std::string& id) {
  if (n->is("body") || n->is("html") || n->is("main") || n->is("article")) return false;
  if (id == "comments" || id == "disqus_thread" || id == "commentaires" || id == "comment-list" ||
      id == "commentlist" || id == "comments-list" || id == "post-list" || id == "thecomments" ||
      id == "comments-area" || id == "reactions")
    return true;
  for (const auto& t : tokens) {
    if (t == "comment-list" || t == "commentlist" || t == "comments-list" || t == "comments" ||
        t == "comments-area" || t == "comment-area" || t == "comments-section" ||
        t == "comment-section" || t == "comments-container" || t == "commentaires" ||
        t == "post-list" || t == "comment-thread" || t == "comments-thread" ||
        t == "comment-threads" || t == "commentsarea")
      return true;
  }
  return false;
}

// A comment form (kept out of the article).
bool is_comment_form(const Node* n, const Tokens& tokens, const std::string& id) {
  if (id == "respond" || id == "commentform" || id == "comment-form" || id == "reply-title")
    return true;
  if (tokens.comment &&
      (has_token(tokens, "comment-respond") || has_token(tokens, "comment-form") ||
       has_token(tokens, "comment-reply-title") || has_token(tokens, "comments-form")))
    return true;
  if (n->is("form")) {
    if (const auto* action = n->attr("action"); action && contains(*action, "wp-comments-post"))
      return true;
  }
  return false;
}

// An element that separates a comment from its replies (WordPress ol.children, Disqus
// ul.children, "replies" wrappers).
bool is_reply_boundary(const Node* n, const Tokens& tokens) {
  if (n->is("ol") || n->is("ul")) return true;
  for (const auto& t : tokens)
    if (t == "children" || contains(t, "replies") || t == "reply-list" || t == "responses" ||
        t == "comment-replies" || t == "sub-comments" || t == "subcomments")
      return true;
  return false;
}

struct Frame {
  const Node* node;
  bool in_disqus;
  bool in_thread;
  int item;            // index of the innermost comment item, -1 if none
  bool boundary;       // a reply boundary lies between `item` and this node
};

struct Item {
  const Node* node;
  int parent;  // index into items, -1 if top level
  int depth;   // WordPress depth-N, 0 if not given
};

bool is_comment_item(const Node* n, const Tokens& tokens, const std::string& id,
                     const Frame& ctx) {
  if (n->is("form") || n->is("ol") || n->is("ul") || n->is("body") || n->is("html") ||
      n->is("main") || n->is("a") || n->is("span") || n->is("p") || n->is("time") ||
      n->is("img"))
    return false;
  if (const auto* it = n->attr("itemtype"); it && contains(lower(*it), "schema.org/comment"))
    return true;
  bool pingback = has_token(tokens, "pingback") || has_token(tokens, "trackback");
  if (pingback) return false;
  if (ctx.in_disqus && has_token(tokens, "post")) return true;
  if (tokens.comment &&
      (has_token(tokens, "comment") || has_token(tokens, "comment-item") ||
       has_token(tokens, "commentitem") || has_token(tokens, "c-comment") ||
       has_token(tokens, "comments__item") || has_token(tokens, "comment-list-item") ||
       has_token(tokens, "commentaire")))
    return true;
  if (id_is_comment_number(id) && (n->is("li") || n->is("div") || n->is("article")))
    return true;
  // A bare list item directly inside a comment list.
  if (n->is("li") && n->parent) {
    auto ptokens = class_tokens(n->parent);
    if (ptokens.comment && (has_token(ptokens, "comment-list") || has_token(ptokens, "commentlist"))) return true;
  }
  return false;
}

// Text of a subtree split into lines at block elements and <br>, skipping the nodes in `skip`.
std::string block_text(const Node* root, const std::unordered_set<const Node*>& skip,
                       const std::unordered_set<const Node*>* skip_too = nullptr) {
  static const std::unordered_set<std::string_view> kBlocks = {
      "p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "section",
      "article", "header", "footer", "ul", "ol", "table", "tr", "td", "dd", "dt", "figure"};
  std::vector<std::string> lines;
  std::string current;
  const Node* current_block = nullptr;
  auto flush = [&]() {
    std::string line = collapse(current);
    if (!line.empty()) lines.push_back(std::move(line));
    current.clear();
  };
  dom::walk(root, [&](const Node* n) {
    if (n != root && (skip.count(n) || (skip_too && skip_too->count(n)))) return false;
    if (n->is_element()) {
      if (n->is("script") || n->is("style") || n->is("noscript") || n->is("template") ||
          n->is("button") || n->is("svg") || n->is("form"))
        return false;
      if (n->is("br")) flush();
      return true;
    }
    if (!n->is_text()) return true;
    const Node* block = root;
    int hops = 0;
    for (const Node* a = n->parent; a && a != root && hops < 64; a = a->parent, ++hops) {
      if (kBlocks.count(a->tag)) {
        block = a;
        break;
      }
    }
    if (block != current_block) {
      flush();
      current_block = block;
    }
    current += n->text;
    return true;
  });
  flush();
  std::string out;
  for (const auto& l : lines) {
    if (!out.empty()) out += '\n';
    out += l;
  }
  return out;
}

// Removes "dit :", "says:", "Avatar de" and similar decorations around a commenter's name.
std::string clean_author(std::string s) {
  s = collapse(s);
  for (std::string_view prefix : {"Avatar de ", "Avatar of ", "Photo de ", "Par ", "By "}) {
    if (s.size() > prefix.size() && s.compare(0, prefix.size(), prefix) == 0)
      s = s.substr(prefix.size());
  }
  for (std::string_view suffix : {" dit :", " dit:", " dit", " says:", " says", " a dit :",
                                  " a écrit :", " a écrit", " wrote:", " :", ":"}) {
    if (s.size() > suffix.size() &&
        s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) {
      s = s.substr(0, s.size() - suffix.size());
      break;
    }
  }
  s = collapse(s);
  if (s.size() > 100) return {};
  return s;
}

bool class_has(const Tokens& tokens, std::initializer_list<std::string_view> subs) {
  for (const auto& t : tokens)
    for (auto s : subs)
      if (contains(t, s)) return true;
  return false;
}

struct Fields {
  const Node* author = nullptr;
  int author_prio = 100;
  std::string author_value;  // when taken from an attribute
  const Node* date = nullptr;
  int date_prio = 100;
  std::string date_value;
  const Node* content = nullptr;
  int content_prio = 100;
  std::unordered_set<const Node*> decorations;  // author, metadata and reply links
};

void read_fields(const Node* item, const std::unordered_set<const Node*>& item_nodes, Fields& f) {
  dom::walk(item, [&](const Node* n) {
    if (n != item && item_nodes.count(n)) return false;  // a reply: read on its own
    if (!n->is_element()) return true;
    if (n->is("script") || n->is("style") || n->is("form") || n->is("noscript")) return false;
    auto tokens = class_tokens(n);
    std::string id = lower_id(n);
    const std::string* itemprop = n->attr("itemprop");
    std::string ip = itemprop ? lower(*itemprop) : std::string();

    // Author.
    int ap = 100;
    if (class_has(tokens, {"comment-author", "comment__author", "comment-name", "commenter",
                           "author-name", "comment-username"}))
      ap = 1;
    else if (has_token(tokens, "fn") || ip == "author" || ip == "creator")
      ap = 0;
    else if (has_token(tokens, "author") || has_token(tokens, "username") ||
             has_token(tokens, "user-name") || has_token(tokens, "nickname") ||
             has_token(tokens, "post-byline") || has_token(tokens, "pseudo") ||
             has_token(tokens, "name"))
      ap = 2;
    else if (n->is("cite"))
      ap = 3;
    if (ap < 100) f.decorations.insert(n);
    if (ap < f.author_prio) {
      std::string t = dom::text_content(n);
      if (!clean_author(t).empty()) {
        f.author = n;
        f.author_prio = ap;
        f.author_value.clear();
      }
    }
    if (n->is("img") && f.author_prio > 4) {
      if (const auto* alt = n->attr("alt")) {
        std::string a = collapse(*alt);
        for (std::string_view prefix : {"Avatar de ", "Avatar of "}) {
          if (a.size() > prefix.size() && a.compare(0, prefix.size(), prefix) == 0) {
            f.author_value = a.substr(prefix.size());
            f.author = n;
            f.author_prio = 4;
          }
        }
      }
    }

    // Date.
    if (n->is("time")) {
      f.decorations.insert(n);
      if (f.date_prio > 0) {
        f.date = n;
        f.date_prio = 0;
        const std::string* dt = n->attr("datetime");
        f.date_value = dt ? *dt : dom::text_content(n);
      }
    } else if (ip == "datecreated" || ip == "datepublished") {
      f.decorations.insert(n);
      if (f.date_prio > 0) {
        const std::string* v = n->attr("content");
        if (!v) v = n->attr("datetime");
        f.date = n;
        f.date_prio = 0;
        f.date_value = v ? *v : dom::text_content(n);
      }
    } else if (has_token(tokens, "time-ago") || class_has(tokens, {"comment-date", "comment-time",
                                                                   "commentmetadata",
                                                                   "comment-metadata",
                                                                   "comment-meta", "timestamp",
                                                                   "post-meta", "date"})) {
      f.decorations.insert(n);
      const std::string* title = n->attr("title");
      int dp = title ? 1 : 2;
      if (dp < f.date_prio) {
        f.date = n;
        f.date_prio = dp;
        f.date_value = title ? *title : dom::text_content(n);
      }
    }

    // Reply links, actions, votes and avatars are not part of the text.
    if (class_has(tokens, {"reply", "repondre", "comment-actions", "comment-footer", "vote",
                           "avatar", "post-menu", "comment-tools", "edit-link", "says",
                           "moderation", "awaiting"}) ||
        n->is("button") || n->is("footer") || (n->is("header") && n != item))
      f.decorations.insert(n);

    // Content.
    int cp = 100;
    if (ip == "text" || ip == "commenttext" ||
        class_has(tokens, {"comment-content", "comment_content", "comment-text", "commenttext",
                           "comment__content", "comment__text", "post-message", "comment-message",
                           "comment-entry", "comment-body-text", "comment_text"}))
      cp = 0;
    else if (has_token(tokens, "comment-body") || has_token(tokens, "commentbody") ||
             has_token(tokens, "post-body") || has_token(tokens, "message"))
      cp = 1;
    if (cp < f.content_prio) {
      f.content = n;
      f.content_prio = cp;
      // A content element holds no author: stop looking inside for better content.
    }
    return true;
  });
}

}  // namespace

CommentThread extract_html_comments(const dom::Dom& dom) {
  CommentThread thread;
  std::vector<Item> items;
  std::vector<const Node*> containers;
  std::vector<Frame> path;
  dom::walk(dom.root(), [&](const Node* n) {
    if (!n->is_element() && n->type != dom::NodeType::kDocument) return false;
    while (!path.empty() && path.back().node->depth >= n->depth) path.pop_back();
    Frame parent = path.empty() ? Frame{nullptr, false, false, -1, false} : path.back();
    if (n->type == dom::NodeType::kDocument) {
      path.push_back({n, false, false, -1, false});
      return true;
    }
    if (n->is("script") || n->is("style") || n->is("template") || n->is("head")) return false;
    auto tokens = class_tokens(n);
    std::string id = lower_id(n);
    Frame f{n, parent.in_disqus, parent.in_thread, parent.item, parent.boundary};
    if (id == "disqus_thread" || has_token(tokens, "post-list") || id == "post-list")
      f.in_disqus = true;
    bool container = is_thread_container(n, tokens, id);
    if (container) f.in_thread = true;
    if (is_comment_form(n, tokens, id)) {
      containers.push_back(n);
      return false;  // nothing to read in a form
    }
    if (container && id != "post-list" && !parent.in_thread) containers.push_back(n);
    if (is_comment_item(n, tokens, id, f)) {
      bool nested_same = parent.item >= 0 && !parent.boundary;
      if (!nested_same) {
        // Outside a thread container, accept only strong markup.
        bool strong = f.in_thread || f.in_disqus || depth_class(tokens) > 0 ||
                      id_is_comment_number(id) || n->attr("itemtype") != nullptr;
        if (strong) {
          items.push_back({n, parent.item, depth_class(tokens)});
          f.item = static_cast<int>(items.size()) - 1;
          f.boundary = false;
          if (!f.in_thread) containers.push_back(n);
        }
      }
    } else if (f.item >= 0 && is_reply_boundary(n, tokens)) {
      f.boundary = true;
    }
    path.push_back(f);
    return true;
  });

  std::unordered_set<const Node*> item_nodes;
  for (const auto& it : items) item_nodes.insert(it.node);

  // Flat lists that only mark nesting with depth-N classes.
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].parent >= 0 || items[i].depth <= 1) continue;
    for (size_t j = i; j-- > 0;) {
      if (items[j].depth == items[i].depth - 1) {
        items[i].parent = static_cast<int>(j);
        break;
      }
      if (items[j].depth > 0 && items[j].depth < items[i].depth - 1) break;
    }
  }

  // Read each item; drop empty ones and renumber.
  std::vector<int> new_id(items.size(), 0);
  for (size_t i = 0; i < items.size(); ++i) {
    Fields f;
    read_fields(items[i].node, item_nodes, f);
    std::string text;
    if (f.content && f.content_prio == 0) {
      text = block_text(f.content, item_nodes);
    } else {
      // Outside a dedicated content element, leave out the author line, dates and reply links.
      const Node* root = f.content ? f.content : items[i].node;
      f.decorations.erase(root);
      text = block_text(root, item_nodes, &f.decorations);
    }
    if (text.empty()) continue;
    Comment c;
    c.id = static_cast<int>(thread.comments.size()) + 1;
    if (items[i].parent >= 0 && new_id[static_cast<size_t>(items[i].parent)] > 0)
      c.parent = new_id[static_cast<size_t>(items[i].parent)];
    if (f.author) {
      std::string name;
      if (!f.author_value.empty()) {
        name = f.author_value;
      } else {
        // Inside "comment-author", the name is in .fn / itemprop=name / a link when present.
        const Node* best = nullptr;
        dom::walk(f.author, [&](const Node* n) {
          if (best) return false;
          if (!n->is_element() || n == f.author) return true;
          auto tokens = class_tokens(n);
          const std::string* ip = n->attr("itemprop");
          if (has_token(tokens, "fn") || (ip && lower(*ip) == "name") || has_token(tokens, "author") ||
              has_token(tokens, "name")) {
            best = n;
            return false;
          }
          return true;
        });
        name = dom::text_content(best ? best : f.author);
      }
      name = clean_author(name);
      if (!name.empty()) c.author = name;
    }
    if (!f.date_value.empty()) {
      if (auto d = normalize_date(f.date_value)) {
        c.date = *d;
      } else {
        std::string raw = collapse(f.date_value);
        bool digit = std::any_of(raw.begin(), raw.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
        if (digit && raw.size() <= 60) c.date = raw;
      }
    }
    c.text = std::move(text);
    new_id[i] = c.id;
    thread.comments.push_back(std::move(c));
  }

  // Containers: drop those inside another container, keep page order.
  std::unordered_set<const Node*> set(containers.begin(), containers.end());
  for (const Node* c : containers) {
    bool nested = false;
    int hops = 0;
    for (const Node* a = c->parent; a && hops < 4096; a = a->parent, ++hops)
      if (set.count(a)) {
        nested = true;
        break;
      }
    if (!nested &&
        std::find(thread.containers.begin(), thread.containers.end(), c) == thread.containers.end())
      thread.containers.push_back(c);
  }
  // A thread container with no comment items but holding the page's <h1> is a false positive.
  std::vector<const Node*> kept;
  for (const Node* c : thread.containers) {
    bool has_h1 = false;
    dom::walk(c, [&](const Node* n) {
      if (has_h1) return false;
      if (n->is("h1")) has_h1 = true;
      return !has_h1;
    });
    if (!has_h1) kept.push_back(c);
  }
  thread.containers.swap(kept);
  return thread;
}

}  // namespace veille
