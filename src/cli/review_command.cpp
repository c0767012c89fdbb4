// `veille review [--db PATH] [INPUT...] [-o FILE] [--format html|md|json] [--since DATE] [--query Q]`:
// ingests INPUT when given (as `veille ingest` does), then writes the press review of the
// database. The main job: from a pile of raw pages to a press review.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/ingest_run.h"
#include "veille/review.h"
#include "veille/store.h"

namespace veille::cli {

namespace {

struct ReviewArgs {
  IngestRunArgs ingest;
  std::string db = kDefaultDatabasePath;
  std::string out;
  std::string format;  // empty: from the extension of --output, else html
  std::string since, query, title;
  size_t max_stories = 50;
};

std::string format_from_path(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".md" || ext == ".markdown") return "md";
  if (ext == ".json") return "json";
  return "html";
}

int run_review(const ReviewArgs& args) {
  const char* who = "veille review";
  auto format = parse_review_format(args.format.empty() ? format_from_path(args.out) : args.format);
  if (!format.ok()) {
    std::cerr << who << ": " << format.status().message() << "\n";
    return 2;
  }
  SqliteStoreOptions store_options;
  // Without pages to ingest, the review reads an existing database and never creates one.
  store_options.must_exist = args.ingest.input.inputs.empty();
  auto store = open_sqlite_store(args.db, store_options);
  if (!store.ok()) {
    std::cerr << who << ": " << store.status().to_string() << "\n";
    return 1;
  }
  // Pages that fail are reported (and counted in the summary line) but do not stop the review:
  // bad pages are the norm in a crawl.
  if (!args.ingest.input.inputs.empty()) {
    int rc = ingest_with_progress(**store, args.ingest, std::cerr, who);
    if (rc != 0) std::cerr << who << ": some pages failed (see above); the review covers the others\n";
  }

  ReviewOptions options;
  if (!args.title.empty()) options.title = args.title;
  if (!args.since.empty()) options.since = args.since;
  if (!args.query.empty()) options.query = args.query;
  options.max_stories = args.max_stories;
  auto review = write_review(**store, options, *format);
  if (!review.ok()) {
    std::cerr << who << ": " << review.status().to_string() << "\n";
    return review.status().is_caller_error() ? 2 : 1;
  }
  if (args.out.empty() || args.out == "-") {
    std::cout << *review << std::flush;
    return 0;
  }
  // Write beside the target and rename, so that a reader never sees half a review.
  const std::string tmp = args.out + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << *review;
    f.close();
    if (!f) {
      std::cerr << who << ": " << args.out << ": cannot write\n";
      std::filesystem::remove(tmp);
      return 1;
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, args.out, ec);
  if (ec) {
    std::cerr << who << ": " << args.out << ": " << ec.message() << "\n";
    return 1;
  }
  std::cerr << who << ": wrote " << args.out << "\n";
  return 0;
}

}  // namespace

void add_review_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ReviewArgs>();
  CLI::App* cmd = app.add_subcommand(
      "review",
      "Ingest INPUT pages when given, then write the press review of the database: per story, newest "
      "first, sources, key people, summary, quotations by speaker, timeline and comment statistics");
  cmd->add_option("--db", args->db, "Database file (created when INPUT is given)")->capture_default_str();
  cmd->add_option("-o,--output", args->out, "Review file (default: stdout)");
  cmd->add_option("--format", args->format,
                  "html, md or json (default: from the --output extension, else html)")
      ->check(CLI::IsMember({"html", "md", "markdown", "json"}));
  cmd->add_option("--since", args->since, "Only stories still running on or after this day (YYYY-MM-DD)");
  cmd->add_option("--query", args->query, "Only stories with an article matching this search query");
  cmd->add_option("--title", args->title, "Title of the review (default: Revue de presse)");
  cmd->add_option("--max-stories", args->max_stories, "Most stories shown")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  add_ingest_run_options(cmd, args->ingest);
  // INPUT is optional here: without it, the review reads the database as it is.
  cmd->get_option("inputs")->required(false);
  cmd->callback([args, exit_code] { *exit_code = run_review(*args); });
}

}  // namespace veille::cli
