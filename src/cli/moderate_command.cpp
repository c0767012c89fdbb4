// `veille moderate [--threshold T] [--model PATH] FILE|-` (one verdict per input line) and
// `veille train moderation` (train the toxicity classifier).
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "moderate/train.h"
#include "veille/moderate.h"

namespace veille::cli {

namespace {

struct ModerateArgs {
  std::string input;
  std::string model;
  std::string lexicon;
  float threshold = -1;
};

nlohmann::ordered_json verdict_json(const Moderation& m) {
  nlohmann::ordered_json j;
  j["toxic"] = m.toxic;
  j["score"] = std::round(static_cast<double>(m.score) * 10000.0) / 10000.0;
  auto& terms = j["terms"] = nlohmann::ordered_json::array();
  for (const auto& t : m.terms)
    terms.push_back({{"text", t.text}, {"normalized", t.normalized}, {"category", t.category}});
  return j;
}

int run_moderate(const ModerateArgs& args) {
  const std::string model_path = args.model.empty() ? default_moderation_model_path() : args.model;
  auto moderator = Moderator::load(model_path, args.lexicon);
  if (!moderator.ok()) {
    std::cerr << "veille moderate: " << moderator.status().to_string() << "\n";
    return 1;
  }
  const float threshold = args.threshold >= 0 ? args.threshold : (*moderator)->threshold();
  std::ifstream file;
  std::istream* in = &std::cin;
  if (args.input != "-") {
    file.open(args.input, std::ios::binary);
    if (!file) {
      std::cerr << "veille moderate: " << args.input << ": cannot open\n";
      return 1;
    }
    in = &file;
  }
  std::ios::sync_with_stdio(false);
  std::string line, out;
  size_t line_no = 0, failed = 0;
  while (std::getline(*in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string_view text = line;
    std::string json_text;
    size_t first = line.find_first_not_of(" \t");
    if (first != std::string::npos && line[first] == '{') {
      // JSON Lines: the comment is the "text" field.
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string()) {
        ++failed;
        std::cerr << "veille moderate: " << args.input << ":" << line_no
                  << ": JSON line without a string \"text\"\n";
        out += R"({"error":"JSON line without a string \"text\""})";
        out += '\n';
        continue;
      }
      json_text = j["text"].get<std::string>();
      text = json_text;
    }
    out += verdict_json((*moderator)->classify(text, threshold)).dump(-1, ' ', false,
                                                                      nlohmann::json::error_handler_t::replace);
    out += '\n';
    if (out.size() > (1 << 16)) {
      std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
      out.clear();
    }
  }
  std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
  std::cout.flush();
  return failed ? 1 : 0;
}

struct TrainModerationArgs {
  std::string data, out, lexicon, clean;
  std::string mlma_labels = "any";
  bool cv = false;
  moderate::ModerationTrainOptions opt;
};

int run_train_moderation(TrainModerationArgs& args) {
  const char* who = "veille train moderation: ";
  std::string lexicon_path = args.lexicon;
  if (lexicon_path.empty())
    lexicon_path = (std::filesystem::path(args.out).parent_path() / "moderation-lexicon-fr.tsv").string();
  std::ifstream lf(lexicon_path, std::ios::binary);
  if (!lf) {
    std::cerr << who << lexicon_path << ": cannot open lexicon\n";
    return 2;
  }
  std::string lexicon_text((std::istreambuf_iterator<char>(lf)), std::istreambuf_iterator<char>());
  auto lexicon = moderate::Lexicon::parse(lexicon_text, lexicon_path);
  if (!lexicon.ok()) {
    std::cerr << who << lexicon.status().to_string() << "\n";
    return 1;
  }
  moderate::MlmaLabels mlma;
  if (!moderate::parse_mlma_labels(args.mlma_labels, &mlma)) {
    std::cerr << who << "--mlma-labels " << args.mlma_labels << ": expected any, harm or strict\n";
    return 2;
  }
  auto data = moderate::read_toxicity_data(args.data, args.opt.folds, mlma);
  if (!data.ok()) {
    std::cerr << who << data.status().to_string() << "\n";
    return data.status().is_caller_error() ? 2 : 1;
  }
  if (!args.clean.empty()) {
    Status s = moderate::read_clean_sentences(args.clean, &*data);
    if (!s.ok()) {
      std::cerr << who << s.to_string() << "\n";
      return 2;
    }
  }
  args.opt.log = [who](const std::string& line) { std::cerr << who << line << "\n"; };
  moderate::ModerationTrainReport report;
  auto params = moderate::train_moderation(*data, **lexicon, args.opt, &report);
  if (!params.ok()) {
    std::cerr << who << params.status().to_string() << "\n";
    return params.status().is_caller_error() ? 2 : 1;
  }
  const std::string bytes = moderate::serialize_model(*params);
  auto check = Moderator::load_bytes(bytes, lexicon_text, args.out);
  if (!check.ok()) {
    std::cerr << who << check.status().to_string() << "\n";
    return 1;
  }
  const std::string tmp = args.out + ".tmp";
  {
    std::ofstream o(tmp, std::ios::binary | std::ios::trunc);
    o.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!o) {
      std::cerr << who << tmp << ": cannot write\n";
      return 1;
    }
  }
  if (std::rename(tmp.c_str(), args.out.c_str()) != 0) {
    std::cerr << who << "cannot rename " << tmp << " to " << args.out << "\n";
    return 1;
  }
  std::cerr << who << bytes.size() << " bytes written to " << args.out << "\n";
  std::cout << report.table;
  if (args.cv) {
    auto cv = moderate::nested_cross_validation(*data, **lexicon, args.opt);
    if (!cv.ok()) {
      std::cerr << who << cv.status().to_string() << "\n";
      return 1;
    }
    std::cout << cv->table;
  }
  return 0;
}

