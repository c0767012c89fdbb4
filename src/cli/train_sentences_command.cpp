// `veille train sentences`: trains the sentence boundary classifier (src/nlp/sentence_model.h)
// on a CoNLL-U treebank read as raw text, and writes the model file.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "nlp/sentence_model.h"
#include "nlp/sentence_train.h"

namespace veille::cli {

namespace {

struct TrainSentencesArgs {
  std::string train, dev, out;
  SentenceTrainOptions opt;
};

int run_train_sentences(TrainSentencesArgs& args) {
  const char* who = "veille train sentences: ";
  auto train = read_sentence_corpus(args.train);
  if (!train.ok()) {
    std::cerr << who << train.status().to_string() << "\n";
    return train.status().is_caller_error() ? 2 : 1;
  }
  SentenceCorpus dev;
  if (!args.dev.empty()) {
    auto d = read_sentence_corpus(args.dev);
    if (!d.ok()) {
      std::cerr << who << d.status().to_string() << "\n";
      return d.status().is_caller_error() ? 2 : 1;
    }
    dev = std::move(d).value();
  }
  const SentenceScore rules = score_sentences(dev.sentences.empty() ? *train : dev, nullptr);
  std::fprintf(stderr, "%srules alone: %s sentence F1 %.2f\n", who, dev.sentences.empty() ? "train" : "dev",
               rules.f1());
  auto params = train_sentence_model(*train, dev, args.opt,
                                     [who](const std::string& line) { std::cerr << who << line << "\n"; });
  if (!params.ok()) {
    std::cerr << who << params.status().to_string() << "\n";
    return params.status().is_caller_error() ? 2 : 1;
  }
  const std::string bytes = serialize_sentence_model(*params);
  // Written beside the target, then renamed: a failed write never leaves half a model.
  const std::string tmp = args.out + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      std::cerr << who << tmp << ": cannot write the model\n";
      return 1;
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, args.out, ec);
  if (ec) {
    std::cerr << who << args.out << ": cannot rename " << tmp << ": " << ec.message() << "\n";
    return 1;
  }
  // Check that what was written loads (magic, checksum, self-tests).
  auto loaded = SentenceModel::load(args.out);
  if (!loaded.ok()) {
    std::cerr << who << loaded.status().to_string() << "\n";
    return 1;
  }
  std::cout << args.out << ": " << bytes.size() << " bytes; " << (*loaded)->params().description << "\n";
  return 0;
}

}  // namespace

void add_train_sentences_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<TrainSentencesArgs>();
  CLI::App* train = nullptr;
  try {
    train = app.get_subcommand("train");
  } catch (const CLI::OptionNotFound&) {
    train = app.add_subcommand("train", "Train a model from annotated data");
    train->require_subcommand(1);
  }
  CLI::App* cmd = train->add_subcommand(
      "sentences", "Train the sentence boundary classifier on a CoNLL-U treebank (its `# text =` lines joined "
                   "by spaces); see models/SENTENCES.md");
  cmd->add_option("--train", args->train, "Training treebank (CoNLL-U)")->required();
  cmd->add_option("--dev", args->dev, "Dev treebank (CoNLL-U): picks the epoch");
  cmd->add_option("--out", args->out, "Model file to write")->required();
  cmd->add_option("--epochs", args->opt.epochs, "Passes over the training gaps")
      ->check(CLI::Range(1, 200))
      ->capture_default_str();
  cmd->add_option("--hash-bits", args->opt.hash_bits, "Feature table size, 2^N")
      ->check(CLI::Range(10, 24))
      ->capture_default_str();
  cmd->add_option("--lexicon", args->opt.lexicon_files,
                  "Token file (CoNLL, CoNLL-U) whose lower-case words join the lexicon of common words; repeatable");
  cmd->callback([args, exit_code] {
    args->opt.description = "veille train sentences --train " +
                            std::filesystem::path(args->train).filename().string() +
                            (args->dev.empty() ? std::string()
                                               : " --dev " + std::filesystem::path(args->dev).filename().string()) +
                            " --epochs " + std::to_string(args->opt.epochs) + " --hash-bits " +
                            std::to_string(args->opt.hash_bits);
    for (const std::string& f : args->opt.lexicon_files)
      args->opt.description += " --lexicon " + std::filesystem::path(f).parent_path().filename().string() + "/" +
                               std::filesystem::path(f).filename().string();
    *exit_code = run_train_sentences(*args);
  });
}

}  // namespace veille::cli
