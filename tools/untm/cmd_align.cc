// untm align: aligns a Chinese and an English document (or any two sides of
// --src-lang/--tgt-lang) and writes the pairs, and optionally the links.
#include <boost/program_options.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>
#include <algorithm>

#include "align/aligner.h"
#include "commands.h"
#include "core/error.h"
#include "core/link.h"
#include "file_io.h"
#include "lexicon_options.h"
#include "output.h"
#include "pipeline/pair_job.h"

namespace untm::cli {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    "usage: untm align FIRST_FILE SECOND_FILE [-o OUT] [--links FILE.align] [--report FILE.html] [options]\n"
    "\n"
    "Aligns the sentences of two documents that translate each other: paragraphs\n"
    "first, then sentences inside linked paragraphs (Gale & Church lengths, with\n"
    "anchors such as numbers, names and quotes). FIRST_FILE is the --src-lang side.\n"
    "\n"
    "example:\n"
    "  untm align report.zh.txt report.en.txt -o report.tsv\n"
    "  untm align --presplit zh/001 en/001 --links 001.align\n"
    "\n"
    "With --presplit every non-empty line is one sentence, and --links indexes\n"
    "those sentences from 0.\n"
    "\n"
    "options";

Language language_option(const std::string& code, const char* option) {
  const std::optional<Language> language = parse_language(code);
  if (!language) throw UsageError(fmt::format("{}: unknown language '{}' (zh or en)", option, code));
  return *language;
}

// "1-1=0.7,1-2=0.15": priors in the order of default_link_types(), the
// unnamed ones small, normalised to sum 1.
std::vector<double> parse_priors(const std::string& text) {
  const auto types = default_link_types();
  std::vector<double> priors(types.size(), 1e-4);
  std::istringstream items(text);
  for (std::string item; std::getline(items, item, ',');) {
    const auto equals = item.find('=');
    const std::string name = item.substr(0, equals);
    const auto type = std::find_if(types.begin(), types.end(), [&name](const LinkType& t) { return to_string(t) == name; });
    double value = 0;
    try {
      value = equals == std::string::npos ? -1 : std::stod(item.substr(equals + 1));
    } catch (const std::exception&) {
      value = -1;
    }
    if (type == types.end() || value <= 0) {
      throw UsageError(fmt::format("--fixed-priors: '{}' is not TYPE=PROBABILITY with a known link type", item));
    }
    priors[static_cast<std::size_t>(type - types.begin())] = value;
  }
  double sum = 0;
  for (double prior : priors) sum += prior;
  for (double& prior : priors) prior /= sum;
  return priors;
}

std::string html_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// A page to review an alignment by eye: one row per pair, the least
// confident ones shaded, so that a reader can spot where it went wrong.
std::string html_report(const AlignedDocument& document, const std::string& first_path,
                        const std::string& second_path) {
  std::string html =
      "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>untm align: " + html_escaped(document.id) +
      "</title>\n<style>body{font-family:sans-serif}table{border-collapse:collapse}"
      "td,th{border:1px solid #ccc;padding:4px;vertical-align:top}tr.low{background:#fdd}"
      "tr.mid{background:#ffe}</style></head><body>\n";
  html += fmt::format("<h1>{} &harr; {}</h1>\n<p>{} pairs. Rows shaded red have confidence below 0.1, "
                      "yellow below 0.5.</p>\n",
                      html_escaped(first_path), html_escaped(second_path), document.pairs.size());
  html += fmt::format("<table><tr><th>#</th><th>link</th><th>cost</th><th>confidence</th><th>{}</th><th>{}</th></tr>\n",
                      html_escaped(document.first_language), html_escaped(document.second_language));
  for (std::size_t k = 0; k < document.pairs.size(); ++k) {
    const AlignedPair& pair = document.pairs[k];
    const double confidence = pair.link.confidence;
    const char* shade = confidence < 0.1 ? " class=\"low\"" : confidence < 0.5 ? " class=\"mid\"" : "";
    html += fmt::format("<tr{}><td>{}</td><td>{}</td><td>{:.2f}</td><td>{:.3f}</td><td>{}</td><td>{}</td></tr>\n", shade,
                        k, to_string(pair.link.type()), pair.link.cost, confidence, html_escaped(pair.first.text),
                        html_escaped(pair.second.text));
  }
  return html + "</table></body></html>\n";
}

// The command line of `untm align`, parsed.
struct AlignCommand {
  pipeline::PairJob job;
  std::string output_path, links_path, report_path, first_code, second_code, length_unit, fixed_priors, decoding;
  bool no_anchors = false;
  OutputOptions output;
};

// The alignment model's options: the length model, EM and the anchors.
void add_model_options(po::options_description& visible, AlignCommand& command) {
  AlignOptions& options = command.job.align;
  AnchorWeights& weights = options.anchor_weights;
  visible.add_options()
      ("no-anchors", po::bool_switch(&command.no_anchors), "lengths only: no anchors, no clause constraint")
      ("em-iterations", po::value(&options.em_iterations)->default_value(options.em_iterations),
       "passes re-estimating link-type priors and length variance on the text (0: fixed start values)")
      ("variance-inflation", po::value(&options.variance_inflation)->default_value(options.variance_inflation),
       "factor on the length variance measured on 1-1 links")
      ("prior-smoothing", po::value(&options.prior_smoothing)->default_value(options.prior_smoothing),
       "pseudo-links pulling estimated link-type priors to their start values")
      ("number-match", po::value(&weights.shared_token_match)->default_value(weights.shared_token_match),
       "anchor bonus (nats) per number or enumerator found on both sides")
      ("number-mismatch", po::value(&weights.shared_token_mismatch)->default_value(weights.shared_token_mismatch),
       "anchor cost per number or enumerator on one side only")
      ("name-match", po::value(&weights.latin_word_match)->default_value(weights.latin_word_match),
       "anchor bonus per Latin-script word of the Chinese side found on the other")
      ("boundary-match", po::value(&weights.boundary_match)->default_value(weights.boundary_match),
       "anchor bonus per quote or ?/! agreeing at a link's start or end")
      ("boundary-mismatch", po::value(&weights.boundary_mismatch)->default_value(weights.boundary_mismatch),
       "anchor cost per quote or ?/! at a link's start or end on one side only")
      ("fixed-boundary-costs", po::bool_switch()->notifier([&options](bool fixed) { options.learn_boundary_costs = !fixed; }),
       "keep the boundary weights fixed instead of learning them per document")
      ("length-unit", po::value(&command.length_unit)->default_value("chars"),
       "what a length counts: chars (code points without white space) or bytes (UTF-8)")
      ("fixed-priors", po::value(&command.fixed_priors),
       "keep link-type priors fixed instead of estimating them, e.g. 1-1=0.7,1-2=0.15,2-1=0.05 "
       "(types not named get 0.0001)")
      ("decoding", po::value(&command.decoding)->default_value("posterior"),
       "posterior: the links with the most expected to be right; viterbi: the least-cost path")
      ("clause-excess", po::value(&weights.clause_excess)->default_value(weights.clause_excess),
       "cost per sentence beyond n + k for n Chinese sentences with k inner ，；：");
}

po::options_description align_options(AlignCommand& command) {
  po::options_description visible(kUsage);
  OutputOptions& output = command.output;
  visible.add_options()
      ("help,h", "show this help")
      ("output,o", po::value(&command.output_path), "output file; format by extension (.tsv .jsonl .tmx .tmx.zst)")
      ("min-confidence",
       po::value(&output.min_confidence)->default_value(0.0)->notifier([](double value) {
         check_confidence_option(value, "--min-confidence");
       }),
       "leave out pairs whose confidence (0..1) is lower")
      ("links", po::value(&command.links_path), "also write the links, one [i,j]:[k] per line (0-based sentence indices)")
      ("report", po::value(&command.report_path), "also write an HTML page of the pairs, least confident shaded")
      ("presplit", po::bool_switch(&command.job.text.presplit), "inputs hold one sentence per line: no cleaning or splitting")
      ("id", po::value(&command.job.id), "document id in the output, e.g. the UN symbol (default: FIRST_FILE's name)")
      ("srclang", po::value(&output.header.srclang)->default_value(output.header.srclang),
       "TMX srclang: the language of the original (en for most UN documents)")
      ("date", po::value(&output.header.creation_date)->value_name("YYYYMMDDThhmmssZ"),
       "TMX creation date (default: now), for reproducible output")
      ("src-lang", po::value(&command.first_code)->default_value("zh"), "language of FIRST_FILE")
      ("tgt-lang", po::value(&command.second_code)->default_value("en"), "language of SECOND_FILE");
  add_model_options(visible, command);
  add_lexicon_options(visible, command.job.lexicon);
  return visible;
}

// The options that need more than a type: languages, the length unit, priors.
void interpret(AlignCommand& command) {
  pipeline::PairJob& job = command.job;
  if (job.first_name.empty() || job.second_name.empty()) throw UsageError("needs two input files");
  if (command.output_path.empty() && command.links_path.empty() && command.report_path.empty()) {
    throw UsageError("needs -o OUT, --links FILE or --report FILE.html");
  }
  job.align.first_language = language_option(command.first_code, "--src-lang");
  job.align.second_language = language_option(command.second_code, "--tgt-lang");
  job.align.use_anchors = !command.no_anchors;
  if (command.length_unit == "bytes") {
    job.align.length_unit = LengthUnit::bytes;
  } else if (command.length_unit != "chars") {
    throw UsageError(fmt::format("--length-unit: '{}' is neither chars nor bytes", command.length_unit));
  }
  if (!command.fixed_priors.empty()) job.align.fixed_priors = parse_priors(command.fixed_priors);
  if (command.decoding != "posterior" && command.decoding != "viterbi") {
    throw UsageError(fmt::format("--decoding: '{}' is neither posterior nor viterbi", command.decoding));
  }
  job.align.posterior_decoding = command.decoding == "posterior";
  if (job.id.empty()) job.id = std::filesystem::path(job.first_name).stem().string();
}

// Parses the command line; nullopt after printing the help.
std::optional<AlignCommand> parse_align_command(const Arguments& args) {
  AlignCommand command;
  po::options_description visible = align_options(command);
  po::options_description hidden;
  hidden.add_options()("first", po::value(&command.job.first_name))("second", po::value(&command.job.second_name));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("first", 1).add("second", 1);
  po::variables_map values;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), values);
  po::notify(values);
  if (values.count("help")) {
    std::cout << visible << '\n';
    return std::nullopt;
  }
  interpret(command);
  return command;
}

