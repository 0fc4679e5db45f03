#include "lexicon/lexical_evidence.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>
#include <unordered_map>
#include <utility>

#include "core/characters.h"
#include "core/length_diagonal.h"

namespace untm::lexicon {

namespace {

// Group sizes whose chance coverage is precomputed per sentence; larger
// groups (rare) compute it on the spot.
constexpr std::size_t kPrecomputedGroupSizes = 8;

// The lexicon words of one sentence with their weights.
struct SentenceWords {
  std::vector<std::uint32_t> words;  // sorted ids
  std::vector<float> weights;        // idf, parallel to words
  std::vector<float> chance;         // q: mean coverage by one sentence of the other side
  // expected_coverage[k - 1] = sum over words of weight * (1 - (1 - q)^k):
  // the weighted coverage a group of k random sentences gives by chance.
  std::vector<double> expected_coverage;
  // Larger groups come from paragraph links, whose few sizes the aligner asks
  // for again in every cell and pass (std::pow was 18% of a batch): each
  // size is computed once, a handful per sentence at most.
  static constexpr std::size_t kRememberedLargerSizes = 16;
  mutable std::vector<std::pair<std::size_t, double>> larger_coverage;

  double chance_coverage(std::size_t group_size) const {
    if (group_size <= expected_coverage.size()) return expected_coverage[group_size - 1];
    for (const auto& [size, coverage] : larger_coverage)
      if (size == group_size) return coverage;
    double total = 0.0;
    for (std::size_t word = 0; word < words.size(); ++word)
      total += weights[word] * (1.0 - std::pow(1.0 - chance[word], static_cast<double>(group_size)));
    if (larger_coverage.size() < kRememberedLargerSizes) larger_coverage.emplace_back(group_size, total);
    return total;
  }
};

// Words and idf weights of one side of a document: idf(w) = log(1 + N / df(w))
// over its N sentences, scaled to mean 1 over all word occurrences.
std::vector<SentenceWords> weigh_side(std::vector<std::vector<std::uint32_t>> sentence_words) {
  std::unordered_map<std::uint32_t, std::uint32_t> document_frequency;
  std::size_t occurrences = 0;
  for (const auto& words : sentence_words) {
    for (const std::uint32_t word : words) ++document_frequency[word];
    occurrences += words.size();
  }
  const double sentence_count = static_cast<double>(sentence_words.size());
  const auto idf = [&](std::uint32_t word) { return std::log(1.0 + sentence_count / document_frequency[word]); };
  double total = 0.0;
  for (const auto& words : sentence_words)
    for (const std::uint32_t word : words) total += idf(word);
  const double scale = total > 0.0 ? static_cast<double>(occurrences) / total : 1.0;
  std::vector<SentenceWords> side(sentence_words.size());
  for (std::size_t index = 0; index < sentence_words.size(); ++index) {
    auto& sentence = side[index];
    sentence.words = std::move(sentence_words[index]);
    sentence.weights.reserve(sentence.words.size());
    for (const std::uint32_t word : sentence.words) sentence.weights.push_back(static_cast<float>(idf(word) * scale));
  }
  return side;
}

// Fills `chance` and `expected_coverage` of one side: q(w) is the mean, over
// the sentences of the other side, of the strength with which a sentence
// covers w. A word that many sentences would cover earns little when covered.
void estimate_chance(std::vector<SentenceWords>& side, const std::vector<SentenceWords>& other_side,
                     std::size_t vocabulary_size,
                     const std::function<std::span<const Translation>(std::uint32_t)>& translations_of) {
  // Words of this side -> dense slots; kNoSlot for words the side lacks.
  constexpr std::uint32_t kNoSlot = UINT32_MAX;
  std::vector<std::uint32_t> slot_of_word(vocabulary_size, kNoSlot);
  std::uint32_t slot_count = 0;
  for (const auto& sentence : side)
    for (const std::uint32_t word : sentence.words)
      if (slot_of_word[word] == kNoSlot) slot_of_word[word] = slot_count++;
  std::vector<double> coverage_sum(slot_count, 0.0);
  std::vector<float> best(slot_count, 0.0f);
  std::vector<std::uint32_t> touched;
  for (const auto& other : other_side) {
    for (const std::uint32_t word : other.words) {
      for (const Translation& translation : translations_of(word)) {
        const std::uint32_t slot = slot_of_word[translation.word];
        if (slot == kNoSlot) continue;
        if (best[slot] == 0.0f) touched.push_back(slot);
        best[slot] = std::max(best[slot], translation.strength);
      }
    }
    for (const std::uint32_t slot : touched) {
      coverage_sum[slot] += best[slot];
      best[slot] = 0.0f;
    }
    touched.clear();
  }
  const double other_count = std::max<double>(1.0, static_cast<double>(other_side.size()));
  for (auto& sentence : side) {
    sentence.chance.clear();
    for (const std::uint32_t word : sentence.words)
      sentence.chance.push_back(static_cast<float>(coverage_sum[slot_of_word[word]] / other_count));
    sentence.expected_coverage.assign(kPrecomputedGroupSizes, 0.0);
    for (std::size_t word = 0; word < sentence.words.size(); ++word) {
      double miss = 1.0;
      for (std::size_t size = 1; size <= kPrecomputedGroupSizes; ++size) {
        miss *= 1.0 - sentence.chance[word];
        sentence.expected_coverage[size - 1] += sentence.weights[word] * (1.0 - miss);
      }
    }
  }
}

class LexicalEvidence final : public LinkEvidence {
 public:
  LexicalEvidence(std::shared_ptr<const LexicalModel> model, LexicalEvidenceOptions options,
                  std::vector<SentenceWords> chinese, std::vector<SentenceWords> english,
                  std::vector<std::size_t> expected_english)
      : model_(std::move(model)), options_(options), chinese_(std::move(chinese)), english_(std::move(english)),
        expected_english_(std::move(expected_english)), rows_(chinese_.size()), memo_rows_(chinese_.size() + 1) {
    memo_type_.fill(-1);
  }

