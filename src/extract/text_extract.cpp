#include "extract/text_extract.h"

namespace veille {

// Placeholder until the line classifier lands: every non-empty line is body.
Status extract_text(const RawPage& page, const ExtractOptions& options, Document& doc) {
  size_t start = 0;
  int line_no = 0;
  const std::string& s = page.content;
  while (start <= s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string::npos) nl = s.size();
    ++line_no;
    std::string line = s.substr(start, nl - start);
    if (line.find_first_not_of(" \t\r") != std::string::npos) {
      doc.body.push_back({BlockKind::kParagraph, line, {}});
      if (options.explain) doc.lines.push_back({line_no, LineLabel::kBody});
    }
    start = nl + 1;
  }
  return Status::Ok();
}

}  // namespace veille
