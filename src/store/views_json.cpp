// to_json of the read-side views: the shapes of README "Read-side JSON" (api_shapes), shared by
// the CLI, the HTTP API, the web UI and the press review.
#include "veille/store.h"

namespace veille {

namespace {

template <typename T>
Json opt(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json article_ref_json(const ArticleRef& r, bool with_title, bool with_story) {
  Json j;
  j["article"] = r.article;
  if (with_title) j["title"] = opt(r.title);
  j["site"] = opt(r.site);
  j["url"] = opt(r.url);
  j["published"] = opt(r.published);
  if (with_story) j["story"] = opt(r.story);
  return j;
}

Json entity_counts(const std::vector<EntityCount>& v) {
  Json a = Json::array();
  for (const auto& e : v) a.push_back(e.to_json());
  return a;
}

}  // namespace

Json EntityCount::to_json() const {
  return Json{{"id", id}, {"name", name}, {"type", type}, {"mentions", mentions}};
}

Json SearchResult::to_json() const {
  Json j;
  j["query"] = query;
  j["total"] = total;
  j["offset"] = offset;
  j["limit"] = limit;
  auto& hs = j["hits"] = Json::array();
  for (const auto& h : hits) {
    Json hj;
    hj["article"] = h.article;
    hj["title"] = opt(h.title);
    hj["url"] = opt(h.url);
    hj["site"] = opt(h.site);
    hj["published"] = opt(h.published);
    hj["story"] = opt(h.story);
    hj["score"] = h.score;
    auto& sn = hj["snippet"] = Json::array();
    for (const auto& s : h.snippet) sn.push_back(Json{{"text", s.text}, {"hit", s.hit}});
    hs.push_back(std::move(hj));
  }
  auto& f = j["facets"];
  f["entities"] = Json::array();
  for (const auto& e : entity_facets)
    f["entities"].push_back(Json{{"id", e.key}, {"name", e.name}, {"type", e.type}, {"count", e.count}});
  f["sites"] = Json::array();
  for (const auto& s : site_facets) f["sites"].push_back(Json{{"site", s.key}, {"count", s.count}});
  f["days"] = Json::array();
  for (const auto& d : day_facets) f["days"].push_back(Json{{"day", d.key}, {"count", d.count}});
  return j;
}

Json StoryListItem::to_json() const {
  Json j;
  j["id"] = id;
  j["thread"] = opt(thread);
  j["title"] = title;
  j["first"] = opt(first);
  j["last"] = opt(last);
  j["articles"] = articles;
  j["sites"] = sites;
  j["entities"] = entity_counts(entities);
  j["toxic_share"] = opt(toxic_share);
  return j;
}

Json StoryList::to_json() const {
  Json j;
  j["total"] = total;
  auto& a = j["stories"] = Json::array();
  for (const auto& s : stories) a.push_back(s.to_json());
  return j;
}

Json ThreadItem::to_json() const {
  Json j;
  j["id"] = id;
  j["title"] = title;
  j["stories"] = stories;
  j["first"] = opt(first);
  j["last"] = opt(last);
  return j;
}

Json ThreadList::to_json() const {
  Json j;
  auto& a = j["threads"] = Json::array();
  for (const auto& t : threads) a.push_back(t.to_json());
  return j;
}

Json StoryDetail::to_json() const {
  Json j;
  j["id"] = id;
  j["thread"] = opt(thread);
  j["title"] = title;
  j["first"] = opt(first);
  j["last"] = opt(last);
  auto& src = j["sources"] = Json::array();
  for (const auto& s : sources) {
    Json sj = article_ref_json(s.article, true, false);
    auto& dj = sj["duplicates"] = Json::array();
    for (const auto& d : s.duplicates) dj.push_back(article_ref_json(d, false, false));
    src.push_back(std::move(sj));
  }
  j["entities"] = entity_counts(entities);
  auto& sum = j["summary"] = Json::array();
  for (const auto& s : summary) sum.push_back(Json{{"text", s.text}, {"article", s.article}});
  auto& qs = j["quotes"] = Json::array();
  for (const auto& q : quotes)
    qs.push_back(Json{{"speaker", opt(q.speaker)}, {"speaker_entity", opt(q.speaker_entity)}, {"text", q.text},
                      {"kind", q.kind}, {"article", q.article}});
  auto& tl = j["timeline"] = Json::array();
  for (const auto& e : timeline) tl.push_back(Json{{"value", e.value}, {"text", e.text}, {"article", e.article}});
  j["comments"] = Json{{"count", comments}, {"toxic", toxic},
                       {"toxic_share", comments ? Json(static_cast<double>(toxic) / static_cast<double>(comments)) : Json(nullptr)}};
  auto& rel = j["related"] = Json::array();
  for (const auto& [rid, rtitle] : related) rel.push_back(Json{{"id", rid}, {"title", rtitle}});
  return j;
}

Json EntityList::to_json() const {
  Json j;
  j["total"] = total;
  auto& a = j["entities"] = Json::array();
  for (const auto& e : entities)
    a.push_back(Json{{"id", e.id}, {"name", e.name}, {"type", e.type}, {"mentions", e.mentions}, {"articles", e.articles}});
  return j;
}

Json EntityDetail::to_json() const {
  Json j;
  j["id"] = id;
  j["name"] = name;
  j["type"] = type;
  j["surfaces"] = surfaces;
  j["mentions"] = mentions;
  j["articles"] = articles;
  auto& tl = j["timeline"] = Json::array();
  for (const auto& [day, n] : timeline) tl.push_back(Json{{"day", day}, {"count", n}});
  auto& qs = j["quotes"] = Json::array();
  for (const auto& q : quotes)
    qs.push_back(Json{{"text", q.text}, {"kind", q.kind}, {"article", q.article}, {"story", opt(q.story)}});
  auto& co = j["cooccurring"] = Json::array();
  for (const auto& e : cooccurring) co.push_back(Json{{"id", e.id}, {"name", e.name}, {"type", e.type}, {"count", e.mentions}});
  auto& rec = j["recent"] = Json::array();
  for (const auto& r : recent)
    rec.push_back(Json{{"article", r.article}, {"title", opt(r.title)}, {"site", opt(r.site)},
                       {"published", opt(r.published)}, {"story", opt(r.story)}});
  return j;
}

Json ArticleDetail::to_json() const {
  Json j;
  j["id"] = id;
  j["story"] = opt(story);
  j["duplicate_of"] = opt(duplicate_of);
  j["duplicates"] = duplicates;
  j["versions"] = versions;
  j["document"] = document;
  return j;
}

Json StoreStats::to_json() const {
  Json j;
  j["pages"] = pages;
  j["articles"] = articles;
  j["versions"] = versions;
  j["duplicates"] = duplicates;
  j["stories"] = stories;
  j["threads"] = threads;
  j["entities"] = entities;
  j["comments"] = comments;
  j["toxic_comments"] = toxic_comments;
  j["sites"] = sites;
  j["first"] = opt(first);
  j["last"] = opt(last);
  return j;
}

}  // namespace veille
