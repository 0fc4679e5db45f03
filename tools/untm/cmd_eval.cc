// Placeholder until the eval subcommand lands.
#include "commands.h"

#include <fmt/format.h>

namespace untm::cli {

int run_eval(const Arguments&) {
  fmt::print(stderr, "untm eval: not built yet\n");
  return 2;
}

}  // namespace untm::cli
