// WAL checkpoints of a writing SQLite connection, run on a thread of their own.
//
// Why: in WAL mode every commit appends the pages it changed to the -wal file, and a checkpoint
// copies them back into the database file and syncs both. SQLite runs that checkpoint inside the
// COMMIT that takes the WAL past 1,000 pages, on the writer's thread. During ingestion the writer
// (the thread that reads the inputs and stores each batch) becomes the pipeline's bottleneck as
// the database grows, and perf put the checkpoint at 18% of its time at 100,000 pages (10.4% of
// all samples: the copy, two fdatasync calls). A second connection does the same PASSIVE
// checkpoint beside it: nothing changes in what is written or when a commit is durable
// (synchronous=NORMAL syncs at checkpoints in both cases), only which thread waits for it.
//
// The WAL file restarts from its beginning only when a write transaction begins after a
// checkpoint has copied all of it. A writer that begins its next batch while the checkpoint of the
// last one still runs appends instead, so the WAL may grow over several batches; past
// kMaxWalFrames the writer waits for the running checkpoint before it begins (before_write), which
// bounds the file and the cost of reading through its index.
#pragma once

#include <sqlite3.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "store/sqlite_db.h"
#include "veille/status.h"

namespace veille::store {

class Checkpointer {
 public:
  // SQLite's own threshold for an automatic checkpoint, in pages of the WAL.
  static constexpr int kCheckpointFrames = 1000;
  // Past this many pages in the WAL (256 MB with 4 KB pages) the writer waits for the running
  // checkpoint before its next write transaction, so that the WAL restarts. A writer that begins
  // right after each commit never finds the last commit checkpointed, so it waits once per
  // kMaxWalFrames: a batch of 128 pages of 150 KB wrote 10,000 WAL pages into a database of
  // 100,000 articles, so it waits about once in six batches; a tighter bound made it wait every
  // other batch.
  static constexpr int kMaxWalFrames = 65536;

  // Opens a second connection to `path` (already in WAL mode) and takes over the automatic
  // checkpoints of `writer`, which must stay open while this object lives.
  static Result<std::unique_ptr<Checkpointer>> start(sqlite3* writer, const std::string& path, int busy_timeout_ms);
  // Stops the thread and gives `writer` SQLite's automatic checkpoints back.
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Called by the writer before it begins a write transaction: when the WAL is past kMaxWalFrames,
  // waits until no checkpoint is running or requested.
  void before_write();

  // Checkpoints run so far (tests).
  int completed() const;

 private:
  explicit Checkpointer(sqlite3* writer) : writer_(writer) {}
  // sqlite3_wal_hook callback, on the writer's thread after each commit.
  static int on_commit(void* self, sqlite3* db, const char* schema, int frames);
  void run();

  sqlite3* writer_;
  Database own_;  // this thread's connection, closed after the thread has stopped
  mutable std::mutex mu_;
  std::condition_variable cv_;       // a request, or stop
  std::condition_variable idle_cv_;  // a checkpoint finished
  bool requested_ = false;
  bool running_ = false;
  bool stop_ = false;
  int frames_ = 0;  // pages in the WAL after the last commit (writer's thread only)
  int completed_ = 0;
  std::thread thread_;
};

}  // namespace veille::store
