#include "server/app.h"

#include <charconv>
#include <iostream>
#include <map>
#include <optional>
#include <regex>

#include "server/http.h"

namespace veille::server {

namespace {

using Params = std::map<std::string, std::string>;

// A failed parameter check: the 400 answer.
struct BadRequest {
  std::string message;
};

HttpResponse json_response(const Json& j) {
  HttpResponse r;
  r.body = j.dump(-1, ' ', false, Json::error_handler_t::replace);
  r.headers.emplace_back("Cache-Control", "no-cache");
  return r;
}

std::optional<int64_t> parse_int(std::string_view s) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

// "localhost", "127.0.0.1", "[::1]", with or without a port. No Host (HTTP/1.0) is accepted.
bool loopback_host(const std::string* host) {
  if (!host) return true;
  std::string_view h = *host;
  if (h.size() > 0 && h.front() == '[') {
    size_t close = h.find(']');
    if (close == std::string_view::npos) return false;
    return h.substr(0, close + 1) == "[::1]";
  }
  h = h.substr(0, h.find(':'));
  return h == "localhost" || h == "127.0.0.1";
}

class App {
 public:
  App(std::unique_ptr<Store> store, AppConfig config) : store_(std::move(store)), config_(std::move(config)) {}

  HttpResponse operator()(const HttpRequest& req) {
    if (config_.loopback_only_hosts && !loopback_host(req.header("host")))
      return http::json_error(421, "this server answers only to localhost, 127.0.0.1 or [::1]");
    if (req.path.rfind("/api/", 0) == 0 || req.path == "/api") return api(req);
    return ui(req);
  }

 private:
  HttpResponse api(const HttpRequest& req) {
    std::string_view path = req.path;
    path.remove_prefix(std::min<size_t>(5, path.size()));
    if (path == "ingest") {
      if (req.method != "POST") return method_not_allowed("POST");
      return ingest(req);
    }
    if (req.method != "GET" && req.method != "HEAD") return method_not_allowed("GET, HEAD");
    auto params = http::parse_query(req.query);
    if (!params) return http::json_error(400, "malformed query string (bad %-escape)");
    for (const auto& [k, v] : *params)
      if (!http::valid_utf8(v)) return http::json_error(400, "parameter '" + k + "' is not valid UTF-8");
    // Answers depend on the path, the parameters and the database only: cache them by the
    // normalised query (parameters sorted by parse_query) and the database state.
    std::string key, state;
    if (config_.cache && config_.cache->enabled()) {
      key = std::string(path);
      for (const auto& [k, v] : *params) key += "\x1f" + k + "\x1e" + v;
      state = config_.cache->db_state();
      if (auto body = config_.cache->get(key, state)) {
        HttpResponse r;
        r.body = std::move(*body);
        r.headers.emplace_back("Cache-Control", "no-cache");
        return r;
      }
    }
    HttpResponse r = route(path, *params);
    if (r.status == 200 && !key.empty()) config_.cache->put(key, state, r.body);
    return r;
  }

  HttpResponse route(std::string_view path, const Params& params_in) {
    const Params* params = &params_in;
    try {
      std::string_view id;
      if (path == "search") return search(*params);
      if (path == "stats") return stats(*params);
      if (path == "stories") return stories(*params);
      if (path == "threads") return threads(*params);
      if (path == "entities") return entities(*params);
      if (consume_prefix(path, "stories/", &id)) return story(id, *params);
      if (consume_prefix(path, "entities/", &id)) return entity(id, *params);
      if (consume_prefix(path, "articles/", &id)) return article(id, *params);
    } catch (const BadRequest& e) {
      return http::json_error(400, e.message);
    }
    return http::json_error(404, "no such API endpoint");
  }

  static bool consume_prefix(std::string_view path, std::string_view prefix, std::string_view* rest) {
    if (path.substr(0, prefix.size()) != prefix) return false;
    *rest = path.substr(prefix.size());
    return true;
  }

