#include "align/band_search.h"

#include <algorithm>
#include <array>
#include <bit>
#include <limits>
#include <cstdlib>
#include <new>
#include <stdexcept>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "core/length_diagonal.h"

namespace untm {
namespace {

constexpr double kUnreachable = std::numeric_limits<double>::infinity();
constexpr std::uint8_t kNoStep = 0xFF;

struct Band {
  std::vector<std::size_t> low, high;  // allowed second-side positions per row, inclusive
  std::vector<std::size_t> row_start;  // offset of each row in the cell arrays
  std::size_t cells = 0;

  // Row i from low to high, after rows 0..i - 1 (rows from i on are dropped).
  void place(std::size_t i, std::size_t row_low, std::size_t row_high) {
    cells = i == 0 ? 0 : row_start[i - 1] + (high[i - 1] - low[i - 1] + 1);
    low.resize(i + 1);
    high.resize(i + 1);
    row_start.resize(i + 1);
    low[i] = row_low;
    high[i] = row_high;
    row_start[i] = cells;
    cells += row_high - row_low + 1;
  }
};

Band make_band(const std::vector<std::size_t>& diagonal, std::size_t second_size,
               const std::vector<std::size_t>& half_widths, bool whole) {
  Band band;
  for (std::size_t i = 0; i < diagonal.size(); ++i) {
    const std::size_t half_width = half_widths[i];
    band.place(i, whole || diagonal[i] < half_width ? 0 : diagonal[i] - half_width,
               whole ? second_size : std::min(second_size, diagonal[i] + half_width));
  }
  return band;
}

// Where a search following the frontier puts row i (i > 0), `half_width`
// either side of `centre`: never behind the row before (a path only moves
// forward), and whole rows near the end of the second side. With `hull`,
// also `half_width` either side of hull[i]: a pass guided by an earlier path
// keeps that path's band as well as the frontier's, and touches an edge only
// where both would.
void place_row(Band& band, std::size_t i, std::size_t centre, std::size_t half_width, std::size_t second_size,
               const std::vector<std::size_t>* hull) {
  centre = std::min(centre, second_size);
  std::size_t low = std::max(band.low[i - 1], centre > half_width ? centre - half_width : 0);
  std::size_t high = std::min(second_size, low + 2 * half_width);
  low = std::max(band.low[i - 1], high > 2 * half_width ? high - 2 * half_width : 0);
  if (hull != nullptr) {
    const std::size_t guide = std::min((*hull)[i], second_size);
    low = std::min(low, std::max(band.low[i - 1], guide > half_width ? guide - half_width : 0));
    high = std::max(high, std::min(second_size, guide + half_width));
  }
  band.place(i, low, high);
}

// The dynamic programme over the cells of a band: for every cell, the cost
// of the cheapest path reaching it and the link type that path ends with
// (kNoStep where none does). With `recorded_limit`, every candidate link's
// cost is kept (cell-major, one slot per link type) while the band holds at
// most that many, so that the posterior pass prices no link twice.
//
// fill_following() lays the band out row by row as the search goes: row i
// is centred where the cheapest path into row i - 1 ends, moved on by the
// step of the expected path between the two rows. Where the parts of a text
// have different length ratios, the path drifts off any centre fixed in
// advance; the frontier of the search drifts with it. Every link costs
// something, so the cheapest path into a row is one that has covered fewer
// second-side units and paid for fewer links: left alone, the band would
// slide back along the rows (on the K=7 block, 2,600 units behind by the
// end). Each path is charged for the units it has not covered, at the cost
// per second-side unit of the cheapest path so far. The rows before a given
// one are kept, so that a band widened from there on is searched again from
// there only.
class BandFill {
 public:
  BandFill(std::size_t first_size, std::size_t second_size, std::span<const LinkType> types, LinkCostFunction& costs)
      : first_size_(first_size), second_size_(second_size), types_(types), costs_(costs),
        cheapest_(first_size + 1), rate_(first_size + 1) {
    std::size_t max_first_count = 0;
    for (const LinkType& type : types) max_first_count = std::max(max_first_count, type.first_count);
    ring_.resize(max_first_count + 1);
    sources_.resize(ring_.size());
  }

  // The whole of `band`; with `record`, the candidate costs too.
  void fill_fixed(Band band, bool record) {
    band_ = std::move(band);
    restart(record, band_.cells);
    resize_cells();
    for (std::size_t i = 0; i <= first_size_; ++i) fill_row(i);
  }

