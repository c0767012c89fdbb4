#include "extract/html_parser.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "extract/html_entities.h"

namespace veille::html {

namespace {

using dom::Attribute;
using dom::Node;
using dom::NodeType;

// ---- tags ------------------------------------------------------------------------------------

// The elements the tree builder has rules for; every other name is kOther and keeps its own name.
enum Tag : uint8_t {
  kOther,
  kA, kAddress, kApplet, kArea, kArticle, kAside, kB, kBase, kBasefont, kBgsound, kBig,
  kBlockquote, kBody, kBr, kButton, kCaption, kCenter, kCode, kCol, kColgroup, kDd, kDetails,
  kDialog, kDir, kDiv, kDl, kDt, kEm, kEmbed, kFieldset, kFigcaption, kFigure, kFont, kFooter,
  kForm, kFrame, kFrameset, kH1, kH2, kH3, kH4, kH5, kH6, kHead, kHeader, kHgroup, kHr, kHtml, kI,
  kIframe, kImage, kImg, kInput, kKeygen, kLi, kLink, kListing, kMain, kMarquee, kMath, kMenu,
  kMeta, kNav, kNobr, kNoembed, kNoframes, kNoscript, kObject, kOl, kOptgroup, kOption, kP,
  kParam, kPlaintext, kPre, kRb, kRp, kRt, kRtc, kRuby, kS, kScript, kSearch, kSection, kSelect,
  kSmall, kSource, kSpan, kStrike, kStrong, kStyle, kSub, kSummary, kSup, kSvg, kTable, kTbody,
  kTd, kTemplate, kTextarea, kTfoot, kTh, kThead, kTitle, kTr, kTrack, kTt, kU, kUl, kVar, kWbr,
  kXmp,
  kTagCount
};

enum TagFlag : uint16_t {
  kVoid = 1 << 0,         // no content, never on the stack
  kClosesP = 1 << 1,      // its start tag closes an open <p> ("close a p element")
  kSpecial = 1 << 2,      // the standard's "special" category
  kScopeBoundary = 1 << 3,  // ends "has an element in scope" searches
  kRawText = 1 << 4,      // content is text up to its end tag
  kRcdata = 1 << 5,       // same, with character references decoded
  kHeadContent = 1 << 6,  // belongs in <head> when met before <body>
  kBreakout = 1 << 7,     // leaves <svg>/<math> content
  kImpliedEnd = 1 << 8,   // closed by "generate implied end tags"
};

struct TagInfo {
  std::string_view name;
  Tag tag;
  uint16_t flags;
};

constexpr uint16_t kBlock = kClosesP | kSpecial | kBreakout;

// clang-format off
constexpr TagInfo kTagInfo[] = {
    {"", kOther, 0},
    {"a", kA, 0},
    {"address", kAddress, kClosesP | kSpecial},
    {"applet", kApplet, kSpecial | kScopeBoundary},
    {"area", kArea, kVoid | kSpecial},
    {"article", kArticle, kClosesP | kSpecial},
    {"aside", kAside, kClosesP | kSpecial},
    {"b", kB, kBreakout},
    {"base", kBase, kVoid | kSpecial | kHeadContent},
    {"basefont", kBasefont, kVoid | kSpecial | kHeadContent},
    {"bgsound", kBgsound, kVoid | kSpecial | kHeadContent},
    {"big", kBig, kBreakout},
    {"blockquote", kBlockquote, kBlock},
    {"body", kBody, kSpecial | kBreakout},
    {"br", kBr, kVoid | kSpecial | kBreakout},
    {"button", kButton, kSpecial},
    {"caption", kCaption, kSpecial | kScopeBoundary},
    {"center", kCenter, kBlock},
    {"code", kCode, kBreakout},
    {"col", kCol, kVoid | kSpecial},
    {"colgroup", kColgroup, kSpecial},
    {"dd", kDd, kClosesP | kSpecial | kBreakout | kImpliedEnd},
    {"details", kDetails, kClosesP | kSpecial},
    {"dialog", kDialog, kClosesP},
    {"dir", kDir, kClosesP | kSpecial},
    {"div", kDiv, kBlock},
    {"dl", kDl, kBlock},
    {"dt", kDt, kClosesP | kSpecial | kBreakout | kImpliedEnd},
    {"em", kEm, kBreakout},
    {"embed", kEmbed, kVoid | kSpecial | kBreakout},
    {"fieldset", kFieldset, kClosesP | kSpecial},
    {"figcaption", kFigcaption, kClosesP | kSpecial},
    {"figure", kFigure, kClosesP | kSpecial},
    {"font", kFont, 0},
    {"footer", kFooter, kClosesP | kSpecial},
    {"form", kForm, kClosesP | kSpecial},
    {"frame", kFrame, kVoid | kSpecial},
    {"frameset", kFrameset, kSpecial},
    {"h1", kH1, kBlock}, {"h2", kH2, kBlock}, {"h3", kH3, kBlock},
    {"h4", kH4, kBlock}, {"h5", kH5, kBlock}, {"h6", kH6, kBlock},
    {"head", kHead, kSpecial | kBreakout},
    {"header", kHeader, kClosesP | kSpecial},
    {"hgroup", kHgroup, kClosesP | kSpecial},
    {"hr", kHr, kVoid | kClosesP | kSpecial | kBreakout},
    {"html", kHtml, kSpecial | kScopeBoundary},
    {"i", kI, kBreakout},
    {"iframe", kIframe, kSpecial | kRawText},
    {"image", kImage, kVoid},
    {"img", kImg, kVoid | kSpecial | kBreakout},
    {"input", kInput, kVoid | kSpecial},
    {"keygen", kKeygen, kVoid | kSpecial},
    {"li", kLi, kClosesP | kSpecial | kBreakout | kImpliedEnd},
    {"link", kLink, kVoid | kSpecial | kHeadContent},
    {"listing", kListing, kBlock},
    {"main", kMain, kClosesP | kSpecial},
    {"marquee", kMarquee, kSpecial | kScopeBoundary},
    {"math", kMath, 0},
    {"menu", kMenu, kBlock},
    {"meta", kMeta, kVoid | kSpecial | kHeadContent | kBreakout},
    {"nav", kNav, kClosesP | kSpecial},
    {"nobr", kNobr, kBreakout},
    {"noembed", kNoembed, kSpecial | kRawText},
    {"noframes", kNoframes, kSpecial | kRawText | kHeadContent},
    {"noscript", kNoscript, kSpecial | kHeadContent},
    {"object", kObject, kSpecial | kScopeBoundary},
    {"ol", kOl, kBlock},
    {"optgroup", kOptgroup, kImpliedEnd},
    {"option", kOption, kImpliedEnd},
    {"p", kP, kBlock | kImpliedEnd},
    {"param", kParam, kVoid | kSpecial},
    {"plaintext", kPlaintext, kClosesP | kSpecial},
    {"pre", kPre, kBlock},
    {"rb", kRb, kImpliedEnd}, {"rp", kRp, kImpliedEnd}, {"rt", kRt, kImpliedEnd},
    {"rtc", kRtc, kImpliedEnd},
    {"ruby", kRuby, kBreakout},
    {"s", kS, kBreakout},
    {"script", kScript, kSpecial | kRawText | kHeadContent},
    {"search", kSearch, kClosesP | kSpecial},
    {"section", kSection, kClosesP | kSpecial},
    {"select", kSelect, kSpecial},
    {"small", kSmall, kBreakout},
    {"source", kSource, kVoid | kSpecial},
    {"span", kSpan, kBreakout},
    {"strike", kStrike, kBreakout},
    {"strong", kStrong, kBreakout},
    {"style", kStyle, kSpecial | kRawText | kHeadContent},
    {"sub", kSub, kBreakout},
    {"summary", kSummary, kClosesP | kSpecial},
    {"sup", kSup, kBreakout},
    {"svg", kSvg, 0},
    {"table", kTable, kClosesP | kSpecial | kScopeBoundary | kBreakout},
    {"tbody", kTbody, kSpecial},
    {"td", kTd, kSpecial | kScopeBoundary},
    {"template", kTemplate, kSpecial | kScopeBoundary},
    {"textarea", kTextarea, kSpecial | kRcdata},
    {"tfoot", kTfoot, kSpecial},
    {"th", kTh, kSpecial | kScopeBoundary},
    {"thead", kThead, kSpecial},
    {"title", kTitle, kSpecial | kRcdata | kHeadContent},
    {"tr", kTr, kSpecial},
    {"track", kTrack, kVoid | kSpecial},
    {"tt", kTt, kBreakout},
    {"u", kU, kBreakout},
    {"ul", kUl, kBlock},
    {"var", kVar, kBreakout},
    {"wbr", kWbr, kVoid | kSpecial},
    {"xmp", kXmp, kClosesP | kSpecial | kRawText},
};
// clang-format on
static_assert(sizeof kTagInfo / sizeof kTagInfo[0] == kTagCount, "one kTagInfo row per Tag");

constexpr bool tag_table_in_order() {
  for (size_t i = 0; i < kTagCount; ++i)
    if (kTagInfo[i].tag != static_cast<Tag>(i)) return false;
  return true;
}
static_assert(tag_table_in_order(), "kTagInfo rows in Tag order");

uint16_t flags_of(Tag t) { return kTagInfo[t].flags; }

// Open-addressing hash of the known tag names, built once (function-local static: thread-safe).
class TagTable {
 public:
  TagTable() {
    slots_.fill(kOther);
    for (size_t i = 1; i < kTagCount; ++i) {
      size_t h = hash(kTagInfo[i].name) & (kSlots - 1);
      while (slots_[h] != kOther) h = (h + 1) & (kSlots - 1);
      slots_[h] = static_cast<Tag>(i);
    }
  }
  // REQUIRES: `name` is lower-case.
  Tag find(std::string_view name) const {
    if (name.empty() || name.size() > 10) return kOther;
    for (size_t h = hash(name) & (kSlots - 1);; h = (h + 1) & (kSlots - 1)) {
      const Tag t = slots_[h];
      if (t == kOther) return kOther;
      if (kTagInfo[t].name == name) return t;
    }
  }

