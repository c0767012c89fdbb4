// make_app_factory, default_web_root and serve(): what `veille serve` runs.
#include <signal.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "server/app.h"
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
};

Result<std::shared_ptr<Shared>> load_shared(const ServerOptions& options) {
  auto shared = std::make_shared<Shared>();
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
