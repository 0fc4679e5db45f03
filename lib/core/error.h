#pragma once
// Errors that cross the library boundary. The library throws; the tool turns
// an error into one message on stderr and an exit code. The kinds are apart
// because the user's remedy differs (docs/ARCHITECTURE.md, "Errors and exit
// codes"): fix the input (InputError), fix the command line (UsageError), or
// fix where the output goes: space, permissions (OutputError). Anything else
// that escapes is an internal error.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace untm {

// A fault tied to a named thing: a file name, "-" for stdin/stdout, or a
// document id, and where known the byte offset of the problem.
class SourcedError : public std::runtime_error {
 public:
  SourcedError(std::string source, const std::string& message, std::optional<std::uint64_t> offset = std::nullopt);

  const std::string& source() const noexcept { return source_; }
  std::optional<std::uint64_t> offset() const noexcept { return offset_; }
  // The bare cause, without source and offset.
  const std::string& message() const noexcept { return message_; }

 private:
  std::string source_;
  std::string message_;
  std::optional<std::uint64_t> offset_;
};

// Bad input: a file's content, a missing or unreadable file.
class InputError : public SourcedError {
 public:
  using SourcedError::SourcedError;
};

// An output that cannot be created, written, synced or renamed (a full disk,
// a read-only folder); the source names the output.
class OutputError : public SourcedError {
 public:
  using SourcedError::SourcedError;
};

// A bad command line or option value. The library throws it when it
// validates options; the tool adds which flag carried the value.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace untm
