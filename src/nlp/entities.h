// Canonical entities: one entity behind the spellings of a name (Poutine / Putin / Vladimir
// Poutine; Kiev / Kyiv; Trump after Donald Trump), within a page and across pages.
//
// Three sources of evidence, applied in this order to every mention of a page:
//  1. the alias table (models/aliases-fr.tsv plus user files, see AliasTable): a mention whose
//     folded surface is listed resolves to the listed canonical name and type. Listing a form is a
//     claim that it is unambiguous in French news; the table wins over page evidence.
//  2. within the page, for PER mentions not in the table: a mention whose folded tokens are a
//     contiguous run of the tokens of longer PER mentions of the same page ("Pellistrandi" after
//     "Jérôme Pellistrandi", "Le Pen" after "Marine Le Pen") links to the entity of those longer
//     mentions when they all name one entity. When they name two or more entities ("Le Pen" in a
//     page that names both Marine Le Pen and Jean-Marie Le Pen), there is no evidence to pick one:
//     the mention keeps an entity of its own, named by its own surface ("Le Pen", PER:le-pen).
//  3. otherwise the mention is its own entity, named by its surface as written (whitespace
//     collapsed; the first spelling in the page that is not all capitals).
// A page's mentions are its article text's and its comments'; linking sees them all.
//
// Folding (fold_entity_name) makes case, accents, hyphens, apostrophes and spacing irrelevant,
// so "Zélensky" = "ZELENSKY", "Maison-Blanche" = "Maison Blanche", "Etats-Unis" = "États Unis".
// Ids (entity_id) are derived from the type and the folded canonical name only, so the same
// entity has the same id in every page, every run and every version that ships the same table.
//
// Thread safety: AliasTable is immutable once built (const methods are thread-safe); the
// functions here are pure.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "veille/document.h"
#include "veille/status.h"

namespace veille {

// Lower case, accents removed (é -> e, œ -> oe, ß -> ss), periods removed ("U.S.A." -> "usa"),
// hyphens, apostrophes, underscores and any whitespace turned into one space, trimmed. Letters
// outside Latin are lower-cased and kept. Invalid UTF-8 bytes are kept as they are.
std::string fold_entity_name(std::string_view name);

// "PER:vladimir-poutine": the type, a colon and the folded canonical name with spaces as '-'.
std::string entity_id(std::string_view type, std::string_view canonical);

// True for PER, ORG, LOC and MISC.
bool is_entity_type(std::string_view type);

// What an alias resolves to.
struct AliasTarget {
  std::string canonical;  // as written in the table
  std::string type;       // PER, ORG, LOC or MISC
};

// The alias table. File format (UTF-8, one entity per line, TAB-separated):
//     canonical<TAB>type<TAB>alias<TAB>alias...
// '#' starts a comment line; blank lines are ignored; a '\r' before the newline is ignored. The
// canonical name is an alias of itself. Aliases are matched after fold_entity_name.
// Within one file, a folded form listed for two different canonical names of the same type is an
// error; a later file (add_file after the shipped table) overrides earlier entries instead, so
// users can correct the shipped table.
class AliasTable {
 public:
  // Parses `text` as one alias file; `name` (a path) prefixes error messages, which have the form
  // "<name>:<line>: <reason>" with a 1-based line number. Errors are kInvalidArgument; on error
  // the table is unchanged.
  Status add_text(std::string_view text, const std::string& name);
  // Reads and parses a file: kNotFound when it does not exist, kIo when unreadable, else as
  // add_text.
  Status add_file(const std::string& path);

  // The target of `surface` for a mention tagged `type`: the entry of that type when there is
  // one; else the entry of another type when the folded form is listed under exactly one type
  // (the table then corrects the tagger's type, e.g. "Kremlin" tagged LOC is the ORG); else the
  // same for the surface without a leading article ("l'Alliance atlantique", "la Maison
  // Blanche"); else null.
  const AliasTarget* find(std::string_view type, std::string_view surface) const;
  // The same with a surface already folded.
  const AliasTarget* find_folded(std::string_view type, const std::string& folded) const;

  size_t size() const { return by_type_form_.size(); }  // distinct (type, folded form) pairs

 private:
  struct Entry {
    AliasTarget target;
    int file = 0;  // index of the file it came from
    int line = 0;
  };
  std::unordered_map<std::string, Entry> by_type_form_;           // type + '\t' + folded
  std::unordered_map<std::string, std::vector<std::string>> types_of_form_;  // folded -> types
  std::vector<std::string> files_;
};

// Where the shipped alias table lives: aliases-fr.tsv in the directory of default_ner_model_path()
// ($VEILLE_MODELS, or models/ beside or above the executable, or ./models).
std::string default_aliases_path();

// A mention to link: its type from the tagger and its surface (the bytes the span covers).
struct MentionToLink {
  std::string_view surface;
  std::string type;
};

// The entity each mention of one page names, in the order given: EntityMention::type (the
// alias table may correct the tagger's), ::entity and ::id are set; ::span is left default.
std::vector<EntityMention> link_page_entities(std::span<const MentionToLink> mentions,
                                              const AliasTable& aliases);

}  // namespace veille