  // The band laid out as the search goes, row i half_widths[i] either side
  // of the frontier; `expected` gives the steps and row 0's centre.
  void fill_following(bool record, std::size_t most_cells, const std::vector<std::size_t>& expected,
                      const std::vector<std::size_t>& half_widths, const std::vector<std::size_t>* hull) {
    restart(record, most_cells);
    const std::size_t centre = expected[0], first_half_width = half_widths[0];
    band_.place(0, centre < first_half_width ? 0 : centre - first_half_width,
                std::min(second_size_, centre + first_half_width));
    resize_cells();
    fill_row(0);
    for (std::size_t i = 1; i <= first_size_; ++i) {
      const std::size_t step = expected[i] > expected[i - 1] ? expected[i] - expected[i - 1] : 0;
      place_row(band_, i, cheapest_[i - 1] + step, half_widths[i], second_size_, hull);
      resize_cells();
      fill_row(i);
    }
  }

  const Band& band() const { return band_; }
  const std::vector<std::uint8_t>& steps() const { return steps_; }
  // The recorded costs, or empty when not recording.
  RecordedCosts take_recorded() { return recording_ ? std::move(recorded_) : RecordedCosts{}; }

 private:
  // Room for `most_cells`, allocated once: the cell arrays keep their memory
  // from search to search, and a larger one is allocated only after the
  // smaller is freed (peak memory).
  void restart(bool record, std::size_t most_cells) {
    recording_ = record;
    reserve(steps_, most_cells);
    if (record) {
      reserve(recorded_, most_cells * types_.size());
    } else {
      recorded_ = {};
    }
  }
  template <typename Cells>
  static void reserve(Cells& cells, std::size_t size) {
    cells.clear();
    if (cells.capacity() >= size) return;
    cells = {};
    cells.reserve(size);
  }
  // The cell arrays sized to the band. fill_row() writes every recorded
  // slot, so they are left unfilled here.
  void resize_cells() {
    steps_.resize(band_.cells, kNoStep);
    if (recording_) recorded_.resize(band_.cells * types_.size());
  }

  // Row i - a of the band, for the links of a first-side units ending in
  // row i: its path costs and second-side positions (none before row 0).
  struct Source {
    const double* costs = nullptr;
    std::size_t low = 1, high = 0;
  };
  // sources_[a] for row i, once per row: the ring slot of a row is a modulo.
  void find_sources(std::size_t i) {
    for (std::size_t a = 0; a < ring_.size(); ++a) {
      sources_[a] = a > i ? Source{} : Source{ring_[(i - a) % ring_.size()].data(), band_.low[i - a], band_.high[i - a]};
    }
  }

  // The path cost before each link type that can end at cell (i, j) (inside
  // the band, from a reachable cell), into `before`; bit t of the result
  // says whether type t can. sources_ is row i's.
  std::uint32_t predecessors(std::size_t j, double* before) const {
    std::uint32_t wanted = 0;
    for (std::size_t t = 0; t < types_.size(); ++t) {
      const std::size_t a = types_[t].first_count, b = types_[t].second_count;
      const Source& source = sources_[a];
      if (b > j || j - b < source.low || j - b > source.high) continue;
      before[t] = source.costs[j - b - source.low];
      if (before[t] != kUnreachable) wanted |= 1u << t;
    }
    return wanted;
  }

  void fill_row(std::size_t i);

