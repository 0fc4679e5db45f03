// untm bench align: speed and peak memory of the aligner on presplit inputs
// of 1k..1M sentences a side, built by concatenating the gold documents, and
// NLTK's Gale-Church (nltk.translate.gale_church.align_blocks, Debian
// python3-nltk) on the same lengths for the sizes it finishes, in the same
// run. Each measurement runs in a child process so that its peak RSS is its
// own.
#include <boost/program_options.hpp>
#include <fmt/format.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "align/aligner.h"
#include "bench_corpus.h"
#include "commands.h"
#include "option_values.h"
#include "core/error.h"
#include "file_io.h"

namespace untm::cli {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: untm bench align [--shared DIR] [--sizes N,N,...] [--nltk-timeout SECONDS]\n"
    "\n"
    "Builds presplit inputs of N Chinese sentences (and their English) by\n"
    "concatenating the documents of DIR/gold/*, aligns them, and prints processor\n"
    "and wall time, sentences per second and peak RSS per size, then runs NLTK's\n"
    "align_blocks on the same sentence lengths until a size does not finish in\n"
    "time, and prints the speed ratio (processor time).\n"
    "\n"
    "example:\n"
    "  untm bench align --shared ../shared --sizes 1000,10000,100000,1000000\n"
    "\n"
    "options";

struct Measurement {
  bool finished = false;
  double seconds = 0;      // wall-clock time
  double cpu_seconds = 0;  // user + system time: what other jobs on the machine do not inflate
  double peak_megabytes = 0;
};

// Runs `work` in a child process; its wall time (reported by the child) and
// the child's peak RSS.
template <typename Work>
Measurement measure_in_child(Work work) {
  int pipe_ends[2];
  if (pipe(pipe_ends) != 0) throw std::runtime_error("pipe failed");
  std::fflush(nullptr);
  const pid_t child = fork();
  if (child < 0) throw std::runtime_error("fork failed");
  if (child == 0) {
    close(pipe_ends[0]);
    double seconds = -1;
    try {
      seconds = work();
    } catch (...) {
      seconds = -1;
    }
    const ssize_t written = write(pipe_ends[1], &seconds, sizeof seconds);
    _exit(written == sizeof seconds ? 0 : 1);
  }
  close(pipe_ends[1]);
  double seconds = -1;
  const ssize_t got = read(pipe_ends[0], &seconds, sizeof seconds);
  close(pipe_ends[0]);
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  Measurement measurement;
  measurement.finished = got == sizeof seconds && seconds >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  measurement.seconds = seconds;
  measurement.peak_megabytes = static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB
  auto to_seconds = [](const timeval& time) { return static_cast<double>(time.tv_sec) + time.tv_usec / 1e6; };
  measurement.cpu_seconds = to_seconds(usage.ru_utime) + to_seconds(usage.ru_stime);
  return measurement;
}

// NLTK's align_blocks on the sentence lengths, in a python3 child limited in
// time and memory; the seconds it reports, or a failed measurement.
Measurement measure_nltk(const Corpus& corpus, int timeout_seconds, std::size_t memory_limit_kb) {
  const fs::path lengths_path = fs::temp_directory_path() / fmt::format("untm-bench-align-{}.txt", getpid());
  {
    std::string text;
    for (const auto* side : {&corpus.first, &corpus.second}) {
      for (const std::string& sentence : *side) {
        text += fmt::format("{} ", static_cast<long>(measure_length(sentence, LengthUnit::characters)));
      }
      text += '\n';
    }
    AtomicOutputFile file(lengths_path);
    file.write(text);
    file.commit();
  }
  const std::string script =
      "import sys, time\n"
      "from nltk.translate.gale_church import align_blocks\n"
      "lines = open(sys.argv[1]).read().split('\\n')\n"
      "first = [int(x) for x in lines[0].split()]\n"
      "second = [int(x) for x in lines[1].split()]\n"
      "sys.setrecursionlimit(100000)\n"
      "start, cpu_start = time.perf_counter(), time.process_time()\n"
      "align_blocks(first, second)\n"
      "import resource\n"
      "print(time.perf_counter() - start, time.process_time() - cpu_start,\n"
      "      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n";
  const std::string command = fmt::format("ulimit -v {}; timeout {} /usr/bin/python3 -c \"$UNTM_BENCH_SCRIPT\" {} 2>/dev/null",
                                          memory_limit_kb, timeout_seconds, lengths_path.string());
  // The script travels in the environment so that no quoting can break it.
  setenv("UNTM_BENCH_SCRIPT", script.c_str(), 1);
  Measurement measurement;
  std::FILE* pipe = popen(command.c_str(), "r");
  if (pipe != nullptr) {
    char buffer[128] = {};
    const bool got = std::fgets(buffer, sizeof buffer, pipe) != nullptr;
    const int status = pclose(pipe);
    double peak_kilobytes = 0;
    measurement.finished =
        got && status == 0 &&
        std::sscanf(buffer, "%lf %lf %lf", &measurement.seconds, &measurement.cpu_seconds, &peak_kilobytes) == 3;
    measurement.peak_megabytes = peak_kilobytes / 1024.0;
  }
  fs::remove(lengths_path);
  return measurement;
}

std::vector<std::size_t> parse_sizes(const std::string& text) {
  std::vector<std::size_t> sizes;
  std::istringstream stream(text);
  for (std::string item; std::getline(stream, item, ',');) {
    try {
      sizes.push_back(std::stoul(item));
    } catch (const std::exception&) {
      throw UsageError(fmt::format("--sizes: not a number: '{}'", item));
    }
    if (sizes.back() == 0) throw UsageError("--sizes: sizes must be positive");
  }
  return sizes;
}

// One row of the table: untm's and NLTK's figures for one input size.
void print_row(const Corpus& input, const Measurement& ours, const Measurement& nltk) {
  const double total_sentences = static_cast<double>(input.first.size() + input.second.size());
  auto figure = [](bool finished, double value, const char* format) {
    return finished ? fmt::format(fmt::runtime(format), value) : std::string("-");
  };
  fmt::print("{:<9} {:>9} | {:>8} {:>8} {:>11} {:>8} | {:>8} {:>8} {:>8} | {:>8}\n", input.first.size(),
             input.second.size(), figure(ours.finished, ours.cpu_seconds, "{:.2f}"),
             figure(ours.finished, ours.seconds, "{:.2f}"),
             figure(ours.finished, total_sentences / ours.cpu_seconds, "{:.0f}"),
             figure(true, ours.peak_megabytes, "{:.0f}"), figure(nltk.finished, nltk.cpu_seconds, "{:.2f}"),
             figure(nltk.finished, nltk.seconds, "{:.2f}"), figure(nltk.finished, nltk.peak_megabytes, "{:.0f}"),
             figure(nltk.finished && ours.finished, nltk.cpu_seconds / ours.cpu_seconds, "{:.1f}x"));
}

Measurement measure_untm(const Corpus& input) {
  return measure_in_child([&input]() {
    const auto start = std::chrono::steady_clock::now();
    const std::vector<Link> links = align_sentences(input.first, input.second, AlignOptions{});
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    return links.empty() ? -1.0 : elapsed.count();
  });
}

}  // namespace

