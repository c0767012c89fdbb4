// Quotations and speakers on the project's own test set, tests/fixtures/quotes/*.jsonl: one French
// news paragraph (or a few, joined by blank lines) per line, {"id", "text", "quotes": [{"text",
// "kind", "speaker"}]}, written for the project.
//
// For each record, runs tokenize, ner and quotes on a document whose text is the record's text,
// then matches predicted and gold quotations by their text after normalisation (whitespace runs
// and no-break spaces as one space, ’ as '). Reports precision, recall and F1 of quotations, kind
// accuracy and speaker accuracy over the matched ones. A speaker is right when the gold speaker
// equals (after fold_entity_name) the predicted speaker_entity or speaker, or, for a speaker
// without entity (a collective or a description), when one contains the other; a gold null
// speaker needs a null prediction. Also the speed of the quotes stage alone (MB/s).
//
// Usage: quotes_bench [FIXTURE_DIR_OR_FILE] [--model FILE] [--verbose]
#include <algorithm>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "nlp/entities.h"
#include "nlp/ner.h"
#include "veille/nlp.h"
#include "veille/quotes.h"
#include "quote_scoring.h"

namespace fs = std::filesystem;
using namespace veille;

namespace {

const fs::path kSourceDir = fs::path(__FILE__).parent_path().parent_path();

}  // namespace

