#include "pipeline/learning.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <unistd.h>

#include "batch/shard.h"
#include "core/error.h"
#include "core/hash.h"
#include "lexicon/corpus_learning.h"
#include "lexicon/learning.h"
#include "lexicon/lexicon_image.h"
#include "pipeline/ordered_pool.h"

namespace untm::pipeline {

namespace fs = std::filesystem;

namespace {

using OwnedSentencePairs = std::vector<std::pair<std::string, std::string>>;

// What pass 1 leaves of one document: its confident pairs, and the document
// as read with its links when asked for (none when reading it threw).
struct FirstPassResult {
  OwnedSentencePairs pairs;
  std::optional<FirstPassDocument> document;
};

lexicon::LexicalEvidenceOptions evidence_options(const LexiconSettings& settings, Language first_language) {
  lexicon::LexicalEvidenceOptions options;
  options.weight = settings.lexical_weight;
  options.first_is_chinese = first_language == Language::zh;
  return options;
}

// Pass 1 on one document: its confidently linked 1-1 sentence pairs, owned
// (the document's sentences are gone when the next one is read), and the
// document with its features and links if `keep_document`.
FirstPassResult confident_pairs(const SplitPairSource& documents, std::size_t index, const AlignOptions& first_pass,
                                double min_confidence, bool keep_document) {
  FirstPassResult result;
  OwnedSentencePairs& owned = result.pairs;
  std::optional<FirstPassDocument> read;
  try {
    read.emplace(FirstPassDocument{documents(index), nullptr, {}});
  } catch (const InputError&) {
    return result;  // a document that cannot be read teaches nothing
  }
  // A document read is kept when asked, whatever pass 1 makes of it: `untm
  // align` lends its one pair to pass 1 and takes it back.
  FirstPassDocument& document = *read;
  try {
    const SplitPair& pair = document.pair;
    // In the languages the pair was read in, as pass 2 aligns it (read_pair
    // swaps a pair given the other way round).
    AlignOptions options = first_pass;
    options.first_language = pair.first.language;
    options.second_language = pair.second.language;
    if (options.use_anchors) {
      if (options.sentence_features == nullptr) {
        options.sentence_features = std::make_shared<const SentenceFeatureSides>(extract_sentence_features(
            pair.first, pair.second, options.first_language, options.second_language));
      }
      document.features = options.sentence_features;
    }
    const std::vector<std::string> first = sentence_texts(pair.first);
    const std::vector<std::string> second = sentence_texts(pair.second);
    std::vector<Link> links = align_sentences(first, second, options);
    std::vector<lexicon::ChineseEnglishPair> views;
    lexicon::collect_confident_pairs({first, second}, links, options.first_language == Language::zh, min_confidence,
                                     views);
    owned.reserve(views.size());
    for (const auto& view : views) owned.emplace_back(view.chinese, view.english);
    if (keep_document) document.links = std::move(links);
  } catch (const InputError&) {
  }
  if (keep_document) result.document = std::move(document);
  return result;
}

// Thrown by pass 1's consumer once the training budget is reached: it stops
// the workers after their current document.
struct BudgetReached {};

// Pass 1 over the sample on `threads` threads, taken in spread order
// (lexicon::spread_order) until the confident pairs reach the budget; then
// IBM Model 1 over the pairs in document order, thinned evenly to the
// budget. Documents are consumed in order, so the lexicon is the same
// whatever the thread timing. The documents `keep` asks for are kept, with
// their links.
std::vector<FirstPassResult> run_first_pass(const std::vector<std::size_t>& sample, const SplitPairSource& documents,
                                            const AlignOptions& first_pass,
                                            const lexicon::CorpusLearningOptions& options, unsigned threads,
                                            const KeptDocuments& keep, LearningObserver* observer) {
  const std::vector<std::size_t> order = lexicon::spread_order(sample.size());
  std::vector<FirstPassResult> by_position(sample.size());
  std::size_t done = 0, pairs_seen = 0;
  std::uint64_t kept_bytes = 0;
  OrderedRunOptions run_options;
  run_options.threads = std::max(threads, 1u);
  run_options.window = 2 * static_cast<std::size_t>(run_options.threads);  // little work past the budget
  try {
    run_in_order<FirstPassResult>(
        0, order.size(), run_options,
        [&](std::size_t i) {
          const std::size_t index = sample[order[i]];
          const bool keep_document = keep.bytes != 0 && (!keep.wanted || keep.wanted(index));
          return confident_pairs(documents, index, first_pass, options.min_confidence, keep_document);
        },
        [&](std::size_t i, FirstPassResult& result) {
          ++done;
          pairs_seen += result.pairs.size();
          if (result.document) {
            if (result.document->pair.input_bytes <= keep.bytes - kept_bytes) {
              kept_bytes += result.document->pair.input_bytes;
            } else {
              result.document.reset();
            }
          }
          by_position[order[i]] = std::move(result);
          if (observer != nullptr) observer->learning_progress(done, pairs_seen);
          if (pairs_seen >= options.max_training_pairs) throw BudgetReached{};
        },
        [&] {
          if (observer != nullptr) observer->learning_progress(done, pairs_seen);
        });
  } catch (const BudgetReached&) {
  }
  if (observer != nullptr) observer->learning_pass_finished(done, pairs_seen);
  return by_position;
}

// Learns over the sample what step.known lacks; the documents kept
// (run_first_pass), with their pass-1 links, go to step.first_pass_documents.
lexicon::Lexicon learn_over_sample(const std::vector<std::size_t>& sample, const SplitPairSource& documents,
                                   AlignOptions first_pass, const LexiconSettings& settings, unsigned threads,
                                   const KeptDocuments& keep, LearningObserver* observer,
                                   const lexicon::ChineseMatcher& chinese_words, LexiconStep& step) {
  lexicon::CorpusLearningOptions options;
  options.max_training_pairs = settings.training_pairs;
  // Pass 1 is the search that places pass 2 (path_search_options):
  // - min_confidence speaks of the evidence measure, which needs no
  //   posterior pass.
  // - No EM: pass 1 only picks 1-1 pairs that fit the initial length model
  //   well; the re-estimated priors and variance move the links between
  //   confident ones (2-1, 1-2, deletions), not these. Its EM passes cost a
  //   third of pass 1 and changed no F1 on the gold sets (mac-dev even
  //   gained a little).
  // - Lengths and anchors alone, even with a dictionary: the lexical term
  //   cost a fifth of the default's time on the K=7 block (pass 1 priced as
  //   many lexical links as pass 2) and the pairs it picks are the same
  //   confident 1-1 links either way (mac-dev +0.0014, the block -0.0009,
  //   pol-dev equal). The dictionary serves pass 2 and the learning.
  first_pass = path_search_options(std::move(first_pass));
  std::vector<FirstPassResult> training =
      run_first_pass(sample, documents, first_pass, options, threads, keep, observer);
  std::vector<lexicon::ChineseEnglishPair> views;
  for (std::size_t position = 0; position < training.size(); ++position) {
    FirstPassResult& result = training[position];
    for (const auto& [chinese, english] : result.pairs) views.push_back({chinese, english});
    if (result.document) step.first_pass_documents.emplace(sample[position], std::move(*result.document));
  }
  lexicon::thin_evenly(views, options.max_training_pairs);
  const auto run_tasks = [threads](std::span<const std::function<void()>> tasks) { run_all(tasks, threads); };
  lexicon::Lexicon learned = lexicon::learn_lexicon(views, chinese_words, options.learning, run_tasks);
  if (observer != nullptr) observer->learning_finished(learned.size(), views.size());
  return learned;
}

}  // namespace

namespace {

// The key of a dictionary file as it is now: its absolute path, size and
// modification time (the file is not read to tell whether it changed), and
// the image layout's version. None for a file below
// kMinCompiledDictionaryBytes.
std::optional<std::uint64_t> dictionary_key(const std::string& name) {
  std::error_code error;
  const fs::path path = fs::absolute(name, error);
  if (error) return std::nullopt;
  const std::uintmax_t size = fs::file_size(path, error);
  if (error || size < kMinCompiledDictionaryBytes) return std::nullopt;
  const fs::file_time_type modified = fs::last_write_time(path, error);
  if (error) return std::nullopt;
  Fnv1a64 hash;
  hash.add(path.lexically_normal().string());
  hash.add(fmt::format("\n{}\n{}", size, modified.time_since_epoch().count()));
  hash.add(fmt::format("\nimage {}", lexicon::kLexiconImageVersion));
  return hash.value();
}

// Writes `bytes` to `path` by a temporary file renamed over it, so that a
// reader never sees a part; false on any failure, leaving no file behind.
bool write_whole(const fs::path& path, const std::string& bytes) {
  std::error_code error;
  fs::create_directories(path.parent_path(), error);
  if (error) return false;
  const fs::path temporary = path.string() + fmt::format(".{}.tmp", static_cast<long>(getpid()));
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      fs::remove(temporary, error);
      return false;
    }
  }
  fs::rename(temporary, path, error);
  if (error) fs::remove(temporary, error);
  return !error;
}

