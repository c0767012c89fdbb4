#include "veille/ingester.h"

#include <time.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <variant>

#include "veille/corpus.h"
#include "veille/moderate.h"

namespace veille {

namespace {

// What a worker computes for one page: everything that needs only the page, so that the thread
// that writes to the store does as little as possible.
struct Annotated {
  Document doc;
  std::string json;  // stored_document_form(to_json(doc, include_annotations)): what the store keeps
  std::shared_ptr<const SearchEntry> search;  // its search-index terms (prepare_search_entry)
  corpus::MinHash minhash;
  corpus::ArticleProfile profile;
  corpus::SummaryCandidates summary;  // for the story digest refreshes
};

std::vector<uint64_t> key_vector(const corpus::MinHash& m) {
  auto keys = corpus::lsh_keys(m);
  return std::vector<uint64_t>(keys.begin(), keys.end());
}

std::optional<int32_t> opt_first(const corpus::StoryProfile& s) {
  return s.has_day ? std::optional<int32_t>(s.first_day) : std::nullopt;
}
std::optional<int32_t> opt_last(const corpus::StoryProfile& s) {
  return s.has_day ? std::optional<int32_t>(s.last_day) : std::nullopt;
}

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// Similarity of a story with a story of another thread at or above which the two threads merge
// (see Impl::link_thread); above corpus::kThreadThreshold, since a merge joins whole threads.
constexpr double kThreadMergeThreshold = 0.45;

// Fewer words than this in the article text: not an article (see Impl::add).
constexpr size_t kMinStoryWords = 80;

// Words of the article text: tokens that start with a letter or a digit.
size_t word_count(const Document& doc) {
  size_t n = 0;
  for (const Span& t : doc.annotations.tokens) {
    if (t.begin >= doc.text.size()) continue;
    unsigned char c = static_cast<unsigned char>(doc.text[t.begin]);
    if (std::isalnum(c) || c >= 0x80) ++n;
  }
  return n;
}

// A section or archive page lists many articles, each a headline, a date and a teaser: many
// distinct days for few words. An article, even one with a timeline, tells more per date.
constexpr size_t kListingMinDays = 5;
constexpr size_t kListingMaxWordsPerDay = 40;

bool looks_like_listing(const Document& doc, size_t words) {
  std::unordered_set<std::string> days;
  for (const DateMention& d : doc.annotations.dates)
    if (d.kind == "date" && d.value.size() == 10) days.insert(d.value);
  return days.size() >= kListingMinDays && words < kListingMaxWordsPerDay * days.size();
}

// The language stages, the background and the story profiles are French: a page in another
// language would be clustered on noise. "und" (undecided, short or mixed text) is given a chance.
bool is_french_or_undecided(const Document& doc) { return doc.lang.empty() || doc.lang == "fr" || doc.lang == "und"; }

std::string story_title(const Document& doc) {
  if (doc.title && !doc.title->empty()) return *doc.title;
  std::string t = doc.text.substr(0, std::min<size_t>(doc.text.size(), 120));
  return t.empty() ? doc.source : t;
}

}  // namespace

struct Ingester::Impl {
  Store& store;
  IngestOptions options;
  Pipeline pipeline;
  corpus::Background background;

  Impl(Store& s, IngestOptions o) : store(s), options(std::move(o)), pipeline(options.pipeline) {}

  // The latest stored version of recently written articles, by article id, so that refreshing a
  // story's summary does not parse the stored JSON of its recent articles again (stories are
  // made of recent pages). Bounded: a miss only costs a parse.
  static constexpr size_t kRecentDocuments = 512;
  struct Recent {
    Document doc;
    corpus::SummaryCandidates summary;
  };
  std::unordered_map<int64_t, std::shared_ptr<const Recent>> recent;
  std::deque<int64_t> recent_order;
  void remember(int64_t article, Annotated&& a) {
    recent[article] = std::make_shared<const Recent>(Recent{std::move(a.doc), std::move(a.summary)});
    recent_order.push_back(article);
    while (recent_order.size() > kRecentDocuments) {
      recent.erase(recent_order.front());  // an article stored twice may go early: only a miss
      recent_order.pop_front();
    }
  }
  void forget_recent() {
    recent.clear();
    recent_order.clear();
  }

