#include "store/checkpointer.h"

namespace veille::store {

Result<std::unique_ptr<Checkpointer>> Checkpointer::start(sqlite3* writer, const std::string& path,
                                                         int busy_timeout_ms) {
  std::unique_ptr<Checkpointer> c(new Checkpointer(writer));
  Status st = c->own_.open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, busy_timeout_ms);
  // A connection finds the WAL when it first reads the database; until then a checkpoint through
  // it does nothing (SQLite reports "not in WAL mode").
  if (st.ok()) st = c->own_.exec("SELECT count(*) FROM sqlite_master");
  if (!st.ok()) return Status(st.code(), "checkpoints: " + st.message());
  c->thread_ = std::thread([p = c.get()] { p->run(); });
  // Replaces the writer's automatic checkpoint, which is itself a WAL hook.
  sqlite3_wal_hook(writer, &Checkpointer::on_commit, c.get());
  return c;
}

Checkpointer::~Checkpointer() {
  if (!thread_.joinable()) return;  // start() failed before taking the writer's checkpoints over
  sqlite3_wal_autocheckpoint(writer_, kCheckpointFrames);  // removes our hook first
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
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
    (void)sqlite3_wal_checkpoint_v2(own_.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    lock.lock();
    running_ = false;
    ++completed_;
    idle_cv_.notify_all();
  }
  running_ = false;
  idle_cv_.notify_all();
}

}  // namespace veille::store
