#include <catch2/catch.hpp>

#include "align/calibration.h"

namespace untm {
namespace {

TEST_CASE("the calibration shifts the log-odds, more for multi-sentence links", "[align][calibration]") {
  // intercept 1.5525, multi-sentence term -1.4077 (by hand):
  //   posterior 0.5, 1-1: sigmoid(1.5525)                    = 0.8253
  //   posterior 0.5, 1-2: sigmoid(1.5525 - 1.4077)           = 0.5361
  //   posterior 0.9, 1-1: sigmoid(2.1972 + 1.5525)           = 0.9770
  //   posterior 0.9, 2-2: sigmoid(2.1972 + 1.5525 - 1.4077)  = 0.9123
  const ConfidenceCalibration calibration{1.5525, -1.4077};
  CHECK(calibration(0.5, LinkType{1, 1}) == Approx(0.8253).margin(1e-4));
  CHECK(calibration(0.5, LinkType{1, 2}) == Approx(0.5361).margin(1e-4));
  CHECK(calibration(0.9, LinkType{1, 1}) == Approx(0.9770).margin(1e-4));
  CHECK(calibration(0.9, LinkType{2, 2}) == Approx(0.9123).margin(1e-4));
  // A null link is not multi-sentence; certainty stays certain.
  CHECK(calibration(0.5, LinkType{0, 1}) == Approx(0.8253).margin(1e-4));
  CHECK(calibration(1.0, LinkType{2, 1}) > 0.9999);
  CHECK(calibration(0.0, LinkType{1, 1}) < 1e-4);
}

}  // namespace
}  // namespace untm
