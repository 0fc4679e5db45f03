#include "lexicon/chinese_matcher.h"

#include "core/characters.h"
#include "core/utf8.h"

namespace untm::lexicon {

std::uint32_t ChineseMatcher::child(std::uint32_t node, char32_t code_point) const {
  const auto edge = children_.find((std::uint64_t{node} << 32) | code_point);
  return edge == children_.end() ? 0 : edge->second;
}

std::uint32_t ChineseMatcher::add(std::string_view word) {
  std::uint32_t node = 0;
  std::size_t position = 0;
  while (position < word.size()) {
    const char32_t code_point = next_code_point(word, position);
    const auto [edge, inserted] = children_.try_emplace((std::uint64_t{node} << 32) | code_point,
                                                        static_cast<std::uint32_t>(word_at_node_.size()));
    if (inserted) word_at_node_.push_back(kNoWord);
    node = edge->second;
  }
  if (word_at_node_[node] == kNoWord) word_at_node_[node] = word_count_++;
  return word_at_node_[node];
}

std::vector<ChineseToken> ChineseMatcher::tokenize(std::string_view text) const {
  std::vector<ChineseToken> tokens;
  std::size_t position = 0;
  while (position < text.size()) {
    // Walk the trie as far as the text allows; remember the last word end.
    const std::size_t begin = position;
    std::size_t longest_end = 0;
    std::uint32_t longest_word = kNoWord;
    std::uint32_t node = 0;
    std::size_t walk = begin;
    while (walk < text.size()) {
      node = child(node, next_code_point(text, walk));
      if (node == 0) break;
      if (word_at_node_[node] != kNoWord) {
        longest_end = walk;
        longest_word = word_at_node_[node];
      }
    }
    if (longest_word != kNoWord) {
      tokens.push_back({text.substr(begin, longest_end - begin), longest_word});
      position = longest_end;
      continue;
    }
    const char32_t code_point = next_code_point(text, position);
    if (is_han(code_point)) tokens.push_back({text.substr(begin, position - begin), std::nullopt});
  }
  return tokens;
}

}  // namespace untm::lexicon
