#pragma once
// Errors that cross the library boundary. The library throws; the tool turns
// an error into one message on stderr and an exit code (DESIGN.md: 1 for bad
// input or usage, 2 for internal errors).

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace untm {

// Bad input: names the source (a file name, "-" for stdin, or a document id)
// and, where known, the byte offset of the problem.
class InputError : public std::runtime_error {
 public:
  InputError(std::string source, const std::string& message,
             std::optional<std::uint64_t> offset = std::nullopt);

  const std::string& source() const noexcept { return source_; }
  std::optional<std::uint64_t> offset() const noexcept { return offset_; }
  // The bare cause, without source and offset.
  const std::string& message() const noexcept { return message_; }

 private:
  std::string source_;
  std::string message_;
  std::optional<std::uint64_t> offset_;
};

}  // namespace untm
