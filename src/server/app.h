// The application behind the server: the JSON API over a Store and the static web UI.
#pragma once

#include <functional>
#include <memory>
#include <string_view>

#include "server/cache.h"
#include "server/static_files.h"
#include "veille/server.h"
#include "veille/store.h"

namespace veille::server {

// POST /api/ingest: takes the request body and its Content-Type, returns the JSON to answer (or a
// Status: kInvalidArgument/kUnsupported/kCorrupt/kTooLarge -> 4xx). Shared by every worker; it
// serialises writes itself.
using IngestFunction = std::function<Result<Json>(std::string_view body, std::string_view content_type)>;

struct AppConfig {
  std::shared_ptr<const StaticFiles> files;  // null: the UI is not built (API only)
  IngestFunction ingest;                     // null: POST /api/ingest answers 403
  std::shared_ptr<ResponseCache> cache;      // null: every answer comes from the store
  // Bound to loopback: only Host names of this machine are answered, so that a web page whose
  // domain re-resolves to 127.0.0.1 (DNS rebinding) cannot read the API from a browser.
  bool loopback_only_hosts = false;
};

// One worker's handler; it owns `store` (a Store is used by one thread at a time).
HttpHandler make_app(std::unique_ptr<Store> store, AppConfig config);

}  // namespace veille::server
