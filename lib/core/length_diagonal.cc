#include "core/length_diagonal.h"

namespace untm {

std::vector<std::size_t> length_diagonal(std::span<const double> first_lengths,
                                         std::span<const double> second_lengths) {
  const std::size_t first_size = first_lengths.size();
  const std::size_t second_size = second_lengths.size();
  double first_total = 0, second_total = 0;
  for (double length : first_lengths) first_total += length;
  for (double length : second_lengths) second_total += length;
  std::vector<std::size_t> diagonal(first_size + 1, 0);
  if (first_total <= 0 || second_total <= 0) {
    for (std::size_t i = 0; i <= first_size; ++i) diagonal[i] = first_size == 0 ? 0 : i * second_size / first_size;
    return diagonal;
  }
  double first_cumulative = 0, second_cumulative = 0;
  std::size_t j = 0;
  for (std::size_t i = 0; i <= first_size; ++i) {
    if (i > 0) first_cumulative += first_lengths[i - 1];
    const double target = first_cumulative / first_total * second_total;
    while (j < second_size && second_cumulative + second_lengths[j] / 2 < target) second_cumulative += second_lengths[j++];
    diagonal[i] = j;
  }
  diagonal[first_size] = second_size;
  return diagonal;
}

}  // namespace untm
