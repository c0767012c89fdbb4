#include "store/checkpointer.h"

#include "store/sqlite_db.h"

namespace veille::store {

Result<std::unique_ptr<Checkpointer>> Checkpointer::start(sqlite3* writer, const std::string& path,
                                                         int busy_timeout_ms) {
  sqlite3* own = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &own, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Status st = sqlite_status(own, rc, "cannot open " + path + " for checkpoints");
    sqlite3_close_v2(own);
    return st;
  }
  sqlite3_extended_result_codes(own, 1);
  sqlite3_busy_timeout(own, busy_timeout_ms);
  // A connection finds the WAL when it first reads the database; until then a checkpoint through
  // it does nothing (SQLite reports "not in WAL mode").
  rc = sqlite3_exec(own, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    Status st = sqlite_status(own, rc, "cannot read " + path + " for checkpoints");
    sqlite3_close_v2(own);
    return st;
  }
  std::unique_ptr<Checkpointer> c(new Checkpointer(writer, own));
  c->thread_ = std::thread([p = c.get()] { p->run(); });
  // Replaces the writer's automatic checkpoint, which is itself a WAL hook.
  sqlite3_wal_hook(writer, &Checkpointer::on_commit, c.get());
  return c;
}

Checkpointer::~Checkpointer() {
  sqlite3_wal_autocheckpoint(writer_, kCheckpointFrames);  // removes our hook first
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
  sqlite3_close_v2(own_);
}

int Checkpointer::on_commit(void* self, sqlite3*, const char*, int frames) {
  auto* c = static_cast<Checkpointer*>(self);
  c->frames_ = frames;
  if (frames >= kCheckpointFrames) {
    {
      std::lock_guard lock(c->mu_);
      c->requested_ = true;
    }
    c->cv_.notify_one();
  }
  return SQLITE_OK;
}

void Checkpointer::before_write() {
  if (frames_ < kMaxWalFrames) return;
  std::unique_lock lock(mu_);
  idle_cv_.wait(lock, [this] { return stop_ || (!running_ && !requested_); });
}

int Checkpointer::completed() const {
  std::lock_guard lock(mu_);
  return completed_;
}

void Checkpointer::run() {
  std::unique_lock lock(mu_);
  for (;;) {
    cv_.wait(lock, [this] { return stop_ || requested_; });
    if (stop_) break;
    requested_ = false;
    running_ = true;
    lock.unlock();
    // PASSIVE: copies what no reader still needs and never blocks the writer. A failure (a
    // reader holding an old snapshot, a full disk) leaves the pages in the WAL, where they are
    // read and committed as before; the next commit asks again.
    (void)sqlite3_wal_checkpoint_v2(own_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    lock.lock();
    running_ = false;
    ++completed_;
    idle_cv_.notify_all();
  }
  running_ = false;
  idle_cv_.notify_all();
}

}  // namespace veille::store
