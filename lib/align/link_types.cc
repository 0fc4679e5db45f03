#include "align/link_types.h"

#include <cmath>
#include <numeric>

namespace untm {

std::span<const LinkType> default_link_types() {
  static constexpr LinkType kTypes[] = {{0, 1}, {1, 0}, {1, 1}, {1, 2}, {2, 1}, {2, 2}, {1, 3},
                                        {3, 1}, {2, 3}, {3, 2}, {1, 4}, {4, 1}, {1, 5}, {5, 1}};
  return kTypes;
}

std::vector<double> initial_link_priors(std::span<const LinkType> types) {
  std::vector<double> priors;
  for (const LinkType& type : types) {
    const std::size_t total = type.first_count + type.second_count;
    double weight = 0;
    if (type.first_count == 0 || type.second_count == 0) {
      weight = 0.01;  // a sentence left untranslated
    } else {
      // 1-1 weighs 1, 1-2 and 2-1 0.15, and every further sentence in the
      // link divides by 4.
      weight = total == 2 ? 1.0 : 0.15 * std::pow(0.25, static_cast<double>(total - 3));
    }
    priors.push_back(weight);
  }
  const double sum = std::accumulate(priors.begin(), priors.end(), 0.0);
  for (double& prior : priors) prior /= sum;
  return priors;
}

bool is_many_to_many(const LinkType& type) { return type.first_count >= 2 && type.second_count >= 2; }

std::vector<double> estimate_link_priors(std::span<const LinkType> types, std::span<const std::size_t> counts,
                                         std::span<const double> base, double smoothing) {
  const double total = static_cast<double>(std::accumulate(counts.begin(), counts.end(), std::size_t{0}));
  std::vector<double> priors(counts.size());
  double free_mass = 1.0, estimated_mass = 0.0;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    if (is_many_to_many(types[k])) {
      priors[k] = base[k];
      free_mass -= base[k];
    } else {
      priors[k] = (static_cast<double>(counts[k]) + smoothing * base[k]) / (total + smoothing);
      estimated_mass += priors[k];
    }
  }
  for (std::size_t k = 0; k < counts.size(); ++k) {
    if (!is_many_to_many(types[k])) priors[k] *= free_mass / estimated_mass;
  }
  return priors;
}

}  // namespace untm
