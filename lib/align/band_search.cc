#include "align/band_search.h"

#include <algorithm>
#include <array>
#include <bit>
#include <limits>
#include <stdexcept>

#include "core/length_diagonal.h"

namespace untm {
namespace {

constexpr double kUnreachable = std::numeric_limits<double>::infinity();
constexpr std::uint8_t kNoStep = 0xFF;

struct Band {
  std::vector<std::size_t> low, high;  // allowed second-side positions per row, inclusive
  std::vector<std::size_t> row_start;  // offset of each row in the step table
  std::size_t cells = 0;
};

Band make_band(const std::vector<std::size_t>& diagonal, std::size_t second_size, std::size_t half_width, bool whole) {
  Band band;
  const std::size_t rows = diagonal.size();
  band.low.resize(rows);
  band.high.resize(rows);
  band.row_start.resize(rows);
  for (std::size_t i = 0; i < rows; ++i) {
    band.low[i] = whole || diagonal[i] < half_width ? 0 : diagonal[i] - half_width;
    band.high[i] = whole ? second_size : std::min(second_size, diagonal[i] + half_width);
    band.row_start[i] = band.cells;
    band.cells += band.high[i] - band.low[i] + 1;
  }
  return band;
}

// The path costs of the last max_first_count + 1 rows, in a ring.
class RowRing {
 public:
  explicit RowRing(std::size_t size) : rows_(size), lows_(size) {}
  std::vector<double>& start(std::size_t i, std::size_t low, std::size_t high) {
    lows_[i % rows_.size()] = low;
    rows_[i % rows_.size()].assign(high - low + 1, kUnreachable);
    return rows_[i % rows_.size()];
  }
  double at(std::size_t i, std::size_t j) const { return rows_[i % rows_.size()][j - lows_[i % rows_.size()]]; }

