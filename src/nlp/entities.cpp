#include "nlp/entities.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "nlp/ner.h"

namespace veille {

namespace {

void append_utf8(std::string& out, UChar32 c) {
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, error);
  if (!error) out.append(buf, static_cast<size_t>(n));
}

bool is_separator(UChar32 c) {
  switch (c) {
    case '-': case '\'': case '_': case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2019: case 0x2018: case 0x02BC: case 0x00B4: case 0x0060:
      return true;
    default:
      return u_isUWhiteSpace(c) || c == 0x00A0 || c == 0x202F || c == 0x2007;
  }
}

// Base letter(s) of `c`, lower-cased, without diacritics.
void append_folded(std::string& out, UChar32 c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    return;
  }
  switch (c) {
    case 0x0152: case 0x0153: out += "oe"; return;  // Œ œ
    case 0x00C6: case 0x00E6: out += "ae"; return;  // Æ æ
    case 0x00DF: out += "ss"; return;               // ß
    case 0x00D8: case 0x00F8: out += "o"; return;   // Ø ø
    case 0x0141: case 0x0142: out += "l"; return;   // Ł ł
    case 0x0110: case 0x0111: out += "d"; return;   // Đ đ
    default: break;
  }
  if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) return;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString decomposition;
    if (nfd->getDecomposition(c, decomposition) && decomposition.length() > 0) {
      UChar32 base = decomposition.char32At(0);
      if (base != c) {
        append_folded(out, base);
        return;
      }
    }
  }
  append_utf8(out, u_tolower(c));
}

std::string trim_collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char ch : s) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(ch);
    }
  }
  return out;
}

// The surface as a display name: whitespace runs (newlines, no-break spaces) become one space.
std::string display_name(std::string_view surface) {
  std::string out;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(surface.size());
  const auto* s = reinterpret_cast<const uint8_t*>(surface.data());
  bool space = false;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0 && (u_isUWhiteSpace(c) || c == 0x00A0 || c == 0x202F)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.append(surface.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
  }
  return out;
}

bool has_lowercase(std::string_view s) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && u_islower(c)) return true;
  }
  return false;
}

