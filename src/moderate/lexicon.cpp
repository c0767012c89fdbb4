#include "moderate/lexicon.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdlib>

namespace veille::moderate {

namespace {

constexpr std::array<const char*, kCategoryCount> kCategoryNames = {"insult", "profanity", "slur",
                                                                    "threat", "sexual"};

// Short words a disguised insult is glued to when spaces are removed ("tesunconnard").
const std::unordered_set<std::string_view>& function_words() {
  static const std::unordered_set<std::string_view> words = {
      "t",    "te",   "tu",    "tes",    "es",     "est",  "et",    "un",    "une",  "le",
      "la",   "les",  "l",     "de",     "du",     "des",  "d",     "sale",  "sales", "gros",
      "grosse", "espece", "pauvre", "vieux", "vieille", "ta", "ton", "sa", "son", "ses",
      "va",   "vas",  "quel",  "quelle", "ce",     "cette", "c",    "ces",   "mon",  "ma",
      "mes",  "il",   "elle",  "ils",    "on",     "vous", "toi",   "en",    "a",    "y",
      "sont", "tous", "que",   "qu",     "bande",  "fils", "bon",   "vrai",  "petit", "petite",
      "quelle", "tete", "face", "sac"};
  return words;
}

enum class EditOp { kNone, kInsert, kDelete, kSubstitute, kSwap };

// The single edit turning `form` (a lexicon form) into `token`, if there is exactly one;
// *pos = where.
EditOp single_edit(std::string_view token, std::string_view form, size_t* pos) {
  const size_t a = token.size(), b = form.size();
  size_t i = 0;
  while (i < a && i < b && token[i] == form[i]) ++i;
  *pos = i;
  if (a == b) {
    if (i == a) return EditOp::kNone;
    if (token.substr(i + 1) == form.substr(i + 1)) return EditOp::kSubstitute;
    if (i + 1 < a && token[i] == form[i + 1] && token[i + 1] == form[i] &&
        token.substr(i + 2) == form.substr(i + 2))
      return EditOp::kSwap;
    return EditOp::kNone;
  }
  if (a == b + 1) return token.substr(i + 1) == form.substr(i) ? EditOp::kInsert : EditOp::kNone;
  if (a + 1 == b) return token.substr(i) == form.substr(i + 1) ? EditOp::kDelete : EditOp::kNone;
  return EditOp::kNone;
}

bool all_letters(std::string_view s) {
  for (char c : s)
    if (c < 'a' || c > 'z') return false;
  return !s.empty();
}

std::string collapse_repeats(std::string_view s, size_t max_run) {
  std::string out;
  out.reserve(s.size());
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    run = (i > 0 && s[i] == s[i - 1]) ? run + 1 : 1;
    if (run <= max_run) out.push_back(s[i]);
  }
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Inflected forms of a folded word: plural, feminine, and the common forms of -er verbs.
std::vector<std::string> inflections(const std::string& w) {
  std::vector<std::string> out;
  auto plural = [&](const std::string& f) {
    if (ends_with(f, "s") || ends_with(f, "x") || ends_with(f, "z")) return;
    if (ends_with(f, "eau") || ends_with(f, "au") || ends_with(f, "eu")) out.push_back(f + "x");
    else if (ends_with(f, "al")) out.push_back(f.substr(0, f.size() - 2) + "aux");
    out.push_back(f + "s");
  };
  plural(w);
  if (w.size() >= 5 && ends_with(w, "er")) {
    std::string stem = w.substr(0, w.size() - 2);
    for (const char* e : {"e", "es", "ent", "ee", "ees", "ez", "ons", "ais", "ait", "aient",
                          "ant", "era", "erai", "eras", "erait"})
      out.push_back(stem + e);
    return out;
  }
  if (ends_with(w, "eur")) {
    out.push_back(w.substr(0, w.size() - 3) + "euse");
    out.push_back(w.substr(0, w.size() - 3) + "euses");
  } else if (ends_with(w, "eux")) {
    out.push_back(w.substr(0, w.size() - 1) + "se");
    out.push_back(w.substr(0, w.size() - 1) + "ses");
  } else if (ends_with(w, "if")) {
    out.push_back(w.substr(0, w.size() - 1) + "ve");
    out.push_back(w.substr(0, w.size() - 1) + "ves");
  } else if (ends_with(w, "ien") || ends_with(w, "on")) {
    out.push_back(w + "ne");
    out.push_back(w + "nes");
  } else if (ends_with(w, "ot") || ends_with(w, "et")) {
    out.push_back(w + "te");
    out.push_back(w + "tes");
  }
  if (!ends_with(w, "e") && w.size() >= 3) {
    out.push_back(w + "e");
    out.push_back(w + "es");
  }
  return out;
}

}  // namespace

const char* category_name(uint8_t category) {
  if (category < kCategoryCount) return kCategoryNames[category];
  return category == kSafe ? "safe" : "unknown";
}

size_t Lexicon::Hash::operator()(std::string_view s) const noexcept {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return static_cast<size_t>(h ^ (h >> 29));
}

void Lexicon::KeyFilter::add(std::string_view key) {
  const uint64_t h = hash(key);
  bits_[(h & kMask) >> 6] |= uint64_t{1} << (h & 63);
  bits_[((h >> 32) & kMask) >> 6] |= uint64_t{1} << ((h >> 32) & 63);
}

int Lexicon::find_form(std::string_view form) const {
  if (!form_filter_.may_contain(form)) return -1;
  auto it = form_index_.find(form);
  return it == form_index_.end() ? -1 : it->second;
}

const std::vector<int>* Lexicon::find_deletes(std::string_view key) const {
  if (!delete_filter_.may_contain(key)) return nullptr;
  auto it = deletes_.find(key);
  return it == deletes_.end() ? nullptr : &it->second;
}

void Lexicon::add_form(const std::string& form, int entry, bool base) {
  if (form.empty() || form_index_.count(form) || safe_.count(form)) return;
  const int idx = static_cast<int>(forms_.size());
  forms_.push_back({form, entry, base});
  form_index_.emplace(form, idx);
  form_filter_.add(form);
  if (forms_by_length_.size() <= form.size()) forms_by_length_.resize(form.size() + 1);
  forms_by_length_[form.size()].push_back(idx);
  // Fuzzy matching starts from the entries' own spellings only: inflected forms one edit away
  // from ordinary words ("connues" / "connes", "passant" / "pissant") are too many.
  if (base && form.size() >= 5 && all_letters(form)) {
    auto add = [&](std::string key) {
      delete_filter_.add(key);
      auto& v = deletes_[std::move(key)];
      if (v.empty() || v.back() != idx) v.push_back(idx);
    };
    add(form);
    for (size_t i = 0; i < form.size(); ++i) add(form.substr(0, i) + form.substr(i + 1));
  }
}

Result<std::shared_ptr<const Lexicon>> Lexicon::parse(std::string_view text, const std::string& name) {
  auto lex = std::make_shared<Lexicon>();
  static std::atomic<uint64_t> next_id{1};
  lex->id_ = next_id.fetch_add(1);
  struct Pending {
    std::string folded;
    int entry;
  };
  std::vector<Pending> words;
  size_t line_no = 0;
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') {
      if (nl == text.size()) break;
      continue;
    }
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos)
      return Status::Corrupt(name + ":" + std::to_string(line_no) + ": expected word<TAB>category");
    std::string_view word = line.substr(0, tab);
    std::string_view rest = line.substr(tab + 1);
    std::string_view cat = rest.substr(0, rest.find('\t'));
    if (cat == "valence") {
      // stem<TAB>valence<TAB>source<TAB>value
      std::string_view after = rest.substr(std::min(rest.size(), cat.size() + 1));
      const size_t vtab = after.find('\t');
      const std::string value(vtab == std::string_view::npos ? std::string_view() : after.substr(vtab + 1));
      char* end = nullptr;
      const float v = value.empty() ? 2.f : std::strtof(value.c_str(), &end);
      if (value.empty() || end != value.c_str() + value.size() || !(v >= -1.f && v <= 1.f))
        return Status::Corrupt(name + ":" + std::to_string(line_no) +
                               ": expected stem<TAB>valence<TAB>source<TAB>value with a value in [-1, 1]");
      std::string stem = fold_lexicon_word(word);
      if (stem.size() < 3 || stem.find(' ') != std::string::npos)
        return Status::Corrupt(name + ":" + std::to_string(line_no) + ": a valence stem is one word of 3 letters or more");
      const uint32_t k = valence_prefix_key(stem);
      lex->valence_prefixes_[k >> 6] |= uint64_t{1} << (k & 63);
      lex->valence_[std::move(stem)] = v;
      if (nl == text.size()) break;
      continue;
    }
    uint8_t category = 255;
    for (uint8_t c = 0; c < kCategoryCount; ++c)
      if (cat == kCategoryNames[c]) category = c;
    if (cat == "safe") category = kSafe;
    if (category == 255)
      return Status::Corrupt(name + ":" + std::to_string(line_no) + ": unknown category '" +
                             std::string(cat) + "' (insult, profanity, slur, threat, sexual, safe, valence)");
    std::string folded = fold_lexicon_word(word);
    if (folded.empty())
      return Status::Corrupt(name + ":" + std::to_string(line_no) + ": empty word");
    if (category == kSafe) {
      lex->safe_filter_.add(folded);
      lex->safe_.insert(folded);
    } else {
      lex->entries_.push_back({std::string(word), category});
      words.push_back({folded, static_cast<int>(lex->entries_.size() - 1)});
    }
    if (nl == text.size()) break;
  }
  if (lex->entries_.empty()) return Status::Corrupt(name + ": no entries");
  // Base spellings first, so that an inflection never hides another entry's own spelling.
  for (const auto& w : words) {
    if (w.folded.find(' ') != std::string::npos) continue;
    lex->add_form(w.folded, w.entry, true);
    if (w.folded.find('-') != std::string::npos) {
      std::string joined;
      for (char c : w.folded)
        if (c != '-') joined.push_back(c);
      lex->add_form(joined, w.entry, true);
    }
  }
  for (const auto& w : words) {
    if (w.folded.find(' ') != std::string::npos) {
      Phrase p;
      size_t start = 0;
      for (size_t i = 0; i <= w.folded.size(); ++i) {
        if (i == w.folded.size() || w.folded[i] == ' ') {
          p.words.push_back(w.folded.substr(start, i - start));
          start = i + 1;
        }
      }
      p.entry = w.entry;
      lex->phrases_[p.words[0]].push_back(std::move(p));
      continue;
    }
    for (const auto& f : inflections(w.folded)) lex->add_form(f, w.entry, false);
  }
  return std::shared_ptr<const Lexicon>(std::move(lex));
}

