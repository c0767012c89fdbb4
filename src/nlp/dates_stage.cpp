// The "dates" stage: find_dates() over the article text and every comment, each against the
// reference its own date gives (see include/veille/dates.h).
#include "veille/dates.h"

namespace veille {

namespace {

std::optional<DateReference> reference_of(const std::optional<std::string>& date) {
  if (!date) return std::nullopt;
  auto r = parse_reference_date(*date);
  if (!r.ok()) return std::nullopt;
  return *r;
}

class DateStage final : public Stage {
 public:
  explicit DateStage(std::optional<DateReference> fallback) : fallback_(fallback) {}
  std::string_view name() const override { return "dates"; }
  Status process(Document& doc) const override {
    std::optional<DateReference> page = reference_of(doc.published);
    if (!page) page = fallback_;
    doc.annotations.dates = find_dates(doc.text, page);
    for (auto& c : doc.comments) {
      std::optional<DateReference> own = reference_of(c.date);
      c.annotations.dates = find_dates(c.text, own ? own : page);
    }
    return Status::Ok();
  }

 private:
  std::optional<DateReference> fallback_;
};

}  // namespace

std::unique_ptr<Stage> make_date_stage(std::optional<DateReference> fallback) {
  return std::make_unique<DateStage>(fallback);
}

}  // namespace veille