// Every file the run reads and writes, checked before any work.
void check_align_files(const AlignCommand& command) {
  RunFiles files;
  files.input("FIRST_FILE", command.job.first_name);
  files.input("SECOND_FILE", command.job.second_name);
  declare_lexicon_files(files, command.job.lexicon);
  if (!command.output_path.empty()) {
    declare_alignment_output(files, "-o", command.output_path,
                             std::string(language_code(command.job.align.first_language)),
                             std::string(language_code(command.job.align.second_language)));
  }
  files.output("--links", command.links_path);
  files.output("--report", command.report_path);
  files.check();
}

}  // namespace

int run_align(const Arguments& args) {
  const std::optional<AlignCommand> command = parse_align_command(args);
  if (!command) return 0;
  check_align_files(*command);
  const pipeline::PairResult result = pipeline::run_pair_job(command->job, read_file);
  if (result.lexicon_to_save) write_file(command->job.lexicon.save_lexicon, *result.lexicon_to_save);
  const AlignedDocument& aligned = result.document;
  if (!command->output_path.empty()) write_alignment(aligned, command->output_path, command->output);
  if (!command->report_path.empty()) {
    write_file(command->report_path, html_report(aligned, command->job.first_name, command->job.second_name));
  }
  if (!command->links_path.empty()) write_file(command->links_path, format_links(links_of(aligned)));
  return 0;
}

}  // namespace untm::cli
