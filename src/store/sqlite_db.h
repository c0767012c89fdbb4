// A thin RAII layer over the SQLite C API: cached prepared statements and parameter binding, so
// that every query in the store is parameterised and its errors become Status values.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "veille/status.h"

namespace veille::store {

// Status of a failed SQLite call, naming what was being done.
Status sqlite_status(sqlite3* db, int rc, std::string_view what);

// A prepared statement in use: bind, step, read columns; reset on destruction so that the cached
// statement can be reused.
class Query {
 public:
  Query(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  Query(Query&& o) noexcept : db_(o.db_), stmt_(o.stmt_), bind_rc_(o.bind_rc_) { o.stmt_ = nullptr; }
  ~Query() {
    if (stmt_) {
      sqlite3_reset(stmt_);
      sqlite3_clear_bindings(stmt_);
    }
  }

  Query& bind(int i, int64_t v) { return check(sqlite3_bind_int64(stmt_, i, v)); }
  Query& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
  Query& bind(int i, double v) { return check(sqlite3_bind_double(stmt_, i, v)); }
  Query& bind(int i, std::string_view v) {
    return check(sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  }
  Query& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Query& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Query& bind_blob(int i, std::string_view v) {
    return check(sqlite3_bind_blob64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT));
  }
  Query& bind_null(int i) { return check(sqlite3_bind_null(stmt_, i)); }
  template <typename T>
  Query& bind(int i, const std::optional<T>& v) {
    return v ? bind(i, *v) : bind_null(i);
  }

  // Next row: true when there is one; errors through *status.
  bool step(Status* status);
  // Runs to completion (statements without rows).
  Status run();

  bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
  double real(int col) const { return sqlite3_column_double(stmt_, col); }
  std::string text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
  }
  std::optional<std::string> opt_text(int col) const {
    if (is_null(col)) return std::nullopt;
    return text(col);
  }
  std::optional<int64_t> opt_int64(int col) const {
    if (is_null(col)) return std::nullopt;
    return int64(col);
  }
  std::string blob(int col) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
  }

 private:
  Query& check(int rc) {
    if (rc != SQLITE_OK && bind_rc_ == SQLITE_OK) bind_rc_ = rc;
    return *this;
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  int bind_rc_ = SQLITE_OK;
};

// A connection with a cache of prepared statements keyed by their SQL text.
class Database {
 public:
  Database() = default;
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Status open(const std::string& path, int flags, int busy_timeout_ms);
  sqlite3* handle() const { return db_; }
  // Runs SQL without parameters (schema, pragmas, transactions).
  Status exec(const std::string& sql);
  // A cached statement for `sql`; errors when the SQL does not compile.
  Result<Query> query(const std::string& sql);
  // Drops every cached statement (before closing, or after a schema change).
  void clear_cache();

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace veille::store
