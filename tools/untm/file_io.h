#pragma once
// The tool's file layer (docs/STYLE.md: lib/ never touches files). Reading whole
// inputs, and writing outputs through a temporary file that is renamed into
// place only when complete, so a crash or a full disk never leaves a
// half-written file under the final name.

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

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
  // Flushes, syncs and closes the temporary file without renaming it, so that
  // commit_both() can rename two files only once both are complete.
  void finish_writing();

  const std::filesystem::path& path() const noexcept { return path_; }
  std::FILE* stream() noexcept { return stream_; }

 private:
  friend void commit_both(AtomicOutputFile& first, AtomicOutputFile& second);
  void fail(const std::string& what);
  void remove_temporary() noexcept;

  std::filesystem::path path_;
  // Where the rename lands: path_ itself, or the file a symlink path_ points
  // to (writing through the link, never replacing it by a regular file).
  std::filesystem::path target_;
  std::filesystem::path temporary_path_;
  std::FILE* stream_ = nullptr;
  bool to_stdout_ = false;
  bool committed_ = false;
};

// Commits the two files of a pair (the Moses .zh/.en files) so that both are
// replaced or neither: a failure renaming the second puts the first file's old
// content back (or removes it when it did not exist) before throwing.
void commit_both(AtomicOutputFile& first, AtomicOutputFile& second);

// The files one run reads and writes, declared by a command once its options
// are parsed, and checked by check() before any work (issue #10: no output may
// destroy an input or another output of the same run). `role` names the file
// in messages: the option ("--links"), or what it is ("FIRST_FILE").
class RunFiles {
 public:
  void input(std::string role, const std::filesystem::path& path);
  void output(std::string role, const std::filesystem::path& path);
  // A folder the run writes files into (--links-dir); check() creates it.
  void output_folder(std::string role, const std::filesystem::path& path);

  // Throws UsageError when an output is the same file as an input or another
  // output, compared by identity (device and inode after `.`, `..`, symlinks
  // and hard links; the resolved folder and name for a file not there yet).
  // Then throws OutputError when an output cannot be written: it is a folder,
  // its folder is missing or refuses a new file. "-" (standard input or
  // output) is not a file here, and a missing input is left to its reader.
  void check() const;

 private:
  enum class Kind { input, output, folder };
  struct Entry {
    std::string role;
    std::filesystem::path path;
    Kind kind;
  };
  std::vector<Entry> entries_;
};

}  // namespace untm::cli