  std::string_view name() const override { return "lexical"; }

  double cost(std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
              std::size_t second_count) const override {
    if (first_count == 0 || second_count == 0) return 0.0;
    const std::size_t chinese_begin = options_.first_is_chinese ? first_begin : second_begin;
    const std::size_t chinese_count = options_.first_is_chinese ? first_count : second_count;
    const std::size_t english_begin = options_.first_is_chinese ? second_begin : first_begin;
    const std::size_t english_count = options_.first_is_chinese ? second_count : first_count;
    if (chinese_begin + chinese_count > chinese_.size() || english_begin + english_count > english_.size()) return 0.0;
    // Far from the length diagonal the term says nothing (its expectation
    // for unrelated sentences is 0, so this favours no path).
    const std::size_t expected = expected_english_[chinese_begin];
    const std::size_t distance = english_begin > expected ? english_begin - expected : expected - english_begin;
    if (distance > options_.band_half_width) return 0.0;

    // The aligner prices the same candidates again in each of its passes
    // (EM over link-type priors, then the final one): remember them.
    float* memo = memo_slot(chinese_begin, chinese_count, english_begin, english_count);
    if (memo != nullptr && !std::isnan(*memo)) return *memo;
    const double cost = compute_cost(chinese_begin, chinese_count, english_begin, english_count);
    if (memo != nullptr) *memo = static_cast<float>(cost);
    return cost;
  }

