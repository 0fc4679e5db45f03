#include <catch2/catch.hpp>

#include "align/length_model.h"

namespace untm {
namespace {

TEST_CASE("delta follows Gale & Church with the mean of both lengths", "[align]") {
  // ratio 4, s2 = 2: l1 = 10, l2 = 48 -> l2/c = 12, mean 11,
  // delta = (12 - 10) / sqrt(2 * 11) = 0.426401; -log erfc(0.426401 / sqrt 2) = 0.400753.
  const LengthModel model{4.0, 2.0};
  CHECK(model.delta(10, 48) == Approx(0.426401).epsilon(1e-5));
  CHECK(model.cost(10, 48) == Approx(0.400753).epsilon(1e-4));  // tabulated
  CHECK(model.cost(10, 40) == Approx(0.0).margin(1e-12));
  // A deletion keeps a finite cost: delta = -10 / sqrt(2 * 5) = -3.1623.
  CHECK(model.delta(10, 0) == Approx(-3.162278).epsilon(1e-5));
}

TEST_CASE("the tail cost stays finite and exact where erfc underflows", "[align]") {
  // -log erfc(10 / sqrt 2) = 52.5381; at z = 40 erfc underflows a double,
  // and x^2 + log(x sqrt(pi)) with x = 40 / sqrt 2 gives 803.915.
  CHECK(two_tailed_normal_cost(10) == Approx(52.5381).epsilon(1e-5));
  CHECK(two_tailed_normal_cost(-40) == Approx(803.915).epsilon(1e-4));
  // It keeps growing past the table's end.
  CHECK(two_tailed_normal_cost(28.3) < two_tailed_normal_cost(28.4));
  CHECK(two_tailed_normal_cost(28.0) < two_tailed_normal_cost(29.0));
}

TEST_CASE("lengths count characters without white space, or bytes", "[align]") {
  CHECK(measure_length("我们 的", LengthUnit::characters) == 3);
  CHECK(measure_length("We are.", LengthUnit::characters) == 6);
  CHECK(measure_length("我们", LengthUnit::bytes) == 6);
}

}  // namespace
}  // namespace untm

namespace untm {
namespace {

TEST_CASE("LengthModel::costs gives cost() of each pair to the bit", "[align]") {
  const LengthModel model{3.7, 5.3};
  // Empty links (mean 0), one side empty, near and far from the diagonal,
  // beyond the table's end; an odd count leaves one pair to the scalar code.
  const std::vector<double> first = {0, 0, 12, 7, 30, 1, 200, 45, 0, 13, 3};
  const std::vector<double> second = {0, 40, 0, 26, 111, 100000, 3, 170, 1, 47, 11};
  std::vector<double> out(first.size(), -1.0);
  model.costs(first.data(), second.data(), first.size(), out.data());
  for (std::size_t k = 0; k < first.size(); ++k) {
    INFO("pair " << k);
    CHECK(out[k] == model.cost(first[k], second[k]));
  }
  CHECK(out[0] == 0.0);
  CHECK(out[5] > length_cost_table::kEnd * length_cost_table::kEnd);
}

}  // namespace
}  // namespace untm
