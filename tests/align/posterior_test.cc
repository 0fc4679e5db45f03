#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <tuple>
#include <vector>

#include "align/link_types.h"

#include "align/posterior.h"

namespace untm {
namespace {

// Costs from a table: every link not in it is impossible in practice.
class TableCosts final : public LinkCostFunction {
 public:
  using Key = std::tuple<std::size_t, std::size_t, std::size_t, std::size_t>;
  explicit TableCosts(std::map<Key, double> costs) : costs_(std::move(costs)) {}
  double cost(std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
              std::size_t second_count) override {
    ++calls;
    const auto found = costs_.find({first_begin, first_count, second_begin, second_count});
    return found == costs_.end() ? 1000.0 : found->second;
  }
  std::size_t calls = 0;

 private:
  std::map<Key, double> costs_;
};

const LinkType kTypes[] = {{1, 0}, {1, 1}, {2, 1}};

// Two first-side sentences, one second-side sentence. Three paths reach
// (2, 1), each weighing exp(-its cost):
//   A  [0,1]:[0]            weight 0.5
//   B  [0]:[0], [1]:[]      weight 0.3 * 1 = 0.3
//   C  [0]:[], [1]:[0]      weight 0.2 * 1 = 0.2
// Z = 1, so P(link) is the summed weight of the paths through it.
TableCosts hand_lattice() {
  return TableCosts({{{0, 2, 0, 1}, -std::log(0.5)},
                     {{0, 1, 0, 1}, -std::log(0.3)},
                     {{1, 1, 1, 0}, 0.0},
                     {{0, 1, 0, 0}, -std::log(0.2)},
                     {{1, 1, 0, 1}, 0.0}});
}

SearchBand whole_band() { return SearchBand{{0, 0, 0}, {1, 1, 1}}; }

Link link(std::size_t first_begin, std::size_t first_end, std::size_t second_begin, std::size_t second_end,
          double cost) {
  Link made{{first_begin, first_end}, {second_begin, second_end}};
  made.cost = cost;
  return made;
}

TEST_CASE("forward-backward gives each link the mass of the paths through it (hand-worked)", "[align][posterior]") {
  TableCosts costs = hand_lattice();
  const Link links[] = {link(0, 2, 0, 1, -std::log(0.5)), link(0, 1, 0, 1, -std::log(0.3)),
                        link(1, 2, 1, 1, 0.0), link(0, 1, 0, 0, -std::log(0.2)), link(1, 2, 0, 1, 0.0)};
  const LatticePosteriors result = lattice_posteriors(whole_band(), kTypes, costs, links, false);
  CHECK(result.log_partition == Approx(0.0).margin(1e-6));  // Z = 0.5 + 0.3 + 0.2
  REQUIRE(result.path_posteriors.size() == 5);
  CHECK(result.path_posteriors[0] == Approx(0.5));  // A
  CHECK(result.path_posteriors[1] == Approx(0.3));  // B
  CHECK(result.path_posteriors[2] == Approx(0.3));  // B
  CHECK(result.path_posteriors[3] == Approx(0.2));  // C
  CHECK(result.path_posteriors[4] == Approx(0.2));  // C
}

TEST_CASE("a temperature flattens the path weights before they are summed", "[align][posterior]") {
  // At temperature 2 the weights are square roots: A 0.7071, B 0.5477, C 0.4472;
  // Z = 1.7020, P(A) = 0.7071 / 1.7020 = 0.4155.
  TableCosts costs = hand_lattice();
  const Link path[] = {link(0, 2, 0, 1, -std::log(0.5))};
  const LatticePosteriors result = lattice_posteriors(whole_band(), kTypes, costs, path, false, 2.0);
  CHECK(result.log_partition == Approx(std::log(1.7020)).margin(1e-4));
  CHECK(result.path_posteriors[0] == Approx(0.4155).margin(1e-4));
}

TEST_CASE("the posteriors count only the paths inside the band", "[align][posterior]") {
  // Row 1 allows second-side position 1 only: path C, through (1, 0), is
  // outside, so Z = 0.8 and P(A) = 0.5 / 0.8.
  TableCosts costs = hand_lattice();
  const Link path[] = {link(0, 2, 0, 1, -std::log(0.5)), link(0, 1, 0, 0, -std::log(0.2))};
  const LatticePosteriors result = lattice_posteriors(SearchBand{{0, 1, 1}, {1, 1, 1}}, kTypes, costs, path, false);
  CHECK(result.path_posteriors[0] == Approx(0.625));
  CHECK(result.path_posteriors[1] == 0.0);
}

TEST_CASE("posterior decoding picks the path with the most links expected right", "[align][posterior]") {
  // Viterbi would take A (weight 0.5 against 0.3 and 0.2); B's two links are
  // each right with probability 0.3, together 0.6 expected correct links,
  // against A's 0.5 and C's 0.4.
  TableCosts costs = hand_lattice();
  const LatticePosteriors result = lattice_posteriors(whole_band(), kTypes, costs, {}, true);
  REQUIRE(result.expected_best_path.size() == 2);
  CHECK(format_link(result.expected_best_path[0]) == "[0]:[0]");
  CHECK(format_link(result.expected_best_path[1]) == "[1]:[]");
  CHECK(result.expected_best_path[0].confidence == Approx(0.3));
  CHECK(result.expected_best_path[0].cost == Approx(-std::log(0.3)));
}

TEST_CASE("the backward pass reuses the forward pass's costs", "[align][posterior]") {
  // Every candidate is priced once: 3 cells reach (2, 1) by at most 3 types.
  TableCosts costs = hand_lattice();
  lattice_posteriors(whole_band(), kTypes, costs, {}, false);
  const std::size_t forward_only = costs.calls;
  TableCosts again = hand_lattice();
  lattice_posteriors(whole_band(), kTypes, again, {}, true);
  CHECK(again.calls <= forward_only + 2);  // decoding prices its two chosen links
  CHECK(forward_only <= 9);
}

}  // namespace
}  // namespace untm

