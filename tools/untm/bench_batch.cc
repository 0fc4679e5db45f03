// `untm bench batch --corpus DIR`: corpus-scale throughput of `untm batch` on
// the corpus scripts/make-bench-corpus.py builds. Each measurement runs the
// real `untm batch` in a child process, so that its peak RSS (wait4) belongs
// to that run alone. Figures: documents/s, MB/s, peak RSS at a small and a
// large prefix of the manifest (RSS must not grow with the number of
// documents), and -j2 against the -j1 baseline on a shorter prefix (so that
// the whole benchmark stays within minutes on a shared 2-core machine).
#include <boost/program_options.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

#include "batch/manifest.h"
#include "bundle/reader.h"
#include "child_process.h"
#include "commands.h"
#include "option_values.h"
#include "core/error.h"
#include "file_io.h"

namespace untm::cli {

namespace {

namespace po = boost::program_options;

// The UN Parallel Corpus v1.0 (Ziemski et al., LREC 2016), English-Chinese:
// its statistics page (conferences.unite.un.org/uncorpus) gives 91,028
// document pairs and 15,886,041 aligned sentence pairs.
constexpr double kUnpcDocumentPairs = 91028;
constexpr double kUnpcSentencePairs = 15886041;

struct RunFigures {
  std::size_t documents = 0;
  unsigned threads = 0;
  double seconds = 0;
  double input_megabytes = 0;
  double peak_rss_megabytes = 0;
  double cpu_seconds = 0;
  double documents_per_second() const { return documents / seconds; }
  double megabytes_per_second() const { return input_megabytes / seconds; }
};

// Writes the first `count` pairs of `documents` as a manifest with absolute
// paths; returns its raw text size in MB.
double write_prefix_manifest(const std::vector<batch::DocumentPair>& documents, std::size_t count,
                             const std::filesystem::path& path) {
  std::string text;
  double bytes = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const auto& pair = documents[i];
    text += fmt::format("{}\t{}\t{}\n", pair.id, pair.first_path, pair.second_path);
    bytes += static_cast<double>(std::filesystem::file_size(pair.first_path) +
                                 std::filesystem::file_size(pair.second_path));
  }
  AtomicOutputFile out(path);
  out.write(text);
  out.commit();
  return bytes / 1e6;
}

struct BatchBench {
  std::string corpus;
  std::size_t small = 1000;
  std::size_t large = 5000;
  std::size_t speedup = 300;
  bool learn = false;
  std::string dictionary;
};

// One `untm batch` child: learning as `learn` says, then `extra` arguments.
RunFigures run_batch_child(const BatchBench& bench, const std::filesystem::path& manifest,
                           const std::filesystem::path& output, std::size_t documents, double megabytes,
                           unsigned threads, bool learn, const std::vector<std::string>& extra) {
  std::vector<std::string> arguments = {self_path(), "batch", manifest.string(), "-o", output.string(), "-j",
                                        std::to_string(threads), "-q", "--date", "20000101T000000Z"};
  if (!learn) arguments.push_back("--no-learn");
  arguments.insert(arguments.end(), extra.begin(), extra.end());
  // Without --dictionary FILE the runs use none, not whatever one is installed:
  // the figures say what was measured.
  if (bench.dictionary.empty()) {
    arguments.push_back("--no-dictionary");
  } else {
    arguments.insert(arguments.end(), {"--dictionary", bench.dictionary});
  }
  const ChildRun run = run_child(arguments);
  if (!run.succeeded) {
    throw std::runtime_error(fmt::format("untm batch -j {} on {} documents failed (status {})", threads,
                                         documents, run.status));
  }
  return {documents, threads, run.wall_seconds, megabytes, run.peak_megabytes, run.cpu_seconds};
}

void print_run(const std::string& label, const RunFigures& run) {
  fmt::print("{:<22} {:>6} docs {:>8.1f} MB {:>8.1f} s {:>8.1f} cpu-s {:>8.1f} docs/s {:>7.2f} MB/s {:>8.1f} MB peak "
             "RSS\n",
             label, run.documents, run.input_megabytes, run.seconds, run.cpu_seconds, run.documents_per_second(),
             run.megabytes_per_second(), run.peak_rss_megabytes);
  std::fflush(stdout);  // each run takes minutes: show it when it is done
}

// Parses the command line; nullopt after printing the help.
std::optional<BatchBench> parse_batch_bench(const Arguments& args) {
  BatchBench bench;
  po::options_description options(
      "usage: untm bench batch --corpus DIR [--speedup N] [--small N] [--large N] [--learn] [--dictionary FILE]\n\n"
      "Runs 'untm batch' on the first N pairs of DIR/manifest.tsv: the speedup prefix at -j1\n"
      "(baseline) and -j2, the small and large prefixes at -j2; prints documents/s, MB/s, peak RSS,\n"
      "the -j2 speedup, the RSS growth from small to large and an extrapolation to the UN Parallel\n"
      "Corpus zh-en (91,028 document pairs, 15,886,041 sentence pairs). With --learn the large prefix\n"
      "runs again with the learned lexicon and --no-learn: the extrapolation counts learning once\n"
      "(its budget fixes its cost) and scales that run's sentence pairs per second.\n"
      "Build the corpus first (minutes; never commit it):\n"
      "  scripts/make-bench-corpus.py /tmp/untm-bench-corpus --documents 5000\n"
      "Example (untm batch's default configuration: learning and the dictionary):\n"
      "  untm bench batch --corpus /tmp/untm-bench-corpus --learn \\\n"
      "    --dictionary ~/.local/share/untm/cedict_ts.u8\n\nOptions");
  options.add_options()("help,h", "show this help")(
      "corpus", po::value(&bench.corpus)->value_name("DIR"), "folder written by scripts/make-bench-corpus.py")(
      "speedup", integer_value(bench.speedup, "--speedup", 1, 1'000'000'000)->value_name("N"), "documents in the -j1 / -j2 runs (default 300)")(
      "small", integer_value(bench.small, "--small", 1, 1'000'000'000)->value_name("N"), "documents in the small run (default 1000)")(
      "large", integer_value(bench.large, "--large", 1, 1'000'000'000)->value_name("N"), "documents in the large run (default 5000)")(
      "learn", po::bool_switch(&bench.learn), "with batch-wide lexicon learning (untm batch's default) instead of "
                                              "--no-learn")(
      "dictionary", po::value(&bench.dictionary)->value_name("FILE"), "pass --dictionary FILE to untm batch");
  po::variables_map values;
  po::store(po::command_line_parser(args).options(options).run(), values);
  if (values.count("help")) {
    std::cout << options << '\n';
    return std::nullopt;
  }
  po::notify(values);
  if (bench.corpus.empty()) throw UsageError("give the corpus with --corpus DIR (see --help to build one)");
  if (bench.speedup == 0 || bench.small == 0 || bench.large < bench.small || bench.large < bench.speedup) {
    throw UsageError("need 0 < --speedup, --small <= --large");
  }
  return bench;
}

// The corpus's manifest with absolute paths; it must hold the large run.
std::vector<batch::DocumentPair> corpus_documents(const BatchBench& bench) {
  const std::filesystem::path manifest_path = std::filesystem::path(bench.corpus) / "manifest.tsv";
  auto documents = batch::parse_manifest(read_file(manifest_path.string()), manifest_path.string());
  for (auto& pair : documents) {
    pair.first_path = (std::filesystem::absolute(bench.corpus) / pair.first_path).string();
    pair.second_path = (std::filesystem::absolute(bench.corpus) / pair.second_path).string();
  }
  if (documents.size() < bench.large) {
    throw InputError(manifest_path.string(), fmt::format("has {} document pairs, the large run needs {} "
                                                         "(scripts/make-bench-corpus.py --documents {})",
                                                         documents.size(), bench.large, bench.large));
  }
  return documents;
}

// The sentence pairs (<tu> units) a bundle holds, from its index.
std::uint64_t bundle_sentence_pairs(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  const bundle::BundleReader reader(in, path.string());
  std::uint64_t units = 0;
  for (const auto& entry : reader.documents()) units += entry.unit_count;
  return units;
}

// The UNPC's sentence pairs at the throughput of pass 2 (`aligning`: the
// large run, or with learning the same documents aligned with the learned
// lexicon and no learning), plus learning once: pass 1 and Model 1 stop at
// their budget (--sample-documents, training pairs), so their cost is fixed
// per corpus and is the large run's time minus pass 2's. The documents of
// this corpus are not the UNPC's: sentence pairs are the measure of the work
// both hold.
void print_unpc_extrapolation(const RunFigures& large_run, const RunFigures& aligning, std::uint64_t sentence_pairs) {
  const double pairs = static_cast<double>(std::max<std::uint64_t>(sentence_pairs, 1));
  const double learning_seconds = std::max(0.0, large_run.seconds - aligning.seconds);
  const double learning_cpu = std::max(0.0, large_run.cpu_seconds - aligning.cpu_seconds);
  const double pairs_per_second = pairs / aligning.seconds;
  const double hours = (learning_seconds + kUnpcSentencePairs / pairs_per_second) / 3600;
  // Wall time on a shared machine counts other processes' load; CPU time
  // over both cores is what an idle machine would take if -j2 kept them busy.
  const double cpu_hours = (learning_cpu + kUnpcSentencePairs * aligning.cpu_seconds / pairs) / aligning.threads / 3600;
  fmt::print("UN Parallel Corpus zh-en, {:.0f} sentence pairs ({:.0f} bytes of raw text per pair here; UNPC estimate "
             "{:.1f} GB), -j{} on this machine:\n",
             kUnpcSentencePairs, large_run.input_megabytes * 1e6 / pairs,
             kUnpcSentencePairs * large_run.input_megabytes / pairs / 1e3, aligning.threads);
  fmt::print("  learning once {:.1f} s ({:.1f} cpu-s), then aligning at {:.0f} pairs/s ({} pairs in {:.1f} s, "
             "{:.1f} cpu-s): {:.2f} h wall; {:.2f} h by CPU time over {} cores\n",
             learning_seconds, learning_cpu, pairs_per_second, sentence_pairs, aligning.seconds, aligning.cpu_seconds,
             hours, cpu_hours, aligning.threads);
}

void print_conclusions(const BatchBench& bench, const RunFigures& baseline, const RunFigures& parallel,
                       const RunFigures& small_run, const RunFigures& large_run, const RunFigures& aligning,
                       double bundle_megabytes, std::uint64_t sentence_pairs) {
  fmt::print("\n-j2 speedup over -j1 ({} docs): {:.2f}x\n", bench.speedup, baseline.seconds / parallel.seconds);
  fmt::print("peak RSS, {} docs / {} docs (-j2): {:.2f} ({:.1f} MB / {:.1f} MB)\n", bench.large, bench.small,
             large_run.peak_rss_megabytes / small_run.peak_rss_megabytes, large_run.peak_rss_megabytes,
             small_run.peak_rss_megabytes);
  fmt::print("bundle: {:.1f} MB for {:.1f} MB of raw text ({:.1f}%)\n", bundle_megabytes, large_run.input_megabytes,
             100 * bundle_megabytes / large_run.input_megabytes);
  const double hours = kUnpcDocumentPairs / large_run.documents_per_second() / 3600;
  fmt::print("UN Parallel Corpus zh-en, {:.0f} document pairs at this corpus's mean size ({:.1f} kB/pair), -j2 on "
             "this machine: {:.1f} h\n",
             kUnpcDocumentPairs, large_run.input_megabytes * 1e3 / static_cast<double>(bench.large), hours);
  print_unpc_extrapolation(large_run, aligning, sentence_pairs);
}

}  // namespace

int run_bench_batch(const Arguments& args) {
  const std::optional<BatchBench> bench = parse_batch_bench(args);
  if (!bench) return 0;
  const auto documents = corpus_documents(*bench);
  const auto work = std::filesystem::temp_directory_path() / fmt::format("untm-bench-batch-{}", ::getpid());
  std::filesystem::create_directories(work);
  const auto prefix_run = [&](const std::string& name, std::size_t count, unsigned threads, bool learn,
                              const std::vector<std::string>& extra) {
    const auto manifest = work / (name + ".tsv");
    const double megabytes = write_prefix_manifest(documents, count, manifest);
    const auto output = work / fmt::format("{}-j{}.tmx.zst", name, threads);
    return run_batch_child(*bench, manifest, output, count, megabytes, threads, learn, extra);
  };
  fmt::print("untm bench batch: {} ({} pairs available), {} hardware threads, {}, {}\n", bench->corpus,
             documents.size(), std::thread::hardware_concurrency(), bench->learn ? "lexicon learning on" : "--no-learn",
             bench->dictionary.empty() ? "--no-dictionary" : "dictionary " + bench->dictionary);
  std::fflush(stdout);
  const auto baseline = prefix_run("speedup", bench->speedup, 1, bench->learn, {});
  print_run("speedup -j1 (baseline)", baseline);
  const auto parallel = prefix_run("speedup", bench->speedup, 2, bench->learn, {});
  print_run("speedup -j2", parallel);
  const auto small_run = prefix_run("small", bench->small, 2, bench->learn, {});
  print_run("small -j2", small_run);
  std::filesystem::remove(work / "small-j2.tmx.zst");
  const std::string learned = (work / "learned.lexicon").string();
  const auto large_run = prefix_run("large", bench->large, 2, bench->learn,
                                    bench->learn ? std::vector<std::string>{"--save-lexicon", learned}
                                                 : std::vector<std::string>{});
  print_run("large -j2", large_run);
  const auto bundle_megabytes = static_cast<double>(std::filesystem::file_size(work / "large-j2.tmx.zst")) / 1e6;
  const std::uint64_t sentence_pairs = bundle_sentence_pairs(work / "large-j2.tmx.zst");
  // With learning, the same documents again with the learned lexicon and no
  // learning: pass 2 alone, which the UNPC extrapolation scales.
  RunFigures aligning = large_run;
  if (bench->learn) {
    aligning = prefix_run("aligning", bench->large, 2, false, {"--lexicon", learned});
    print_run("large -j2, pass 2 only", aligning);
  }
  print_conclusions(*bench, baseline, parallel, small_run, large_run, aligning, bundle_megabytes, sentence_pairs);
  std::error_code ignored;
  std::filesystem::remove_all(work, ignored);
  return 0;
}

}  // namespace untm::cli