 private:
  static constexpr size_t kSlots = 512;
  static size_t hash(std::string_view s) {
    uint32_t h = 2166136261u;
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h ^ (h >> 15);
  }
  std::array<Tag, kSlots> slots_;
};

const TagTable& tag_table() {
  static const TagTable table;
  return table;
}

// ---- characters ------------------------------------------------------------------------------

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ci(const char* s, const char* end, std::string_view lower_word) {
  if (static_cast<size_t>(end - s) < lower_word.size()) return false;
  for (size_t i = 0; i < lower_word.size(); ++i)
    if (lower(s[i]) != lower_word[i]) return false;
  return true;
}

// First byte in [p, end) that ends a run of plain text: '<', '&', '\r' or NUL; `end` if none.
// Text is most of a page's bytes, so this is the tokenizer's hot loop: 16 bytes per step.
const char* find_text_end(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i lt = _mm_set1_epi8('<'), amp = _mm_set1_epi8('&'), cr = _mm_set1_epi8('\r'),
                nul = _mm_setzero_si128();
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, lt), _mm_cmpeq_epi8(v, amp)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, nul)));
    const int mask = _mm_movemask_epi8(hit);
    if (mask) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  for (; p < end; ++p)
    if (*p == '<' || *p == '&' || *p == '\r' || *p == '\0') return p;
  return end;
}

