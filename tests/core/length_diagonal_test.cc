#include "core/length_diagonal.h"

#include <catch2/catch.hpp>
#include <vector>

using namespace untm;

TEST_CASE("the diagonal follows cumulative lengths, not unit counts", "[core][diagonal]") {
  // First side: four units of 10. Second side: one long unit (30) then
  // three short ones (~3.3 each): by lengths, first-side unit 3 starts where
  // the long unit ends, while by counts it would be at unit 3.
  const std::vector<double> first{10, 10, 10, 10};
  const std::vector<double> second{30, 10.0 / 3, 10.0 / 3, 10.0 / 3};
  CHECK(length_diagonal(first, second) == std::vector<std::size_t>{0, 0, 1, 1, 4});
}

TEST_CASE("a unit counts as passed once half of it lies before the target", "[core][diagonal]") {
  const std::vector<double> first{5, 5};
  const std::vector<double> second{4, 1.5, 4.5};
  // Target 5 lies inside the second unit [4, 5.5), past its middle (4.75):
  // position 2, not 1 (the unit that contains the target).
  CHECK(length_diagonal(first, second) == std::vector<std::size_t>{0, 2, 3});
}

TEST_CASE("without lengths the diagonal follows the unit counts", "[core][diagonal]") {
  const std::vector<double> first{0, 0, 0};
  const std::vector<double> second{1, 1, 1, 1, 1, 1};
  CHECK(length_diagonal(first, second) == std::vector<std::size_t>{0, 2, 4, 6});
  CHECK(length_diagonal({}, second) == std::vector<std::size_t>{0});
}
