#include "align/posterior.h"
#include "align/exp_each.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>

namespace untm {
namespace {

constexpr double kImpossible = -std::numeric_limits<double>::infinity();
constexpr std::uint8_t kNoStep = 0xFF;

// Log sums by cell (Cells::at).
using LogSums = std::unique_ptr<double[]>;

// The band's cells in one flat array, row after row.
struct Cells {
  const SearchBand& band;
  std::vector<std::size_t> row_start;
  std::size_t count = 0;

  explicit Cells(const SearchBand& searched) : band(searched), row_start(searched.low.size()) {
    for (std::size_t i = 0; i < row_start.size(); ++i) {
      row_start[i] = count;
      count += band.high[i] - band.low[i] + 1;
    }
  }
  std::size_t rows() const { return row_start.size(); }
  std::size_t at(std::size_t i, std::size_t j) const { return row_start[i] + (j - band.low[i]); }
};

// log(sum(exp(values))) of the finite values; kImpossible when there is none.
// `largest` receives the largest value and `scaled` exp(value - largest),
// which posterior decoding turns into link posteriors with one more exp per
// cell instead of one per link. The exps are those of std::exp, four at a
// time (exp_each), and summed in order: the same sum to the last bit.
double log_sum_exp(std::span<const double> values, double& largest, std::span<double> scaled) {
  largest = kImpossible;
  for (double value : values) largest = std::max(largest, value);
  if (largest == kImpossible) return kImpossible;
  for (std::size_t k = 0; k < values.size(); ++k) scaled[k] = values[k] - largest;
  exp_each(scaled, scaled);
  double sum = 0;
  for (double term : scaled) sum += term;
  return largest + std::log(sum);
}

// Where one link type leads from the cells of one row: the link from or to
// column j of the row touches the cell at flat index offset + j, inside the
// band exactly for j in [first, last] (first > last: for no j), and whose
// decoding gain is at gain_offset + j in the RowRing.
struct Reach {
  std::size_t offset = 0, first = 1, last = 0, gain_offset = 0;
  bool covers(std::size_t j) const { return j >= first && j <= last; }
};

// A few rows of values by column, reused in turn: posterior decoding needs
// its gains only for the rows a link can reach.
class RowRing {
 public:
  RowRing(const SearchBand& band, std::size_t depth) : band_(band), depth_(depth) {
    std::size_t widest = 0;
    for (std::size_t i = 0; i < band.low.size(); ++i) widest = std::max(widest, band.high[i] - band.low[i] + 1);
    values_.assign(depth_ * widest, kImpossible);
    width_ = widest;
  }
  // Row i's value at column j is at values()[offset(i) + j].
  std::size_t offset(std::size_t i) const { return (i % depth_) * width_ - band_.low[i]; }
  double* values() { return values_.data(); }
  void clear(std::size_t i) { std::fill_n(values_.data() + (i % depth_) * width_, width_, kImpossible); }

 private:
  const SearchBand& band_;
  std::size_t depth_, width_ = 0;
  std::vector<double> values_;
};

// The two passes share the lattice, the scaled costs and the cache of them.
class Lattice {
 public:
  Lattice(const SearchBand& band, std::span<const LinkType> types, LinkCostFunction& costs, double temperature,
          std::span<const float> recorded)
      : cells_(band), types_(types), costs_(costs), scale_(1.0 / temperature), terms_(types.size()),
        scaled_(types.size()), reach_(types.size()), recorded_(recorded) {
    if (recorded_.size() != cells_.count * types.size()) recorded_ = {};
    if (recorded_.empty() && cells_.count * types.size() <= kCostCacheEntries) {
      cache_.resize(cells_.count * types.size());
    }
    for (const LinkType& type : types) deepest_ = std::max(deepest_, type.first_count);
  }

  const Cells& cells() const { return cells_; }

