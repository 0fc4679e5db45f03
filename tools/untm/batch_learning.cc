#include "batch_learning.h"

#include <fmt/format.h>

#include <string>
#include <utility>

#include "batch/shard.h"
#include "batch_pipeline.h"
#include "core/error.h"
#include "file_io.h"
#include "lexicon/corpus_learning.h"
#include "lexicon/learning.h"
#include "lexicon/lexicon.h"
#include "text/document.h"

namespace untm::cli {

namespace {

using OwnedSentencePairs = std::vector<std::pair<std::string, std::string>>;

std::vector<std::string> sentences_of(const SplitDocument& document) {
  std::vector<std::string> sentences;
  for (const auto& paragraph : document.paragraphs) {
    for (const auto& sentence : paragraph.sentences) sentences.push_back(sentence.text);
  }
  return sentences;
}

// Pass 1 on one document: its confidently linked 1-1 sentence pairs. A
// document that cannot be read gives none; pass 2 reports it.
OwnedSentencePairs confident_pairs(const batch::DocumentPair& pair, bool presplit, const AlignOptions& first_pass,
                                   double min_confidence) {
  OwnedSentencePairs owned;
  try {
    TextOptions text_options;
    text_options.presplit = presplit;
    const auto zh =
        sentences_of(read_document(read_file(pair.first_path), Language::zh, pair.first_path, text_options));
    const auto en =
        sentences_of(read_document(read_file(pair.second_path), Language::en, pair.second_path, text_options));
    const auto links = align_sentences(zh, en, first_pass);
    std::vector<lexicon::ChineseEnglishPair> views;
    lexicon::collect_confident_pairs({zh, en}, links, /*first_is_chinese=*/true, min_confidence, views);
    owned.reserve(views.size());
    for (const auto& view : views) owned.emplace_back(view.chinese, view.english);
  } catch (const InputError&) {
  }
  return owned;
}

lexicon::Lexicon learn_lexicon_over(const std::vector<batch::DocumentPair>& whole_list, bool presplit,
                                    const LearningSettings& settings, const lexicon::Lexicon& known,
                                    const AlignOptions& base, const lexicon::CorpusLearningOptions& options,
                                    unsigned threads, ProgressStyle progress) {
  AlignOptions first_pass = base;
  if (!known.empty()) first_pass.evidence.push_back(lexicon::make_lexical_evidence(known, options.evidence));
  const auto sample = batch::spread_sample(whole_list.size(), settings.sample_documents);
  if (progress != ProgressStyle::quiet) {
    fmt::print(stderr, "untm batch: learning a lexicon from {} of {} documents (pass 1)\n", sample.size(),
               whole_list.size());
  }
  ProgressDisplay display(progress, stderr, "learning", sample.size(), 0, {}, std::chrono::seconds(10));
  ProgressCounts counts;
  OwnedSentencePairs training;
  OrderedRunOptions run_options;
  run_options.threads = threads;
  run_options.window = 4 * static_cast<std::size_t>(threads);
  run_in_order<OwnedSentencePairs>(
      0, sample.size(), run_options,
      [&](std::size_t i) { return confident_pairs(whole_list[sample[i]], presplit, first_pass, options.min_confidence); },
      [&](std::size_t, OwnedSentencePairs& pairs) {
        counts.documents_done++;
        counts.pairs += pairs.size();
        for (auto& pair : pairs) training.push_back(std::move(pair));
        display.update(counts);
      },
      [&] { display.update(counts); });
  display.finish(counts);

  std::vector<lexicon::ChineseEnglishPair> views;
  views.reserve(training.size());
  for (const auto& [chinese, english] : training) views.push_back({chinese, english});
  lexicon::Lexicon lexicon = known;
  const auto learned = lexicon::learn_lexicon(views, known, options.learning);
  lexicon.add_all(learned);
  if (progress != ProgressStyle::quiet) {
    fmt::print(stderr, "untm batch: learned {} lexicon entries from {} sentence pairs\n", learned.size(),
               training.size());
  }
  return lexicon;
}

}  // namespace

AlignOptions prepare_batch_alignment(const std::vector<batch::DocumentPair>& whole_list, bool presplit,
                                     const LearningSettings& settings, const AlignOptions& base,
                                     const std::filesystem::path& lexicon_file, unsigned threads,
                                     ProgressStyle progress) {
  if (!settings.learn && !settings.dictionary) return base;
  lexicon::CorpusLearningOptions options;
  std::error_code error;
  if (!std::filesystem::exists(lexicon_file, error)) {
    lexicon::Lexicon known;
    if (settings.dictionary) {
      known = lexicon::read_dictionary(read_file(settings.dictionary->string()), settings.dictionary->string());
    }
    const lexicon::Lexicon lexicon =
        settings.learn ? learn_lexicon_over(whole_list, presplit, settings, known, base, options, threads, progress)
                       : known;
    AtomicOutputFile out(lexicon_file);
    out.write(lexicon::write_lexicon(lexicon));
    out.commit();
  }
  const auto lexicon = lexicon::read_lexicon(read_file(lexicon_file.string()), lexicon_file.string());
  AlignOptions second_pass = base;
  if (!lexicon.empty()) second_pass.evidence.push_back(lexicon::make_lexical_evidence(lexicon, options.evidence));
  return second_pass;
}

}  // namespace untm::cli
