#pragma once
// From the model's posterior probability of a link to a confidence that
// means what it says: of the links given confidence 0.8, about 80% are right
// (strict: the identical link is in a hand-made reference). A shift of the
// log-odds, at the model's own scale (slope 1), with a term of its own for
// multi-sentence links (1-2, 2-2, ...), which the model is over-sure of:
//   confidence = sigmoid(logit(posterior) + intercept
//                        + multi_sentence * [is_multi_sentence(type)])
// Monotone within 1-1 links and within multi-sentence links; across them it
// ranks a multi-sentence link below a 1-1 link of the same posterior.

#include "core/link.h"

namespace untm {

struct ConfidenceCalibration {
  double intercept = 0.0;
  double multi_sentence = 0.0;

  double operator()(double posterior, const LinkType& type) const;
};

// The calibration untm ships (see the provenance in calibration.cc and
// docs/confidence.md).
ConfidenceCalibration default_confidence_calibration();

}  // namespace untm
