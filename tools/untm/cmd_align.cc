// untm align: aligns a Chinese and an English document (or any two sides of
// --first-lang/--second-lang) and writes the pairs, and optionally the links.
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
#include "decoding_option.h"
#include "file_io.h"
#include "input_format_option.h"
#include "intertext_files.h"
#include "language_options.h"
#include "lexicon_options.h"
#include "option_values.h"
#include "output.h"
#include "pipeline/pair_job.h"
#include "review_page.h"
#include "tmx_options.h"

namespace untm::cli {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    "usage: untm align FIRST_FILE SECOND_FILE [-o OUT] [--links FILE.align] [--report FILE.html] [options]\n"
    "       untm align FIRST_FILE SECOND_FILE --from-links FILE.align|FILE.xml -o OUT\n"
    "\n"
    "Aligns the sentences of two documents that translate each other: paragraphs\n"
    "first, then sentences inside linked paragraphs (Gale & Church lengths, with\n"
    "anchors such as numbers, names and quotes). FIRST_FILE is the --first-lang side.\n"
    "A file whose letters contradict its language is refused; without --first-lang\n"
    "and --second-lang, an English FIRST_FILE and a Chinese SECOND_FILE are aligned so.\n"
    "\n"
    "example:\n"
    "  untm align report.zh.txt report.en.txt -o report.tsv\n"
    "  untm align --presplit zh/001 en/001 --links 001.align\n"
    "\n"
    "With --presplit every non-empty line is one sentence, and --links indexes\n"
    "those sentences from 0.\n"
    "\n"
    "Review: --report writes a page to check and correct the links in a browser;\n"
    "its \"Save corrections\" gives a links file that --from-links turns into pairs\n"
    "(links marked checked or edited there are x-origin manual in TMX).\n"
    "InterText: --intertext PREFIX writes the pair as the InterText editor opens it,\n"
    "and --from-links reads its alignment file back (status man is manual).\n"
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

// The command line of `untm align`, parsed.
struct AlignCommand {
  pipeline::PairJob job;
  std::string output_path, links_path, report_path, intertext_prefix, first_code, second_code, length_unit,
      fixed_priors;
  LanguageOptionValues languages;
  bool no_anchors = false;
  OutputOptions output;
  TmxOptionValues tmx;
  DictionaryChoice dictionary;
};

// Option ranges. A negative weight turns a bonus into a cost (or the reverse),
// and EM stops after its iterations, so -1 (4294967295 through an unsigned)
// ran for hours; 100 is far past where EM stops changing anything.
constexpr long long kMaxEmIterations = 100;
constexpr NumberRange kWeight{0, Bound::inclusive, 1e6};
constexpr NumberRange kPositive{0, Bound::exclusive, 1e6};

// The alignment model's options: the length model, EM and the anchors.
void add_model_options(po::options_description& visible, AlignCommand& command) {
  AlignOptions& options = command.job.align;
  AnchorWeights& weights = options.anchor_weights;
  visible.add_options()
      ("no-anchors", po::bool_switch(&command.no_anchors), "lengths only: no anchors, no clause constraint")
      ("em-iterations", integer_value(options.em_iterations, "--em-iterations", 0, kMaxEmIterations)
           ->default_value(shown_default(options.em_iterations)),
       "passes re-estimating link-type priors and length variance on the text (0: fixed start values)")
      ("variance-inflation", number_value(options.variance_inflation, "--variance-inflation", kPositive)
           ->default_value(shown_default(options.variance_inflation)),
       "factor on the length variance measured on 1-1 links")
      ("prior-smoothing", number_value(options.prior_smoothing, "--prior-smoothing", kWeight)
           ->default_value(shown_default(options.prior_smoothing)),
       "pseudo-links pulling estimated link-type priors to their start values")
      ("number-match", number_value(weights.shared_token_match, "--number-match", kWeight)
           ->default_value(shown_default(weights.shared_token_match)),
       "anchor bonus (nats) per number or enumerator found on both sides")
      ("number-mismatch", number_value(weights.shared_token_mismatch, "--number-mismatch", kWeight)
           ->default_value(shown_default(weights.shared_token_mismatch)),
       "anchor cost per number or enumerator on one side only")
      ("name-match", number_value(weights.latin_word_match, "--name-match", kWeight)
           ->default_value(shown_default(weights.latin_word_match)),
       "anchor bonus per Latin-script word of the Chinese side found on the other")
      ("boundary-match", number_value(weights.boundary_match, "--boundary-match", kWeight)
           ->default_value(shown_default(weights.boundary_match)),
       "anchor bonus per quote or ?/! agreeing at a link's start or end")
      ("boundary-mismatch", number_value(weights.boundary_mismatch, "--boundary-mismatch", kWeight)
           ->default_value(shown_default(weights.boundary_mismatch)),
       "anchor cost per quote or ?/! at a link's start or end on one side only")
      ("fixed-boundary-costs", po::bool_switch()->notifier([&options](bool fixed) { options.learn_boundary_costs = !fixed; }),
       "keep the boundary weights fixed instead of learning them per document")
      ("length-unit", po::value(&command.length_unit)->default_value("chars"),
       "what a length counts: chars (code points without white space) or bytes (UTF-8)")
      ("fixed-priors", po::value(&command.fixed_priors),
       "keep link-type priors fixed instead of estimating them, e.g. 1-1=0.7,1-2=0.15,2-1=0.05 "
       "(types not named get 0.0001)")
      ("clause-excess", number_value(weights.clause_excess, "--clause-excess", kWeight)
           ->default_value(shown_default(weights.clause_excess)),
       "cost per sentence beyond n + k for n Chinese sentences with k inner ，；：");
  add_decoding_option(visible, options.posterior_decoding);
}

po::options_description align_options(AlignCommand& command) {
  po::options_description visible(kUsage);
  OutputOptions& output = command.output;
  visible.add_options()
      ("help,h", "show this help")
      ("output,o", po::value(&command.output_path), "output file; format by extension (.tsv .jsonl .tmx .tmx.gz .tmx.zst .moses), or --format")
      ("links", po::value(&command.links_path)->value_name("FILE"),
       "also write the links, one [i,j]:[k] per line (0-based sentence indices); "
       "FILE.xml: as an InterText alignment file")
      ("report", po::value(&command.report_path),
       "also write the review page: both documents with their links, doubtful ones marked, editable")
      ("from-links", po::value(&command.job.from_links)->value_name("FILE"),
       "write the pairs of these links (e.g. the review page's corrections, or an InterText alignment file) "
       "instead of aligning")
      ("intertext", po::value(&command.intertext_prefix)->value_name("PREFIX"),
       "also write the pair for the InterText editor: PREFIX.zh.xml and PREFIX.en.xml (sentences with ids) "
       "and PREFIX.zh.en.alignment.xml (the links)")
      ("presplit", po::bool_switch(&command.job.text.presplit), "inputs hold one sentence per line: no cleaning or splitting")
      ("id", po::value(&command.job.id), "document id in the output, e.g. the UN symbol (default: FIRST_FILE's name)")
      ("date", po::value(&output.header.creation_date)->value_name("YYYYMMDDThhmmssZ"),
       "TMX creation date (default: now), for reproducible output");
  add_language_options(visible, command.languages, true);
  add_tmx_options(visible, command.tmx);
  add_model_options(visible, command);
  add_lexicon_options(visible, command.job.lexicon, command.dictionary);
  add_input_format_option(visible, command.job.text.format);
  add_filter_options(visible, output.filter);
  return visible;
}

// The options that need more than a type: languages, the length unit, priors.
void interpret(AlignCommand& command) {
  pipeline::PairJob& job = command.job;
  if (job.first_name.empty() || job.second_name.empty()) throw UsageError("needs two input files");
  const LanguageCodes codes = resolve_language_options(command.languages, "align");
  command.first_code = codes.first;
  command.second_code = codes.second;
  if (codes.original) command.output.header.srclang = *codes.original;
  apply_tmx_options(command.tmx, command.first_code, command.second_code, command.output_path, command.output);
  if (command.output_path.empty() && command.links_path.empty() && command.report_path.empty() &&
      command.intertext_prefix.empty()) {
    throw UsageError("needs -o OUT, --links FILE, --report FILE.html or --intertext PREFIX");
  }
  if (!command.output.header.creation_date.empty()) check_date_option(command.output.header.creation_date, "--date");
  job.align.first_language = language_option(command.first_code, "--first-lang");
  job.align.second_language = language_option(command.second_code, "--second-lang");
  job.align.use_anchors = !command.no_anchors;
  if (command.length_unit == "bytes") {
    job.align.length_unit = LengthUnit::bytes;
  } else if (command.length_unit != "chars") {
    throw UsageError(fmt::format("--length-unit: '{}' is neither chars nor bytes", command.length_unit));
  }
  if (!command.fixed_priors.empty()) job.align.fixed_priors = parse_priors(command.fixed_priors);
  if (job.id.empty()) job.id = std::filesystem::path(job.first_name).stem().string();
}

// With --from-links nothing is aligned: an option of the model or the
// lexicon would be silently ignored, and --min-confidence would drop every
// link the file does not mark, since the file records no confidences. A
// translator gets told instead of getting a surprise.
void refuse_with_from_links(const po::variables_map& values) {
  if (values.count("from-links") == 0) return;
  AlignCommand unused;
  po::options_description aligner_only;
  add_model_options(aligner_only, unused);
  add_lexicon_options(aligner_only, unused.job.lexicon, unused.dictionary);
  for (const auto& option : aligner_only.options()) {
    const auto given = values.find(option->long_name());
    if (given == values.end() || given->second.defaulted()) continue;
    throw UsageError(fmt::format("--{} cannot be used with --from-links, which pairs the file's links without "
                                 "aligning",
                                 option->long_name()));
  }
  const auto min_confidence = values.find("min-confidence");
  if (min_confidence != values.end() && !min_confidence->second.defaulted()) {
    throw UsageError("--min-confidence cannot be used with --from-links: a links file records no confidences "
                     "(checked or edited links have 1, the others 0), so it would drop every unmarked link");
  }
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
  refuse_with_from_links(values);
  // Languages not stated: a pair given the other way round is aligned in its
  // order; stated ones are checked against the texts.
  const LanguageOptionValues& languages = command.languages;
  command.job.text.detect_order = languages.first.empty() && languages.old_first.empty() &&
                                  languages.second.empty() && languages.old_second.empty();
  interpret(command);
  // Links read from a file are not aligned: no dictionary to look for.
  if (command.job.from_links.empty()) choose_dictionary(command.job.lexicon, command.dictionary, true);
  return command;
}

// Every file the run reads and writes, checked before any work.
void check_align_files(const AlignCommand& command) {
  RunFiles files;
  files.input("FIRST_FILE", command.job.first_name);
  files.input("SECOND_FILE", command.job.second_name);
  files.input("--from-links", command.job.from_links);
  declare_lexicon_files(files, command.job.lexicon);
  if (!command.output_path.empty()) {
    declare_alignment_output(files, "-o", command.output_path,
                             std::string(language_code(command.job.align.first_language)),
                             std::string(language_code(command.job.align.second_language)), command.output.format);
  }
  files.output("--links", command.links_path);
  files.output("--report", command.report_path);
  declare_intertext_outputs(files, command.intertext_prefix, command.first_code, command.second_code,
                            command.job.text.detect_order);
  files.check();
}

// --links: the notation, or InterText XML for FILE.xml, whose document
// files are named as --intertext PREFIX names them (else after the id).
std::string links_text(const AlignCommand& command, const pipeline::PairResult& result) {
  if (!is_intertext_links_path(command.links_path)) return format_links(links_of(result.document));
  const std::string name = command.intertext_prefix.empty()
                               ? result.document.id
                               : std::filesystem::path(command.intertext_prefix).filename().string();
  return intertext_links_text(result.document, result.split, name);
}

}  // namespace

int run_align(const Arguments& args) {
  const std::optional<AlignCommand> command = parse_align_command(args);
  if (!command) return 0;
  check_align_files(*command);
  const pipeline::PairResult result = pipeline::run_pair_job(command->job, read_file);
  for (const std::string& warning : result.warnings) fmt::print(stderr, "untm align: warning: {}\n", warning);
  if (result.lexicon_to_save) write_file(command->job.lexicon.save_lexicon, *result.lexicon_to_save);
  const AlignedDocument& aligned = result.document;
  if (!command->output_path.empty()) {
    const OutputStats stats = write_alignment(aligned, command->output_path, command->output);
    const std::string filters = format::describe(command->output.filter);
    if (!filters.empty()) {
      fmt::print(stderr, "untm align: kept {} of {} pairs ({})\n", stats.pairs_written, aligned.pairs.size(), filters);
    }
  }
  if (!command->report_path.empty()) {
    write_file(command->report_path,
               review_page(aligned, result.split, command->job.first_name, command->job.second_name));
  }
  if (!command->links_path.empty()) write_file(command->links_path, links_text(*command, result));
  if (!command->intertext_prefix.empty()) write_intertext_files(command->intertext_prefix, aligned, result.split);
  return 0;
}

}  // namespace untm::cli
