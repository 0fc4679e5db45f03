#pragma once
// Where a link from a unit of the first side is expected on the second side,
// going by lengths alone: the unit at the same fraction of the total length.
// Both the aligner's search band and the lexical term's window follow this
// one diagonal, so that they agree on what "near the diagonal" means.

#include <cstddef>
#include <span>
#include <vector>

namespace untm {

// For every first-side position i (0..n1, n1 = first_lengths.size()), the
// second-side position j whose cumulative length is nearest the same
// fraction of the total (a unit counts once half of it is passed);
// diagonal[n1] = n2. Without lengths on either side, the unit counts are
// followed instead.
std::vector<std::size_t> length_diagonal(std::span<const double> first_lengths,
                                         std::span<const double> second_lengths);

}  // namespace untm
