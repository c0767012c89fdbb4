#include "extract/html_content.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/html_comments.h"
#include "extract/metadata.h"

namespace veille {
namespace {

using dom::Node;

// ---- what tags are ------------------------------------------------------------------------

enum class TagRole : uint8_t {
  kInline,      // text flows through: a, span, em, ...
  kBlock,       // starts and ends a block: p, div, section, ...
  kSkip,        // never text: script, style, svg, button, ...
  kHeading,     // h1..h6
  kList,        // ul, ol, dl
  kListItem,    // li, dt, dd
  kTable,       // table
  kRow,         // tr
  kCell,        // td, th
  kQuote,       // blockquote
  kPre,         // pre: whitespace kept
  kBreak,       // br
  kLink,        // a
  kFigcaption,  // figcaption
};

struct TagInfo {
  std::string_view name;
  TagRole role;
};

// Sorted by name (tag_role scans the run of names with the same first byte). Tags not listed
// are blocks (unknown custom elements are usually layout wrappers), except those with a '-'
// which are treated the same way.
constexpr std::array kTags = std::to_array<TagInfo>({
    {"a", TagRole::kLink},          {"abbr", TagRole::kInline},     {"acronym", TagRole::kInline},
    {"applet", TagRole::kSkip},     {"audio", TagRole::kSkip},      {"b", TagRole::kInline},
    {"bdi", TagRole::kInline},      {"bdo", TagRole::kInline},      {"big", TagRole::kInline},
    {"blockquote", TagRole::kQuote}, {"br", TagRole::kBreak},       {"button", TagRole::kBlock},
    {"canvas", TagRole::kSkip},     {"cite", TagRole::kInline},     {"code", TagRole::kInline},
    {"data", TagRole::kInline},     {"datalist", TagRole::kSkip},   {"dd", TagRole::kListItem},
    {"del", TagRole::kInline},      {"dfn", TagRole::kInline},      {"dialog", TagRole::kBlock},
    {"dl", TagRole::kList},         {"dt", TagRole::kListItem},     {"em", TagRole::kInline},
    {"embed", TagRole::kSkip},      {"figcaption", TagRole::kFigcaption}, {"font", TagRole::kInline},
    {"frame", TagRole::kSkip},      {"frameset", TagRole::kSkip},   {"h1", TagRole::kHeading},
    {"h2", TagRole::kHeading},      {"h3", TagRole::kHeading},      {"h4", TagRole::kHeading},
    {"h5", TagRole::kHeading},      {"h6", TagRole::kHeading},      {"head", TagRole::kSkip},
    {"i", TagRole::kInline},        {"iframe", TagRole::kSkip},     {"img", TagRole::kInline},
    {"input", TagRole::kSkip},      {"ins", TagRole::kInline},      {"kbd", TagRole::kInline},
    {"label", TagRole::kInline},    {"li", TagRole::kListItem},     {"link", TagRole::kSkip},
    {"map", TagRole::kSkip},        {"mark", TagRole::kInline},     {"math", TagRole::kSkip},
    {"meta", TagRole::kSkip},       {"meter", TagRole::kSkip},      {"nobr", TagRole::kInline},
    {"noframes", TagRole::kSkip},   {"noscript", TagRole::kBlock},   {"object", TagRole::kSkip},
    {"ol", TagRole::kList},         {"optgroup", TagRole::kSkip},   {"option", TagRole::kSkip},
    {"output", TagRole::kSkip},     {"picture", TagRole::kInline},  {"pre", TagRole::kPre},
    {"progress", TagRole::kSkip},   {"q", TagRole::kInline},        {"rp", TagRole::kInline},
    {"rt", TagRole::kInline},       {"ruby", TagRole::kInline},     {"s", TagRole::kInline},
    {"samp", TagRole::kInline},     {"script", TagRole::kSkip},     {"select", TagRole::kSkip},
    {"small", TagRole::kInline},    {"source", TagRole::kSkip},     {"span", TagRole::kInline},
    {"strike", TagRole::kInline},   {"strong", TagRole::kInline},   {"style", TagRole::kSkip},
    {"sub", TagRole::kInline},      {"sup", TagRole::kInline},      {"svg", TagRole::kSkip},
    {"table", TagRole::kTable},     {"td", TagRole::kCell},         {"template", TagRole::kSkip},
    {"textarea", TagRole::kSkip},   {"th", TagRole::kCell},         {"time", TagRole::kInline},
    {"title", TagRole::kSkip},      {"tr", TagRole::kRow},          {"track", TagRole::kSkip},
    {"tt", TagRole::kInline},       {"u", TagRole::kInline},        {"ul", TagRole::kList},
    {"var", TagRole::kInline},      {"video", TagRole::kSkip},      {"wbr", TagRole::kInline},
});

static_assert([] {
  for (size_t i = 1; i < kTags.size(); ++i)
    if (!(kTags[i - 1].name < kTags[i].name)) return false;
  return true;
}());

TagRole tag_role(std::string_view tag) {
  // The names starting with each byte are contiguous in the sorted table: scan that run only,
  // comparing lengths first (a binary search called memcmp about 8 times per element).
  static const std::array<std::pair<uint16_t, uint16_t>, 256> kRuns = [] {
    std::array<std::pair<uint16_t, uint16_t>, 256> r{};
    for (size_t i = kTags.size(); i-- > 0;) {
      auto& run = r[static_cast<unsigned char>(kTags[i].name[0])];
      if (run.second == 0) run.second = static_cast<uint16_t>(i + 1);
      run.first = static_cast<uint16_t>(i);
    }
    return r;
  }();
  if (tag.empty()) return TagRole::kBlock;
  const auto [begin, end] = kRuns[static_cast<unsigned char>(tag[0])];
  for (size_t i = begin; i < end; ++i)
    if (dom::same_name(kTags[i].name, tag)) return kTags[i].role;
  return TagRole::kBlock;
}

// ---- what class/id/role markup says -------------------------------------------------------

enum class Evidence : uint8_t {
  kNone,
  kPositive,     // article, main, itemprop=articleBody, class "entry-content", ...
  kNavigation,   // nav, menu, breadcrumb, pagination, search
  kAd,           // ad, advert, sponsor, promo
  kBoilerplate,  // footer, sidebar, share, related, newsletter, cookie, ...
  kCommentForm,  // comment sections and reply forms
  kWeakChrome,   // header, button, widget, banner, popup: chrome unless the subtree reads as prose
  kHidden,       // hidden, aria-hidden, display:none: not shown to readers
};

// Where a class word counts: anywhere in a class token ("site-footer", "main-nav") or only as
// its first word ("widget-area" but not "elementor-widget", a page-builder term for any box).
enum class WordPlace : uint8_t { kAnywhere, kFirst };

struct WordEvidence {
  std::string_view word;
  Evidence evidence;
  WordPlace place;
};

// Words of id/class tokens (split on anything not a letter or digit). Sorted for binary search.
constexpr std::array kClassWords = std::to_array<WordEvidence>({
    {"ad", Evidence::kAd, WordPlace::kAnywhere},
    {"addthis", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"ads", Evidence::kAd, WordPlace::kAnywhere},
    {"adsbygoogle", Evidence::kAd, WordPlace::kAnywhere},
    {"adslot", Evidence::kAd, WordPlace::kAnywhere},
    {"adunit", Evidence::kAd, WordPlace::kAnywhere},
    {"advert", Evidence::kAd, WordPlace::kAnywhere},
    {"advertisement", Evidence::kAd, WordPlace::kAnywhere},
    {"advertising", Evidence::kAd, WordPlace::kAnywhere},
    {"adverts", Evidence::kAd, WordPlace::kAnywhere},
    {"annonce", Evidence::kAd, WordPlace::kAnywhere},
    {"annonces", Evidence::kAd, WordPlace::kAnywhere},
    {"article", Evidence::kPositive, WordPlace::kAnywhere},
    {"articlebody", Evidence::kPositive, WordPlace::kAnywhere},
    {"auteur", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"bandeau", Evidence::kWeakChrome, WordPlace::kFirst},
    {"breadcrumb", Evidence::kNavigation, WordPlace::kAnywhere},
    {"breadcrumbs", Evidence::kNavigation, WordPlace::kAnywhere},
    {"byline", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"comment", Evidence::kCommentForm, WordPlace::kAnywhere},
    {"commentform", Evidence::kCommentForm, WordPlace::kAnywhere},
    {"commentlist", Evidence::kCommentForm, WordPlace::kAnywhere},
    {"comments", Evidence::kCommentForm, WordPlace::kAnywhere},
    {"consent", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"content", Evidence::kPositive, WordPlace::kAnywhere},
    {"cookie", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"cookies", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"copyright", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"disqus", Evidence::kCommentForm, WordPlace::kAnywhere},
    {"entry", Evidence::kPositive, WordPlace::kAnywhere},
    {"footer", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"gdpr", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"hentry", Evidence::kPositive, WordPlace::kAnywhere},
    {"masthead", Evidence::kWeakChrome, WordPlace::kAnywhere},
    {"menu", Evidence::kNavigation, WordPlace::kAnywhere},
    {"modal", Evidence::kWeakChrome, WordPlace::kFirst},
    {"nav", Evidence::kNavigation, WordPlace::kAnywhere},
    {"navbar", Evidence::kNavigation, WordPlace::kAnywhere},
    {"navigation", Evidence::kNavigation, WordPlace::kAnywhere},
    {"newsletter", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"onetrust", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"optin", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"outbrain", Evidence::kAd, WordPlace::kAnywhere},
    {"pagination", Evidence::kNavigation, WordPlace::kAnywhere},
    {"partage", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"pied", Evidence::kBoilerplate, WordPlace::kFirst},
    {"popular", Evidence::kWeakChrome, WordPlace::kFirst},
    {"popup", Evidence::kWeakChrome, WordPlace::kFirst},
    {"post", Evidence::kPositive, WordPlace::kAnywhere},
    {"postprofile", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"promo", Evidence::kWeakChrome, WordPlace::kFirst},
    {"prose", Evidence::kPositive, WordPlace::kAnywhere},
    {"publicite", Evidence::kAd, WordPlace::kAnywhere},
    {"recommended", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"related", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"respond", Evidence::kCommentForm, WordPlace::kAnywhere},
    {"share", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"sharedaddy", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"sharing", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"sidebar", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"signature", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"signup", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"social", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"sponsor", Evidence::kAd, WordPlace::kAnywhere},
    {"sponsored", Evidence::kAd, WordPlace::kAnywhere},
    {"story", Evidence::kPositive, WordPlace::kAnywhere},
    {"subscribe", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"taboola", Evidence::kAd, WordPlace::kAnywhere},
    {"toolbar", Evidence::kNavigation, WordPlace::kAnywhere},
    {"trending", Evidence::kWeakChrome, WordPlace::kFirst},
    // A forum poster's panel: rank, badges, join date, message count (XenForo, phpBB).
    {"userbanner", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"userextras", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"userstats", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"usertitle", Evidence::kBoilerplate, WordPlace::kAnywhere},
    {"widget", Evidence::kWeakChrome, WordPlace::kFirst},
    {"widgets", Evidence::kWeakChrome, WordPlace::kFirst},
});

static_assert([] {
  for (size_t i = 1; i < kClassWords.size(); ++i)
    if (!(kClassWords[i - 1].word < kClassWords[i].word)) return false;
  return true;
}());

bool is_negative(Evidence e) {
  return e != Evidence::kNone && e != Evidence::kPositive && e != Evidence::kHidden;
}

RemovedKind removed_kind_for(Evidence e) {
  switch (e) {
    case Evidence::kNavigation: return RemovedKind::kNavigation;
    case Evidence::kAd: return RemovedKind::kAd;
    case Evidence::kCommentForm: return RemovedKind::kCommentForm;
    default: return RemovedKind::kBoilerplate;
  }
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

bool icontains(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (iequals(hay.substr(i, needle.size()), needle)) return true;
  return false;
}

// Whether n.id_and_class() contains `word` (lower case, no space), without building that string
// for every element: the word cannot straddle the space that joins the id and the class.
bool id_or_class_contains(const Node& n, std::string_view word) {
  const std::string* id = nullptr;
  const std::string* cls = nullptr;
  for (const auto& a : n.attrs) {  // the same first "id" and first "class" as id_and_class()
    if (!id && dom::same_name(a.name, "id")) id = &a.value;
    else if (!cls && dom::same_name(a.name, "class")) cls = &a.value;
  }
  return (id && icontains(*id, word)) || (cls && icontains(*cls, word));
}

bool taxonomy_prefix(std::string_view token, std::string_view prefix) {
  return token.size() > prefix.size() && iequals(token.substr(0, prefix.size()), prefix);
}

// Evidence from the words of an id or class value. Negative words win over positive ones
// ("comment-content" is a comment, "entry-footer" a footer).
Evidence class_evidence(std::string_view value, Evidence so_far) {
  Evidence result = so_far;
  char word[32];
  size_t len = 0;
  bool overlong = false;
  int word_in_token = 0;  // position of the current word inside its whitespace-separated token
  auto finish = [&] {
    if (len > 0 && !overlong) {
      std::string_view w(word, len);
      auto it = std::lower_bound(kClassWords.begin(), kClassWords.end(), w,
                                 [](const WordEvidence& e, std::string_view n) { return e.word < n; });
      if (it != kClassWords.end() && it->word == w &&
          (it->place == WordPlace::kAnywhere || word_in_token == 0)) {
        Evidence e = it->evidence;
        if (is_negative(e)) {
          if (!is_negative(result) || (result == Evidence::kWeakChrome && e != Evidence::kWeakChrome))
            result = e;
        } else if (result == Evidence::kNone) {
          result = e;
        }
      }
    }
    if (len > 0) ++word_in_token;
    len = 0;
    overlong = false;
  };
  for (size_t i = 0; i < value.size(); ++i) {
    char c = ascii_lower(value[i]);
    // WordPress names a post's categories and tags in its classes ("category-social-security",
    // "tag-newsletter"): the site's topics, not what the element is.
    if (word_in_token == 0 && len == 0 && (i == 0 || value[i - 1] == ' ' || value[i - 1] == '\t') &&
        (taxonomy_prefix(value.substr(i), "category-") || taxonomy_prefix(value.substr(i), "tag-"))) {
      while (i < value.size() && value[i] != ' ' && value[i] != '\t' && value[i] != '\n') ++i;
      continue;
    }
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (len < sizeof word) word[len++] = c; else overlong = true;
    } else {
      finish();
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') word_in_token = 0;
    }
  }
  finish();
  return result;
}

// True when a class attribute holds the exact token `token` (whitespace separated).
bool has_class_token(std::string_view classes, std::string_view token) {
  size_t i = 0;
  while (i < classes.size()) {
    while (i < classes.size() && (classes[i] == ' ' || classes[i] == '\t' || classes[i] == '\n')) ++i;
    size_t start = i;
    while (i < classes.size() && !(classes[i] == ' ' || classes[i] == '\t' || classes[i] == '\n')) ++i;
    if (iequals(classes.substr(start, i - start), token)) return true;
  }
  return false;
}

// True when a class attribute holds `word` (lower-case) as a whole word of one of its tokens
// ("reviews", "product-reviews", "reviews_list"; not "previews").
bool has_class_word(std::string_view classes, std::string_view word) {
  size_t i = 0;
  while (i < classes.size()) {
    while (i < classes.size() && !std::isalnum(static_cast<unsigned char>(classes[i]))) ++i;
    size_t start = i;
    while (i < classes.size() && std::isalnum(static_cast<unsigned char>(classes[i]))) ++i;
    if (iequals(classes.substr(start, i - start), word)) return true;
  }
  return false;
}

// French sites call an ad slot "pub" ("pub", "pub-milieu", "bloc-pub"). Only whole tokens and
// single-hyphen compounds count: BEM class names such as "pub__link" (IKEA's "pub" component
// library) are not ads.
bool french_ad_class(std::string_view classes) {
  size_t i = 0;
  while (i < classes.size()) {
    while (i < classes.size() && (classes[i] == ' ' || classes[i] == '\t' || classes[i] == '\n')) ++i;
    size_t start = i;
    while (i < classes.size() && !(classes[i] == ' ' || classes[i] == '\t' || classes[i] == '\n')) ++i;
    std::string_view t = classes.substr(start, i - start);
    if (t.find("__") != std::string_view::npos || t.find("--") != std::string_view::npos) continue;
    if (iequals(t, "pub") || (t.size() > 4 && iequals(t.substr(0, 4), "pub-")) ||
        (t.size() > 4 && iequals(t.substr(t.size() - 4), "-pub")))
      return true;
  }
  return false;
}

bool style_hides(std::string_view style) {
  std::string compact;
  for (char c : style)
    if (c != ' ' && c != '\t' && c != '\n') compact += ascii_lower(c);
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

Evidence element_evidence(const Node& n, TagRole role, bool product_page) {
  Evidence e = Evidence::kNone;
  const std::string& tag = n.tag;
  if (dom::same_name(tag, "nav") || dom::same_name(tag, "menu")) e = Evidence::kNavigation;
  else if (dom::same_name(tag, "button") || dom::same_name(tag, "header")) e = Evidence::kWeakChrome;
  else if (dom::same_name(tag, "dialog")) e = Evidence::kBoilerplate;
  // What a browser without scripts shows; some sites (Discourse) put their whole content there.
  // Hidden unless it holds most of the page's prose.
  else if (dom::same_name(tag, "noscript")) e = Evidence::kHidden;
  else if (dom::same_name(tag, "footer") || dom::same_name(tag, "aside")) e = Evidence::kBoilerplate;
  else if (dom::same_name(tag, "article") || dom::same_name(tag, "main")) e = Evidence::kPositive;
  (void)role;
  for (const auto& a : n.attrs) {
    const std::string& name = a.name;
    if (name == "class") {
      if (has_class_token(a.value, "hidden") || has_class_token(a.value, "sr-only") ||
          has_class_token(a.value, "screen-reader-text") || has_class_token(a.value, "visually-hidden"))
        return Evidence::kHidden;
      e = class_evidence(a.value, e);
      // An <article> element whose class also names chrome ("newsletter-post", "post-footer" is
      // not an article) is the article when it reads as prose.
      if (dom::same_name(tag, "article") && e == Evidence::kBoilerplate) e = Evidence::kWeakChrome;
      // Search facets ("facets__item", "facet-checkbox") are filters over a listing; they are
      // chrome unless they read as prose (some sites call their layout rows "facet-row").
      if (!is_negative(e) && (has_class_word(a.value, "facet") || has_class_word(a.value, "facets")))
        e = Evidence::kWeakChrome;
      if (!is_negative(e) && french_ad_class(a.value)) e = Evidence::kAd;
      // Customer reviews and carousels of other products on a product page are not the
      // product's description; on other pages they may be the content (a review site,
      // testimonials, a gallery).
      if (!is_negative(e) && product_page &&
          (has_class_word(a.value, "reviews") || has_class_word(a.value, "carousel")))
        e = Evidence::kBoilerplate;
    } else if (name == "id") {
      e = class_evidence(a.value, e);
    } else if (name == "hidden") {
      return Evidence::kHidden;
    } else if (name == "aria-hidden") {
      if (iequals(a.value, "true")) return Evidence::kHidden;
    } else if (name == "style") {
      if (style_hides(a.value)) return Evidence::kHidden;
    } else if (name == "role") {
      if (iequals(a.value, "navigation") || iequals(a.value, "menu") || iequals(a.value, "menubar") ||
          iequals(a.value, "search"))
        e = Evidence::kNavigation;
      else if (iequals(a.value, "contentinfo") || iequals(a.value, "complementary") ||
               iequals(a.value, "dialog"))
        e = Evidence::kBoilerplate;
      else if (iequals(a.value, "banner") && !is_negative(e))
        e = Evidence::kWeakChrome;
      else if ((iequals(a.value, "main") || iequals(a.value, "article")) && !is_negative(e))
        e = Evidence::kPositive;
    } else if (name == "itemprop") {
      if (icontains(a.value, "articlebody") || iequals(a.value, "text")) return Evidence::kPositive;
    }
  }
  return e;
}

constexpr uint8_t kIsStructural = 1;
constexpr uint8_t kHasStructuralInside = 2;

// ---- text blocks ----------------------------------------------------------------------------

struct TextBlock {
  std::string text;
  BlockKind kind = BlockKind::kParagraph;
  uint32_t owner = 0;  // index of the innermost block-level element holding the block
  uint32_t chars = 0;  // non-space bytes
  uint32_t link_chars = 0;
  uint32_t words = 0;
  uint32_t sentence_marks = 0;  // . ! ? ; and commas: evidence of prose
  bool caption = false;
  bool home_link = false;  // holds a link to the site's home page (a logo, the site's name)
  double value = 0;
};

// Whether `href` points at the home page of the site at `page_host` ("/", "https://host/").
bool home_href(std::string_view href, std::string_view page_host) {
  while (!href.empty() && (href.front() == ' ' || href.front() == '\n' || href.front() == '\t'))
    href.remove_prefix(1);
  while (!href.empty() && (href.back() == ' ' || href.back() == '\n' || href.back() == '\t'))
    href.remove_suffix(1);
  if (href == "/") return true;
  if (page_host.empty()) return false;
  size_t scheme = href.find("://");
  if (scheme == std::string_view::npos) return false;
  std::string_view rest = href.substr(scheme + 3);
  if (rest.size() > 4 && iequals(rest.substr(0, 4), "www.")) rest.remove_prefix(4);
  if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  return iequals(rest, page_host);
}

// Cuts the subtree under `start` into TextBlocks, in document order.
class Linearizer {
 public:
  Linearizer(const std::vector<TagRole>& roles, const std::vector<uint8_t>& skip,
             const std::vector<uint8_t>& structural, const std::vector<uint32_t>& max_cell_chars,
             std::string_view page_host)
      : roles_(roles), skip_(skip), structural_(structural), max_cell_chars_(max_cell_chars), page_host_(page_host) {}

  std::vector<TextBlock> run(const Node* start) {
    struct Frame {
      const Node* node;
      bool exiting;
    };
    std::vector<Frame> stack{{start, false}};
    while (!stack.empty()) {
      Frame f = stack.back();
      stack.pop_back();
      const Node* n = f.node;
      if (n->is_text()) {
        add_text(n->text);
        continue;
      }
      if (n->type == dom::NodeType::kDocument) {
        for (auto it = n->children.rbegin(); it != n->children.rend(); ++it) stack.push_back({*it, false});
        continue;
      }
      TagRole role = roles_[n->index];
      if (f.exiting) {
        leave(n, role);
        continue;
      }
      if (skip_[n->index] || role == TagRole::kSkip) continue;
      enter(n, role);
      stack.push_back({n, true});
      for (auto it = n->children.rbegin(); it != n->children.rend(); ++it) stack.push_back({*it, false});
    }
    flush();
    return std::move(blocks_);
  }

 private:
  bool in_list() const { return list_root_ != UINT32_MAX; }
  bool in_row_table() const { return row_table_ != UINT32_MAX; }

  void enter(const Node* n, TagRole role) {
    switch (role) {
      case TagRole::kInline:
        return;
      case TagRole::kLink:
        ++link_depth_;
        if (const std::string* href = n->attr("href"); href && home_href(*href, page_host_)) home_link_ = true;
        return;
      case TagRole::kBreak:
        if (in_list() || in_row_table() || pre_depth_ > 0) {
          if (pre_depth_ > 0) buf_ += '\n'; else pending_space_ = true;
          return;
        }
        // One <br> is a line break inside the block; two in a row end the block (pages that put
        // their paragraphs in a <div> separated by <br><br>).
        if (line_has_text_) {
          buf_ += '\n';
          line_has_text_ = false;
          pending_space_ = false;
        } else {
          flush();
        }
        return;
      default:
        break;
    }
    if (in_list()) {
      if (role == TagRole::kListItem) new_line();
      else pending_space_ = true;
      return;
    }
    if (in_row_table()) {
      if (role == TagRole::kRow) {
        flush();
        open_.push_back(n->index);
      } else if (role == TagRole::kCell) {
        if (!buf_.empty()) {
          buf_ += " | ";
          pending_space_ = false;
        }
      } else {
        pending_space_ = true;
      }
      return;
    }
    flush();
    open_.push_back(n->index);
    switch (role) {
      case TagRole::kHeading: ++heading_depth_; break;
      case TagRole::kQuote: ++quote_depth_; break;
      case TagRole::kPre: ++pre_depth_; break;
      case TagRole::kFigcaption: ++caption_depth_; break;
      case TagRole::kList:
        if (!(structural_[n->index] & kHasStructuralInside)) list_root_ = n->index;
        break;
      case TagRole::kTable:
        if (!(structural_[n->index] & kHasStructuralInside) && max_cell_chars_[n->index] < 400)
          row_table_ = n->index;
        break;
      default: break;
    }
  }

  void leave(const Node* n, TagRole role) {
    switch (role) {
      case TagRole::kInline:
      case TagRole::kBreak:
        return;
      case TagRole::kLink:
        --link_depth_;
        return;
      default:
        break;
    }
    if (in_list() && n->index != list_root_) {
      pending_space_ = true;
      return;
    }
    if (in_row_table() && n->index != row_table_) {
      if (role == TagRole::kRow) {
        flush();
        if (!open_.empty()) open_.pop_back();
      } else {
        pending_space_ = true;
      }
      return;
    }
    flush();
    if (!open_.empty()) open_.pop_back();
    switch (role) {
      case TagRole::kHeading: --heading_depth_; break;
      case TagRole::kQuote: --quote_depth_; break;
      case TagRole::kPre: --pre_depth_; break;
      case TagRole::kFigcaption: --caption_depth_; break;
      default: break;
    }
    if (n->index == list_root_) list_root_ = UINT32_MAX;
    if (n->index == row_table_) row_table_ = UINT32_MAX;
  }

  void new_line() {
    // Drop trailing spaces of the previous item, then start a new line if it had text.
    while (!buf_.empty() && buf_.back() == ' ') buf_.pop_back();
    if (line_has_text_) buf_ += '\n';
    line_has_text_ = false;
    pending_space_ = false;
  }

  static bool is_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

  void add_text(const std::string& text) {
    const size_t n = text.size();
    const char* s = text.data();
    if (pre_depth_ > 0) {
      for (size_t i = 0; i < n; ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '\r') continue;
        buf_ += static_cast<char>(c);
        if (!is_space(c)) count_char(c);
        if (c == '\n') line_has_text_ = false;
      }
      if (n) { prev_space_ = is_space(static_cast<unsigned char>(s[n - 1])); }
      return;
    }
    for (size_t i = 0; i < n; ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (is_space(c)) {
        pending_space_ = true;
        continue;
      }
      if (c == 0xC2 && i + 1 < n && static_cast<unsigned char>(s[i + 1]) == 0xA0) {  // U+00A0
        pending_space_ = true;
        ++i;
        continue;
      }
      if (pending_space_ || (c < 0x80 && prev_space_)) {
        if (line_has_text_ && !buf_.empty() && buf_.back() != '\n' && buf_.back() != ' ') buf_ += ' ';
        if (line_has_text_ || !buf_.empty()) ++words_;
        pending_space_ = false;
      }
      if (buf_.empty() || !line_has_text_) {
        if (words_ == 0) words_ = 1;
      }
      prev_space_ = false;
      line_has_text_ = true;
      // The rest of this run of non-space bytes changes nothing but the buffer and the counts:
      // append it in one go (a byte-by-byte append was the linearizer's main cost).
      size_t j = i + 1;
      uint32_t marks = c == '.' || c == '!' || c == '?' || c == ',' || c == ';';
      while (j < n) {
        unsigned char d = static_cast<unsigned char>(s[j]);
        if (is_space(d) || (d == 0xC2 && j + 1 < n && static_cast<unsigned char>(s[j + 1]) == 0xA0)) break;
        marks += d == '.' || d == '!' || d == '?' || d == ',' || d == ';';
        ++j;
      }
      const uint32_t len = static_cast<uint32_t>(j - i);
      buf_.append(s + i, len);
      chars_ += len;
      if (link_depth_ > 0) link_chars_ += len;
      marks_ += marks;
      i = j - 1;
    }
  }

  void count_char(unsigned char c) {
    ++chars_;
    if (link_depth_ > 0) ++link_chars_;
    if (c == '.' || c == '!' || c == '?' || c == ',' || c == ';') ++marks_;
  }

  void flush() {
    while (!buf_.empty() && (buf_.back() == ' ' || buf_.back() == '\n')) buf_.pop_back();
    if (chars_ > 0 && !buf_.empty()) {
      TextBlock b;
      b.text = buf_;  // a copy of the exact size; buf_ keeps its capacity for the next block
      b.owner = open_.empty() ? 0 : open_.back();
      b.chars = chars_;
      b.link_chars = link_chars_;
      b.words = std::max<uint32_t>(words_, 1);
      b.sentence_marks = marks_;
      b.caption = caption_depth_ > 0;
      b.home_link = home_link_;
      if (in_list()) b.kind = BlockKind::kList;
      else if (heading_depth_ > 0) b.kind = BlockKind::kHeading;
      else if (quote_depth_ > 0) b.kind = BlockKind::kQuote;
      else b.kind = BlockKind::kParagraph;
      blocks_.push_back(std::move(b));
    }
    buf_.clear();
    chars_ = link_chars_ = words_ = marks_ = 0;
    home_link_ = false;
    pending_space_ = false;
    line_has_text_ = false;
  }

  const std::vector<TagRole>& roles_;
  const std::vector<uint8_t>& skip_;
  const std::vector<uint8_t>& structural_;
  const std::vector<uint32_t>& max_cell_chars_;
  std::string_view page_host_;

  std::vector<TextBlock> blocks_;
  std::vector<uint32_t> open_;  // block-level elements entered and not yet left
  std::string buf_;
  uint32_t chars_ = 0, link_chars_ = 0, words_ = 0, marks_ = 0;
  bool pending_space_ = false, prev_space_ = false, line_has_text_ = false, home_link_ = false;
  int link_depth_ = 0, heading_depth_ = 0, quote_depth_ = 0, pre_depth_ = 0, caption_depth_ = 0;
  uint32_t list_root_ = UINT32_MAX;  // a ul/ol/dl being gathered into one list block
  uint32_t row_table_ = UINT32_MAX;  // a data table whose rows become one block each
};

// ---- scoring --------------------------------------------------------------------------------

// How much a block looks like article prose (positive) or page chrome (negative), in bytes.
// Share of a root's value that one child must hold for the root to narrow to it.
constexpr double kNarrowShare = 0.9;
// Share of the positive value of a root's children that the best one must hold as well: chrome
// inside the siblings (a poster panel, a price box) lowers the root's total, which alone would
// let one section of a several-section page take the root. 0.75: of 0.9 and 0.75 tried on WCXB
// dev, the one that lost no article page.
constexpr double kNarrowOverSiblings = 0.75;
// Weight of article/main markup (class "entry-content", <article>, itemprop=articleBody) when
// choosing the root.
constexpr double kPositiveBonus = 1.3;
// Clean prose an ancestor must hold, over the root's, for the root to widen to it.
constexpr double kWidenProse = 2.0;

double block_value(const TextBlock& b) {
  const double chars = b.chars;
  const double link_density = chars > 0 ? b.link_chars / chars : 0;
  if (link_density > 0.5) return -chars;
  const double own = chars - b.link_chars;
  if (b.kind == BlockKind::kHeading) return 0;
  if (b.words >= 15 || (b.sentence_marks >= 1 && b.words >= 7)) return own;
  if (b.words < 4) return -0.5 * chars;
  return 0.25 * own;
}

// Listing pages: how much a block looks like an item of a listing. Links whose lines read as
// headlines (several words each) are content there; menus of one- or two-word links are not.
constexpr double kListingOverProse = 2.0;  // headline mass over the article prose found
constexpr double kListingMinChars = 200;
constexpr double kListingWords = 3;  // mean words per line of a link block read as headlines

double listing_value(const TextBlock& b) {
  const double chars = b.chars;
  if (b.link_chars * 2 > b.chars) {
    const size_t lines = 1 + static_cast<size_t>(std::count(b.text.begin(), b.text.end(), '\n'));
    return static_cast<double>(b.words) / static_cast<double>(lines) >= kListingWords ? chars : -chars;
  }
  return b.value < 0 ? 0 : b.value;
}

std::string normalized_for_compare(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x80 && !std::isalnum(u)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ascii_lower(c);
  }
  return out;
}

// Short stock phrases of page chrome, matched against a whole short block (lower-case ASCII
// comparison; accents kept as written).
struct Phrase {
  std::string_view text;
  RemovedKind kind;
};
constexpr std::array kChromePhrases = std::to_array<Phrase>({
    {"advertisement", RemovedKind::kAd},
    {"publicité", RemovedKind::kAd},
    {"publicite", RemovedKind::kAd},
    {"sponsored", RemovedKind::kAd},
    {"annonce", RemovedKind::kAd},
    {"share", RemovedKind::kBoilerplate},
    {"share this", RemovedKind::kBoilerplate},
    {"share this article", RemovedKind::kBoilerplate},
    {"share this post", RemovedKind::kBoilerplate},
    {"partager", RemovedKind::kBoilerplate},
    {"partager cet article", RemovedKind::kBoilerplate},
    {"tweet", RemovedKind::kBoilerplate},
    {"read more", RemovedKind::kBoilerplate},
    {"lire la suite", RemovedKind::kBoilerplate},
    {"lire aussi", RemovedKind::kBoilerplate},
    {"à lire aussi", RemovedKind::kBoilerplate},
    {"related posts", RemovedKind::kBoilerplate},
    {"related articles", RemovedKind::kBoilerplate},
    {"you may also like", RemovedKind::kBoilerplate},
    {"leave a comment", RemovedKind::kCommentForm},
    {"leave a reply", RemovedKind::kCommentForm},
    {"laisser un commentaire", RemovedKind::kCommentForm},
    {"laisser une réponse", RemovedKind::kCommentForm},
    {"exit mobile version", RemovedKind::kBoilerplate},
    {"skip to content", RemovedKind::kNavigation},
    {"skip to main content", RemovedKind::kNavigation},
    {"aller au contenu", RemovedKind::kNavigation},
    {"back to top", RemovedKind::kNavigation},
    {"retour en haut", RemovedKind::kNavigation},
});

// `norm` (normalized_for_compare) is a count of reactions or replies, or a reading time.
bool counter_or_reading_time(std::string_view norm) {
  size_t i = 0;
  while (i < norm.size() && norm[i] >= '0' && norm[i] <= '9') ++i;
  if (i == 0 || i > 6) return false;
  if (i < norm.size() && norm[i] == 'k') ++i;  // "1k likes"
  if (i >= norm.size() || norm[i] != ' ') return false;
  const std::string_view rest = norm.substr(i + 1);
  for (std::string_view w : {"like", "likes", "reply", "replies", "réponse", "réponses", "view",
                             "views", "vue", "vues", "min read", "mins read", "minute read",
                             "minutes read", "min de lecture", "minutes de lecture"})
    if (rest == w) return true;
  return false;
}

std::optional<RemovedKind> chrome_phrase(const TextBlock& b) {
  if (b.words > 30) return std::nullopt;
  std::string norm = normalized_for_compare(b.text);
  if (b.words <= 12)
    for (const auto& p : kChromePhrases)
      if (norm == p.text) return p.kind;
  // "Publicité : Boulangerie des Salins, ...", "Publicité\nSoldes d'hiver ...": an ad labelled as one.
  if (b.words <= 30 && (norm.starts_with("publicité ") || norm.starts_with("advertisement ")) &&
      (b.text.find(':') != std::string::npos || b.text.find('\n') != std::string::npos))
    return RemovedKind::kAd;
  if (b.words > 12) return std::nullopt;
  if (norm.starts_with("votre adresse e mail ne sera pas publi") ||
      norm.starts_with("your email address will not be published") ||
      norm.find("champs suivis d un astérisque") != std::string::npos ||
      norm.find("champs marqués d un astérisque") != std::string::npos)
    return RemovedKind::kCommentForm;
  // What a page shows to a browser without scripts ("You need to enable JavaScript to run this
  // app", "Veuillez activer JavaScript"): never the page's content.
  if (norm.find("enable javascript") != std::string::npos ||
      norm.find("javascript is disabled") != std::string::npos ||
      norm.find("activer javascript") != std::string::npos ||
      norm.find("activez javascript") != std::string::npos)
    return RemovedKind::kBoilerplate;
  // Counters and reading times beside a post ("12 Likes", "3 réponses", "5 min read"): page
  // furniture, never the text.
  if (b.words <= 5 && counter_or_reading_time(norm)) return RemovedKind::kBoilerplate;
  if (norm.starts_with("copyright") || norm.starts_with("all rights reserved") ||
      b.text.starts_with("©") || norm.ends_with("all rights reserved") ||
      norm.ends_with("tous droits réservés"))
    return RemovedKind::kBoilerplate;
  return std::nullopt;
}

// Whether a block ends as a sentence does (a standfirst does; a byline or a date line does not).
bool ends_sentence(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  if (text.empty()) return false;
  const char last = text.back();
  return last == '.' || last == '!' || last == '?' || text.ends_with("…") || text.ends_with("»");
}

// Discussion-software URLs (a thread of posts, where the replies are the content, not reader
// comments under an article): /threads/, /t/, viewtopic, showthread, forum hosts and paths.
bool forum_url(std::string_view url) {
  for (std::string_view cue : {"forum", "/thread/", "/threads/", "/t/", "viewtopic", "showthread",
                               "/questions/", "/comments/", "topic=", "/discussion"})
    if (icontains(url, cue)) return true;
  // Numbered topics ("/topic/1571202-editing-pc-build", "/d/2068-types-of-threads", "thread-222085");
  // a word after "/topic/" is a news site's tag page.
  for (std::string_view cue : {"/topic/", "/d/", "/thread-", "showtopic"})
    for (size_t at = 0; at + cue.size() < url.size(); ++at)
      if (iequals(url.substr(at, cue.size()), cue) && std::isdigit(static_cast<unsigned char>(url[at + cue.size()])))
        return true;
  return false;
}

// Whether a block is mostly UUIDs ("7868484a-db29-4baf-990e-8b645ccb1899"), which some pages
// print as hidden anti-scraping text: they cover 60% of its bytes.
bool identifier_run(std::string_view text) {
  auto hex = [](char c) {
    c = ascii_lower(c);
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  };
  constexpr int kGroups[] = {8, 4, 4, 4, 12};
  size_t covered = 0;
  for (size_t i = 0; i + 36 <= text.size();) {
    size_t j = i;
    bool ok = true;
    for (int g = 0; g < 5 && ok; ++g) {
      for (int k = 0; k < kGroups[g] && ok; ++k, ++j) ok = hex(text[j]);
      if (ok && g < 4) ok = text[j++] == '-';
    }
    if (ok) {
      covered += 36;
      i += 36;
    } else {
      ++i;
    }
  }
  return covered * 10 >= text.size() * 6;
}

// Whether an element's evidence comes from its tag alone: no class or id names it.
bool markup_is_tag_only(const Node& n) {
  for (const auto& a : n.attrs)
    if ((a.name == "class" || a.name == "id") && class_evidence(a.value, Evidence::kNone) != Evidence::kNone)
      return false;
  return true;
}

// ---- forum threads: posts and their headers ------------------------------------------------

// Whether a short line reads as a post's date ("Mar 27, 2025", "2025-11-01 15:14:37", "Posted
// March 5, 2024", "#4 · Jan 3, 2024", "answered May 2, 2009 at 0:09", "le 3 janvier 2024",
// "3 hours ago"): a four-digit year or a month name next to a number, or a relative age.
bool post_date_line(std::string_view norm, uint32_t words) {
  if (words == 0 || words > 9) return false;
  bool year = false, month = false;
  int numbers = 0;
  size_t i = 0;
  while (i < norm.size()) {
    while (i < norm.size() && norm[i] == ' ') ++i;
    size_t start = i;
    while (i < norm.size() && norm[i] != ' ') ++i;
    std::string_view w = norm.substr(start, i - start);
    if (w.empty()) continue;
    bool digits = std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits) {
      ++numbers;
      if (w.size() == 4 && (w.starts_with("19") || w.starts_with("20"))) year = true;
      continue;
    }
    // "27th", "1er"
    if (w.size() <= 4 && w[0] >= '0' && w[0] <= '9') {
      ++numbers;
      continue;
    }
    for (std::string_view m : {"jan", "january", "feb", "february", "mar", "march", "apr", "april",
                               "may", "jun", "june", "jul", "july", "aug", "august", "sep", "sept",
                               "september", "oct", "october", "nov", "november", "dec", "december",
                               "janvier", "février", "fevrier", "mars", "avril", "mai", "juin",
                               "juillet", "août", "aout", "septembre", "octobre", "novembre",
                               "décembre", "decembre", "janv", "févr", "avr", "juil", "déc"})
      if (w == m) month = true;
    if (w == "ago") return numbers > 0;
  }
  if (norm.starts_with("il y a ")) return numbers > 0;
  // A year needs a month name or a full numeric date beside it ("2025 11 01"): "2024 Honda
  // Civic" is a name.
  return year ? month || numbers >= 3 : month && numbers > 0;
}

