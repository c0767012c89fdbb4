#include "store/sqlite_db.h"

namespace veille::store {

Status sqlite_status(sqlite3* db, int rc, std::string_view what) {
  std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return Status::Corrupt(msg);
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return Status::Io(msg);
    case SQLITE_NOMEM: return Status::TooLarge(msg);
    default: return Status::Internal(msg);
  }
}

bool Query::step(Status* status) {
  if (bind_rc_ != SQLITE_OK) {
    *status = sqlite_status(db_, bind_rc_, "binding a query parameter");
    return false;
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) *status = sqlite_status(db_, rc, "database query");
  return false;
}

Status Query::run() {
  Status st;
  while (step(&st)) {
  }
  return st;
}

Database::~Database() {
  clear_cache();
  if (db_) sqlite3_close_v2(db_);
}

Status Database::open(const std::string& path, int flags, int busy_timeout_ms) {
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) return sqlite_status(db_, rc, "cannot open database " + path);
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, busy_timeout_ms);
  return Status::Ok();
}

Status Database::exec(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string msg = err ? err : sqlite3_errstr(rc);
  sqlite3_free(err);
  Status st = sqlite_status(nullptr, rc, "database");
  return Status(st.code(), "database: " + msg);
}

Result<Query> Database::query(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                &stmt, nullptr);
    if (rc != SQLITE_OK) return sqlite_status(db_, rc, "preparing a query");
    it = cache_.emplace(sql, stmt).first;
  }
  return Query(db_, it->second);
}

void Database::clear_cache() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  cache_.clear();
}

}  // namespace veille::store