const char* find_char(const char* p, const char* end, char c) {
  const void* hit = std::memchr(p, c, static_cast<size_t>(end - p));
  return hit ? static_cast<const char*>(hit) : end;
}

// ---- the parser ------------------------------------------------------------------------------

// Scope classes: each open element records, for each class it belongs to, where the previous
// member of that class sat, so that "the topmost open element of class C" is O(1) and "has an
// element in scope" is a comparison of two stack positions instead of a walk down the stack
// (walks make 100,000-deep pages quadratic).
enum ScopeClass : uint8_t {
  kScopeDefault,  // the standard's "has an element in scope" boundaries
  kScopeList,     // ... plus ol, ul ("list item scope")
  kScopeButton,   // ... plus button ("button scope")
  kScopeTable,    // html, table, template ("table scope")
  kLiStop,        // special elements other than address, div, p: where <li>'s search stops
  kAnySpecial,    // special elements: where "any other end tag" stops
  kClassCount
};

enum class Mode : uint8_t { kBeforeHtml, kBeforeHead, kInHead, kAfterHead, kInBody };

class Parser {
 public:
  Parser(std::string_view html, int max_depth, dom::Dom& dom)
      : p_(html.data()), end_(html.data() + html.size()), dom_(dom),
        max_depth_(max_depth), tags_(tag_table()) {
    top_same_.fill(-1);
    top_class_.fill(-1);
  }

  void run() {
    while (p_ < end_) {
      const char* q = find_text_end(p_, end_);
      if (q > p_) text(p_, static_cast<size_t>(q - p_));
      if (q == end_) break;
      p_ = q;
      switch (*q) {
        case '<': markup(); break;
        case '&': reference(); break;
        case '\r':  // CR LF and lone CR are LF (the standard's input stream preprocessing)
          text("\n", 1);
          p_ = q + 1 < end_ && q[1] == '\n' ? q + 2 : q + 1;
          break;
        default: p_ = q + 1; break;  // NUL in text: dropped, as the tree builder does
      }
    }
  }

 private:
  struct Open {
    Node* node = nullptr;  // null: clipped by the depth budget
    Tag tag = kOther;
    bool foreign = false;  // inside <svg> or <math>
    uint8_t classes = 0;   // ScopeClass bits
    std::string name;      // for kOther and foreign elements: the lower-case name
    int saved_same = -1;
    std::array<int, kClassCount> saved_class{};
  };

  // ---- the stack of open elements ----

  size_t depth() const { return depth_; }
  const Open& top() const { return stack_[depth_ - 1]; }
  Tag top_tag() const { return depth_ ? top().tag : kOther; }
  Node* insertion_parent() const { return built_ ? stack_[built_ - 1].node : dom_.root(); }

  static uint8_t classes_of(Tag tag, bool foreign, std::string_view name) {
    uint16_t f = flags_of(tag);
    if (foreign) {
      // MathML text integration points and SVG HTML integration points bound scopes.
      const bool integration = name == "foreignobject" || name == "desc" || name == "title" ||
                               name == "mi" || name == "mo" || name == "mn" || name == "ms" ||
                               name == "mtext" || name == "annotation-xml";
      f = integration ? (kSpecial | kScopeBoundary) : 0;
    }
    uint8_t c = 0;
    if (f & kScopeBoundary) c |= 1 << kScopeDefault | 1 << kScopeList | 1 << kScopeButton;
    if (!foreign && (tag == kOl || tag == kUl)) c |= 1 << kScopeList;
    if (!foreign && tag == kButton) c |= 1 << kScopeButton;
    if (!foreign && (tag == kHtml || tag == kTable || tag == kTemplate)) c |= 1 << kScopeTable;
    if ((f & kSpecial) && (foreign || (tag != kAddress && tag != kDiv && tag != kP))) c |= 1 << kLiStop;
    if (f & kSpecial) c |= 1 << kAnySpecial;
    return c;
  }

