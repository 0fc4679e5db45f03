// Placeholder until the bundle benchmark lands.
#include "commands.h"

#include <fmt/format.h>

namespace untm::cli {

int run_bench_bundle(const Arguments&) {
  fmt::print(stderr, "untm bench bundle: not built yet\n");
  return 2;
}

}  // namespace untm::cli
