// Fuzz target for the link-file reader (lib/core/link): any bytes either
// parse or throw InputError; what parses formats back to text that parses to
// the same links, and the same lines read as indices agree with the links.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/error.h"
#include "core/link.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto links = untm::parse_links(text, "fuzz.align");
    const auto again = untm::parse_links(untm::format_links(links), "formatted");
    if (again != links) std::abort();
    if (untm::parse_link_indices(text, "fuzz.align") != untm::indices_of(links)) std::abort();
  } catch (const untm::InputError&) {
  }
  return 0;
}
