#pragma once
// Anchors: evidence for a link that both languages share without translation.
// URLs, numbers (Arabic digits on either side, Chinese numerals converted: 十八 = 18,
// 二〇一二 = 2012, English month names = their number), paragraph enumerators
// such as `(a)`, Latin-script words in Chinese text (names, acronyms,
// document symbols), quotation marks opening or closing a sentence, and a
// final question or exclamation mark. Also the number of clause marks
// (，；：) inside a Chinese sentence, which bounds how many English sentences
// it usually becomes.

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace untm {

struct SentenceFeatures {
  // Hashed tokens that a translation normally keeps as they are: numbers,
  // enumerators and URLs. Sorted; a token may repeat.
  std::vector<std::uint64_t> shared_tokens;
  // Hashed Latin-script words. In Chinese text they are names, acronyms and
  // symbols the English keeps; in English text only capitalised words are
  // kept, since only those can match. Sorted; may repeat.
  std::vector<std::uint64_t> latin_words;
  bool opens_with_quote = false;
  bool closes_with_quote = false;
  bool ends_with_question = false;
  bool ends_with_exclamation = false;
  // Chinese ，；： before the last character.
  std::uint16_t clause_marks = 0;

  // Whether any token or boundary mark is present (links between sentences
  // without any cost the same and are priced without looking further).
  bool has_anchors() const {
    return !shared_tokens.empty() || !latin_words.empty() || opens_with_quote || closes_with_quote ||
           ends_with_question || ends_with_exclamation;
  }
};

SentenceFeatures extract_features(std::string_view sentence, Language language);

// The boundary marks compared at a link's ends: a quote opening the first
// sentence, a quote closing the last, a final ? and a final !.
enum class Boundary { opening_quote, closing_quote, question, exclamation };
constexpr std::size_t kBoundaryCount = 4;
bool has_boundary(const SentenceFeatures& features, Boundary boundary);

// Cost of each combination of a boundary mark being present on the first
// side (first index) and on the second side (second index).
using BoundaryCosts = std::array<std::array<double, 2>, 2>;

// How much each kind of anchor moves a link's cost, in nats.
struct AnchorWeights {
  double shared_token_match = 2.0;     // bonus per number or enumerator on both sides
  double shared_token_mismatch = 0.5;  // per number or enumerator on one side only
  double latin_word_match = 1.0;       // bonus per Latin-script word on both sides
  double boundary_match = 0.5;         // bonus per agreeing quote / ? / ! at the link's ends
  double boundary_mismatch = 1.5;      // per quote / ? / ! at an end on one side only
  // Per boundary mark: when set, replaces boundary_match/boundary_mismatch
  // (the aligner estimates these on the document: see estimate_boundary_costs).
  std::array<std::optional<BoundaryCosts>, kBoundaryCount> boundary_costs;
  // Cost when a Chinese group of n sentences with k clause marks inside
  // becomes more than n + k English sentences.
  double clause_excess = 4.0;
};

// The anchor cost of linking `first` (consecutive sentences, or units made of
// them) with `second`. `scratch` is working memory reused across calls.
struct AnchorScratch {
  std::vector<std::uint64_t> first_tokens, second_tokens;
};
// anchor_cost() of a link between units none of which has_anchors().
double anchor_cost_without_anchors(const AnchorWeights& weights);

double anchor_cost(std::span<const SentenceFeatures> first, std::span<const SentenceFeatures> second,
                   const AnchorWeights& weights, AnchorScratch& scratch);

// The boundary costs of AnchorWeights looked up once: [boundary][mark on the
// first side][mark on the second side].
using BoundaryTable = std::array<BoundaryCosts, kBoundaryCount>;
BoundaryTable boundary_table(const AnchorWeights& weights);

// anchor_cost() for a caller that knows a unit of the link has anchors (or a
// side is empty) and has `boundaries` = boundary_table(weights): the aligner
// prices millions of candidate links with the same weights.
double anchored_link_cost(std::span<const SentenceFeatures> first, std::span<const SentenceFeatures> second,
                          const AnchorWeights& weights, const BoundaryTable& boundaries, AnchorScratch& scratch);

// The clause constraint: `chinese` is the Chinese side of a link, and
// `other_count` the number of sentences on the other side.
double clause_cost(std::span<const SentenceFeatures> chinese, std::size_t other_count,
                   const AnchorWeights& weights);
// The same from counts: a Chinese side of `chinese_count` sentences with
// `clause_marks` clause marks inside them.
inline double clause_cost(std::size_t chinese_count, std::size_t clause_marks, std::size_t other_count,
                          const AnchorWeights& weights) {
  if (chinese_count == 0) return 0;
  const std::size_t allowed = chinese_count + clause_marks;
  return other_count > allowed ? weights.clause_excess * static_cast<double>(other_count - allowed) : 0;
}

// How many tokens of one kind each side of a link has, and how many they
// share (multiset intersection).
struct TokenOverlap {
  std::size_t first_total = 0, second_total = 0, common = 0;
};

// The boundary marks at the ends of one side of a link as bits (bit k:
// Boundary k): the opening quote of its first unit `front`, the other marks
// of its last unit `back`.
std::uint8_t boundary_bits(const SentenceFeatures& front, const SentenceFeatures& back);

// anchored_link_cost() from what it depends on: the overlaps, whether both
// sides have units, and the boundary_bits() of each side.
inline double anchored_link_cost(const TokenOverlap& shared, const TokenOverlap& latin, bool both_sides,
                                 std::uint8_t first_marks, std::uint8_t second_marks, const AnchorWeights& weights,
                                 const BoundaryTable& boundaries) {
  double cost = 0;
  const std::size_t unmatched = shared.first_total + shared.second_total - 2 * shared.common;
  cost += -weights.shared_token_match * static_cast<double>(shared.common) +
          weights.shared_token_mismatch * static_cast<double>(unmatched);
  if (!both_sides) return cost;
  cost -= weights.latin_word_match * static_cast<double>(latin.common);
  for (std::size_t k = 0; k < kBoundaryCount; ++k) cost += boundaries[k][first_marks >> k & 1u][second_marks >> k & 1u];
  return cost;
}

// The anchors of the units of both sides of a block, laid out for pricing
// millions of candidate links: tokens as small ids shared by the two sides
// (equal hashes, equal ids), each side's tokens unit after unit, counts as
// prefix sums, boundary marks as bits. Prices a link of consecutive units
// exactly as anchored_link_cost() prices their SentenceFeatures, without
// gathering or sorting tokens and in O(1) when a side has none.
class LinkAnchors {
 public:
  LinkAnchors() = default;
  LinkAnchors(std::span<const SentenceFeatures> first, std::span<const SentenceFeatures> second,
              const AnchorWeights& weights);

  // The anchor cost of first-side units [first_begin, first_begin +
  // first_count) with second-side units [second_begin, ...): what
  // anchor_cost() gives for their SentenceFeatures, to the bit.
  double cost(std::size_t first_begin, std::size_t first_count, std::size_t second_begin, std::size_t second_count) {
    const bool both_sides = first_count != 0 && second_count != 0;
    // Most links join units without anchors.
    if (both_sides && !any_anchors(first_begin, first_count, second_begin, second_count)) return no_anchor_cost_;
    const TokenOverlap shared = overlap(first_.shared, first_begin, first_count, second_.shared, second_begin, second_count);
    if (!both_sides) return anchored_link_cost(shared, {}, false, 0, 0, weights_, boundaries_);
    const TokenOverlap latin = overlap(first_.latin, first_begin, first_count, second_.latin, second_begin, second_count);
    const unsigned first_marks = first_.marks(first_begin, first_count);
    const unsigned second_marks = second_.marks(second_begin, second_count);
    // Without shared tokens and common Latin words only the marks count:
    // the same sum, looked up instead of added up.
    if (shared.first_total == 0 && shared.second_total == 0 && latin.common == 0) {
      return marks_only_[first_marks << kBoundaryCount | second_marks];
    }
    return anchored_link_cost(shared, latin, true, static_cast<std::uint8_t>(first_marks),
                              static_cast<std::uint8_t>(second_marks), weights_, boundaries_);
  }
  // Whether a unit of the link has_anchors().
  bool any_anchors(std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
                   std::size_t second_count) const {
    return first_.anchored[first_begin + first_count] != first_.anchored[first_begin] ||
           second_.anchored[second_begin + second_count] != second_.anchored[second_begin];
  }
  // What cost() looks at on one side of a link, for a caller pricing many
  // links that share sides: its token counts, its boundary marks, and whether
  // a unit of it has anchors.
  struct SideSummary {
    std::uint32_t shared = 0, latin = 0;
    std::uint8_t marks = 0;
    bool anchored = false;
  };
  SideSummary first_summary(std::size_t begin, std::size_t count) const { return summary(first_, begin, count); }
  SideSummary second_summary(std::size_t begin, std::size_t count) const { return summary(second_, begin, count); }
  // cost() of a link from the summaries of its sides (a side of no units:
  // SideSummary{}) when it needs no token comparison: a side without units,
  // no units with anchors, or no shared tokens and Latin words on at most one
  // side; NaN otherwise.
  double summary_cost(const SideSummary& first, const SideSummary& second, bool both_sides) const {
    if (!both_sides) return anchored_link_cost(TokenOverlap{first.shared, second.shared, 0}, {}, false, 0, 0, weights_, boundaries_);
    if (!first.anchored && !second.anchored) return no_anchor_cost_;
    if (first.shared == 0 && second.shared == 0 && (first.latin == 0 || second.latin == 0)) {
      return marks_only_[static_cast<unsigned>(first.marks) << kBoundaryCount | second.marks];
    }
    return std::numeric_limits<double>::quiet_NaN();
  }
  // cost() of a link of units of both sides none of which has anchors.
  double no_anchor_cost() const { return no_anchor_cost_; }
  // The clause marks inside first-side (second-side) units [begin, begin + count).
  std::size_t first_clause_marks(std::size_t begin, std::size_t count) const {
    return first_.clause_marks[begin + count] - first_.clause_marks[begin];
  }
  std::size_t second_clause_marks(std::size_t begin, std::size_t count) const {
    return second_.clause_marks[begin + count] - second_.clause_marks[begin];
  }

 private:
  // One kind of token of one side: unit u's ids are ids[start[u]..start[u + 1]).
  struct Tokens {
    std::vector<std::uint32_t> ids;
    std::vector<std::uint32_t> start{0};
  };
  struct Side {
    Tokens shared, latin;
    // Per unit, bit k: the unit has Boundary k.
    std::vector<std::uint8_t> boundaries;
    // Prefix sums over the units: anchored[u] units before u have anchors.
    std::vector<std::uint32_t> anchored{0}, clause_marks{0};
    std::uint8_t marks(std::size_t begin, std::size_t count) const {
      return static_cast<std::uint8_t>((boundaries[begin] & 1u) | (boundaries[begin + count - 1] & ~1u));
    }
  };
  static SideSummary summary(const Side& side, std::size_t begin, std::size_t count) {
    SideSummary result;
    result.shared = side.shared.start[begin + count] - side.shared.start[begin];
    result.latin = side.latin.start[begin + count] - side.latin.start[begin];
    result.marks = side.marks(begin, count);
    result.anchored = side.anchored[begin + count] != side.anchored[begin];
    return result;
  }
  static Side make_side(std::span<const SentenceFeatures> units, const std::vector<std::uint64_t>& hashes);
  TokenOverlap overlap(const Tokens& first, std::size_t first_begin, std::size_t first_count, const Tokens& second,
                       std::size_t second_begin, std::size_t second_count) {
    TokenOverlap result;
    result.first_total = first.start[first_begin + first_count] - first.start[first_begin];
    result.second_total = second.start[second_begin + second_count] - second.start[second_begin];
    if (result.first_total != 0 && result.second_total != 0) {
      result.common = count_common(first.ids.data() + first.start[first_begin], result.first_total,
                                   second.ids.data() + second.start[second_begin], result.second_total);
    }
    return result;
  }
  std::size_t count_common(const std::uint32_t* first, std::size_t first_size, const std::uint32_t* second,
                           std::size_t second_size);

  Side first_, second_;
  AnchorWeights weights_;
  BoundaryTable boundaries_{};
  double no_anchor_cost_ = 0;
  // anchored_link_cost() without tokens, by first_marks << 4 | second_marks.
  std::array<double, 1u << (2 * kBoundaryCount)> marks_only_{};
  // How often each id occurs among the first side's tokens of the link being
  // priced; all zero between calls.
  std::vector<std::uint32_t> counts_;
};

// Boundary costs learnt from the links of an alignment pass: for each
// combination (x, y) of mark absent/present on the two sides,
//   cost = -log( P(x, y | linked) / (P(x) P(y)) ),
// the log-likelihood ratio of linked against unrelated sentences, with add-one
// smoothing and clipped to +-limit. A document whose English never marks
// dialogue with quotes thus learns that a Chinese quote says little.
// `pairs` holds (first-side features, second-side features) of the links'
// boundary units.
BoundaryCosts estimate_boundary_costs(std::span<const std::pair<const SentenceFeatures*, const SentenceFeatures*>> starts,
                                      std::span<const std::pair<const SentenceFeatures*, const SentenceFeatures*>> ends,
                                      Boundary boundary, double limit);

// Features of a unit made of consecutive sentences (a paragraph): tokens of
// all, the start of the first, the end of the last, clause marks summed.
SentenceFeatures merge_features(std::span<const SentenceFeatures> sentences);

}  // namespace untm
