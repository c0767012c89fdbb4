// make_app_factory, default_web_root and serve(): what `veille serve` runs.
#include <signal.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <mutex>

#include "server/app.h"
#include "veille/ingest.h"
#include "veille/ingester.h"
#include "veille/server.h"
#include "veille/store.h"

namespace veille {

namespace fs = std::filesystem;

std::string default_web_root() {
  if (const char* dir = std::getenv("VEILLE_WEB_ROOT"); dir && *dir) return dir;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  fs::path dir = exe.parent_path();
  for (int up = 0; up < 4 && !dir.empty(); ++up) {
    for (const char* sub : {"webui", "build/webui"}) {
      fs::path candidate = dir / sub;
      if (fs::is_regular_file(candidate / "index.html", ec)) return candidate.string();
    }
    dir = dir.parent_path();
  }
  return {};
}

namespace {

struct Shared {
  std::shared_ptr<const server::StaticFiles> files;
  server::IngestFunction ingest;
  std::shared_ptr<server::ResponseCache> cache;
};

// POST /api/ingest: one writable store and one Ingester shared by every worker, behind a mutex
// (SQLite has one writer at a time anyway; readers keep reading through WAL).
class HttpIngest {
 public:
  static Result<std::shared_ptr<HttpIngest>> create(const ServerOptions& options) {
    auto self = std::make_shared<HttpIngest>();
    // Created when absent: a crawler may start feeding an empty server.
    auto store = open_sqlite_store(options.db_path, SqliteStoreOptions{});
    if (!store.ok()) return store.status();
    self->store_ = std::move(store.value());
    IngestOptions io;
    io.pipeline.threads = 1;
    io.pipeline.read.max_page_bytes = options.max_body_bytes;
    auto ing = Ingester::create(*self->store_, io);
    if (!ing.ok()) return ing.status();
    self->ingester_ = std::move(ing.value());
    self->max_bytes_ = options.max_body_bytes;
    return self;
  }

  // The body is one page: HTML (text/html), or JSON Lines (application/x-ndjson, application/jsonl:
  // one object per line with "html" or "text", optional "url" and "date", at most kMaxPages).
  // Any other type is sniffed from the content, as `veille ingest` does for a file.
  Result<Json> operator()(std::string_view body, std::string_view content_type) {
    static constexpr size_t kMaxPages = 100;
    std::string type(content_type.substr(0, content_type.find(';')));
    for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    while (!type.empty() && type.back() == ' ') type.pop_back();
    std::string name = "request";
    if (type == "text/html" || type == "application/xhtml+xml") name = "request.html";
    else if (type == "application/x-ndjson" || type == "application/jsonl" || type == "application/json-lines")
      name = "request.jsonl";
    else if (type == "text/plain") name = "request.txt";
    else if (!type.empty() && type != "application/octet-stream")
      return Status::Unsupported("Content-Type " + type.substr(0, 60) +
                                 " not accepted; send text/html, text/plain or application/x-ndjson");
    std::vector<RawPage> pages;
    std::vector<InputError> errors;
    ReadOptions ro;
    ro.max_page_bytes = max_bytes_;
    ro.max_file_bytes = max_bytes_;
    read_buffer(name, body, ro, [&](RawPage&& p) { pages.push_back(std::move(p)); },
                [&](InputError&& e) { errors.push_back(std::move(e)); });
    if (pages.size() > kMaxPages)
      return Status::TooLarge(std::to_string(pages.size()) + " pages in one request; at most " + std::to_string(kMaxPages));
    if (pages.empty() && !errors.empty()) return Status::InvalidArgument(errors.front().status.message());
    if (pages.empty()) return Status::InvalidArgument("no page in the body");

    Json results = Json::array();
    size_t stored = 0, known = 0, failed = 0;
    for (const auto& e : errors) {
      results.push_back({{"source", e.source}, {"status", "failed"}, {"error", e.status.message()}});
      ++failed;
    }
    std::lock_guard lock(mu_);
    for (const RawPage& page : pages) {
      Json r = {{"source", page.source}};
      auto doc = ingester_->pipeline().run(page);
      if (!doc.ok()) {
        r["status"] = "failed";
        r["error"] = doc.status().message();
        ++failed;
        results.push_back(std::move(r));
        continue;
      }
      if (Status s = store_->begin(); !s.ok()) return s;
      auto out = ingester_->add(doc.value());
      if (!out.ok()) {
        store_->rollback();
        if (out.status().is_data_error() || out.status().is_caller_error()) {
          r["status"] = "failed";
          r["error"] = out.status().message();
          ++failed;
          results.push_back(std::move(r));
          continue;
        }
        return out.status();
      }
      if (Status s = store_->commit(); !s.ok()) {
        store_->rollback();
        return s;
      }
      const IngestOutcome& o = out.value();
      using K = PutOutcome::Kind;
      r["status"] = o.put.kind == K::kKnown ? "known" : o.put.kind == K::kNewVersion ? "version" : "new";
      (o.put.kind == K::kKnown ? known : stored) += 1;
      // A known page is skipped before anything is looked up: no article id to report then.
      r["article"] = o.put.article > 0 ? Json(o.put.article) : Json(nullptr);
      r["version"] = o.put.version > 0 ? Json(o.put.version) : Json(nullptr);
      r["story"] = o.story ? Json(*o.story) : Json(nullptr);
      r["duplicate_of"] = o.duplicate_of ? Json(*o.duplicate_of) : Json(nullptr);
      r["new_story"] = o.new_story;
      results.push_back(std::move(r));
    }
    return Json{{"pages", pages.size() + errors.size()}, {"stored", stored}, {"known", known},
                {"failed", failed}, {"results", std::move(results)}};
  }