  // forward[cell]: log of the summed weight of the paths from (0, 0) to it.
  // Each pass writes every cell: no value to start from.
  LogSums forward() {
    LogSums forward = std::make_unique_for_overwrite<double[]>(cells_.count);
    const std::size_t count = types_.size();
    for (std::size_t i = 0; i < cells_.rows(); ++i) {
      reach_from(i);
      for (std::size_t j = cells_.band.low[i]; j <= cells_.band.high[i]; ++j) {
        const std::size_t cell = cells_.at(i, j);
        if (i == 0 && j == 0) {
          forward[cell] = 0;
          continue;
        }
        const float* recorded = recorded_.empty() ? nullptr : recorded_.data() + cell * count;
        for (std::size_t t = 0; t < count; ++t) {
          const Reach& reach = reach_[t];
          const double before = reach.covers(j) ? forward[reach.offset + j] : kImpossible;
          terms_[t] = kImpossible;
          if (before == kImpossible) continue;
          double cost = 0;
          if (recorded != nullptr) {
            cost = scale_ * recorded[t];
          } else {
            cost = scale_ * costs_.cost(i - types_[t].first_count, types_[t].first_count,
                                        j - types_[t].second_count, types_[t].second_count);
            if (!cache_.empty()) cache_[cell * count + t] = static_cast<float>(cost);
          }
          terms_[t] = before - cost;
        }
        double largest = 0;
        forward[cell] = log_sum_exp(terms_, largest, scaled_);
      }
    }
    return forward;
  }

  // The scaled cost of the link of type t from (i, j) to the cell `next`,
  // whose start the forward pass reached.
  double cost(std::size_t i, std::size_t j, std::size_t t, std::size_t next) {
    if (!recorded_.empty()) return scale_ * recorded_[next * types_.size() + t];
    if (!cache_.empty()) return cache_[next * types_.size() + t];
    return scale_ * costs_.cost(i, types_[t].first_count, j, types_[t].second_count);
  }

  // backward[cell]: log of the summed weight of the paths from it to
  // (n1, n2). With `steps`, also posterior decoding: steps[cell] is the link type
  // that starts the path of the most expected right links from the cell.
  LogSums backward(const double* forward, std::vector<std::uint8_t>* steps) {
    const std::size_t last = cells_.rows() - 1;
    LogSums backward = std::make_unique_for_overwrite<double[]>(cells_.count);
    std::optional<RowRing> gains;
    if (steps != nullptr) {
      steps->assign(cells_.count, kNoStep);
      gains.emplace(cells_.band, deepest_ + 1);
    }
    const double log_partition = forward[cells_.at(last, cells_.band.high[last])];
    for (std::size_t i = last + 1; i-- > 0;) {
      reach_to(i, gains ? &*gains : nullptr);
      double* gain_row = nullptr;
      if (gains) {
        gains->clear(i);
        gain_row = gains->values() + gains->offset(i);
      }
      // Descending j: a 0-1 link stays in its row.
      for (std::size_t j = cells_.band.high[i] + 1; j-- > cells_.band.low[i];) {
        const std::size_t cell = cells_.at(i, j);
        backward[cell] = kImpossible;
        if (forward[cell] == kImpossible) continue;
        if (i == last && j == cells_.band.high[last]) {
          backward[cell] = 0;
          if (gains) gain_row[j] = 0;
          continue;
        }
        for (std::size_t t = 0; t < types_.size(); ++t) {
          terms_[t] = kImpossible;
          if (!reach_[t].covers(j)) continue;
          const std::size_t next = reach_[t].offset + j;
          if (backward[next] != kImpossible) terms_[t] = backward[next] - cost(i, j, t, next);
        }
        double largest = 0;
        backward[cell] = log_sum_exp(terms_, largest, scaled_);
        if (!gains || backward[cell] == kImpossible) continue;
        // P(link) = exp(forward + term - log Z) = scaled * exp(forward + largest - log Z).
        const double factor = std::exp(forward[cell] + largest - log_partition);
        double& gain = gain_row[j];
        for (std::size_t t = 0; t < types_.size(); ++t) {
          if (terms_[t] == kImpossible) continue;
          const double candidate = gains->values()[reach_[t].gain_offset + j] + scaled_[t] * factor;
          if (candidate > gain) {
            gain = candidate;
            (*steps)[cell] = static_cast<std::uint8_t>(t);
          }
        }
      }
    }
    return backward;
  }

 private:
  // reach_ for the links ending in row i: from row i - first_count.
  void reach_from(std::size_t i) {
    for (std::size_t t = 0; t < types_.size(); ++t) {
      const std::size_t a = types_[t].first_count, b = types_[t].second_count;
      reach_[t] = Reach{};
      if (a > i) continue;
      const std::size_t from = i - a;
      reach_[t] = {cells_.row_start[from] - cells_.band.low[from] - b, cells_.band.low[from] + b,
                   cells_.band.high[from] + b};
    }
  }

