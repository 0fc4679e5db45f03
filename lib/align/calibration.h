#pragma once
// From the model's posterior probability of a link to a confidence that
// means what it says: of the links given confidence 0.8, about 80% are right
// (strict: the identical link is in a hand-made reference). The model's own
// posteriors are over-sure where its costs are (a lexicon trained on the text
// being aligned agrees with itself), so they are mapped by Platt scaling
// (Platt 1999) on the log-odds:
//   confidence = sigmoid(slope * logit(posterior) + intercept)
// A monotone map: ranking links by confidence is ranking them by posterior.

namespace untm {

struct ConfidenceCalibration {
  double slope = 1.0;
  double intercept = 0.0;

  double operator()(double posterior) const;
};

// The calibration untm ships (see the provenance in calibration.cc and
// docs/confidence.md).
ConfidenceCalibration default_confidence_calibration();

}  // namespace untm