  // Creates an element under the insertion point, or counts it as clipped past the depth budget.
  // Takes the token's attributes unless `implied` (an element the tree builder adds itself).
  Node* create(Tag tag, std::string_view name, bool implied = false) {
    Node* parent = insertion_parent();
    if (parent->depth + 1 > max_depth_ || built_ < depth_) {
      ++dom_.depth_clipped;
      return nullptr;
    }
    Node* n = dom_.new_node(NodeType::kElement);
    n->tag.assign(tag == kOther ? name : kTagInfo[tag].name);
    if (n_attrs_ && !implied) {
      n->attrs.reserve(n_attrs_);
      for (size_t i = 0; i < n_attrs_; ++i) n->attrs.push_back(std::move(attrs_[i]));
      n_attrs_ = 0;
    }
    n->parent = parent;
    n->depth = parent->depth + 1;
    parent->children.push_back(n);
    return n;
  }

  Node* push(Tag tag, std::string_view name, bool foreign = false, bool implied = false) {
    Node* n = create(tag, name, implied);
    if (depth_ == stack_.size()) stack_.emplace_back();
    Open& e = stack_[depth_];
    e.node = n;
    e.tag = foreign ? kOther : tag;
    e.foreign = foreign;
    if (e.tag == kOther) e.name.assign(name);
    e.classes = classes_of(e.tag, foreign, name);
    const int pos = static_cast<int>(depth_);
    e.saved_same = top_same_[e.tag];
    if (e.tag != kOther) top_same_[e.tag] = pos;
    for (int c = 0; c < kClassCount; ++c) {
      e.saved_class[c] = top_class_[c];
      if (e.classes & (1 << c)) top_class_[c] = pos;
    }
    ++depth_;
    if (n) built_ = depth_;
    return n;
  }

  void pop() {
    Open& e = stack_[--depth_];
    if (e.tag != kOther) top_same_[e.tag] = e.saved_same;
    top_class_ = e.saved_class;
    if (built_ > depth_) built_ = depth_;
    if (e.node == head_) head_open_ = false;
  }

  // Pops elements until the one at stack position `pos` has been popped.
  void pop_to(int pos) {
    while (static_cast<int>(depth_) > pos) pop();
  }

  // Position of the topmost open `tag`, or -1.
  int find(Tag tag) const { return top_same_[tag]; }

  bool in_scope(Tag tag, ScopeClass c) const {
    const int pos = top_same_[tag];
    return pos >= 0 && pos >= top_class_[c];
  }

  void generate_implied_end_tags(Tag except = kOther) {
    while (depth_ && top_tag() != except && (flags_of(top_tag()) & kImpliedEnd) && !top().foreign) pop();
  }

  void close_p() {
    if (!in_scope(kP, kScopeButton)) return;
    generate_implied_end_tags(kP);
    pop_to(find(kP));
  }

  // ---- text ----

  // Not inlined: GCC 12 reports a false -Wrestrict when it inlines this with a literal argument.
  [[gnu::noinline]] void append_text(Node* parent, const char* s, size_t n) {
    if (!parent->children.empty() && parent->children.back()->is_text()) {
      parent->children.back()->text.append(s, n);
      return;
    }
    Node* t = dom_.new_node(NodeType::kText);
    t->text.assign(s, n);
    t->parent = parent;
    t->depth = parent->depth + 1;
    parent->children.push_back(t);
  }

  void text(const char* s, size_t n) {
    if (mode_ != Mode::kInBody) {
      // Whitespace between the head's elements is dropped; other text starts the body.
      while (n && is_space(*s)) ++s, --n;
      if (!n) return;
      if (!in_head_element()) start_body();
    }
    append_text(insertion_parent(), s, n);
  }

  // True while the insertion point is an element inside <head> (a <title>, a <noscript>...).
  bool in_head_element() const { return mode_ == Mode::kInHead && depth_ && top().node != head_; }

  void reference() {
    scratch_.clear();
    const size_t n = decode_reference(std::string_view(p_ + 1, static_cast<size_t>(end_ - p_ - 1)),
                                      /*in_attribute=*/false, scratch_);
    if (n == 0) {
      text("&", 1);
      ++p_;
      return;
    }
    text(scratch_.data(), scratch_.size());
    p_ += 1 + n;
  }

  // ---- head and body placement ----

  void ensure_html() {
    if (html_) return;
    html_ = push(kHtml, "html", false, /*implied=*/true);
    if (!html_) html_ = dom_.root();  // max_depth 0: everything is flattened into the root
    mode_ = Mode::kBeforeHead;
  }

  void close_head() {
    if (head_open_) {
      while (head_open_) pop();
    }
    mode_ = Mode::kAfterHead;
  }

  void start_body() {
    ensure_html();
    if (mode_ == Mode::kBeforeHead || mode_ == Mode::kInHead) close_head();
    if (!body_) {
      // Elements left open in the head (an unclosed <noscript>) end with it.
      body_ = push(kBody, "body", false, /*implied=*/true);
      if (!body_) body_ = insertion_parent();
    }
    mode_ = Mode::kInBody;
  }

  void merge_attributes(Node* into) {
    if (!into || into == dom_.root()) return;
    for (size_t i = 0; i < n_attrs_; ++i)
      if (!into->attr(attrs_[i].name)) into->attrs.push_back(std::move(attrs_[i]));
    n_attrs_ = 0;
  }

  // ---- markup ----

