#include "lexicon/learning.h"

#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "lexicon/chinese_matcher.h"
#include "lexicon/english_words.h"
#include "lexicon/lexical_model.h"

namespace untm::lexicon {

namespace {

// Word <-> id for one language of the training corpus.
class Vocabulary {
 public:
  std::uint32_t id(std::string_view word) {
    const auto [position, inserted] = ids_.try_emplace(std::string(word), static_cast<std::uint32_t>(words_.size()));
    if (inserted) words_.push_back(position->first);
    return position->second;
  }
  const std::string& word(std::uint32_t id) const { return words_[id]; }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> words_;
};

}  // namespace

Lexicon learn_lexicon(std::span<const ChineseEnglishPair> pairs, const Lexicon& known, const LearningOptions& options) {
  ChineseMatcher matcher;
  for (std::size_t index = 0; index < known.size(); ++index) {
    if (const std::string_view chinese = known.entry(index).chinese; has_han(chinese)) matcher.add(chinese);
  }
  Vocabulary chinese_vocabulary;
  Vocabulary english_vocabulary;
  std::vector<IdSentencePair> chinese_to_english;
  chinese_to_english.reserve(pairs.size());
  for (const auto& pair : pairs) {
    IdSentencePair ids;
    for (const auto& token : matcher.tokenize(pair.chinese)) ids.source.push_back(chinese_vocabulary.id(token.text));
    for (const auto& word : english_content_words(pair.english)) ids.target.push_back(english_vocabulary.id(word));
    if (!ids.source.empty() && !ids.target.empty()) chinese_to_english.push_back(std::move(ids));
  }
  std::vector<IdSentencePair> english_to_chinese;
  english_to_chinese.reserve(chinese_to_english.size());
  for (const auto& pair : chinese_to_english) english_to_chinese.push_back({pair.target, pair.source});

  // Co-occurrence counts: in how many training pairs both words appear.
  std::unordered_map<std::uint64_t, int> cooccurrences;
  for (const auto& pair : chinese_to_english) {
    const std::unordered_set<std::uint32_t> chinese(pair.source.begin(), pair.source.end());
    const std::unordered_set<std::uint32_t> english(pair.target.begin(), pair.target.end());
    for (const std::uint32_t source : chinese)
      for (const std::uint32_t target : english) ++cooccurrences[TranslationTable::key(source, target)];
  }

  const TranslationTable english_given_chinese = train_ibm_model1(chinese_to_english, options.model1);
  const TranslationTable chinese_given_english = train_ibm_model1(english_to_chinese, options.model1);
  Lexicon learned;
  english_given_chinese.for_each([&](std::uint32_t chinese, std::uint32_t english, double forward) {
    if (chinese == TranslationTable::kNullWord) return;
    const auto seen = cooccurrences.find(TranslationTable::key(chinese, english));
    if (seen == cooccurrences.end() || seen->second < options.min_cooccurrences) return;
    const double strength = std::sqrt(forward * chinese_given_english.probability(english, chinese));
    if (strength >= options.min_strength)
      learned.add(chinese_vocabulary.word(chinese), english_vocabulary.word(english), strength);
  });
  return learned;
}

}  // namespace untm::lexicon
