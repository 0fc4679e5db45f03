#pragma once
// The benchmarks run untm (or the Python anchor) as child processes, so that
// each configuration's time and peak memory are its own: one fork/exec and
// getrusage for all of them.
//
// A process's peak RSS (ru_maxrss) counts the pages it had before exec, and
// a forked child starts with its parent's: a benchmark holding a corpus
// would see its own size in every child's figure. So the child is started
// through a fresh copy of untm (`untm __measure`), which holds next to
// nothing, forks the command from there, and reports its rusage back.

#include <string>
#include <string_view>
#include <vector>

namespace untm::cli {

struct ChildRun {
  bool succeeded = false;  // exited with status 0
  int status = 0;          // as waitpid(2) gives it
  double wall_seconds = 0, cpu_seconds = 0, peak_megabytes = 0;
};

// Runs `arguments` (argv[0] a path) and waits for it. `quiet` sends its
// stdout and stderr to /dev/null. Throws only when it cannot be started.
ChildRun run_child(const std::vector<std::string>& arguments, bool quiet = false);

// This program's own path (/proc/self/exe), to run untm itself as a child.
std::string self_path();

// The go-between's side: `untm __measure FD QUIET COMMAND...` runs COMMAND,
// waits for it, and writes "STATUS USER_SECONDS SYSTEM_SECONDS MAXRSS_KIB\n"
// to the file descriptor FD. Returns its own exit status.
inline constexpr std::string_view kMeasureChildCommand = "__measure";
int run_measure_child(int argc, char** argv);

}  // namespace untm::cli