  void markup() {
    const char* s = p_ + 1;
    if (s == end_) {
      text("<", 1);
      p_ = end_;
      return;
    }
    if (is_alpha(*s)) return start_tag();
    if (*s == '/') {
      if (s + 1 < end_ && is_alpha(s[1])) return end_tag();
      if (s + 1 < end_ && s[1] == '>') {
        p_ = s + 2;  // "</>": nothing
        return;
      }
      if (s + 1 == end_) {
        text("</", 2);
        p_ = end_;
        return;
      }
      return bogus_comment(s + 1);
    }
    if (*s == '!') {
      if (end_ - s >= 3 && s[1] == '-' && s[2] == '-') return comment(s + 3);
      if (equals_ci(s + 1, end_, "doctype")) return bogus_comment(s + 1);
      if (equals_ci(s + 1, end_, "[cdata[") && depth_ && top().foreign) return cdata(s + 8);
      return bogus_comment(s + 1);
    }
    if (*s == '?') return bogus_comment(s);
    text("<", 1);  // not markup: a literal '<' ("a < b")
    p_ = s;
  }

  void bogus_comment(const char* s) {
    const char* gt = find_char(s, end_, '>');
    p_ = gt == end_ ? end_ : gt + 1;
  }

  // After "<!--": ends at "-->", "--!>", or at once for "<!-->" and "<!--->"; an unclosed
  // comment runs to the end of the page.
  void comment(const char* s) {
    if (s < end_ && *s == '>') {
      p_ = s + 1;
      return;
    }
    if (end_ - s >= 2 && s[0] == '-' && s[1] == '>') {
      p_ = s + 2;
      return;
    }
    std::string_view rest(s, static_cast<size_t>(end_ - s));
    for (size_t i = rest.find("--"); i != std::string_view::npos; i = rest.find("--", i + 1)) {
      if (i + 2 < rest.size() && rest[i + 2] == '>') {
        p_ = s + i + 3;
        return;
      }
      if (i + 3 < rest.size() && rest[i + 2] == '!' && rest[i + 3] == '>') {
        p_ = s + i + 4;
        return;
      }
    }
    p_ = end_;
  }

  void cdata(const char* s) {
    std::string_view rest(s, static_cast<size_t>(end_ - s));
    size_t close = rest.find("]]>");
    const size_t len = close == std::string_view::npos ? rest.size() : close;
    if (len) append_text(insertion_parent(), s, len);
    p_ = close == std::string_view::npos ? end_ : s + close + 3;
  }

  // Reads a tag name at p_ (an ASCII letter) into name_, lower-cased.
  const char* tag_name(const char* s) {
    name_.clear();
    while (s < end_ && !is_space(*s) && *s != '/' && *s != '>') {
      if (*s != '\0') name_ += lower(*s);
      ++s;
    }
    return s;
  }

  // Reads the attributes of a tag from s up to and including its '>' into attrs_ (when `keep`).
  // Returns the position after '>', or nullptr when the page ends inside the tag (the standard
  // drops such a tag).
  const char* attributes(const char* s, bool keep) {
    n_attrs_ = 0;
    self_closing_ = false;
    for (;;) {
      while (s < end_ && is_space(*s)) ++s;
      if (s == end_) return nullptr;
      if (*s == '>') return s + 1;
      if (*s == '/') {
        ++s;
        if (s < end_ && *s == '>') {
          self_closing_ = true;
          return s + 1;
        }
        continue;
      }
      const char* name_begin = s++;  // the first character may be '='
      while (s < end_ && !is_space(*s) && *s != '/' && *s != '>' && *s != '=') ++s;
      const char* name_end = s;
      while (s < end_ && is_space(*s)) ++s;
      const char* value_begin = s;
      const char* value_end = s;
      if (s < end_ && *s == '=') {
        ++s;
        while (s < end_ && is_space(*s)) ++s;
        if (s == end_) return nullptr;
        if (*s == '"' || *s == '\'') {
          const char* close = find_char(s + 1, end_, *s);
          if (close == end_) return nullptr;
          value_begin = s + 1;
          value_end = close;
          s = close + 1;
        } else {
          value_begin = s;
          while (s < end_ && !is_space(*s) && *s != '>') ++s;
          value_end = s;
        }
      }
      if (keep) add_attribute(name_begin, name_end, value_begin, value_end);
    }
  }

  void add_attribute(const char* nb, const char* ne, const char* vb, const char* ve) {
    if (n_attrs_ == attrs_.size()) attrs_.emplace_back();
    Attribute& a = attrs_[n_attrs_];
    a.name.clear();
    for (const char* c = nb; c < ne; ++c) a.name += lower(*c);
    for (size_t i = 0; i < n_attrs_; ++i)
      if (attrs_[i].name == a.name) return;  // a repeated attribute: the first one counts
    a.value.clear();
    const char* amp = find_char(vb, ve, '&');
    a.value.append(vb, static_cast<size_t>(amp - vb));
    while (amp < ve) {
      const size_t n = decode_reference(std::string_view(amp + 1, static_cast<size_t>(ve - amp - 1)),
                                        /*in_attribute=*/true, a.value);
      const char* next = amp + 1 + n;
      if (n == 0) a.value += '&';
      const char* following = find_char(next, ve, '&');
      a.value.append(next, static_cast<size_t>(following - next));
      amp = following;
    }
    ++n_attrs_;
  }