  // reach_ for the links starting in row i: to row i + first_count.
  void reach_to(std::size_t i, const RowRing* gains) {
    for (std::size_t t = 0; t < types_.size(); ++t) {
      const std::size_t a = types_[t].first_count, b = types_[t].second_count;
      reach_[t] = Reach{};
      const std::size_t to = i + a;
      if (to >= cells_.rows() || cells_.band.high[to] < b) continue;
      reach_[t] = {cells_.row_start[to] - cells_.band.low[to] + b, std::max(cells_.band.low[to], b) - b,
                   cells_.band.high[to] - b, gains != nullptr ? gains->offset(to) + b : 0};
    }
  }

  Cells cells_;
  std::span<const LinkType> types_;
  LinkCostFunction& costs_;
  double scale_;
  std::size_t deepest_ = 0;  // the most first-side sentences in one link
  std::vector<double> terms_;  // one log weight per link type, for the cell at hand
  std::vector<double> scaled_;  // exp(term - largest term), by link type
  std::vector<Reach> reach_;  // by link type, for the row at hand
  std::span<const float> recorded_;  // unscaled costs from the search, or empty
  std::vector<float> cache_;   // scaled cost by (end cell, type); empty when recorded or too large
};

double link_posterior(const Cells& cells, const double* forward, const double* backward,
                      double log_partition, const Link& link, double scaled_cost) {
  if (!cells.band.contains(link.first.begin, link.second.begin) || !cells.band.contains(link.first.end, link.second.end)) {
    return 0;
  }
  const double log_weight = forward[cells.at(link.first.begin, link.second.begin)] - scaled_cost +
                            backward[cells.at(link.first.end, link.second.end)] - log_partition;
  return std::clamp(std::exp(log_weight), 0.0, 1.0);
}

// Follows the decoding steps from (0, 0) to (n1, n2).
std::vector<Link> trace_expected_best(const Cells& cells, const std::vector<std::uint8_t>& steps,
                                      std::span<const LinkType> types, LinkCostFunction& costs,
                                      const double* forward, const double* backward,
                                      double log_partition, double scale) {
  std::vector<Link> path;
  const std::size_t last = cells.rows() - 1, second_size = cells.band.high[last];
  std::size_t i = 0, j = 0;
  while (i < last || j < second_size) {
    const std::uint8_t t = steps[cells.at(i, j)];
    if (t == kNoStep) throw std::logic_error("lattice_posteriors: decoding lost its way");
    Link link{{i, i + types[t].first_count}, {j, j + types[t].second_count}};
    link.cost = costs.cost(i, types[t].first_count, j, types[t].second_count);
    link.confidence = link_posterior(cells, forward, backward, log_partition, link, scale * link.cost);
    path.push_back(link);
    i = link.first.end;
    j = link.second.end;
  }
  return path;
}

}  // namespace

LatticePosteriors lattice_posteriors(const SearchBand& band, std::span<const LinkType> types,
                                     LinkCostFunction& costs, std::span<const Link> path, bool decode,
                                     double temperature, std::span<const float> recorded) {
  if (band.low.empty() || band.low.size() != band.high.size()) throw std::logic_error("lattice_posteriors: no band");
  if (!(temperature > 0)) throw std::logic_error("lattice_posteriors: temperature must be positive");
  Lattice lattice(band, types, costs, temperature, recorded);
  const Cells& cells = lattice.cells();
  const std::size_t last = cells.rows() - 1;
  const LogSums forward = lattice.forward();
  LatticePosteriors result;
  result.log_partition = forward[cells.at(last, band.high[last])];
  if (result.log_partition == kImpossible) throw std::logic_error("lattice_posteriors: no path crosses the band");
  std::vector<std::uint8_t> steps;
  const LogSums backward = lattice.backward(forward.get(), decode ? &steps : nullptr);
  for (const Link& link : path) {
    result.path_posteriors.push_back(
        link_posterior(cells, forward.get(), backward.get(), result.log_partition, link, link.cost / temperature));
  }
  if (decode) {
    result.expected_best_path = trace_expected_best(cells, steps, types, costs, forward.get(), backward.get(),
                                                    result.log_partition, 1.0 / temperature);
  }
  return result;
}

}  // namespace untm
