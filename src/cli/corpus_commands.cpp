// The read commands over a database: `veille search`, `veille stories`, `veille entity`,
// `veille show`. JSON Lines on stdout by default (the shapes of README "Read-side JSON"),
// `--format table` for people. Exit codes: 0 ok, 1 failure (no database, unknown id), 2 usage
// (bad query, bad option).
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "veille/store.h"

namespace veille::cli {

namespace {

struct DbArgs {
  std::string db = kDefaultDatabasePath;
  std::string format = "json";
};

void add_db_options(CLI::App* cmd, DbArgs& args) {
  cmd->add_option("--db", args.db, "Database file (see veille ingest)")->capture_default_str();
  cmd->add_option("--format", args.format, "Output: json (JSON Lines) or table")
      ->check(CLI::IsMember({"json", "table"}))
      ->capture_default_str();
}

// Prints the error and gives the exit code: caller errors in the request are usage errors.
int fail(const char* command, const Status& st) {
  std::cerr << "veille " << command << ": " << st.to_string() << "\n";
  return st.code() == StatusCode::kInvalidArgument ? 2 : 1;
}

std::unique_ptr<Store> open_store(const char* command, const DbArgs& args, int* code) {
  SqliteStoreOptions o;
  o.must_exist = true;
  auto s = open_sqlite_store(args.db, o);
  if (!s.ok()) {
    *code = fail(command, s.status());
    return nullptr;
  }
  return std::move(*s);
}

void print_json(const Json& j) {
  std::cout << j.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
}

std::string or_dash(const std::optional<std::string>& s) { return s && !s->empty() ? *s : "-"; }

std::string cut(const std::string& s, size_t bytes) {
  if (s.size() <= bytes) return s;
  size_t end = bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;  // whole UTF-8 characters
  return s.substr(0, end) + "…";
}

// ---- search

struct SearchArgs {
  DbArgs db;
  SearchQuery q;
  std::string entity, site, since, until;
  int64_t story = -1;
};

int run_search(SearchArgs& a) {
  int code = 0;
  auto store = open_store("search", a.db, &code);
  if (!store) return code;
  if (!a.entity.empty()) a.q.entity = a.entity;
  if (!a.site.empty()) a.q.site = a.site;
  if (!a.since.empty()) a.q.since = a.since;
  if (!a.until.empty()) a.q.until = a.until;
  if (a.story >= 0) a.q.story = a.story;
  auto r = store->search(a.q);
  if (!r.ok()) return fail("search", r.status());
  if (a.db.format == "json") {
    print_json(r->to_json());
    return 0;
  }
  std::cout << r->total << " result" << (r->total == 1 ? "" : "s") << " for " << a.q.query << "\n";
  for (const auto& h : r->hits) {
    char score[32];
    std::snprintf(score, sizeof score, "%.2f", h.score);
    std::cout << "\n#" << h.article << "  " << or_dash(h.published).substr(0, 10) << "  " << or_dash(h.site) << "  "
              << or_dash(h.title) << "  (score " << score << (h.story ? ", story " + std::to_string(*h.story) : "")
              << ")\n  ";
    for (const auto& s : h.snippet) std::cout << (s.hit ? "[" + s.text + "]" : s.text);
    std::cout << "\n";
  }
  if (!r->site_facets.empty()) {
    std::cout << "\nsites:";
    for (const auto& f : r->site_facets) std::cout << " " << f.key << " (" << f.count << ")";
    std::cout << "\n";
  }
  if (!r->entity_facets.empty()) {
    std::cout << "entities:";
    for (const auto& f : r->entity_facets) std::cout << " " << f.name << " (" << f.count << ")";
    std::cout << "\n";
  }
  return 0;
}

// ---- stories

struct StoriesArgs {
  DbArgs db;
  std::string since;
  int64_t limit = 50, offset = 0;
};

int run_stories(const StoriesArgs& a) {
  int code = 0;
  auto store = open_store("stories", a.db, &code);
  if (!store) return code;
  StoryListQuery q;
  if (!a.since.empty()) q.since = a.since;
  q.limit = a.limit;
  q.offset = a.offset;
  auto stories = store->list_stories(q);
  if (!stories.ok()) return fail("stories", stories.status());
  auto threads = store->list_threads();
  if (!threads.ok()) return fail("stories", threads.status());
  if (a.db.format == "json") {
    print_json(stories->to_json());
    print_json(threads->to_json());
    return 0;
  }
  std::cout << stories->total << " stor" << (stories->total == 1 ? "y" : "ies") << "\n";
  for (const auto& s : stories->stories) {
    std::cout << "\n#" << s.id << "  " << or_dash(s.first) << " .. " << or_dash(s.last) << "  " << s.articles
              << " article" << (s.articles == 1 ? "" : "s") << (s.thread ? "  thread " + std::to_string(*s.thread) : "")
              << "\n  " << cut(s.title, 100) << "\n";
    if (!s.sites.empty()) {
      std::cout << "  sites:";
      for (const auto& site : s.sites) std::cout << " " << site;
      std::cout << "\n";
    }
    if (!s.entities.empty()) {
      std::cout << "  who:";
      for (const auto& e : s.entities) std::cout << " " << e.name << " (" << e.mentions << ")";
      std::cout << "\n";
    }
  }
  if (!threads->threads.empty()) std::cout << "\n" << threads->threads.size() << " thread(s)\n";
  for (const auto& t : threads->threads) {
    std::cout << "thread " << t.id << "  " << or_dash(t.first) << " .. " << or_dash(t.last) << "  stories";
    for (int64_t id : t.stories) std::cout << " #" << id;
    std::cout << "\n  " << cut(t.title, 100) << "\n";
  }
  return 0;
}

// ---- entity

struct EntityArgs {
  DbArgs db;
  std::string name;
};

int run_entity(const EntityArgs& a) {
  int code = 0;
  auto store = open_store("entity", a.db, &code);
  if (!store) return code;
  auto e = store->get_entity(a.name);
  if (!e.ok() && e.status().code() == StatusCode::kNotFound) {
    // Not an id: look the name up (case and accents folded).
    auto list = store->list_entities(a.name, 20, 0);
    if (!list.ok()) return fail("entity", list.status());
    std::vector<EntityListItem> exact;
    for (const auto& item : list->entities)
      if (search_terms(item.name) == search_terms(a.name)) exact.push_back(item);
    const auto& pool = exact.empty() ? list->entities : exact;
    if (pool.empty()) return fail("entity", Status::NotFound("no entity named or with id \"" + a.name + "\""));
    if (pool.size() > 1 && exact.size() != 1) {
      std::cerr << "veille entity: \"" << a.name << "\" matches several entities; give one id:\n";
      for (const auto& item : pool) std::cerr << "  " << item.id << "  " << item.name << " (" << item.type << ")\n";
      return 1;
    }
    e = store->get_entity(pool.front().id);
  }
  if (!e.ok()) return fail("entity", e.status());
  if (a.db.format == "json") {
    print_json(e->to_json());
    return 0;
  }
  std::cout << e->name << "  (" << e->type << ", " << e->id << ")\n"
            << e->mentions << " mentions in " << e->articles << " articles\n";
  if (!e->surfaces.empty()) {
    std::cout << "written:";
    for (const auto& s : e->surfaces) std::cout << " " << s << ";";
    std::cout << "\n";
  }
  if (!e->cooccurring.empty()) {
    std::cout << "with:";
    for (const auto& c : e->cooccurring) std::cout << " " << c.name << " (" << c.mentions << ")";
    std::cout << "\n";
  }
  if (!e->quotes.empty()) std::cout << "\nquotes:\n";
  for (const auto& q : e->quotes) std::cout << "  « " << cut(q.text, 200) << " »  #" << q.article << "\n";
  if (!e->recent.empty()) std::cout << "\nrecent articles:\n";
  for (const auto& r : e->recent)
    std::cout << "  #" << r.article << "  " << or_dash(r.published).substr(0, 10) << "  " << or_dash(r.site) << "  "
              << cut(or_dash(r.title), 90) << "\n";
  return 0;
}

// ---- show

struct ShowArgs {
  DbArgs db;
  std::string id;
};

int run_show(const ShowArgs& a) {
  int64_t id = 0;
  try {
    size_t used = 0;
    id = std::stoll(a.id, &used);
    if (used != a.id.size() || id < 1) throw std::invalid_argument("id");
  } catch (const std::exception&) {
    std::cerr << "veille show: an article id is a positive integer, not \"" << a.id << "\"\n";
    return 2;
  }
  int code = 0;
  auto store = open_store("show", a.db, &code);
  if (!store) return code;
  auto art = store->get_article(id);
  if (!art.ok()) return fail("show", art.status());
  if (a.db.format == "json") {
    print_json(art->to_json());
    return 0;
  }
  const Json& d = art->document;
  auto str = [&](const char* k) { return d.contains(k) && d[k].is_string() ? d[k].get<std::string>() : std::string("-"); };
  std::cout << "#" << art->id << "  " << str("title") << "\n"
            << str("site") << "  " << str("published") << "  " << str("url") << "\n"
            << "story " << (art->story ? std::to_string(*art->story) : "-") << "  versions " << art->versions;
  if (art->duplicate_of) std::cout << "  copy of #" << *art->duplicate_of;
  if (!art->duplicates.empty()) {
    std::cout << "  copies:";
    for (int64_t c : art->duplicates) std::cout << " #" << c;
  }
  std::cout << "\n\n" << str("text") << "\n";
  if (d.contains("comments") && d["comments"].is_array() && !d["comments"].empty()) {
    std::cout << "\n" << d["comments"].size() << " comment(s)\n";
    for (const auto& c : d["comments"]) {
      bool toxic = c.contains("moderation") && c["moderation"].value("toxic", false);
      std::cout << "  " << (c["author"].is_string() ? c["author"].get<std::string>() : "?") << (toxic ? " [toxic]" : "")
                << ": " << cut(c.value("text", ""), 200) << "\n";
    }
  }
  return 0;
}

}  // namespace

void add_corpus_commands(CLI::App& app, int* exit_code) {
  {
    auto a = std::make_shared<SearchArgs>();
    CLI::App* cmd = app.add_subcommand(
        "search",
        "Full-text search of the stored articles: words (all required), \"exact phrases\", -word to "
        "exclude, OR between two words; case, accents and inflections are ignored");
    cmd->add_option("query", a->q.query, "The query")->required();
    add_db_options(cmd, a->db);
    cmd->add_option("--entity", a->entity, "Only articles mentioning this entity id");
    cmd->add_option("--site", a->site, "Only articles of this site");
    cmd->add_option("--since", a->since, "Published on or after YYYY-MM-DD");
    cmd->add_option("--until", a->until, "Published on or before YYYY-MM-DD");
    cmd->add_option("--story", a->story, "Only articles of this story id");
    cmd->add_flag("--comments", a->q.comments, "Also search reader comments");
    cmd->add_option("--limit", a->q.limit, "Results per page (1-1000)")->capture_default_str();
    cmd->add_option("--offset", a->q.offset, "Results to skip")->capture_default_str();
    cmd->callback([a, exit_code] { *exit_code = run_search(*a); });
  }
  {
    auto a = std::make_shared<StoriesArgs>();
    CLI::App* cmd = app.add_subcommand("stories", "Stories (newest first) and the threads that link them");
    add_db_options(cmd, a->db);
    cmd->add_option("--since", a->since, "Stories still running on or after YYYY-MM-DD");
    cmd->add_option("--limit", a->limit, "Stories to list (1-1000)")->capture_default_str();
    cmd->add_option("--offset", a->offset, "Stories to skip")->capture_default_str();
    cmd->callback([a, exit_code] { *exit_code = run_stories(*a); });
  }
  {
    auto a = std::make_shared<EntityArgs>();
    CLI::App* cmd = app.add_subcommand("entity", "One entity (person, organisation, place): mentions, quotes, co-occurring entities, recent articles");
    cmd->add_option("name", a->name, "Entity id, or a name to look up")->required();
    add_db_options(cmd, a->db);
    cmd->callback([a, exit_code] { *exit_code = run_entity(*a); });
  }
  {
    auto a = std::make_shared<ShowArgs>();
    CLI::App* cmd = app.add_subcommand("show", "One stored article: its annotated document, story, copies and versions");
    cmd->add_option("id", a->id, "Article id")->required();
    add_db_options(cmd, a->db);
    cmd->callback([a, exit_code] { *exit_code = run_show(*a); });
  }
}

}  // namespace veille::cli
