#include "file_io.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <utility>
#include <atomic>
#include <csignal>
#include <mutex>
#include <fcntl.h>
#include <sys/stat.h>
#include <set>
#include <unordered_map>
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

namespace {

// Live temporary files, unlinked by the signal handler when SIGINT, SIGTERM or
// SIGHUP ends the run, so an interrupted run leaves no .untm-tmp-* behind. Fixed
// storage and lock-free states because a signal handler may only use
// async-signal-safe calls (unlink, signal, raise) and must not allocate.
constexpr std::size_t kMaxTemporaries = 256;
constexpr std::size_t kMaxPathBytes = 4096;
enum SlotState : int { kFree = 0, kFilling = 1, kLive = 2 };
struct TemporarySlot {
  std::atomic<int> state{kFree};
  char path[kMaxPathBytes];
};
TemporarySlot g_temporaries[kMaxTemporaries];

extern "C" void remove_temporaries_and_reraise(int signal_number) {
  for (auto& slot : g_temporaries) {
    if (slot.state.load() == kLive) ::unlink(slot.path);
  }
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

void install_signal_handlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
      struct sigaction current {};
      // A signal ignored by the caller (nohup) stays ignored.
      if (::sigaction(signal_number, nullptr, &current) == 0 && current.sa_handler == SIG_IGN) continue;
      struct sigaction action {};
      action.sa_handler = remove_temporaries_and_reraise;
      sigemptyset(&action.sa_mask);
      ::sigaction(signal_number, &action, nullptr);
    }
  });
}

// Returns the slot holding `path`, or nullptr when the registry is full or the
// path too long (the file is then only removed by the normal paths).
TemporarySlot* register_temporary(const std::filesystem::path& path) {
  install_signal_handlers();
  const std::string& name = path.native();
  if (name.size() >= kMaxPathBytes) return nullptr;
  for (auto& slot : g_temporaries) {
    int expected = kFree;
    if (!slot.state.compare_exchange_strong(expected, kFilling)) continue;
    std::memcpy(slot.path, name.c_str(), name.size() + 1);
    slot.state.store(kLive);
    return &slot;
  }
  return nullptr;
}

void unregister_temporary(const std::filesystem::path& path) {
  for (auto& slot : g_temporaries) {
    if (slot.state.load() == kLive && path.native() == slot.path) {
      slot.state.store(kFree);
      return;
    }
  }
}

std::filesystem::path temporary_name_beside(const std::filesystem::path& path, std::string_view kind) {
  std::random_device seed;
  std::filesystem::path temporary = path;
  temporary += fmt::format(".untm-{}-{}-{:08x}", kind, ::getpid(), seed());
  return temporary;
}

// The file an output path names: a symlink resolves to its target (existing
// or not), so the output is written through the link.
std::filesystem::path resolve_output(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::is_symlink(path, error)) return path;
  const auto resolved = std::filesystem::weakly_canonical(path, error);
  return error ? path : resolved;
}

}  // namespace

AtomicOutputFile::AtomicOutputFile(std::filesystem::path path) : path_(std::move(path)) {
  if (path_ == "-") {
    to_stdout_ = true;
    stream_ = stdout;
    return;
  }
  target_ = resolve_output(path_);
  // A special file such as /dev/full is written directly: it cannot be renamed
  // over, and it is where users test how we handle a full disk.
  struct stat existing {};
  const bool exists = ::stat(target_.c_str(), &existing) == 0;
  if (exists && !S_ISREG(existing.st_mode)) {
    stream_ = std::fopen(target_.c_str(), "wb");
  } else {
    temporary_path_ = temporary_name_beside(target_, "tmp");
    register_temporary(temporary_path_);
    stream_ = std::fopen(temporary_path_.c_str(), "wb");
    // Replacing a file keeps its permissions (a private file stays private).
    if (stream_ != nullptr && exists) ::fchmod(::fileno(stream_), existing.st_mode & 07777);
  }
  if (stream_ == nullptr) {
    const int saved = errno;
    remove_temporary();
    throw OutputError(path_.string(), fmt::format("cannot create output: {}", std::strerror(saved)));
  }
}

