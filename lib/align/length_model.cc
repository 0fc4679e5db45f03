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

namespace {

// -log erfc(x) for x in [0, kTableEnd], tabulated every 1/kTableSteps: the
// aligner evaluates it for every candidate link, and erfc and log dominate
// its time. Linear interpolation errs by at most h^2/8 * max f'' ~ 6e-5.
constexpr double kTableEnd = 20.0;
constexpr int kTableSteps = 64;

std::vector<double> make_cost_table() {
  std::vector<double> table(static_cast<std::size_t>(kTableEnd * kTableSteps) + 2);
  for (std::size_t k = 0; k < table.size(); ++k) {
    table[k] = -std::log(std::erfc(static_cast<double>(k) / kTableSteps));
  }
  return table;
}

}  // namespace

double two_tailed_normal_cost(double z) {
  const double x = std::fabs(z) / std::numbers::sqrt2;
  if (x < kTableEnd) {
    // Built once, never changed: read-only shared data, not mutable state.
    static const std::vector<double> table = make_cost_table();
    const double position = x * kTableSteps;
    const auto index = static_cast<std::size_t>(position);
    const double fraction = position - static_cast<double>(index);
    return table[index] + fraction * (table[index + 1] - table[index]);
  }
  // erfc(x) ~ exp(-x^2) / (x sqrt(pi)) for large x (Abramowitz & Stegun
  // 7.1.23), so the cost is x^2 + log(x sqrt(pi)). Out here (over 400 nats,
  // links no path takes) the log is replaced by its tangent at the table's
  // end, which keeps the cost increasing and saves a log per candidate.
  const double log_at_end = std::log(kTableEnd * std::sqrt(std::numbers::pi));
  return x * x + log_at_end + (x - kTableEnd) / kTableEnd;
}

double LengthModel::cost(double first_length, double second_length) const {
  return two_tailed_normal_cost(delta(first_length, second_length));
}

}  // namespace untm
