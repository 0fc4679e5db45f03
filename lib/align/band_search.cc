#include "align/band_search.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace untm {
namespace {

constexpr double kUnreachable = std::numeric_limits<double>::infinity();
constexpr std::uint8_t kNoStep = 0xFF;

// For every first-side position i (0..n1), the second-side position at the
// same fraction of the total length.
std::vector<std::size_t> length_diagonal(std::span<const double> first_lengths,
                                         std::span<const double> second_lengths) {
  const std::size_t first_size = first_lengths.size();
  const std::size_t second_size = second_lengths.size();
  double first_total = 0, second_total = 0;
  for (double length : first_lengths) first_total += length;
  for (double length : second_lengths) second_total += length;
  std::vector<std::size_t> diagonal(first_size + 1, 0);
  if (first_total <= 0 || second_total <= 0) {
    // No lengths to go by: follow the unit counts.
    for (std::size_t i = 0; i <= first_size; ++i) diagonal[i] = first_size == 0 ? 0 : i * second_size / first_size;
    return diagonal;
  }
  double first_cumulative = 0, second_cumulative = 0;
  std::size_t j = 0;
  for (std::size_t i = 0; i <= first_size; ++i) {
    if (i > 0) first_cumulative += first_lengths[i - 1];
    const double target = first_cumulative / first_total * second_total;
    while (j < second_size && second_cumulative + second_lengths[j] / 2 < target) second_cumulative += second_lengths[j++];
    diagonal[i] = j;
  }
  diagonal[first_size] = second_size;
  return diagonal;
}

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

}  // namespace

std::vector<Link> band_search(std::span<const double> first_lengths, std::span<const double> second_lengths,
                                  std::span<const LinkType> types, LinkCostFunction& costs,
                                  const BandSearchOptions& options, BandSearchStatistics* statistics,
                                  std::span<const std::size_t> guide) {
  const std::size_t first_size = first_lengths.size();
  const std::size_t second_size = second_lengths.size();
  std::size_t max_first_count = 0;
  for (const LinkType& type : types) max_first_count = std::max(max_first_count, type.first_count);
  if (types.size() >= kNoStep) throw std::logic_error("band_search: too many link types");

  if (!guide.empty() && guide.size() != first_size + 1) throw std::logic_error("band_search: guide of the wrong size");
  const std::vector<std::size_t> diagonal =
      guide.empty() ? length_diagonal(first_lengths, second_lengths)
                    : std::vector<std::size_t>(guide.begin(), guide.end());
  std::size_t half_width = std::max<std::size_t>(options.initial_half_width, 1);
  // Rows of costs for the last max_first_count + 1 rows, indexed i % ring.
  const std::size_t ring = max_first_count + 1;
  std::vector<std::vector<double>> cost_rows(ring);
  std::vector<std::size_t> cost_row_low(ring);

  for (std::size_t searches = 1;; ++searches) {
    const bool whole = 2 * half_width + 1 >= second_size + 1 ||
                       (first_size + 1) * (second_size + 1) <= options.full_search_cells;
    const Band band = make_band(diagonal, second_size, half_width, whole);
    std::vector<std::uint8_t> steps(band.cells, kNoStep);

    for (std::size_t i = 0; i <= first_size; ++i) {
      const std::size_t low = band.low[i], high = band.high[i];
      std::vector<double>& row = cost_rows[i % ring];
      row.assign(high - low + 1, kUnreachable);
      cost_row_low[i % ring] = low;
      std::uint8_t* row_steps = steps.data() + band.row_start[i];
      for (std::size_t j = low; j <= high; ++j) {
        double best = i == 0 && j == 0 ? 0.0 : kUnreachable;
        std::uint8_t best_step = kNoStep;
        for (std::size_t t = 0; t < types.size(); ++t) {
          const std::size_t a = types[t].first_count, b = types[t].second_count;
          if (a > i || b > j) continue;
          const std::size_t from_i = i - a, from_j = j - b;
          if (from_j < band.low[from_i] || from_j > band.high[from_i]) continue;
          const double before = a == 0 ? row[from_j - low] : cost_rows[from_i % ring][from_j - cost_row_low[from_i % ring]];
          if (before == kUnreachable) continue;
          const double total = before + costs.cost(from_i, a, from_j, b);
          if (total < best) {
            best = total;
            best_step = static_cast<std::uint8_t>(t);
          }
        }
        row[j - low] = best;
        row_steps[j - low] = best_step;
      }
    }

    const bool reachable = steps[band.row_start[first_size] + (second_size - band.low[first_size])] != kNoStep ||
                           (first_size == 0 && second_size == 0);
    if (!reachable && whole) throw std::logic_error("band_search: the link types cannot cover the inputs");

    std::vector<Link> path;
    bool touches_edge = !reachable;
    if (reachable) {
      // A path within `margin` of a band edge that is not the matrix edge may
      // have been pushed there by the band.
      const std::size_t margin = std::max<std::size_t>(2, half_width / 8);
      std::size_t i = first_size, j = second_size;
      while (i > 0 || j > 0) {
        const std::uint8_t t = steps[band.row_start[i] + (j - band.low[i])];
        const LinkType& type = types[t];
        Link step{{i - type.first_count, i}, {j - type.second_count, j}};
        step.cost = costs.cost(step.first.begin, type.first_count, step.second.begin, type.second_count);
        path.push_back(step);
        i = step.first.begin;
        j = step.second.begin;
        if (!whole && ((band.low[i] > 0 && j < band.low[i] + margin) ||
                       (band.high[i] < second_size && j + margin > band.high[i]))) {
          touches_edge = true;
        }
      }
      std::reverse(path.begin(), path.end());
    }
    if (!touches_edge || whole) {
      if (statistics != nullptr) {
        statistics->searches = searches;
        statistics->final_half_width = whole ? second_size : half_width;
        statistics->cells = band.cells;
      }
      return path;
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