AtomicOutputFile::~AtomicOutputFile() {
  if (to_stdout_ || committed_) return;
  if (stream_ != nullptr) std::fclose(stream_);
  remove_temporary();
}

void AtomicOutputFile::remove_temporary() noexcept {
  if (temporary_path_.empty()) return;
  std::error_code ignored;
  std::filesystem::remove(temporary_path_, ignored);
  unregister_temporary(temporary_path_);
}

void AtomicOutputFile::fail(const std::string& what) {
  const int saved = errno;
  if (!to_stdout_) {
    if (stream_ != nullptr) std::fclose(stream_);
    stream_ = nullptr;
    remove_temporary();
    committed_ = true;  // nothing left to clean up
  }
  throw OutputError(path_.string(), fmt::format("{}: {}", what, std::strerror(saved)));
}

void AtomicOutputFile::write(std::string_view bytes) {
  if (bytes.empty()) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), stream_) != bytes.size()) fail("write failed");
}

void AtomicOutputFile::finish_writing() {
  if (committed_ || stream_ == nullptr) return;
  if (std::fflush(stream_) != 0) fail("write failed");
  if (to_stdout_) return;
  if (::fsync(::fileno(stream_)) != 0 && errno != EINVAL) fail("sync failed");
  std::FILE* stream = std::exchange(stream_, nullptr);
  if (std::fclose(stream) != 0) fail("close failed");
}

void AtomicOutputFile::commit() {
  if (committed_) return;
  finish_writing();
  if (!to_stdout_ && !temporary_path_.empty()) {
    if (::rename(temporary_path_.c_str(), target_.c_str()) != 0) fail("cannot rename temporary file into place");
    unregister_temporary(temporary_path_);
  }
  committed_ = true;
}

void commit_both(AtomicOutputFile& first, AtomicOutputFile& second) {
  first.finish_writing();
  second.finish_writing();
  if (first.to_stdout_ || first.temporary_path_.empty() || second.committed_) {
    first.commit();
    second.commit();
    return;
  }
  // A hard link keeps the first file's old content until the second is in place.
  const auto backup = temporary_name_beside(first.target_, "tmp-backup");
  register_temporary(backup);
  const bool had_old = ::link(first.target_.c_str(), backup.c_str()) == 0;
  if (!had_old && errno != ENOENT) {
    unregister_temporary(backup);
    first.fail("cannot keep the previous file while replacing the pair");
  }
  const auto drop_backup = [&] {
    if (had_old) ::unlink(backup.c_str());
    unregister_temporary(backup);
  };
  if (::rename(first.temporary_path_.c_str(), first.target_.c_str()) != 0) {
    const int saved = errno;
    drop_backup();
    errno = saved;
    first.fail("cannot rename temporary file into place");
  }
  unregister_temporary(first.temporary_path_);
  first.committed_ = true;
  if (::rename(second.temporary_path_.c_str(), second.target_.c_str()) != 0) {
    const int saved = errno;
    if (had_old) {
      ::rename(backup.c_str(), first.target_.c_str());
    } else {
      ::unlink(first.target_.c_str());
    }
    drop_backup();
    errno = saved;
    second.fail("cannot rename temporary file into place (neither file was replaced)");
  }
  unregister_temporary(second.temporary_path_);
  second.committed_ = true;
  drop_backup();
}

namespace {

// What makes two paths one file: the device and inode of an existing file,
// else the absolute path with its existing folders resolved. Empty for a
// device or a pipe (/dev/stdout and /dev/stderr may well be one terminal).
std::string file_identity(const std::filesystem::path& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) == 0) {
    if (!S_ISREG(status.st_mode) && !S_ISDIR(status.st_mode)) return "";
    return fmt::format("inode {}:{}", status.st_dev, status.st_ino);
  }
  std::error_code error;
  const std::filesystem::path absolute = std::filesystem::absolute(resolve_output(path), error).lexically_normal();
  const std::filesystem::path resolved = std::filesystem::weakly_canonical(absolute, error);
  return "path " + (error ? absolute : resolved).string();
}

