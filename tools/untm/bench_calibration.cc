// untm bench calibration: do the confidences mean what they say, on the gold
// sets, aligned as a batch with learning (and a dictionary, if given)? Prints
// the reliability table of each set, fits the log-odds calibration (a shift
// with its multi-sentence term) on both sets together and reports it as the
// constant to ship, with held-out figures (fit on one set, test on the other;
// and fit on 11 documents, test on the 12th), and times the posterior pass
// against the Viterbi pass.
#include <boost/program_options.hpp>
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "align/aligner.h"
#include "calibration_report.h"
#include "child_process.h"
#include "commands.h"
#include "core/error.h"
#include "file_io.h"
#include "lexicon_options.h"

namespace untm::cli {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: untm bench calibration [--shared DIR] [--dictionary FILE | --no-dictionary] [--work DIR]\n"
    "\n"
    "Runs 'untm batch --presplit' (learning on) on DIR/gold/pol-dev and mac-dev,\n"
    "judges every link's confidence against the gold, prints each set's\n"
    "reliability table, ECE and precision of the 80% and 90% most confident links,\n"
    "fits the log-odds shift (intercept, multi-sentence term) on both sets and\n"
    "prints the constant for\n"
    "lib/align/calibration.cc, with held-out figures (fit on the other set; fit on\n"
    "the other 11 documents), and the time of the posterior pass against the\n"
    "Viterbi pass.\n"
    "\n"
    "example:\n"
    "  untm bench calibration --shared ../shared\n"
    "\n"
    "options";

const char* const kSets[] = {"pol-dev", "mac-dev"};

// Runs this untm with `arguments`; throws when it fails.
void run_untm(std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), self_path());
  const ChildRun run = run_child(arguments);
  if (!run.succeeded) throw std::runtime_error(fmt::format("untm {} failed (status {})", arguments[1], run.status));
}

void print_figures(const std::string& label, std::span<const JudgedLink> links) {
  fmt::print("{:<34} {:>5} links  ECE {:.4f}  P(80% most confident) {:.4f}  P(90%) {:.4f}  P(all) {:.4f}\n", label,
             links.size(), reliability(links).expected_calibration_error, precision_of_most_confident(links, 0.8),
             precision_of_most_confident(links, 0.9), precision_of_most_confident(links, 1.0));
}

// Held out: each set mapped by the fit on the other set (also by Platt
// scaling, the form untm shipped before), and each document by the fit on
// all the other documents of both sets.
void print_held_out(const std::vector<std::vector<JudgedDocument>>& sets) {
  for (std::size_t s = 0; s < sets.size(); ++s) {
    const auto other = all_links(sets[1 - s]);
    print_figures(fmt::format("{} (fit on {})", kSets[s], kSets[1 - s]),
                  apply_log_odds(all_links(sets[s]), fit_log_odds_shift(other)));
    print_figures(fmt::format("{} (Platt, fit on {})", kSets[s], kSets[1 - s]),
                  apply_log_odds(all_links(sets[s]), fit_log_odds(other)));
  }
  for (std::size_t s = 0; s < sets.size(); ++s) {
    std::vector<JudgedLink> mapped;
    for (std::size_t d = 0; d < sets[s].size(); ++d) {
      std::vector<JudgedLink> training = all_links(sets[1 - s]);
      for (std::size_t e = 0; e < sets[s].size(); ++e) {
        if (e != d) training.insert(training.end(), sets[s][e].links.begin(), sets[s][e].links.end());
      }
      const auto held = apply_log_odds(sets[s][d].links, fit_log_odds_shift(training));
      mapped.insert(mapped.end(), held.begin(), held.end());
    }
    print_figures(fmt::format("{} (leave one document out)", kSets[s]), mapped);
  }
}

