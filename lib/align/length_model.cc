#include "align/length_model.h"

#include "core/characters.h"

#include <cmath>
#include <numbers>
#include <vector>

namespace untm {

double measure_length(std::string_view text, LengthUnit unit) {
  if (unit == LengthUnit::bytes) return static_cast<double>(text.size());
  return static_cast<double>(count_visible_code_points(text));
}

namespace length_cost_table {
namespace {

std::array<double, kSize> make_values() {
  std::array<double, kSize> table{};
  for (std::size_t k = 0; k < table.size(); ++k) table[k] = -std::log(std::erfc(static_cast<double>(k) / kSteps));
  return table;
}

}  // namespace

const std::array<double, kSize> values = make_values();

double tail(double x) {
  // erfc(x) ~ exp(-x^2) / (x sqrt(pi)) for large x (Abramowitz & Stegun
  // 7.1.23), so the cost is x^2 + log(x sqrt(pi)). Out here (over 400 nats,
  // links no path takes) the log is replaced by its tangent at the table's
  // end, which keeps the cost increasing and saves a log per candidate.
  const double log_at_end = std::log(kEnd * std::sqrt(std::numbers::pi));
  return x * x + log_at_end + (x - kEnd) / kEnd;
}

}  // namespace length_cost_table

}  // namespace untm
