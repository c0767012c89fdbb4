// Reads rows of a veille database as text, for tests that compare what two runs stored.
#pragma once

#include <sqlite3.h>

#include <initializer_list>
#include <string>

namespace veille::test_support {

// The rows of each query in turn, one line per row with '|' after every column ("NULL" for null);
// a query that cannot be prepared adds a line naming it, so that a comparison fails visibly.
inline std::string query_rows(const std::string& path, std::initializer_list<const char*> queries) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return "cannot open " + path;
  }
  std::string out;
  for (const char* sql : queries) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
      out += std::string("cannot read (") + sqlite3_errmsg(db) + "): " + sql + "\n";
      continue;
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        const unsigned char* t = sqlite3_column_text(st, c);
        out += t ? reinterpret_cast<const char*>(t) : "NULL";
        out += '|';
      }
      out += '\n';
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return out;
}

}  // namespace veille::test_support