  void start_tag() {
    const char* tag_begin = p_;
    const char* s = tag_name(p_ + 1);
    const char* after = attributes(s, true);
    if (!after) {
      p_ = end_;
      return;
    }
    p_ = after;
    Tag tag = tags_.find(name_);
    if (depth_ && top().foreign && !integration_point_on_top()) {
      const bool breakout = (flags_of(tag) & kBreakout) ||
                            (tag == kFont && has_attr_any({"color", "face", "size"}));
      if (!breakout) return foreign_start(tag);
      while (depth_ && top().foreign && !integration_point_on_top()) pop();
    }
    if (tag == kImage) {
      tag = kImg;
      name_ = "img";
    }
    start_tag_html(tag, tag_begin, after);
  }

  bool integration_point_on_top() const { return top().classes & (1 << kAnySpecial); }

  bool has_attr_any(std::initializer_list<std::string_view> names) const {
    for (size_t i = 0; i < n_attrs_; ++i)
      for (auto n : names)
        if (attrs_[i].name == n) return true;
    return false;
  }

  void foreign_start(Tag tag) {
    if (name_ == "script" || name_ == "style") {
      // Their bodies are dropped as in HTML (not the standard, which keeps SVG script text).
      push(kOther, name_, true);
      if (self_closing_) return pop();
      raw_text(tag == kScript ? "script" : "style", /*keep=*/false, /*decode=*/false);
      return pop();
    }
    push(kOther, name_, true);
    if (self_closing_) pop();
  }

  void start_tag_html(Tag tag, const char* tag_begin, const char* tag_end) {
    const uint16_t flags = flags_of(tag);
    if (tag == kHtml) {
      if (!html_) {
        html_ = push(kHtml, "html");
        if (!html_) html_ = dom_.root();
        mode_ = Mode::kBeforeHead;
      } else {
        merge_attributes(html_);
      }
      return;
    }
    if (mode_ != Mode::kInBody) {
      ensure_html();
      if (mode_ == Mode::kBeforeHead) {
        if (tag == kHead || (flags & kHeadContent)) {
          head_ = push(kHead, "head", false, /*implied=*/tag != kHead);
          head_open_ = head_ != nullptr;
          if (!head_) pop();  // clipped by a depth budget under 2: no head
          mode_ = head_open_ ? Mode::kInHead : Mode::kAfterHead;
          if (tag == kHead) return;
        } else {
          mode_ = Mode::kAfterHead;
        }
      }
      if (mode_ == Mode::kInHead && !in_head_element()) {
        if (tag == kHead) return;
        if (flags & kHeadContent) return head_content(tag, tag_begin, tag_end);
        close_head();
      }
      if (mode_ == Mode::kAfterHead) {
        if (tag == kHead) return;
        if (flags & kHeadContent) {
          // Late head content (a <meta> after </head>) still goes in the head, as long as the
          // body has not started: document order is kept since the head is html's last child.
          if (head_ && !body_ && depth_ && top().node == html_ && html_->children.back() == head_) {
            push_existing(head_);
            head_content(tag, tag_begin, tag_end);
            close_head();
            return;
          }
          start_body();
        } else if (tag == kBody) {
          body_ = push(kBody, "body");
          if (!body_) body_ = insertion_parent();
          mode_ = Mode::kInBody;
          return;
        } else {
          start_body();
        }
      }
    }
    in_body_start(tag, flags, tag_begin, tag_end);
  }

  // Puts an already built element back on the stack (the head, for late head content).
  void push_existing(Node* n) {
    if (depth_ == stack_.size()) stack_.emplace_back();
    Open& e = stack_[depth_];
    e.node = n;
    e.tag = kHead;
    e.foreign = false;
    e.classes = classes_of(kHead, false, "head");
    e.saved_same = top_same_[kHead];
    top_same_[kHead] = static_cast<int>(depth_);
    for (int c = 0; c < kClassCount; ++c) {
      e.saved_class[c] = top_class_[c];
      if (e.classes & (1 << c)) top_class_[c] = static_cast<int>(depth_);
    }
    ++depth_;
    built_ = depth_;
    head_open_ = true;
    mode_ = Mode::kInHead;
  }

  void head_content(Tag tag, const char* tag_begin, const char* tag_end) {
    if (flags_of(tag) & kVoid) {
      create(tag, name_);
      return;
    }
    // title, style, script, noscript, noframes: their content is text up to the end tag (in the
    // head, <noscript> too: browsers run with scripting on).
    text_element(tag, tag_begin, tag_end);
  }

  // Elements whose content is text up to their end tag.
  void text_element(Tag tag, const char* tag_begin, const char* tag_end) {
    const Node* n = push(tag, name_);
    bool keep = true, decode = (flags_of(tag) & kRcdata) != 0;
    if (tag == kStyle) keep = false;
    if (tag == kScript) {
      // JSON data (JSON-LD metadata) keeps its text; code does not.
      keep = false;
      for (const char* c = tag_begin; c + 4 <= tag_end && !keep; ++c)
        keep = lower(c[0]) == 'j' && lower(c[1]) == 's' && lower(c[2]) == 'o' && lower(c[3]) == 'n';
    }
    // A clipped script or style drops its text rather than flatten code into the page's text.
    if (!n && (tag == kScript || tag == kStyle)) keep = false;
    if (tag == kTextarea) skip_leading_newline();
    raw_text(kTagInfo[tag].name, keep, decode);
    pop();
  }

