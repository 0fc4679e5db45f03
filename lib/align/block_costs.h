#pragma once
// The price of a candidate link inside one block of the aligner: link-type
// prior, length, anchors, clause constraint and evidence terms. Internal to
// lib/align (aligner.cc); in its own file so that the search structure and
// the price per cell can change apart.

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <vector>

#include "align/aligner.h"

namespace untm::detail {

// The units of one side: sentences, or paragraphs made of sentences.
struct Units {
  std::vector<double> lengths;
  std::vector<SentenceFeatures> features;
  // The unit's sentences in the document: [sentence_begin[u], sentence_begin[u + 1]).
  std::vector<std::size_t> sentence_begin{0};

  std::size_t size() const { return lengths.size(); }
  void add(double length, SentenceFeatures unit_features, std::size_t sentence_count) {
    lengths.push_back(length);
    features.push_back(std::move(unit_features));
    sentence_begin.push_back(sentence_begin.back() + sentence_count);
  }
};

// A stretch of units aligned on its own: the whole text, or one group of
// linked paragraphs.
struct Block {
  std::size_t first_begin = 0, first_end = 0, second_begin = 0, second_end = 0;
  // The probability that the block is right: the posterior of the paragraph
  // link it comes from (1 for a whole text).
  double posterior = 1.0;
};

// Prices candidate links inside one block: link-type prior, length, anchors,
// clause constraint, evidence terms. Block-local indices in, costs out.
class BlockCosts final : public LinkCostFunction {
 public:
  BlockCosts(const Units& first, const Units& second, const Block& block, const AlignmentModel& model,
             const std::vector<std::unique_ptr<LinkEvidence>>& evidence, const AlignOptions& options,
             bool clause_constraint);

  double cost(std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
              std::size_t second_count) override;
  // The length terms of all the types side by side (no dependency between
  // types, so their divisions and square roots overlap), then the other
  // terms type by type, summed in the order cost() sums them.
  void cell_costs(std::size_t i, std::size_t j, std::span<const LinkType> types, std::uint32_t wanted,
                  double* out) override;
  // Everything but the prior: what the confidence is made of.
  double evidence_cost(std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
                       std::size_t second_count);

  double prior_cost(std::size_t first_count, std::size_t second_count) const {
    if (first_count >= kMaxCount || second_count >= kMaxCount) return std::numeric_limits<double>::infinity();
    return prior_costs_[first_count][second_count];
  }

 private:
  // Which side the clause constraint bounds: the Chinese one, when only one
  // side is Chinese.
  enum class ClauseSide { none, first, second };

  // `total` plus anchors and clause constraint, then plus evidence terms:
  // evidence_cost() is length_cost() then these two, in this order.
  double anchor_terms(double total, std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
                      std::size_t second_count) {
    return clause_terms(total + anchors_.cost(first_begin, first_count, second_begin, second_count), first_begin,
                        first_count, second_begin, second_count);
  }
  // `total` plus the clause constraint.
  double clause_terms(double total, std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
                      std::size_t second_count) const {
    if (clause_side_ == ClauseSide::first) {
      total += clause_cost(first_count, anchors_.first_clause_marks(first_begin, first_count), second_count, weights_);
    } else if (clause_side_ == ClauseSide::second) {
      total += clause_cost(second_count, anchors_.second_clause_marks(second_begin, second_count), first_count,
                           weights_);
    }
    return total;
  }
  // `total` plus the anchor and clause terms of the link of a x b units
  // ending at cell (i, j), from the sides' summaries when they decide the
  // cost (first_sides_, and `second_sides` of column j).
  double summarised_anchor_terms(double total, std::size_t i, std::size_t a, std::size_t j, std::size_t b,
                                 const LinkAnchors::SideSummary* second_sides);
  double evidence_terms(double total, std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
                        std::size_t second_count) const;
  double length_cost(std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
                     std::size_t second_count) const {
    return model_.length.cost(first_prefix_[first_begin + first_count] - first_prefix_[first_begin],
                              second_prefix_[second_begin + second_count] - second_prefix_[second_begin]);
  }

  // What cell_costs() needs of row i, once per row: first_sides_[a], the
  // summary of the first side of a link of a units ending there, and
  // row_anchored_ and row_clause_ below.
  void summarise_row(std::size_t i);
  // cell_costs() for types other than the model's.
  void any_cell_costs(std::size_t i, std::size_t j, std::span<const LinkType> types, std::uint32_t wanted,
                      double* out);

  const Units& first_;
  const Units& second_;
  const Block& block_;
  const AlignmentModel& model_;
  const std::vector<std::unique_ptr<LinkEvidence>>& evidence_;
  const AnchorWeights& weights_;
  bool use_anchors_;
  ClauseSide clause_side_ = ClauseSide::none;
  std::vector<double> first_prefix_, second_prefix_;
  // The block's anchors, when the options use them.
  LinkAnchors anchors_;
  // -log prior by sentence counts; types not searched cost infinity.
  static constexpr std::size_t kMaxCount = 8;
  std::array<std::array<double, kMaxCount>, kMaxCount> prior_costs_;
  std::size_t max_first_count_ = 0, max_second_count_ = 0;  // of the types with a prior

  std::size_t summarised_row_ = std::numeric_limits<std::size_t>::max();
  std::array<LinkAnchors::SideSummary, kMaxCount> first_sides_{};
  // What cell_costs() needs of the second side of the links of b units
  // ending at a column, for b <= max_second_count_: their length divided by
  // the length ratio, their anchor summary (with anchors), and the model's
  // link types whose second side has anchors (bit t). A column is priced for
  // some hundred rows: computed once instead of once per cell.
  struct Column {
    std::array<double, kMaxCount> scaled{};
    std::array<LinkAnchors::SideSummary, kMaxCount> sides{};
    std::uint32_t anchored = 0;
  };
  // Column j, from the window of the columns priced last: the rows of a
  // search move forward along the second side, so that a window as wide as
  // the band holds what a row needs (a whole block's columns took 2 MB on
  // the K=7 block, at the peak of the default's memory).
  const Column& column(std::size_t j) {
    if (j >= window_begin_ && j < window_end_) return window_[j & (window_.size() - 1)];
    return slide_window(j);
  }
  const Column& slide_window(std::size_t j);
  void fill_column(std::size_t j, Column& column) const;
  static constexpr std::size_t kFirstWindow = 256;
  std::vector<Column> window_;  // column j at [j % size], size a power of two
  std::size_t window_begin_ = 0, window_end_ = 0;
  // By the model's link types: the prior cost; the types priced in full
  // (a side of no units or beyond the summaries); at row summarised_row_,
  // the types whose first side has anchors and the clause cost. A type in
  // none of these masks or the column's joins units without anchors:
  // no_anchor_cost.
  std::array<double, kMaxLinkTypes> type_priors_{};
  std::uint32_t priced_in_full_ = 0, row_anchored_ = 0;
  std::array<double, kMaxLinkTypes> row_clause_{};
};

}  // namespace untm::detail