  static HttpResponse method_not_allowed(const std::string& allow) {
    auto r = http::json_error(405, "method not allowed; use " + allow);
    r.headers.emplace_back("Allow", allow);
    return r;
  }

  // Rejects parameters the endpoint does not know: a typo gets an answer, not silently ignored.
  static void only(const Params& p, std::initializer_list<std::string_view> known) {
    for (const auto& [k, v] : p) {
      bool ok = false;
      for (auto kn : known) ok = ok || k == kn;
      if (!ok) throw BadRequest{"unknown parameter '" + k.substr(0, 40) + "'"};
    }
  }

  static std::optional<std::string> text_param(const Params& p, const std::string& name, size_t max_bytes) {
    auto it = p.find(name);
    if (it == p.end()) return std::nullopt;
    if (it->second.size() > max_bytes)
      throw BadRequest{"parameter '" + name + "' is longer than " + std::to_string(max_bytes) + " bytes"};
    return it->second;
  }

  static std::optional<int64_t> int_param(const Params& p, const std::string& name, int64_t lo, int64_t hi) {
    auto it = p.find(name);
    if (it == p.end()) return std::nullopt;
    auto v = parse_int(it->second);
    if (!v || *v < lo || *v > hi)
      throw BadRequest{"parameter '" + name + "' must be an integer from " + std::to_string(lo) + " to " +
                       std::to_string(hi)};
    return v;
  }

