#include "store/digest_input.h"

#include <cstdint>

#include "core/binary_io.h"

namespace veille::store {
namespace {

// Bumped whenever the layout or what it holds changes: an old encoding is then not read (its
// article's JSON is), never misread.
constexpr char kMagic[] = "VDI1";
constexpr size_t kMaxBytes = size_t{1} << 30;
constexpr uint32_t kMaxCount = 1u << 26;

void put_span(binio::Writer& w, Span s) {
  w.pod<uint32_t>(s.begin);
  w.pod<uint32_t>(s.end);
}

void put_opt(binio::Writer& w, const std::optional<std::string>& s) {
  w.pod<uint8_t>(s ? 1 : 0);
  if (s) w.str(*s);
}

bool get_span(binio::Reader& r, Span* s) {
  return r.pod(&s->begin, "span") && r.pod(&s->end, "span");
}

bool get_opt(binio::Reader& r, std::optional<std::string>* s) {
  uint8_t has = 0;
  if (!r.pod(&has, "flag") || has > 1) return false;
  if (!has) {
    s->reset();
    return true;
  }
  std::string v;
  if (!r.str(&v, "string", kMaxBytes)) return false;
  *s = std::move(v);
  return true;
}

bool get_count(binio::Reader& r, uint32_t* n) { return r.pod(n, "count") && *n <= kMaxCount; }

}  // namespace

std::string encode_digest_input(const Document& doc, const corpus::SummaryCandidates& candidates) {
  binio::Writer w;
  w.bytes(kMagic, 4);
  put_opt(w, doc.site);
  put_opt(w, doc.url);
  w.str(doc.text);
  w.pod<uint32_t>(static_cast<uint32_t>(doc.body.size()));
  for (const Block& b : doc.body) {
    w.pod<uint8_t>(static_cast<uint8_t>(b.kind));
    put_span(w, b.span);
  }
  const Annotations& a = doc.annotations;
  w.pod<uint32_t>(static_cast<uint32_t>(a.sentences.size()));
  for (const Span& s : a.sentences) put_span(w, s);
  w.pod<uint32_t>(static_cast<uint32_t>(a.entities.size()));
  for (const EntityMention& e : a.entities) put_span(w, e.span);
  w.pod<uint32_t>(static_cast<uint32_t>(a.dates.size()));
  for (const DateMention& d : a.dates) {
    put_span(w, d.span);
    w.str(d.value);
    w.str(d.kind);
  }
  w.pod<uint32_t>(static_cast<uint32_t>(candidates.sentences.size()));
  for (const auto& s : candidates.sentences) {
    put_span(w, s.span);
    w.pod<uint32_t>(static_cast<uint32_t>(s.terms.size()));
    for (const auto& [term, count] : s.terms) {
      w.str(term);
      w.pod<uint32_t>(count);
    }
  }
  return std::move(w.out());
}

bool decode_digest_input(std::string_view bytes, Document* doc, corpus::SummaryCandidates* candidates) {
  if (bytes.size() < 4 || bytes.substr(0, 4) != std::string_view(kMagic, 4)) return false;
  binio::Reader r(bytes.substr(4));
  *doc = Document{};
  candidates->sentences.clear();
  if (!get_opt(r, &doc->site) || !get_opt(r, &doc->url) || !r.str(&doc->text, "text", kMaxBytes)) return false;
  uint32_t n = 0;
  if (!get_count(r, &n)) return false;
  doc->body.resize(n);
  for (Block& b : doc->body) {
    uint8_t kind = 0;
    if (!r.pod(&kind, "block kind") || kind > static_cast<uint8_t>(BlockKind::kList) || !get_span(r, &b.span))
      return false;
    b.kind = static_cast<BlockKind>(kind);
  }
  Annotations& a = doc->annotations;
  if (!get_count(r, &n)) return false;
  a.sentences.resize(n);
  for (Span& s : a.sentences)
    if (!get_span(r, &s)) return false;
  if (!get_count(r, &n)) return false;
  a.entities.resize(n);
  for (EntityMention& e : a.entities)
    if (!get_span(r, &e.span)) return false;
  if (!get_count(r, &n)) return false;
  a.dates.resize(n);
  for (DateMention& d : a.dates)
    if (!get_span(r, &d.span) || !r.str(&d.value, "date value", kMaxBytes) || !r.str(&d.kind, "date kind", kMaxBytes))
      return false;
  if (!get_count(r, &n)) return false;
  candidates->sentences.resize(n);
  for (auto& s : candidates->sentences) {
    uint32_t terms = 0;
    if (!get_span(r, &s.span) || !get_count(r, &terms)) return false;
    s.terms.resize(terms);
    for (auto& [term, count] : s.terms)
      if (!r.str(&term, "term", kMaxBytes) || !r.pod(&count, "term count")) return false;
  }
  return !r.failed() && r.pos() == bytes.size() - 4;
}

}  // namespace veille::store
