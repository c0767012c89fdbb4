// `veille annotate [options] INPUT...`: extraction, then the language stages (tokenize, ner with
// canonical entities); one JSON object per page with "sentences", "tokens" and "entities" for the
// article text and for each comment.
#include <iostream>
#include <memory>

#include "cli/batch_output.h"
#include "cli/commands.h"
#include "veille/dates.h"
#include "veille/nlp.h"
#include "veille/pipeline.h"

namespace veille::cli {

namespace {

struct AnnotateArgs {
  PageInputArgs input;
  std::string format = "json";
  std::string model;
  std::vector<std::string> aliases;
  bool no_shipped_aliases = false;
  ModerationArgs moderation;
  std::string date;  // --date: reference date for pages without a published date
};

int run_annotate(const AnnotateArgs& args) {
  PipelineOptions opts = pipeline_options(args.input);

  LanguageOptions lang;
  lang.ner.model_path = args.model;
  lang.ner.alias_paths = args.aliases;
  lang.ner.use_shipped_aliases = !args.no_shipped_aliases;
  if (!args.date.empty()) lang.reference_date = args.date;

  Pipeline pipeline(opts);
  Status st = add_language_stages(pipeline, lang);
  if (st.ok()) st = add_moderation_stage(pipeline, args.moderation);
  if (!st.ok()) {
    // A bad option value (an alias file with a syntax error) is a usage error; a missing or
    // corrupt model or file is a failure, as in `veille ner`.
    std::cerr << "veille annotate: " << st.to_string() << "\n";
    return st.code() == StatusCode::kInvalidArgument ? 2 : 1;
  }
  JsonOptions jopt;
  jopt.include_annotations = true;
  return print_pipeline_output(pipeline, args.input.inputs, args.format, jopt);
}

}  // namespace

void add_annotate_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<AnnotateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "annotate",
      "Extract pages, then add sentences, tokens and named entities linked to canonical entities "
      "(article text and each comment); one JSON object per page");
  cmd->add_option("--format", args->format, "Output: json (JSON Lines)")
      ->check(CLI::IsMember({"json"}))
      ->capture_default_str();
  cmd->add_option("--model", args->model, "NER model file (default: the shipped models/ner-fr.bin)");
  cmd->add_option("--aliases", args->aliases,
                  "Extra alias file (canonical<TAB>type<TAB>alias...; see models/ALIASES.md), loaded "
                  "after the shipped models/aliases-fr.tsv; repeatable")
      ->allow_extra_args(false);
  cmd->add_flag("--no-shipped-aliases", args->no_shipped_aliases,
                "Do not load the shipped alias table (only --aliases files)");
  cmd->add_option("--date", args->date,
                  "Reference date YYYY-MM-DD[THH:MM] for resolving the dates of pages that have no "
                  "published date (a page's own date wins)")
      ->check(CLI::Validator(
          [](std::string& v) {
            auto r = parse_reference_date(v);
            return r.ok() ? std::string() : r.status().message();
          },
          "YYYY-MM-DD[THH:MM]"));
  add_page_input_options(cmd, args->input);
  add_moderation_options(cmd, args->moderation);
  cmd->callback([args, exit_code] { *exit_code = run_annotate(*args); });
}

}  // namespace veille::cli
