#include "lexicon/lexical_evidence.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <unordered_map>

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

  double chance_coverage(std::size_t group_size) const {
    if (group_size <= expected_coverage.size()) return expected_coverage[group_size - 1];
    double total = 0.0;
    for (std::size_t word = 0; word < words.size(); ++word)
      total += weights[word] * (1.0 - std::pow(1.0 - chance[word], static_cast<double>(group_size)));
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
                     const std::function<std::span<const Translation>(std::uint32_t)>& translations_of) {
  std::unordered_map<std::uint32_t, std::uint32_t> slot_of_word;  // words of this side -> dense slots
  for (const auto& sentence : side)
    for (const std::uint32_t word : sentence.words) slot_of_word.try_emplace(word, static_cast<std::uint32_t>(slot_of_word.size()));
  std::vector<double> coverage_sum(slot_of_word.size(), 0.0);
  std::vector<float> best(slot_of_word.size(), 0.0f);
  std::vector<std::uint32_t> touched;
  for (const auto& other : other_side) {
    for (const std::uint32_t word : other.words) {
      for (const Translation& translation : translations_of(word)) {
        const auto slot = slot_of_word.find(translation.word);
        if (slot == slot_of_word.end()) continue;
        if (best[slot->second] == 0.0f) touched.push_back(slot->second);
        best[slot->second] = std::max(best[slot->second], translation.strength);
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
      sentence.chance.push_back(static_cast<float>(coverage_sum[slot_of_word.at(word)] / other_count));
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
                  std::vector<SentenceWords> chinese, std::vector<SentenceWords> english)
      : model_(std::move(model)), options_(options), chinese_(std::move(chinese)), english_(std::move(english)) {}

  std::string_view name() const override { return "lexical"; }

  double cost(std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
              std::size_t second_count) const override {
    if (first_count == 0 || second_count == 0) return 0.0;
    const std::size_t chinese_begin = options_.first_is_chinese ? first_begin : second_begin;
    const std::size_t chinese_count = options_.first_is_chinese ? first_count : second_count;
    const std::size_t english_begin = options_.first_is_chinese ? second_begin : first_begin;
    const std::size_t english_count = options_.first_is_chinese ? second_count : first_count;
    if (chinese_begin + chinese_count > chinese_.size() || english_begin + english_count > english_.size()) return 0.0;

    double covered = 0.0;
    // cover(e, Z) = max over the Chinese sentences of the group, and the same
    // for the Chinese words; sentence pairs are looked up in the cache.
    for (std::size_t english = english_begin; english < english_begin + english_count; ++english) {
      best_.assign(english_[english].words.size(), 0.0f);
      for (std::size_t chinese = chinese_begin; chinese < chinese_begin + chinese_count; ++chinese) {
        const float* coverage = pair_coverage(chinese, english);
        if (coverage == nullptr) continue;
        const float* english_coverage = coverage + chinese_[chinese].words.size();
        for (std::size_t word = 0; word < best_.size(); ++word) best_[word] = std::max(best_[word], english_coverage[word]);
      }
      for (std::size_t word = 0; word < best_.size(); ++word) covered += best_[word] * english_[english].weights[word];
      covered -= english_[english].chance_coverage(chinese_count);
    }
    for (std::size_t chinese = chinese_begin; chinese < chinese_begin + chinese_count; ++chinese) {
      best_.assign(chinese_[chinese].words.size(), 0.0f);
      for (std::size_t english = english_begin; english < english_begin + english_count; ++english) {
        const float* coverage = pair_coverage(chinese, english);
        if (coverage == nullptr) continue;
        for (std::size_t word = 0; word < best_.size(); ++word) best_[word] = std::max(best_[word], coverage[word]);
      }
      for (std::size_t word = 0; word < best_.size(); ++word) covered += best_[word] * chinese_[chinese].weights[word];
      covered -= chinese_[chinese].chance_coverage(english_count);
    }
    return -options_.weight * covered;
  }

 private:
  static constexpr std::uint32_t kNothingCovered = UINT32_MAX;

  // Coverage of one sentence pair: for each Chinese word of `chinese`, the
  // strength of its best translation in `english`, followed by the same for
  // each English word. Null when no word is covered (most pairs in a band).
  const float* pair_coverage(std::size_t chinese, std::size_t english) const {
    const std::uint64_t key = (std::uint64_t{chinese} << 32) | english;
    auto [position, inserted] = coverage_offset_.try_emplace(key, kNothingCovered);
    if (inserted) position->second = compute_pair_coverage(chinese_[chinese].words, english_[english].words);
    return position->second == kNothingCovered ? nullptr : coverage_pool_.data() + position->second;
  }

  std::uint32_t compute_pair_coverage(const std::vector<std::uint32_t>& chinese_words,
                                      const std::vector<std::uint32_t>& english_words) const {
    const std::size_t offset = coverage_pool_.size();
    coverage_pool_.resize(offset + chinese_words.size() + english_words.size(), 0.0f);
    float* chinese_coverage = coverage_pool_.data() + offset;
    float* english_coverage = chinese_coverage + chinese_words.size();
    bool any = false;
    for (std::size_t chinese = 0; chinese < chinese_words.size(); ++chinese) {
      const auto translations = model_->english_translations(chinese_words[chinese]);
      // Each English word of the sentence is looked up in the sorted translations.
      for (std::size_t english = 0; english < english_words.size(); ++english) {
        const auto found = std::lower_bound(translations.begin(), translations.end(), english_words[english],
                                            [](const Translation& translation, std::uint32_t word) { return translation.word < word; });
        if (found == translations.end() || found->word != english_words[english]) continue;
        chinese_coverage[chinese] = std::max(chinese_coverage[chinese], found->strength);
        english_coverage[english] = std::max(english_coverage[english], found->strength);
        any = true;
      }
    }
    if (!any) {
      coverage_pool_.resize(offset);
      return kNothingCovered;
    }
    return static_cast<std::uint32_t>(offset);
  }

  std::shared_ptr<const LexicalModel> model_;
  LexicalEvidenceOptions options_;
  std::vector<SentenceWords> chinese_;
  std::vector<SentenceWords> english_;
  // Filled lazily during the search (the aligner asks for the same sentence
  // pairs many times, inside a band): not thread-safe, one evidence per thread.
  mutable std::unordered_map<std::uint64_t, std::uint32_t> coverage_offset_;
  mutable std::vector<float> coverage_pool_;
  mutable std::vector<float> best_;
};

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
  estimate_chance(chinese, english, [&](std::uint32_t word) { return model_->chinese_translations(word); });
  estimate_chance(english, chinese, [&](std::uint32_t word) { return model_->english_translations(word); });
  return std::make_unique<LexicalEvidence>(model_, options_, std::move(chinese), std::move(english));
}

}  // namespace untm::lexicon