namespace untm {
namespace {

TEST_CASE("with the search's recorded costs the posterior pass prices nothing again", "[align][posterior]") {
  TableCosts costs = hand_lattice();
  const std::vector<double> first = {1, 1}, second = {2};
  BandSearchOptions options;
  options.recorded_costs_limit = 1000;
  BandSearchStatistics statistics;
  const std::vector<Link> path = band_search(first, second, kTypes, costs, options, &statistics);
  REQUIRE(format_links(path) == "[0,1]:[0]\n");  // Viterbi: A
  REQUIRE(statistics.costs.size() == 6 * std::size(kTypes));
  const std::size_t search_calls = costs.calls;
  const LatticePosteriors result =
      lattice_posteriors(statistics.band, kTypes, costs, path, true, 1.0, statistics.costs);
  CHECK(costs.calls == search_calls + 2);  // the two links of the decoded path only
  CHECK(result.path_posteriors[0] == Approx(0.5));
  CHECK(format_links(result.expected_best_path) == "[0]:[0]\n[1]:[]\n");
}

}  // namespace
}  // namespace untm

namespace untm {
namespace {

// Costs from a hash of the link, cheaper on the diagonal and for small links:
// a lattice too big to work by hand, small enough to list every path.
class HashedCosts final : public LinkCostFunction {
 public:
  // `long_bonus` makes the links of 5 first-side sentences (the longest) cheaper,
  // so that the best paths take them too.
  explicit HashedCosts(double long_bonus = 0) : long_bonus_(long_bonus) {}
  double cost(std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
              std::size_t second_count) override {
    std::uint64_t hash = (first_begin * 1000003u) ^ (first_count * 7919u) ^ (second_begin * 104729u) ^ second_count;
    hash *= 0x9E3779B97F4A7C15u;
    const double noise = static_cast<double>(hash >> 11) * 0x1p-53;
    const double spread = first_count > second_count ? first_count - second_count : second_count - first_count;
    return 0.5 + 1.5 * spread + 0.8 * static_cast<double>(first_count + second_count) + 3.0 * noise -
           (first_count == 5 ? long_bonus_ : 0.0);
  }

