#pragma once
// The length half of Gale & Church (1993): how likely two pieces of text are
// translations of each other, judged only by their lengths.

#include <array>
#include <cmath>
#include <cstddef>
#include <numbers>
#include <string_view>

namespace untm {

// What a "length" counts. Characters (Unicode code points that are not white
// space) suit Chinese-English: a Chinese character carries about as much as
// four English letters, and that ratio is steady within a document, whereas
// UTF-8 bytes weigh a Chinese character as three letters and English spacing
// as content.
enum class LengthUnit { characters, bytes };

// Length of `text` in `unit`.
double measure_length(std::string_view text, LengthUnit unit);

// Gale & Church's model of length differences: a second-side length l2 is
// normally distributed around c * l1 with a variance proportional to the
// length. We express both lengths in first-side units (l2 / c), and use the
// form of the original C program, which normalises by the mean of the two
// lengths so that insertions and deletions (one length 0) keep a finite cost:
//   delta = (l2 / c - l1) / sqrt(s2 * (l1 + l2 / c) / 2)
// cost = -log P(|Z| >= |delta|), the two-tailed normal probability.
struct LengthModel {
  double ratio = 1.0;     // c: second-side length per first-side unit
  double variance = 1.0;  // s2, per first-side unit of length

  // delta as above; 0 when both lengths are 0.
  double delta(double first_length, double second_length) const {
    const double second_in_first_units = second_length / ratio;
    const double mean = (first_length + second_in_first_units) / 2;
    if (mean <= 0) return 0;
    return (second_in_first_units - first_length) / std::sqrt(variance * mean);
  }
  // -log of the two-tailed probability of delta, in nats (>= 0).
  inline double cost(double first_length, double second_length) const;
};

// -log(2 * (1 - Phi(|z|))), accurate also far in the tail where the
// probability underflows a double. Inline: the aligner prices every
// candidate link with it, and inlined the compiler overlaps the divisions and
// square roots of the link types of one cell.
inline double two_tailed_normal_cost(double z);

namespace length_cost_table {
// -log erfc(x) for x in [0, kEnd], tabulated every 1/kSteps: erfc and log
// dominated the aligner's time. Linear interpolation errs by at most
// h^2/8 * max f'' ~ 6e-5.
inline constexpr double kEnd = 20.0;
inline constexpr int kSteps = 64;
inline constexpr std::size_t kSize = static_cast<std::size_t>(kEnd * kSteps) + 2;
// Filled before main() runs, never changed.
extern const std::array<double, kSize> values;
// The cost beyond the table (x >= kEnd).
double tail(double x);
}  // namespace length_cost_table

inline double two_tailed_normal_cost(double z) {
  const double x = std::fabs(z) / std::numbers::sqrt2;
  if (x < length_cost_table::kEnd) {
    const double position = x * length_cost_table::kSteps;
    const auto index = static_cast<std::size_t>(position);
    const double fraction = position - static_cast<double>(index);
    const auto& table = length_cost_table::values;
    return table[index] + fraction * (table[index + 1] - table[index]);
  }
  return length_cost_table::tail(x);
}

inline double LengthModel::cost(double first_length, double second_length) const {
  return two_tailed_normal_cost(delta(first_length, second_length));
}

}  // namespace untm
