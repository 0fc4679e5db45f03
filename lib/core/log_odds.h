#pragma once
// Probabilities and their log-odds, for calibration maps that are linear on
// the log-odds: the aligner applies one, eval fits one. Both read the same
// inputs: the log-odds and whether the link is multi-sentence.

#include <algorithm>
#include <cmath>

#include "core/link.h"

namespace untm {

// log(p / (1 - p)), with p kept 1e-9 inside (0, 1) so that 0 and 1 stay finite.
inline double log_odds(double probability) {
  constexpr double kEdge = 1e-9;
  const double p = std::clamp(probability, kEdge, 1 - kEdge);
  return std::log(p / (1 - p));
}

inline double logistic(double log_odds_value) { return 1 / (1 + std::exp(-log_odds_value)); }

// Sentences on both sides and more than one on some side (1-2, 2-2, ...):
// links the model is over-sure of, with a term of their own in the map.
inline bool is_multi_sentence(const LinkType& type) {
  return type.first_count > 0 && type.second_count > 0 && type.first_count + type.second_count > 2;
}

}  // namespace untm
