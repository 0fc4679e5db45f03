// Placeholder until the align subcommand lands.
#include "commands.h"

#include <fmt/format.h>

namespace untm::cli {

int run_align(const Arguments&) {
  fmt::print(stderr, "untm align: not built yet\n");
  return 2;
}

}  // namespace untm::cli