  Annotated annotate(Document doc) const {
    Annotated a;
    a.minhash = corpus::minhash(doc.text);
    a.profile = corpus::profile(doc, background);
    a.summary = corpus::summary_candidates(doc);
    a.json = stored_document_form(to_json(doc, {.include_lines = false, .include_annotations = true}));
    a.search = prepare_search_entry(doc);
    a.doc = std::move(doc);
    return a;
  }

  // Decoded profiles of the stories read or written in the batch being stored. Pages of a batch
  // compare with mostly the same recent stories, and decoding every candidate's profile again
  // was about a tenth of the writer's time. Valid only while the store's write lock is held
  // (ingest() stores a batch in one transaction and only this Ingester writes profiles in it):
  // cleared before and after each batch, and never kept by the public add().
  bool cache_profiles = false;
  std::unordered_map<int64_t, std::shared_ptr<const corpus::StoryProfile>> profiles;
  // The decoded profile of a candidate; nullptr when this build cannot read it.
  std::shared_ptr<const corpus::StoryProfile> profile_of(const StoredStory& c) {
    if (cache_profiles) {
      auto it = profiles.find(c.id);
      if (it != profiles.end()) return it->second;
    }
    auto sp = corpus::decode_story_profile(c.profile);
    if (!sp.ok()) return nullptr;
    auto shared = std::make_shared<const corpus::StoryProfile>(std::move(*sp));
    if (cache_profiles) profiles[c.id] = shared;
    return shared;
  }
  void remember_profile(int64_t story, std::shared_ptr<const corpus::StoryProfile> sp) {
    if (cache_profiles) profiles[story] = std::move(sp);
  }