  void skip_leading_newline() {
    if (p_ < end_ && *p_ == '\n') ++p_;
    else if (end_ - p_ >= 2 && p_[0] == '\r' && p_[1] == '\n') p_ += 2;
  }

  // Reads text up to "</name" + (space, '/' or '>'), adding it to the current element when
  // `keep`, then consumes that end tag. Without an end tag the text runs to the end of the page.
  void raw_text(std::string_view name, bool keep, bool decode) {
    const char* s = p_;
    const char* close = end_;
    for (const char* q = find_char(s, end_, '<'); q < end_; q = find_char(q + 1, end_, '<')) {
      if (end_ - q >= static_cast<ptrdiff_t>(name.size() + 3) && q[1] == '/' &&
          equals_ci(q + 2, end_, name)) {
        const char c = q[2 + name.size()];
        if (is_space(c) || c == '/' || c == '>') {
          close = q;
          break;
        }
      }
    }
    if (keep && close > s) {
      Node* parent = insertion_parent();
      if (!decode) {
        append_text(parent, s, static_cast<size_t>(close - s));
      } else {
        scratch_.clear();
        for (const char* q = s; q < close;) {
          const char* amp = find_char(q, close, '&');
          scratch_.append(q, static_cast<size_t>(amp - q));
          if (amp == close) break;
          const size_t n = decode_reference(std::string_view(amp + 1, static_cast<size_t>(close - amp - 1)),
                                            false, scratch_);
          if (n == 0) scratch_ += '&';
          q = amp + 1 + n;
        }
        if (!scratch_.empty()) append_text(parent, scratch_.data(), scratch_.size());
      }
    }
    if (close == end_) {
      p_ = end_;
      return;
    }
    const char* after = attributes(close + 2 + name.size(), false);
    p_ = after ? after : end_;
  }

  void in_body_start(Tag tag, uint16_t flags, const char* tag_begin, const char* tag_end) {
    switch (tag) {
      case kBody:
        merge_attributes(body_);
        return;
      case kHead:
      case kFrameset:
      case kFrame:
        return;
      case kLi:
      case kDd:
      case kDt: {
        // Close the nearest open li (or dd/dt) unless a special element other than address,
        // div and p sits above it.
        int pos = tag == kLi ? find(kLi) : std::max(find(kDd), find(kDt));
        if (pos >= 0 && pos >= top_class_[kLiStop]) {
          generate_implied_end_tags(stack_[pos].tag);
          pop_to(pos);
        }
        close_p();
        push(tag, name_);
        return;
      }
      case kH1: case kH2: case kH3: case kH4: case kH5: case kH6:
        close_p();
        if (top_tag() >= kH1 && top_tag() <= kH6) pop();
        push(tag, name_);
        return;
      case kPre:
      case kListing:
        close_p();
        push(tag, name_);
        skip_leading_newline();
        return;
      case kPlaintext:
        close_p();
        push(tag, name_);
        if (p_ < end_) append_text(insertion_parent(), p_, static_cast<size_t>(end_ - p_));
        p_ = end_;
        return;
      case kButton:
        if (in_scope(kButton, kScopeDefault)) {
          generate_implied_end_tags();
          pop_to(find(kButton));
        }
        push(tag, name_);
        return;
      case kA:
      case kNobr: {
        // A link inside a link closes the first (the standard gets there through the adoption
        // agency); link density depends on it.
        if (in_scope(tag, kScopeDefault)) pop_to(find(tag));
        push(tag, name_);
        return;
      }
      case kOption:
        if (top_tag() == kOption) pop();
        push(tag, name_);
        return;
      case kOptgroup:
        if (top_tag() == kOption) pop();
        if (top_tag() == kOptgroup) pop();
        push(tag, name_);
        return;
      case kRb:
      case kRtc:
        if (in_scope(kRuby, kScopeDefault)) generate_implied_end_tags();
        push(tag, name_);
        return;
      case kRp:
      case kRt:
        if (in_scope(kRuby, kScopeDefault)) generate_implied_end_tags(kRtc);
        push(tag, name_);
        return;
      case kMath:
      case kSvg:
        push(tag, name_, /*foreign=*/true);
        if (self_closing_) pop();
        return;
      case kCaption:
      case kColgroup:
      case kTbody:
      case kThead:
      case kTfoot:
      case kCol:
      case kTr:
      case kTd:
      case kTh:
        return table_part(tag);
      default: break;
    }
    if (flags & kClosesP) close_p();
    if (flags & kVoid) {
      create(tag, name_);
      return;
    }
    if (flags & (kRawText | kRcdata)) {
      // script, style, title, textarea, xmp, iframe, noembed, noframes
      return text_element(tag, tag_begin, tag_end);
    }
    push(tag, name_);
  }

