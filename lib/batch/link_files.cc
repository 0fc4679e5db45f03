#include "batch/link_files.h"

#include <fmt/format.h>

#include "core/hash.h"

namespace untm::batch {

namespace {

constexpr std::size_t kMaxNameBytes = 200;
constexpr std::size_t kKeptBytesOfLongName = 180;

bool needs_escape(unsigned char byte, bool first) {
  return byte < 0x20 || byte == 0x7f || byte == '/' || byte == '\\' || byte == '%' || byte == '~' ||
         (first && byte == '.');
}

}  // namespace

std::string link_file_name(std::string_view id) {
  // An empty id becomes "%", which no escaped id can be ('%' is always
  // followed by two hex digits).
  if (id.empty()) return "%.align";
  std::string name;
  for (std::size_t k = 0; k < id.size(); ++k) {
    const auto byte = static_cast<unsigned char>(id[k]);
    if (needs_escape(byte, k == 0)) {
      name += fmt::format("%{:02X}", byte);
    } else {
      name += static_cast<char>(byte);
    }
  }
  if (name.size() > kMaxNameBytes) {
    // '~' is escaped in ids, so a shortened name cannot be another id's name.
    std::size_t keep = kKeptBytesOfLongName;
    // Never cut through a %XX escape.
    if (name[keep - 1] == '%') keep -= 1;
    if (name[keep - 2] == '%') keep -= 2;
    // Nor through a UTF-8 sequence.
    while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80) --keep;
    name = fmt::format("{}~{:016x}", name.substr(0, keep), fnv1a64(id));
  }
  return name + ".align";
}

}  // namespace untm::batch
