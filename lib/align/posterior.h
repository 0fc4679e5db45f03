#pragma once
// How likely each link is, under the alignment model itself: the posterior
// probability of a link is the probability mass of all paths through it,
// with a path weighing exp(-sum of its link costs), i.e. the costs read as
// negative log probabilities (Gale & Church 1993 price links exactly so).
// Forward-backward (Rabiner 1989, eq. 18-27, over the alignment lattice
// instead of a time axis) runs over the same band the Viterbi search ended
// with and the same LinkCostFunction, so that the probabilities and the
// chosen path speak of one model. Everything is kept in log space: a path
// through a thousand sentences weighs some exp(-5000).
//
// Memory is linear in the band's cells: forward and backward log sums per
// cell, and the candidate costs: those the search recorded
// (BandSearchStatistics::costs), else those of the forward pass kept (as
// float) for the backward one while they fit kCostCacheEntries, recomputed
// beyond.

#include <cstddef>
#include <span>
#include <vector>

#include "align/band_search.h"
#include "core/link.h"

namespace untm {

struct LatticePosteriors {
  // log of the summed weight of all paths through the band (log Z).
  double log_partition = 0;
  // P(link) for each link of the path given to lattice_posteriors.
  std::vector<double> path_posteriors;
  // Posterior decoding: the path whose links have the largest sum of
  // posteriors, i.e. the most links expected to be right; empty unless asked
  // for. Each link's confidence holds its posterior and its cost the cost.
  std::vector<Link> expected_best_path;
};

// Candidate costs kept between the passes up to this many (4 bytes each).
inline constexpr std::size_t kCostCacheEntries = std::size_t{1} << 24;

// Posteriors of the links of `path` (block-local, as band_search returns
// them, each link's cost being costs.cost() of it) over the cells of `band`,
// with every cost divided by `temperature` (1: the model as it is). Links of
// `path` that leave the band get 0. With `decode`, also the expected-best
// path. `recorded`, when not empty, holds the candidate costs as
// BandSearchStatistics::costs does and `costs` is asked only for the links of
// the decoded path. Throws std::logic_error when no path crosses the band.
LatticePosteriors lattice_posteriors(const SearchBand& band, std::span<const LinkType> types,
                                     LinkCostFunction& costs, std::span<const Link> path, bool decode,
                                     double temperature = 1.0, std::span<const float> recorded = {});

}  // namespace untm
