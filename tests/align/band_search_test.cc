#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <random>

#include "align/band_search.h"
#include "core/link.h"
#include "align/length_model.h"

namespace untm {
namespace {

// Prices links by the length model only, as the aligner's length term does.
class LengthOnlyCosts final : public LinkCostFunction {
 public:
  LengthOnlyCosts(const std::vector<double>& first, const std::vector<double>& second, LengthModel model)
      : first_(first), second_(second), model_(model) {}
  double cost(std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
              std::size_t second_count) override {
    double first_length = 0, second_length = 0;
    for (std::size_t k = 0; k < first_count; ++k) first_length += first_[first_begin + k];
    for (std::size_t k = 0; k < second_count; ++k) second_length += second_[second_begin + k];
    // A flat prior: 1-1 cheapest, others 2 nats more.
    return model_.cost(first_length, second_length) + (first_count == 1 && second_count == 1 ? 0.0 : 2.0);
  }

 private:
  const std::vector<double>& first_;
  const std::vector<double>& second_;
  LengthModel model_;
};

const LinkType kTypes[] = {{0, 1}, {1, 0}, {1, 1}, {1, 2}, {2, 1}};

TEST_CASE("the band search recovers a long alignment built with known splits", "[align]") {
  // 3000 first-side sentences of random length; every 7th becomes two
  // second-side sentences of 4x its length in total (a 1-2 link), the others
  // one sentence of exactly 4x (1-1). The search must find exactly these
  // links, inside a band much narrower than the matrix.
  std::mt19937 random(7);
  std::uniform_int_distribution<int> length(5, 60);
  std::vector<double> first, second;
  std::vector<std::size_t> expected_second_counts;
  for (std::size_t i = 0; i < 3000; ++i) {
    const double l = length(random);
    first.push_back(l);
    if (i % 7 == 3) {
      second.push_back(4 * l * 0.4);
      second.push_back(4 * l * 0.6);
      expected_second_counts.push_back(2);
    } else {
      second.push_back(4 * l);
      expected_second_counts.push_back(1);
    }
  }
  LengthOnlyCosts costs(first, second, LengthModel{4.0, 1.0});
  BandSearchOptions options;
  options.initial_half_width = 8;
  options.full_search_cells = 0;
  BandSearchStatistics statistics;
  const std::vector<Link> path = band_search(first, second, kTypes, costs, options, &statistics);
  REQUIRE(path.size() == first.size());
  std::size_t second_position = 0;
  for (std::size_t i = 0; i < path.size(); ++i) {
    REQUIRE(path[i].first == SentenceRange{i, i + 1});
    REQUIRE(path[i].second == SentenceRange{second_position, second_position + expected_second_counts[i]});
    second_position += path[i].second.size();
  }
  CHECK(statistics.final_half_width < 100);
  CHECK(statistics.cells < 3001 * 201);
}

// Counts the cell_costs calls of a search; prices as LengthOnlyCosts.
class CountingCosts final : public LinkCostFunction {
 public:
  explicit CountingCosts(LengthOnlyCosts& inner) : inner_(inner) {}
  double cost(std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
              std::size_t second_count) override {
    return inner_.cost(first_begin, first_count, second_begin, second_count);
  }
  void cell_costs(std::size_t i, std::size_t j, std::span<const LinkType> types, std::uint32_t wanted,
                  double* out) override {
    ++cell_calls;
    LinkCostFunction::cell_costs(i, j, types, wanted, out);
  }
  std::size_t cell_calls = 0;

