// Placeholder until the batch benchmark lands.
#include "commands.h"

#include <fmt/format.h>

namespace untm::cli {

int run_bench_batch(const Arguments&) {
  fmt::print(stderr, "untm bench batch: not built yet\n");
  return 2;
}

}  // namespace untm::cli
