#pragma once
// The benchmarks run untm (or the Python anchor) as child processes, so that
// each configuration's time and peak memory are its own: one fork/exec and
// getrusage for all of them.

#include <string>
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

}  // namespace untm::cli
