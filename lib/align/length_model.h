#pragma once
// The length half of Gale & Church (1993): how likely two pieces of text are
// translations of each other, judged only by their lengths.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <numbers>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
    return scaled_delta(first_length, second_length / ratio);
  }
  // delta() from the second length already divided by `ratio`.
  double scaled_delta(double first_length, double second_in_first_units) const {
    const double mean = (first_length + second_in_first_units) / 2;
    if (mean <= 0) return 0;
    return (second_in_first_units - first_length) / std::sqrt(variance * mean);
  }
  // -log of the two-tailed probability of delta, in nats (>= 0).
  inline double cost(double first_length, double second_length) const;
  // out[k] = cost(first_lengths[k], second_lengths[k]) for k < count, to the
  // bit: the same operations, two pairs at a time where SSE2 has them, so
  // that the divisions and square roots of a cell's link types overlap.
  inline void costs(const double* first_lengths, const double* second_lengths, std::size_t count, double* out) const;
  // costs() with each second-side length already divided by `ratio` (a
  // caller pricing many links of the same second sides divides once).
  inline void scaled_costs(const double* first_lengths, const double* second_in_first_units, std::size_t count,
                           double* out) const;
  // cost() from the second length divided by `ratio`, to the bit.
  inline double scaled_cost(double first_length, double second_in_first_units) const;
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

// -log erfc(x) for x >= 0: two_tailed_normal_cost(z) at x = |z| / sqrt(2).
inline double minus_log_erfc(double x) {
  if (x < length_cost_table::kEnd) {
    const double position = x * length_cost_table::kSteps;
    const auto index = static_cast<std::size_t>(position);
    const double fraction = position - static_cast<double>(index);
    const auto& table = length_cost_table::values;
    return table[index] + fraction * (table[index + 1] - table[index]);
  }
  return length_cost_table::tail(x);
}

inline double two_tailed_normal_cost(double z) { return minus_log_erfc(std::fabs(z) / std::numbers::sqrt2); }

inline double LengthModel::cost(double first_length, double second_length) const {
  return two_tailed_normal_cost(delta(first_length, second_length));
}

inline double LengthModel::scaled_cost(double first_length, double second_in_first_units) const {
  return two_tailed_normal_cost(scaled_delta(first_length, second_in_first_units));
}

inline void LengthModel::costs(const double* first_lengths, const double* second_lengths, std::size_t count,
                               double* out) const {
  std::array<double, 32> scaled;
  std::size_t done = 0;
  while (done < count) {
    const std::size_t part = std::min(count - done, scaled.size());
    for (std::size_t k = 0; k < part; ++k) scaled[k] = second_lengths[done + k] / ratio;
    scaled_costs(first_lengths + done, scaled.data(), part, out + done);
    done += part;
  }
}

inline void LengthModel::scaled_costs(const double* first_lengths, const double* second_in_first_units,
                                      std::size_t count, double* out) const {
  std::size_t k = 0;
#if defined(__SSE2__)
  // delta() then |delta| / sqrt(2), lane by lane; where mean <= 0 delta() is
  // 0, so the lane's quotient (of a square root of a negative) is masked.
  const __m128d variance_lanes = _mm_set1_pd(variance);
  const __m128d two = _mm_set1_pd(2.0), zero = _mm_setzero_pd(), sign = _mm_set1_pd(-0.0);
  const __m128d sqrt2 = _mm_set1_pd(std::numbers::sqrt2);
  const __m128d end = _mm_set1_pd(length_cost_table::kEnd), steps = _mm_set1_pd(length_cost_table::kSteps);
  const double* table = length_cost_table::values.data();
  for (; k + 2 <= count; k += 2) {
    const __m128d first = _mm_loadu_pd(first_lengths + k);
    const __m128d second = _mm_loadu_pd(second_in_first_units + k);
    const __m128d mean = _mm_div_pd(_mm_add_pd(first, second), two);
    const __m128d delta = _mm_div_pd(_mm_sub_pd(second, first), _mm_sqrt_pd(_mm_mul_pd(variance_lanes, mean)));
    const __m128d x = _mm_div_pd(_mm_andnot_pd(sign, _mm_and_pd(_mm_cmpnle_pd(mean, zero), delta)), sqrt2);
    if (_mm_movemask_pd(_mm_cmplt_pd(x, end)) == 3) {
      // minus_log_erfc() of both lanes inside the table, the same operations.
      const __m128d position = _mm_mul_pd(x, steps);
      const __m128i index = _mm_cvttpd_epi32(position);
      const __m128d fraction = _mm_sub_pd(position, _mm_cvtepi32_pd(index));
      const __m128d first_pair = _mm_loadu_pd(table + _mm_cvtsi128_si32(index));
      const __m128d second_pair = _mm_loadu_pd(table + _mm_cvtsi128_si32(_mm_shuffle_epi32(index, 1)));
      const __m128d below = _mm_unpacklo_pd(first_pair, second_pair), above = _mm_unpackhi_pd(first_pair, second_pair);
      _mm_storeu_pd(out + k, _mm_add_pd(below, _mm_mul_pd(fraction, _mm_sub_pd(above, below))));
      continue;
    }
    alignas(16) double lanes[2];
    _mm_store_pd(lanes, x);
    out[k] = minus_log_erfc(lanes[0]);
    out[k + 1] = minus_log_erfc(lanes[1]);
  }
#endif
  for (; k < count; ++k) out[k] = scaled_cost(first_lengths[k], second_in_first_units[k]);
}

}  // namespace untm