 private:
  double compute_cost(std::size_t chinese_begin, std::size_t chinese_count, std::size_t english_begin,
                      std::size_t english_count) const {
    const std::size_t chinese_end = chinese_begin + chinese_count;
    const std::size_t english_end = english_begin + english_count;

    // Covered mass minus the mass the group would cover by chance, summed
    // over the sentences of both sides. cover(e, Z) is the max over the
    // sentences of Z; when one sentence pair alone covers a sentence's words
    // (the usual case) the pair's precomputed sum is exact, and only
    // sentences covered by several pairs need the word-by-word max.
    double covered = 0.0;
    coverers_.assign(chinese_count + english_count, 0);
    std::uint32_t* chinese_coverers = coverers_.data();
    std::uint32_t* english_coverers = chinese_coverers + chinese_count;
    for (std::size_t chinese = chinese_begin; chinese < chinese_end; ++chinese) {
      PairCoverage* pairs = row_window(chinese, english_begin, english_end);
      for (std::size_t english = english_begin; english < english_end; ++english) {
        PairCoverage& pair = pairs[english - english_begin];
        if (pair.offset == kNotComputed) pair = compute_pair_coverage(chinese, english);
        if (pair.offset == kNothingCovered) continue;
        covered += pair.chinese_mass + pair.english_mass;
        ++chinese_coverers[chinese - chinese_begin];
        ++english_coverers[english - english_begin];
      }
    }
    for (std::size_t chinese = chinese_begin; chinese < chinese_end; ++chinese) {
      if (chinese_coverers[chinese - chinese_begin] > 1)
        covered += overlap_correction(chinese_[chinese], english_begin, english_end, chinese, true);
      covered -= chinese_[chinese].chance_coverage(english_count);
    }
    for (std::size_t english = english_begin; english < english_end; ++english) {
      if (english_coverers[english - english_begin] > 1)
        covered += overlap_correction(english_[english], chinese_begin, chinese_end, english, false);
      covered -= english_[english].chance_coverage(chinese_count);
    }
    return -options_.weight * covered;
  }

  // Remembered costs: for each Chinese start, a window of English starts,
  // kMemoTypes floats each (NaN: not yet computed), one per link type in the
  // order the types are first seen. Off for documents so long that the
  // windows would take too much memory (the costs are then recomputed).
  static constexpr std::size_t kMemoTypes = 16;
  static constexpr std::size_t kMaxMemoSentences = 10000;  // windows of at most ~40 MB
  float* memo_slot(std::size_t chinese_begin, std::size_t chinese_count, std::size_t english_begin,
                   std::size_t english_count) const {
    if (chinese_.size() > kMaxMemoSentences || chinese_count >= 8 || english_count >= 8) return nullptr;
    std::int8_t& type = memo_type_[chinese_count * 8 + english_count];
    if (type < 0) {
      if (memo_types_used_ == kMemoTypes) return nullptr;
      type = static_cast<std::int8_t>(memo_types_used_++);
    }
    MemoRow& row = memo_rows_[chinese_begin];
    constexpr float kUnknown = std::numeric_limits<float>::quiet_NaN();
    if (row.costs.empty()) {
      row.base = english_begin;
    } else if (english_begin < row.base) {
      row.costs.insert(row.costs.begin(), (row.base - english_begin) * kMemoTypes, kUnknown);
      row.base = english_begin;
    }
    const std::size_t needed = (english_begin - row.base + 1) * kMemoTypes;
    if (needed > row.costs.size()) row.costs.resize(needed, kUnknown);
    return row.costs.data() + (english_begin - row.base) * kMemoTypes + static_cast<std::size_t>(type);
  }
  struct MemoRow {
    std::size_t base = 0;
    std::vector<float> costs;
  };

  static constexpr std::uint32_t kNotComputed = UINT32_MAX;
  static constexpr std::uint32_t kNothingCovered = UINT32_MAX - 1;

  // One sentence pair: where its per-word coverages are in the pool (for
  // each Chinese word the strength of its best translation in the English
  // sentence, then the same for each English word), and their weighted sums.
  struct PairCoverage {
    std::uint32_t offset = kNotComputed;
    float chinese_mass = 0.0f;
    float english_mass = 0.0f;
  };
  // The pairs of one Chinese sentence asked for so far: English sentences
  // [base, base + pairs.size()). The search asks inside a band, so each row
  // stays a short window.
  struct ClosureEntry;
  struct Row {
    std::size_t base = 0;
    std::vector<PairCoverage> pairs;
    std::vector<ClosureEntry> closure;
    bool closure_built = false;
  };

