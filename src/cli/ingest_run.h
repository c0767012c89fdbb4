// Ingestion with a progress bar, shared by `veille ingest` and `veille review INPUT...`.
#pragma once

#include <ostream>
#include <string>

#include "cli/batch_output.h"
#include "veille/store.h"

namespace veille::cli {

struct IngestRunArgs {
  PageInputArgs input;
  ModerationArgs moderation;
  size_t batch = 128;
  bool quiet = false;
};

// Registers --batch and -q/--quiet, the page input options and the moderation options.
void add_ingest_run_options(CLI::App* cmd, IngestRunArgs& args);

// Ingests args.input.inputs into `store`: errors of inputs and pages on stderr as they come (the
// batch goes on), a progress bar on stderr when it is a terminal (pages/s, ETA when the number of
// pages is known), then the summary line on `summary`:
//   ingest: read=N new=N known=N duplicates=N failed=N (X pages/s)
// Returns 0 when every page was stored or known, 1 when some failed or the store failed (what was
// committed before stays).
int ingest_with_progress(Store& store, const IngestRunArgs& args, std::ostream& summary, const std::string& who);

}  // namespace veille::cli