// Creates (and removes) a file in `folder`: the only test of "can write here"
// that holds for root, read-only mounts and ACLs alike.
void probe_folder(const std::filesystem::path& folder, const std::filesystem::path& output) {
  const auto probe = temporary_name_beside(folder / ".untm-probe", "tmp");
  const int descriptor = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (descriptor < 0) {
    throw OutputError(output.string(), fmt::format("cannot write in folder '{}': {}", folder.string(),
                                                   std::strerror(errno)));
  }
  ::close(descriptor);
  ::unlink(probe.c_str());
}

// `probed`: folders already known to take a new file (a batch declares a link
// file per document, all in one folder).
void check_writable_file(const std::filesystem::path& path, std::set<std::filesystem::path>& probed) {
  const std::filesystem::path target = resolve_output(path);
  std::error_code error;
  const auto status = std::filesystem::status(target, error);
  if (std::filesystem::is_directory(status)) throw OutputError(path.string(), "is a folder, not a file");
  // A device or a pipe (/dev/null, /dev/stdout) is written directly.
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) return;
  std::filesystem::path folder = target.parent_path();
  if (folder.empty()) folder = ".";
  if (!std::filesystem::is_directory(folder, error)) {
    throw OutputError(path.string(), fmt::format("cannot create output: folder '{}' does not exist", folder.string()));
  }
  if (probed.insert(folder).second) probe_folder(folder, path);
}

void check_writable_folder(const std::filesystem::path& folder) {
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (!error && !std::filesystem::is_directory(folder, error)) error = std::make_error_code(std::errc::not_a_directory);
  if (error) throw OutputError(folder.string(), "cannot create folder: " + error.message());
  probe_folder(folder, folder);
}

}  // namespace

void RunFiles::input(std::string role, const std::filesystem::path& path) {
  entries_.push_back({std::move(role), path, Kind::input});
}

void RunFiles::output(std::string role, const std::filesystem::path& path) {
  entries_.push_back({std::move(role), path, Kind::output});
}

void RunFiles::output_folder(std::string role, const std::filesystem::path& path) {
  entries_.push_back({std::move(role), path, Kind::folder});
}

void RunFiles::check() const {
  // A map, not all pairs: a batch declares two inputs and a link file per document.
  std::unordered_map<std::string, const Entry*> seen;
  for (const Entry& entry : entries_) {
    if (entry.path.empty() || entry.path == "-") continue;
    std::error_code error;
    if (entry.kind == Kind::input && !std::filesystem::exists(entry.path, error)) continue;
    std::string identity = file_identity(entry.path);
    if (identity.empty()) continue;
    const auto [found, inserted] = seen.emplace(std::move(identity), &entry);
    const Entry& earlier = *found->second;
    if (inserted || (entry.kind == Kind::input && earlier.kind == Kind::input)) continue;
    const Entry& output = entry.kind == Kind::input ? earlier : entry;
    const Entry& other = entry.kind == Kind::input ? entry : earlier;
    throw UsageError(fmt::format("{} '{}' is the same file as {} '{}': refusing to overwrite it", output.role,
                                 output.path.string(), other.role, other.path.string()));
  }
  // Folders first: the files declared inside them need them to exist.
  std::set<std::filesystem::path> probed;
  for (const Entry& entry : entries_) {
    if (entry.kind == Kind::folder && !entry.path.empty()) {
      check_writable_folder(entry.path);
      probed.insert(entry.path);
    }
  }
  for (const Entry& entry : entries_) {
    if (entry.kind == Kind::output && !entry.path.empty() && entry.path != "-") check_writable_file(entry.path, probed);
  }
}

}  // namespace untm::cli