void add_train_moderation(CLI::App& train, int* exit_code) {
  auto args = std::make_shared<TrainModerationArgs>();
  CLI::App* cmd = train.add_subcommand(
      "moderation", "Train the comment toxicity classifier from ../shared/data/toxicity-like data");
  cmd->add_option("--data", args->data,
                  "Directory with toxifrench/ and mlma_fr/ (see models/MODERATION.md)")
      ->required()
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--out", args->out, "Model file to write")->required();
  cmd->add_option("--lexicon", args->lexicon,
                  "Lexicon file (default: moderation-lexicon-fr.tsv beside --out)");
  cmd->add_option("--epochs", args->opt.epochs, "Passes over the data")->check(CLI::Range(1, 200))->capture_default_str();
  cmd->add_option("--hash-bits", args->opt.hash_bits, "Feature table size, 2^N")->check(CLI::Range(10, 26))->capture_default_str();
  cmd->add_option("--seed", args->opt.seed, "Seed of the example order")->capture_default_str();
  cmd->add_option("--folds", args->opt.folds, "ToxiFrench topic folds")->check(CLI::Range(2, 20))->capture_default_str();
  cmd->add_option("--dev-fold", args->opt.dev_fold,
                  "Fold held out from training and threshold choice (-1: none)")
      ->check(CLI::Range(-1, 19))
      ->capture_default_str();
  cmd->add_option("--exclude-fold", args->opt.excluded_fold,
                  "ToxiFrench fold left out of everything, the nested CV too (0: choose settings "
                  "on folds 1-4 without ever seeing the held-out fold; -1: none)")
      ->check(CLI::Range(-1, 19))
      ->capture_default_str();
  cmd->add_option("--l2", args->opt.l2, "L2 penalty")->capture_default_str();
  cmd->add_option("--learning-rate", args->opt.learning_rate, "AdaGrad step")->capture_default_str();
  cmd->add_option("--in-domain-weight", args->opt.in_domain_weight,
                  "Weight of ToxiFrench comments relative to the other sources")
      ->capture_default_str();
  cmd->add_option("--clean", args->clean,
                  "Directory of CoNLL-U files: the `# text =` sentences of *train* files are added "
                  "as non-toxic examples (edited news prose)");
  cmd->add_option("--clean-weight", args->opt.clean_weight,
                  "Total weight of the clean sentences relative to ToxiFrench's")
      ->capture_default_str();
  cmd->add_option("--term-dropout", args->opt.term_dropout,
                  "Probability of hiding a lexicon term's own features in a training pass (its "
                  "category and aim stay), so that unseen lexicon words weigh too")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--max-clean-fp", args->opt.max_clean_fp,
                  "Largest share of the --clean sentences (scored out of fold) the chosen threshold "
                  "may flag; 0: no limit")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--bags", args->opt.bags,
                  "Models averaged, each with its own example order (measured: no gain)")
      ->check(CLI::Range(1, 50))
      ->capture_default_str();
  cmd->add_option("--nb-scale", args->opt.nb_scale,
                  "Scale features by (1-s) + s*r, r the naive Bayes log-count ratio (NB-LR; "
                  "measured: no gain)")
      ->capture_default_str();
  cmd->add_option("--nb-alpha", args->opt.nb_alpha, "Smoothing of the naive Bayes ratios")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--nb-mix", args->opt.nb_mix,
                  "Add this times the naive Bayes ratios to the weights (measured: no gain)")
      ->capture_default_str();
  cmd->add_option("--soft-label", args->opt.soft_label,
                  "Soften ToxiFrench targets towards the second annotation's score (measured: no gain)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--mlma-weight", args->opt.mlma_weight,
                  "Weight of the MLMA tweets relative to their class-balanced weight")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--mlma-labels", args->mlma_labels,
                  "How MLMA's sentiment views become labels: any (toxic unless normal alone), harm "
                  "(toxic with offensive/abusive/hateful/disrespectful), strict (offensive/abusive/"
                  "hateful without normal; normal alone clean; the rest left out)")
      ->capture_default_str();
  cmd->add_flag("--cv", args->cv,
                "Also report nested cross-validation over all ToxiFrench folds (each held out in "
                "turn, its threshold chosen on the others)");
  cmd->add_flag("--constructions", args->opt.constructions,
                "Add the contempt-construction features (\"tous des\", \"t'es\", \"dégage\", "
                "\"qu'il crève\"...; writes a version 3 model; measured: no gain)");
  cmd->add_flag("--valence", args->opt.valence,
                "Add the polarity of ordinary words (the lexicon's valence lines: \"minable\", "
                "\"pathétique\"...) as features; writes a version 4 model");
  cmd->add_flag("!--no-translated", args->opt.use_translated,
                "Leave out the machine-translated Jigsaw comments");
  cmd->callback([args, exit_code] {
    char buf[560];
    std::snprintf(buf, sizeof buf,
                  "veille train moderation --epochs %d --hash-bits %d --seed %llu --folds %d "
                  "--dev-fold %d --l2 %g --learning-rate %g --in-domain-weight %g%s%s%s --clean-weight %g "
                  "--term-dropout %g --max-clean-fp %g --bags %d --nb-scale %g --nb-alpha %g --nb-mix %g "
                  "--soft-label %g --mlma-weight %g%s%s",
                  args->opt.epochs, args->opt.hash_bits,
                  static_cast<unsigned long long>(args->opt.seed), args->opt.folds,
                  args->opt.dev_fold, static_cast<double>(args->opt.l2),
                  static_cast<double>(args->opt.learning_rate),
                  static_cast<double>(args->opt.in_domain_weight),
                  args->opt.use_translated ? "" : " --no-translated",
                  args->opt.constructions ? (args->opt.valence ? " --constructions --valence" : " --constructions")
                                          : (args->opt.valence ? " --valence" : ""),
                  args->clean.empty() ? "" : " --clean ud", static_cast<double>(args->opt.clean_weight),
                  static_cast<double>(args->opt.term_dropout), static_cast<double>(args->opt.max_clean_fp),
                  args->opt.bags, static_cast<double>(args->opt.nb_scale),
                  static_cast<double>(args->opt.nb_alpha), static_cast<double>(args->opt.nb_mix),
                  static_cast<double>(args->opt.soft_label), static_cast<double>(args->opt.mlma_weight),
                  // Named only when not the default, so that the shipped model's bytes stay the same.
                  args->mlma_labels == "any" ? "" : " --mlma-labels ", args->mlma_labels == "any" ? "" : args->mlma_labels.c_str());
    args->opt.description = buf;
    *exit_code = run_train_moderation(*args);
  });
}

}  // namespace

void add_moderate_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ModerateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "moderate",
      "Score reader comments for toxicity: one comment per input line (text, or JSON Lines with "
      "\"text\"), one {\"toxic\", \"score\", \"terms\"} object per line");
  cmd->add_option("input", args->input, "Input file, - for stdin")->required();
  cmd->add_option("--threshold", args->threshold,
                  "Decision threshold in [0, 1] (default: the model's, chosen at training)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--model", args->model,
                  "Model file (default: $VEILLE_MODELS/moderation-fr.bin, else "
                  "models/moderation-fr.bin near the executable)");
  cmd->add_option("--lexicon", args->lexicon,
                  "Lexicon file (default: moderation-lexicon-fr.tsv beside the model)");
  cmd->callback([args, exit_code] { *exit_code = run_moderate(*args); });
  // `train moderation` joins the `train` command when it exists (registered before this one).
  CLI::App* train = nullptr;
  try {
    train = app.get_subcommand("train");
  } catch (const CLI::OptionNotFound&) {
    train = app.add_subcommand("train", "Train a model from annotated data");
    train->require_subcommand(1);
  }
  add_train_moderation(*train, exit_code);
}

}  // namespace veille::cli
