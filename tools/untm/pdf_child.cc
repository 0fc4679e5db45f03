#include "pdf_child.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <new>
#include <stdexcept>
#include <thread>

#include "child_process.h"
#include "core/error.h"
#include "read/block_wire.h"
#include "read/pdf.h"

extern char** environ;

namespace untm::cli {

namespace {

// The child's exit status when it ran out of memory (the limit, or the
// machine's): apart from 1 (an InputError) and 2 (a bug).
constexpr int kChildOutOfMemory = 3;

constexpr std::uint64_t kMiB = std::uint64_t{1} << 20;

// AddressSanitizer reserves terabytes of address space for its shadow, so a
// sanitizer build cannot run under RLIMIT_AS: its child has no memory limit.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressLimitWorks = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressLimitWorks = false;
#else
constexpr bool kAddressLimitWorks = true;
#endif
#else
constexpr bool kAddressLimitWorks = true;
#endif

std::uint64_t positive_integer(const Environment& environment, const char* name, std::uint64_t otherwise) {
  const char* text = environment(name);
  if (text == nullptr || *text == '\0') return otherwise;
  std::uint64_t value = 0;
  const std::string_view view(text);
  const auto [end, error] = std::from_chars(view.data(), view.data() + view.size(), value);
  if (error != std::errc{} || end != view.data() + view.size() || value == 0) {
    throw UsageError(fmt::format("{}='{}': not a positive whole number", name, view));
  }
  return value;
}

// A pipe whose ends are closed on exec, so that no other child (a batch
// reads two PDFs at once) inherits them and keeps them open.
struct Pipe {
  int read = -1, write = -1;
  Pipe() {
    int ends[2];
    if (::pipe2(ends, O_CLOEXEC) != 0) throw std::runtime_error(fmt::format("pipe: {}", std::strerror(errno)));
    read = ends[0];
    write = ends[1];
  }
  ~Pipe() {
    close_read();
    close_write();
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  void close_read() {
    if (read >= 0) ::close(read);
    read = -1;
  }
  void close_write() {
    if (write >= 0) ::close(write);
    write = -1;
  }
};

// Writes `bytes` to `fd` and closes it. Runs on its own thread while the
// caller drains the child's output, so that neither side waits on a full
// pipe. SIGPIPE is blocked on this thread: a child that died early makes
// write fail with EPIPE instead of killing untm.
void feed(int fd, std::string_view bytes) {
  sigset_t pipe_signal;
  sigemptyset(&pipe_signal);
  sigaddset(&pipe_signal, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_signal, nullptr);
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) break;  // the child is gone; its exit status says why
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  ::close(fd);
}

// Everything the child writes on stdout and stderr, until it closes both.
void drain(int out_fd, int err_fd, std::string& out, std::string& err) {
  std::array<pollfd, 2> fds{pollfd{out_fd, POLLIN, 0}, pollfd{err_fd, POLLIN, 0}};
  std::array<std::string*, 2> sinks{&out, &err};
  std::array<char, 1 << 16> chunk{};
  int open = 2;
  while (open > 0) {
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(fmt::format("poll: {}", std::strerror(errno)));
    }
    for (std::size_t k = 0; k < fds.size(); ++k) {
      if (fds[k].fd < 0 || fds[k].revents == 0) continue;
      const ssize_t got = ::read(fds[k].fd, chunk.data(), chunk.size());
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) {
        fds[k].fd = -1;
        --open;
        continue;
      }
      sinks[k]->append(chunk.data(), static_cast<std::size_t>(got));
    }
  }
}

pid_t spawn_child(const std::vector<std::string>& arguments, int in_fd, int out_fd, int err_fd) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_fd, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out_fd, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_fd, STDERR_FILENO);
  std::vector<char*> argv;
  for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  pid_t child = -1;
  const int error = ::posix_spawn(&child, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) throw std::runtime_error(fmt::format("cannot start {}: {}", argv[0], std::strerror(error)));
  return child;
}

