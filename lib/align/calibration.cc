#include "align/calibration.h"

#include "core/log_odds.h"

namespace untm {

double ConfidenceCalibration::operator()(double posterior) const {
  return logistic(slope * log_odds(posterior) + intercept);
}

ConfidenceCalibration default_confidence_calibration() {
  // Identity until fitted (untm bench calibration).
  return ConfidenceCalibration{1.0, 0.0};
}

}  // namespace untm
