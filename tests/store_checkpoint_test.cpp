// The WAL checkpointer (store/checkpointer.h): commits past SQLite's threshold are copied into the
// database file by the checkpointer's own connection, the WAL restarts instead of growing, and the
// writer gets SQLite's automatic checkpoints back when the checkpointer stops.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>

#include "store/checkpointer.h"
#include "test_temp.h"

namespace veille::store {
namespace {

namespace fs = std::filesystem;

struct Connection {
  sqlite3* db = nullptr;
  explicit Connection(const std::string& path) {
    EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=NORMAL");
  }
  ~Connection() { sqlite3_close_v2(db); }
  void exec(const std::string& sql) const {
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
  }
  // One transaction writing `kib` KiB of fresh rows: about kib / 4 WAL pages.
  void write(int kib) const {
    exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(kib) +
         ") INSERT INTO t(x) SELECT randomblob(1024) FROM n");
  }
};

bool wait_for(const std::function<bool()>& done) {
  for (int i = 0; i < 1000; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

// A WAL database with one table, in a directory of its own.
struct WalDb {
  test_support::TempDir dir;
  const std::string path = dir.file("c.db");
  Connection w{path};
  WalDb() { w.exec("CREATE TABLE t(x BLOB)"); }
};

TEST(Checkpointer, CopiesCommitsIntoTheDatabaseOnItsOwnConnection) {
  WalDb db;
  const std::string& path = db.path;
  const Connection& w = db.w;
  auto c = Checkpointer::start(w.db, path, 1000);
  ASSERT_TRUE(c.ok()) << c.status().message();

  w.write(1024);  // small: under SQLite's threshold, no checkpoint asked
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ((*c)->completed(), 0);
  const auto before = fs::file_size(path);

  w.write(8 * 1024);  // about 2,000 WAL pages
  ASSERT_TRUE(wait_for([&] { return (*c)->completed() > 0; }));
  EXPECT_GT(fs::file_size(path), before + 8u * 1024 * 1024) << "the rows reached the database file";

  // Later transactions restart the WAL instead of appending to it.
  const auto wal_after_first = fs::file_size(path + "-wal");
  for (int i = 0; i < 6; ++i) {
    (*c)->before_write();
    const int n = (*c)->completed();
    w.write(8 * 1024);
    ASSERT_TRUE(wait_for([&] { return (*c)->completed() > n; }));
  }
  EXPECT_LE(fs::file_size(path + "-wal"), 2 * wal_after_first);
}

TEST(Checkpointer, StoppingGivesTheWriterItsAutomaticCheckpointsBack) {
  WalDb db;
  {
    auto c = Checkpointer::start(db.w.db, db.path, 1000);
    ASSERT_TRUE(c.ok());
  }
  const auto before = fs::file_size(db.path);
  db.w.write(8 * 1024);  // the writer's own automatic checkpoint runs inside this commit
  EXPECT_GT(fs::file_size(db.path), before + 8u * 1024 * 1024);
}

TEST(Checkpointer, RefusesADatabaseItCannotOpen) {
  WalDb db;
  auto c = Checkpointer::start(db.w.db, db.dir.file("missing/none.db"), 100);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("none.db"), std::string::npos) << c.status().message();
}

}  // namespace
}  // namespace veille::store