 private:
  double long_bonus_;
};

// A link by both its ranges: format_link drops where an empty range stands.
using Key = std::tuple<std::size_t, std::size_t, std::size_t, std::size_t>;
Key key(const Link& link) { return {link.first.begin, link.first.end, link.second.begin, link.second.end}; }

// Every path of the band by depth-first search: Z, each link's posterior
// (its paths' weight over Z) and the path with the largest sum of
// posteriors, the three things forward-backward and posterior decoding
// compute without listing paths.
class Enumeration {
 public:
  Enumeration(const SearchBand& band, std::span<const LinkType> types, const HashedCosts& costs)
      : band_(band), types_(types), costs_(costs) {
    walk(0, 0, 0, [&](double cost) {
      partition += std::exp(-cost);
      for (const Link& step : path_) posterior[key(step)] += std::exp(-cost), links[key(step)] = step;
    });
    for (auto& [link, mass] : posterior) mass /= partition;
    double best = -1;
    walk(0, 0, 0, [&](double) {
      double expected = 0;
      for (const Link& step : path_) expected += posterior[key(step)];
      if (expected > best) best = expected, expected_best = format_links(path_);
      ++paths;
    });
  }
  double partition = 0;
  std::map<Key, double> posterior;
  std::map<Key, Link> links;
  std::string expected_best;
  std::size_t paths = 0;

 private:
  template <typename Visit>
  void walk(std::size_t i, std::size_t j, double cost, const Visit& visit) {
    const std::size_t last = band_.low.size() - 1;
    if (i == last && j == band_.high[last]) return visit(cost);
    for (const LinkType& type : types_) {
      if (!band_.contains(i + type.first_count, j + type.second_count)) continue;
      Link step{{i, i + type.first_count}, {j, j + type.second_count}};
      step.cost = costs_.cost(i, type.first_count, j, type.second_count);
      path_.push_back(step);
      walk(step.first.end, step.second.end, cost + step.cost, visit);
      path_.pop_back();
    }
  }
  const SearchBand& band_;
  std::span<const LinkType> types_;
  HashedCosts costs_;
  std::vector<Link> path_;
};

// Rows 0..6 of a band 2 wide either side of the diagonal to (6, 8).
SearchBand narrow_band() {
  SearchBand band;
  for (std::size_t i = 0; i <= 6; ++i) {
    const std::size_t centre = (i * 8 + 3) / 6;
    band.low.push_back(i == 0 ? 0 : centre > 2 ? centre - 2 : 0);
    band.high.push_back(i == 6 ? 8 : std::min<std::size_t>(8, centre + 2));
  }
  return band;
}

TEST_CASE("forward-backward agrees with the sum over every path of a band (all link types)", "[align][posterior]") {
  // Also a short wide lattice where the best paths take a 5-1 link.
  const bool wide = GENERATE(false, true);
  const SearchBand band = wide ? SearchBand{std::vector<std::size_t>(7, 0), std::vector<std::size_t>(7, 3)} : narrow_band();
  HashedCosts costs(wide ? 9.0 : 0.0);
  const Enumeration every(band, default_link_types(), costs);
  REQUIRE(every.paths > 1000);
  std::vector<Link> candidates;
  for (const auto& [name, step] : every.links) candidates.push_back(step);
  const LatticePosteriors result = lattice_posteriors(band, default_link_types(), costs, candidates, true);
  CHECK(result.log_partition == Approx(std::log(every.partition)).epsilon(1e-12));
  // Every path covers each sentence with one link: the posteriors of the
  // links covering a sentence, its alternatives, sum to 1.
  std::vector<double> first_covered(6, 0.0), second_covered(wide ? 3 : 8, 0.0);
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    // The backward pass keeps the costs as float: 1e-6, not 1e-12.
    CHECK(result.path_posteriors[k] == Approx(every.posterior.at(key(candidates[k]))).epsilon(1e-6));
    for (std::size_t i = candidates[k].first.begin; i < candidates[k].first.end; ++i) {
      first_covered[i] += result.path_posteriors[k];
    }
    for (std::size_t j = candidates[k].second.begin; j < candidates[k].second.end; ++j) {
      second_covered[j] += result.path_posteriors[k];
    }
  }
  for (double covered : first_covered) CHECK(covered == Approx(1.0));
  for (double covered : second_covered) CHECK(covered == Approx(1.0));
  CHECK(format_links(result.expected_best_path) == every.expected_best);
  for (const Link& step : result.expected_best_path) {
    CHECK(step.confidence == Approx(every.posterior.at(key(step))).epsilon(1e-6));
  }
}

}  // namespace
}  // namespace untm