int run_bench_align(const Arguments& args) {
  std::string shared = "../shared", sizes_text = "1000,10000,100000,1000000";
  int nltk_timeout = 120;
  std::size_t nltk_memory_mb = 4096;
  po::options_description visible(kUsage);
  visible.add_options()
      ("help,h", "show this help")
      ("shared", po::value(&shared)->default_value(shared), "folder holding gold/<set>/{zh,en}")
      ("sizes", po::value(&sizes_text)->default_value(sizes_text), "Chinese sentences per input, comma-separated")
      ("nltk-timeout", integer_value(nltk_timeout, "--nltk-timeout", 0, 86400)->default_value(shown_default(nltk_timeout)),
       "seconds NLTK may take per size (0: skip NLTK)")
      ("nltk-memory-mb", integer_value(nltk_memory_mb, "--nltk-memory-mb", 1, 1 << 24)->default_value(shown_default(nltk_memory_mb)), "address-space limit for NLTK");
  po::variables_map values;
  po::store(po::command_line_parser(args).options(visible).run(), values);
  po::notify(values);
  if (values.count("help")) {
    std::cout << visible << '\n';
    return 0;
  }
  const std::vector<std::size_t> sizes = parse_sizes(sizes_text);
  const std::vector<Corpus> gold = read_gold(shared);
  fmt::print("{} gold documents, concatenated (and repeated) into inputs of at least N Chinese sentences\n\n",
             gold.size());
  fmt::print("{:<9} {:>9} | {:>8} {:>8} {:>11} {:>8} | {:>8} {:>8} {:>8} | {:>8}\n", "zh sent.", "en sent.",
             "untm cpu", "wall s", "sent/cpu-s", "peak MB", "nltk cpu", "wall s", "peak MB", "speedup");
  bool nltk_gave_up = nltk_timeout <= 0;
  Measurement previous;
  std::size_t previous_size = 0;
  for (std::size_t size : sizes) {
    const Corpus input = concatenate(gold, size);
    const Measurement ours = measure_untm(input);
    Measurement nltk;
    if (!nltk_gave_up) {
      nltk = measure_nltk(input, nltk_timeout, nltk_memory_mb * 1024);
      nltk_gave_up = !nltk.finished;
    }
    print_row(input, ours, nltk);
    if (previous.finished && ours.finished && previous_size > 0) {
      fmt::print("  growth from {} to {} zh sentences ({:.1f}x): cpu time {:.1f}x, peak RSS {:.1f}x\n",
                 previous_size, input.first.size(),
                 static_cast<double>(input.first.size()) / static_cast<double>(previous_size),
                 ours.cpu_seconds / previous.cpu_seconds, ours.peak_megabytes / previous.peak_megabytes);
    }
    previous = ours;
    previous_size = input.first.size();
    std::fflush(stdout);
  }
  fmt::print("\nsent/cpu-s counts the sentences of both sides per second of processor time; speedup is NLTK's\n"
             "processor time over untm's. Peak MB includes the inputs held in memory. NLTK stops at the first\n"
             "size that does not finish within --nltk-timeout or --nltk-memory-mb (its search is quadratic).\n");
  return 0;
}

}  // namespace untm::cli
