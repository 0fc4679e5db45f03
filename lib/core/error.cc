#include "core/error.h"

#include <fmt/format.h>

namespace untm {

namespace {
std::string describe(const std::string& source, const std::string& message,
                     std::optional<std::uint64_t> offset) {
  if (offset) return fmt::format("{}: byte {}: {}", source, *offset, message);
  return fmt::format("{}: {}", source, message);
}
}  // namespace

SourcedError::SourcedError(std::string source, const std::string& message,
                           std::optional<std::uint64_t> offset)
    : std::runtime_error(describe(source, message, offset)),
      source_(std::move(source)),
      message_(message),
      offset_(offset) {}

}  // namespace untm