  // When several sentences of the group cover words of `sentence`, the sum
  // of their masses counts a word covered twice; replaces it by the max.
  double overlap_correction(const SentenceWords& sentence, std::size_t other_begin, std::size_t other_end,
                            std::size_t index, bool sentence_is_chinese) const {
    best_.assign(sentence.words.size(), 0.0f);
    double summed = 0.0;
    for (std::size_t other = other_begin; other < other_end; ++other) {
      const PairCoverage& pair = sentence_is_chinese ? pair_coverage(index, other) : pair_coverage(other, index);
      if (pair.offset == kNothingCovered) continue;
      summed += sentence_is_chinese ? pair.chinese_mass : pair.english_mass;
      const float* coverage = coverage_pool_.data() + pair.offset;
      if (!sentence_is_chinese) coverage += chinese_[other].words.size();
      for (std::size_t word = 0; word < best_.size(); ++word) best_[word] = std::max(best_[word], coverage[word]);
    }
    double best_mass = 0.0;
    for (std::size_t word = 0; word < best_.size(); ++word) best_mass += best_[word] * sentence.weights[word];
    return best_mass - summed;
  }

  // The cached pairs of Chinese sentence `chinese` with English sentences
  // [english_begin, english_end), the row's window grown to hold them.
  PairCoverage* row_window(std::size_t chinese, std::size_t english_begin, std::size_t english_end) const {
    Row& row = rows_[chinese];
    if (row.pairs.empty()) {
      row.base = english_begin;
    } else if (english_begin < row.base) {
      row.pairs.insert(row.pairs.begin(), row.base - english_begin, PairCoverage{});
      row.base = english_begin;
    }
    if (english_end - row.base > row.pairs.size()) row.pairs.resize(english_end - row.base);
    return row.pairs.data() + (english_begin - row.base);
  }

  const PairCoverage& pair_coverage(std::size_t chinese, std::size_t english) const {
    PairCoverage& pair = *row_window(chinese, english, english + 1);
    if (pair.offset == kNotComputed) pair = compute_pair_coverage(chinese, english);
    return pair;
  }

  PairCoverage compute_pair_coverage(std::size_t chinese_index, std::size_t english_index) const {
    const SentenceWords& chinese_sentence = chinese_[chinese_index];
    const SentenceWords& english_sentence = english_[english_index];
    const std::vector<ClosureEntry>& closure = closure_of(chinese_index);
    const std::size_t offset = coverage_pool_.size();
    const std::size_t chinese_words = chinese_sentence.words.size();
    coverage_pool_.resize(offset + chinese_words + english_sentence.words.size(), 0.0f);
    float* chinese_coverage = coverage_pool_.data() + offset;
    float* english_coverage = chinese_coverage + chinese_words;
    bool any = false;
    // Each English word of the sentence is looked up among the translations
    // of the Chinese sentence's words.
    for (std::size_t english = 0; english < english_sentence.words.size(); ++english) {
      const std::uint32_t word = english_sentence.words[english];
      auto found = std::lower_bound(closure.begin(), closure.end(), word,
                                    [](const ClosureEntry& entry, std::uint32_t id) { return entry.english_word < id; });
      for (; found != closure.end() && found->english_word == word; ++found) {
        chinese_coverage[found->chinese_position] = std::max(chinese_coverage[found->chinese_position], found->strength);
        english_coverage[english] = std::max(english_coverage[english], found->strength);
        any = true;
      }
    }
    if (!any) {
      coverage_pool_.resize(offset);
      return PairCoverage{kNothingCovered, 0.0f, 0.0f};
    }
    PairCoverage pair{static_cast<std::uint32_t>(offset), 0.0f, 0.0f};
    for (std::size_t word = 0; word < chinese_words; ++word) pair.chinese_mass += chinese_coverage[word] * chinese_sentence.weights[word];
    for (std::size_t word = 0; word < english_sentence.words.size(); ++word)
      pair.english_mass += english_coverage[word] * english_sentence.weights[word];
    return pair;
  }

