#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "align/block_costs.h"

namespace untm::detail {
namespace {

// An evidence term that tells links apart by where they start and how long
// they are, so that a slip in the sentence indices shows.
class PositionEvidence final : public LinkEvidence {
 public:
  std::string_view name() const override { return "position"; }
  double cost(std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
              std::size_t second_count) const override {
    return 0.01 * static_cast<double>(first_begin) - 0.003 * static_cast<double>(second_begin) +
           0.07 * static_cast<double>(first_count * 3 + second_count);
  }
};

// The types of `types` whose links can end at cell (i, j), as cell_costs'
// `wanted` bits.
std::uint32_t types_ending_at(std::span<const LinkType> types, std::size_t i, std::size_t j) {
  std::uint32_t wanted = 0;
  for (std::size_t t = 0; t < types.size(); ++t) {
    if (types[t].first_count <= i && types[t].second_count <= j) wanted |= 1u << t;
  }
  return wanted;
}

// Prices cell (i, j) with cell_costs and calls check(t, a, b, price) for
// each type whose link can end there (a x b units).
template <typename Check>
void for_each_priced_type(BlockCosts& costs, std::span<const LinkType> types, std::size_t i, std::size_t j,
                          Check check) {
  std::array<double, kMaxLinkTypes> out{};
  const std::uint32_t wanted = types_ending_at(types, i, j);
  costs.cell_costs(i, j, types, wanted, out.data());
  for (std::size_t t = 0; t < types.size(); ++t) {
    if ((wanted >> t & 1u) != 0) check(t, types[t].first_count, types[t].second_count, out[t]);
  }
}

Units units(const std::vector<std::string>& sentences, Language language) {
  Units out;
  for (const std::string& sentence : sentences) {
    out.add(measure_length(sentence, LengthUnit::characters), extract_features(sentence, language), 1);
  }
  return out;
}

TEST_CASE("BlockCosts prices every type of a cell as the sum of its terms", "[align]") {
  const Units first = units({"前言。", "2012年11月，有人问：“为什么？”", "第18号决议（a）段，APEC。", "他说，好的，不，对。",
                             "一句话。", "“十八！”", "第三句很长很长很长，很长。"},
                            Language::zh);
  const Units second = units({"Foreword.", "In November 2012, someone asked: “Why?”", "Resolution 18, paragraph (a).",
                              "APEC agreed.", "He said yes.", "No.", "Right.", "One sentence.", "“Eighteen!”",
                              "The third sentence is long.", "Very long."},
                             Language::en);
  // Block-local indices 0.. stand for units 1.. of each side.
  const Block block{1, first.size(), 1, second.size(), 1.0};
  AlignmentModel model;
  model.types.assign(default_link_types().begin(), default_link_types().end());
  model.priors = initial_link_priors(model.types);
  model.length = LengthModel{3.1, 4.7};
  std::vector<std::unique_ptr<LinkEvidence>> evidence;
  evidence.push_back(std::make_unique<PositionEvidence>());
  AlignOptions options;
  options.anchor_weights.boundary_costs[2] = BoundaryCosts{{{0.13, 1.7}, {2.9, -1.1}}};
  BlockCosts costs(first, second, block, model, evidence, options, true);
  const AnchorWeights& weights = options.anchor_weights;
  AnchorScratch scratch;
  std::size_t priced = 0;
  for (std::size_t i = 0; i + block.first_begin <= first.size(); ++i) {
    for (std::size_t j = 0; j + block.second_begin <= second.size(); ++j) {
      for_each_priced_type(costs, model.types, i, j, [&](std::size_t t, std::size_t a, std::size_t b, double price) {
        const std::size_t u = block.first_begin + i - a, v = block.second_begin + j - b;
        const std::span<const SentenceFeatures> one(first.features.data() + u, a), two(second.features.data() + v, b);
        double lengths[2] = {0, 0};
        for (std::size_t k = 0; k < a; ++k) lengths[0] += first.lengths[u + k];
        for (std::size_t k = 0; k < b; ++k) lengths[1] += second.lengths[v + k];
        double total = model.length.cost(lengths[0], lengths[1]);
        total += anchor_cost(one, two, weights, scratch);
        total += clause_cost(one, b, weights);
        total += evidence.front()->cost(u, a, v, b);
        const double expected = -std::log(model.priors[t]) + total;
        REQUIRE(price == expected);
        REQUIRE(costs.cost(i - a, a, j - b, b) == expected);
        ++priced;
      });
    }
  }
  CHECK(priced > 500);
}

TEST_CASE("BlockCosts prices cells as cost() does wherever the rows and columns jump", "[align]") {
  // More columns than the first window of columns holds, bands wider than
  // it, and searches starting over: each cell as cost() prices it.
  std::vector<std::string> chinese, english;
  for (std::size_t k = 0; k < 40; ++k) chinese.push_back("第" + std::to_string(k % 7) + "句话，很长。");
  for (std::size_t k = 0; k < 700; ++k) {
    english.push_back(k % 5 == 0 ? "Sentence " + std::to_string(k % 7) + "." : "A “quoted” sentence?");
  }
  const Units first = units(chinese, Language::zh);
  const Units second = units(english, Language::en);
  const Block block{0, first.size(), 0, second.size(), 1.0};
  AlignmentModel model;
  model.types.assign(default_link_types().begin(), default_link_types().end());
  model.priors = initial_link_priors(model.types);
  model.length = LengthModel{2.3, 5.1};
  const std::vector<std::unique_ptr<LinkEvidence>> evidence;
  AlignOptions options;
  BlockCosts costs(first, second, block, model, evidence, options, true);
  std::size_t priced = 0;
  for (const std::size_t width : {100, 300, 700}) {
    for (std::size_t i = 0; i <= first.size(); i += 3) {
      const std::size_t low = i * 10 > width / 2 ? i * 10 - width / 2 : 0;
      for (std::size_t j = low; j <= second.size() && j <= low + width; j += 1 + j % 3) {
        for_each_priced_type(costs, model.types, i, j, [&](std::size_t, std::size_t a, std::size_t b, double price) {
          REQUIRE(price == costs.cost(i - a, a, j - b, b));
          ++priced;
        });
      }
    }
  }
  CHECK(priced > 10000);
}

}  // namespace
}  // namespace untm::detail
