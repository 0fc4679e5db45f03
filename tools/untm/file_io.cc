#include "file_io.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <sstream>

#include "core/error.h"

namespace untm::cli {

std::string read_file(const std::string& path) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return std::move(buffer).str();
  }
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) throw InputError(path, "is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, fmt::format("cannot open: {}", std::strerror(errno)));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw InputError(path, "read error");
  return bytes;
}

void write_file(const std::filesystem::path& path, std::string_view bytes) {
  AtomicOutputFile file(path);
  file.write(bytes);
  file.commit();
}

AtomicOutputFile::AtomicOutputFile(std::filesystem::path path) : path_(std::move(path)) {
  if (path_ == "-") {
    to_stdout_ = true;
    stream_ = stdout;
    return;
  }
  std::random_device seed;
  const auto suffix = fmt::format(".untm-tmp-{}-{:08x}", ::getpid(), seed());
  temporary_path_ = path_;
  temporary_path_ += suffix;
  // A special file such as /dev/full is written directly: it cannot be renamed
  // over, and it is where users test how we handle a full disk.
  std::error_code error;
  const auto status = std::filesystem::status(path_, error);
  if (!error && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    temporary_path_.clear();
    stream_ = std::fopen(path_.c_str(), "wb");
  } else {
    stream_ = std::fopen(temporary_path_.c_str(), "wb");
  }
  if (stream_ == nullptr) {
    throw OutputError(path_.string(), fmt::format("cannot create output: {}", std::strerror(errno)));
  }
}

AtomicOutputFile::~AtomicOutputFile() {
  if (to_stdout_ || committed_) return;
  if (stream_ != nullptr) std::fclose(stream_);
  if (!temporary_path_.empty()) {
    std::error_code ignored;
    std::filesystem::remove(temporary_path_, ignored);
  }
}

void AtomicOutputFile::fail(const std::string& what) {
  const int saved = errno;
  if (!to_stdout_) {
    if (stream_ != nullptr) std::fclose(stream_);
    stream_ = nullptr;
    if (!temporary_path_.empty()) {
      std::error_code ignored;
      std::filesystem::remove(temporary_path_, ignored);
    }
    committed_ = true;  // nothing left to clean up
  }
  throw OutputError(path_.string(), fmt::format("{}: {}", what, std::strerror(saved)));
}

void AtomicOutputFile::write(std::string_view bytes) {
  if (bytes.empty()) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), stream_) != bytes.size()) fail("write failed");
}

void AtomicOutputFile::commit() {
  if (committed_) return;
  if (std::fflush(stream_) != 0) fail("write failed");
  if (to_stdout_) {
    committed_ = true;
    return;
  }
  if (::fsync(::fileno(stream_)) != 0 && errno != EINVAL) fail("sync failed");
  if (std::fclose(stream_) != 0) {
    stream_ = nullptr;
    fail("close failed");
  }
  stream_ = nullptr;
  if (!temporary_path_.empty()) {
    std::error_code error;
    std::filesystem::rename(temporary_path_, path_, error);
    if (error) {
      errno = error.value();
      fail("cannot rename temporary file into place");
    }
  }
  committed_ = true;
}

}  // namespace untm::cli
