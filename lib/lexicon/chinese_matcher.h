#pragma once
// Chinese words found without a word segmenter: at each position the longest
// word of a known list is taken (a trie over code points, walked greedily left
// to right, like the maximum-matching segmenters); a Han character that starts
// no known word is a word of its own. Everything that is not Han (punctuation,
// digits, Latin) separates words and is skipped, unless a known word spans it
// ("3D打印").

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace untm::lexicon {

struct ChineseToken {
  std::string_view text;              // points into the tokenized text
  std::optional<std::uint32_t> word;  // id of the known word, none for a lone character
};

class ChineseMatcher {
 public:
  // Adds a word (UTF-8) and returns its id; adding it again returns the same
  // id. Ids are 0, 1, 2, ... in order of first addition.
  std::uint32_t add(std::string_view word);
  std::size_t word_count() const noexcept { return word_count_; }
  // Room for `edges` edges (trie nodes) without growing.
  void reserve(std::size_t edges);

  std::vector<ChineseToken> tokenize(std::string_view text) const;

 private:
  static constexpr std::uint32_t kNoWord = UINT32_MAX;
  static constexpr std::uint64_t kNoEdge = UINT64_MAX;
  static std::uint64_t edge_key(std::uint32_t node, char32_t code_point) {
    return (std::uint64_t{node} << 32) | code_point;
  }
  // Edges of the trie: (node << 32 | code point) -> child node, with the id
  // of the word ending at the child (kNoWord: none); node 0 is the root.
  // Open addressing (a power of two, at most half full, key kNoEdge: empty):
  // a node map's hashing by modulo and pointer chase were most of the
  // matcher's time, in tokenize and in building. All three side by side:
  // each step of tokenize's walk costs one cache miss, not three.
  struct Edge {
    std::uint64_t key = kNoEdge;
    std::uint32_t child = 0;
    std::uint32_t word = kNoWord;
  };
  // Fibonacci hashing: the product's top bits, which every bit of the key
  // moves (KeySlots::position).
  std::size_t slot_of(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> edge_shift_);
  }
  // The edge from `node` by `code_point`; nullptr if there is none.
  const Edge* find_edge(std::uint32_t node, char32_t code_point) const {
    if (node == 0 && code_point - kRootBegin < kRootSpan) {
      if (root_edges_.empty()) return nullptr;
      const Edge& edge = root_edges_[code_point - kRootBegin];
      return edge.key == kNoEdge ? nullptr : &edge;
    }
    return find_hashed_edge(node, code_point);
  }
  const Edge* find_hashed_edge(std::uint32_t node, char32_t code_point) const;
  void grow_edges();
  void grow_edges(std::size_t size);  // a power of two, larger than now

  std::vector<Edge> edges_;
  int edge_shift_ = 64;  // 64 - log2(edges_.size()), once there are edges
  // The root's edges by the CJK ideographs (Extension A and the Unified
  // block, U+3400..U+9FFF), by code point: tokenize starts a walk at every
  // character, and these first steps, a third of its look-ups, then read a
  // 440 kB array instead of the large table (which the root's other edges
  // keep). Empty until a word starts with one.
  static constexpr char32_t kRootBegin = 0x3400;
  static constexpr char32_t kRootSpan = 0xA000 - kRootBegin;
  std::vector<Edge> root_edges_;
  std::size_t edge_count_ = 0;  // node n > 0 is the child of the n-th edge made
  std::size_t hashed_edge_count_ = 0;  // of them in edges_
  std::uint32_t root_word_ = kNoWord;  // the empty word's id, if it was added
  std::uint32_t word_count_ = 0;
};

}  // namespace untm::lexicon
