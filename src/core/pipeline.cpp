#include "veille/pipeline.h"

#include <thread>
#include <variant>

namespace veille {

Pipeline::Pipeline(PipelineOptions options)
    : options_(std::move(options)), extractor_(options_.extract) {}

Result<Document> Pipeline::run(const RawPage& page) const {
  // The library reports failures as Status; an exception escaping a stage (a bug, or memory
  // exhaustion on a pathological page) still must not take the batch down with it.
  try {
    return run_stages(page);
  } catch (const std::bad_alloc&) {
    return Status::TooLarge("out of memory while processing the page");
  } catch (const std::exception& e) {
    return Status::Internal(std::string("unexpected exception: ") + e.what());
  }
}

Result<Document> Pipeline::run_stages(const RawPage& page) const {
  Result<Document> doc = extractor_.extract(page);
  if (!doc.ok()) return doc;
  for (const auto& stage : stages_) {
    Status st = stage->process(*doc);
    if (!st.ok()) return Status(st.code(), std::string(stage->name()) + ": " + st.message());
  }
  return doc;
}

BatchStats Pipeline::process_inputs(const std::vector<std::string>& inputs,
                                    const std::function<void(const Document&)>& on_document,
                                    const std::function<void(const InputError&)>& on_error) const {
  unsigned threads = options_.threads ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
  // Pages are gathered into batches that workers process in parallel; results are then emitted in
  // order. A batch is bounded in pages and bytes so that memory stays flat on huge inputs.
  constexpr size_t kBatchPages = 256;
  constexpr size_t kBatchBytes = size_t{64} << 20;
  using Item = std::variant<RawPage, InputError>;
  std::vector<Item> batch;
  size_t batch_bytes = 0;
  BatchStats stats;

  auto flush = [&] {
    std::vector<std::optional<Result<Document>>> results(batch.size());
    auto work = [&](size_t worker) {
      for (size_t i = worker; i < batch.size(); i += threads)
        if (auto* page = std::get_if<RawPage>(&batch[i])) results[i].emplace(run(*page));
    };
    if (threads == 1 || batch.size() == 1) {
      work(0);
    } else {
      std::vector<std::jthread> pool;
      for (unsigned w = 1; w < threads; ++w) pool.emplace_back(work, w);
      work(0);
    }
    for (size_t i = 0; i < batch.size(); ++i) {
      if (auto* err = std::get_if<InputError>(&batch[i])) {
        ++stats.failed;
        on_error(*err);
      } else if (!results[i]->ok()) {
        ++stats.failed;
        on_error({std::get<RawPage>(batch[i]).source, results[i]->status()});
      } else {
        ++stats.pages;
        on_document(results[i]->value());
      }
    }
    batch.clear();
    batch_bytes = 0;
  };

  Status st = read_inputs(
      inputs, options_.read,
      [&](RawPage&& page) {
        batch_bytes += page.content.size();
        batch.emplace_back(std::move(page));
        if (batch.size() >= kBatchPages || batch_bytes >= kBatchBytes) flush();
      },
      [&](InputError&& err) {
        batch.emplace_back(std::move(err));
        if (batch.size() >= kBatchPages) flush();
      });
  flush();
  if (!st.ok()) {
    ++stats.failed;
    on_error({"", st});
  }
  return stats;
}

}  // namespace veille
