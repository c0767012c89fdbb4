#include "veille/review.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <set>

#include "report/render.h"

namespace veille {

namespace {

bool is_day(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  int month = (s[5] - '0') * 10 + (s[6] - '0'), day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::string utc_now() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The stories the review shows, newest first: every story still running since `since`, or, with a
// query, the stories of the articles that match it.
Result<std::vector<int64_t>> select_stories(Store& store, const ReviewOptions& options) {
  std::vector<int64_t> ids;
  if (options.query) {
    SearchQuery q;
    q.query = *options.query;
    q.since = options.since;
    q.limit = 1000;
    auto found = store.search(q);
    if (!found.ok()) return found.status();
    std::set<int64_t> seen;
    for (const auto& hit : found->hits)
      if (hit.story && seen.insert(*hit.story).second) ids.push_back(*hit.story);
    return ids;
  }
  StoryListQuery q;
  q.since = options.since;
  q.limit = static_cast<int64_t>(options.max_stories);
  auto list = store.list_stories(q);
  if (!list.ok()) return list.status();
  for (const auto& s : list->stories) ids.push_back(s.id);
  return ids;
}

}  // namespace

Result<ReviewFormat> parse_review_format(std::string_view name) {
  if (name == "html") return ReviewFormat::kHtml;
  if (name == "md" || name == "markdown") return ReviewFormat::kMarkdown;
  if (name == "json") return ReviewFormat::kJson;
  return Status::InvalidArgument("unknown review format \"" + std::string(name) + "\" (html, md or json)");
}

namespace {

Result<Json> build_review(Store& store, const ReviewOptions& options) {
  if (options.since && !is_day(*options.since))
    return Status::InvalidArgument("--since wants a day as YYYY-MM-DD, not \"" + *options.since + "\"");
  auto ids = select_stories(store, options);
  if (!ids.ok()) return ids.status();

  Json stories = Json::array();
  std::set<int64_t> shown;
  std::set<std::string> sites;
  int64_t articles = 0;
  std::string first, last;
  for (int64_t id : *ids) {
    auto story = store.get_story(id);
    if (!story.ok()) return story.status();
    shown.insert(id);
    for (const auto& s : story->sources) {
      articles += 1 + static_cast<int64_t>(s.duplicates.size());
      if (s.article.site) sites.insert(*s.article.site);
      for (const auto& d : s.duplicates)
        if (d.site) sites.insert(*d.site);
    }
    if (story->first && (first.empty() || *story->first < first)) first = *story->first;
    if (story->last && (last.empty() || *story->last > last)) last = *story->last;
    Json sj = story->to_json();
    // A source without a site name or a URL (flattened text, a page without metadata) is named by
    // its authors, else by its file, rather than left nameless: one read of the stored document each.
    for (Json& src : sj["sources"]) {
      if (src["site"].is_string() || src["url"].is_string() || !src["article"].is_number_integer()) continue;
      auto doc = store.get_article(src["article"].get<int64_t>());
      if (!doc.ok()) continue;  // the review still shows the source, nameless
      const Json& d = doc->document;
      std::string authors;
      if (d.contains("authors") && d["authors"].is_array())
        for (const Json& a : d["authors"])
          if (a.is_string()) authors += (authors.empty() ? "" : ", ") + a.get<std::string>();
      if (!authors.empty()) src["author"] = authors;
      if (d.contains("source") && d["source"].is_string()) {
        std::string file = d["source"].get<std::string>();
        if (size_t slash = file.find_last_of('/'); slash != std::string::npos) file = file.substr(slash + 1);
        if (!file.empty()) src["file"] = file;
      }
    }
    // Headline: the title of the source most taken up by other sites (an agency dispatch that
    // three papers ran tells the event; the story's stored title is whichever page came first,
    // often a side angle). Without copies, the title of the earliest published source: the first
    // report of the event, where the stored one depends on the order of ingestion (a colour
    // piece of the next day stored first). Without dates either, the stored title stays.
    size_t most = 0;
    for (const auto& s : story->sources)
      if (s.duplicates.size() > most && s.article.title && !s.article.title->empty()) {
        most = s.duplicates.size();
        sj["title"] = *s.article.title;
      }
    if (most == 0) {
      const StorySource* earliest = nullptr;
      for (const auto& s : story->sources)
        if (s.article.title && !s.article.title->empty() && s.article.published &&
            (!earliest || *s.article.published < *earliest->article.published ||
             // the same moment: a fixed choice, so that the review does not depend on the order
             (*s.article.published == *earliest->article.published && *s.article.title < *earliest->article.title)))
          earliest = &s;
      if (earliest) sj["title"] = *earliest->article.title;
    }
    stories.push_back(std::move(sj));
  }
  // Newest first: by last day, then first day, then id, so the order is stable.
  std::vector<Json> sorted(stories.begin(), stories.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const Json& a, const Json& b) {
    auto key = [](const Json& j, const char* k) { return j[k].is_string() ? j[k].get<std::string>() : ""; };
    if (key(a, "last") != key(b, "last")) return key(a, "last") > key(b, "last");
    if (key(a, "first") != key(b, "first")) return key(a, "first") > key(b, "first");
    return a["id"].get<int64_t>() < b["id"].get<int64_t>();
  });
  if (sorted.size() > options.max_stories) sorted.resize(options.max_stories);