// Removes all but the kKeptCompiledDictionaries newest images of `folder`:
// each edit of a dictionary makes a new one.
void prune_images(const fs::path& folder) {
  std::error_code error;
  std::vector<std::pair<fs::file_time_type, fs::path>> images;
  for (fs::directory_iterator entry(folder, error), end; !error && entry != end; entry.increment(error)) {
    if (entry->path().extension() != ".lexicon") continue;
    std::error_code time_error;
    const fs::file_time_type modified = entry->last_write_time(time_error);
    if (!time_error) images.emplace_back(modified, entry->path());
  }
  if (images.size() <= kKeptCompiledDictionaries) return;
  std::sort(images.begin(), images.end(), [](const auto& left, const auto& right) { return left.first > right.first; });
  for (std::size_t old = kKeptCompiledDictionaries; old < images.size(); ++old) fs::remove(images[old].second, error);
}

std::optional<std::string> read_whole(const fs::path& path) {
  std::error_code error;
  const std::uintmax_t size = fs::file_size(path, error);
  if (error) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) return std::nullopt;
  return bytes;
}

}  // namespace

lexicon::Lexicon load_dictionary(const LexiconSettings& settings, const ReadNamed& read) {
  const std::optional<std::uint64_t> key =
      settings.compiled_folder.empty() ? std::nullopt : dictionary_key(settings.dictionary);
  if (!key) return lexicon::read_dictionary(read(settings.dictionary), settings.dictionary);
  const fs::path image_path = fs::path(settings.compiled_folder) / fmt::format("{:016x}.lexicon", *key);
  if (const std::optional<std::string> image = read_whole(image_path)) {
    if (std::optional<lexicon::Lexicon> compiled = lexicon::read_lexicon_image(*image, *key)) return std::move(*compiled);
  }
  lexicon::Lexicon dictionary = lexicon::read_dictionary(read(settings.dictionary), settings.dictionary);
  std::error_code error;
  if (!fs::equivalent(image_path, settings.dictionary, error) &&
      write_whole(image_path, lexicon::write_lexicon_image(dictionary, *key))) {
    prune_images(image_path.parent_path());
  }
  return dictionary;
}

