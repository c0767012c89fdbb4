#include <memory>

#include "cli/batch_output.h"
#include "cli/commands.h"
#include "veille/pipeline.h"

namespace veille::cli {

namespace {

struct ExtractArgs {
  std::vector<std::string> inputs;
  bool explain = false;
  std::string format = "json";
  std::string parser = "libxml2";
  int max_depth = 512;
  size_t max_bytes = size_t{64} << 20;
  unsigned threads = 0;
};

int run_extract(const ExtractArgs& args) {
  PipelineOptions opts;
  opts.extract.explain = args.explain;
  opts.extract.parser = args.parser == "gumbo" ? HtmlParser::kGumbo : HtmlParser::kLibxml2;
  opts.extract.max_dom_depth = args.max_depth;
  opts.extract.max_html_bytes = args.max_bytes;
  opts.read.max_page_bytes = args.max_bytes;
  opts.threads = args.threads;
  Pipeline pipeline(opts);
  JsonOptions jopt;
  jopt.include_lines = args.explain;
  return print_pipeline_output(pipeline, args.inputs, args.format, jopt);
}

}  // namespace

void add_extract_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand(
      "extract", "Extract article, metadata and comments from pages; one JSON object per page");
  cmd->add_option("inputs", args->inputs,
                  "Files (.html .htm .txt .warc .jsonl, optionally .gz), directories, or - for stdin")
      ->required();
  cmd->add_flag("--explain", args->explain, "For text pages, add the label of every non-empty line");
  cmd->add_option("--format", args->format, "Output: json (JSON Lines), text or markdown")
      ->check(CLI::IsMember({"json", "text", "markdown"}))
      ->capture_default_str();
  cmd->add_option("--parser", args->parser, "HTML parser backend")
      ->check(CLI::IsMember({"libxml2", "gumbo"}))
      ->capture_default_str();
  cmd->add_option("--max-depth", args->max_depth, "DOM depth budget; deeper elements are flattened")
      ->capture_default_str();
  cmd->add_option("-j,--jobs", args->threads, "Worker threads (0 = one per core)")->capture_default_str();
  cmd->add_option("--max-bytes", args->max_bytes, "Largest page accepted, in bytes")->capture_default_str();
  cmd->callback([args, exit_code] { *exit_code = run_extract(*args); });
}

}  // namespace veille::cli
