// `veille train sentences`: trains the sentence boundary classifier (src/nlp/sentence_model.h)
// on a CoNLL-U treebank read as raw text, and writes the model file.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "nlp/sentence_model.h"
#include "nlp/sentence_train.h"

namespace veille::cli {

namespace {

struct TrainSentencesArgs {
  std::vector<std::string> train, train_tokens, dev;
  std::string out;
  SentenceTrainOptions opt;
};

int run_train_sentences(TrainSentencesArgs& args) {
  const char* who = "veille train sentences: ";
  SentenceCorpus train;
  std::vector<SentenceCorpus> devs;
  auto fail = [&](const Status& st) {
    std::cerr << who << st.to_string() << "\n";
    return st.is_caller_error() ? 2 : 1;
  };
  for (const std::string& f : args.train) {
    auto c = read_sentence_corpus(f);
    if (!c.ok()) return fail(c.status());
    append_sentence_corpus(train, *c);
  }
  for (const std::string& f : args.train_tokens) {
    auto c = read_token_sentence_corpus(f);
    if (!c.ok()) return fail(c.status());
    append_sentence_corpus(train, *c);
  }
  for (const std::string& f : args.dev) {
    auto d = read_sentence_corpus(f);
    if (!d.ok()) return fail(d.status());
    const SentenceScore rules = score_sentences(*d, nullptr);
    std::fprintf(stderr, "%srules alone: %s sentence F1 %.2f\n", who, f.c_str(), rules.f1());
    devs.push_back(std::move(d).value());
  }
  auto params = train_sentence_model(train, devs, args.opt,
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
  cmd->add_option("--train", args->train, "Training treebank (CoNLL-U); repeatable")->required();
  cmd->add_option("--train-tokens", args->train_tokens,
                  "Training token file without text lines (CoNLL NER data), its tokens and sentences joined by "
                  "spaces; repeatable");
  cmd->add_option("--dev", args->dev, "Dev treebank (CoNLL-U); repeatable: the epoch with the best mean F1 is kept");
  cmd->add_option("--out", args->out, "Model file to write")->required();
  cmd->add_option("--epochs", args->opt.epochs, "Passes over the training gaps")
      ->check(CLI::Range(1, 200))
      ->capture_default_str();
  cmd->add_option("--l2", args->opt.l2,
                  "0: averaged perceptron; > 0: logistic regression with this L2 penalty (an epoch is then 50 "
                  "full-batch Adam steps)")
      ->check(CLI::Range(0.0, 10.0))
      ->capture_default_str();
  cmd->add_option("--hash-bits", args->opt.hash_bits, "Feature table size, 2^N")
      ->check(CLI::Range(10, 24))
      ->capture_default_str();
  cmd->add_option("--dev-floor", args->opt.dev_floors,
                  "Least sentence F1 (0-100) wanted on the dev file of the same rank; repeatable. Epochs that "
                  "reach every floor are preferred")
      ->check(CLI::Range(0.0, 100.0));
  cmd->add_option("--lexicon", args->opt.lexicon_files,
                  "Token file (CoNLL, CoNLL-U) whose lower-case words join the lexicon of common words; repeatable");
  cmd->callback([args, exit_code] {
    auto base = [](const std::string& f) { return std::filesystem::path(f).filename().string(); };
    args->opt.description = "veille train sentences";
    for (const std::string& f : args->train) args->opt.description += " --train " + base(f);
    for (const std::string& f : args->train_tokens)
      args->opt.description += " --train-tokens " + std::filesystem::path(f).parent_path().filename().string() + "/" + base(f);
    for (const std::string& f : args->dev) args->opt.description += " --dev " + base(f);
    args->opt.description += " --epochs " + std::to_string(args->opt.epochs) + " --hash-bits " + std::to_string(args->opt.hash_bits);
    if (args->opt.l2 > 0) {
      char l2[32];
      std::snprintf(l2, sizeof l2, " --l2 %g", args->opt.l2);
      args->opt.description += l2;
    }
    for (double f : args->opt.dev_floors) {
      char floor[32];
      std::snprintf(floor, sizeof floor, " --dev-floor %g", f);
      args->opt.description += floor;
    }
    for (const std::string& f : args->opt.lexicon_files)
      args->opt.description += " --lexicon " + std::filesystem::path(f).parent_path().filename().string() + "/" +
                               std::filesystem::path(f).filename().string();
    *exit_code = run_train_sentences(*args);
  });
}

}  // namespace veille::cli