LexiconStep run_lexicon_step(const LexiconSettings& settings, const ReadNamed& read, std::size_t document_count,
                             const SplitPairSource& documents, const AlignOptions& first_pass, unsigned threads,
                             LearningObserver* observer, const KeptDocuments& keep) {
  LexiconStep step;
  if (!settings.dictionary.empty()) step.known = load_dictionary(settings, read);
  if (!settings.lexicon.empty()) step.to_save = lexicon::read_lexicon(read(settings.lexicon), settings.lexicon);
  step.known.add_all(step.to_save);
  if (!settings.learn) return step;
  const std::vector<std::size_t> sample = batch::spread_sample(document_count, settings.sample_documents);
  if (observer != nullptr) observer->learning_started(sample.size(), document_count);
  // The Chinese words of the lexicon known so far tokenize the training
  // pairs, and then, with the learned entries added, make pass 2's model:
  // one matcher built instead of two.
  lexicon::LexicalModel::Builder model;
  model.add(step.known);
  const lexicon::Lexicon learned =
      learn_over_sample(sample, documents, first_pass, settings, threads, keep, observer, model.matcher(), step);
  // A learned pair the known lexicon had already, stronger, changes an
  // entry the model took in: then it is made anew.
  if (step.known.add_all(learned) == 0) {
    model.add(step.known);
    step.model = std::make_shared<const lexicon::LexicalModel>(std::move(model).build());
  }
  step.to_save.add_all(learned);
  return step;
}

std::shared_ptr<const EvidenceFactory> lexical_evidence(const lexicon::Lexicon& lexicon,
                                                        const LexiconSettings& settings, Language first_language) {
  if (lexicon.empty()) return nullptr;
  return lexicon::make_lexical_evidence(lexicon, evidence_options(settings, first_language));
}

std::shared_ptr<const EvidenceFactory> lexical_evidence(const LexiconStep& step, const LexiconSettings& settings,
                                                        Language first_language) {
  if (step.known.empty()) return nullptr;
  if (!step.model) return lexical_evidence(step.known, settings, first_language);
  return lexicon::make_lexical_evidence(step.model, evidence_options(settings, first_language));
}

}  // namespace untm::pipeline