  Result<IngestOutcome> add(const Annotated& a);
  // Links `story` to its most similar story at or above kThreadThreshold. When that story is in
  // another thread than `own_thread`, the two threads merge (see Store::join_thread); when it is
  // already in the story's own thread, nothing changes, so that a story matching its own thread
  // best never chains that thread to a second one.
  Status link_thread(int64_t story, const corpus::StoryProfile& sp, std::optional<int64_t> own_thread);
};

Status Ingester::Impl::link_thread(int64_t story, const corpus::StoryProfile& sp, std::optional<int64_t> own_thread) {
  std::optional<int32_t> lo, hi;
  if (sp.has_day) {
    lo = sp.first_day - options.thread_window_days;
    hi = sp.last_day + options.thread_window_days;
  }
  auto cands = store.candidate_stories(corpus::story_keys(sp), lo, hi, options.max_candidate_stories + 1);
  if (!cands.ok()) return cands.status();
  double best = -1;
  int64_t best_id = 0;
  std::optional<int64_t> best_thread;
  std::map<int64_t, std::pair<double, int64_t>> other_threads;  // thread -> its best (similarity, story)
  const corpus::ThreadMatcher matcher(sp);  // indexed once, compared with every candidate
  for (const auto& c : *cands) {
    if (c.id == story) continue;
    auto other = profile_of(c);
    if (!other) continue;  // a profile this build cannot read only loses a thread link
    double sim = matcher.similarity(*other);
    if (sim > best) {
      best = sim;
      best_id = c.id;
      best_thread = c.thread;
    }
    if (c.thread && c.thread != own_thread) {
      auto [it, fresh] = other_threads.try_emplace(*c.thread, sim, c.id);
      if (!fresh && sim > it->second.first) it->second = {sim, c.id};
    }
  }
  // A story already in a thread does not merge it with another thread at the bar for joining
  // one: that is the merge loop's decision, at its higher bar.
  if (best >= corpus::kThreadThreshold && !(own_thread && best_thread)) {
    auto t = store.join_thread(story, best_id);
    if (!t.ok()) return t.status();
  }
  // Another thread holding a story this close is the same run of events reached from another
  // side (stories stored in another order): the threads merge. The bar is higher than for
  // joining a thread, because a merge joins every story of both.
  for (const auto& [thread, b] : other_threads) {
    if (b.first < kThreadMergeThreshold) continue;
    auto t = store.join_thread(story, b.second);
    if (!t.ok()) return t.status();
  }
  return Status::Ok();
}

Result<IngestOutcome> Ingester::Impl::add(const Annotated& a) {
  IngestOutcome out;
  auto put = store.put_document(a.doc, a.json, a.search);
  if (!put.ok()) return put.status();
  out.put = *put;
  if (put->kind == PutOutcome::Kind::kKnown) return out;

  // Near-duplicates (for new versions too: the signature follows the latest text).
  std::vector<uint64_t> keys;
  if (!a.minhash.empty) keys = key_vector(a.minhash);
  if (put->kind == PutOutcome::Kind::kNewArticle && !a.minhash.empty) {
    auto cands = store.duplicate_candidates(keys, put->article);
    if (!cands.ok()) return cands.status();
    double best = -1;
    int64_t best_id = 0;
    for (int64_t c : *cands) {
      auto sig = store.signature(c);
      if (!sig.ok()) return sig.status();
      if (sig->empty()) continue;
      auto m = corpus::decode_minhash(*sig);
      if (!m.ok()) continue;
      double j = corpus::estimated_jaccard(a.minhash, *m);
      if (j > best || (j == best && c < best_id)) {
        best = j;
        best_id = c;
      }
    }
    if (best >= corpus::kDuplicateThreshold) {
      auto source = store.set_duplicate(put->article, best_id);
      if (!source.ok()) return source.status();
      out.duplicate_of = *source;
      auto story = store.article_story(*source);
      if (!story.ok()) return story.status();
      out.story = *story;
    }
  }
  if (!a.minhash.empty) {
    Status st = store.set_signature(put->article, corpus::encode(a.minhash), keys);
    if (!st.ok()) return st;
  }
  if (out.duplicate_of) return out;
  if (put->kind == PutOutcome::Kind::kNewVersion) {
    // A new version keeps its story: re-clustering would move articles under readers' feet.
    auto story = store.article_story(put->article);
    if (!story.ok()) return story.status();
    out.story = *story;
    return out;
  }

  // A page with too little text to be an article (a 404 page, a stub, a gallery) is stored and
  // searchable but starts no story: stories are about events that articles report.
  const size_t words = word_count(a.doc);
  if (words < kMinStoryWords) return out;
  // Nor does a page in another language, or a listing of other articles' headlines.
  if (!is_french_or_undecided(a.doc) || looks_like_listing(a.doc, words)) return out;

  // Story assignment: candidates by keys within a window of days around the page's day.
  std::vector<std::string> skeys = corpus::story_keys(a.profile);
  std::optional<int32_t> lo, hi;
  if (a.profile.day) {
    lo = *a.profile.day - options.story_window_days;
    hi = *a.profile.day + options.story_window_days;
  }
  auto cands = store.candidate_stories(skeys, lo, hi, options.max_candidate_stories);
  if (!cands.ok()) return cands.status();
  double best = -1;
  std::shared_ptr<const corpus::StoryProfile> best_decoded;
  const StoredStory* best_story = nullptr;
  const corpus::StoryMatcher matcher(a.profile);  // indexed once, compared with every candidate
  for (const auto& c : *cands) {
    auto sp = profile_of(c);
    if (!sp) continue;
    double sim = matcher.similarity(*sp);
    if (sim > best) {
      best = sim;
      best_decoded = std::move(sp);
      best_story = &c;
    }
  }
  if (best_story && best >= corpus::kStoryThreshold) {
    auto best_profile = std::make_shared<corpus::StoryProfile>(*best_decoded);
    corpus::add_to_story(*best_profile, a.profile);
    Status st = store.update_story(best_story->id, corpus::encode(*best_profile), corpus::story_keys(*best_profile),
                                   opt_first(*best_profile), opt_last(*best_profile));
    if (st.ok()) st = store.set_article_story(put->article, best_story->id);
    if (!st.ok()) return st;
    remember_profile(best_story->id, best_profile);
    out.story = best_story->id;
    // A story looks for its thread again as it grows (at 2, 4, 8... articles: its profile
    // settles, and it may now match a story of another thread, which merges the two); a search
    // at every page would rarely change anything.
    const int n = best_profile->articles;
    if (n >= 2 && (n & (n - 1)) == 0) {
      st = link_thread(best_story->id, *best_profile, best_story->thread);
      if (!st.ok()) return st;
    }
    return out;
  }
  corpus::StoryProfile sp = corpus::new_story(a.profile);
  auto id = store.create_story(story_title(a.doc), corpus::encode(sp), corpus::story_keys(sp), opt_first(sp),
                               opt_last(sp));
  if (!id.ok()) return id.status();
  if (cache_profiles) remember_profile(*id, std::make_shared<const corpus::StoryProfile>(sp));
  Status st = store.set_article_story(put->article, *id);
  if (st.ok()) st = link_thread(*id, sp, std::nullopt);
  if (!st.ok()) return st;
  out.story = *id;
  out.new_story = true;
  return out;
}

Ingester::Ingester(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Ingester::~Ingester() = default;

const Pipeline& Ingester::pipeline() const { return impl_->pipeline; }

Result<std::unique_ptr<Ingester>> Ingester::create(Store& store, IngestOptions options) {
  // Pages extracted without ingest()'s own hash (known_before_extraction), as Ingester::add's
  // callers and the server do, get an id in the store's scheme too.
  options.pipeline.extract.id_hash = store.content_hash_scheme();
  auto impl = std::make_unique<Impl>(store, std::move(options));
  Status st = add_language_stages(impl->pipeline, impl->options.language);
  if (!st.ok()) return st;
  if (impl->options.moderation) {
    auto stage = make_moderation_stage(
        ModerationOptions{impl->options.moderation_model, "", impl->options.moderation_threshold});
    if (!stage.ok()) return stage.status();
    impl->pipeline.add_stage(std::move(*stage));
  }
  const std::string bg_path =
      impl->options.background_path.empty() ? corpus::Background::default_path() : impl->options.background_path;
  auto bg = corpus::Background::load(bg_path);
  if (!bg.ok()) return bg.status();
  impl->background = std::move(*bg);
  return std::unique_ptr<Ingester>(new Ingester(std::move(impl)));
}

Result<IngestOutcome> Ingester::add(const Document& doc) {
  Annotated a = impl_->annotate(doc);
  auto r = impl_->add(a);
  if (!r.ok() || !r->story || r->duplicate_of || r->put.kind == PutOutcome::Kind::kKnown) return r;
  Status st = impl_->store.refresh_story_digest(*r->story, {{r->put.article, {&a.doc, &a.summary}}});
  if (!st.ok()) return st;
  return r;
}

Result<IngestCounts> Ingester::ingest(const std::vector<std::string>& inputs,
                                      const std::function<void(const InputError&)>& on_error,
                                      const std::function<void(const IngestCounts&)>& on_progress) {
  Impl& im = *impl_;
  const unsigned threads =
      im.options.pipeline.threads ? im.options.pipeline.threads : std::max(1u, std::thread::hardware_concurrency());
  const size_t batch_pages = std::max<size_t>(1, im.options.batch_pages);
  constexpr size_t kBatchBytes = size_t{64} << 20;
  // Batches read and not yet stored, the one being read included: bounds the pages in memory
  // (a batch being stored, one on the workers, one being read, as many as the old barrier kept)
  // while giving the workers the next batch's pages when a batch's last pages are still running.
  constexpr size_t kBatchesInFlight = 3;
  // `threads` busy threads: threads - 1 workers and this thread, which reads, stores, and
  // annotates queued pages when it has nothing to store. Two workers beside this thread on two
  // cores (three threads for two cores) measured more CPU per page at load 5 (10.3-11.4 against
  // 9.0-9.2 ms, 1,000 pages) and left the writer behind more often (usable share of two cores
  // 93-96% against 96-98%); on a loaded machine three threads do get a larger share of it.
  const unsigned workers = threads - 1;

  IngestCounts counts;
  using Item = std::variant<RawPage, InputError>;
  using Done = std::variant<Annotated, InputError>;
  struct Batch;
  struct Task {
    Item item;
    std::optional<Done> done;
    Batch* batch;
  };
  // Pages in the order read; the reader decides where a batch ends (batch_pages or 64 MB), so
  // that batches and their order are the same whatever the number of threads.
  struct Batch {
    std::vector<std::unique_ptr<Task>> tasks;  // this thread only
    size_t pending = 0;                        // pages not annotated yet; guarded by `mu`
  };
  std::deque<std::unique_ptr<Batch>> batches;  // front: the oldest; back: the one being read
  batches.push_back(std::make_unique<Batch>());
  size_t batch_bytes = 0;
  std::unordered_set<std::string> batch_hashes;  // pages repeated inside the batch being read
  Status failure;

  // Extraction, language stages, moderation, MinHash and profile of one page. Errors and
  // exceptions stay with their page.
  auto annotate_one = [&im](Task& t) {
    auto& page = std::get<RawPage>(t.item);
    try {
      auto doc = im.pipeline.run(page);
      if (doc.ok()) t.done.emplace(im.annotate(std::move(*doc)));
      else t.done.emplace(InputError{page.source, doc.status()});
    } catch (const std::exception& e) {
      t.done.emplace(InputError{page.source, Status::Internal(std::string("unexpected exception: ") + e.what())});
    } catch (...) {
      t.done.emplace(InputError{page.source, Status::Internal("unexpected exception")});
    }
    page = RawPage{};  // the page's bytes are not needed any more
  };

  // A persistent pool: workers take pages one at a time as they are read, across batch
  // boundaries, so that no worker waits for another's last page or for the writer.
  std::mutex mu;
  std::condition_variable work_cv;  // pages queued, or stop
  std::condition_variable done_cv;  // a batch's last page annotated
  std::deque<Task*> queue;
  bool stop = false;
  auto finish = [&](Task& t) {
    bool last;
    {
      std::lock_guard lock(mu);
      last = --t.batch->pending == 0;
    }
    if (last) done_cv.notify_one();
  };
  auto worker = [&] {
    for (;;) {
      Task* t;
      {
        std::unique_lock lock(mu);
        work_cv.wait(lock, [&] { return stop || !queue.empty(); });
        if (stop) return;
        t = queue.front();
        queue.pop_front();
      }
      annotate_one(*t);
      finish(*t);
    }
  };
  // Joins the workers on every way out, before the batches they write into are destroyed.
  struct Pool {
    std::mutex& mu;
    std::condition_variable& cv;
    bool& stop;
    std::deque<Task*>& queue;
    std::vector<std::jthread> threads;
    ~Pool() {
      {
        std::lock_guard lock(mu);
        stop = true;
        queue.clear();
      }
      cv.notify_all();
      threads.clear();
    }
  } pool{mu, work_cv, stop, queue, {}};
  for (unsigned w = 0; w < workers; ++w) pool.threads.emplace_back(worker);

  // Writer (this thread): one transaction per batch.
  auto store_all = [&](std::vector<Done> done) -> Status {
    const double cpu0 = thread_cpu_seconds();
    Status st = im.store.begin();
    if (!st.ok()) return st;
    // Profiles cached for this transaction only (see Impl::profiles).
    im.profiles.clear();
    im.cache_profiles = true;
    struct EndOfBatch {
      Impl& im;
      ~EndOfBatch() {
        im.cache_profiles = false;
        im.profiles.clear();
      }
    } end_of_batch{im};
    IngestCounts delta;
    // Stories whose articles changed in this batch get their summary and timeline recomputed
    // once, before the commit; the batch's documents are at hand, not re-read from the store.
    std::set<int64_t> changed_stories;
    std::vector<std::pair<int64_t, Annotated*>> changed_docs;
    // Pages with a published date are clustered first: a page without one has no day to keep it
    // out of the wrong story of a series (the same places and people, other weeks), and joined
    // whichever of them was stored first; after its batch's dated pages it meets all of them.
    std::vector<size_t> order(done.size());
    for (size_t i = 0; i < done.size(); ++i) order[i] = i;
    std::stable_partition(order.begin(), order.end(), [&done](size_t i) {
      const auto* a = std::get_if<Annotated>(&done[i]);
      return a == nullptr || a->doc.published.has_value();
    });
    for (size_t i : order) {
      auto& d = done[i];
      if (auto* err = std::get_if<InputError>(&d)) {
        ++delta.failed;
        if (on_error) on_error(*err);
        continue;
      }
      auto r = im.add(std::get<Annotated>(d));
      if (!r.ok()) {
        im.store.rollback();
        im.forget_recent();
        return Status(r.status().code(), std::get<Annotated>(d).doc.source + ": " + r.status().message());
      }
      switch (r->put.kind) {
        case PutOutcome::Kind::kKnown: ++delta.known; break;
        case PutOutcome::Kind::kNewVersion: ++delta.new_pages, ++delta.versions; break;
        case PutOutcome::Kind::kNewArticle: ++delta.new_pages; break;
      }
      if (r->duplicate_of) ++delta.duplicates;
      if (r->story && !r->duplicate_of && r->put.kind != PutOutcome::Kind::kKnown) {
        changed_stories.insert(*r->story);
        changed_docs.emplace_back(r->put.article, &std::get<Annotated>(d));
      }
    }
    for (auto& [article, doc] : changed_docs) im.remember(article, std::move(*doc));
    std::unordered_map<int64_t, Store::DigestInput> in_memory;
    for (const auto& [article, r] : im.recent) in_memory.emplace(article, Store::DigestInput{&r->doc, &r->summary});
    for (int64_t story : changed_stories) {
      st = im.store.refresh_story_digest(story, in_memory);
      if (!st.ok()) {
        im.store.rollback();
        im.forget_recent();
        return Status(st.code(), "story " + std::to_string(story) + ": " + st.message());
      }
    }
    st = im.store.commit();
    if (!st.ok()) {
      im.forget_recent();
      return st;
    }
    counts.new_pages += delta.new_pages;
    counts.versions += delta.versions;
    counts.known += delta.known;
    counts.duplicates += delta.duplicates;
    counts.failed += delta.failed;
    counts.writer_cpu_seconds += thread_cpu_seconds() - cpu0;
    if (on_progress) on_progress(counts);
    return Status::Ok();
  };

  // Stores the oldest batch once all its pages are annotated. With `wait`, annotates queued pages
  // (oldest first, so the oldest batch completes first) until the batch is complete, sleeping
  // only when the workers have all its remaining pages; without, returns false at once when the
  // batch is not ready. A failed store stops the run: `failure` is set and the queue dropped.
  auto store_front = [&](bool wait) -> bool {
    Batch& b = *batches.front();
    {
      std::unique_lock lock(mu);
      while (b.pending > 0) {
        if (!wait) return false;
        if (!queue.empty()) {
          Task* t = queue.front();
          queue.pop_front();
          lock.unlock();
          annotate_one(*t);
          finish(*t);
          lock.lock();
          continue;
        }
        done_cv.wait(lock);
      }
    }
    std::vector<Done> done;
    done.reserve(b.tasks.size());
    for (auto& t : b.tasks) done.push_back(std::move(*t->done));
    batches.pop_front();
    if (done.empty()) return true;
    Status st = store_all(std::move(done));
    if (!st.ok()) {
      failure = st;
      std::lock_guard lock(mu);
      queue.clear();  // the run stops: pages not started yet are dropped
    }
    return true;
  };

  // Stores the complete batches at the front (not the one being read), checked after every page
  // read so that a batch is committed as soon as its last page is annotated.
  auto store_ready = [&]() {
    while (failure.ok() && batches.size() > 1 && store_front(false)) {
    }
  };

  // Ends the batch being read: it waits for its last pages while the reader goes on. Blocks only
  // when kBatchesInFlight batches are out, so that memory stays bounded.
  auto close_batch = [&]() {
    batches.push_back(std::make_unique<Batch>());
    batch_bytes = 0;
    batch_hashes.clear();
    store_ready();
    while (failure.ok() && batches.size() > kBatchesInFlight) store_front(true);
  };

  auto add_item = [&](Item&& item) {
    Batch& b = *batches.back();
    auto t = std::make_unique<Task>(Task{std::move(item), std::nullopt, &b});
    Task* raw = t.get();
    b.tasks.push_back(std::move(t));
    if (auto* err = std::get_if<InputError>(&raw->item)) {
      raw->done.emplace(std::move(*err));  // nothing to annotate; stored in its place
      return;
    }
    {
      std::lock_guard lock(mu);
      ++b.pending;
      queue.push_back(raw);
    }
    work_cv.notify_one();
  };

  // Also keeps the hash in the page: extraction uses it as the document id instead of hashing
  // the page a second time. With the store's scheme, so that a database keyed by an older veille
  // (FNV) still knows its pages.
  auto known_before_extraction = [&](RawPage& page) -> bool {
    page.content_hash = content_hash(page.content, im.store.content_hash_scheme());
    if (!batch_hashes.insert(page.content_hash).second) return true;
    auto known = im.store.has_page(page.content_hash);
    return known.ok() && *known;
  };

  Status read_status = read_inputs(
      inputs, im.options.pipeline.read,
      [&](RawPage&& page) {
        if (!failure.ok()) return;
        ++counts.read;
        // The store is read here, between batches stored by this same thread, so the Store is
        // never used by two threads at once.
        if (known_before_extraction(page)) {
          ++counts.known;
          return;
        }
        batch_bytes += page.content.size();
        add_item(std::move(page));
        if (batches.back()->tasks.size() >= batch_pages || batch_bytes >= kBatchBytes) close_batch();
        else store_ready();
      },
      [&](InputError&& err) {
        if (!failure.ok()) return;
        ++counts.read;
        add_item(std::move(err));
        if (batches.back()->tasks.size() >= batch_pages) close_batch();
      });
  // The last batches, in order.
  while (failure.ok() && !batches.empty()) store_front(true);
  if (!failure.ok()) return failure;
  if (!read_status.ok()) {
    ++counts.failed;
    if (on_error) on_error({"", read_status});
  }
  return counts;
}

}  // namespace veille
