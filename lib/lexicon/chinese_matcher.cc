#include "lexicon/chinese_matcher.h"

#include <algorithm>

#include "core/characters.h"
#include "core/utf8.h"

namespace untm::lexicon {

std::uint32_t ChineseMatcher::child(std::uint32_t node, char32_t code_point) const {
  if (edge_keys_.empty()) return 0;
  const std::uint64_t key = edge_key(node, code_point);
  for (std::size_t slot = slot_of(key);; slot = (slot + 1) & (edge_keys_.size() - 1)) {
    if (edge_keys_[slot] == key) return edge_children_[slot];
    if (edge_keys_[slot] == kNoEdge) return 0;
  }
}

void ChineseMatcher::grow_edges() {
  std::vector<std::uint64_t> keys(std::max<std::size_t>(1024, 2 * edge_keys_.size()), kNoEdge);
  std::vector<std::uint32_t> children(keys.size(), 0);
  keys.swap(edge_keys_);
  children.swap(edge_children_);
  for (std::size_t old = 0; old < keys.size(); ++old) {
    if (keys[old] == kNoEdge) continue;
    std::size_t slot = slot_of(keys[old]);
    while (edge_keys_[slot] != kNoEdge) slot = (slot + 1) & (edge_keys_.size() - 1);
    edge_keys_[slot] = keys[old];
    edge_children_[slot] = children[old];
  }
}

std::uint32_t ChineseMatcher::add(std::string_view word) {
  std::uint32_t node = 0;
  std::size_t position = 0;
  while (position < word.size()) {
    const char32_t code_point = next_code_point(word, position);
    const std::uint32_t existing = child(node, code_point);
    if (existing != 0) {
      node = existing;
      continue;
    }
    if (2 * (edge_count_ + 1) > edge_keys_.size()) grow_edges();
    const std::uint64_t key = edge_key(node, code_point);
    std::size_t slot = slot_of(key);
    while (edge_keys_[slot] != kNoEdge) slot = (slot + 1) & (edge_keys_.size() - 1);
    edge_keys_[slot] = key;
    node = edge_children_[slot] = static_cast<std::uint32_t>(word_at_node_.size());
    word_at_node_.push_back(kNoWord);
    ++edge_count_;
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
