// One function per subcommand; main.cpp wires them into CLI11. Each returns the process exit
// code: 0 ok, 1 some inputs failed, 2 usage error.
#pragma once

#include <CLI/CLI.hpp>

namespace veille::cli {

// Registers `extract` on app; the callback stores its exit code into *exit_code.
void add_extract_command(CLI::App& app, int* exit_code);
// Registers `annotate` (extract, then sentences, tokens and canonical entities).
void add_annotate_command(CLI::App& app, int* exit_code);
// Registers `tokenize` (sentences and tokens of a raw text, as JSON byte offsets).
void add_tokenize_command(CLI::App& app, int* exit_code);
// Registers `ner` (tag CoNLL tokens with named entities).
void add_ner_command(CLI::App& app, int* exit_code);
// Registers `train` with its `ner` subcommand (train the named-entity model).
void add_train_command(CLI::App& app, int* exit_code);
// Registers `moderate` (comment toxicity) and `train moderation`; call after add_train_command.
void add_moderate_command(CLI::App& app, int* exit_code);
// Registers `train background` (document frequencies for TF-IDF key terms).
void add_train_background_command(CLI::App& app, int* exit_code);
// Registers `train sentences` (the sentence boundary classifier); call after add_train_command.
void add_train_sentences_command(CLI::App& app, int* exit_code);
// Registers `ingest` (store pages in the database: duplicates, stories, search index).
void add_ingest_command(CLI::App& app, int* exit_code);
// Registers `search`, `stories`, `entity` and `show` (read the database).
void add_corpus_commands(CLI::App& app, int* exit_code);
// Registers `review` (ingest INPUT when given, then write the press review).
void add_review_command(CLI::App& app, int* exit_code);
// Registers `serve` (the HTTP API and the web UI).
void add_serve_command(CLI::App& app, int* exit_code);

}  // namespace veille::cli