// Sets a resource limit, never above the one the run already has (ulimit
// -t or -v on untm): only root may raise a hard limit.
bool lower_limit(int resource, rlim_t soft, rlim_t hard) {
  rlimit current{};
  if (::getrlimit(resource, &current) != 0) return false;
  const rlimit lowered{std::min(soft, current.rlim_cur), std::min(hard, current.rlim_max)};
  return ::setrlimit(resource, &lowered) == 0;
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// What the child's end means for the user.
std::vector<read::Block> outcome(int status, const std::string& out, const std::string& err,
                                 const std::string& source_name, const PdfChildLimits& limits) {
  const int signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  // poppler's allocator prints "Out of memory" and aborts; C++ code that
  // does not catch std::bad_alloc ends in std::terminate, which aborts too.
  const bool out_of_memory =
      (WIFEXITED(status) && WEXITSTATUS(status) == kChildOutOfMemory) ||
      (signal == SIGABRT && (err.find("Out of memory") != std::string::npos || err.find("bad_alloc") != std::string::npos));
  if (out_of_memory) {
    throw InputError(source_name, fmt::format("reading the PDF needed more than {} MiB of memory: refused as a "
                                              "possible decompression bomb (set UNTM_PDF_MEMORY_MB to allow more)",
                                              limits.memory_bytes / kMiB));
  }
  if (WIFEXITED(status)) {
    switch (WEXITSTATUS(status)) {
      case 0: return read::decode_blocks(out);
      case 1: throw InputError(source_name, trimmed(err));
      default: throw std::runtime_error(fmt::format("PDF reader child: {}", trimmed(err)));
    }
  }
  if (signal == SIGXCPU || signal == SIGKILL) {
    throw InputError(source_name,
                     fmt::format("reading the PDF took more than {} s of CPU time: refused as a possible "
                                 "decompression bomb (set UNTM_PDF_CPU_SECONDS to allow more)",
                                 limits.cpu_seconds));
  }
  throw InputError(source_name, fmt::format("the PDF reader (poppler) crashed on this file ({}): the PDF is "
                                            "damaged; export or download it again",
                                            signal != 0 ? strsignal(signal) : "unknown status"));
}

}  // namespace

PdfChildLimits pdf_child_limits(std::size_t pdf_bytes, const Environment& environment) {
  PdfChildLimits limits;
  limits.cpu_seconds = positive_integer(environment, "UNTM_PDF_CPU_SECONDS", 60 + 60 * (pdf_bytes / kMiB));
  limits.memory_bytes =
      positive_integer(environment, "UNTM_PDF_MEMORY_MB", (1024 * kMiB + 64 * std::uint64_t{pdf_bytes}) / kMiB) *
      kMiB;
  return limits;
}

std::vector<read::Block> read_pdf_in_child(std::string_view bytes, const std::string& source_name,
                                           const PdfChildLimits& limits) {
  Pipe in, out, err;
  const pid_t child =
      spawn_child({self_path(), std::string(kReadPdfChildCommand), source_name, std::to_string(limits.cpu_seconds),
                   std::to_string(limits.memory_bytes)},
                  in.read, out.write, err.write);
  in.close_read();
  out.close_write();
  err.close_write();
  std::thread feeder(feed, in.write, bytes);
  in.write = -1;  // feed closes it
  std::string child_out, child_err;
  try {
    drain(out.read, err.read, child_out, child_err);
  } catch (...) {
    ::kill(child, SIGKILL);
    feeder.join();
    ::waitpid(child, nullptr, 0);
    throw;
  }
  feeder.join();
  int status = 0;
  while (::waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error(fmt::format("waitpid: {}", std::strerror(errno)));
  }
  return outcome(status, child_out, child_err, source_name, limits);
}

int run_read_pdf_child(int argc, char** argv) {
  if (argc != 5) {
    std::fputs("usage: untm __read-pdf NAME CPU_SECONDS MEMORY_BYTES (untm runs it itself)\n", stderr);
    return 2;
  }
  const std::string source_name = argv[2];
  const rlim_t cpu = std::strtoull(argv[3], nullptr, 10);
  const rlim_t memory = std::strtoull(argv[4], nullptr, 10);
  // The soft CPU limit sends SIGXCPU; the hard one, a second later, SIGKILL.
  if (!lower_limit(RLIMIT_CPU, cpu, cpu + 1)) return 2;
  if (kAddressLimitWorks && memory != 0 && !lower_limit(RLIMIT_AS, memory, memory)) return 2;
  try {
    std::string bytes;
    std::array<char, 1 << 16> chunk{};
    for (std::size_t got; (got = std::fread(chunk.data(), 1, chunk.size(), stdin)) > 0;) bytes.append(chunk.data(), got);
    const std::string encoded = read::encode_blocks(read::read_pdf(bytes, source_name));
    bytes.clear();
    bytes.shrink_to_fit();
    if (std::fwrite(encoded.data(), 1, encoded.size(), stdout) != encoded.size() || std::fflush(stdout) != 0) {
      return 2;
    }
    return 0;
  } catch (const InputError& error) {
    std::fprintf(stderr, "%s\n", error.message().c_str());
    return 1;
  } catch (const std::bad_alloc&) {
    return kChildOutOfMemory;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "%s\n", error.what());
    return 2;
  }
}

}  // namespace untm::cli
