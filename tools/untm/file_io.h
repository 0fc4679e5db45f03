#pragma once
// The tool's file layer (docs/STYLE.md: lib/ never touches files). Reading whole
// inputs, and writing outputs through a temporary file that is renamed into
// place only when complete, so a crash or a full disk never leaves a
// half-written file under the final name.

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

#include "pipeline/batch_storage.h"

namespace untm::cli {

// The bytes of `path` ("-" reads standard input). Throws InputError naming the
// file when it cannot be opened or read.
std::string read_file(const std::string& path);

// Writes `bytes` as the whole of `path` through an AtomicOutputFile.
void write_file(const std::filesystem::path& path, std::string_view bytes);

// A file written under a temporary name in the destination's folder and
// renamed to `path` by commit(). Destroying it uncommitted removes the
// temporary file. Write errors (disk full, ...) throw OutputError naming `path`.
// `path` "-" writes to standard output directly.
class AtomicOutputFile final : public pipeline::OutputSink {
 public:
  explicit AtomicOutputFile(std::filesystem::path path);
  AtomicOutputFile(const AtomicOutputFile&) = delete;
  AtomicOutputFile& operator=(const AtomicOutputFile&) = delete;
  ~AtomicOutputFile() override;

  void write(std::string_view bytes) override;
  // Flushes, syncs and renames into place. Throws on failure (and removes the
  // temporary file).
  void commit() override;

  const std::filesystem::path& path() const noexcept { return path_; }
  std::FILE* stream() noexcept { return stream_; }

 private:
  void fail(const std::string& what);

  std::filesystem::path path_;
  std::filesystem::path temporary_path_;
  std::FILE* stream_ = nullptr;
  bool to_stdout_ = false;
  bool committed_ = false;
};

}  // namespace untm::cli
