// Page metadata from HTML: JSON-LD (NewsArticle and kin), OpenGraph, <meta>, <time datetime>,
// <html lang>, and bylines in the markup.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/dom.h"

namespace veille {

struct PageMetadata {
  std::optional<std::string> title;      // the article's headline, site suffix removed
  std::optional<std::string> published;  // normalised: YYYY-MM-DD[THH:MM[:SS][+hh:mm]]
  std::vector<std::string> authors;      // person names, deduplicated, in page order
  std::optional<std::string> site;       // site name (og:site_name, publisher) or host of url
  std::optional<std::string> lang;       // ISO 639-1 from <html lang> / og:locale / JSON-LD
  std::optional<std::string> description;
  // The visible line the published date was read from when no metadata gave it ("Publié le
  // jeudi 5 novembre 2026 à 14h30"), whitespace collapsed; the body leaves that line out.
  std::optional<std::string> dateline;
  // The page declares itself a product page (JSON-LD Product / ProductGroup, og:type product):
  // its customer reviews are then page furniture, not the product's description.
  bool product_page = false;
  // The page's own address as it declares it: <link rel="canonical">, else og:url (absolute
  // http(s) URLs only). A re-crawled or corrected page keeps its canonical URL, which is how the
  // store recognises a new version of a known article.
  std::optional<std::string> canonical_url;
};

// `url` (may be empty) helps derive the site and strip "Title | Site" suffixes.
PageMetadata extract_metadata(const dom::Dom& dom, std::string_view url);

// Normalises a date as written in metadata ("2025-02-12T18:04:00.000Z", "12/02/2025",
// "12 février 2025", "Wed, 12 Feb 2025 18:04:00 GMT") to YYYY-MM-DD[THH:MM[:SS][+hh:mm]];
// nullopt if it cannot be read.
std::optional<std::string> normalize_date(std::string_view text);

}  // namespace veille
