#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"veille — French news monitoring: extract, understand, connect and serve news pages"};
  app.set_version_flag("--version", std::string("veille ") + VEILLE_VERSION);
  app.require_subcommand(1);
  int exit_code = 0;
  veille::cli::add_extract_command(app, &exit_code);
  veille::cli::add_annotate_command(app, &exit_code);
  veille::cli::add_tokenize_command(app, &exit_code);
  veille::cli::add_ner_command(app, &exit_code);
  veille::cli::add_train_command(app, &exit_code);
  veille::cli::add_moderate_command(app, &exit_code);
  veille::cli::add_train_background_command(app, &exit_code);
  veille::cli::add_train_sentences_command(app, &exit_code);
  veille::cli::add_ingest_command(app, &exit_code);
  veille::cli::add_review_command(app, &exit_code);
  veille::cli::add_corpus_commands(app, &exit_code);
  veille::cli::add_serve_command(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  return exit_code;
}
