#include "align/block_costs.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace untm::detail {
namespace {

// out[k]: the total length of the block's first k units.
std::vector<double> prefix(const std::vector<double>& lengths, std::size_t begin, std::size_t end) {
  std::vector<double> out(1, 0.0);
  for (std::size_t u = begin; u < end; ++u) out.push_back(out.back() + lengths[u]);
  return out;
}

template <typename Table>
Table filled_with_infinity() {
  Table table{};
  for (auto& row : table) row.fill(std::numeric_limits<double>::infinity());
  return table;
}

}  // namespace

BlockCosts::BlockCosts(const Units& first, const Units& second, const Block& block, const AlignmentModel& model,
                       const std::vector<std::unique_ptr<LinkEvidence>>& evidence, const AlignOptions& options,
                       bool clause_constraint)
    : first_(first), second_(second), block_(block), model_(model), evidence_(evidence),
      weights_(options.anchor_weights), use_anchors_(options.use_anchors),
      first_prefix_(prefix(first.lengths, block.first_begin, block.first_end)),
      second_prefix_(prefix(second.lengths, block.second_begin, block.second_end)),
      prior_costs_(filled_with_infinity<decltype(prior_costs_)>()) {
  if (use_anchors_) {
    anchors_ = LinkAnchors(
        std::span(first.features.data() + block.first_begin, block.first_end - block.first_begin),
        std::span(second.features.data() + block.second_begin, block.second_end - block.second_begin),
        options.anchor_weights);
    const bool first_chinese = options.first_language == Language::zh;
    const bool second_chinese = options.second_language == Language::zh;
    if (clause_constraint && first_chinese && !second_chinese) clause_side_ = ClauseSide::first;
    if (clause_constraint && second_chinese && !first_chinese) clause_side_ = ClauseSide::second;
  }
  for (std::size_t t = 0; t < model.types.size(); ++t) {
    const LinkType& type = model.types[t];
    if (type.first_count < kMaxCount && type.second_count < kMaxCount) {
      prior_costs_[type.first_count][type.second_count] = -std::log(model.priors[t]);
      max_first_count_ = std::max(max_first_count_, type.first_count);
      max_second_count_ = std::max(max_second_count_, type.second_count);
    }
  }
  // No wider than the block: a batch aligns hundreds of small blocks (its
  // paragraph groups), and clearing a full window for each was 2% of it.
  window_.resize(std::min(kFirstWindow, std::bit_ceil(second_prefix_.size())));
  for (std::size_t t = 0; t < model.types.size() && t < kMaxLinkTypes; ++t) {
    const std::size_t a = model.types[t].first_count, b = model.types[t].second_count;
    type_priors_[t] = prior_cost(a, b);
    if (a == 0 || b == 0 || a > max_first_count_ || b > max_second_count_) priced_in_full_ |= 1u << t;
  }
}

void BlockCosts::fill_column(std::size_t j, Column& column) const {
  for (std::size_t b = 0; b <= max_second_count_ && b <= j; ++b) {
    column.scaled[b] = (second_prefix_[j] - second_prefix_[j - b]) / model_.length.ratio;
    if (use_anchors_ && b > 0) column.sides[b] = anchors_.second_summary(j - b, b);
  }
  column.anchored = 0;
  if (!use_anchors_) return;
  for (std::size_t t = 0; t < model_.types.size() && t < kMaxLinkTypes; ++t) {
    const std::size_t b = model_.types[t].second_count;
    if (b >= 1 && b <= max_second_count_ && b <= j && column.sides[b].anchored) column.anchored |= 1u << t;
  }
}

const BlockCosts::Column& BlockCosts::slide_window(std::size_t j) {
  if (j < window_begin_ || j > window_end_ + window_.size()) {
    // Behind the window (a new search, or a row starting before the columns
    // the window kept: then a wider window), or far ahead of it.
    if (j < window_begin_ && window_end_ - window_begin_ == window_.size() && window_.size() < second_prefix_.size()) {
      window_.resize(2 * window_.size());
    }
    window_begin_ = window_end_ = j;
  }
  for (; window_end_ <= j; ++window_end_) {
    if (window_end_ - window_begin_ == window_.size()) ++window_begin_;
    fill_column(window_end_, window_[window_end_ & (window_.size() - 1)]);
  }
  return window_[j & (window_.size() - 1)];
}