int Lexicon::lookup_exact(std::string_view form) const {
  const int f = find_form(form);
  return f < 0 ? -1 : forms_[static_cast<size_t>(f)].entry;
}

float Lexicon::stem_valence(std::string_view stem) const {
  auto it = valence_.find(stem);
  return it == valence_.end() ? 0.f : it->second;
}

bool Lexicon::is_safe(std::string_view form) const {
  return safe_filter_.may_contain(form) && safe_.find(form) != safe_.end();
}

int Lexicon::match_exact_or_repeat(std::string_view form, uint8_t* kind) const {
  if (const int f = find_form(form); f >= 0) {
    *kind = kMatchExact;
    return f;
  }
  // Only runs of three or more are emphasis ("connnnard"); doubles are ordinary spelling, so
  // "bitte" and "conn" are not "bite" and "con".
  bool has_triple = false;
  for (size_t i = 2; i < form.size(); ++i) has_triple |= form[i] == form[i - 1] && form[i] == form[i - 2];
  if (!has_triple) return -1;
  for (size_t run : {2, 1}) {
    std::string c = collapse_repeats(form, run);
    if (c.size() < 3) continue;
    if (const int f = find_form(c); f >= 0) {
      *kind = kMatchRepeat;
      return f;
    }
  }
  return -1;
}