  static std::optional<std::string> day_param(const Params& p, const std::string& name) {
    auto v = text_param(p, name, 10);
    if (!v) return v;
    static const std::regex day(R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
    if (!std::regex_match(*v, day)) throw BadRequest{"parameter '" + name + "' must be a date YYYY-MM-DD"};
    return v;
  }

  static int64_t id_segment(std::string_view s, const char* what) {
    auto v = parse_int(s);
    if (!v || *v <= 0) throw BadRequest{std::string(what) + " id must be a positive integer"};
    return *v;
  }

  template <typename T>
  HttpResponse answer(const Result<T>& r, const std::string& not_found) {
    if (r.ok()) return json_response(r.value().to_json());
    const Status& s = r.status();
    if (s.code() == StatusCode::kNotFound) return http::json_error(404, not_found);
    if (s.code() == StatusCode::kInvalidArgument) return http::json_error(400, s.message());
    std::cerr << "veille serve: store error: " << s.to_string() << "\n";
    return http::json_error(500, "internal error");
  }

  HttpResponse search(const Params& p) {
    only(p, {"q", "entity", "site", "since", "until", "story", "comments", "limit", "offset"});
    SearchQuery q;
    auto text = text_param(p, "q", 1000);
    if (!text || text->find_first_not_of(" \t\r\n") == std::string::npos)
      throw BadRequest{"parameter 'q' is required (the words to search)"};
    q.query = *text;
    q.entity = text_param(p, "entity", 300);
    q.site = text_param(p, "site", 300);
    q.since = day_param(p, "since");
    q.until = day_param(p, "until");
    q.story = int_param(p, "story", 1, int64_t{1} << 53);
    if (auto c = text_param(p, "comments", 5)) {
      if (*c != "0" && *c != "1" && *c != "true" && *c != "false")
        throw BadRequest{"parameter 'comments' must be 0, 1, true or false"};
      q.comments = *c == "1" || *c == "true";
    }
    q.limit = int_param(p, "limit", 1, 100).value_or(20);
    q.offset = int_param(p, "offset", 0, 100000).value_or(0);
    return answer(store_->search(q), "not found");
  }

  HttpResponse stats(const Params& p) {
    only(p, {});
    return answer(store_->stats(), "not found");
  }

  HttpResponse stories(const Params& p) {
    only(p, {"since", "limit", "offset"});
    StoryListQuery q;
    q.since = day_param(p, "since");
    q.limit = int_param(p, "limit", 1, 200).value_or(50);
    q.offset = int_param(p, "offset", 0, 100000).value_or(0);
    return answer(store_->list_stories(q), "not found");
  }

  HttpResponse threads(const Params& p) {
    only(p, {});
    return answer(store_->list_threads(), "not found");
  }

  HttpResponse entities(const Params& p) {
    only(p, {"q", "limit", "offset"});
    std::string q = text_param(p, "q", 300).value_or("");
    int64_t limit = int_param(p, "limit", 1, 200).value_or(50);
    int64_t offset = int_param(p, "offset", 0, 100000).value_or(0);
    return answer(store_->list_entities(q, limit, offset), "not found");
  }

  HttpResponse story(std::string_view id, const Params& p) {
    only(p, {});
    int64_t n = id_segment(id, "story");
    return answer(store_->get_story(n), "story " + std::to_string(n) + " not found");
  }

  HttpResponse article(std::string_view id, const Params& p) {
    only(p, {});
    int64_t n = id_segment(id, "article");
    return answer(store_->get_article(n), "article " + std::to_string(n) + " not found");
  }

  HttpResponse entity(std::string_view id, const Params& p) {
    only(p, {});
    if (id.empty() || id.size() > 300 || !http::valid_utf8(id))
      throw BadRequest{"entity id must be 1 to 300 bytes of UTF-8 (like PER:vladimir-poutine)"};
    return answer(store_->get_entity(id), "entity not found");
  }

  HttpResponse ingest(const HttpRequest& req) {
    if (!config_.ingest)
      return http::json_error(403, "ingestion is disabled; start veille serve with --allow-ingest");
    if (req.body.empty()) return http::json_error(400, "empty body: send one page as HTML or JSON Lines");
    const std::string* ct = req.header("content-type");
    auto r = config_.ingest(req.body, ct ? *ct : std::string_view());
    if (r.ok()) return json_response(r.value());
    const Status& s = r.status();
    switch (s.code()) {
      case StatusCode::kTooLarge: return http::json_error(413, s.message());
      case StatusCode::kUnsupported: return http::json_error(415, s.message());
      case StatusCode::kInvalidArgument:
      case StatusCode::kCorrupt: return http::json_error(422, s.message());
      default:
        std::cerr << "veille serve: ingest: " << s.to_string() << "\n";
        return http::json_error(500, "internal error");
    }
  }

  HttpResponse ui(const HttpRequest& req) {
    if (req.method != "GET" && req.method != "HEAD") return method_not_allowed("GET, HEAD");
    if (!config_.files) {
      HttpResponse r;
      r.status = 503;
      r.content_type = "text/plain; charset=utf-8";
      r.body = "L'interface web n'est pas construite (scripts/build_web) ; l'API est sous /api/.\n";
      return r;
    }
    const StaticFile* f = config_.files->find(req.path == "/" ? "/index.html" : req.path);
    if (!f) {
      // Client-side routes (/stories/3, /search) get the app; a missing file (with an extension)
      // is a real 404.
      auto slash = req.path.rfind('/');
      if (req.path.find('.', slash) != std::string::npos) {
        HttpResponse r;
        r.status = 404;
        r.content_type = "text/plain; charset=utf-8";
        r.body = "Introuvable.\n";
        return r;
      }
      f = config_.files->index();
    }
    HttpResponse r;
    r.content_type = f->content_type;
    r.headers.emplace_back("ETag", f->etag);
    r.headers.emplace_back("Cache-Control", f->immutable ? "public, max-age=31536000, immutable" : "no-cache");
    if (const std::string* inm = req.header("if-none-match"); inm && *inm == f->etag) {
      r.status = 304;
      return r;
    }
    r.body = f->content;
    return r;
  }

  std::unique_ptr<Store> store_;
  AppConfig config_;
};

}  // namespace

HttpHandler make_app(std::unique_ptr<Store> store, AppConfig config) {
  auto app = std::make_shared<App>(std::move(store), std::move(config));
  return [app](const HttpRequest& req) { return (*app)(req); };
}

}  // namespace veille::server
