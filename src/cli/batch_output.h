// The input/output loop shared by the page commands (extract, annotate): run a pipeline over the
// inputs and print one result per page on stdout, in input order.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "veille/document.h"
#include "veille/pipeline.h"

namespace veille::cli {

// The input options every page command takes: the inputs and the reading/extraction budgets.
struct PageInputArgs {
  std::vector<std::string> inputs;
  std::string parser = "native";
  int max_depth = 512;
  size_t max_bytes = size_t{64} << 20;
  unsigned threads = 0;
};

// Registers the PageInputArgs options on `cmd`; `args` must outlive the parse.
void add_page_input_options(CLI::App* cmd, PageInputArgs& args);
// The pipeline options those arguments stand for.
PipelineOptions pipeline_options(const PageInputArgs& args);

// The moderation options of the page commands: every comment gets a "moderation" verdict unless
// --no-moderation is given.
struct ModerationArgs {
  bool off = false;
  std::string model;      // empty: the shipped model
  float threshold = -1;   // < 0: the model's own
};
void add_moderation_options(CLI::App* cmd, ModerationArgs& args);
// Adds the "moderate" stage unless args.off; errors are the model's (missing, corrupt).
Status add_moderation_stage(Pipeline& pipeline, const ModerationArgs& args);

// Prints each page as `format` ("json": one JSON object per line with `json` options; "text";
// "markdown"). Each failed input or page is reported on stderr as "veille: <source>: <error>" and,
// in json format, as a line {"source": ..., "error": ...} in its place in the output.
// Returns the exit code: 0 when every input succeeded, 1 when some failed.
int print_pipeline_output(const Pipeline& pipeline, const std::vector<std::string>& inputs,
                          const std::string& format, const JsonOptions& json);

}  // namespace veille::cli