int Lexicon::match_masked(std::string_view form) const {
  size_t stars = 0, visible = 0;
  for (char c : form) (c == '*' ? stars : visible) += 1;
  if (visible < 2 || stars == 0) return -1;
  // Strict: same length, every visible letter in place.
  if (form.size() < forms_by_length_.size()) {
    int best = -1;
    for (int idx : forms_by_length_[form.size()]) {
      const std::string& f = forms_[static_cast<size_t>(idx)].text;
      bool ok = true;
      for (size_t i = 0; i < f.size() && ok; ++i) ok = form[i] == '*' || form[i] == f[i];
      if (!ok) continue;
      if (best < 0 || (forms_[static_cast<size_t>(idx)].base && !forms_[static_cast<size_t>(best)].base))
        best = idx;
    }
    if (best >= 0 && visible * 3 >= form.size()) return best;
  }
  // Loose: the letters before the first mask and after the last one anchor the word; the middle
  // is free within as many letters as there are masks ("fout**t**r" -> "fouteur").
  size_t first = form.find('*'), last = form.rfind('*');
  std::string_view prefix = form.substr(0, first), suffix = form.substr(last + 1);
  // A single mask may also stand for two letters after a one- or two-letter start when at least
  // four letters show ("f*tre" -> "foutre").
  const bool short_prefix_ok = stars == 1 && !prefix.empty() && suffix.size() >= 2 && visible >= 4;
  if (suffix.empty() || (prefix.size() < 3 && !short_prefix_ok)) return -1;
  int best = -1;
  size_t best_diff = 0;
  for (const auto& f : forms_) {
    if (f.text.size() < prefix.size() + suffix.size() + 1) continue;
    if (f.text.compare(0, prefix.size(), prefix) != 0 || !ends_with(f.text, suffix)) continue;
    size_t diff = f.text.size() > form.size() ? f.text.size() - form.size() : form.size() - f.text.size();
    if (diff > stars) continue;
    if (best < 0 || diff < best_diff) {
      best = static_cast<int>(&f - forms_.data());
      best_diff = diff;
    }
  }
  return best;
}

