// `untm bench AREA [OPTIONS]`: benchmarks are a mode of the tool (docs/STYLE.md,
// after `zstd -b`). Each area prints its figures and the ratio against a
// baseline measured in the same run.
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "commands.h"
#include "core/error.h"

namespace untm::cli {

namespace {
struct BenchArea {
  std::string_view name;
  int (*run)(const Arguments&);
  std::string_view summary;
};
constexpr BenchArea kAreas[] = {
    {"split", run_bench_split, "sentence-boundary P/R/F1 on the gold sets and MB/s, against ICU alone"},
    {"align", run_bench_align, "alignment speed and memory at 10k..1M sentences, against NLTK"},
    {"bundle", run_bench_bundle, "bundle size and throughput against gzip -9 / zstd -19, random access"},
    {"batch", run_bench_batch, "batch documents/s, MB/s, peak RSS, -j2 against -j1"},
    {"read", run_bench_read, "reading speed of DOCX and text files: the reader alone and the whole front end"},
    {"calibration", run_bench_calibration, "confidence against gold: reliability, ECE, calibration fit, posterior pass time"},
    {"speed", run_bench_speed, "one block of K gold copies: Gale-Church anchor (numba), untm configurations, DP evals/s"},
    {"lexical", run_bench_lexical, "gold-set F1 per link type with dictionary/learned lexicon, speed against lengths only"},
};
void print_usage(std::FILE* out) {
  fmt::print(out, "usage: untm bench AREA [OPTIONS]\n\nareas:\n");
  for (const auto& area : kAreas) fmt::print(out, "  {:<11} {}\n", area.name, area.summary);
}
}  // namespace

std::string shared_data_folder(const std::string& option_value) {
  std::string folder = option_value;
  if (folder.empty()) {
    const char* from_environment = std::getenv("UNTM_SHARED_DIR");
    folder = from_environment != nullptr ? from_environment : "../shared";
  }
  std::error_code ignored;
  if (!std::filesystem::is_directory(std::filesystem::path(folder) / "gold", ignored)) {
    throw InputError(folder, "no gold/ folder here: give the shared data folder with --shared or UNTM_SHARED_DIR");
  }
  return folder;
}

int run_bench(const Arguments& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    print_usage(args.empty() ? stderr : stdout);
    return args.empty() ? 1 : 0;
  }
  for (const auto& area : kAreas) {
    if (area.name == args[0]) return area.run(Arguments(args.begin() + 1, args.end()));
  }
  throw UsageError(fmt::format("unknown benchmark area '{}'", args[0]));
}

}  // namespace untm::cli
