// Placeholder until the split subcommand lands.
#include "commands.h"

#include <fmt/format.h>

namespace untm::cli {

int run_split(const Arguments&) {
  fmt::print(stderr, "untm split: not built yet\n");
  return 2;
}

}  // namespace untm::cli
