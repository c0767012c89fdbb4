#include <iostream>
#include <memory>

#include "cli/batch_output.h"
#include "cli/commands.h"
#include "veille/pipeline.h"

namespace veille::cli {

namespace {

struct ExtractArgs {
  PageInputArgs input;
  bool explain = false;
  std::string format = "json";
  ModerationArgs moderation;
};

int run_extract(const ExtractArgs& args) {
  PipelineOptions opts = pipeline_options(args.input);
  opts.extract.explain = args.explain;
  Pipeline pipeline(opts);
  if (Status st = add_moderation_stage(pipeline, args.moderation); !st.ok()) {
    std::cerr << "veille extract: " << st.to_string() << "\n";
    return 1;
  }
  JsonOptions jopt;
  jopt.include_lines = args.explain;
  return print_pipeline_output(pipeline, args.input.inputs, args.format, jopt);
}

}  // namespace

void add_extract_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand(
      "extract", "Extract article, metadata and comments from pages; one JSON object per page");
  cmd->add_flag("--explain", args->explain, "For text pages, add the label of every non-empty line");
  cmd->add_option("--format", args->format, "Output: json (JSON Lines), text or markdown")
      ->check(CLI::IsMember({"json", "text", "markdown"}))
      ->capture_default_str();
  add_page_input_options(cmd, args->input);
  add_moderation_options(cmd, args->moderation);
  cmd->callback([args, exit_code] { *exit_code = run_extract(*args); });
}

}  // namespace veille::cli
