// Golden tests: every page under samples/ is extracted and compared, field by field, with its
// expected JSON under tests/golden/ (same relative path, ".json" appended). The expected files
// were checked by hand when written; to regenerate them after an intended change, run
//   VEILLE_UPDATE_GOLDEN=1 ./build/veille_tests --gtest_filter='Golden*'
// and review the diff before committing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "veille/pipeline.h"

namespace veille {
namespace {

namespace fs = std::filesystem;

const fs::path kSamples = fs::path(VEILLE_SOURCE_DIR) / "samples";
const fs::path kGolden = fs::path(VEILLE_SOURCE_DIR) / "tests" / "golden";

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The fields a golden file pins. "id" and "source" depend on the checkout path, so they are left out.
nlohmann::json comparable(const nlohmann::json& j) {
  nlohmann::json out;
  for (const char* k : {"url", "title", "published", "authors", "site", "lang", "body", "comments", "removed"})
    out[k] = j.contains(k) ? j[k] : nlohmann::json();
  return out;
}

std::vector<fs::path> sample_files() {
  std::vector<fs::path> files;
  if (!fs::exists(kSamples)) return files;
  // Page files only (README.md and EXPECTED.json sit beside them); samples/bad/ holds pages that
  // must fail, checked by samples_test.cpp.
  static const std::set<std::string> kPageExt = {".html", ".htm", ".xhtml", ".txt", ".warc", ".gz", ".jsonl", ".ndjson"};
  for (const auto& e : fs::recursive_directory_iterator(kSamples)) {
    if (!e.is_regular_file() || !kPageExt.count(e.path().extension().string())) continue;
    if (fs::relative(e.path(), kSamples).begin()->string() == "bad") continue;
    files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(GoldenTest, SamplesMatchExpectedJson) {
  auto files = sample_files();
  ASSERT_FALSE(files.empty()) << "no pages under " << kSamples;
  const bool update = std::getenv("VEILLE_UPDATE_GOLDEN") != nullptr;
  Pipeline pipeline;
  for (const auto& file : files) {
    SCOPED_TRACE(file.string());
    fs::path rel = fs::relative(file, kSamples);
    fs::path expected_path = kGolden / (rel.string() + ".json");
    std::vector<nlohmann::json> docs;
    BatchStats stats = pipeline.process_inputs(
        {file.string()}, [&](const Document& d) { docs.push_back(comparable(nlohmann::json::parse(to_json(d)))); },
        [&](const InputError& e) { ADD_FAILURE() << e.source << ": " << e.status.to_string(); });
    ASSERT_EQ(stats.failed, 0u);
    nlohmann::json actual = docs.size() == 1 ? docs[0] : nlohmann::json(docs);
    if (update) {
      fs::create_directories(expected_path.parent_path());
      std::ofstream(expected_path) << actual.dump(1) << "\n";
      continue;
    }
    ASSERT_TRUE(fs::exists(expected_path)) << "no golden file " << expected_path
                                           << " (VEILLE_UPDATE_GOLDEN=1 writes it; review it)";
    nlohmann::json expected = nlohmann::json::parse(read_file(expected_path));
    if (expected.is_array() != actual.is_array()) {
      ADD_FAILURE() << "page count differs";
      continue;
    }
    auto compare = [](const nlohmann::json& exp, const nlohmann::json& act) {
      for (auto it = exp.begin(); it != exp.end(); ++it)
        EXPECT_EQ(act.value(it.key(), nlohmann::json()), it.value()) << "field " << it.key();
    };
    if (expected.is_array()) {
      ASSERT_EQ(expected.size(), actual.size());
      for (size_t i = 0; i < expected.size(); ++i) compare(expected[i], actual[i]);
    } else {
      compare(expected, actual);
    }
  }
}

}  // namespace
}  // namespace veille
