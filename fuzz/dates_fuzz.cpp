// libFuzzer target for the French date scanner: the first bytes choose a reference date (or none),
// the rest is the text (capped at 256 KiB). Every mention must satisfy the contract of
// include/veille/dates.h: begin < end <= size, both on UTF-8 character boundaries, in order and
// non-overlapping, with a non-empty value and a known kind.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "nlp/dates_calendar.h"
#include "veille/dates.h"

using veille::fuzz::check;

namespace {
// inside[i] is true when byte i continues a well-formed UTF-8 sequence (Unicode table 3-7): a
// span may start or end anywhere else, invalid bytes being characters of their own.
std::vector<bool> inside_characters(std::string_view s) {
  std::vector<bool> inside(s.size() + 1, false);
  auto u = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  for (size_t i = 0; i < s.size();) {
    unsigned char c = u(i);
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) len = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    else if (c >= 0xF0 && c <= 0xF4) len = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    bool ok = len > 0 && i + len <= s.size() && u(i + 1) >= lo && u(i + 1) <= hi;
    for (size_t k = 2; ok && k < len; ++k) ok = (u(i + k) & 0xC0) == 0x80;
    if (!ok) {
      ++i;
      continue;
    }
    for (size_t k = 1; k < len; ++k) inside[i + k] = true;
    i += len;
  }
  return inside;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 4 || size > 256 * 1024) return 0;
  // 4 bytes: a day number over years 1..9999 (or no reference when the top bit is set) and an
  // hour.
  uint32_t seed = data[0] | (data[1] << 8) | (data[2] << 16) | (uint32_t(data[3]) << 24);
  std::optional<veille::DateReference> ref;
  if (!(seed & 0x80000000u)) {
    int64_t lo = veille::dates::days_from_civil(1, 1, 1), hi = veille::dates::days_from_civil(9999, 12, 31);
    veille::dates::Civil c = veille::dates::civil_from_days(lo + (seed & 0x7FFFFFF) % (hi - lo + 1));
    veille::DateReference r;
    r.year = c.y;
    r.month = c.m;
    r.day = c.d;
    if (seed & 0x40000000u) {
      r.hour = static_cast<int>((seed >> 27) % 24);
      r.minute = static_cast<int>(seed % 60);
    }
    ref = r;
  }
  std::string_view text(reinterpret_cast<const char*>(data + 4), size - 4);
  uint32_t prev_end = 0;
  std::vector<bool> inside = inside_characters(text);
  auto boundary = [&](std::string_view, size_t i) { return !inside[i]; };
  for (const auto& m : veille::find_dates(text, ref)) {
    check(m.span.begin < m.span.end);
    check(m.span.end <= text.size());
    check(m.span.begin >= prev_end);
    check(boundary(text, m.span.begin) && boundary(text, m.span.end));
    check(!m.value.empty());
    std::string_view k = m.kind;
    check(k == "date" || k == "time" || k == "duration" || k == "set");
    prev_end = m.span.end;
  }
  // The reference parser never crashes either, and accepts only real dates.
  auto r = veille::parse_reference_date(text.substr(0, 40));
  if (r.ok()) check(veille::dates::valid_date(r->year, r->month, r->day));
  return 0;
}
