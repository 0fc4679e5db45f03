#include "lexicon/learning.h"

#include <cmath>
#include <string>
#include <vector>

#include "lexicon/chinese_matcher.h"
#include "lexicon/english_words.h"
#include "lexicon/lexical_model.h"

namespace untm::lexicon {

namespace {

// The training pairs as word ids (Chinese the source); ids in first-seen order.
struct TrainingCorpus {
  WordTable chinese_words;
  WordTable english_words;
  std::vector<IdSentencePair> chinese_to_english;
};

// The Chinese words of the known entries, each once (a dictionary names
// most in several entries): only which words the matcher knows matters here.
ChineseMatcher known_words(const Lexicon& known) {
  ChineseMatcher matcher;
  std::vector<bool> seen(known.word_count(), false);
  for (std::size_t index = 0; index < known.size(); ++index) {
    const std::uint32_t chinese_id = known.entry_ids(index).chinese;
    if (seen[chinese_id]) continue;
    seen[chinese_id] = true;
    if (const std::string_view chinese = known.word(chinese_id); has_han(chinese)) matcher.add(chinese);
  }
  return matcher;
}

TrainingCorpus to_ids(std::span<const ChineseEnglishPair> pairs, const ChineseMatcher& matcher) {
  TrainingCorpus corpus;
  corpus.chinese_to_english.reserve(pairs.size());
  for (const auto& pair : pairs) {
    IdSentencePair ids;
    for (const auto& token : matcher.tokenize(pair.chinese)) ids.source.push_back(corpus.chinese_words.intern(token.text));
    for (const auto& word : english_content_words(pair.english)) ids.target.push_back(corpus.english_words.intern(word));
    if (!ids.source.empty() && !ids.target.empty()) corpus.chinese_to_english.push_back(std::move(ids));
  }
  return corpus;
}

// A word pair that t(e|z) proposes: seen together often enough.
struct Candidate {
  std::uint32_t chinese = 0;
  std::uint32_t english = 0;
  double forward = 0.0;  // t(english | chinese)
  std::uint32_t slot = 0;  // in the forward table
};

// The candidates in TranslationTable::for_each's order, the order of the
// lexicon's entries.
std::vector<Candidate> candidates(const TranslationTable& english_given_chinese, int min_cooccurrences) {
  std::vector<Candidate> found;
  english_given_chinese.for_each_slot([&](std::uint32_t slot, std::uint32_t chinese, std::uint32_t english,
                                          double forward) {
    if (chinese == TranslationTable::kNullWord) return;
    if (static_cast<int>(english_given_chinese.cooccurrences_at(slot)) < min_cooccurrences) return;
    found.push_back({chinese, english, forward, slot});
  });
  return found;
}

}  // namespace

std::size_t model1_cells(const IdSentencePair& pair) { return (pair.source.size() + 1) * pair.target.size(); }

void thin_to_cells(std::vector<IdSentencePair>& pairs, std::size_t budget) {
  std::size_t total = 0;
  for (const auto& pair : pairs) total += model1_cells(pair);
  if (total <= budget) return;
  // Each pair adds its share of a kept pair; one is kept whenever a whole
  // one is due (the pairs kept are spread as evenly as their order allows).
  const double kept_share = static_cast<double>(budget) / static_cast<double>(total);
  std::size_t kept = 0, kept_cells = 0;
  double due = 0.0;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    due += kept_share;
    if (due < 1.0) continue;
    due -= 1.0;
    if (kept_cells >= budget) break;
    kept_cells += model1_cells(pairs[i]);
    if (kept != i) pairs[kept] = std::move(pairs[i]);
    ++kept;
  }
  pairs.resize(kept);
}

Lexicon learn_lexicon(std::span<const ChineseEnglishPair> pairs, const Lexicon& known, const LearningOptions& options,
                      const RunTasks& run_tasks) {
  return learn_lexicon(pairs, known_words(known), options, run_tasks);
}

Lexicon learn_lexicon(std::span<const ChineseEnglishPair> pairs, const ChineseMatcher& chinese_words,
                      const LearningOptions& options, const RunTasks& run_tasks) {
  TrainingCorpus corpus = to_ids(pairs, chinese_words);
  thin_to_cells(corpus.chinese_to_english, options.max_cells);
  // The two directions train at once (two tasks), from one pass over the pairs.
  const auto run_two = [&run_tasks](const std::function<void()>& first, const std::function<void()>& second) {
    const std::function<void()> tasks[] = {first, second};
    if (run_tasks) {
      run_tasks(tasks);
    } else {
      first();
      second();
    }
  };
  TwoWayTables tables =
      train_ibm_model1_both_ways(corpus.chinese_to_english, options.model1, run_two);
  const std::vector<Candidate> found = candidates(tables.forward, options.min_cooccurrences);
  tables.forward = {};  // only its candidates are needed
  Lexicon learned;
  for (const Candidate& candidate : found) {
    // t(chinese | english), the reverse table's pair of the candidate.
    const double strength = std::sqrt(candidate.forward * tables.reverse_probability(candidate.slot));
    if (strength >= options.min_strength) {
      learned.add(corpus.chinese_words.word(candidate.chinese), corpus.english_words.word(candidate.english), strength);
    }
  }
  return learned;
}

}  // namespace untm::lexicon