  // Threads that link at least two of the stories shown.
  auto threads = store.list_threads();
  if (!threads.ok()) return threads.status();
  Json thread_list = Json::array();
  for (const auto& t : threads->threads) {
    size_t in_review = std::count_if(t.stories.begin(), t.stories.end(), [&](int64_t s) { return shown.count(s); });
    if (in_review < 2) continue;
    // Titled by its story with the most articles (copies included), the earliest on a tie: the
    // store's title is that of whichever story happened to open the thread, often a side story.
    Json tj = t.to_json();
    const Json* main = nullptr;
    size_t main_count = 0;
    for (const Json& st : sorted) {
      if (std::find(t.stories.begin(), t.stories.end(), st["id"].get<int64_t>()) == t.stories.end()) continue;
      size_t count = 0;
      for (const Json& src : st["sources"]) count += 1 + (src.contains("duplicates") ? src["duplicates"].size() : 0);
      const auto first_of = [](const Json& j) { return j["first"].is_string() ? j["first"].get<std::string>() : ""; };
      if (!main || count > main_count || (count == main_count && first_of(st) < first_of(*main))) {
        main = &st;
        main_count = count;
      }
    }
    if (main && (*main)["title"].is_string()) tj["title"] = (*main)["title"];
    thread_list.push_back(std::move(tj));
  }

  Json review;
  review["title"] = options.title;
  review["generated"] = options.generated.empty() ? utc_now() : options.generated;
  review["since"] = options.since ? Json(*options.since) : Json(nullptr);
  review["query"] = options.query ? Json(*options.query) : Json(nullptr);
  Json stats;
  stats["stories"] = sorted.size();
  stats["articles"] = articles;
  stats["sites"] = sites.size();
  stats["first"] = first.empty() ? Json(nullptr) : Json(first);
  stats["last"] = last.empty() ? Json(nullptr) : Json(last);
  review["stats"] = std::move(stats);
  review["threads"] = std::move(thread_list);
  review["stories"] = Json(sorted);
  return review;
}

}  // namespace

Result<std::string> write_review(Store& store, const ReviewOptions& options, ReviewFormat format) {
  auto review = build_review(store, options);
  if (!review.ok()) return review.status();
  switch (format) {
    case ReviewFormat::kHtml: return report::render_html(*review);
    case ReviewFormat::kMarkdown: return report::render_markdown(*review);
    case ReviewFormat::kJson: return review->dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
  }
  return Status::Internal("unhandled review format");
}

}  // namespace veille
