#include "cli/batch_output.h"

#include <iostream>

#include <nlohmann/json.hpp>

namespace veille::cli {

int print_pipeline_output(const Pipeline& pipeline, const std::vector<std::string>& inputs,
                          const std::string& format, const JsonOptions& json) {
  auto report_error = [&](const InputError& err) {
    std::cerr << "veille: " << (err.source.empty() ? "" : err.source + ": ") << err.status.to_string() << "\n";
    if (format != "json") return;
    nlohmann::ordered_json e;
    e["source"] = err.source;
    e["error"] = err.status.to_string();
    std::cout << e.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  };
  BatchStats stats = pipeline.process_inputs(
      inputs,
      [&](const Document& doc) {
        if (format == "json") std::cout << to_json(doc, json) << "\n";
        else if (format == "markdown") std::cout << to_markdown(doc) << "\n";
        else std::cout << to_plain_text(doc) << "\n";
      },
      report_error);
  std::cout.flush();
  return stats.failed ? 1 : 0;
}

}  // namespace veille::cli
