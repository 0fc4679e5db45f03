// Placeholder until the batch subcommand lands.
#include "commands.h"

#include <fmt/format.h>

namespace untm::cli {

int run_batch(const Arguments&) {
  fmt::print(stderr, "untm batch: not built yet\n");
  return 2;
}

}  // namespace untm::cli
