// `untm bench split`: how well and how fast the text pipeline splits
// sentences, each figure beside ICU's BreakIterator alone measured in the
// same run.
//  - Boundary precision/recall/F1 on the gold sets (../shared/gold/{pol-dev,
//    mac-dev}): each document's gold sentences are joined into running text
//    (Chinese with nothing, English with one space) and the splitter's
//    sentence ends are compared with the gold ones.
//  - Throughput of decode+clean+split (read_document) in MB/s on a large
//    input built by repeating the UN samples, against ICU alone over the
//    same decoded text.
#include <boost/program_options.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench_timing.h"
#include "child_process.h"
#include "commands.h"
#include "option_values.h"
#include "core/error.h"
#include "core/utf8.h"
#include "file_io.h"
#include "split/sentence_splitter.h"
#include "text/decode.h"
#include "pipeline/document.h"

namespace untm::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kUsage = R"(usage: untm bench split [OPTIONS]

Sentence-boundary precision/recall/F1 on the gold sets and decode+clean+split
throughput, each beside ICU's BreakIterator alone.

example:
  untm bench split --shared ../shared --megabytes 8

options)";

struct BoundaryCounts {
  std::size_t gold = 0;
  std::size_t predicted = 0;
  std::size_t correct = 0;

  void add(const BoundaryCounts& other) {
    gold += other.gold;
    predicted += other.predicted;
    correct += other.correct;
  }
  double precision() const { return predicted == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(predicted); }
  double recall() const { return gold == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(gold); }
  double f1() const {
    const double sum = precision() + recall();
    return sum == 0.0 ? 0.0 : 2 * precision() * recall() / sum;
  }
};

struct RunningText {
  std::string text;
  std::set<std::size_t> gold_ends;  // sentence ends, without the last one
};

