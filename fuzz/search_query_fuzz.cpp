// libFuzzer target for search queries: any byte string (capped at 4 KiB) given as a query to a
// small in-memory-sized store must either search or be refused with kInvalidArgument, never
// crash and never surface an FTS5 syntax error (which would mean user input reached FTS5 syntax).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <memory>
#include <string>

#include "veille/store.h"

namespace {

std::string& fixture_path() {
  static std::string path = "/tmp/veille_search_fuzz_" + std::to_string(::getpid()) + ".db";
  return path;
}

veille::Store* fixture() {
  static std::unique_ptr<veille::Store> store = [] {
    const std::string& path = fixture_path();
    ::unlink(path.c_str());
    // Registered before `store` is constructed, so it runs after the store is closed at exit:
    // the fixture's database leaves nothing behind in /tmp.
    std::atexit([] { ::unlink(fixture_path().c_str()); });
    auto s = veille::open_sqlite_store(path);
    if (!s.ok()) std::abort();
    auto st = (*s)->begin();
    veille::Document d;
    d.url = "https://exemple.fr/a";
    d.title = "Le pont de l'Aulne rouvre";
    d.site = "exemple.fr";
    d.published = "2025-02-12";
    d.body.push_back({veille::BlockKind::kParagraph, "Les élections municipales « auront lieu » en mars, a dit Vladimir Poutine.", {}});
    veille::finalize_text(d);
    d.id = veille::content_hash(d.text);
    if (!st.ok() || !(*s)->put_document(d).ok() || !(*s)->commit().ok()) std::abort();
    return std::move(*s);
  }();
  return store.get();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  std::string query(reinterpret_cast<const char*>(data), size);
  veille::SearchQuery q;
  q.query = query;
  q.comments = size % 2 == 1;
  auto r = fixture()->search(q);
  if (!r.ok() && r.status().code() != veille::StatusCode::kInvalidArgument) {
    std::fprintf(stderr, "query failed with %s\n", r.status().to_string().c_str());
    std::abort();
  }
  if (!r.ok() && r.status().message().find("fts5") != std::string::npos) {
    std::fprintf(stderr, "FTS5 syntax error surfaced: %s\n", r.status().to_string().c_str());
    std::abort();
  }
  return 0;
}
