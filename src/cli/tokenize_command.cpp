// `veille tokenize --json FILE|-`: the evaluation entry point of the tokenizer and sentence
// splitter. Reads one raw UTF-8 text and prints one JSON object:
//   {"sentences": [{"begin": b, "end": e, "tokens": [[b, e], ...]}, ...]}
// with byte offsets into the input, so that input.substr(begin, end - begin) is the surface.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "cli/commands.h"
#include "nlp/tokenize.h"

namespace veille::cli {

namespace {

struct TokenizeArgs {
  std::string input;
  bool json = false;
};

// Reads the whole input; returns false with the reason in *error when it cannot.
bool read_input(const std::string& path, std::string* text, std::string* error) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    if (std::cin.bad()) {
      *error = "cannot read standard input";
      return false;
    }
    *text = ss.str();
    return true;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    *error = "is a directory, not a text file";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot open file";
    return false;
  }
  try {
    std::ostringstream ss;
    ss << in.rdbuf();
    *text = ss.str();
  } catch (const std::exception& e) {
    *error = std::string("cannot read file: ") + e.what();
    return false;
  }
  if (in.bad()) {
    *error = "cannot read file";
    return false;
  }
  return true;
}

// Offsets and the fixed key names need no escaping, so the output is written directly: a 1 MB
// text has ~200k tokens, and building a JSON tree for them would cost more than tokenizing.
void write_json(const Tokenization& tz, std::ostream& out) {
  std::string buf;
  buf.reserve(tz.tokens.size() * 16 + 32);
  buf += "{\"sentences\": [";
  for (size_t s = 0; s < tz.sentences.size(); ++s) {
    const SentenceSpan& sent = tz.sentences[s];
    if (s) buf += ", ";
    buf += "{\"begin\": " + std::to_string(sent.span.begin) + ", \"end\": " + std::to_string(sent.span.end) +
           ", \"tokens\": [";
    for (uint32_t k = 0; k < sent.token_count; ++k) {
      const Span& t = tz.tokens[sent.first_token + k];
      if (k) buf += ", ";
      buf += '[';
      buf += std::to_string(t.begin);
      buf += ", ";
      buf += std::to_string(t.end);
      buf += ']';
    }
    buf += "]}";
  }
  buf += "]}\n";
  out << buf;
}

int run_tokenize(const TokenizeArgs& args) {
  std::string text, error;
  if (!read_input(args.input, &text, &error)) {
    std::cerr << "veille: " << (args.input == "-" ? std::string("<stdin>") : args.input) << ": " << error << "\n";
    return 1;
  }
  Tokenization tz = tokenize_and_split(text);
  write_json(tz, std::cout);
  std::cout.flush();
  return std::cout ? 0 : 1;
}

}  // namespace

void add_tokenize_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<TokenizeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "tokenize", "Split raw UTF-8 text into sentences and French tokens (byte offsets, JSON)");
  cmd->add_option("input", args->input, "A text file, or - for stdin")->required();
  cmd->add_flag("--json", args->json, "Print {\"sentences\": [{\"begin\", \"end\", \"tokens\": [[b, e], ...]}]}")
      ->required();
  cmd->callback([args, exit_code] { *exit_code = run_tokenize(*args); });
}

}  // namespace veille::cli
