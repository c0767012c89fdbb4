// `veille serve`: the HTTP API and the web UI over a database written by `veille ingest`.
#include <iostream>

#include "cli/commands.h"
#include "veille/server.h"
#include "veille/store.h"

namespace veille::cli {

void add_serve_command(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<ServerOptions>();
  opts->db_path = kDefaultDatabasePath;
  auto* cmd = app.add_subcommand("serve", "Serve the JSON API and the web UI over a veille database");
  cmd->add_option("--db", opts->db_path, "database written by `veille ingest`")->capture_default_str();
  cmd->add_option("--host", opts->host, "address to bind (loopback unless told otherwise)")->capture_default_str();
  cmd->add_option("--port", opts->port, "TCP port; 0 = any free port")->capture_default_str();
  cmd->add_option("--web-root", opts->web_root, "built web UI (default: webui/ beside or above the executable)");
  cmd->add_option("--threads", opts->threads, "worker threads (0 = one per core, at least 2)")->capture_default_str();
  cmd->add_option("--rate-limit", opts->rate_per_second, "API requests per second per client address (0 = no limit)")
      ->capture_default_str()->check(CLI::NonNegativeNumber);
  cmd->add_option("--rate-burst", opts->rate_burst, "API requests a client may make at once before the rate applies")
      ->capture_default_str()->check(CLI::PositiveNumber);
  cmd->add_flag("--allow-ingest", opts->allow_ingest, "accept pages on POST /api/ingest (off: read-only)");
  cmd->add_option_function<size_t>("--cache-mb", [opts](size_t mb) { opts->cache_bytes = mb << 20; },
                                   "API answers kept in memory until the database changes (MiB; 0 = off) [64]");
  cmd->add_option("--max-body", opts->max_body_bytes, "largest request body (bytes)")->capture_default_str();
  cmd->callback([opts, exit_code]() {
    Status s = serve(*opts);
    if (!s.ok()) {
      std::cerr << "veille serve: " << s.to_string() << "\n";
      *exit_code = 1;
    }
  });
}

}  // namespace veille::cli
