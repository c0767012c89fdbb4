#include "cli/batch_output.h"

#include <iostream>

#include <nlohmann/json.hpp>

#include "veille/moderate.h"

namespace veille::cli {

int print_pipeline_output(const Pipeline& pipeline, const std::vector<std::string>& inputs,
                          const std::string& format, const JsonOptions& json) {
  auto report_error = [&](const InputError& err) {
    std::cerr << "veille: " << (err.source.empty() ? "" : err.source + ": ") << err.status.to_string() << "\n";
    if (format != "json") return;
    nlohmann::ordered_json e;
    e["source"] = err.source;
    e["error"] = err.status.to_string();
    std::cout << e.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  };
  BatchStats stats = pipeline.process_inputs(
      inputs,
      [&](const Document& doc) {
        if (format == "json") std::cout << to_json(doc, json) << "\n";
        else if (format == "markdown") std::cout << to_markdown(doc) << "\n";
        else std::cout << to_plain_text(doc) << "\n";
      },
      report_error);
  std::cout.flush();
  return stats.failed ? 1 : 0;
}

void add_page_input_options(CLI::App* cmd, PageInputArgs& args) {
  cmd->add_option("inputs", args.inputs,
                  "Files (.html .htm .txt .warc .jsonl, optionally .gz), directories, or - for stdin")
      ->required();
  cmd->add_option("--parser", args.parser, "HTML parser backend")
      ->check(CLI::IsMember({"libxml2", "gumbo", "native"}))
      ->capture_default_str();
  cmd->add_option("--max-depth", args.max_depth, "DOM depth budget; deeper elements are flattened")
      ->capture_default_str();
  cmd->add_option("-j,--jobs", args.threads, "Worker threads (0 = one per core)")->capture_default_str();
  cmd->add_option("--max-bytes", args.max_bytes, "Largest page accepted, in bytes")->capture_default_str();
}

PipelineOptions pipeline_options(const PageInputArgs& args) {
  PipelineOptions opts;
  opts.extract.parser = args.parser == "gumbo"     ? HtmlParser::kGumbo
                        : args.parser == "libxml2" ? HtmlParser::kLibxml2
                                                   : HtmlParser::kNative;
  opts.extract.max_dom_depth = args.max_depth;
  opts.extract.max_html_bytes = args.max_bytes;
  opts.read.max_page_bytes = args.max_bytes;
  opts.threads = args.threads;
  return opts;
}

void add_moderation_options(CLI::App* cmd, ModerationArgs& args) {
  cmd->add_flag("--no-moderation", args.off, "Do not score reader comments for toxicity");
  cmd->add_option("--moderation-model", args.model,
                  "Moderation model (default: the shipped models/moderation-fr.bin)");
  cmd->add_option("--threshold", args.threshold,
                  "Toxicity decision threshold in [0, 1] (default: the model's own)")
      ->check(CLI::Range(0.0, 1.0));
}

Status add_moderation_stage(Pipeline& pipeline, const ModerationArgs& args) {
  if (args.off) return Status::Ok();
  ModerationOptions options;
  options.model_path = args.model;
  if (args.threshold >= 0) options.threshold = args.threshold;
  auto stage = make_moderation_stage(options);
  if (!stage.ok()) return stage.status();
  pipeline.add_stage(std::move(*stage));
  return Status::Ok();
}

}  // namespace veille::cli
