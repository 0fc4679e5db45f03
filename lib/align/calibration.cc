#include "align/calibration.h"

#include <algorithm>
#include <cmath>

namespace untm {

double ConfidenceCalibration::operator()(double posterior) const {
  // Posteriors of exactly 0 or 1 stay finite in log-odds.
  constexpr double kEdge = 1e-9;
  const double p = std::clamp(posterior, kEdge, 1 - kEdge);
  const double log_odds = slope * std::log(p / (1 - p)) + intercept;
  return 1 / (1 + std::exp(-log_odds));
}

ConfidenceCalibration default_confidence_calibration() {
  // Identity until fitted (untm bench calibration).
  return ConfidenceCalibration{1.0, 0.0};
}

}  // namespace untm