RunningText join_gold_sentences(const std::string& file_bytes, Language language) {
  RunningText running;
  std::size_t start = 0;
  while (start < file_bytes.size()) {
    std::size_t end = file_bytes.find('\n', start);
    if (end == std::string::npos) end = file_bytes.size();
    std::string_view line(file_bytes.data() + start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    start = end + 1;
    const Range trimmed = trim_spaces(line, {0, line.size()});
    if (trimmed.end == trimmed.begin) continue;
    if (!running.text.empty()) {
      running.gold_ends.insert(running.text.size());
      if (language == Language::en) running.text += ' ';
    }
    running.text.append(line.substr(trimmed.begin, trimmed.end - trimmed.begin));
  }
  return running;
}

// Prints the text around a boundary, with the boundary marked.
void show_boundary(const std::string& text, std::size_t position, std::string_view what) {
  const std::size_t begin = position > 60 ? previous_code_point_start(text, position - 59) : 0;
  const std::size_t end = next_code_point_boundary(text, std::min(text.size(), position + 60));
  fmt::print("  {} ...{}‖{}...\n", what, text.substr(begin, position - begin), text.substr(position, end - position));
}

BoundaryCounts score(SentenceSplitter& splitter, const RunningText& running, bool show_errors) {
  std::set<std::size_t> predicted;
  const auto sentences = splitter.split(running.text);
  for (std::size_t index = 0; index + 1 < sentences.size(); ++index) predicted.insert(sentences[index].end);
  BoundaryCounts counts;
  counts.gold = running.gold_ends.size();
  counts.predicted = predicted.size();
  for (auto position : predicted) {
    if (running.gold_ends.contains(position)) ++counts.correct;
    else if (show_errors) show_boundary(running.text, position, "extra ");
  }
  if (show_errors) {
    for (auto position : running.gold_ends) {
      if (!predicted.contains(position)) show_boundary(running.text, position, "missed");
    }
  }
  return counts;
}

int boundary_benchmark(const fs::path& shared, bool show_errors) {
  fmt::print("sentence boundaries (gold sentences joined into running text)\n");
  fmt::print("{:<8} {:<4} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6}\n", "set", "lang", "gold", "ICU P", "R", "F1",
             "untm P", "R", "F1");
  for (const std::string set : {"pol-dev", "mac-dev"}) {
    const fs::path directory = shared / "gold" / set;
    if (!fs::is_directory(directory)) throw InputError(directory.string(), "gold set not found (use --shared DIR)");
    for (const Language language : {Language::zh, Language::en}) {
      SentenceSplitter icu(language, SplitMethod::icu_only);
      SentenceSplitter untm(language, SplitMethod::icu_with_rules);
      BoundaryCounts icu_total, untm_total;
      std::vector<fs::path> files;
      for (const auto& entry : fs::directory_iterator(directory / language_code(language))) files.push_back(entry.path());
      std::sort(files.begin(), files.end());
      for (const auto& file : files) {
        const std::string bytes = read_file(file.string());
        const RunningText running = join_gold_sentences(decode_text(bytes, file.string(), false).text, language);
        if (show_errors) fmt::print("{}:\n", file.string());
        icu_total.add(score(icu, running, false));
        untm_total.add(score(untm, running, show_errors));
      }
      fmt::print("{:<8} {:<4} {:>6} | {:>6.3f} {:>6.3f} {:>6.3f} | {:>6.3f} {:>6.3f} {:>6.3f}\n", set,
                 language_code(language), untm_total.gold, icu_total.precision(), icu_total.recall(), icu_total.f1(),
                 untm_total.precision(), untm_total.recall(), untm_total.f1());
    }
  }
  return 0;
}

// Peak RSS of `untm split` on `input` (in MB), run as a child (whose peak
// run_child measures apart from the benchmark's); `input` is written to a
// file and let go first, so that the two never hold it together.
double split_peak_megabytes(std::string input, Language language) {
  char folder_template[] = "/tmp/untm-bench-split-XXXXXX";
  if (mkdtemp(folder_template) == nullptr) throw OutputError(folder_template, "cannot make a temporary folder");
  const fs::path folder = folder_template;
  ChildRun run;
  try {
    write_file(folder / "input.txt", input);
    std::string().swap(input);
    run = run_child({self_path(), "split", "--lang", std::string(language_code(language)), (folder / "input.txt").string(),
                     "-o", (folder / "sentences.txt").string()},
                    true);
  } catch (...) {
    fs::remove_all(folder);
    throw;
  }
  fs::remove_all(folder);
  if (!run.succeeded) throw std::runtime_error("untm split failed on the benchmark input");
  return run.peak_megabytes * 1.048576;  // MiB -> MB
}

std::string repeated(const std::string& sample, double megabytes) {
  std::string input;
  const auto target = static_cast<std::size_t>(megabytes * 1e6);
  while (input.size() < target) input += sample;
  return input;
}

int throughput_benchmark(const fs::path& shared, double megabytes, int repeats) {
  const fs::path un = shared / "corpora" / "un";
  const std::vector<std::pair<Language, std::vector<fs::path>>> samples = {
      {Language::zh,
       {un / "seed-reply-azerbaijan-zh" / "000_c646f0441c388454.txt", un / "ga-ldc-resolution-paras" / "zh.txt",
        un / "ga-55-100-lines" / "un_ga.en-zh.zh"}},
      {Language::en, {un / "ga-ldc-resolution-paras" / "en.txt", un / "ga-55-100-lines" / "un_ga.en-zh.en"}},
  };
  fmt::print("\nthroughput (UN samples repeated to {:.0f} MB per language, best of {}, processor time)\n", megabytes, repeats);
  fmt::print("{:<4} {:>10} {:>22} {:>16} {:>8} {:>22}\n", "lang", "sentences", "decode+clean+split", "ICU alone", "ratio",
             "untm split peak RSS");
  const auto sample_of = [](const std::vector<fs::path>& paths) {
    std::string sample;
    for (const auto& path : paths) sample += read_file(path.string()) + "\n\n";
    return sample;
  };
  // Memory first, for every language, while the benchmark holds little (its
  // heap, which a child starts with, grows with every timed run).
  const double program_mb = split_peak_megabytes("x", Language::en);
  std::vector<double> peak_mb;
  for (const auto& [language, paths] : samples) {
    peak_mb.push_back(split_peak_megabytes(repeated(sample_of(paths), megabytes), language));
  }
  for (std::size_t index = 0; index < samples.size(); ++index) {
    const Language language = samples[index].first;
    const std::string input = repeated(sample_of(samples[index].second), megabytes);
    std::size_t sentences = 0;
    const double pipeline_seconds = best_seconds(repeats, [&] {
      const auto document = pipeline::read_document(input, language, "bench");
      sentences = 0;
      for (const auto& paragraph : document.paragraphs) sentences += paragraph.sentences.size();
    });
    const std::string decoded = decode_text(input, "bench", false).text;
    SentenceSplitter icu(language, SplitMethod::icu_only);
    const double icu_seconds = best_seconds(repeats, [&] { (void)icu.split(decoded); });
    const double size_mb = static_cast<double>(input.size()) / 1e6;
    fmt::print("{:<4} {:>10} {:>17.1f} MB/s {:>11.1f} MB/s {:>7.2f}x {:>8.0f} MB ({:>4.1f}x input)\n",
               language_code(language), sentences, size_mb / pipeline_seconds, size_mb / icu_seconds,
               icu_seconds / pipeline_seconds, peak_mb[index], (peak_mb[index] - program_mb) / size_mb);
  }
  fmt::print("(ratio = untm speed / ICU speed; untm does decoding, cleaning and paragraph rebuilding on top;\n"
             " peak RSS: `untm split` on the same input in a child process; the x input leaves out the\n"
             " program's own peak on a one-byte input)\n");
  return 0;
}

}  // namespace

int run_bench_split(const Arguments& args) {
  po::options_description options{std::string(kUsage)};
  std::string shared;
  double megabytes = 8;
  int repeats = 3;
  bool show_errors = false;
  options.add_options()
      ("help,h", "show this help")
      ("shared", po::value(&shared), "the shared data folder (default: $UNTM_SHARED_DIR, else ../shared)")
      ("megabytes", number_value(megabytes, "--megabytes", {0, Bound::exclusive, 1e5})->default_value("8"), "size of the throughput input per language")
      ("repeats", integer_value(repeats, "--repeats", 1, 100000)->default_value("3"), "timed runs; the best counts")
      ("errors", po::bool_switch(&show_errors), "print every missed and extra boundary of untm")
      ("boundaries-only", "skip the throughput measurement");
  po::variables_map values;
  po::store(po::command_line_parser(args).options(options).run(), values);
  if (values.count("help") != 0) {
    std::cout << options << '\n';
    return 0;
  }
  po::notify(values);
  shared = shared_data_folder(shared);
  if (megabytes <= 0 || repeats < 1) throw UsageError("--megabytes and --repeats must be positive");
  boundary_benchmark(shared, show_errors);
  if (values.count("boundaries-only") == 0) throughput_benchmark(shared, megabytes, repeats);
  return 0;
}

}  // namespace untm::cli
