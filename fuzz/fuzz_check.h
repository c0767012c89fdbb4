// The one assertion the libFuzzer targets use: a broken contract aborts, which libFuzzer reports
// with the input that broke it (assert() would vanish in release builds).
#pragma once

#include <cstddef>
#include <cstdlib>

namespace veille::fuzz {

inline void check(bool ok) {
  if (!ok) std::abort();
}

// Text-level targets (tokenizer, quotes) ignore inputs above this: a page is never larger.
constexpr size_t kMaxTextInput = size_t{1} << 20;

}  // namespace veille::fuzz
