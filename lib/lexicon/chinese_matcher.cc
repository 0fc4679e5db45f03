#include "lexicon/chinese_matcher.h"

namespace untm::lexicon {

char32_t next_code_point(std::string_view text, std::size_t& position) {
  const auto byte = [&](std::size_t index) { return static_cast<unsigned char>(text[index]); };
  const unsigned char lead = byte(position);
  std::size_t length = 0;
  char32_t code_point = 0;
  if (lead < 0x80) {
    ++position;
    return lead;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code_point = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code_point = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code_point = lead & 0x07;
  } else {
    ++position;
    return U'\uFFFD';
  }
  if (position + length > text.size()) {
    ++position;
    return U'\uFFFD';
  }
  for (std::size_t index = 1; index < length; ++index) {
    const unsigned char continuation = byte(position + index);
    if ((continuation & 0xC0) != 0x80) {
      ++position;
      return U'\uFFFD';
    }
    code_point = (code_point << 6) | (continuation & 0x3F);
  }
  position += length;
  return code_point;
}

bool is_han(char32_t code_point) {
  return (code_point >= 0x3400 && code_point <= 0x4DBF) ||   // CJK Extension A
         (code_point >= 0x4E00 && code_point <= 0x9FFF) ||   // CJK Unified Ideographs
         (code_point >= 0xF900 && code_point <= 0xFAFF) ||   // CJK Compatibility Ideographs
         (code_point >= 0x20000 && code_point <= 0x3134F);  // Extensions B..G
}

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
