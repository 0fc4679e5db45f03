// Placeholder until the bundle subcommand lands.
#include "commands.h"

#include <fmt/format.h>

namespace untm::cli {

int run_bundle(const Arguments&) {
  fmt::print(stderr, "untm bundle: not built yet\n");
  return 2;
}

}  // namespace untm::cli
