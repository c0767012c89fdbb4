#include "veille/pipeline.h"

namespace veille {

Pipeline::Pipeline(PipelineOptions options)
    : options_(std::move(options)), extractor_(options_.extract) {}

Result<Document> Pipeline::run(const RawPage& page) const {
  Result<Document> doc = extractor_.extract(page);
  if (!doc.ok()) return doc;
  for (const auto& stage : stages_) {
    Status st = stage->process(*doc);
    if (!st.ok()) return Status(st.code(), std::string(stage->name()) + ": " + st.message());
  }
  return doc;
}

}  // namespace veille