double BlockCosts::evidence_terms(double total, std::size_t first_begin, std::size_t first_count,
                                  std::size_t second_begin, std::size_t second_count) const {
  const std::size_t first_unit = block_.first_begin + first_begin;
  const std::size_t second_unit = block_.second_begin + second_begin;
  const std::size_t first_sentence = first_.sentence_begin[first_unit];
  const std::size_t second_sentence = second_.sentence_begin[second_unit];
  const std::size_t first_sentences = first_.sentence_begin[first_unit + first_count] - first_sentence;
  const std::size_t second_sentences = second_.sentence_begin[second_unit + second_count] - second_sentence;
  for (const auto& term : evidence_) total += term->cost(first_sentence, first_sentences, second_sentence, second_sentences);
  return total;
}

double BlockCosts::evidence_cost(std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
                                 std::size_t second_count) {
  double total = length_cost(first_begin, first_count, second_begin, second_count);
  if (use_anchors_) total = anchor_terms(total, first_begin, first_count, second_begin, second_count);
  if (!evidence_.empty()) total = evidence_terms(total, first_begin, first_count, second_begin, second_count);
  return total;
}

double BlockCosts::cost(std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
                        std::size_t second_count) {
  return prior_cost(first_count, second_count) + evidence_cost(first_begin, first_count, second_begin, second_count);
}

namespace {

// Calls price(t, a, b) for each type t whose bit is set in `wanted`, where a
// and b are the type's sentence counts.
template <typename Price>
void for_each_type(std::span<const LinkType> types, std::uint32_t wanted, Price price) {
  for (std::uint32_t left = wanted; left != 0; left &= left - 1) {
    const auto t = static_cast<std::size_t>(std::countr_zero(left));
    price(t, types[t].first_count, types[t].second_count);
  }
}

}  // namespace

void BlockCosts::summarise_row(std::size_t i) {
  summarised_row_ = i;
  for (std::size_t a = 1; a <= max_first_count_ && a <= i; ++a) first_sides_[a] = anchors_.first_summary(i - a, a);
  row_anchored_ = 0;
  for (std::size_t t = 0; t < model_.types.size() && t < kMaxLinkTypes; ++t) {
    const std::size_t a = model_.types[t].first_count, b = model_.types[t].second_count;
    if (a > i) continue;
    if (a >= 1 && a <= max_first_count_ && first_sides_[a].anchored) row_anchored_ |= 1u << t;
    row_clause_[t] = clause_side_ == ClauseSide::first
                         ? clause_cost(a, anchors_.first_clause_marks(i - a, a), b, weights_)
                         : 0.0;
  }
}

