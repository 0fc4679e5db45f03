#pragma once
// Timing for `untm bench`: the best of several runs, in processor time.

#include <algorithm>
#include <ctime>

namespace untm::cli {

template <typename Work>
double best_seconds(int repeats, Work&& work) {
  double best = 1e300;
  for (int repeat = 0; repeat < repeats; ++repeat) {
    // Processor time, not wall time: the figures stay comparable on a
    // machine shared with other jobs.
    const std::clock_t start = std::clock();
    work();
    best = std::min(best, static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC);
  }
  return best;
}

}  // namespace untm::cli
