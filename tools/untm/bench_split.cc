// Placeholder until the split benchmark lands.
#include "commands.h"

#include <fmt/format.h>

namespace untm::cli {

int run_bench_split(const Arguments&) {
  fmt::print(stderr, "untm bench split: not built yet\n");
  return 2;
}

}  // namespace untm::cli
