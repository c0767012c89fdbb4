// Incremental ingestion: raw pages -> annotated documents -> the Store, with near-duplicates,
// stories and threads updated as pages arrive.
//
//   auto store = veille::open_sqlite_store("veille.db");
//   auto ing = veille::Ingester::create(**store, {});
//   auto counts = (*ing)->ingest({"samples/"}, on_error);
//
// Per page: a content hash already stored -> "known" (skipped before extraction); else the page
// is extracted and annotated on the worker threads (the same Pipeline as `veille annotate`, with
// the moderation stage), then stored as a new article or a new version of the article at its URL.
// A new article whose MinHash is close enough to a stored one (LSH candidates, estimated Jaccard
// >= corpus::kDuplicateThreshold) joins that article's duplicate group; otherwise it joins the best
// candidate story (story keys, within a window of days, similarity >= corpus::kStoryThreshold) or
// starts a new story, which is linked to a thread when a candidate story continues it.
//
// Incremental: no all-pairs comparison; candidates come from indexed keys, bounded per key, so the
// time per page stays flat as the corpus grows; state lives in the store, not in memory. Pages are
// written in one transaction per batch: an interruption (Ctrl-C, kill -9, a full disk) loses at
// most the batch being written, and a rerun skips what was committed.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "veille/ingest.h"
#include "veille/nlp.h"
#include "veille/pipeline.h"
#include "veille/status.h"
#include "veille/store.h"

namespace veille {

struct IngestOptions {
  // Reading and extraction budgets, and pipeline.threads: busy threads (0 = one per core), that is
  // threads - 1 workers and the calling thread, which reads, stores and annotates in between.
  PipelineOptions pipeline;
  LanguageOptions language;
  // Moderation of reader comments (toxic counts per article and story).
  bool moderation = true;
  std::string moderation_model;  // empty: the shipped model
  std::optional<float> moderation_threshold;
  // TF-IDF background for story key terms; empty: corpus::Background::default_path().
  std::string background_path;
  // Pages per transaction: larger is faster, smaller loses less on a crash.
  size_t batch_pages = 128;
  // A page joins stories whose days are within this many days of its own.
  int story_window_days = 7;
  // A new story is linked to a thread with stories within this many days.
  int thread_window_days = 45;
  // Candidate stories compared per page (best key overlap first).
  size_t max_candidate_stories = 20;
};

// Counts of an ingestion; every page read is exactly one of new, known or failed, and duplicates
// are among the new ones.
struct IngestCounts {
  size_t read = 0;        // pages read (and inputs that could not be read)
  size_t new_pages = 0;   // stored: new articles and new versions
  size_t versions = 0;    // of which new versions of a known article
  size_t known = 0;       // already stored (same content hash), skipped
  size_t duplicates = 0;  // new articles that are near-duplicates of a stored one
  size_t failed = 0;      // unreadable inputs and pages that failed extraction or annotation
  // CPU seconds of the writer thread (store, duplicates, stories, index): the part of the work
  // that could grow with the corpus, measured apart from annotation.
  double writer_cpu_seconds = 0;
};

// What happened to one document given to Ingester::add.
struct IngestOutcome {
  PutOutcome put;
  std::optional<int64_t> duplicate_of;  // the group's source when the page is a copy
  std::optional<int64_t> story;
  bool new_story = false;
};

class Ingester {
 public:
  // Builds the pipeline (extraction, language stages, moderation) and loads the background.
  // Errors: the models' (missing or corrupt files).
  static Result<std::unique_ptr<Ingester>> create(Store& store, IngestOptions options = {});
  ~Ingester();

  // Reads every input (files, directories, "-") and ingests every page. on_error gets each failed
  // input or page (the batch goes on); on_progress gets the counts after each committed batch.
  // Returns the counts, or the store's error when writing failed (the batch being written is
  // rolled back; earlier batches stay committed).
  Result<IngestCounts> ingest(const std::vector<std::string>& inputs,
                              const std::function<void(const InputError&)>& on_error,
                              const std::function<void(const IngestCounts&)>& on_progress = {});

  // Stores one annotated document and updates duplicates and stories. REQUIRES: inside
  // store.begin()/commit() (ingest() does this per batch).
  Result<IngestOutcome> add(const Document& doc);

  const Pipeline& pipeline() const;

  struct Impl;

 private:
  explicit Ingester(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace veille
