// `veille ner --conll FILE|-` (tag CoNLL tokens) and `veille train ner` (train a NER model).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "nlp/ner.h"
#include "nlp/ner_conll.h"
#include "nlp/ner_model_file.h"
#include "nlp/ner_train.h"

namespace veille::cli {

namespace {

struct NerArgs {
  std::string conll;
  std::string model;
};

int run_ner(const NerArgs& args) {
  const std::string model_path = args.model.empty() ? default_ner_model_path() : args.model;
  Result<std::shared_ptr<const NerModel>> model = NerModel::load(model_path);
  if (!model.ok()) {
    std::cerr << "veille ner: " << model.status().to_string() << "\n";
    return model.status().is_caller_error() && model.status().code() != StatusCode::kNotFound ? 2 : 1;
  }
  std::ifstream file;
  std::istream* in = &std::cin;
  if (args.conll != "-") {
    file.open(args.conll, std::ios::binary);
    if (!file) {
      std::cerr << "veille ner: " << args.conll << ": cannot open\n";
      return 1;
    }
    in = &file;
  }
  const std::string name = args.conll == "-" ? "<stdin>" : args.conll;
  std::ios::sync_with_stdio(false);
  ConllReader reader(*in);
  ConllSentence sentence;
  Status status;
  NerWorkspace ws;
  std::vector<std::string_view> views;
  std::vector<uint8_t> tags;
  std::string out;
  while (reader.next(&sentence, &status)) {
    views.assign(sentence.tokens.begin(), sentence.tokens.end());
    (*model)->tag(views, ws, tags);
    out.clear();
    for (size_t i = 0; i < views.size(); ++i) {
      out.append(views[i]);
      out.push_back('\t');
      out.append(ner::tag_name(tags[i]));
      out.push_back('\n');
    }
    if (sentence.ended_by_blank) out.push_back('\n');
    std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
  }
  std::cout.flush();
  if (!status.ok()) {
    std::cerr << "veille ner: " << name << ": " << status.to_string() << "\n";
    return 1;
  }
  return 0;
}

struct TrainNerArgs {
  std::string train, dev, out;
  int epochs = 20;
  uint64_t seed = 1;
  int hash_bits = 20;
  int folds = 10;
  double margin = 0;
  int ensemble = 4;
};

int run_train_ner(const TrainNerArgs& args, const std::string& command_line) {
  Result<std::vector<ConllSentence>> train = read_conll_file(args.train);
  if (!train.ok()) {
    std::cerr << "veille train ner: " << train.status().to_string() << "\n";
    return 1;
  }
  std::vector<ConllSentence> dev;
  if (!args.dev.empty()) {
    Result<std::vector<ConllSentence>> d = read_conll_file(args.dev);
    if (!d.ok()) {
      std::cerr << "veille train ner: " << d.status().to_string() << "\n";
      return 1;
    }
    dev = std::move(d).value();
  }
  NerTrainOptions opt;
  opt.max_epochs = args.epochs;
  opt.seed = args.seed;
  opt.hash_bits = args.hash_bits;
  opt.folds = args.folds;
  opt.margin = args.margin;
  opt.ensemble = args.ensemble;
  opt.description = command_line;
  opt.log = [](const std::string& line) { std::cerr << "veille train ner: " << line << "\n"; };
  NerTrainReport report;
  Result<ner::ModelParams> params = train_ner(*train, dev, opt, &report);
  if (!params.ok()) {
    std::cerr << "veille train ner: " << params.status().to_string() << "\n";
    return params.status().is_caller_error() ? 2 : 1;
  }
  const std::string bytes = ner::serialize_model(*params);
  // Check that what is written loads back (magic, checksum, self-tests) before replacing anything.
  Result<std::shared_ptr<const NerModel>> check = NerModel::load_bytes(bytes, args.out);
  if (!check.ok()) {
    std::cerr << "veille train ner: " << check.status().to_string() << "\n";
    return 1;
  }
  const std::string tmp = args.out + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      std::cerr << "veille train ner: " << tmp << ": cannot write\n";
      return 1;
    }
  }
  if (std::rename(tmp.c_str(), args.out.c_str()) != 0) {
    std::cerr << "veille train ner: cannot rename " << tmp << " to " << args.out << "\n";
    return 1;
  }
  std::cerr << "veille train ner: kept epoch " << report.best_epoch << " of " << report.epochs_run
            << ", " << bytes.size() << " bytes written to " << args.out << " in " << report.seconds
            << " s\n";
  if (!report.dev_table.empty()) std::cout << report.dev_table;
  return 0;
}

}  // namespace

