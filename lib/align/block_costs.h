#pragma once
// The price of a candidate link inside one block of the aligner: link-type
// prior, length, anchors, clause constraint and evidence terms. Internal to
// lib/align (aligner.cc); in its own file so that the search structure and
// the price per cell can change apart.

#include <array>
#include <bit>
#include <cmath>
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
             bool clause_constraint)
      : first_(first), second_(second), block_(block), model_(model), evidence_(evidence), options_(options),
        clause_constraint_(clause_constraint), no_anchor_cost_(anchor_cost_without_anchors(options.anchor_weights)),
        boundaries_(boundary_table(options.anchor_weights)) {
    prefix(first.lengths, block.first_begin, block.first_end, first_prefix_);
    prefix(second.lengths, block.second_begin, block.second_end, second_prefix_);
    count_anchored(first.features, block.first_begin, block.first_end, first_anchored_);
    count_anchored(second.features, block.second_begin, block.second_end, second_anchored_);
    for (std::size_t t = 0; t < model.types.size(); ++t) {
      const LinkType& type = model.types[t];
      if (type.first_count < kMaxCount && type.second_count < kMaxCount) {
        prior_costs_[type.first_count][type.second_count] = -std::log(model.priors[t]);
      }
    }
  }

  double cost(std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
              std::size_t second_count) override {
    return prior_cost(first_count, second_count) + evidence_cost(first_begin, first_count, second_begin, second_count);
  }

  // The length costs of all the types first, side by side (no dependency
  // between them), then the other terms, summed in the order cost() sums them.
  void cell_costs(std::size_t i, std::size_t j, std::span<const LinkType> types, std::uint32_t wanted,
                  double* out) override {
    for (std::uint32_t left = wanted; left != 0; left &= left - 1) {
      const auto t = static_cast<std::size_t>(std::countr_zero(left));
      out[t] = model_.length.cost(first_prefix_[i] - first_prefix_[i - types[t].first_count],
                                  second_prefix_[j] - second_prefix_[j - types[t].second_count]);
    }
    for (std::uint32_t left = wanted; left != 0; left &= left - 1) {
      const auto t = static_cast<std::size_t>(std::countr_zero(left));
      const std::size_t a = types[t].first_count, b = types[t].second_count;
      out[t] = prior_cost(a, b) + other_terms(out[t], i - a, a, j - b, b);
    }
  }

  // Everything but the prior: what the confidence is made of.
  double evidence_cost(std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
                       std::size_t second_count) {
    const double first_length = first_prefix_[first_begin + first_count] - first_prefix_[first_begin];
    const double second_length = second_prefix_[second_begin + second_count] - second_prefix_[second_begin];
    return other_terms(model_.length.cost(first_length, second_length), first_begin, first_count, second_begin,
                       second_count);
  }

 private:
  // `total` (the length cost) plus anchors, clause constraint and evidence.
  double other_terms(double total, std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
                     std::size_t second_count) {
    const std::size_t first_unit = block_.first_begin + first_begin;
    const std::size_t second_unit = block_.second_begin + second_begin;
    if (options_.use_anchors) {
      const std::span<const SentenceFeatures> first_features(first_.features.data() + first_unit, first_count);
      const std::span<const SentenceFeatures> second_features(second_.features.data() + second_unit, second_count);
      // Most links join units without anchors: anchor_cost() would say so
      // after looking at every unit.
      const bool anchored = first_anchored_[first_begin + first_count] != first_anchored_[first_begin] ||
                            second_anchored_[second_begin + second_count] != second_anchored_[second_begin];
      total += anchored || first_count == 0 || second_count == 0
                   ? anchored_link_cost(first_features, second_features, options_.anchor_weights, boundaries_, scratch_)
                   : no_anchor_cost_;
      if (clause_constraint_) {
        if (options_.first_language == Language::zh && options_.second_language != Language::zh) {
          total += clause_cost(first_features, second_count, options_.anchor_weights);
        } else if (options_.second_language == Language::zh && options_.first_language != Language::zh) {
          total += clause_cost(second_features, first_count, options_.anchor_weights);
        }
      }
    }
    if (!evidence_.empty()) {
      const std::size_t first_sentence = first_.sentence_begin[first_unit];
      const std::size_t second_sentence = second_.sentence_begin[second_unit];
      const std::size_t first_sentences = first_.sentence_begin[first_unit + first_count] - first_sentence;
      const std::size_t second_sentences = second_.sentence_begin[second_unit + second_count] - second_sentence;
      for (const auto& term : evidence_) total += term->cost(first_sentence, first_sentences, second_sentence, second_sentences);
    }
    return total;
  }

 public:
  double prior_cost(std::size_t first_count, std::size_t second_count) const {
    if (first_count >= kMaxCount || second_count >= kMaxCount) return std::numeric_limits<double>::infinity();
    return prior_costs_[first_count][second_count];
  }

 private:
  static void prefix(const std::vector<double>& lengths, std::size_t begin, std::size_t end, std::vector<double>& out) {
    out.assign(1, 0.0);
    for (std::size_t u = begin; u < end; ++u) out.push_back(out.back() + lengths[u]);
  }
  // out[k]: how many of the block's first k units have anchors.
  static void count_anchored(const std::vector<SentenceFeatures>& features, std::size_t begin, std::size_t end,
                             std::vector<std::uint32_t>& out) {
    out.assign(1, 0);
    for (std::size_t u = begin; u < end; ++u) out.push_back(out.back() + (features[u].has_anchors() ? 1 : 0));
  }

  const Units& first_;
  const Units& second_;
  const Block& block_;
  const AlignmentModel& model_;
  const std::vector<std::unique_ptr<LinkEvidence>>& evidence_;
  const AlignOptions& options_;
  bool clause_constraint_;
  double no_anchor_cost_;
  BoundaryTable boundaries_;
  std::vector<double> first_prefix_, second_prefix_;
  std::vector<std::uint32_t> first_anchored_, second_anchored_;
  // -log prior by sentence counts; types not searched cost infinity.
  static constexpr std::size_t kMaxCount = 8;
  std::array<std::array<double, kMaxCount>, kMaxCount> prior_costs_ = filled_with_infinity();
  static std::array<std::array<double, kMaxCount>, kMaxCount> filled_with_infinity() {
    std::array<std::array<double, kMaxCount>, kMaxCount> table{};
    for (auto& row : table) row.fill(std::numeric_limits<double>::infinity());
    return table;
  }
  AnchorScratch scratch_;
};


}  // namespace untm::detail
