#include "lexicon/lexical_model.h"

#include <algorithm>

#include "core/characters.h"
#include "core/utf8.h"
#include "lexicon/english_words.h"

namespace untm::lexicon {

bool has_han(std::string_view word) {
  std::size_t position = 0;
  while (position < word.size()) {
    if (is_han(next_code_point(word, position))) return true;
  }
  return false;
}

namespace {
void sort_and_deduplicate(std::vector<std::uint32_t>& ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}
}  // namespace

namespace {
struct WordPair {
  std::uint32_t word = 0;
  std::uint32_t translation = 0;
  float strength = 0.0f;
};

// Sorts the pairs by word, then translation, and lays them out as lists.
template <typename Lists>
void fill_lists(std::vector<WordPair>& pairs, std::size_t word_count, Lists& lists) {
  std::sort(pairs.begin(), pairs.end(), [](const WordPair& left, const WordPair& right) {
    return left.word != right.word ? left.word < right.word : left.translation < right.translation;
  });
  lists.translations.reserve(pairs.size());
  lists.offsets.assign(word_count + 1, 0);
  for (const WordPair& pair : pairs) {
    lists.translations.push_back({pair.translation, pair.strength});
    ++lists.offsets[pair.word + 1];
  }
  for (std::size_t word = 0; word < word_count; ++word) lists.offsets[word + 1] += lists.offsets[word];
}
}  // namespace

LexicalModel::LexicalModel(const Lexicon& lexicon) {
  std::vector<WordPair> chinese_to_english;
  chinese_to_english.reserve(lexicon.size());
  english_ids_.reserve(lexicon.size() / 4);
  for (std::size_t index = 0; index < lexicon.size(); ++index) {
    const LexiconEntry entry = lexicon.entry(index);
    if (!has_han(entry.chinese) || entry.english.empty()) continue;
    const std::uint32_t chinese = matcher_.add(entry.chinese);
    const auto [position, inserted] =
        english_ids_.try_emplace(std::string(entry.english), static_cast<std::uint32_t>(english_ids_.size()));
    chinese_to_english.push_back({chinese, position->second, static_cast<float>(entry.strength)});
  }
  entry_count_ = chinese_to_english.size();
  std::vector<WordPair> english_to_chinese;
  english_to_chinese.reserve(chinese_to_english.size());
  for (const WordPair& pair : chinese_to_english) english_to_chinese.push_back({pair.translation, pair.word, pair.strength});
  fill_lists(chinese_to_english, matcher_.word_count(), english_of_chinese_);
  fill_lists(english_to_chinese, english_ids_.size(), chinese_of_english_);
}

std::vector<std::uint32_t> LexicalModel::chinese_words(std::string_view sentence) const {
  std::vector<std::uint32_t> ids;
  for (const auto& token : matcher_.tokenize(sentence)) {
    if (token.word) ids.push_back(*token.word);
  }
  sort_and_deduplicate(ids);
  return ids;
}

std::vector<std::uint32_t> LexicalModel::english_words(std::string_view sentence) const {
  std::vector<std::uint32_t> ids;
  for (const auto& word : english_content_words(sentence)) {
    const auto position = english_ids_.find(word);
    if (position != english_ids_.end()) ids.push_back(position->second);
  }
  sort_and_deduplicate(ids);
  return ids;
}

}  // namespace untm::lexicon
