// untm eval: strict and lax precision/recall/F1 of test links against gold
// links, per document and in total (Vecalign/Bertalign rules, lib/eval).
#include <boost/program_options.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "commands.h"
#include "core/error.h"
#include "core/json.h"
#include "core/link.h"
#include "calibration_report.h"
#include "eval/scorer.h"
#include "file_io.h"

namespace untm::cli {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: untm eval --gold GOLD_DIR --test TEST_DIR [--json]\n"
    "       untm eval --gold GOLD_DIR --test BUNDLE.tmx.zst --calibration [--json]\n"
    "\n"
    "Scores the link files of TEST_DIR (NAME.align, one [i,j]:[k] per line) against\n"
    "the files of the same name in GOLD_DIR: strict and lax precision, recall and F1\n"
    "as in the Vecalign and Bertalign evaluations (precision over all test links,\n"
    "null links included; recall over the gold links that are not null), per\n"
    "document and in total (counts summed over documents).\n"
    "\n"
    "With --calibration, TEST is a bundle (untm batch --presplit on the gold\n"
    "set's folder names its documents as the gold files) and eval tells whether\n"
    "its confidences mean what they say: links in 10 bins of confidence, each\n"
    "bin's count, mean confidence and precision (a link is right when the\n"
    "identical link is in the gold), the expected calibration error (ECE: the\n"
    "bins' |precision - mean confidence|, weighed by their links), and the\n"
    "precision of the 50%, 80% and 90% most confident links.\n"
    "\n"
    "example:\n"
    "  untm eval --gold ../shared/gold/pol-dev/gold --test out/pol-dev\n"
    "  untm batch ../shared/gold/pol-dev --presplit -o pol.tmx.zst\n"
    "  untm eval --gold ../shared/gold/pol-dev/gold --test pol.tmx.zst --calibration\n"
    "\n"
    "options";

// As written: gold links may skip a sentence (core/link.h).
std::vector<LinkIndices> read_links(const fs::path& path) {
  return parse_link_indices(read_file(path.string()), path.string());
}

void write_scores(JsonWriter& json, const Scores& scores) {
  json.begin_object().key("strict").begin_object();
  json.key("precision").number(scores.strict_precision, 4).key("recall").number(scores.strict_recall, 4);
  json.key("f1").number(scores.strict_f1, 4).end_object();
  json.key("lax").begin_object();
  json.key("precision").number(scores.lax_precision, 4).key("recall").number(scores.lax_recall, 4);
  json.key("f1").number(scores.lax_f1, 4).end_object();
  json.end_object();
}

constexpr double kConfidentShares[] = {0.5, 0.8, 0.9};

int print_calibration(const std::string& gold_dir, const std::string& bundle_path, bool json) {
  const std::vector<JudgedLink> links = all_links(judge_bundle(gold_dir, bundle_path));
  const Reliability table = reliability(links);
  if (json) {
    std::string out = fmt::format("{{\"calibration\": {}, \"precision_of_most_confident\": {{", reliability_json(table));
    for (double share : kConfidentShares) {
      out += fmt::format("{}\"{:.0f}%\": {:.4f}", share == kConfidentShares[0] ? "" : ", ", share * 100,
                         precision_of_most_confident(links, share));
    }
    fmt::print("{}}}}}\n", out);
    return 0;
  }
  fmt::print("{}", reliability_table(table));
  for (double share : kConfidentShares) {
    fmt::print("precision of the {:.0f}% most confident links: {:.4f}\n", share * 100,
               precision_of_most_confident(links, share));
  }
  return 0;
}

struct DocumentResult {
  std::string name;
  MatchCounts counts;
};

// Every NAME.align of the gold folder against the test folder's NAME.align.
std::vector<DocumentResult> score_folder(const std::string& gold_dir, const std::string& test_dir) {
  std::vector<DocumentResult> results;
  for (const fs::path& gold_path : gold_link_files(gold_dir)) {
    const fs::path test_path = fs::path(test_dir) / gold_path.filename();
    if (!fs::exists(test_path)) throw InputError(test_path.string(), "missing: the gold folder has this document");
    results.push_back({gold_path.stem().string(), count_matches(read_links(gold_path), read_links(test_path))});
  }
  return results;
}

}  // namespace

int run_eval(const Arguments& args) {
  std::string gold_dir, test_dir;
  bool json = false, calibration = false;
  po::options_description visible(kUsage);
  visible.add_options()
      ("help,h", "show this help")
      ("gold", po::value(&gold_dir), "folder of gold link files")
      ("test", po::value(&test_dir), "folder of link files to score, named as in the gold folder")
      ("json", po::bool_switch(&json), "print JSON instead of a table")
      ("calibration", po::bool_switch(&calibration),
       "reliability table and ECE of the confidences of TEST, a bundle");
  po::variables_map values;
  po::store(po::command_line_parser(args).options(visible).run(), values);
  po::notify(values);
  if (values.count("help")) {
    std::cout << visible << '\n';
    return 0;
  }
  if (gold_dir.empty() || test_dir.empty()) throw UsageError("needs --gold GOLD_DIR and --test TEST_DIR");
  if (calibration) {
    if (!fs::is_directory(gold_dir)) throw InputError(gold_dir, "not a folder");
    if (fs::is_directory(test_dir)) {
      throw UsageError("--calibration needs confidences: --test is a bundle (.tmx.zst), not a folder of links");
    }
    return print_calibration(gold_dir, test_dir, json);
  }
  for (const std::string& dir : {gold_dir, test_dir}) {
    if (!fs::is_directory(dir)) throw InputError(dir, "not a folder");
  }

  const std::vector<DocumentResult> results = score_folder(gold_dir, test_dir);
  MatchCounts total;
  for (const DocumentResult& result : results) total += result.counts;

  if (json) {
    std::string out;
    JsonWriter json(out, JsonWriter::Spacing::spaced);
    json.begin_object().key("documents").begin_array();
    for (const auto& result : results) {
      json.begin_object().key("name").string(result.name).key("scores");
      write_scores(json, compute_scores(result.counts));
      json.end_object();
    }
    json.end_array().key("total");
    write_scores(json, compute_scores(total));
    json.end_object();
    out += '\n';
    fmt::print("{}", out);
    return 0;
  }
  fmt::print("{:<16} {:>8} {:>8} {:>8}   {:>8} {:>8} {:>8}\n", "document", "strict P", "strict R", "strict F",
             "lax P", "lax R", "lax F");
  auto print_row = [](const std::string& name, const Scores& s) {
    fmt::print("{:<16} {:>8.4f} {:>8.4f} {:>8.4f}   {:>8.4f} {:>8.4f} {:>8.4f}\n", name, s.strict_precision,
               s.strict_recall, s.strict_f1, s.lax_precision, s.lax_recall, s.lax_f1);
  };
  for (const DocumentResult& result : results) print_row(result.name, compute_scores(result.counts));
  print_row("total", compute_scores(total));
  return 0;
}

}  // namespace untm::cli
