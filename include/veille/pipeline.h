// The pipeline object: the one thing the CLI, the server, the tests and the benchmarks build to
// turn raw pages into documents. Later stages (language, quotes, dates) plug in as named Stages.
#pragma once

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
};

// Thread-safe: run() is const.
class Pipeline {
 public:
  explicit Pipeline(PipelineOptions options = {});
  void add_stage(std::unique_ptr<Stage> stage) { stages_.push_back(std::move(stage)); }

  // Extracts one page and runs every stage on it.
  Result<Document> run(const RawPage& page) const;

  const PipelineOptions& options() const { return options_; }
  const Extractor& extractor() const { return extractor_; }

 private:
  PipelineOptions options_;
  Extractor extractor_;
  std::vector<std::unique_ptr<Stage>> stages_;
};

}  // namespace veille
