// Proleptic Gregorian calendar arithmetic for the dates stage: day numbers (days since
// 1970-01-01), weekdays (1 = Monday .. 7 = Sunday) and ISO 8601 weeks. Pure functions.
#pragma once

#include <cstdint>
#include <string>

namespace veille::dates {

constexpr bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr int days_in_month(int y, int m) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

constexpr bool valid_date(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

// Days since 1970-01-01 (the "days from civil" construction: years start in March so that the
// leap day is the last day of a year).
constexpr int64_t days_from_civil(int y, int m, int d) {
  int64_t yy = y - (m <= 2 ? 1 : 0);
  int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
  int64_t yoe = yy - era * 400;
  int64_t mp = (m + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  int y = 1970, m = 1, d = 1;
};

constexpr Civil civil_from_days(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

// 1 = Monday .. 7 = Sunday; 1970-01-01 was a Thursday.
constexpr int weekday(int64_t days) {
  int64_t w = (days + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

struct IsoWeek {
  int year = 1970, week = 1;
};

// ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday.
constexpr IsoWeek iso_week(int64_t days) {
  int64_t thursday = days - weekday(days) + 4;
  int y = civil_from_days(thursday).y;
  int64_t jan1 = days_from_civil(y, 1, 1);
  return {y, static_cast<int>((thursday - jan1) / 7 + 1)};
}

}  // namespace veille::dates