int Lexicon::match_fuzzy(std::string_view token) const {
  if (token.size() < 5 || token.size() > 30 || !all_letters(token)) return -1;
  int best = -1;
  auto consider = [&](const std::vector<int>& candidates) {
    for (int idx : candidates) {
      const Form& f = forms_[static_cast<size_t>(idx)];
      size_t pos = 0;
      bool ok = false;
      switch (single_edit(token, f.text, &pos)) {
        case EditOp::kInsert: ok = token.size() >= 6 && f.text.size() >= 5 && pos > 0; break;
        case EditOp::kDelete: ok = f.text.size() >= 7; break;
        case EditOp::kSwap: ok = f.text.size() >= 5 && pos > 0; break;
        case EditOp::kSubstitute: ok = f.text.size() >= 7 && pos > 0; break;
        case EditOp::kNone: break;
      }
      if (ok && (best < 0 || (f.base && !forms_[static_cast<size_t>(best)].base))) best = idx;
    }
  };
  if (const auto* c = find_deletes(token)) consider(*c);
  std::string key;
  for (size_t i = 0; i < token.size(); ++i) {
    if (i > 0 && token[i] == token[i - 1]) continue;  // same deletion as the previous one
    key.assign(token.substr(0, i));
    key.append(token.substr(i + 1));
    if (const auto* c = find_deletes(key)) consider(*c);
  }
  return best;
}

int Lexicon::match_compound(std::string_view token) const {
  if (token.size() < 8 || token.size() > 40 || !all_letters(token)) return -1;
  // A word that starts with a safe word is that word inflected ("conseille", "conseillers"), not a
  // term glued to function words ("conse" + "il" + "le").
  for (size_t len = 4; len <= token.size() && len <= 12; ++len)  // safe words are short
    if (is_safe(token.substr(0, len))) return -1;
  const auto& fw = function_words();
  // reach[i]: token[0, i) splits into function words and lexicon forms; lex[i]: a form used.
  std::array<int8_t, 41> reach{};
  std::array<int, 41> lex{};
  reach[0] = 1;
  lex[0] = -1;
  for (size_t i = 0; i < token.size(); ++i) {
    if (!reach[i]) continue;
    for (size_t len = 1; len <= 6 && i + len <= token.size(); ++len) {
      if (fw.count(token.substr(i, len)) && !reach[i + len]) {
        reach[i + len] = 1;
        lex[i + len] = lex[i];
      }
    }
    for (size_t len = 5; i + len <= token.size(); ++len) {
      const int f = find_form(token.substr(i, len));
      if (f >= 0 && !(reach[i + len] && lex[i + len] >= 0)) {
        reach[i + len] = 1;
        lex[i + len] = f;
      }
    }
  }
  return reach[token.size()] ? lex[token.size()] : -1;
}

int Lexicon::match_word(std::string_view form, uint8_t* kind, bool allow_fuzzy) const {
  if (form.find('*') != std::string_view::npos) {
    *kind = kMatchMasked;
    return match_masked(form);
  }
  int m = match_exact_or_repeat(form, kind);
  if (m >= 0) return m;
  if (form.find('-') != std::string_view::npos) {
    std::string joined;
    for (char c : form)
      if (c != '-') joined.push_back(c);
    if ((m = match_exact_or_repeat(joined, kind)) >= 0) return m;
    // Parts of a compound: only long parts, exactly ("cul-de-sac" is not "cul").
    size_t start = 0;
    for (size_t i = 0; i <= form.size(); ++i) {
      if (i == form.size() || form[i] == '-') {
        std::string_view part = form.substr(start, i - start);
        if (part.size() >= 4 && !is_safe(part)) {
          if (const int f = find_form(part); f >= 0) {
            *kind = kMatchExact;
            return f;
          }
        }
        start = i + 1;
      }
    }
    return -1;
  }
  if (is_safe(form) || !allow_fuzzy) return -1;
  if ((m = match_fuzzy(form)) >= 0) { *kind = kMatchFuzzy; return m; }
  if ((m = match_compound(form)) >= 0) { *kind = kMatchCompound; return m; }
  return -1;
}

