#pragma once
// Probabilities and their log-odds, for calibration maps that are linear on
// the log-odds (Platt scaling): the aligner applies one, eval fits one.

#include <algorithm>
#include <cmath>

namespace untm {

// log(p / (1 - p)), with p kept 1e-9 inside (0, 1) so that 0 and 1 stay finite.
inline double log_odds(double probability) {
  constexpr double kEdge = 1e-9;
  const double p = std::clamp(probability, kEdge, 1 - kEdge);
  return std::log(p / (1 - p));
}

inline double logistic(double log_odds_value) { return 1 / (1 + std::exp(-log_odds_value)); }

}  // namespace untm