 private:
  std::vector<std::vector<double>> rows_;
  std::vector<std::size_t> lows_;
};

// The path cost before each link type that can end at cell (i, j) (inside
// the band, from a reachable cell), into `before`; bit t of the result says
// whether type t can.
std::uint32_t predecessors(const Band& band, const RowRing& ring, std::size_t i, std::size_t j,
                           std::span<const LinkType> types, double* before) {
  std::uint32_t wanted = 0;
  for (std::size_t t = 0; t < types.size(); ++t) {
    const std::size_t a = types[t].first_count, b = types[t].second_count;
    if (a > i || b > j) continue;
    const std::size_t from_i = i - a, from_j = j - b;
    if (from_j < band.low[from_i] || from_j > band.high[from_i]) continue;
    before[t] = ring.at(from_i, from_j);
    if (before[t] != kUnreachable) wanted |= 1u << t;
  }
  return wanted;
}

// Where a search following the frontier puts row i (i > 0), `half_width`
// either side of `centre`: never behind the row before (a path only moves
// forward), and whole rows near the end of the second side.
void place_row(Band& band, std::size_t i, std::size_t centre, std::size_t half_width, std::size_t second_size) {
  centre = std::min(centre, second_size);
  std::size_t low = std::max(band.low[i - 1], centre > half_width ? centre - half_width : 0);
  const std::size_t high = std::min(second_size, low + 2 * half_width);
  low = std::max(band.low[i - 1], high > 2 * half_width ? high - 2 * half_width : 0);
  band.low[i] = low;
  band.high[i] = high;
  band.row_start[i] = band.cells;
  band.cells += high - low + 1;
}

// The dynamic programme over the cells of `band`: for every cell, the link
// type of the cheapest path reaching it (kNoStep where none does). When
// `recorded` is not empty, every candidate link's cost goes into it
// (cell-major, one slot per link type) so that the posterior pass prices no
// link twice.
//
// With `follow` set, the band is laid out row by row as the search goes
// (band holds row 0 only): row i is centred where the cheapest path into
// row i - 1 ends, moved on by the step of `follow` (the expected path)
// between the two rows. Where the parts of a text have different length
// ratios, the path drifts off any centre fixed in advance; the frontier of
// the search drifts with it. Every link costs something, so the cheapest
// path into a row is one that has covered fewer second-side units and paid
// for fewer links: left alone, the band would slide back along the rows
// (on the K=7 block, 2,600 units behind by the end). Each path is charged
// for the units it has not covered, at the cost per second-side unit of the
// cheapest path so far.
std::vector<std::uint8_t> fill_band(Band& band, std::size_t first_size, std::size_t second_size,
                                    std::span<const LinkType> types, LinkCostFunction& costs,
                                    std::vector<float>& recorded, const std::vector<std::size_t>* follow,
                                    std::size_t half_width) {
  std::size_t max_first_count = 0;
  for (const LinkType& type : types) max_first_count = std::max(max_first_count, type.first_count);
  RowRing ring(max_first_count + 1);
  std::vector<std::uint8_t> steps(band.cells, kNoStep);
  // Rows are at most 2 * half_width + 1 wide: one allocation.
  if (follow != nullptr) steps.reserve((first_size + 1) * (2 * half_width + 1));
  std::array<double, kMaxLinkTypes> before{}, cost{};
  std::size_t cheapest = 0;  // where the cheapest path into the last row ends
  double rate = 0;  // that path's cost per second-side unit
  for (std::size_t i = 0; i <= first_size; ++i) {
    if (follow != nullptr && i > 0) {
      const std::size_t step = (*follow)[i] > (*follow)[i - 1] ? (*follow)[i] - (*follow)[i - 1] : 0;
      place_row(band, i, cheapest + step, half_width, second_size);
      steps.resize(band.cells, kNoStep);
    }
    const std::size_t low = band.low[i], high = band.high[i];
    std::vector<double>& row = ring.start(i, low, high);
    std::uint8_t* row_steps = steps.data() + band.row_start[i];
    double row_best = kUnreachable, row_best_score = kUnreachable;
    for (std::size_t j = low; j <= high; ++j) {
      double best = i == 0 && j == 0 ? 0.0 : kUnreachable;
      std::uint8_t best_step = kNoStep;
      const std::uint32_t wanted = predecessors(band, ring, i, j, types, before.data());
      if (wanted != 0) costs.cell_costs(i, j, types, wanted, cost.data());
      float* cell_recorded = recorded.empty() ? nullptr : recorded.data() + (band.row_start[i] + (j - low)) * types.size();
      // In type order with a strict <, so that ties go to the earlier type.
      for (std::uint32_t left = wanted; left != 0; left &= left - 1) {
        const auto t = static_cast<std::size_t>(std::countr_zero(left));
        if (cell_recorded != nullptr) cell_recorded[t] = static_cast<float>(cost[t]);
        const double total = before[t] + cost[t];
        if (total < best) {
          best = total;
          best_step = static_cast<std::uint8_t>(t);
        }
      }
      row[j - low] = best;
      row_steps[j - low] = best_step;
      const double score = best - rate * static_cast<double>(j);
      if (score < row_best_score) {
        row_best_score = score;
        row_best = best;
        cheapest = j;
      }
    }
    if (row_best != kUnreachable && cheapest > 0) rate = std::max(0.0, row_best / static_cast<double>(cheapest));
  }
  return steps;
}

struct TracedPath {
  std::vector<Link> path;
  bool touches_edge = false;  // the band may have pushed the path
};

// Follows the steps back from (n1, n2). A path within `margin` of a band edge
// that is not the matrix edge may have been pushed there by the band.
TracedPath trace_back(const Band& band, const std::vector<std::uint8_t>& steps, std::span<const LinkType> types,
                      LinkCostFunction& costs, std::size_t first_size, std::size_t second_size, std::size_t margin) {
  TracedPath traced;
  std::size_t i = first_size, j = second_size;
  while (i > 0 || j > 0) {
    const std::uint8_t t = steps[band.row_start[i] + (j - band.low[i])];
    const LinkType& type = types[t];
    Link step{{i - type.first_count, i}, {j - type.second_count, j}};
    step.cost = costs.cost(step.first.begin, type.first_count, step.second.begin, type.second_count);
    traced.path.push_back(step);
    i = step.first.begin;
    j = step.second.begin;
    if ((band.low[i] > 0 && j < band.low[i] + margin) || (band.high[i] < second_size && j + margin > band.high[i])) {
      traced.touches_edge = true;
    }
  }
  std::reverse(traced.path.begin(), traced.path.end());
  return traced;
}

}  // namespace

std::vector<Link> band_search(std::span<const double> first_lengths, std::span<const double> second_lengths,
                              std::span<const LinkType> types, LinkCostFunction& costs,
                              const BandSearchOptions& options, BandSearchStatistics* statistics,
                              std::span<const std::size_t> guide) {
  const std::size_t first_size = first_lengths.size();
  const std::size_t second_size = second_lengths.size();
  if (types.size() > kMaxLinkTypes) throw std::logic_error("band_search: too many link types");
  if (!guide.empty() && guide.size() != first_size + 1) throw std::logic_error("band_search: guide of the wrong size");
  const std::vector<std::size_t> diagonal =
      guide.empty() ? length_diagonal(first_lengths, second_lengths)
                    : std::vector<std::size_t>(guide.begin(), guide.end());
  std::size_t half_width = std::max<std::size_t>(options.initial_half_width, 1);

  for (std::size_t searches = 1;; ++searches) {
    const bool whole = 2 * half_width + 1 >= second_size + 1 ||
                       (first_size + 1) * (second_size + 1) <= options.full_search_cells;
    const bool follow = options.follow_frontier && !whole;
    Band band = make_band(diagonal, second_size, half_width, whole);
    std::size_t most_cells = band.cells;
    if (follow) {
      // Row 0 as make_band has it; the rest as the search goes.
      band.cells = band.high[0] - band.low[0] + 1;
      most_cells = (first_size + 1) * (2 * half_width + 1);
    }
    std::vector<float> recorded;
    if (statistics != nullptr && most_cells * types.size() <= options.recorded_costs_limit) {
      recorded.assign(most_cells * types.size(), std::numeric_limits<float>::quiet_NaN());
    }
    const std::vector<std::uint8_t> steps = fill_band(band, first_size, second_size, types, costs, recorded,
                                                      follow ? &diagonal : nullptr, half_width);
    if (!recorded.empty()) recorded.resize(band.cells * types.size());
    const bool reachable = (band.low[first_size] <= second_size && second_size <= band.high[first_size] &&
                            steps[band.row_start[first_size] + (second_size - band.low[first_size])] != kNoStep) ||
                           (first_size == 0 && second_size == 0);
    if (!reachable && whole) throw std::logic_error("band_search: the link types cannot cover the inputs");

    TracedPath traced;
    traced.touches_edge = !reachable;
    if (reachable) {
      traced = trace_back(band, steps, types, costs, first_size, second_size, std::max<std::size_t>(2, half_width / 8));
    }
    if (!traced.touches_edge || whole) {
      if (statistics != nullptr) {
        statistics->searches = searches;
        statistics->final_half_width = whole ? second_size : half_width;
        statistics->cells = band.cells;
        statistics->band = SearchBand{band.low, band.high};
        statistics->costs = std::move(recorded);
      }
      return std::move(traced.path);
    }
    half_width *= 2;
  }
}

std::vector<std::size_t> guide_from_path(std::span<const Link> path, std::size_t first_size,
                                         std::size_t second_size) {
  std::vector<std::size_t> guide(first_size + 1, second_size);
  for (const Link& step : path) {
    const std::size_t first_count = step.first.size(), second_count = step.second.size();
    for (std::size_t k = 0; k < std::max<std::size_t>(first_count, 1); ++k) {
      if (step.first.begin + k > first_size) break;
      guide[step.first.begin + k] = step.second.begin + (first_count == 0 ? 0 : k * second_count / first_count);
    }
  }
  // 0-1 links leave a row at its first position; the row's last position is
  // where the next row starts, which is what the band needs to cover too.
  return guide;
}

}  // namespace untm
