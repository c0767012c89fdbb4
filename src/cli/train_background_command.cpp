// `veille train background`: document frequencies of key terms over French corpora, written as
// models/background-fr.tsv (see models/BACKGROUND.md).
//
// Sources under --data (each skipped with a note when absent):
//  - ner/wikineural-fr/train.conllu (Wikipedia sentences, tokens in column 2),
//  - ud/UD_French-Sequoia/fr_sequoia-ud-train.conllu and ud/UD_French-GSD/*.conllu
//    ("# text =" lines),
//  - extraction/wcxb/dev/ground-truth/*.json: main_content of the pages detected as French.
// Sentences of the CoNLL files are grouped into pseudo-documents of --sentences-per-doc
// consecutive sentences (the files keep no document boundaries that a df could use).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "corpus/background_build.h"
#include "nlp/lang.h"

namespace veille::cli {
namespace {

namespace fs = std::filesystem;

struct TrainBackgroundArgs {
  std::string data = "../shared/data";
  std::string out = "models/background-fr.tsv";
  unsigned min_df = 2;
  unsigned sentences_per_doc = 10;
};

// Feeds the sentences of a CoNLL file to the counter in groups. text_lines: read "# text ="
// lines (UD); else join column 2 of token lines (WikiNEuRal). Returns the sentence count.
size_t add_conll(const fs::path& path, bool text_lines, unsigned per_doc, corpus::BackgroundCounter& counter) {
  std::ifstream in(path, std::ios::binary);
  std::string line, sentence, doc;
  size_t sentences = 0;
  unsigned in_doc = 0;
  auto end_sentence = [&] {
    if (sentence.empty()) return;
    doc += sentence;
    doc += '\n';
    sentence.clear();
    ++sentences;
    if (++in_doc == per_doc) {
      counter.add_document(doc);
      doc.clear();
      in_doc = 0;
    }
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      end_sentence();
      continue;
    }
    if (text_lines) {
      if (line.rfind("# text = ", 0) == 0) sentence = line.substr(9);
      continue;
    }
    if (line[0] == '#') continue;
    size_t t1 = line.find('\t');
    if (t1 == std::string::npos) continue;
    size_t t2 = line.find('\t', t1 + 1);
    if (!sentence.empty()) sentence.push_back(' ');
    sentence += line.substr(t1 + 1, t2 == std::string::npos ? std::string::npos : t2 - t1 - 1);
  }
  end_sentence();
  if (!doc.empty()) counter.add_document(doc);
  return sentences;
}

int run_train_background(const TrainBackgroundArgs& args) {
  const char* who = "veille train background: ";
  const fs::path data(args.data);
  if (!fs::is_directory(data)) {
    std::cerr << who << args.data << ": not a directory\n";
    return 2;
  }
  corpus::BackgroundCounter counter;
  size_t sources = 0;
  auto conll = [&](const fs::path& p, bool text_lines) {
    if (!fs::exists(p)) {
      std::cerr << who << "skipping " << p.string() << " (absent)\n";
      return;
    }
    const uint64_t before = counter.documents();
    size_t n = add_conll(p, text_lines, args.sentences_per_doc, counter);
    std::cerr << who << p.string() << ": " << n << " sentences, " << counter.documents() - before
              << " documents\n";
    ++sources;
  };
  conll(data / "ner/wikineural-fr/train.conllu", false);
  conll(data / "ud/UD_French-Sequoia/fr_sequoia-ud-train.conllu", true);
  if (fs::is_directory(data / "ud/UD_French-GSD")) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(data / "ud/UD_French-GSD"))
      if (e.path().extension() == ".conllu") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) conll(p, true);
  }
  const fs::path wcxb = data / "extraction/wcxb/dev/ground-truth";
  if (fs::is_directory(wcxb)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(wcxb))
      if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    size_t french = 0;
    for (const fs::path& p : files) {
      std::ifstream in(p, std::ios::binary);
      nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
      if (j.is_discarded() || !j.contains("ground_truth") || !j["ground_truth"].is_object()) continue;
      const auto& gt = j["ground_truth"];
      if (!gt.contains("main_content") || !gt["main_content"].is_string()) continue;
      const std::string text = gt["main_content"].get<std::string>();
      if (detect_language(text) != "fr") continue;
      counter.add_document(text);
      ++french;
    }
    std::cerr << who << wcxb.string() << ": " << french << " French pages of " << files.size() << "\n";
    ++sources;
  } else {
    std::cerr << who << "skipping " << wcxb.string() << " (absent)\n";
  }
  if (sources == 0 || counter.documents() == 0) {
    std::cerr << who << "no corpus found under " << args.data << "\n";
    return 1;
  }
  if (Status st = counter.write(args.out, args.min_df); !st.ok()) {
    std::cerr << who << st.to_string() << "\n";
    return 1;
  }
  std::error_code ec;
  std::cerr << who << "wrote " << args.out << ": " << counter.documents() << " documents, "
            << counter.terms() << " distinct terms before pruning to df >= " << args.min_df << ", "
            << fs::file_size(args.out, ec) << " bytes\n";
  return 0;
}

}  // namespace

void add_train_background_command(CLI::App& app, int* exit_code) {
  CLI::App* train = nullptr;
  try {
    train = app.get_subcommand("train");
  } catch (const CLI::OptionNotFound&) {
    train = app.add_subcommand("train", "Train a model from annotated data");
    train->require_subcommand(1);
  }
  auto args = std::make_shared<TrainBackgroundArgs>();
  CLI::App* cmd = train->add_subcommand(
      "background", "Document frequencies of key terms over French corpora (the TF-IDF background)");
  cmd->add_option("--data", args->data, "Directory of the shared data (../shared/data)")->capture_default_str();
  cmd->add_option("--out", args->out, "Output file")->capture_default_str();
  cmd->add_option("--min-df", args->min_df, "Keep terms found in at least this many documents")
      ->capture_default_str()
      ->check(CLI::Range(1u, 1000000u));
  cmd->add_option("--sentences-per-doc", args->sentences_per_doc,
                  "Consecutive CoNLL sentences grouped into one pseudo-document")
      ->capture_default_str()
      ->check(CLI::Range(1u, 100000u));
  cmd->callback([args, exit_code] { *exit_code = run_train_background(*args); });
}

}  // namespace veille::cli
