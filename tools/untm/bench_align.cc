// Placeholder until the align benchmark lands.
#include "commands.h"

#include <fmt/format.h>

namespace untm::cli {

int run_bench_align(const Arguments&) {
  fmt::print(stderr, "untm bench align: not built yet\n");
  return 2;
}

}  // namespace untm::cli
