#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "moderate/moderator_internal.h"

namespace veille {

namespace moderate {

Moderation classify_comment(std::string_view text, const ModelParams& params,
                            const Lexicon& lexicon, float threshold, ModerationWorkspace* ws) {
  analyse_comment(text, lexicon, params.hash_bits, ws, {params.constructions, params.valence});
  Moderation m;
  m.score = score_features(params.weights, ws->features.ids, ws->features.values);
  m.toxic = m.score >= threshold;
  m.terms.reserve(ws->hits.size());
  for (const TermHit& h : ws->hits)
    m.terms.push_back({std::string(text.substr(h.begin, h.end - h.begin)), h.normalized,
                       category_name(h.category)});
  return m;
}

}  // namespace moderate

struct Moderator::Impl {
  moderate::ModelParams params;
  std::shared_ptr<const moderate::Lexicon> lexicon;
};

Moderator::Moderator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Moderator::~Moderator() = default;

namespace {

Result<std::string> read_file(const std::string& path, size_t max_bytes) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Status::NotFound(path + ": no such file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  if (s.size() > max_bytes) return Status::TooLarge(path + ": larger than " + std::to_string(max_bytes) + " bytes");
  return s;
}

moderate::ModerationWorkspace& workspace() {
  thread_local moderate::ModerationWorkspace ws;
  return ws;
}

}  // namespace

Result<std::shared_ptr<const Moderator>> Moderator::load(const std::string& model_path,
                                                         const std::string& lexicon_path) {
  Result<std::string> model = read_file(model_path, size_t{1} << 30);
  if (!model.ok()) return model.status();
  std::string lex_path = lexicon_path;
  if (lex_path.empty())
    lex_path = (std::filesystem::path(model_path).parent_path() / moderate::kLexiconFileName).string();
  Result<std::string> lexicon = read_file(lex_path, size_t{64} << 20);
  if (!lexicon.ok()) return lexicon.status();
  return load_bytes(*model, *lexicon, model_path);
}

Result<std::shared_ptr<const Moderator>> Moderator::load_bytes(std::string_view model_bytes,
                                                               std::string_view lexicon_text,
                                                               const std::string& name) {
  Result<moderate::ModelParams> params = moderate::parse_model(model_bytes, name);
  if (!params.ok()) return params.status();
  auto lexicon = moderate::Lexicon::parse(lexicon_text, name + " lexicon");
  if (!lexicon.ok()) return lexicon.status();
  auto impl = std::make_unique<Impl>();
  impl->params = std::move(params).value();
  impl->lexicon = std::move(lexicon).value();
  // Self-test: the decisions and scores recorded at training time must come out again.
  for (const auto& t : impl->params.self_tests) {
    Moderation m = moderate::classify_comment(t.text, impl->params, *impl->lexicon,
                                              impl->params.threshold, &workspace());
    if (m.toxic != t.toxic || std::fabs(m.score - t.score) > 1e-3f)
      return Status::Corrupt(name + ": self-test failed on \"" + t.text + "\": expected " +
                             (t.toxic ? "toxic" : "not toxic") + " (score " +
                             std::to_string(t.score) + "), got " + (m.toxic ? "toxic" : "not toxic") +
                             " (score " + std::to_string(m.score) +
                             "); the model and lexicon do not belong together");
  }
  return std::shared_ptr<const Moderator>(std::make_shared<Moderator>(std::move(impl)));
}

Moderation Moderator::classify(std::string_view text) const {
  return classify(text, impl_->params.threshold);
}

Moderation Moderator::classify(std::string_view text, float threshold) const {
  return moderate::classify_comment(text, impl_->params, *impl_->lexicon, threshold, &workspace());
}

float Moderator::threshold() const { return impl_->params.threshold; }
const std::string& Moderator::description() const { return impl_->params.description; }

std::string default_moderation_model_path() {
  namespace fs = std::filesystem;
  if (const char* dir = std::getenv("VEILLE_MODELS"); dir && *dir)
    return (fs::path(dir) / "moderation-fr.bin").string();
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path dir = exe.parent_path();
    for (int up = 0; up < 4 && !dir.empty(); ++up) {
      fs::path candidate = dir / "models" / "moderation-fr.bin";
      if (fs::exists(candidate, ec)) return candidate.string();
      dir = dir.parent_path();
    }
  }
  return "models/moderation-fr.bin";
}

namespace {

class ModerationStage : public Stage {
 public:
  ModerationStage(std::shared_ptr<const Moderator> m, std::optional<float> threshold)
      : moderator_(std::move(m)), threshold_(threshold.value_or(moderator_->threshold())) {}
  std::string_view name() const override { return "moderate"; }
  Status process(Document& doc) const override {
    for (Comment& c : doc.comments) c.moderation = moderator_->classify(c.text, threshold_);
    return Status::Ok();
  }

 private:
  std::shared_ptr<const Moderator> moderator_;
  float threshold_;
};

}  // namespace

std::unique_ptr<Stage> make_moderation_stage(std::shared_ptr<const Moderator> moderator,
                                             std::optional<float> threshold) {
  return std::make_unique<ModerationStage>(std::move(moderator), threshold);
}

Result<std::unique_ptr<Stage>> make_moderation_stage(const ModerationOptions& options) {
  if (options.threshold && !(*options.threshold >= 0.f && *options.threshold <= 1.f))
    return Status::InvalidArgument("moderation threshold " + std::to_string(*options.threshold) +
                                   " is outside [0, 1]");
  const std::string path = options.model_path.empty() ? default_moderation_model_path() : options.model_path;
  auto moderator = Moderator::load(path, options.lexicon_path);
  if (!moderator.ok()) return moderator.status();
  return make_moderation_stage(std::move(*moderator), options.threshold);
}

}  // namespace veille