// Whether a short line reads as a poster's name: one to four words, no sentence punctuation,
// not a number and not a date.
bool poster_name_line(const TextBlock& b, std::string_view norm) {
  if (b.words == 0 || b.words > 4 || b.text.size() > 40 || b.text.size() < 2 || b.text.find('\n') != std::string::npos)
    return false;
  if (norm.empty() || (norm[0] >= '0' && norm[0] <= '9')) return false;
  for (char c : b.text)
    if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '|' || c == '#') return false;
  return !post_date_line(norm, b.words);
}

// Whether a short line introduces a quoted post ("spikeymike said:", "Marie a écrit :").
bool quote_header_line(const TextBlock& b, std::string_view norm) {
  if (b.words > 8) return false;
  return norm.ends_with(" said") || norm.ends_with(" wrote") || norm.ends_with(" a écrit") ||
         norm.ends_with(" a dit");
}

// Whether `text` equals one of the last three blocks kept.
bool repeats_recent_block(const std::vector<Block>& body, const std::string& text) {
  const size_t from = body.size() > 3 ? body.size() - 3 : 0;
  for (size_t k = from; k < body.size(); ++k)
    if (body[k].text == text) return true;
  return false;
}

}  // namespace

Status extract_html_dom(const dom::Dom& dom, std::string_view url, const ExtractOptions& options,
                        Document& doc) {
  (void)options;
  if (auto relocated = dom::relocate_streamed_segments(dom))
    return extract_html_dom(*relocated, url, options, doc);  // the copy has no segment left to move
  const size_t n_nodes = dom.size();

  PageMetadata meta = extract_metadata(dom, url);
  CommentThread thread = extract_html_comments(dom);

  // Per-node side tables, indexed by Node::index (pre-order, so parents come first and a reverse
  // sweep visits children before their parent).
  // Each element's role, looked up once: the passes below and the linearizer read it again.
  std::vector<TagRole> roles(n_nodes, TagRole::kBlock);
  std::vector<uint8_t> skip(n_nodes, 0);  // script, style, ...: never text
  std::vector<Evidence> evidence(n_nodes, Evidence::kNone);
  std::vector<uint32_t> chars(n_nodes, 0);
  // Bits: the element is a heading, table, quote, ... / its descendants hold one. A list or table
  // without structure inside becomes one list block / one block per row.
  std::vector<uint8_t> structural(n_nodes, 0);
  std::vector<uint32_t> max_cell_chars(n_nodes, 0);  // largest td/th text in the subtree
  std::vector<uint32_t> subtree_end(n_nodes, 0);     // one past the last index of the subtree
  std::vector<uint8_t> has_textarea(n_nodes, 0);
  std::vector<uint8_t> in_comments(n_nodes, 0);      // a CommentThread container

  const Node* body = nullptr;
  for (size_t i = 0; i < n_nodes; ++i) {
    const Node* n = dom.node(i);
    if (!n->is_element()) continue;
    if (!body && n->is("body")) body = n;
    TagRole role = roles[i] = tag_role(n->tag);
    evidence[i] = element_evidence(*n, role, meta.product_page);
    if ((n->parent && skip[n->parent->index]) || role == TagRole::kSkip) skip[i] = 1;
  }
  for (const Node* c : thread.containers)
    if (c && c->index < n_nodes) in_comments[c->index] = 1;
  // Nodes whose text is already in doc.comments: inside a thread container but not inside its
  // reply form (the form's text is page chrome and goes to doc.removed as a comment form).
  std::vector<uint8_t> in_comment_records(n_nodes, 0);
  for (size_t i = 1; i < n_nodes; ++i) {
    const Node* n = dom.node(i);
    uint8_t inherited = n->parent ? in_comment_records[n->parent->index] : 0;
    if (in_comments[i]) inherited = 1;
    if (n->is_element() && (n->is("form") || id_or_class_contains(*n, "respond")))
      inherited = 0;
    in_comment_records[i] = inherited;
  }

  // Bottom-up: subtree sizes and shape.
  for (size_t i = n_nodes; i-- > 0;) {
    const Node* n = dom.node(i);
    uint32_t end = static_cast<uint32_t>(i + 1);
    if (n->is_text()) {
      uint32_t c = 0;
      for (char ch : n->text)
        if (!(ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r')) ++c;
      chars[i] = c;
    } else {
      for (const Node* ch : n->children) {
        end = std::max(end, subtree_end[ch->index]);
        if (skip[ch->index]) continue;
        chars[i] += chars[ch->index];
        if (structural[ch->index]) structural[i] |= kHasStructuralInside;
        max_cell_chars[i] = std::max(max_cell_chars[i], max_cell_chars[ch->index]);
        has_textarea[i] |= has_textarea[ch->index];
      }
      if (n->is_element()) {
        TagRole role = roles[i];
        if (role == TagRole::kHeading || role == TagRole::kTable || role == TagRole::kQuote ||
            role == TagRole::kPre || n->is("article") || n->is("section") || n->is("form"))
          structural[i] |= kIsStructural;
        if (role == TagRole::kCell) max_cell_chars[i] = std::max(max_cell_chars[i], chars[i]);
        if (n->is("textarea")) has_textarea[i] = 1;
      }
    }
    subtree_end[i] = end;
  }

  const Node* start = body ? body : dom.root();
  std::string page_host;  // lower-case, without "www."
  if (size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    std::string_view rest = url.substr(scheme + 3);
    rest = rest.substr(0, rest.find_first_of("/?#:"));
    if (rest.size() > 4 && iequals(rest.substr(0, 4), "www.")) rest.remove_prefix(4);
    for (char c : rest) page_host += ascii_lower(c);
  }
  Linearizer linearizer(roles, skip, structural, max_cell_chars, page_host);
  std::vector<TextBlock> blocks = linearizer.run(start);

  // Prose per subtree, judged on the text alone: how much of the page's readable text it holds.
  std::vector<double> prose(n_nodes, 0.0);
  for (auto& b : blocks) {
    b.value = block_value(b);
    if (b.value > 0) prose[b.owner] += b.value;
  }
  for (size_t i = n_nodes; i-- > 1;) {
    const Node* n = dom.node(i);
    if (n->parent) prose[n->parent->index] += prose[i];
  }
  const double page_prose = prose[start->index];

  // Markup evidence, corrected: a form with a text area is a comment or contact form, other forms
  // are neutral (ASP.NET wraps whole pages in one). Negative markup on an element that holds most
  // of the page's prose is a layout wrapper ("sidebar-first-only", "has-sidebar"), not chrome.
  auto resolve_evidence = [&](bool comments_are_chrome, bool comment_words_neutral = false) {
    std::vector<uint32_t> negative_ancestor(n_nodes, UINT32_MAX);
    for (size_t i = 0; i < n_nodes; ++i) {
      const Node* n = dom.node(i);
      if (!n->is_element()) continue;
      Evidence e = evidence[i];
      if (comment_words_neutral && e == Evidence::kCommentForm && !has_textarea[i]) e = Evidence::kNone;
      if (n->is("form") && has_textarea[i] && e == Evidence::kNone) e = Evidence::kCommentForm;
      // The <header> of an <article> heads that article (its title, its teaser), not the page.
      if (e == Evidence::kWeakChrome && n->is("header") && n->parent && n->parent->is("article") &&
          markup_is_tag_only(*n))
        e = Evidence::kNone;
      if (e == Evidence::kWeakChrome)
        e = prose[i] >= 0.4 * chars[i] ? Evidence::kNone : Evidence::kBoilerplate;
      if (comments_are_chrome && in_comments[i]) e = Evidence::kCommentForm;
      else if ((is_negative(e) || e == Evidence::kHidden) &&
               (prose[i] > 0.5 * page_prose || n == start || n->is("html")))
        e = Evidence::kNone;
      evidence[i] = e;
      uint32_t inherited = n->parent ? negative_ancestor[n->parent->index] : UINT32_MAX;
      negative_ancestor[i] = (is_negative(e) || e == Evidence::kHidden) ? static_cast<uint32_t>(i) : inherited;
    }
    return negative_ancestor;
  };
  auto choose_root = [&](const std::vector<uint32_t>& negative_ancestor, double* best_value,
                         bool as_listing = false) {
    std::vector<double> subtree_value(n_nodes, 0.0);
    for (const auto& b : blocks)
      subtree_value[b.owner] += negative_ancestor[b.owner] != UINT32_MAX ? -static_cast<double>(b.chars)
                                : as_listing ? listing_value(b) : b.value;
    for (size_t i = n_nodes; i-- > 1;) {
      const Node* n = dom.node(i);
      if (n->parent) subtree_value[n->parent->index] += subtree_value[i];
    }
    uint32_t root = start->index;
    double best = -1e300;
    for (uint32_t i = start->index; i < subtree_end[start->index]; ++i) {
      const Node* n = dom.node(i);
      if (!n->is_element() || skip[i] || negative_ancestor[i] != UINT32_MAX) continue;
      double v = subtree_value[i];
      if (evidence[i] == Evidence::kPositive) v *= kPositiveBonus;
      if (v > best) {
        best = v;
        root = i;
      }
    }
    // A wrapper whose value comes almost all from one child (a layout table around the article
    // cell, a page div around the article and a thin banner) gives way to that child, so the
    // banner does not ride along.
    for (;;) {
      const Node* r = dom.node(root);
      const Node* best_child = nullptr;
      double positive_children = 0;  // chrome inside a sibling does not make the best child dominant
      for (const Node* c : r->children)
        if (c->is_element() && !skip[c->index] && negative_ancestor[c->index] == UINT32_MAX) {
          positive_children += std::max(0.0, subtree_value[c->index]);
          if (!best_child || subtree_value[c->index] > subtree_value[best_child->index]) best_child = c;
        }
      if (!best_child || subtree_value[best_child->index] < kNarrowShare * subtree_value[root] ||
          subtree_value[best_child->index] < kNarrowOverSiblings * positive_children)
        break;
      root = best_child->index;
    }
    *best_value = best;
    return root;
  };

  const std::vector<Evidence> markup_evidence = evidence;
  std::vector<uint32_t> negative_ancestor = resolve_evidence(true);
  double best_value = 0;
  uint32_t root = choose_root(negative_ancestor, &best_value);
  bool listing_mode = false;
  if (!thread.containers.empty()) {
    // A forum thread or Q&A page: the "comments" are the content when what is left beside them is
    // a small fraction of the prose.
    double comment_prose = 0;
    for (const Node* c : thread.containers)
      if (c && c->index < n_nodes) comment_prose += prose[c->index];
    if (best_value < 0.25 * comment_prose || forum_url(url)) {
      evidence = markup_evidence;
      negative_ancestor = resolve_evidence(false);
      root = choose_root(negative_ancestor, &best_value);
    }
  }
  {
    // Discussion software whose posts the comment reader does not know (Invision, vBulletin
    // skins): the posts sit under "comment" markup and hold the page's prose. When that marked
    // prose dwarfs what is left, or the URL is a forum's, the posts are the content.
    double marked = 0;
    for (const auto& b : blocks) {
      const uint32_t neg = negative_ancestor[b.owner];
      if (b.value > 0 && neg != UINT32_MAX && evidence[neg] == Evidence::kCommentForm && !has_textarea[neg])
        marked += b.value;
    }
    if (marked > 0 && ((thread.comments.empty() && best_value < 0.5 * marked) ||
                       (forum_url(url) && best_value < marked))) {
      evidence = markup_evidence;
      negative_ancestor = resolve_evidence(!thread.containers.empty() && !forum_url(url), true);
      root = choose_root(negative_ancestor, &best_value);
    }
  }
  // A listing (search results, a category page, a chart, a catalogue): many items whose titles are
  // links. When those headline links outweigh the article prose found, the listing is the content.
  {
    double listing_best = 0;
    uint32_t listing_root = choose_root(negative_ancestor, &listing_best, true);
    if (listing_best > kListingOverProse * std::max(best_value, 0.0) && listing_best >= kListingMinChars) {
      root = listing_root;
      listing_mode = true;
    }
  }
  // Second stage: when the prose found is a small part of the page's declared main area (<main>,
  // role=main), the page is a listing, a shop or a hub whose content is more than its prose:
  // take the whole main area, link lists included.
  bool listing_like = false;
  if (listing_mode) listing_like = true;
  for (const Node* p = dom.node(root); p && p != start; p = p->parent) {
    const std::string* role = p->attr("role");
    if (p->tag == "main" || (role && iequals(*role, "main"))) {
      if (chars[root] <= 0.5 * chars[p->index]) {
        root = p->index;
        listing_like = true;
      }
      break;
    }
  }
  // A page of several content sections (a service or product page: one section per feature)
  // gives the root to its best section. Widen it to an ancestor (up to three levels at a time)
  // that holds at least twice its clean prose (prose outside chrome markup), unless the chrome
  // and fragments the ancestor adds outweigh what the root is worth.
  if (!listing_like) {
    std::vector<double> clean(n_nodes, 0.0), value(n_nodes, 0.0);
    for (const auto& b : blocks) {
      const bool chrome = negative_ancestor[b.owner] != UINT32_MAX;
      if (b.value > 0 && !chrome) clean[b.owner] += b.value;
      value[b.owner] += chrome ? -static_cast<double>(b.chars) : b.value;
    }
    for (size_t i = n_nodes; i-- > 1;) {
      const Node* n = dom.node(i);
      if (n->parent) {
        clean[n->parent->index] += clean[i];
        value[n->parent->index] += value[i];
      }
    }
    int hops = 0;
    for (const Node* p = dom.node(root)->parent; p && p != start && hops < 3; p = p->parent, ++hops) {
      if (negative_ancestor[p->index] != UINT32_MAX) break;
      if (clean[p->index] >= kWidenProse * clean[root] && value[p->index] > -value[root]) {
        root = p->index;
        hops = 0;
      }
    }
  }
  // A forum thread: the posts are repeated sibling containers (same tag and first class), each
  // holding a date line and prose. Readers read a post with its header (the poster's name, the
  // post's date), and the thread as a whole: a root inside one post (often the long first one)
  // widens to the posts' parent.
  std::vector<uint32_t> post_of;  // per node: the innermost post holding it, or UINT32_MAX
  if (forum_url(url)) {
    std::vector<uint8_t> has_date(n_nodes, 0);
    for (const auto& b : blocks) {
      if (b.words > 9 || b.text.size() > 80 || !post_date_line(normalized_for_compare(b.text), b.words)) continue;
      for (const Node* p = dom.node(b.owner); p && !has_date[p->index]; p = p->parent) has_date[p->index] = 1;
    }
    std::vector<uint8_t> is_post(n_nodes, 0);
    bool any_post = false;
    auto signature = [](const Node* n) {
      std::string sig = n->tag;
      if (const std::string* cls = n->attr("class")) {
        size_t b = cls->find_first_not_of(" \t\n");
        if (b != std::string::npos) sig += " " + cls->substr(b, cls->find_first_of(" \t\n", b) - b);
      }
      return sig;
    };
    for (uint32_t i = start->index; i < subtree_end[start->index]; ++i) {
      const Node* n = dom.node(i);
      if (!n->is_element() || skip[i] || !has_date[i] || n->children.size() < 2) continue;
      std::vector<std::pair<std::string, const Node*>> dated;  // children with a date and prose
      for (const Node* c : n->children) {
        if (!c->is_element() || skip[c->index] || !has_date[c->index] || prose[c->index] <= 0) continue;
        TagRole role = roles[c->index];
        if ((role != TagRole::kBlock && role != TagRole::kListItem) || c->tag == "p") continue;
        dated.push_back({signature(c), c});
      }
      if (dated.size() < 2) continue;
      std::sort(dated.begin(), dated.end(), [](const auto& a, const auto& b) {
        return a.first < b.first || (a.first == b.first && a.second->index < b.second->index);
      });
      for (size_t a = 0; a < dated.size();) {
        size_t e = a;
        while (e < dated.size() && dated[e].first == dated[a].first) ++e;
        if (e - a >= 2) {
          for (size_t k = a; k < e; ++k) is_post[dated[k].second->index] = 1;
          any_post = true;
        }
        a = e;
      }
    }
    if (any_post) {
      post_of.assign(n_nodes, UINT32_MAX);
      for (size_t i = 1; i < n_nodes; ++i) {
        const Node* n = dom.node(i);
        post_of[i] = is_post[i] ? static_cast<uint32_t>(i) : n->parent ? post_of[n->parent->index] : UINT32_MAX;
      }
      uint32_t outer = UINT32_MAX;
      for (const Node* p = dom.node(root); p && p != start; p = p->parent)
        if (is_post[p->index]) outer = p->index;
      if (outer != UINT32_MAX) {
        const Node* thread_parent = dom.node(outer)->parent;
        if (thread_parent && negative_ancestor[thread_parent->index] == UINT32_MAX) root = thread_parent->index;
      }
    }
  }
  const uint32_t root_end = subtree_end[root];
  // The article element around a narrowed root ("article" > "article__body"): its prose before
  // the root is the standfirst, which belongs to the article although it is outside the body div.
  uint32_t lead_from = root, lead_hops = 0;
  for (const Node* p = dom.node(root)->parent; p && p != start && lead_hops < 3; p = p->parent, ++lead_hops)
    if (evidence[p->index] == Evidence::kPositive && (p->tag == "article" || p->tag == "main")) {
      lead_from = p->index;
      break;
    }

  // ---- metadata ----
  if (meta.title && !meta.title->empty()) doc.title = meta.title;
  doc.published = meta.published;
  doc.authors = meta.authors;
  doc.site = meta.site;
  // The address the page declares for itself wins over the one it was fetched from (tracking
  // parameters, mirrors): versions of one article share it.
  if (meta.canonical_url) doc.url = meta.canonical_url;
  if (meta.lang && !meta.lang->empty()) doc.lang = *meta.lang;
  // The page's first <h1> is the headline as readers see it; metadata titles often carry extra
  // words ("Buy X at Shop"). Prefer the <h1> when the metadata title contains it.
  const TextBlock* first_h1 = nullptr;
  for (const auto& b : blocks)
    if (b.kind == BlockKind::kHeading && dom.node(b.owner)->tag == "h1" && b.words <= 40) {
      first_h1 = &b;
      break;
    }
  if (first_h1) {
    if (!doc.title) {
      doc.title = first_h1->text;
    } else if (first_h1->text.size() < doc.title->size()) {
      std::string h1_key = normalized_for_compare(first_h1->text);
      if (!h1_key.empty() && normalized_for_compare(*doc.title).find(h1_key) != std::string::npos)
        doc.title = first_h1->text;
    }
  }
  if (!doc.title) {
    for (const auto& b : blocks)
      if (b.kind == BlockKind::kHeading && b.owner >= root && b.owner < root_end) {
        doc.title = b.text;
        break;
      }
  }
  const std::string title_key = doc.title ? normalized_for_compare(*doc.title) : std::string();
  auto is_title = [&](const TextBlock& b) {
    return !title_key.empty() && b.words <= 40 && normalized_for_compare(b.text) == title_key;
  };

  const std::string dateline_key = meta.dateline ? normalized_for_compare(*meta.dateline) : std::string();

  // ---- body: blocks under the root, minus the chrome inside it ----
  // Carousels and responsive layouts repeat whole paragraphs; a reader sees each once.
  std::unordered_set<std::string> seen_paragraphs;
  // Per post: whether its poster's name and its date were met already (a post has one of each;
  // later name-like lines are ranks and buttons).
  std::vector<uint8_t> header_seen(post_of.empty() ? 0 : n_nodes, 0);
  for (auto& b : blocks) {
    const uint32_t neg = negative_ancestor[b.owner];
    const bool lead = b.owner >= lead_from && b.owner < root && neg == UINT32_MAX && !b.caption &&
                      b.value > 0 && b.words >= 10 && b.kind == BlockKind::kParagraph &&
                      ends_sentence(b.text);
    const bool inside = (b.owner >= root && b.owner < root_end) || lead;
    if (neg != UINT32_MAX && evidence[neg] == Evidence::kHidden) continue;  // never shown
    if (!inside) {
      RemovedKind kind = neg != UINT32_MAX ? removed_kind_for(evidence[neg])
                         : (b.chars && b.link_chars * 2 > b.chars) ? RemovedKind::kNavigation
                                                                  : RemovedKind::kBoilerplate;
      if (in_comment_records[b.owner]) continue;  // the comments are in doc.comments
      if (is_title(b)) kind = RemovedKind::kDuplicateTitle;  // the headline above the article
      doc.removed.push_back({kind, std::move(b.text)});
      continue;
    }
    if (!post_of.empty() && post_of[b.owner] != UINT32_MAX && neg == UINT32_MAX && !b.caption &&
        b.words <= 9) {
      uint8_t& seen = header_seen[post_of[b.owner]];
      const std::string norm = normalized_for_compare(b.text);
      bool header = quote_header_line(b, norm);
      if (!header && !(seen & 2) && b.text.size() <= 80 && post_date_line(norm, b.words)) {
        seen |= 2;
        header = true;
      } else if (!header && !(seen & 1) && poster_name_line(b, norm) && !chrome_phrase(b)) {
        seen |= 1;
        header = true;
      }
      if (header) {
        doc.body.push_back({BlockKind::kParagraph, std::move(b.text), {}});
        continue;
      }
    }
    if (neg != UINT32_MAX && neg >= root) {
      if (in_comment_records[b.owner]) continue;
      doc.removed.push_back({removed_kind_for(evidence[neg]), std::move(b.text)});
      continue;
    }
    if (b.caption) {
      doc.removed.push_back({RemovedKind::kCaption, std::move(b.text)});
      continue;
    }
    if (b.link_chars * 2 > b.chars && (!listing_like || (listing_mode && listing_value(b) < 0))) {
      doc.removed.push_back({RemovedKind::kNavigation, std::move(b.text)});
      continue;
    }
    if (is_title(b)) {
      doc.removed.push_back({RemovedKind::kDuplicateTitle, std::move(b.text)});
      continue;
    }
    if (!dateline_key.empty() && b.words <= 20 && normalized_for_compare(b.text) == dateline_key) {
      doc.removed.push_back({RemovedKind::kBoilerplate, std::move(b.text)});
      continue;
    }
    if (auto kind = chrome_phrase(b)) {
      doc.removed.push_back({*kind, std::move(b.text)});
      continue;
    }
    // UUID runs have no spaces; prose (a word every 6 bytes or so) is not scanned.
    if (b.text.size() >= 36 && b.chars >= 30 * b.words && identifier_run(b.text)) {
      doc.removed.push_back({RemovedKind::kBoilerplate, std::move(b.text)});
      continue;
    }
    // The site's masthead: its name linked to the home page, with a tagline ("Le Fil des Monts —
    // l'actualité du Puy-de-Dôme"). A sentence with such a link is prose and stays.
    if (b.home_link && b.words <= 15 && !ends_sentence(b.text)) {
      doc.removed.push_back({RemovedKind::kBoilerplate, std::move(b.text)});
      continue;
    }
    // A text written twice back to back ("Catena DID 520Catena DID 520": a visible copy beside one
    // for screen readers or another screen size) is read once.
    if (const size_t half = b.text.size() / 2; b.text.size() >= 8 && b.text.size() % 2 == 0 &&
                                               b.text.compare(0, half, b.text, half, half) == 0)
      b.text.resize(half);
    if (b.words >= 5 && !seen_paragraphs.insert(b.text).second) {
      doc.removed.push_back({RemovedKind::kBoilerplate, std::move(b.text)});
      continue;
    }
    // Product tiles and cards repeat a short name as a link, an image label and a heading; a
    // reader reads it once. Only near repeats: a short line may recur legitimately further on.
    if (b.words < 5 && repeats_recent_block(doc.body, b.text)) {
      doc.removed.push_back({RemovedKind::kBoilerplate, std::move(b.text)});
      continue;
    }
    doc.body.push_back({b.kind, std::move(b.text), {}});
  }

  // A discussion thread whose replies the comment reader took as records, and which the body does
  // not hold: the replies are the thread's content (a reader reads the posts, each under its
  // author). Not on Q&A pages, whose comments under a question or answer are asides.
  if (!thread.comments.empty() && forum_url(url) && !icontains(url, "/questions/")) {
    // Compared without punctuation and case: the body's blocks and the records break lines and
    // quotes differently.
    std::string body_text;
    for (const auto& b : doc.body) {
      body_text += normalized_for_compare(b.text);
      body_text += ' ';
    }
    // A reply opens with the post it quotes, which the body may leave out: its end is its own.
    auto held = [&](const Comment& c) {
      const std::string norm = normalized_for_compare(c.text);
      if (norm.size() <= 40) return body_text.find(norm) != std::string::npos;
      return body_text.find(norm.substr(0, 40)) != std::string::npos ||
             body_text.find(norm.substr(norm.size() - 40)) != std::string::npos;
    };
    size_t in_body = 0;
    for (const auto& c : thread.comments)
      if (held(c)) ++in_body;
    if (in_body * 2 < thread.comments.size()) {
      for (const auto& c : thread.comments) {
        if (held(c)) continue;
        if (c.author) doc.body.push_back({BlockKind::kParagraph, *c.author, {}});
        doc.body.push_back({BlockKind::kParagraph, c.text, {}});
      }
    }
  }
  doc.comments = std::move(thread.comments);
  return Status::Ok();
}

}  // namespace veille
