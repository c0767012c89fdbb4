// The pipeline object: the one thing the CLI, the server, the tests and the benchmarks build to
// turn raw pages into documents. Later stages (language, quotes, dates) plug in as named Stages.
#pragma once

#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "veille/document.h"
#include "veille/extract.h"
#include "veille/ingest.h"
#include "veille/status.h"

namespace veille {

// A processing step after extraction. Implementations are immutable once built and thread-safe.
class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  virtual Status process(Document& doc) const = 0;
};

struct PipelineOptions {
  ReadOptions read;
  ExtractOptions extract;
  // Worker threads for process_inputs; 0 = one per hardware core.
  unsigned threads = 0;
};

// Counts of a batch run.
struct BatchStats {
  size_t pages = 0;   // pages read and processed successfully
  size_t failed = 0;  // inputs or pages that failed (each reported through on_error)
};

// Thread-safe: run() is const.
class Pipeline {
 public:
  explicit Pipeline(PipelineOptions options = {});
  void add_stage(std::unique_ptr<Stage> stage) { stages_.push_back(std::move(stage)); }

  // Extracts one page and runs every stage on it.
  Result<Document> run(const RawPage& page) const;

  // Reads every input (files, directories, "-") and runs each page through the pipeline on
  // options().threads workers. on_document and on_error are called from the calling thread only,
  // in input order, so output is deterministic whatever the thread count.
  BatchStats process_inputs(const std::vector<std::string>& inputs,
                            const std::function<void(const Document&)>& on_document,
                            const std::function<void(const InputError&)>& on_error) const;

  const PipelineOptions& options() const { return options_; }
  const Extractor& extractor() const { return extractor_; }

 private:
  Result<Document> run_stages(const RawPage& page) const;

  PipelineOptions options_;
  Extractor extractor_;
  std::vector<std::unique_ptr<Stage>> stages_;
};

}  // namespace veille
