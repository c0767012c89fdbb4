// The input/output loop shared by the page commands (extract, annotate): run a pipeline over the
// inputs and print one result per page on stdout, in input order.
#pragma once

#include <string>
#include <vector>

#include "veille/document.h"
#include "veille/pipeline.h"

namespace veille::cli {

// Prints each page as `format` ("json": one JSON object per line with `json` options; "text";
// "markdown"). Each failed input or page is reported on stderr as "veille: <source>: <error>" and,
// in json format, as a line {"source": ..., "error": ...} in its place in the output.
// Returns the exit code: 0 when every input succeeded, 1 when some failed.
int print_pipeline_output(const Pipeline& pipeline, const std::vector<std::string>& inputs,
                          const std::string& format, const JsonOptions& json);

}  // namespace veille::cli
