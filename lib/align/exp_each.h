#pragma once
// exp of many values at once, each the very double std::exp gives: the
// posterior pass sums some 14 exps per lattice cell, and a vector exp that
// rounded differently would move confidences in their last bits.

#include <cstddef>
#include <span>

namespace untm {

// out[k] = std::exp(x[k]) for every k, bit for bit. Four at a time where
// the CPU and the C library allow it (see exp_each.cc), else one by one.
// `out` holds at least x.size() values; it may be `x` itself.
void exp_each(std::span<const double> x, std::span<double> out);

// Whether exp_each runs four at a time here; for tests and benchmarks.
bool exp_each_is_vectorised();

}  // namespace untm