void BlockCosts::cell_costs(std::size_t i, std::size_t j, std::span<const LinkType> types, std::uint32_t wanted,
                            double* out) {
  if (types.data() != model_.types.data() || types.size() != model_.types.size()) {
    any_cell_costs(i, j, types, wanted, out);
    return;
  }
  std::array<double, kMaxLinkTypes> first_lengths, second_lengths, length_costs;
  std::array<std::uint8_t, kMaxLinkTypes> order;
  std::size_t count = 0;
  const Column& column = this->column(j);
  for_each_type(types, wanted, [&](std::size_t t, std::size_t a, std::size_t b) {
    order[count] = static_cast<std::uint8_t>(t);
    first_lengths[count] = first_prefix_[i] - first_prefix_[i - a];
    second_lengths[count] = b <= max_second_count_ ? column.scaled[b]
                                                   : (second_prefix_[j] - second_prefix_[j - b]) / model_.length.ratio;
    ++count;
  });
  model_.length.scaled_costs(first_lengths.data(), second_lengths.data(), count, length_costs.data());
  // Each type's total before its prior, by type (the evidence terms add to
  // it in the order cost() adds them).
  std::array<double, kMaxLinkTypes> totals;
  if (!use_anchors_) {
    for (std::size_t k = 0; k < count; ++k) totals[order[k]] = length_costs[k];
  } else {
    if (i != summarised_row_) summarise_row(i);
    const LinkAnchors::SideSummary* second_sides = column.sides.data();
    // Most links join units without anchors: no_anchor_cost and the row's
    // clause cost, the sums anchor_terms() makes.
    const std::uint32_t anchored = priced_in_full_ | row_anchored_ | column.anchored;
    const double no_anchor_cost = anchors_.no_anchor_cost();
    for (std::size_t k = 0; k < count; ++k) {
      const std::size_t t = order[k], a = types[t].first_count, b = types[t].second_count;
      double total = length_costs[k];
      if ((anchored >> t & 1u) == 0) {
        total += no_anchor_cost;
        total = clause_side_ == ClauseSide::first ? total + row_clause_[t] : clause_terms(total, i - a, a, j - b, b);
      } else {
        total = summarised_anchor_terms(total, i, a, j, b, second_sides);
      }
      totals[t] = total;
    }
  }
  if (!evidence_.empty()) {
    // Each term prices the cell's links at once, in sentence indices.
    std::array<std::size_t, kMaxLinkTypes> first_begins, second_begins;
    const std::size_t first_end = block_.first_begin + i, second_end = block_.second_begin + j;
    for (std::size_t k = 0; k < count; ++k) {
      const std::size_t t = order[k];
      first_begins[t] = first_.sentence_begin[first_end - types[t].first_count];
      second_begins[t] = second_.sentence_begin[second_end - types[t].second_count];
    }
    for (const auto& term : evidence_) {
      term->add_cell_costs(first_.sentence_begin[first_end], second_.sentence_begin[second_end], first_begins.data(),
                           second_begins.data(), wanted, totals.data());
    }
  }
  for (std::size_t k = 0; k < count; ++k) out[order[k]] = type_priors_[order[k]] + totals[order[k]];
}

double BlockCosts::summarised_anchor_terms(double total, std::size_t i, std::size_t a, std::size_t j, std::size_t b,
                                          const LinkAnchors::SideSummary* second_sides) {
  // Most links need no token comparison, and are priced from the summaries
  // of their sides.
  const bool summarised = a <= max_first_count_ && b <= max_second_count_;
  const double anchor = summarised ? anchors_.summary_cost(first_sides_[a], second_sides[b], a != 0 && b != 0)
                                   : std::numeric_limits<double>::quiet_NaN();
  return std::isnan(anchor) ? anchor_terms(total, i - a, a, j - b, b) : clause_terms(total + anchor, i - a, a, j - b, b);
}

void BlockCosts::any_cell_costs(std::size_t i, std::size_t j, std::span<const LinkType> types, std::uint32_t wanted,
                                double* out) {
  std::array<double, kMaxLinkTypes> first_lengths, second_lengths, length_costs;
  std::array<std::uint8_t, kMaxLinkTypes> order;
  std::size_t count = 0;
  for_each_type(types, wanted, [&](std::size_t t, std::size_t a, std::size_t b) {
    order[count] = static_cast<std::uint8_t>(t);
    first_lengths[count] = first_prefix_[i] - first_prefix_[i - a];
    second_lengths[count] = (second_prefix_[j] - second_prefix_[j - b]) / model_.length.ratio;
    ++count;
  });
  model_.length.scaled_costs(first_lengths.data(), second_lengths.data(), count, length_costs.data());
  // The sides of the cell's links, each summarised once per block (columns)
  // or per row.
  const LinkAnchors::SideSummary* second_sides = nullptr;
  if (use_anchors_) {
    if (i != summarised_row_) summarise_row(i);
    second_sides = column(j).sides.data();
  }
  for (std::size_t k = 0; k < count; ++k) {
    const std::size_t t = order[k], a = types[t].first_count, b = types[t].second_count;
    double total = length_costs[k];
    if (use_anchors_) {
      total = summarised_anchor_terms(total, i, a, j, b, second_sides);
    }
    if (!evidence_.empty()) total = evidence_terms(total, i - a, a, j - b, b);
    out[t] = prior_cost(a, b) + total;
  }
}

}  // namespace untm::detail