void add_ner_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<NerArgs>();
  CLI::App* cmd = app.add_subcommand(
      "ner", "Tag CoNLL tokens with named entities; prints token<TAB>IOB2 tag per input token");
  cmd->add_option("--conll", args->conll,
                  "CoNLL input, - for stdin: one token per line (second column when the first is "
                  "an index), blank line between sentences, # comments")
      ->required();
  cmd->add_option("--model", args->model,
                  "Model file (default: $VEILLE_MODELS/ner-fr.bin, else models/ner-fr.bin near the "
                  "executable)");
  cmd->callback([args, exit_code] { *exit_code = run_ner(*args); });
}

void add_train_command(CLI::App& app, int* exit_code) {
  CLI::App* train = app.add_subcommand("train", "Train a model from annotated data");
  train->require_subcommand(1);
  auto args = std::make_shared<TrainNerArgs>();
  CLI::App* ner = train->add_subcommand(
      "ner", "Train the named-entity model (averaged perceptron) from IOB2 CoNLL files");
  ner->add_option("--train", args->train, "Training data, CoNLL with IOB2 tags (index token tag)")
      ->required();
  ner->add_option("--dev", args->dev, "Development data: picks the epoch kept and is reported");
  ner->add_option("--out", args->out, "Model file to write")->required();
  ner->add_option("--epochs", args->epochs, "Passes over the training data at most")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  ner->add_option("--seed", args->seed, "Seed of the shuffling order")->capture_default_str();
  ner->add_option("--hash-bits", args->hash_bits, "Feature table size, 2^N buckets")
      ->check(CLI::Range(10, 26))
      ->capture_default_str();
  ner->add_option("--folds", args->folds,
                  "Jackknife folds: each training sentence sees lexicons built without its fold")
      ->check(CLI::Range(2, 100))
      ->capture_default_str();
  ner->add_option("--margin", args->margin,
                  "Loss-augmented training: head start of each wrong tag while decoding (0 = plain "
                  "perceptron)")
      ->check(CLI::Range(0.0, 1000.0))
      ->capture_default_str();
  ner->add_option("--ensemble", args->ensemble,
                  "Perceptrons trained on different sentence orders (seeds S, S+1, ...), weights "
                  "averaged; 4 gives the shipped model")
      ->check(CLI::Range(1, 16))
      ->capture_default_str();
  ner->callback([args, exit_code] {
    // File names without directories, so that the model bytes do not depend on where data lives.
    auto base = [](const std::string& p) { return std::filesystem::path(p).filename().string(); };
    std::string command = "veille train ner --train " + base(args->train);
    if (!args->dev.empty()) command += " --dev " + base(args->dev);
    command += " --epochs " + std::to_string(args->epochs) + " --seed " +
               std::to_string(args->seed) + " --hash-bits " + std::to_string(args->hash_bits) +
               " --folds " + std::to_string(args->folds);
    if (args->ensemble > 1) command += " --ensemble " + std::to_string(args->ensemble);
    if (args->margin > 0) {
      char m[32];
      std::snprintf(m, sizeof m, " --margin %g", args->margin);
      command += m;
    }
    *exit_code = run_train_ner(*args, command);
  });
}

}  // namespace veille::cli