 private:
  LengthOnlyCosts& inner_;
};

TEST_CASE("the band search prices the link types of a cell in one call", "[align]") {
  // One cell_costs call per cell reached (every cell of the band but the
  // origin), and the path that of a search through cost() alone.
  std::vector<double> first, second;
  for (std::size_t k = 0; k < 300; ++k) {
    first.push_back(5.0 + static_cast<double>((k * 37) % 23));
    second.push_back(4 * first.back() + static_cast<double>(k % 3));
  }
  LengthOnlyCosts plain(first, second, LengthModel{4.0, 1.0});
  CountingCosts counting(plain);
  BandSearchOptions options;
  options.full_search_cells = 0;
  BandSearchStatistics statistics;
  const std::vector<Link> path = band_search(first, second, kTypes, counting, options, &statistics);
  const std::vector<Link> expected = band_search(first, second, kTypes, plain, options);
  REQUIRE(path.size() == expected.size());
  for (std::size_t k = 0; k < path.size(); ++k) {
    CHECK(path[k].first == expected[k].first);
    CHECK(path[k].second == expected[k].second);
  }
  REQUIRE(statistics.searches == 1);
  CHECK(counting.cell_calls == statistics.cells - 1);
}

// 200 first-side sentences, 240 on the second side, which starts with 40
// sentences the first side lacks: the true path starts far from the length
// diagonal.
struct LeadingGapText {
  std::vector<double> first, second;
};

LeadingGapText leading_gap_text() {
  LeadingGapText text;
  for (int k = 0; k < 40; ++k) text.second.push_back(40.0 + (k % 3));
  for (std::size_t k = 0; k < 200; ++k) {
    text.first.push_back(5.0 + static_cast<double>((k * 37) % 23));
    text.second.push_back(4 * text.first.back());
  }
  return text;
}

TEST_CASE("the band grows until it finds the whole-matrix path", "[align]") {
  // The band search must widen and end with the same path as a search over
  // the whole matrix.
  const LeadingGapText text = leading_gap_text();
  const std::vector<double>& first = text.first;
  const std::vector<double>& second = text.second;
  LengthOnlyCosts costs(first, second, LengthModel{4.0, 1.0});
  BandSearchOptions narrow;
  narrow.initial_half_width = 4;
  narrow.full_search_cells = 0;
  BandSearchStatistics statistics;
  const std::vector<Link> banded = band_search(first, second, kTypes, costs, narrow, &statistics);
  BandSearchOptions whole;
  whole.full_search_cells = 1u << 30;
  const std::vector<Link> reference = band_search(first, second, kTypes, costs, whole);
  CHECK(statistics.searches > 1);
  REQUIRE(banded.size() == reference.size());
  for (std::size_t k = 0; k < banded.size(); ++k) {
    CHECK(banded[k].first == reference[k].first);
    CHECK(banded[k].second == reference[k].second);
  }
}

TEST_CASE("a search whose band would pass its cell budget gives up", "[align]") {
  // 40 second-side sentences first, so a band of half-width 4 meets its edge
  // and grows (9, then 17, 33, 65 cells a row for 201 rows). A budget that
  // holds the bands it needs changes nothing; one that holds only the first
  // two gives up, with no path.
  const LeadingGapText text = leading_gap_text();
  const std::vector<double>& first = text.first;
  const std::vector<double>& second = text.second;
  LengthOnlyCosts costs(first, second, LengthModel{4.0, 1.0});
  BandSearchOptions options;
  options.initial_half_width = 4;
  options.full_search_cells = 0;
  options.follow_frontier = true;
  BandSearchStatistics unlimited;
  const std::vector<Link> path = band_search(first, second, kTypes, costs, options, &unlimited);
  REQUIRE(unlimited.searches >= 3);
  CHECK_FALSE(unlimited.over_budget);
  // Room for every band it searched: the same path.
  options.cell_budget = 201 * (2 * unlimited.final_half_width + 1);
  BandSearchStatistics roomy;
  CHECK(band_search(first, second, kTypes, costs, options, &roomy) == path);
  CHECK_FALSE(roomy.over_budget);
  // Room for half-widths 4 and 8 only.
  options.cell_budget = 201 * 17;
  BandSearchStatistics tight;
  CHECK(band_search(first, second, kTypes, costs, options, &tight).empty());
  CHECK(tight.over_budget);
  CHECK(tight.searches == 3);
}

// 400 sentences whose true path is j = i (second = 4 x first), and a guide
// that bends 60 units off it over the middle of the text.
struct BentGuideText {
  std::vector<double> first, second;
  std::vector<std::size_t> guide;
};

BentGuideText bent_guide_text() {
  BentGuideText text;
  for (std::size_t k = 0; k < 400; ++k) {
    text.first.push_back(5.0 + static_cast<double>((k * 37) % 23));
    text.second.push_back(4 * text.first.back() + static_cast<double>(k % 3));
  }
  const std::size_t size = text.first.size();
  text.guide.resize(size + 1);
  for (std::size_t i = 0; i <= size; ++i) {
    text.guide[i] = std::min(text.second.size(), i + std::min(std::min(i, size - i), std::size_t{60}));
  }
  return text;
}

TEST_CASE("a wrong guide costs searches, not the whole-matrix path", "[align]") {
  // The guide bends 60 units off the true path (j = i) over the middle of
  // the text: the narrow band around it cannot hold the path there, the
  // path touches its edge, and the band doubles until it does.
  const auto [first, second, guide] = bent_guide_text();
  LengthOnlyCosts costs(first, second, LengthModel{4.0, 1.0});
  BandSearchOptions narrow;
  narrow.initial_half_width = 8;
  narrow.full_search_cells = 0;
  BandSearchStatistics statistics;
  const std::vector<Link> guided = band_search(first, second, kTypes, costs, narrow, &statistics, guide);
  BandSearchOptions whole;
  whole.full_search_cells = 1u << 30;
  const std::vector<Link> reference = band_search(first, second, kTypes, costs, whole);
  CHECK(statistics.searches > 1);
  REQUIRE(guided.size() == reference.size());
  for (std::size_t k = 0; k < guided.size(); ++k) {
    CHECK(guided[k].first == reference[k].first);
    CHECK(guided[k].second == reference[k].second);
  }
}

TEST_CASE("a path that strays from its guide in one place widens the band there only", "[align]") {
  // 3000 sentences whose true path is j = i, and a guide that bends 20 units
  // off it over rows 1500..1540 only. Both ways of widening must end on the
  // whole-matrix path; widening only around the rows where the path met
  // the edge must search far fewer cells than widening everywhere (which
  // searches all 3000 rows at least twice as wide).
  std::vector<double> first, second;
  for (std::size_t k = 0; k < 3000; ++k) {
    first.push_back(5.0 + static_cast<double>((k * 37) % 23));
    second.push_back(4 * first.back() + static_cast<double>(k % 3));
  }
  std::vector<std::size_t> guide(first.size() + 1);
  for (std::size_t i = 0; i < guide.size(); ++i) {
    const std::size_t off = i < 1500 || i > 1540 ? 0 : std::min(i - 1500, 1540 - i);
    guide[i] = std::min(second.size(), i + off);
  }
  LengthOnlyCosts costs(first, second, LengthModel{4.0, 1.0});
  BandSearchOptions whole;
  whole.full_search_cells = 1u << 30;
  const std::vector<Link> reference = band_search(first, second, kTypes, costs, whole);
  BandSearchOptions options;
  options.initial_half_width = 4;
  options.full_search_cells = 0;
  BandSearchStatistics local, everywhere;
  options.widen_locally = true;
  CHECK(band_search(first, second, kTypes, costs, options, &local, guide) == reference);
  options.widen_locally = false;
  CHECK(band_search(first, second, kTypes, costs, options, &everywhere, guide) == reference);
  CHECK(local.searches > 1);
  // Everywhere: 3001 rows of 2 x 32 + 1 cells (less where they meet the
  // matrix's edges). Locally: rows of 2 x 4 + 1, but those within
  // local_reach of the bend, at most 2 x 32 + 1.
  CHECK(everywhere.cells > 3001 * 60);
  CHECK(local.cells <= 3001 * 9 + (2 * BandSearchOptions::local_reach(16) + 41) * 65);
  CHECK(local.cells * 3 < everywhere.cells);
}

TEST_CASE("no row of a locally widened band is wider than the second side", "[align]") {
  // 1,000 first-side units against 50, a band following the frontier from
  // half-width 1: the rows widen until they span the second side, and no
  // further. Unbounded, the rows' sum (the cells a search may hold) passed
  // the budget of twice the whole matrix, the search gave up, and the
  // reported half-width was 65,536 for 50 units.
  const std::size_t n1 = 1000, n2 = 50;
  std::vector<double> first, second;
  for (std::size_t k = 0; k < n1; ++k) first.push_back(5.0 + static_cast<double>((k * 37) % 23));
  for (std::size_t k = 0; k < n2; ++k) second.push_back(4 * first[k * n1 / n2 / 2]);
  std::vector<std::size_t> guide;
  for (std::size_t i = 0; i <= n1; ++i) guide.push_back(std::min(i, n2));
  LengthOnlyCosts costs(first, second, LengthModel{4.0, 1.0});
  BandSearchOptions options;
  options.initial_half_width = 1;
  options.full_search_cells = 0;
  options.follow_frontier = true;
  options.cell_budget = 2 * (n1 + 1) * (n2 + 1);
  BandSearchStatistics statistics;
  CHECK_FALSE(band_search(first, second, kTypes, costs, options, &statistics, guide).empty());
  CHECK_FALSE(statistics.over_budget);
  CHECK(statistics.final_half_width <= n2);
}

// The least path cost over the whole matrix, by the textbook recurrence.
double brute_force_cost(std::size_t first_size, std::size_t second_size, LinkCostFunction& costs) {
  const double none = std::numeric_limits<double>::infinity();
  std::vector<std::vector<double>> best(first_size + 1, std::vector<double>(second_size + 1, none));
  best[0][0] = 0;
  for (std::size_t i = 0; i <= first_size; ++i) {
    for (std::size_t j = 0; j <= second_size; ++j) {
      for (const LinkType& type : kTypes) {
        if (type.first_count > i || type.second_count > j) continue;
        const std::size_t from_i = i - type.first_count, from_j = j - type.second_count;
        best[i][j] = std::min(best[i][j], best[from_i][from_j] +
                                              costs.cost(from_i, type.first_count, from_j, type.second_count));
      }
    }
  }
  return best[first_size][second_size];
}

TEST_CASE("a path far from the length diagonal is found at the whole-matrix cost", "[align]") {
  // Random lengths, and a second side that starts with 30 units the first
  // side lacks and ends 30 units early: the best path runs far from the
  // diagonal the lengths give. From a narrow start, with a fixed band and
  // with one that follows the frontier, the search must reach the least cost
  // over the whole matrix, computed here by the plain recurrence.
  for (const bool follow : {false, true}) {
    for (std::uint32_t seed = 1; seed <= 5; ++seed) {
      std::mt19937 random(seed);
      std::uniform_int_distribution<int> length(5, 60);
      std::vector<double> first, second;
      for (int k = 0; k < 30; ++k) second.push_back(length(random) * 4.0);
      for (int k = 0; k < 120; ++k) {
        first.push_back(length(random));
        second.push_back(first.back() * 4.0 + (k % 5));
      }
      second.resize(second.size() - 30);
      LengthOnlyCosts costs(first, second, LengthModel{4.0, 1.0});
      BandSearchOptions options;
      options.initial_half_width = 4;
      options.full_search_cells = 0;
      options.follow_frontier = follow;
      BandSearchStatistics statistics;
      const std::vector<Link> path = band_search(first, second, kTypes, costs, options, &statistics);
      double total = 0;
      for (const Link& link : path) total += link.cost;
      CHECK(total == Approx(brute_force_cost(first.size(), second.size(), costs)).epsilon(1e-9));
      CHECK(statistics.searches > 1);
    }
  }
}

TEST_CASE("a band that follows the frontier holds a path that drifts off the length diagonal", "[align]") {
  // Four parts with second sides 2x, 6x, 2x and 6x as long as the first:
  // the path runs far off the length diagonal (ratio 4), and a fixed band
  // of half-width 12 has to double more than once. Following the cheapest
  // paths, one search of half-width 12 holds it, finds the whole-matrix least
  // cost, and records the costs of its own cells. The length model is loose
  // and every link costs something, as in real text: the cheapest path into
  // a row is then one that has covered fewer second-side units, and the band
  // only keeps up by charging each path for the units it has not covered.
  std::mt19937 random(3);
  std::uniform_int_distribution<int> length(5, 60);
  // Translations are not exactly proportional: every link costs something,
  // and a path that has covered fewer second-side units has paid for fewer.
  std::uniform_real_distribution<double> noise(0.7, 1.3);
  std::vector<double> first, second;
  for (std::size_t k = 0; k < 800; ++k) {
    first.push_back(length(random));
    const double translated = first.back() * (k / 200 % 2 == 0 ? 2.0 : 6.0) * noise(random);
    // Every third sentence becomes two (a 1-2 link).
    if (k % 3 == 1) second.push_back(translated * 0.4);
    second.push_back(k % 3 == 1 ? translated * 0.6 : translated);
  }
  class PartCosts final : public LinkCostFunction {
   public:
    PartCosts(const std::vector<double>& first, const std::vector<double>& second) : first_(first), second_(second) {}
    double cost(std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
                std::size_t second_count) override {
      double first_length = 0, second_length = 0;
      for (std::size_t k = 0; k < first_count; ++k) first_length += first_[first_begin + k];
      for (std::size_t k = 0; k < second_count; ++k) second_length += second_[second_begin + k];
      const LengthModel model{first_begin / 200 % 2 == 0 ? 2.0 : 6.0, 16.0};
      return model.cost(first_length, second_length) + (first_count == 1 && second_count == 1 ? 1.0 : 3.0);
    }

   private:
    const std::vector<double>& first_;
    const std::vector<double>& second_;
  } costs(first, second);
  BandSearchOptions options;
  options.initial_half_width = 12;
  options.full_search_cells = 0;
  options.recorded_costs_limit = 1u << 30;
  BandSearchStatistics fixed, following;
  band_search(first, second, kTypes, costs, options, &fixed);
  options.follow_frontier = true;
  const std::vector<Link> path = band_search(first, second, kTypes, costs, options, &following);
  CHECK(fixed.searches > 2);
  CHECK(following.searches == 1);
  double total = 0;
  for (const Link& link : path) total += link.cost;
  CHECK(total == Approx(brute_force_cost(first.size(), second.size(), costs)).epsilon(1e-9));
  REQUIRE(following.costs.size() == following.cells * std::size(kTypes));
  // The recorded cost of the path's last link, in its cell.
  const std::size_t last = first.size();
  std::size_t cell = 0;
  for (std::size_t i = 0; i < last; ++i) cell += following.band.high[i] - following.band.low[i] + 1;
  cell += second.size() - following.band.low[last];
  const auto type = std::find(std::begin(kTypes), std::end(kTypes), path.back().type()) - std::begin(kTypes);
  CHECK(following.costs[cell * std::size(kTypes) + static_cast<std::size_t>(type)] ==
        static_cast<float>(path.back().cost));
}

TEST_CASE("a guided band that follows the frontier keeps the guide's band too", "[align]") {
  // The guide bends 60 units off the true path (j = i), the frontier follows
  // the true path. With keep_guide_band every row holds both: the guide's
  // half-width either side of it, and the cells the frontier reached, so the
  // path is the whole matrix's and one search finds it.
  const auto [first, second, guide] = bent_guide_text();
  LengthOnlyCosts costs(first, second, LengthModel{4.0, 1.0});
  BandSearchOptions options;
  options.initial_half_width = 8;
  options.full_search_cells = 0;
  options.follow_frontier = true;
  options.keep_guide_band = true;
  BandSearchStatistics statistics;
  const std::vector<Link> path = band_search(first, second, kTypes, costs, options, &statistics, guide);
  CHECK(statistics.searches == 1);
  const SearchBand& band = statistics.band;
  for (std::size_t i = 1; i <= first.size(); ++i) {
    CHECK(band.low[i] <= std::max(band.low[i - 1], guide[i] > 8 ? guide[i] - 8 : 0));
    CHECK(band.high[i] >= std::min(second.size(), guide[i] + 8));
  }
  for (const Link& link : path) CHECK(band.contains(link.first.begin, link.second.begin));
  double total = 0;
  for (const Link& link : path) total += link.cost;
  CHECK(total == Approx(brute_force_cost(first.size(), second.size(), costs)).epsilon(1e-9));
  // Without it the band is the frontier's only: it leaves the guide.
  options.keep_guide_band = false;
  BandSearchStatistics front_only;
  band_search(first, second, kTypes, costs, options, &front_only, guide);
  std::size_t rows_off_guide = 0;
  for (std::size_t i = 0; i <= first.size(); ++i) rows_off_guide += front_only.band.contains(i, guide[i]) ? 0 : 1;
  CHECK(rows_off_guide > 100);
}

TEST_CASE("a sentence path gives the paragraph path it crosses", "[align]") {
  // Paragraphs of sentences 0-1 | 2-4 | 5 and 0-2 | 3 | 4-7; the sentence
  // path [0]:[0] [1]:[1,2] [2]:[3] [3,4]:[4] []:[5] [5]:[6,7] crosses the
  // first side's paragraph starts 2 and 5 at second-side sentences 3 (a
  // paragraph start: paragraph 1) and 6 (2 from start 4, 2 from start 8:
  // the nearer-or-earlier one, paragraph 2).
  const std::vector<Link> sentences =
      parse_links("[0]:[0]\n[1]:[1,2]\n[2]:[3]\n[3,4]:[4]\n[]:[5]\n[5]:[6,7]\n", "test");
  const std::vector<std::size_t> first_paragraphs{0, 2, 5, 6}, second_paragraphs{0, 3, 4, 8};
  CHECK(format_links(coarsen_path(sentences, first_paragraphs, second_paragraphs)) == "[0]:[0]\n[1]:[1]\n[2]:[2]\n");
  // Three paragraphs against one: the crossings at sentences 1 and 2 are
  // nearer the start of the one paragraph (or as near as its end), so the
  // first two link to nothing and the last takes it.
  const std::vector<Link> one_to_one = parse_links("[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3]\n", "test");
  CHECK(format_links(coarsen_path(one_to_one, std::vector<std::size_t>{0, 1, 2, 4}, std::vector<std::size_t>{0, 4})) ==
        "[0]:[]\n[1]:[]\n[2]:[0]\n");
  // And one against three: the first side's one link takes them all.
  CHECK(format_links(coarsen_path(one_to_one, std::vector<std::size_t>{0, 4}, std::vector<std::size_t>{0, 1, 2, 4})) ==
        "[0]:[0,1,2]\n");
}

TEST_CASE("empty sides give only null links", "[align]") {
  const std::vector<double> none, three{1, 2, 3};
  LengthOnlyCosts costs(none, three, LengthModel{1.0, 1.0});
  const auto path = band_search(none, three, kTypes, costs);
  REQUIRE(path.size() == 3);
  CHECK(path[2].second.begin == 2);
  CHECK(path[2].first.empty());
  CHECK(band_search(none, none, kTypes, costs).empty());
}

}  // namespace
}  // namespace untm
