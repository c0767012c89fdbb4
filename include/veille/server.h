// veille serve: the HTTP API and the web UI, from one process.
//
// The server is an epoll event loop per worker thread (all threads accept from one listening
// socket), so a keep-alive connection costs a file descriptor and a buffer, never a thread: 200
// idle or busy keep-alive clients on 2 cores do not queue behind each other. Each worker owns its
// own request handler (and so its own read-only store connection): handlers need no locking.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "veille/status.h"

namespace veille {

struct ServerOptions {
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  uint16_t port = 8080;            // 0 = any free port (see HttpServer::port())
  std::string db_path;             // the SQLite database written by `veille ingest`
  std::string web_root;            // built UI assets; empty = default_web_root()
  unsigned threads = 0;            // worker threads; 0 = one per core, at least 2
  bool allow_ingest = false;       // POST /api/ingest is refused (403) unless set
  size_t max_header_bytes = 16 * 1024;        // request line + headers
  size_t max_body_bytes = 8 * 1024 * 1024;    // POST /api/ingest body
  double rate_per_second = 50;     // per client address, on /api/ only; 0 = no limit
  double rate_burst = 200;         // token-bucket size
  int idle_timeout_seconds = 30;   // keep-alive connections idle longer are closed
  int header_timeout_seconds = 10; // a request must arrive whole within this (slow clients)
  size_t max_connections = 10000;  // over this, new connections are closed at once
  size_t cache_bytes = 64u << 20;  // API answers cached until the database changes; 0 = off
};

// One parsed HTTP request. Header names are lower-cased; path is percent-decoded, query is raw.
struct HttpRequest {
  std::string method;
  std::string target;  // as sent: path?query
  std::string path;
  std::string query;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string client;  // peer address, for rate limiting and logs
  bool keep_alive = true;
  const std::string* header(const std::string& lower_name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
};

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;
// Called once in each worker thread, to build that thread's handler.
using HttpHandlerFactory = std::function<Result<HttpHandler>()>;

class HttpServer {
 public:
  // Binds host:port, then starts options.threads workers, each with a handler from factory (a
  // factory failure in any worker fails start). Returns once the server accepts connections.
  static Result<std::unique_ptr<HttpServer>> start(const ServerOptions& options,
                                                   HttpHandlerFactory factory);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  uint16_t port() const;
  // Asks every worker to stop (safe from a signal handler's thread through stop_from_signal()).
  void stop();
  // Blocks until all workers have stopped.
  void wait();

  struct Impl;

 private:
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The built web UI: $VEILLE_WEB_ROOT, else webui/ beside or above the executable (build/webui is
// where scripts/build_web puts it). Empty when none is found.
std::string default_web_root();

// The whole application (API + UI) for one worker: opens its own read-only store connection.
// Used by `veille serve`, tests and the load benchmark.
HttpHandlerFactory make_app_factory(const ServerOptions& options);

// Runs `veille serve` until SIGINT/SIGTERM. Prints the URL on stderr.
Status serve(const ServerOptions& options);

}  // namespace veille