std::vector<std::string> read_lines(const fs::path& path) {
  std::vector<std::string> lines;
  std::istringstream text(read_file(path.string()));
  for (std::string line; std::getline(text, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// Processor-independent enough on a busy machine: the best of `rounds`.
double best_seconds(const std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>>& documents,
                    const AlignOptions& options, int rounds) {
  double best = 1e300;
  for (int round = 0; round < rounds; ++round) {
    const auto start = std::chrono::steady_clock::now();
    for (const auto& [first, second] : documents) align_sentences(first, second, options);
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

// One pass, no EM: lengths and anchors with the Viterbi path only, then with
// the posterior pass too; the difference is the posterior pass.
void print_pass_times(const fs::path& shared) {
  std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> documents;
  for (const char* set : kSets) {
    for (const auto& entry : fs::directory_iterator(shared / "gold" / set / "zh")) {
      const fs::path second = shared / "gold" / set / "en" / entry.path().filename();
      if (fs::exists(second)) documents.emplace_back(read_lines(entry.path()), read_lines(second));
    }
  }
  AlignOptions viterbi;
  viterbi.em_iterations = 0;
  viterbi.confidence = AlignOptions::Confidence::evidence;
  AlignOptions posterior = viterbi;
  posterior.confidence = AlignOptions::Confidence::posterior;
  const double viterbi_seconds = best_seconds(documents, viterbi, 5);
  const double both_seconds = best_seconds(documents, posterior, 5);
  fmt::print("\none pass over the {} gold documents (lengths and anchors, best of 5):\n", documents.size());
  fmt::print("  Viterbi pass {:.4f} s, posterior pass (forward-backward and decoding) {:.4f} s: {:.2f}x\n",
             viterbi_seconds, both_seconds - viterbi_seconds, (both_seconds - viterbi_seconds) / viterbi_seconds);
}

}  // namespace

int run_bench_calibration(const Arguments& args) {
  std::string shared_option, work;
  pipeline::LexiconSettings lexicon;
  DictionaryChoice dictionary_choice;
  po::options_description visible(kUsage);
  visible.add_options()
      ("help,h", "show this help")
      ("shared", po::value(&shared_option), "the shared data folder (default: $UNTM_SHARED_DIR or ../shared)")
      ("dictionary", po::value(&lexicon.dictionary), "seed dictionary for the batches (default: untm batch's)")
      ("no-dictionary", po::bool_switch(&dictionary_choice.off), "batches without a dictionary")
      ("work", po::value(&work), "keep the bundles in this folder (default: a temporary one, removed)");
  po::variables_map values;
  po::store(po::command_line_parser(args).options(visible).run(), values);
  po::notify(values);
  if (values.count("help")) {
    std::cout << visible << '\n';
    return 0;
  }
  const fs::path shared = shared_data_folder(shared_option);
  // The batches are told which dictionary, so the table says what they used.
  choose_dictionary(lexicon, dictionary_choice, false);
  const std::string& dictionary = lexicon.dictionary;
  if (!dictionary.empty() && !fs::exists(dictionary)) throw InputError(dictionary, "no such file");
  const bool temporary = work.empty();
  const fs::path folder = temporary ? fs::temp_directory_path() / fmt::format("untm-calibration-{}", ::getpid()) : fs::path(work);
  fs::create_directories(folder);

  std::vector<std::vector<JudgedDocument>> sets;
  for (const char* set : kSets) {
    const fs::path bundle = folder / fmt::format("{}.tmx.zst", set);
    std::vector<std::string> arguments = {"batch", (shared / "gold" / set).string(), "--presplit", "-o",
                                          bundle.string(), "-q", "--date", "20000101T000000Z"};
    if (dictionary.empty()) arguments.push_back("--no-dictionary");
    if (!dictionary.empty()) arguments.insert(arguments.end(), {"--dictionary", dictionary});
    run_untm(arguments);
    sets.push_back(judge_bundle((shared / "gold" / set / "gold").string(), bundle.string()));
    fmt::print("== {} (batch, learning{})\n{}", set, dictionary.empty() ? "" : ", dictionary",
               reliability_table(reliability(all_links(sets.back()))));
    print_figures(fmt::format("{} (shipped calibration)", set), all_links(sets.back()));
  }
  if (temporary) fs::remove_all(folder);

  std::vector<JudgedLink> pooled = all_links(sets[0]);
  const auto mac = all_links(sets[1]);
  pooled.insert(pooled.end(), mac.begin(), mac.end());
  const LogOddsFit fit = fit_log_odds_shift(pooled);
  // The bundle's confidences are already mapped by the shipped calibration;
  // shifts of the log-odds add up.
  const ConfidenceCalibration shipped = default_confidence_calibration();
  fmt::print("\nfit on both sets: intercept {:.4f}, multi-sentence {:.4f} on the shipped confidences;\n"
             "as a constant for lib/align/calibration.cc: ConfidenceCalibration{{{:.4f}, {:.4f}}}\n",
             fit.intercept, fit.multi_sentence, shipped.intercept + fit.intercept,
             shipped.multi_sentence + fit.multi_sentence);
  for (std::size_t s = 0; s < sets.size(); ++s) {
    print_figures(fmt::format("{} (fit on both)", kSets[s]), apply_log_odds(all_links(sets[s]), fit));
  }
  print_held_out(sets);
  print_pass_times(shared);
  return 0;
}

}  // namespace untm::cli