 private:
  std::mutex mu_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Ingester> ingester_;
  size_t max_bytes_ = 0;
};

Result<std::shared_ptr<Shared>> load_shared(const ServerOptions& options) {
  auto shared = std::make_shared<Shared>();
  if (options.cache_bytes > 0)
    shared->cache = std::make_shared<server::ResponseCache>(options.db_path, options.cache_bytes);
  if (options.allow_ingest) {
    auto ing = HttpIngest::create(options);
    if (!ing.ok()) return ing.status();
    auto fn = ing.value();
    shared->ingest = [fn](std::string_view body, std::string_view type) { return (*fn)(body, type); };
  }
  std::string root = options.web_root.empty() ? default_web_root() : options.web_root;
  if (!root.empty()) {
    auto files = server::StaticFiles::load(root);
    if (!files.ok()) {
      // An explicit --web-root must exist; a missing default only disables the UI.
      if (!options.web_root.empty()) return files.status();
      std::cerr << "veille serve: " << files.status().message() << "; serving the API only\n";
    } else {
      shared->files = files.value();
    }
  } else {
    std::cerr << "veille serve: web UI not found (build it with scripts/build_web or give --web-root); "
                 "serving the API only\n";
  }
  return shared;
}

}  // namespace

HttpHandlerFactory make_app_factory(const ServerOptions& options) {
  auto shared = load_shared(options);
  return [options, shared]() -> Result<HttpHandler> {
    if (!shared.ok()) return shared.status();
    SqliteStoreOptions so;
    so.must_exist = true;
    so.read_only = true;
    auto store = open_sqlite_store(options.db_path, so);
    if (!store.ok()) return store.status();
    server::AppConfig config;
    config.files = shared.value()->files;
    config.ingest = shared.value()->ingest;
    config.cache = shared.value()->cache;
    config.loopback_only_hosts = options.host == "127.0.0.1" || options.host == "::1" || options.host == "localhost";
    return server::make_app(std::move(store.value()), std::move(config));
  };
}

Status serve(const ServerOptions& options) {
  // Block the stop signals in every thread; this one waits for them with sigwait.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  auto server = HttpServer::start(options, make_app_factory(options));
  if (!server.ok()) return server.status();
  std::string host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  std::cerr << "veille serve: listening on http://" << host << ":" << server.value()->port() << "/\n"
            << std::flush;
  int sig = 0;
  sigwait(&set, &sig);
  std::cerr << "veille serve: stopping\n";
  server.value()->stop();
  server.value()->wait();
  return Status::Ok();
}

}  // namespace veille