std::vector<std::string> split_words(const std::string& folded) {
  std::vector<std::string> out;
  std::istringstream in(folded);
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

// Name particles that cannot identify a person on their own ("de", "Le" in "Le Pen" can, with
// "Pen"; "de" alone cannot).
bool is_particle(const std::string& w) {
  static const std::set<std::string> kParticles = {"de", "du", "des", "d", "la", "le", "les", "l",
                                                   "von", "van", "der", "den", "al", "el", "ben",
                                                   "bin", "ibn", "da", "di", "dos", "y", "mc"};
  return kParticles.count(w) > 0;
}

// True when `needle` occurs as a contiguous run of `hay`.
bool contains_run(const std::vector<std::string>& hay, const std::vector<std::string>& needle) {
  if (needle.empty() || needle.size() > hay.size()) return false;
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

}  // namespace

std::string fold_entity_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(name.size());
  const auto* s = reinterpret_cast<const uint8_t*>(name.data());
  bool pending_space = false;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {  // invalid byte(s): keep them
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.append(name.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
      continue;
    }
    if (c == '.') continue;
    if (is_separator(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    append_folded(out, c);
  }
  return out;
}

std::string entity_id(std::string_view type, std::string_view canonical) {
  std::string id(type);
  id.push_back(':');
  for (char ch : fold_entity_name(canonical)) id.push_back(ch == ' ' ? '-' : ch);
  return id;
}

bool is_entity_type(std::string_view type) {
  return type == "PER" || type == "ORG" || type == "LOC" || type == "MISC";
}

Status AliasTable::add_text(std::string_view text, const std::string& name) {
  const int file = static_cast<int>(files_.size());
  // Parse into a staging map first so that an error leaves the table unchanged.
  std::map<std::string, Entry> staged;  // type + '\t' + folded -> entry
  int line_no = 0;
  size_t pos = 0;
  auto error = [&](const std::string& reason) {
    return Status::InvalidArgument(name + ":" + std::to_string(line_no) + ": " + reason);
  };
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? text.size() - pos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    std::string_view probe = line;
    while (!probe.empty() && (probe.front() == ' ' || probe.front() == '\t')) probe.remove_prefix(1);
    if (probe.empty() || probe.front() == '#') continue;
    std::vector<std::string> fields;
    size_t b = 0;
    while (true) {
      size_t tab = line.find('\t', b);
      fields.push_back(trim_collapse(line.substr(b, tab == std::string_view::npos ? line.size() - b : tab - b)));
      if (tab == std::string_view::npos) break;
      b = tab + 1;
    }
    if (fields.size() < 2)
      return error("expected canonical<TAB>type<TAB>alias..., found no TAB-separated type");
    if (fields[0].empty()) return error("empty canonical name");
    if (!is_entity_type(fields[1]))
      return error("unknown type \"" + fields[1] + "\" (expected PER, ORG, LOC or MISC)");
    const std::string& type = fields[1];
    for (size_t f = 0; f < fields.size(); ++f) {
      if (f == 1) continue;
      if (fields[f].empty()) {
        if (f + 1 == fields.size()) continue;  // trailing TAB
        return error("empty alias in field " + std::to_string(f + 1));
      }
      std::string folded = fold_entity_name(fields[f]);
      if (folded.empty()) return error("alias \"" + fields[f] + "\" has no letters or digits");
      std::string key = type + '\t' + folded;
      auto it = staged.find(key);
      if (it != staged.end()) {
        if (fold_entity_name(it->second.target.canonical) != fold_entity_name(fields[0]))
          return error("\"" + fields[f] + "\" is already an alias of \"" + it->second.target.canonical +
                       "\" (" + type + ") on line " + std::to_string(it->second.line));
        continue;
      }
      staged.emplace(std::move(key), Entry{{fields[0], type}, file, line_no});
    }
  }
  files_.push_back(name);
  for (auto& [key, entry] : staged) {
    std::string folded = key.substr(key.find('\t') + 1);
    auto& types = types_of_form_[folded];
    if (std::find(types.begin(), types.end(), entry.target.type) == types.end())
      types.push_back(entry.target.type);
    by_type_form_[key] = std::move(entry);  // a later file overrides
  }
  return Status::Ok();
}

Status AliasTable::add_file(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Status::NotFound(path + ": no such alias file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io(path + ": cannot open alias file");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::Io(path + ": read error");
  return add_text(buf.str(), path);
}

const AliasTarget* AliasTable::find_folded(std::string_view type, const std::string& folded) const {
  if (folded.empty()) return nullptr;
  std::string key(type);
  key.push_back('\t');
  key += folded;
  if (auto it = by_type_form_.find(key); it != by_type_form_.end()) return &it->second.target;
  auto t = types_of_form_.find(folded);
  if (t != types_of_form_.end() && t->second.size() == 1) {
    auto it = by_type_form_.find(t->second.front() + '\t' + folded);
    if (it != by_type_form_.end()) return &it->second.target;
  }
  // "l'Alliance atlantique", "la Maison Blanche": the same without the leading article.
  // Not for persons: "Le Pen" is not "Pen".
  if (type == "PER") return nullptr;
  for (std::string_view article : {"l ", "la ", "le ", "les ", "d "}) {
    if (folded.size() > article.size() && folded.starts_with(article))
      return find_folded(type, folded.substr(article.size()));
  }
  return nullptr;
}

const AliasTarget* AliasTable::find(std::string_view type, std::string_view surface) const {
  return find_folded(type, fold_entity_name(surface));
}

std::string default_aliases_path() {
  std::filesystem::path model(default_ner_model_path());
  return (model.parent_path() / "aliases-fr.tsv").string();
}

std::vector<EntityMention> link_page_entities(std::span<const MentionToLink> mentions,
                                              const AliasTable& aliases) {
  std::vector<EntityMention> out(mentions.size());

  // Distinct (type, folded surface) forms of the page, each resolved once.
  struct Form {
    std::string type;                 // tagger's type
    std::string folded;
    std::vector<std::string> words;   // folded, split on spaces
    std::string display;              // first spelling that is not all capitals (else the first)
    bool display_has_lower = false;
    // Resolution.
    std::string entity_type, canonical;
    bool resolved = false;
  };
  std::vector<Form> forms;
  std::unordered_map<std::string, size_t> form_index;  // type + '\t' + folded
  std::vector<size_t> mention_form(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    std::string folded = fold_entity_name(mentions[i].surface);
    std::string key = mentions[i].type + '\t' + folded;
    auto [it, inserted] = form_index.emplace(key, forms.size());
    if (inserted) {
      Form f;
      f.type = mentions[i].type;
      f.folded = std::move(folded);
      f.words = split_words(f.folded);
      f.display = display_name(mentions[i].surface);
      f.display_has_lower = has_lowercase(f.display);
      forms.push_back(std::move(f));
    } else {
      Form& f = forms[it->second];
      if (!f.display_has_lower && has_lowercase(mentions[i].surface)) {
        f.display = display_name(mentions[i].surface);
        f.display_has_lower = true;
      }
    }
    mention_form[i] = it->second;
  }

  // 1. The alias table.
  for (Form& f : forms) {
    if (const AliasTarget* t = aliases.find_folded(f.type, f.folded)) {
      f.entity_type = t->type;
      f.canonical = t->canonical;
      f.resolved = true;
    }
  }

  // 2. PER forms contained in longer PER forms of the page, longest first so that a form's
  // longer relatives are resolved before it.
  std::vector<size_t> per;
  for (size_t i = 0; i < forms.size(); ++i)
    if (forms[i].type == "PER" && !forms[i].words.empty()) per.push_back(i);
  std::stable_sort(per.begin(), per.end(), [&](size_t a, size_t b) {
    return forms[a].words.size() > forms[b].words.size();
  });
  for (size_t k = 0; k < per.size(); ++k) {
    Form& f = forms[per[k]];
    if (f.resolved) continue;
    bool all_particles = std::all_of(f.words.begin(), f.words.end(), is_particle);
    std::set<std::pair<std::string, std::string>> candidates;  // (type, folded canonical)
    const Form* only = nullptr;
    if (!all_particles) {
      for (size_t j = 0; j < k; ++j) {
        const Form& g = forms[per[j]];
        if (g.words.size() <= f.words.size() || !contains_run(g.words, f.words)) continue;
        // g is resolved: the alias table, a relative of its own, or itself (below).
        if (candidates.insert({g.entity_type, fold_entity_name(g.canonical)}).second) only = &g;
      }
    }
    if (candidates.size() == 1) {
      f.entity_type = only->entity_type;
      f.canonical = only->canonical;
    } else {
      f.entity_type = f.type;
      f.canonical = f.display;
    }
    f.resolved = true;
  }

  // 3. Everything else names itself.
  for (Form& f : forms) {
    if (f.resolved) continue;
    f.entity_type = f.type;
    f.canonical = f.display;
    f.resolved = true;
  }

  for (size_t i = 0; i < mentions.size(); ++i) {
    const Form& f = forms[mention_form[i]];
    out[i].type = f.entity_type;
    out[i].entity = f.canonical;
    out[i].id = entity_id(f.entity_type, f.canonical);
  }
  return out;
}

}  // namespace veille
