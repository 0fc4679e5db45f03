#pragma once
// The subcommands of `untm`. Each lives in its own file (cmd_<name>.cc), parses
// its own options with Boost.Program_options, prints its own usage, and calls
// into lib/. `args` excludes the program and subcommand names.
// Return value: the exit code (exit_codes.h); they may also throw, and main()
// turns the exception into a message and its exit code.

#include <string>
#include <vector>

#include "core/error.h"

namespace untm::cli {

using Arguments = std::vector<std::string>;

int run_split(const Arguments& args);
int run_align(const Arguments& args);
int run_eval(const Arguments& args);
int run_bundle(const Arguments& args);
int run_batch(const Arguments& args);
int run_bench(const Arguments& args);

// `untm bench AREA ...`: each area's benchmark lives in bench_<area>.cc.
int run_bench_split(const Arguments& args);
int run_bench_align(const Arguments& args);
int run_bench_bundle(const Arguments& args);
int run_bench_batch(const Arguments& args);
int run_bench_read(const Arguments& args);

// The shared data folder a benchmark reads: its --shared value if given, else
// $UNTM_SHARED_DIR, else ../shared (where CI and the sessions keep it).
// Throws InputError naming the folder when it holds no gold/ sets.
std::string shared_data_folder(const std::string& option_value);
int run_bench_lexical(const Arguments& args);
int run_bench_calibration(const Arguments& args);
int run_bench_speed(const Arguments& args);

// Thrown for a bad command line; main() prints it with the usage hint. It
// lives in lib/core so that the library's option checks can throw it too.
using untm::UsageError;

}  // namespace untm::cli