  // Table structure: a new row or cell ends the open cell and row of the same table, a new
  // section ends the open section. Outside a table these tags are ignored (their content stays).
  void table_part(Tag tag) {
    if (!in_scope(kTable, kScopeTable)) return;
    const int table = find(kTable);
    auto close_cell = [&] {
      const int cell = std::max(find(kTd), find(kTh));
      if (cell > table) pop_to(cell);
    };
    switch (tag) {
      case kTd:
      case kTh:
        close_cell();
        if (find(kTr) > table) pop_to(find(kTr) + 1);
        push(tag, name_);
        return;
      case kTr:
        close_cell();
        if (find(kTr) > table) pop_to(find(kTr));
        push(tag, name_);
        return;
      case kCol:
        if (top_tag() != kColgroup) pop_to(table + 1);
        create(tag, name_);
        return;
      default:  // caption, colgroup, tbody, thead, tfoot
        pop_to(table + 1);
        push(tag, name_);
        return;
    }
  }

  void end_tag() {
    const char* s = tag_name(p_ + 2);
    const char* after = attributes(s, false);
    if (!after) {
      p_ = end_;
      return;
    }
    p_ = after;
    Tag tag = tags_.find(name_);
    if (depth_ && top().foreign) {
      // Close the nearest foreign element of that name, unless an HTML element comes first.
      int steps = 0;
      for (int i = static_cast<int>(depth_) - 1; i >= 0 && stack_[i].foreign && steps < kMaxWalk; --i, ++steps) {
        if (stack_[i].name == name_) return pop_to(i);
      }
    }
    if (mode_ != Mode::kInBody) {
      if (tag == kHead && mode_ == Mode::kInHead && !in_head_element()) return close_head();
      if (tag != kBr) return;  // </body>, </html> and the rest are ignored before the body
      start_body();
    }
    switch (tag) {
      case kBody:
      case kHtml:
      case kHead:
        // Content after </body> or </html> still belongs to the body.
        return;
      case kBr:
        n_attrs_ = 0;
        create(kBr, "br");
        return;
      case kP:
        if (!in_scope(kP, kScopeButton)) return;
        generate_implied_end_tags(kP);
        return pop_to(find(kP));
      case kLi:
        if (!in_scope(kLi, kScopeList)) return;
        generate_implied_end_tags(kLi);
        return pop_to(find(kLi));
      case kDd:
      case kDt:
        if (!in_scope(tag, kScopeDefault)) return;
        generate_implied_end_tags(tag);
        return pop_to(find(tag));
      case kH1: case kH2: case kH3: case kH4: case kH5: case kH6: {
        int pos = -1;
        for (Tag h : {kH1, kH2, kH3, kH4, kH5, kH6})
          if (in_scope(h, kScopeDefault)) pos = std::max(pos, find(h));
        if (pos < 0) return;
        generate_implied_end_tags();
        return pop_to(pos);
      }
      case kTable:
      case kTbody:
      case kThead:
      case kTfoot:
      case kTr:
      case kTd:
      case kTh:
      case kCaption:
      case kColgroup:
        if (!in_scope(tag, kScopeTable)) return;
        return pop_to(find(tag));
      case kOption:
      case kOptgroup:
        if (top_tag() == tag) pop();
        return;
      case kSelect:
        if (find(kSelect) >= 0) pop_to(find(kSelect));
        return;
      case kOther:
        return other_end_tag();
      default: break;
    }
    if (flags_of(tag) & kSpecial) {
      if (!in_scope(tag, kScopeDefault)) return;
      generate_implied_end_tags(tag);
      return pop_to(find(tag));
    }
    // Formatting and phrasing elements (a, b, span, font...): close the nearest one unless a
    // special element is open above it, in which case the end tag is ignored.
    const int pos = find(tag);
    if (pos < 0 || pos < top_class_[kAnySpecial]) return;
    generate_implied_end_tags(tag);
    pop_to(pos);
  }

  // An end tag for an element the tree builder has no rule for: the nearest open element of that
  // name, searching down the stack until a special element.
  void other_end_tag() {
    int steps = 0;
    for (int i = static_cast<int>(depth_) - 1; i >= 0 && steps < kMaxWalk; --i, ++steps) {
      const Open& e = stack_[i];
      if (e.tag == kOther && e.name == name_) {
        generate_implied_end_tags();
        return pop_to(i);
      }
      if (e.classes & (1 << kAnySpecial)) return;
    }
  }

  // Bound on the walks down the stack that have no O(1) form (end tags of unknown elements): a
  // page of 100,000 unknown elements then as many unmatched end tags stays linear.
  static constexpr int kMaxWalk = 1024;

  const char* p_;
  const char* end_;
  dom::Dom& dom_;
  const int max_depth_;
  const TagTable& tags_;

  std::vector<Open> stack_;
  size_t depth_ = 0;  // open elements: stack_[0, depth_)
  size_t built_ = 0;  // stack_[0, built_) have nodes; the rest are clipped
  std::array<int, kTagCount> top_same_;
  std::array<int, kClassCount> top_class_;

  Mode mode_ = Mode::kBeforeHtml;
  Node* html_ = nullptr;
  Node* head_ = nullptr;
  Node* body_ = nullptr;
  bool head_open_ = false;

  // The current tag token.
  std::string name_;
  std::vector<Attribute> attrs_;
  size_t n_attrs_ = 0;
  bool self_closing_ = false;
  std::string scratch_;
};

}  // namespace

void parse_html_native(std::string_view html, int max_depth, dom::Dom& dom) {
  Parser parser(html, max_depth, dom);
  parser.run();
}

}  // namespace veille::html
