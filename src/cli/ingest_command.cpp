// `veille ingest [--db PATH] [-j N] INPUT...`: extract, annotate and store pages, updating
// duplicates, stories, threads and the search index. A progress bar on stderr when it is a
// terminal; a final summary line on stdout:
//   ingest: read=N new=N known=N duplicates=N failed=N (X pages/s)
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/ingest_run.h"
#include "veille/store.h"

namespace veille::cli {

namespace {

struct IngestArgs {
  IngestRunArgs run;
  std::string db = kDefaultDatabasePath;
};

int run_ingest(const IngestArgs& args) {
  auto store = open_sqlite_store(args.db);
  if (!store.ok()) {
    std::cerr << "veille ingest: " << store.status().to_string() << "\n";
    return 1;
  }
  return ingest_with_progress(**store, args.run, std::cout, "veille ingest");
}

}  // namespace

void add_ingest_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Extract, annotate and store pages in the database, updating near-duplicates, stories, threads "
      "and the search index; pages already stored are skipped");
  cmd->add_option("--db", args->db, "Database file (created when missing)")->capture_default_str();
  add_ingest_run_options(cmd, args->run);
  cmd->callback([args, exit_code] { *exit_code = run_ingest(*args); });
}

}  // namespace veille::cli
