#include "lexicon/chinese_matcher.h"

#include <algorithm>
#include <bit>
#include <cstdint>

#include "core/characters.h"
#include "core/utf8.h"

namespace untm::lexicon {

const ChineseMatcher::Edge* ChineseMatcher::find_hashed_edge(std::uint32_t node, char32_t code_point) const {
  if (edges_.empty()) return nullptr;
  const std::uint64_t key = edge_key(node, code_point);
  for (std::size_t slot = slot_of(key);; slot = (slot + 1) & (edges_.size() - 1)) {
    if (edges_[slot].key == key) return &edges_[slot];
    if (edges_[slot].key == kNoEdge) return nullptr;
  }
}

void ChineseMatcher::reserve(std::size_t edges) {
  std::size_t size = std::max<std::size_t>(1024, edges_.size());
  while (size < 2 * edges) size *= 2;  // at most half full
  if (size > edges_.size()) grow_edges(size);
}

void ChineseMatcher::grow_edges() { grow_edges(std::max<std::size_t>(1024, 2 * edges_.size())); }

void ChineseMatcher::grow_edges(std::size_t size) {
  std::vector<Edge> old(size);
  old.swap(edges_);
  edge_shift_ = 64 - std::countr_zero(size);
  for (const Edge& edge : old) {
    if (edge.key == kNoEdge) continue;
    std::size_t slot = slot_of(edge.key);
    while (edges_[slot].key != kNoEdge) slot = (slot + 1) & (edges_.size() - 1);
    edges_[slot] = edge;
  }
}

std::uint32_t ChineseMatcher::add(std::string_view word) {
  std::uint32_t node = 0;
  // The edge into `node` (none for the root); taken after the last growth
  // of edges_ that could move it.
  Edge* into = nullptr;
  std::size_t position = 0;
  while (position < word.size()) {
    const char32_t code_point = next_code_point(word, position);
    if (const Edge* existing = find_edge(node, code_point)) {
      node = existing->child;
      into = const_cast<Edge*>(existing);
      continue;
    }
    const std::uint64_t key = edge_key(node, code_point);
    if (node == 0 && code_point - kRootBegin < kRootSpan) {
      if (root_edges_.empty()) root_edges_.resize(kRootSpan);
      into = &root_edges_[code_point - kRootBegin];
    } else {
      if (2 * (hashed_edge_count_ + 1) > edges_.size()) grow_edges();
      std::size_t slot = slot_of(key);
      while (edges_[slot].key != kNoEdge) slot = (slot + 1) & (edges_.size() - 1);
      ++hashed_edge_count_;
      into = &edges_[slot];
    }
    node = static_cast<std::uint32_t>(++edge_count_);
    *into = {key, node, kNoWord};
  }
  std::uint32_t& id = into == nullptr ? root_word_ : into->word;
  if (id == kNoWord) id = word_count_++;
  return id;
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
      const Edge* edge = find_edge(node, next_code_point(text, walk));
      if (edge == nullptr) break;
      node = edge->child;
      if (edge->word != kNoWord) {
        longest_end = walk;
        longest_word = edge->word;
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
