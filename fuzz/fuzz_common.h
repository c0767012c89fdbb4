// Shared helpers for the libFuzzer targets.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "ingest/ingest_internal.h"
#include "veille/ingest.h"

namespace veille::fuzz {

// Inputs above this are ignored: bigger ones find nothing new and slow the run down.
constexpr size_t kMaxInput = 256 * 1024;

inline ReadOptions small_budgets() {
  ReadOptions o;
  o.max_page_bytes = size_t{1} << 20;
  o.max_file_bytes = size_t{8} << 20;
  return o;
}

// The ingest contract every fuzzer checks: pages are valid UTF-8, errors name their input.
inline void check_page(const RawPage& p) {
  if (!ingest::is_valid_utf8(p.content)) {
    std::fprintf(stderr, "page %s is not valid UTF-8\n", p.source.c_str());
    std::abort();
  }
}

inline void check_error(const InputError& e) {
  if (e.source.empty() || e.status.ok() || e.status.message().empty()) {
    std::fprintf(stderr, "error without a source or a reason\n");
    std::abort();
  }
}

}  // namespace veille::fuzz
