// untm align: aligns a Chinese and an English document (or any two sides of
// --src-lang/--tgt-lang) and writes the pairs, and optionally the links.
#include <boost/program_options.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <optional>

#include "align/aligner.h"
#include "commands.h"
#include "core/error.h"
#include "eval/links.h"
#include "file_io.h"

namespace untm::cli {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    "usage: untm align FIRST_FILE SECOND_FILE [-o OUT] [--links FILE.align] [options]\n"
    "\n"
    "Aligns the sentences of two documents that translate each other: paragraphs\n"
    "first, then sentences inside linked paragraphs (Gale & Church lengths, with\n"
    "anchors such as numbers, names and quotes). FIRST_FILE is the --src-lang side.\n"
    "\n"
    "example:\n"
    "  untm align report.zh.txt report.en.txt -o report.tsv\n"
    "  untm align --presplit zh/001 en/001 --links 001.align\n"
    "\n"
    "options";

Language language_option(const std::string& code, const char* option) {
  const std::optional<Language> language = parse_language(code);
  if (!language) throw UsageError(fmt::format("{}: unknown language '{}' (zh or en)", option, code));
  return *language;
}

// One sentence per line; the gold-set layout. Lines are kept as they are
// (an empty line is an empty sentence), since links index them.
// TODO(text unit): replace with read_document(..., {.presplit = true}) once it
// handles BOMs and UTF-16 for presplit input.
std::vector<std::string> read_presplit(const std::string& path) {
  std::string bytes = read_file(path);
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string::npos) end = bytes.size();
    std::string line = bytes.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

}  // namespace

int run_align(const Arguments& args) {
  std::string first_path, second_path, output_path, links_path, first_code, second_code;
  bool presplit = false, no_anchors = false;
  std::size_t em_iterations = 0;
  po::options_description visible(kUsage);
  visible.add_options()
      ("help,h", "show this help")
      ("output,o", po::value(&output_path), "output file; format by extension (.tsv .jsonl .tmx .tmx.zst)")
      ("links", po::value(&links_path), "also write the links, one [i,j]:[k] per line (0-based sentence indices)")
      ("presplit", po::bool_switch(&presplit), "inputs hold one sentence per line: no cleaning or splitting")
      ("src-lang", po::value(&first_code)->default_value("zh"), "language of FIRST_FILE")
      ("tgt-lang", po::value(&second_code)->default_value("en"), "language of SECOND_FILE")
      ("no-anchors", po::bool_switch(&no_anchors), "lengths only: no anchors, no clause constraint")
      ("em-iterations", po::value(&em_iterations)->default_value(AlignOptions{}.em_iterations),
       "passes re-estimating link-type priors and length variance on the text (0: fixed start values)");
  po::options_description hidden;
  hidden.add_options()("first", po::value(&first_path))("second", po::value(&second_path));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("first", 1).add("second", 1);
  po::variables_map values;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), values);
  po::notify(values);
  if (values.count("help")) {
    std::cout << visible << '\n';
    return 0;
  }
  if (first_path.empty() || second_path.empty()) throw UsageError("needs two input files");
  if (output_path.empty() && links_path.empty()) throw UsageError("needs -o OUT or --links FILE");

  AlignOptions options;
  options.first_language = language_option(first_code, "--src-lang");
  options.second_language = language_option(second_code, "--tgt-lang");
  options.use_anchors = !no_anchors;
  options.em_iterations = em_iterations;

  std::vector<SentenceLink> sentence_links;
  if (presplit) {
    const std::vector<std::string> first = read_presplit(first_path);
    const std::vector<std::string> second = read_presplit(second_path);
    for (const Link& link : align_sentences(first, second, options)) {
      SentenceLink sentence_link;
      for (std::size_t k = 0; k < link.first_count; ++k) sentence_link.first.push_back(link.first_begin + k);
      for (std::size_t k = 0; k < link.second_count; ++k) sentence_link.second.push_back(link.second_begin + k);
      sentence_links.push_back(std::move(sentence_link));
    }
    if (!output_path.empty()) throw UsageError("-o with --presplit: output formats are not wired yet");
  } else {
    throw UsageError("raw documents are not wired yet: use --presplit");
  }
  if (!links_path.empty()) {
    AtomicOutputFile links_file(links_path);
    links_file.write(format_links(sentence_links));
    links_file.commit();
  }
  return 0;
}

}  // namespace untm::cli
