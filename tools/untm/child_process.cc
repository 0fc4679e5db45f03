#include "child_process.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace untm::cli {
namespace {

double to_seconds(const timeval& time) {
  return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_usec) / 1e6;
}

// Everything `fd` gives until its end.
std::string read_all(int fd) {
  std::string text;
  char buffer[256];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got > 0) {
      text.append(buffer, static_cast<std::size_t>(got));
    } else if (got == 0 || errno != EINTR) {
      return text;
    }
  }
}

pid_t wait_for(pid_t child, int& status, rusage* usage) {
  pid_t got;
  while ((got = ::wait4(child, &status, 0, usage)) < 0 && errno == EINTR) {
  }
  return got;
}

}  // namespace

ChildRun run_child(const std::vector<std::string>& arguments, bool quiet) {
  int report[2];
  if (::pipe2(report, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  // The go-between's command line: this program, the report's descriptor,
  // then the command.
  const std::string self = self_path();
  const std::string report_fd = std::to_string(report[1]);
  std::vector<char*> argv = {const_cast<char*>(self.c_str()), const_cast<char*>(kMeasureChildCommand.data()),
                             const_cast<char*>(report_fd.c_str()), const_cast<char*>(quiet ? "1" : "0")};
  for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  std::fflush(nullptr);  // nothing buffered is written twice, by the child too
  const auto start = std::chrono::steady_clock::now();
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(report[0]);
    ::close(report[1]);
    throw std::runtime_error("fork failed");
  }
  if (child == 0) {
    // The report's write end must outlive exec; the read end must not.
    if (::fcntl(report[1], F_SETFD, 0) != 0) ::_exit(127);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(report[1]);
  const std::string text = read_all(report[0]);
  ::close(report[0]);
  int go_between_status = 0;
  if (wait_for(child, go_between_status, nullptr) != child) throw std::runtime_error("wait4 failed");
  ChildRun run;
  run.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  long long maxrss_kib = 0;
  double user = 0, system = 0;
  if (std::sscanf(text.c_str(), "%d %lf %lf %lld", &run.status, &user, &system, &maxrss_kib) != 4) {
    // The go-between could not run the command: as a child that could not exec.
    run.status = go_between_status;
    return run;
  }
  run.succeeded = WIFEXITED(run.status) && WEXITSTATUS(run.status) == 0;
  run.cpu_seconds = user + system;
  run.peak_megabytes = static_cast<double>(maxrss_kib) / 1024.0;  // ru_maxrss is in KiB on Linux
  return run;
}

std::string self_path() { return std::filesystem::read_symlink("/proc/self/exe").string(); }

int run_measure_child(int argc, char** argv) {
  if (argc < 5) {
    std::fputs("usage: untm __measure FD QUIET COMMAND... (untm runs it itself)\n", stderr);
    return 2;
  }
  const int report = std::atoi(argv[2]);
  const bool quiet = std::string_view(argv[3]) == "1";
  (void)::fcntl(report, F_SETFD, FD_CLOEXEC);  // the command never sees it
  const pid_t child = ::fork();
  if (child < 0) return 2;
  if (child == 0) {
    if (quiet && (std::freopen("/dev/null", "w", stdout) == nullptr ||
                  std::freopen("/dev/null", "w", stderr) == nullptr)) {
      ::_exit(127);
    }
    ::execv(argv[4], argv + 4);
    ::_exit(127);
  }
  int status = 0;
  rusage usage{};
  if (wait_for(child, status, &usage) != child) return 2;
  const std::string line = std::to_string(status) + ' ' + std::to_string(to_seconds(usage.ru_utime)) + ' ' +
                           std::to_string(to_seconds(usage.ru_stime)) + ' ' + std::to_string(usage.ru_maxrss) + '\n';
  return ::write(report, line.data(), line.size()) == static_cast<ssize_t>(line.size()) ? 0 : 2;
}

}  // namespace untm::cli