  // Every translation of every word of a Chinese sentence, sorted by English
  // word: one binary search per English word then finds all the Chinese
  // words it translates. Built when the sentence is first asked for.
  struct ClosureEntry {
    std::uint32_t english_word = 0;
    std::uint32_t chinese_position = 0;  // index into the sentence's words
    float strength = 0.0f;
  };
  const std::vector<ClosureEntry>& closure_of(std::size_t chinese_index) const {
    Row& row = rows_[chinese_index];
    if (!row.closure_built) {
      const SentenceWords& sentence = chinese_[chinese_index];
      for (std::size_t position = 0; position < sentence.words.size(); ++position) {
        for (const Translation& translation : model_->english_translations(sentence.words[position]))
          row.closure.push_back({translation.word, static_cast<std::uint32_t>(position), translation.strength});
      }
      std::sort(row.closure.begin(), row.closure.end(),
                [](const ClosureEntry& left, const ClosureEntry& right) { return left.english_word < right.english_word; });
      row.closure_built = true;
    }
    return row.closure;
  }

  std::shared_ptr<const LexicalModel> model_;
  LexicalEvidenceOptions options_;
  std::vector<SentenceWords> chinese_;
  std::vector<SentenceWords> english_;
  // For each Chinese sentence, the English sentence at the same fraction of
  // the text (the length diagonal).
  std::vector<std::size_t> expected_english_;
  // Filled lazily during the search (the aligner asks for the same sentence
  // pairs many times): not thread-safe, one evidence per thread.
  mutable std::vector<Row> rows_;
  mutable std::vector<float> coverage_pool_;
  mutable std::vector<float> best_;
  mutable std::vector<std::uint32_t> coverers_;
  mutable std::vector<MemoRow> memo_rows_;
  mutable std::array<std::int8_t, 64> memo_type_;
  mutable std::size_t memo_types_used_ = 0;
};

// For each Chinese sentence (and one past the end), the English sentence
// where a link from it is expected: the aligner's length diagonal, over the
// same lengths (visible code points).
std::vector<std::size_t> expected_english_sentences(std::span<const std::string> chinese,
                                                    std::span<const std::string> english) {
  const auto lengths = [](std::span<const std::string> sentences) {
    std::vector<double> out;
    out.reserve(sentences.size());
    for (const auto& sentence : sentences) out.push_back(static_cast<double>(count_visible_code_points(sentence)));
    return out;
  };
  return length_diagonal(lengths(chinese), lengths(english));
}

}  // namespace

LexicalEvidenceFactory::LexicalEvidenceFactory(std::shared_ptr<const LexicalModel> model, LexicalEvidenceOptions options)
    : model_(std::move(model)), options_(options) {}

std::unique_ptr<LinkEvidence> LexicalEvidenceFactory::make(std::span<const std::string> first_sentences,
                                                           std::span<const std::string> second_sentences) const {
  const auto chinese_sentences = options_.first_is_chinese ? first_sentences : second_sentences;
  const auto english_sentences = options_.first_is_chinese ? second_sentences : first_sentences;
  std::vector<std::vector<std::uint32_t>> chinese_words;
  chinese_words.reserve(chinese_sentences.size());
  for (const auto& sentence : chinese_sentences) chinese_words.push_back(model_->chinese_words(sentence));
  std::vector<std::vector<std::uint32_t>> english_words;
  english_words.reserve(english_sentences.size());
  for (const auto& sentence : english_sentences) english_words.push_back(model_->english_words(sentence));
  std::vector<SentenceWords> chinese = weigh_side(std::move(chinese_words));
  std::vector<SentenceWords> english = weigh_side(std::move(english_words));
  estimate_chance(chinese, english, model_->chinese_word_count(),
                  [&](std::uint32_t word) { return model_->chinese_translations(word); });
  estimate_chance(english, chinese, model_->english_word_count(),
                  [&](std::uint32_t word) { return model_->english_translations(word); });
  return std::make_unique<LexicalEvidence>(model_, options_, std::move(chinese), std::move(english),
                                           expected_english_sentences(chinese_sentences, english_sentences));
}

}  // namespace untm::lexicon
