#include "lexicon/lexical_model.h"

#include <algorithm>

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

LexicalModel::LexicalModel(const Lexicon& lexicon) {
  for (const auto& entry : lexicon.entries()) {
    if (!has_han(entry.chinese) || entry.english.empty()) continue;
    const std::uint32_t chinese = matcher_.add(entry.chinese);
    const auto [position, inserted] =
        english_ids_.try_emplace(entry.english, static_cast<std::uint32_t>(english_ids_.size()));
    const std::uint32_t english = position->second;
    if (chinese >= english_of_chinese_.size()) english_of_chinese_.resize(chinese + 1);
    if (english >= chinese_of_english_.size()) chinese_of_english_.resize(english + 1);
    const auto strength = static_cast<float>(entry.strength);
    english_of_chinese_[chinese].push_back({english, strength});
    chinese_of_english_[english].push_back({chinese, strength});
    ++entry_count_;
  }
  const auto by_word = [](const Translation& left, const Translation& right) { return left.word < right.word; };
  for (auto& translations : english_of_chinese_) std::sort(translations.begin(), translations.end(), by_word);
  for (auto& translations : chinese_of_english_) std::sort(translations.begin(), translations.end(), by_word);
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