  std::size_t first_size_, second_size_;
  std::span<const LinkType> types_;
  LinkCostFunction& costs_;
  bool recording_ = false;
  Band band_;
  std::vector<std::uint8_t> steps_;
  // The path costs of the last rows (as many as a link spans, plus one),
  // row i in ring_[i % size].
  std::vector<std::vector<double>> ring_;
  std::vector<Source> sources_;
  RecordedCosts recorded_;
  // After row i: where the cheapest path into it ends (scored as above), and
  // that path's cost per second-side unit.
  std::vector<std::size_t> cheapest_;
  std::vector<double> rate_;
};

void BandFill::fill_row(std::size_t i) {
  std::array<double, kMaxLinkTypes> before{}, cost{};
  std::size_t cheapest = i == 0 ? 0 : cheapest_[i - 1];
  const double rate = i == 0 ? 0 : rate_[i - 1];
  const std::size_t low = band_.low[i], high = band_.high[i], row_start = band_.row_start[i];
  std::vector<double>& ring_row = ring_[i % ring_.size()];
  ring_row.assign(high - low + 1, kUnreachable);
  find_sources(i);
  double* row = ring_row.data();
  std::uint8_t* row_steps = steps_.data() + row_start;
  double row_best = kUnreachable, row_best_score = kUnreachable;
  for (std::size_t j = low; j <= high; ++j) {
    double best = i == 0 && j == 0 ? 0.0 : kUnreachable;
    std::uint8_t best_step = kNoStep;
    const std::uint32_t wanted = predecessors(j, before.data());
    if (wanted != 0) costs_.cell_costs(i, j, types_, wanted, cost.data());
    float* cell_recorded = recording_ ? recorded_.data() + (row_start + (j - low)) * types_.size() : nullptr;
    if (cell_recorded != nullptr) std::fill_n(cell_recorded, types_.size(), std::numeric_limits<float>::quiet_NaN());
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
  cheapest_[i] = cheapest;
  rate_[i] = row_best != kUnreachable && cheapest > 0 ? std::max(0.0, row_best / static_cast<double>(cheapest)) : rate;
}

struct TracedPath {
  std::vector<Link> path;
  bool touches_edge = false;  // the band may have pushed the path
  std::vector<std::size_t> touched_rows;  // where, in first-side positions
};

// Follows the steps back from (n1, n2). A path within a row's margin
// (an eighth of its half-width, at least 2) of a band edge that is not the
// matrix edge may have been pushed there by the band.
TracedPath trace_back(const Band& band, const std::vector<std::uint8_t>& steps, std::span<const LinkType> types,
                      LinkCostFunction& costs, std::size_t first_size, std::size_t second_size,
                      const std::vector<std::size_t>& half_widths) {
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
    const std::size_t margin = std::max<std::size_t>(2, half_widths[i] / 8);
    if ((band.low[i] > 0 && j < band.low[i] + margin) || (band.high[i] < second_size && j + margin > band.high[i])) {
      traced.touches_edge = true;
      traced.touched_rows.push_back(i);
    }
  }
  std::reverse(traced.path.begin(), traced.path.end());
  return traced;
}

// The half-widths of the next search after a path reached the band's edge
// in `touched_rows`: with `locally`, only within BandSearchOptions::
// local_reach(w) rows of each touch (w the touched row's half-width), each
// of those rows at least twice the touched one's; else every row twice the
// widest one (twice as wide everywhere when they are alike), so that rows
// left narrow by local rounds do not take as many searches again to grow.
// None wider than the second side. Where local widening widens nothing
// (rows as wide as the second side: a band following the frontier never
// goes back, so a row's edge can be the row before's) or no row is to blame
// (an unreachable end), everywhere.
void widen(std::vector<std::size_t>& half_widths, const std::vector<std::size_t>& touched_rows, bool locally,
           std::size_t second_size) {
  // No row needs to be wider than the second side: it then spans it whole.
  const std::size_t widest = std::max<std::size_t>(second_size, 1);
  bool widened = false;
  if (locally) {
    const std::vector<std::size_t> before = half_widths;
    for (const std::size_t row : touched_rows) {
      if (before[row] >= widest) continue;
      const std::size_t wider = std::min(2 * before[row], widest);
      const std::size_t reach = BandSearchOptions::local_reach(before[row]);
      const std::size_t end = std::min(half_widths.size(), row + reach + 1);
      for (std::size_t k = row > reach ? row - reach : 0; k < end; ++k) {
        if (half_widths[k] < wider) {
          half_widths[k] = wider;
          widened = true;
        }
      }
    }
  }
  if (!widened) {
    const std::size_t next = std::min(2 * *std::max_element(half_widths.begin(), half_widths.end()), widest);
    for (std::size_t& half_width : half_widths) half_width = std::max(half_width, next);
  }
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
  const std::vector<std::size_t>* hull = options.keep_guide_band && !guide.empty() ? &diagonal : nullptr;
  // Each row's half-width; they start alike and widen (widen()).
  std::vector<std::size_t> half_widths(first_size + 1, std::max<std::size_t>(options.initial_half_width, 1));
  // One for all the searches: the cell arrays keep their memory.
  BandFill fill(first_size, second_size, types, costs);

  for (std::size_t searches = 1;; ++searches) {
    const std::size_t narrowest = *std::min_element(half_widths.begin(), half_widths.end());
    const std::size_t half_width = *std::max_element(half_widths.begin(), half_widths.end());
    const bool whole = 2 * narrowest + 1 >= second_size + 1 ||
                       (first_size + 1) * (second_size + 1) <= options.full_search_cells;
    const auto over_budget = [&](std::size_t cells) {
      if (cells <= options.cell_budget) return false;
      if (statistics != nullptr) {
        statistics->searches = searches;
        statistics->final_half_width = half_width;
        statistics->over_budget = true;
      }
      return true;
    };
    if (options.follow_frontier && !whole) {
      // Rows at most 2 * half_width + 1 wide (or twice that with the hull).
      std::size_t most_cells = 0;
      for (const std::size_t row_half_width : half_widths) most_cells += std::min(2 * row_half_width, second_size) + 1;
      if (hull != nullptr) most_cells *= 2;
      if (over_budget(most_cells)) return {};
      fill.fill_following(statistics != nullptr && most_cells * types.size() <= options.recorded_costs_limit,
                          most_cells, diagonal, half_widths, hull);
    } else {
      Band band = make_band(diagonal, second_size, half_widths, whole);
      if (over_budget(band.cells)) return {};
      const bool record = statistics != nullptr && band.cells * types.size() <= options.recorded_costs_limit;
      fill.fill_fixed(std::move(band), record);
    }
    const Band& band = fill.band();
    const bool reachable = (band.low[first_size] <= second_size && second_size <= band.high[first_size] &&
                            fill.steps()[band.row_start[first_size] + (second_size - band.low[first_size])] != kNoStep) ||
                           (first_size == 0 && second_size == 0);
    if (!reachable && whole) throw std::logic_error("band_search: the link types cannot cover the inputs");

    TracedPath traced;
    traced.touches_edge = !reachable;
    if (reachable) {
      traced = trace_back(band, fill.steps(), types, costs, first_size, second_size, half_widths);
    }
    if (!traced.touches_edge || whole) {
      if (statistics != nullptr) {
        statistics->searches = searches;
        statistics->final_half_width = whole ? second_size : half_width;
        statistics->cells = band.cells;
        statistics->band = SearchBand{band.low, band.high};
        statistics->costs = fill.take_recorded();
      }
      return std::move(traced.path);
    }
    // Local rounds end once a row spans half the second side: the narrow
    // rows would otherwise stay narrow and `whole` wait kLocalRounds more
    // searches (6,000 units against 400 from 24: 12 searches instead of
    // 5; 6 now, 7 following the frontier).
    const bool locally =
        options.widen_locally && searches <= BandSearchOptions::kLocalRounds && 2 * half_width < second_size;
    widen(half_widths, traced.touched_rows, locally, second_size);
  }
}

namespace {
constexpr std::size_t kHugePage = std::size_t{2} << 20;
}  // namespace

void* allocate_cells(std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (bytes >= 2 * kHugePage) {
    const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void* cells = std::aligned_alloc(kHugePage, rounded);
    if (cells == nullptr) throw std::bad_alloc();
    madvise(cells, rounded, MADV_HUGEPAGE);  // a request only: no huge pages is no error
    return cells;
  }
#endif
  return ::operator new(bytes);
}

void deallocate_cells(void* cells, std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (bytes >= 2 * kHugePage) {
    std::free(cells);
    return;
  }
#endif
  ::operator delete(cells);
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

std::vector<Link> coarsen_path(std::span<const Link> sentence_path, std::span<const std::size_t> first_unit_begin,
                               std::span<const std::size_t> second_unit_begin) {
  const std::size_t first_units = first_unit_begin.size() - 1, second_units = second_unit_begin.size() - 1;
  const std::vector<std::size_t> at =
      guide_from_path(sentence_path, first_unit_begin.back(), second_unit_begin.back());
  std::vector<Link> path;
  path.reserve(first_units);
  std::size_t previous = 0;
  for (std::size_t unit = 1; unit <= first_units; ++unit) {
    std::size_t boundary = second_units;
    if (unit < first_units) {
      // The second-side unit boundary nearest to where the path crosses.
      const std::size_t sentence = at[first_unit_begin[unit]];
      boundary = static_cast<std::size_t>(std::lower_bound(second_unit_begin.begin(), second_unit_begin.end(), sentence) -
                                          second_unit_begin.begin());
      if (boundary > second_units ||
          (boundary > 0 && sentence - second_unit_begin[boundary - 1] <= second_unit_begin[boundary] - sentence))
        --boundary;
      boundary = std::max(boundary, previous);
    }
    Link link;
    link.first = {unit - 1, unit};
    link.second = {previous, boundary};
    path.push_back(link);
    previous = boundary;
  }
  return path;
}

}  // namespace untm