void Lexicon::find_terms(std::string_view text, const std::vector<ModToken>& tokens,
                         std::vector<TermHit>* hits) const {
  const size_t n = tokens.size();
  auto only_spaces_between = [&](size_t i, size_t j) {
    for (uint32_t k = tokens[i].end; k < tokens[j].begin; ++k)
      if (text[k] != ' ') return false;
    return tokens[j].begin > tokens[i].end;
  };
  auto emit = [&](size_t first, size_t last, int form_idx, uint8_t kind) {
    const Form& f = forms_[static_cast<size_t>(form_idx)];
    TermHit h;
    h.begin = tokens[first].begin;
    h.end = tokens[last].end;
    h.first_token = static_cast<uint32_t>(first);
    h.last_token = static_cast<uint32_t>(last);
    h.entry = f.entry;
    h.normalized = f.text;
    h.category = entries_[static_cast<size_t>(f.entry)].category;
    h.kind = kind;
    hits->push_back(std::move(h));
  };
  std::string joined;
  for (size_t i = 0; i < n;) {
    const ModToken& t = tokens[i];
    if (t.flags & kTokenNumber) { ++i; continue; }
    // Multi-word entries.
    if (auto it = phrases_.find(t.form); it != phrases_.end()) {
      size_t matched_len = 0;
      int matched_entry = -1;
      for (const auto& p : it->second) {
        if (i + p.words.size() > n || p.words.size() <= matched_len) continue;
        bool ok = true;
        for (size_t k = 1; k < p.words.size() && ok; ++k) {
          const std::string& f = tokens[i + k].form;
          ok = f == p.words[k] || (f.size() == p.words[k].size() + 1 && f.back() == 's' &&
                                   f.compare(0, p.words[k].size(), p.words[k]) == 0);
        }
        if (ok) { matched_len = p.words.size(); matched_entry = p.entry; }
      }
      if (matched_entry >= 0) {
        TermHit h;
        h.begin = t.begin;
        h.end = tokens[i + matched_len - 1].end;
        h.first_token = static_cast<uint32_t>(i);
        h.last_token = static_cast<uint32_t>(i + matched_len - 1);
        h.entry = matched_entry;
        h.normalized = fold_lexicon_word(entries_[static_cast<size_t>(matched_entry)].word);
        h.category = entries_[static_cast<size_t>(matched_entry)].category;
        h.kind = kMatchPhrase;
        hits->push_back(std::move(h));
        i += matched_len;
        continue;
      }
    }
    // Letters separated by spaces: "s a l o p e".
    if (t.form.size() == 1) {
      size_t j = i;
      joined.clear();
      while (j < n && tokens[j].form.size() == 1 && !(tokens[j].flags & kTokenNumber) &&
             (j == i || only_spaces_between(j - 1, j))) {
        joined += tokens[j].form;
        ++j;
      }
      if (j - i >= 3) {
        uint8_t kind = 0;
        int m = match_exact_or_repeat(joined, &kind);
        if (m >= 0) {
          emit(i, j - 1, m, kMatchJoined);
          i = j;
          continue;
        }
      }
    }
    uint8_t kind = kMatchExact;
    // Capitalised words inside a comment are mostly names (Putin, Conakry): no fuzzy matching.
    const bool allow_fuzzy = !(t.flags & kTokenCapital) || (t.flags & kTokenAllCaps);
    int m = match_word(t.form, &kind, allow_fuzzy);
    if (m < 0 && !t.alt.empty()) m = match_word(t.alt, &kind, allow_fuzzy);
    if (m >= 0) {
      if ((t.flags & kTokenLeet) && (kind == kMatchExact || kind == kMatchRepeat)) kind = kMatchLeet;
      emit(i, i, m, kind);
      ++i;
      continue;
    }
    // A word split in two by a space: "conn ard".
    if (i + 1 < n && t.form.size() >= 2 && tokens[i + 1].form.size() >= 2 &&
        !(tokens[i + 1].flags & kTokenNumber) && t.form.find('*') == std::string::npos &&
        only_spaces_between(i, i + 1) && t.form.size() + tokens[i + 1].form.size() >= 6) {
      joined = t.form + tokens[i + 1].form;
      uint8_t k2 = 0;
      int m2 = match_exact_or_repeat(joined, &k2);
      if (m2 >= 0 && find_form(tokens[i + 1].form) < 0 &&
          !is_safe(t.form) && !is_safe(tokens[i + 1].form)) {
        emit(i, i + 1, m2, kMatchJoined);
        i += 2;
        continue;
      }
    }
    ++i;
  }
}

}  // namespace veille::moderate
