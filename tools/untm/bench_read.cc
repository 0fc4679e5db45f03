// `untm bench read FILE...`: how fast documents are read, the reader alone
// (bytes -> blocks, for DOCX and PDF) and the whole front end (bytes -> sentences:
// read, paragraphs, split). Pages per second need the page count, which a
// reader never lays out: give it with --pages (e.g. from `pdfinfo` on the
// files' PDF export), else the figures are MB/s and paragraphs/s.
#include <boost/program_options.hpp>
#include <fmt/format.h>

#include <iostream>
#include <string>
#include <vector>

#include "bench_timing.h"
#include "commands.h"
#include "option_values.h"
#include "core/error.h"
#include "file_io.h"
#include "read/block.h"
#include "read/docx.h"
#include "read/pdf.h"
#include "pipeline/document.h"

namespace untm::cli {

namespace po = boost::program_options;

namespace {

constexpr std::string_view kUsage = R"(usage: untm bench read FILE... [OPTIONS]
  example: untm bench read report-zh.docx report-en.docx --pages 24

Times reading each file (best of --repeats, processor time): the reader alone
and the whole front end that `untm align` runs (read, paragraphs, sentences).

options)";

struct Timing {
  double reader_seconds = 0;
  double front_end_seconds = 0;
  std::size_t blocks = 0;
  std::size_t sentences = 0;
};

Timing time_file(const std::string& bytes, const std::string& name, Language language, int repeats) {
  Timing timing;
  const auto format = read::detect_format(bytes);
  if (format == read::InputFormat::docx) {
    timing.reader_seconds = best_seconds(repeats, [&] { timing.blocks = read::read_docx(bytes, name).size(); });
  } else if (format == read::InputFormat::pdf) {
    timing.reader_seconds = best_seconds(repeats, [&] { timing.blocks = read::read_pdf(bytes, name).size(); });
  }
  timing.front_end_seconds = best_seconds(repeats, [&] {
    const SplitDocument document = pipeline::read_document(bytes, language, name);
    timing.sentences = 0;
    for (const auto& paragraph : document.paragraphs) timing.sentences += paragraph.sentences.size();
    if (timing.blocks == 0) timing.blocks = document.paragraphs.size();
  });
  return timing;
}

}  // namespace

int run_bench_read(const Arguments& args) {
  // std::clock counts this process only: the PDF reader runs here, as the
  // library runs it, not in the tool's child process (pdf_child.h).
  pipeline::install_pdf_reader(nullptr);
  po::options_description options{std::string(kUsage)};
  std::vector<std::string> files;
  std::string language_name = "en";
  double pages = 0;
  int repeats = 5;
  options.add_options()
      ("help,h", "show this help")
      ("lang", po::value(&language_name)->default_value("en"), "language of the files (zh or en) for splitting")
      ("pages", number_value(pages, "--pages", {0, Bound::exclusive, 1e9}), "pages of all the files together, as laid out (for pages/s)")
      ("repeats", integer_value(repeats, "--repeats", 1, 100000)->default_value("5"), "timed runs; the best counts");
  po::options_description hidden;
  hidden.add_options()("file", po::value(&files));
  po::positional_options_description positional;
  positional.add("file", -1);
  po::options_description all;
  all.add(options).add(hidden);
  po::variables_map values;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), values);
  if (values.count("help") != 0) {
    std::cout << options << '\n';
    return 0;
  }
  po::notify(values);
  const auto language = parse_language(language_name);
  if (!language) throw UsageError(fmt::format("unknown language '{}' (zh or en)", language_name));
  if (files.empty() || repeats < 1 || pages < 0) throw UsageError("give files, a positive --repeats and --pages");

  fmt::print("{:<40} {:>10} {:>8} {:>10} {:>12} {:>12}\n", "file", "bytes", "blocks", "sentences", "reader s",
             "front end s");
  Timing total;
  double megabytes = 0;
  for (const auto& file : files) {
    const std::string bytes = read_file(file);
    const Timing timing = time_file(bytes, file, *language, repeats);
    fmt::print("{:<40} {:>10} {:>8} {:>10} {:>12.4f} {:>12.4f}\n", file, bytes.size(), timing.blocks,
               timing.sentences, timing.reader_seconds, timing.front_end_seconds);
    total.reader_seconds += timing.reader_seconds;
    total.front_end_seconds += timing.front_end_seconds;
    total.blocks += timing.blocks;
    megabytes += static_cast<double>(bytes.size()) / 1e6;
  }
  const auto rate = [](double amount, double seconds) { return seconds > 0 ? amount / seconds : 0.0; };
  fmt::print("reader alone: {:.1f} MB/s, {:.0f} paragraphs/s", rate(megabytes, total.reader_seconds),
             rate(static_cast<double>(total.blocks), total.reader_seconds));
  if (pages > 0) fmt::print(", {:.0f} pages/s", rate(pages, total.reader_seconds));
  fmt::print("\nfront end:    {:.1f} MB/s, {:.0f} paragraphs/s", rate(megabytes, total.front_end_seconds),
             rate(static_cast<double>(total.blocks), total.front_end_seconds));
  if (pages > 0) fmt::print(", {:.0f} pages/s", rate(pages, total.front_end_seconds));
  fmt::print("\n");
  return 0;
}

}  // namespace untm::cli
