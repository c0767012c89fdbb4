// Corpus algorithms: near-duplicates (MinHash-LSH), key terms (TF-IDF against a shipped
// background), incremental story clustering and threads, extractive summaries and timelines.
//
// Pure functions and value types: no storage and no I/O except Background::load. The caller (the
// store) keeps signatures and StoryProfiles as BLOBs (encode / decode_*) and retrieves candidates
// by LSH keys and story keys, so that ingestion never compares all pairs.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "veille/document.h"
#include "veille/status.h"

namespace veille::corpus {

// ---- Near-duplicates: MinHash over word shingles, LSH banding.
inline constexpr size_t kMinHashSize = 128;
inline constexpr size_t kLshBands = 32;  // 32 bands x 4 rows
inline constexpr size_t kLshRows = kMinHashSize / kLshBands;

struct MinHash {
  std::array<uint32_t, kMinHashSize> values{};
  bool empty = true;
};

// Signature of an article text: shingles of consecutive normalised words (lower-cased, accents
// folded, punctuation dropped). A text too short to shingle gives empty == true (never a
// duplicate).
MinHash minhash(std::string_view text);
// One key per band, band index mixed in. An empty signature gives all-zero keys (callers skip it).
std::array<uint64_t, kLshBands> lsh_keys(const MinHash& m);
// Fraction of equal slots; 0 when either signature is empty.
double estimated_jaccard(const MinHash& a, const MinHash& b);
// Estimated Jaccard at or above which two texts are near-duplicates (chosen on bench/dedup_bench).
extern const double kDuplicateThreshold;
// Compact bytes, for a BLOB column.
std::string encode(const MinHash& m);
Result<MinHash> decode_minhash(std::string_view bytes);

// ---- Key terms: TF-IDF against a background shipped in models/ (document frequencies of
// stemmed, accent-folded French words over a large French corpus; see models/BACKGROUND.md).
class Background {
 public:
  Background() = default;
  // File format: a header line "#veille-background<TAB>1<TAB>documents=N", then lines
  // "term<TAB>df". Errors name the file and the line.
  static Result<Background> load(const std::string& path);
  // $VEILLE_MODELS/background-fr.tsv, models/ beside or above the executable, ./models/.
  static std::string default_path();
  // term = key_term() form; unseen terms get the maximum idf.
  double idf(std::string_view term) const;
  // Lower-case, accents folded, Snowball French stem. Thread-safe.
  static std::string key_term(std::string_view word);
  // True for function words (le, de, que...) and tokens that are not words (numbers,
  // punctuation); they never become key terms.
  static bool is_stopword(std::string_view word);
  // is_stopword(word) ? nullptr : &key_term(word), remembered per thread (at most ~100k words)
  // for the per-token loops (profiles, summary candidates): a word is stemmed once, not at each
  // occurrence. The pointer is valid until the next call on the same thread.
  static const std::string* cached_key_term(std::string_view word);

  // Built from counts (the build_background tool, tests).
  static Background from_counts(uint64_t documents,
                                std::unordered_map<std::string, uint32_t> df);
  uint64_t documents() const { return documents_; }
  size_t size() const { return df_.size(); }
  double max_idf() const;

 private:
  uint64_t documents_ = 0;
  std::unordered_map<std::string, uint32_t> df_;
};

// ---- Story clustering (incremental; the caller keeps StoryProfiles in its store and retrieves
// candidates by keys).
struct ArticleProfile {
  std::vector<std::pair<std::string, float>> terms;     // key terms, tf-idf weight, L2-normalised, top ~100
  std::vector<std::pair<std::string, float>> entities;  // canonical entity ids (EntityMention::id), L2-normalised weights
  std::optional<int32_t> day;                           // published day (days since 1970-01-01), else null
  std::vector<int32_t> event_days;                      // days of resolved full dates mentioned in the text (Annotations::dates), if any
  // Weekdays mentioned ("mercredi", resolved or not) and those of event_days: bit 0 = Monday ...
  // bit 6 = Sunday. Pages without dates often say only "Wednesday" about the event they report.
  uint8_t weekdays = 0;
};
// doc annotated (tokens, entities; dates if present). `today` (days since 1970-01-01, default the
// clock) only places the days of a page without a published date: a day and month it names with
// a weekday ("samedi 7 novembre") go to the latest such day not long after today.
ArticleProfile profile(const Document& doc, const Background& bg, std::optional<int32_t> today = std::nullopt);

struct StoryProfile {
  std::vector<std::pair<std::string, float>> terms, entities;  // centroids, top-k kept
  std::vector<int32_t> event_days;
  int32_t first_day = 0, last_day = 0;  // of its articles' days (both 0 when no article had a day)
  int articles = 0;
  bool has_day = false;  // whether first_day/last_day are meaningful
  uint8_t weekdays = 0;  // union of its articles' weekdays
};

// Keys to find candidate stories in an index (top entity ids, top terms, prefixed "e:" / "t:").
std::vector<std::string> story_keys(const ArticleProfile& a);
std::vector<std::string> story_keys(const StoryProfile& s);
// In [0, 1]: the article's mean cosine with the story's articles (a dot product with the
// unnormalised centroids, i.e. average link), terms weighing more than entities, plus shared
// event days or weekdays, cut to a quarter when the article's main place is not the story's (two
// towns), decayed by the distance in days when both have days.
double story_similarity(const ArticleProfile& a, const StoryProfile& s);
// Join the best candidate story at or above this; else start a new story.
extern const double kStoryThreshold;
StoryProfile new_story(const ArticleProfile& a);
void add_to_story(StoryProfile& s, const ArticleProfile& a);

// Threads: stories that continue each other (same actors, later events).
double thread_similarity(const StoryProfile& a, const StoryProfile& b);
extern const double kThreadThreshold;

// A sparse vector's items indexed by name once, so that comparing one profile with many
// candidates costs one lookup per candidate item and no hash map per comparison. Sums follow the
// indexed vector's order, so the results are bit-identical to the pairwise functions above.
class IndexedVector {
 public:
  IndexedVector() = default;
  explicit IndexedVector(std::vector<std::pair<std::string, float>> v);
  // The index points into v_'s strings: copies would point into the original.
  IndexedVector(const IndexedVector&) = delete;
  IndexedVector& operator=(const IndexedVector&) = delete;
  IndexedVector(IndexedVector&&) = default;
  IndexedVector& operator=(IndexedVector&&) = default;
  // Sum over this vector's items of w * other's weight of the same name (the first occurrence in
  // other); *other_norm2, if given, gets the sum of other's squared weights. `scale` applies to
  // other's weights: a function of the name (nullptr = 1).
  double dot(const std::vector<std::pair<std::string, float>>& other, double* other_norm2 = nullptr,
             float (*scale)(std::string_view) = nullptr) const;
  double norm2() const { return norm2_; }
  bool empty() const { return v_.empty(); }