int main(int argc, char** argv) {
  fs::path input = kSourceDir / "tests" / "fixtures" / "quotes";
  bool verbose = false;
  NerStageOptions ner;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--verbose" || a == "-v") verbose = true;
    else if (a == "--model" && i + 1 < argc) ner.model_path = argv[++i];
    else if (a == "--help" || a == "-h") {
      std::cout << "usage: quotes_bench [FIXTURE_DIR_OR_FILE] [--model FILE] [--verbose]\n";
      return 0;
    } else input = a;
  }
  if (ner.model_path.empty() && !fs::exists(default_ner_model_path()))
    ner.model_path = (kSourceDir / "models" / "ner-fr.bin").string();
  if (!fs::exists(default_aliases_path()))
    ner.shipped_aliases_path = (kSourceDir / "models" / "aliases-fr.tsv").string();
  std::vector<fs::path> files;
  if (fs::is_directory(input)) {
    for (const auto& e : fs::directory_iterator(input))
      if (e.path().extension() == ".jsonl") files.push_back(e.path());
  } else if (fs::exists(input)) {
    files.push_back(input);
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::cerr << "quotes_bench: no .jsonl test set at " << input.string() << "\n";
    return 1;
  }
  auto tokenize = make_tokenize_stage();
  auto ner_stage = make_ner_stage(ner);
  if (!ner_stage.ok()) {
    std::cerr << "quotes_bench: " << ner_stage.status().to_string() << "\n";
    return 1;
  }
  auto quote_stage = make_quote_stage();

  int gold_n = 0, pred_n = 0, matched = 0, kind_ok = 0, speaker_ok = 0;
  int sent_matched = 0, sent_speaker_ok = 0, records = 0;
  double quote_seconds = 0;
  size_t bytes = 0;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string line;
    int lineno = 0;
    while (std::getline(in, line)) {
      ++lineno;
      if (line.empty()) continue;
      auto rec = nlohmann::json::parse(line, nullptr, false);
      if (rec.is_discarded() || !rec.contains("text") || !rec.contains("quotes")) {
        std::cerr << f.string() << ":" << lineno << ": not a test record (needs text and quotes)\n";
        return 1;
      }
      ++records;
      Document doc;
      doc.text = rec["text"].get<std::string>();
      if (Status s = tokenize->process(doc); !s.ok()) return 1;
      if (Status s = (*ner_stage)->process(doc); !s.ok()) return 1;
      std::clock_t t0 = std::clock();
      if (Status s = quote_stage->process(doc); !s.ok()) return 1;
      quote_seconds += double(std::clock() - t0) / CLOCKS_PER_SEC;
      bytes += doc.text.size();
      const auto& pred = doc.annotations.quotes;
      pred_n += static_cast<int>(pred.size());
      std::vector<bool> used(pred.size(), false);
      for (const auto& g : rec["quotes"]) {
        ++gold_n;
        std::string gt = bench::normalise_quote_text(g["text"].get<std::string>());
        int found = -1;
        for (size_t k = 0; k < pred.size(); ++k)
          if (!used[k] && bench::normalise_quote_text(std::string_view(doc.text).substr(pred[k].span.begin, pred[k].span.end - pred[k].span.begin)) == gt) {
            found = static_cast<int>(k);
            break;
          }
        std::string id = rec.value("id", std::to_string(lineno));
        if (found < 0) {
          if (verbose) std::cout << id << ": missed   « " << gt << " »\n";
          continue;
        }
        used[found] = true;
        ++matched;
        const Quote& q = pred[found];
        bool sentence = g.value("kind", "") == "sentence";
        if (q.kind == g.value("kind", "")) ++kind_ok;
        else if (verbose) std::cout << id << ": kind     « " << gt << " » " << q.kind << " (gold " << g.value("kind", "") << ")\n";
        bool ok = bench::speaker_right(g["speaker"], q);
        speaker_ok += ok;
        if (sentence) ++sent_matched, sent_speaker_ok += ok;
        if (!ok && verbose)
          std::cout << id << ": speaker  « " << gt << " » " << q.speaker.value_or("null") << " / "
                    << q.speaker_entity.value_or("null") << " cue=" << q.cue.value_or("null") << " (gold "
                    << (g["speaker"].is_null() ? "null" : g["speaker"].get<std::string>()) << ")\n";
        if (!ok && verbose) {
          std::cout << "    entities:";
          for (const auto& e : doc.annotations.entities)
            std::cout << " [" << doc.text.substr(e.span.begin, e.span.end - e.span.begin) << "|" << e.type << "]";
          std::cout << "\n";
        }
      }
      if (verbose)
        for (size_t k = 0; k < pred.size(); ++k)
          if (!used[k])
            std::cout << rec.value("id", "") << ": extra    « "
                      << doc.text.substr(pred[k].span.begin, pred[k].span.end - pred[k].span.begin) << " »\n";
    }
  }
  double p = pred_n ? double(matched) / pred_n : 1, r = gold_n ? double(matched) / gold_n : 1;
  double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  std::cout << "command: quotes_bench";
  for (int i = 1; i < argc; ++i) std::cout << " " << argv[i];
  std::cout << "\n";
  std::printf("%d records, %d gold quotes, %d predicted, %d matched\n", records, gold_n, pred_n, matched);
  std::printf("precision %.3f  recall %.3f  F1 %.3f\n", p, r, f1);
  std::printf("kind accuracy %.3f (%d/%d matched)\n", matched ? double(kind_ok) / matched : 0, kind_ok, matched);
  std::printf("speaker accuracy %.3f (%d/%d matched); sentence quotes %.3f (%d/%d)\n",
              matched ? double(speaker_ok) / matched : 0, speaker_ok, matched,
              sent_matched ? double(sent_speaker_ok) / sent_matched : 0, sent_speaker_ok, sent_matched);
  std::printf("quotes stage on the test set: %.2f MB/s (%zu bytes, tokenize and ner not counted)\n",
              quote_seconds > 0 ? bytes / 1e6 / quote_seconds : 0.0, bytes);

  // Speed on large texts: the test set's paragraphs repeated up to 0.5 and 1 MB (linear time shows
  // as equal MB/s), and the 1 MB text with every closing mark removed and an opening « in front
  // (an unclosed quotation must not make the scan quadratic).
  std::string unit;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string line;
    while (std::getline(in, line)) {
      auto rec = nlohmann::json::parse(line, nullptr, false);
      if (!rec.is_discarded() && rec.contains("text")) unit += rec["text"].get<std::string>() + "\n\n";
    }
  }
  auto timed = [&](std::string text, const char* what) {
    Document doc;
    doc.text = std::move(text);
    if (!tokenize->process(doc).ok() || !(*ner_stage)->process(doc).ok()) return;
    double best = 1e9;
    for (int run = 0; run < 3; ++run) {
      std::clock_t t0 = std::clock();
      if (!quote_stage->process(doc).ok()) return;
      best = std::min(best, double(std::clock() - t0) / CLOCKS_PER_SEC);
    }
    std::printf("%-40s %8zu bytes %6zu quotes %8.1f ms CPU %8.2f MB/s\n", what, doc.text.size(),
                doc.annotations.quotes.size(), best * 1e3, doc.text.size() / 1e6 / best);
  };
  if (!unit.empty()) {
    std::string half, full;
    while (half.size() < 500000) half += unit;
    while (full.size() < 1000000) full += unit;
    timed(half, "test set repeated to 0.5 MB");
    timed(full, "test set repeated to 1 MB");
    std::string unclosed = "« ";
    for (size_t i = 0; i < full.size(); ++i) {
      if (full.compare(i, 2, "\xC2\xBB") == 0) {
        ++i;
        continue;
      }
      if (full.compare(i, 3, "\xE2\x80\x9D") == 0 || full.compare(i, 3, "\xE2\x80\xBA") == 0) {
        i += 2;
        continue;
      }
      if (full[i] == '"') continue;
      unclosed += full[i];
    }
    timed(unclosed, "1 MB, closing marks removed, « first");
  }
  return 0;
}
