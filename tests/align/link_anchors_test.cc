#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <random>
#include <vector>

#include "align/anchors.h"

namespace untm {
namespace {

// Units with few distinct tokens, so that links share some and repeat some,
// and about one unit in four without any anchor.
std::vector<SentenceFeatures> random_units(std::size_t count, std::mt19937& random) {
  std::uniform_int_distribution<int> token(0, 5), size(0, 3), mark(0, 4), clause(0, 3);
  std::vector<SentenceFeatures> units(count);
  for (SentenceFeatures& unit : units) {
    if (mark(random) == 0) continue;
    for (int k = size(random); k > 0; --k) unit.shared_tokens.push_back(0x9e3779b97f4a7c15ull * (token(random) + 1));
    for (int k = size(random); k > 0; --k) unit.latin_words.push_back(0xc2b2ae3d27d4eb4full * (token(random) + 1));
    std::sort(unit.shared_tokens.begin(), unit.shared_tokens.end());
    std::sort(unit.latin_words.begin(), unit.latin_words.end());
    unit.opens_with_quote = mark(random) == 0;
    unit.closes_with_quote = mark(random) == 0;
    unit.ends_with_question = mark(random) == 0;
    unit.ends_with_exclamation = mark(random) == 0;
    unit.clause_marks = static_cast<std::uint16_t>(clause(random));
  }
  return units;
}

// The reference: the documented formula over gathered and sorted tokens.
struct Overlap {
  double first_total = 0, second_total = 0, common = 0;
};
Overlap reference_overlap(std::span<const SentenceFeatures> first, std::span<const SentenceFeatures> second,
                          std::vector<std::uint64_t> SentenceFeatures::*member) {
  std::vector<std::uint64_t> a, b, both;
  for (const SentenceFeatures& unit : first) a.insert(a.end(), (unit.*member).begin(), (unit.*member).end());
  for (const SentenceFeatures& unit : second) b.insert(b.end(), (unit.*member).begin(), (unit.*member).end());
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
  return {static_cast<double>(a.size()), static_cast<double>(b.size()), static_cast<double>(both.size())};
}

double reference_cost(std::span<const SentenceFeatures> first, std::span<const SentenceFeatures> second,
                      const AnchorWeights& weights) {
  const BoundaryTable table = boundary_table(weights);
  const auto has_any = [](const SentenceFeatures& unit) { return unit.has_anchors(); };
  if (!first.empty() && !second.empty() && std::none_of(first.begin(), first.end(), has_any) &&
      std::none_of(second.begin(), second.end(), has_any)) {
    return table[0][0][0] + table[1][0][0] + table[2][0][0] + table[3][0][0];
  }
  const Overlap shared = reference_overlap(first, second, &SentenceFeatures::shared_tokens);
  double cost = 0;
  cost += -weights.shared_token_match * shared.common +
          weights.shared_token_mismatch * (shared.first_total + shared.second_total - 2 * shared.common);
  if (first.empty() || second.empty()) return cost;
  cost -= weights.latin_word_match * reference_overlap(first, second, &SentenceFeatures::latin_words).common;
  cost += table[0][first.front().opens_with_quote][second.front().opens_with_quote];
  cost += table[1][first.back().closes_with_quote][second.back().closes_with_quote];
  cost += table[2][first.back().ends_with_question][second.back().ends_with_question];
  cost += table[3][first.back().ends_with_exclamation][second.back().ends_with_exclamation];
  return cost;
}

TEST_CASE("LinkAnchors prices every link of up to five units a side as gathered features do", "[align]") {
  std::mt19937 random(13);
  const std::vector<SentenceFeatures> first = random_units(24, random);
  const std::vector<SentenceFeatures> second = random_units(30, random);
  AnchorWeights weights;
  // Learnt costs that are not sums of halves: a change in the order of the
  // additions shows in the last bits.
  weights.boundary_costs[1] = BoundaryCosts{{{0.1, 1.3}, {2.7, -0.9}}};
  weights.boundary_costs[2] = BoundaryCosts{{{-0.03, 0.7}, {1.1, -2.3}}};
  LinkAnchors anchors(first, second, weights);
  std::size_t compared = 0, with_common_tokens = 0;
  for (std::size_t a = 0; a <= first.size(); ++a) {
    for (std::size_t b = 0; b <= second.size(); ++b) {
      for (std::size_t m = 0; m <= 5 && a + m <= first.size(); ++m) {
        for (std::size_t n = 0; n <= 5 && b + n <= second.size(); ++n) {
          const std::span<const SentenceFeatures> one(first.data() + a, m), two(second.data() + b, n);
          REQUIRE(anchors.cost(a, m, b, n) == reference_cost(one, two, weights));
          ++compared;
          if (reference_overlap(one, two, &SentenceFeatures::shared_tokens).common > 1) ++with_common_tokens;
        }
      }
    }
  }
  CHECK(compared > 20000);
  CHECK(with_common_tokens > 1000);
}

TEST_CASE("LinkAnchors counts clause marks and anchored units over a run of units", "[align]") {
  std::mt19937 random(7);
  const std::vector<SentenceFeatures> first = random_units(20, random);
  const std::vector<SentenceFeatures> second = random_units(20, random);
  const LinkAnchors anchors(first, second, AnchorWeights{});
  for (std::size_t begin = 0; begin < first.size(); ++begin) {
    std::size_t first_marks = 0, second_marks = 0;
    bool anchored = false;
    for (std::size_t count = 0; begin + count <= first.size(); ++count) {
      CHECK(anchors.first_clause_marks(begin, count) == first_marks);
      CHECK(anchors.second_clause_marks(begin, count) == second_marks);
      CHECK(anchors.any_anchors(begin, count, begin, count) == anchored);
      if (begin + count == first.size()) break;
      first_marks += first[begin + count].clause_marks;
      second_marks += second[begin + count].clause_marks;
      anchored = anchored || first[begin + count].has_anchors() || second[begin + count].has_anchors();
    }
  }
}

TEST_CASE("clause_cost from counts: each English sentence beyond sentences plus clause marks costs", "[align]") {
  const AnchorWeights weights;
  CHECK(clause_cost(2, 1, 3, weights) == 0);
  CHECK(clause_cost(2, 1, 5, weights) == 2 * weights.clause_excess);
  CHECK(clause_cost(0, 0, 3, weights) == 0);
}

TEST_CASE("LinkAnchors prices links from side summaries exactly as cost() does, or declines", "[align]") {
  // Sparse units: most links then need no token comparison. Where
  // summary_cost() answers, it must be cost() to the bit; it must answer for
  // every link with an empty side and every link without anchored units, and
  // decline only where tokens would have to be compared.
  std::mt19937 random(11);
  std::vector<SentenceFeatures> first = random_units(30, random), second = random_units(30, random);
  for (std::size_t k = 0; k < first.size(); k += 2) first[k] = SentenceFeatures{};
  for (std::size_t k = 1; k < second.size(); k += 3) second[k] = SentenceFeatures{};
  // Latin words in common without shared tokens: priced by comparison.
  for (std::size_t k = 1; k < first.size(); k += 6) {
    first[k] = SentenceFeatures{};
    first[k].latin_words = {42};
    second[k - 1] = SentenceFeatures{};
    second[k - 1].latin_words = {42};
  }
  AnchorWeights weights;
  weights.boundary_costs[1] = BoundaryCosts{{{0.25, 1.5}, {2.25, -0.75}}};
  LinkAnchors anchors(first, second, weights);
  std::size_t answered = 0, declined = 0;
  for (std::size_t first_begin = 0; first_begin < first.size(); ++first_begin) {
    for (std::size_t second_begin = 0; second_begin < second.size(); ++second_begin) {
      for (std::size_t a = 0; a <= 5 && first_begin + a <= first.size(); ++a) {
        for (std::size_t b = 0; b <= 5 && second_begin + b <= second.size(); ++b) {
          if (a == 0 && b == 0) continue;
          const LinkAnchors::SideSummary one = a == 0 ? LinkAnchors::SideSummary{} : anchors.first_summary(first_begin, a);
          const LinkAnchors::SideSummary two = b == 0 ? LinkAnchors::SideSummary{} : anchors.second_summary(second_begin, b);
          const double summarised = anchors.summary_cost(one, two, a != 0 && b != 0);
          const double full = anchors.cost(first_begin, a, second_begin, b);
          const bool plain = a != 0 && b != 0 && !anchors.any_anchors(first_begin, a, second_begin, b);
          if (std::isnan(summarised)) {
            ++declined;
            CHECK_FALSE((a == 0 || b == 0 || plain));
            CHECK((one.shared != 0 || two.shared != 0 || (one.latin != 0 && two.latin != 0)));
          } else {
            ++answered;
            CHECK(summarised == full);
          }
        }
      }
    }
  }
  CHECK(answered > 5000);
  CHECK(declined > 1000);
}

}  // namespace
}  // namespace untm
