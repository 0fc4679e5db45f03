#pragma once
// The kinds of link the aligner considers ("1-2": one first-side sentence
// translated by two second-side sentences, core/link.h) and their prior
// probabilities.

#include <cstddef>
#include <span>
#include <vector>

#include "core/link.h"

namespace untm {

// 0-1, 1-0, 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 2-3, 3-2, 1-4, 4-1, 1-5, 5-1.
// Gale & Church's six are not enough for Chinese-English: a long Chinese
// sentence often becomes three or four English ones.
std::span<const LinkType> default_link_types();

// Where EM over link types starts, and what it is smoothed towards. Chosen
// from general knowledge of sentence alignment, not fitted to a gold set:
// most links are 1-1, one side splitting a sentence in two is the next
// most common case, each further sentence is some four times rarer, and
// null links are rare. Normalised over `types`.
std::vector<double> initial_link_priors(std::span<const LinkType> types);

// 2-2, 2-3, ...: both sides have several sentences.
bool is_many_to_many(const LinkType& type);

// Re-estimates priors from link counts of an alignment pass (the M step of
// hard EM), smoothed by `smoothing` pseudo-links spread as `base`.
// Many-to-many types keep their base prior: a Viterbi pass finds more of
// them than there are (one merged link pays one prior and one length cost
// where two links pay two), so counting them feeds back on itself until
// whole stretches are aligned 2-3.
std::vector<double> estimate_link_priors(std::span<const LinkType> types, std::span<const std::size_t> counts,
                                         std::span<const double> base, double smoothing);

}  // namespace untm