 private:
  std::vector<std::pair<std::string, float>> v_;
  std::unordered_map<std::string_view, uint32_t> first_;  // name -> first position in v_
  std::vector<int32_t> next_same_;                        // next position with the same name, or -1
  double norm2_ = 0;
  mutable std::vector<double> prod_;
  mutable std::vector<char> seen_;
};

// story_similarity(a, s) for one article against many candidate stories (ingestion compares
// each page with up to max_candidate_stories of them). Not thread-safe: one per thread.
class StoryMatcher {
 public:
  explicit StoryMatcher(const ArticleProfile& a);
  double similarity(const StoryProfile& s) const;

 private:
  ArticleProfile a_;  // entities (for places), days and weekdays; the vectors live in the indexes
  IndexedVector terms_, entities_;
};

// thread_similarity(a, b) for one story against many candidate stories. Not thread-safe.
class ThreadMatcher {
 public:
  explicit ThreadMatcher(const StoryProfile& a);
  double similarity(const StoryProfile& b) const;

 private:
  StoryProfile a_;  // entities (for shared actors and places) and days
  IndexedVector actors_, terms_;
};

std::string encode(const StoryProfile& s);
Result<StoryProfile> decode_story_profile(std::string_view bytes);

// Days since 1970-01-01 of "YYYY-MM-DD..." (the first 10 characters), or nullopt.
std::optional<int32_t> parse_day(std::string_view iso);

// ---- Summaries and timelines of a story (articles given newest first or in any order).
struct SummarySentence {
  size_t article;  // index into `articles`
  Span span;       // into that article's text
  std::string text;
};
// Extractive summary: 3 to 5 sentences drawn from different sources where possible, central to
// the story, not redundant, in a readable order. Needs the articles' sentence annotations.
std::vector<SummarySentence> summarize(const std::vector<const Document*>& articles,
                                       size_t max_sentences = 5);

// The part of a summary that depends on one article alone: the sentences that may be picked
// (questions, headings, ads, too short or too long ones left out) and their key-term counts.
// Why apart: a story's summary is refreshed each time it gains an article; computing this once
// per article (on the ingester's worker threads) spares re-tokenising and re-stemming up to 30
// articles at every refresh.
struct SummaryCandidates {
  struct Sentence {
    Span span;  // into the article's text
    std::vector<std::pair<std::string, uint32_t>> terms;  // distinct key terms and their counts
  };
  std::vector<Sentence> sentences;
};
SummaryCandidates summary_candidates(const Document& doc);

// Whether sentence `s` of `d` may be drawn into a summary: a statement ending like a sentence,
// of 8 to 70 words, outside headings, not spanning blocks, without page-furniture cues, not
// opening with a personal pronoun nor with a pronoun as the speaker of an incise (out of its
// article, "Il a annoncé..." and "a-t-il déclaré" name nobody), and not half a quotation.
bool pickable_sentence(const Document& d, Span s);
// summarize(articles) with candidates[i] given for articles[i] (nullptr: computed here).
// REQUIRES: candidates.size() == articles.size() and candidates[i] computed from *articles[i].
std::vector<SummarySentence> summarize(const std::vector<const Document*>& articles,
                                       const std::vector<const SummaryCandidates*>& candidates,
                                       size_t max_sentences = 5);

struct TimelineEvent {
  std::string value;  // resolved date (YYYY-MM-DD or coarser)
  std::string text;   // the sentence that dates it
  size_t article;
};
// Dated events from the articles' Annotations::dates (empty when the dates stage did not run),
// sorted by value, one event per distinct (value, sentence).
std::vector<TimelineEvent> timeline(const std::vector<const Document*>& articles);

}  // namespace veille::corpus
