// `untm batch (MANIFEST.tsv | DIR) -o OUT.tmx.zst`: aligns many document pairs
// into one bundle. Reads the document list, picks the shard, and hands it to
// the library's batch job (pipeline/batch_job.h) with files for storage and
// a progress display for observer.
#include <boost/program_options.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <thread>

#include "batch/manifest.h"
#include "batch/pairing.h"
#include "batch/shard.h"
#include "batch_files.h"
#include "batch_progress.h"
#include "commands.h"
#include "core/error.h"
#include "decoding_option.h"
#include "exit_codes.h"
#include "file_io.h"
#include "format/tmx.h"
#include "input_format_option.h"
#include "language_options.h"
#include "lexicon_options.h"
#include "option_values.h"
#include "pipeline/batch_job.h"
#include "tmx_options.h"

namespace untm::cli {

namespace {

namespace po = boost::program_options;

constexpr const char* kUsage = R"(usage: untm batch (MANIFEST.tsv | DIR) -o OUT.tmx.zst [OPTIONS]

Aligns many Chinese-English document pairs into one bundle, documents in list
order whatever the thread timing.

MANIFEST.tsv: one pair per line, id<TAB>zh_path<TAB>en_path; relative paths
  are relative to the manifest's folder; '#' starts a comment line.
DIR: files paired by name: A_68_155-ZH.txt + A_68_155-EN.txt, X.zh + X.en
  (or X.zh.txt + X.en.txt), zh/NAME + en/NAME. Files that cannot be paired are
  listed with the reason.

Exit codes: 0 every document aligned; 3 the bundle was written but some
documents failed (listed at the end and in --report, as are the warnings:
an empty side, lengths no translation has); 1 bad input, 64 bad
usage, 74 an output cannot be written (nothing written); 2 internal error.

Examples:
  untm batch session68.tsv -o session68.tmx.zst -j 4 --report session68.jsonl
  untm batch ../shared/gold/pol-dev --presplit -o pol.tmx.zst --links-dir pol-links
  untm batch corpus.tsv -o part-3.tmx.zst --shard 3/8    # then: untm bundle merge
  untm batch corpus.tsv -o all.tmx.zst --resume          # after a kill: finish the job

Options)";

std::vector<std::string> list_files_under(const std::filesystem::path& folder) {
  std::vector<std::string> files;
  std::error_code error;
  for (std::filesystem::recursive_directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    std::error_code status_error;
    if (it->is_regular_file(status_error)) {
      files.push_back(it->path().lexically_relative(folder).generic_string());
    }
  }
  if (error) throw InputError(folder.string(), "cannot list the folder: " + error.message());
  std::sort(files.begin(), files.end());
  return files;
}

std::string resolve(const std::filesystem::path& folder, const std::string& path) {
  const std::filesystem::path given(path);
  if (given.is_absolute()) return path;
  return (folder / given).lexically_normal().string();
}

struct DocumentList {
  std::vector<batch::DocumentPair> documents;
  std::vector<batch::UnpairedFile> unpaired;
};

DocumentList read_document_list(const std::string& input) {
  DocumentList list;
  std::error_code error;
  if (std::filesystem::is_directory(input, error)) {
    auto pairing = batch::pair_files_by_name(list_files_under(input));
    for (auto& pair : pairing.pairs) {
      pair.first_path = resolve(input, pair.first_path);
      pair.second_path = resolve(input, pair.second_path);
    }
    for (auto& file : pairing.unpaired) file.path = resolve(input, file.path);
    list.documents = std::move(pairing.pairs);
    list.unpaired = std::move(pairing.unpaired);
  } else {
    list.documents = batch::parse_manifest(read_file(input), input);
    const auto folder = input == "-" ? std::filesystem::path(".") : std::filesystem::path(input).parent_path();
    for (auto& pair : list.documents) {
      pair.first_path = resolve(folder, pair.first_path);
      pair.second_path = resolve(folder, pair.second_path);
    }
  }
  return list;
}

void print_summary(const pipeline::BatchSummary& summary, bool quiet) {
  if (!quiet) {
    fmt::print(stderr, "untm batch: {} of {} documents aligned ({} from an earlier run), {} pairs, {:.1f} MB of text\n",
               summary.aligned, summary.documents, summary.resumed, summary.pairs,
               static_cast<double>(summary.input_bytes) / 1e6);
  }
  // Even with -q: a warning says the bundle may not hold what was meant.
  for (const auto& [id, warning] : summary.warnings) fmt::print(stderr, "untm batch: warning: {}: {}\n", id, warning);
  if (summary.failed.empty()) return;
  fmt::print(stderr, "untm batch: {} documents failed and are not in the bundle:\n", summary.failed.size());
  for (const auto& failure : summary.failed) {
    if (failure.file.empty()) {
      fmt::print(stderr, "  {}: {}\n", failure.id, failure.reason);
    } else {
      fmt::print(stderr, "  {}: {}: {}\n", failure.id, failure.file, failure.reason);
    }
  }
}

// The command line of `untm batch`, parsed.
struct BatchCommand {
  std::string input;
  std::string output;
  std::string shard;
  std::string date;
  std::string report;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  double progress_seconds = 10;
  bool quiet = false;
  pipeline::BatchSettings settings;
  bool resume = false;
  LanguageOptionValues languages;
  DictionaryChoice dictionary;
};

// More threads than this only cost memory; a learning sample of 0 would
// learn nothing (--no-learn says that), and one past the list is the list.
constexpr long long kMaxThreads = 1024;
constexpr long long kMaxSample = 1'000'000'000;

po::options_description batch_options(BatchCommand& command) {
  pipeline::BatchSettings& settings = command.settings;
  po::options_description options(kUsage);
  options.add_options()
      ("help,h", "show this help")
      ("output,o", po::value(&command.output)->value_name("OUT.tmx.zst"), "the bundle to write (required)")
      ("jobs,j", integer_value(command.threads, "--jobs", 1, kMaxThreads)->value_name("N"),
       "worker threads (default: the number of cores)")
      ("shard", po::value(&command.shard)->value_name("K/N"),
       "align only shard K of N: the K-th of N contiguous runs of the list; "
       "'untm bundle merge' of the N shard bundles, in order, gives the whole batch")
      ("resume", po::bool_switch(&command.resume),
       "finish a batch that was killed: keep the documents it finished (from OUT's journal, "
       "OUT.untm-journal) and align the rest; a document that failed is aligned again only if its inputs "
       "changed")
      ("presplit", po::bool_switch(&settings.presplit),
       "inputs hold one sentence per line (gold-set layout), as in 'untm align --presplit'")
      ("date", po::value(&command.date)->value_name("YYYYMMDDThhmmssZ"),
       "creation date of every unit (default: now), for byte-identical bundles")
      ("report", po::value(&command.report)->value_name("FILE.jsonl"),
       "one JSON line per document (aligned, with its warnings if any; failed, with file and reason) and per "
       "unpaired file")
      ("links-dir", po::value(&settings.links_dir)->value_name("DIR"),
       "also write DIR/<id>.align per document in the gold link format ([i,j]:[k]), for 'untm eval'; "
       "in <id>, '/', '\\', '%', '~', control characters and a leading '.' are written %XX "
       "(A/68/155: A%2F68%2F155.align), so every file stays in DIR and no two ids share one")
      ("learn-sample",
       integer_value(settings.lexicon.sample_documents, "--learn-sample", 1, kMaxSample)->value_name("N"),
       "pass 1 learns the lexicon from N documents spread over the whole list, before --shard, so every "
       "shard learns the same one (default 1000)")
      ("quiet,q", po::bool_switch(&command.quiet), "no progress display and no summary line (failures are still listed)")
      ("progress-interval", number_value(command.progress_seconds, "--progress-interval", {0, Bound::exclusive, 86400})
           ->value_name("SECONDS"),
       "seconds between progress lines when stderr is not a terminal (default 10)");
  add_language_options(options, command.languages, false);
  add_lexicon_options(options, settings.lexicon, command.dictionary);
  add_input_format_option(options, settings.input_format);
  add_decoding_option(options, settings.posterior_decoding);
  return options;
}

batch::Shard parse_shard_option(std::string_view text) {
  try {
    return batch::parse_shard(text);
  } catch (const UsageError& error) {
    throw UsageError(fmt::format("--shard: {}", error.what()));
  }
}

void check(const BatchCommand& command) {
  if (command.input.empty()) throw UsageError("give a manifest (.tsv) or a folder of documents");
  if (command.output.empty()) throw UsageError("give the bundle to write with -o OUT.tmx.zst");
  if (command.output == "-") throw UsageError("a batch writes a file (it keeps a resume journal beside it), not stdout");
  if (!command.date.empty() && !format::is_tmx_date(command.date)) {
    throw UsageError(fmt::format("--date '{}' is not a TMX date such as 20131001T120000Z", command.date));
  }
  if (!command.shard.empty()) parse_shard_option(command.shard);  // before the list is read
}

// Parses the command line; nullopt after printing the help.
std::optional<BatchCommand> parse_batch_command(const Arguments& args) {
  BatchCommand command;
  po::options_description options = batch_options(command);
  po::options_description hidden;
  hidden.add_options()("input", po::value(&command.input));
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("input", 1);
  po::variables_map values;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), values);
  if (values.count("help")) {
    std::cout << options << '\n';
    return std::nullopt;
  }
  po::notify(values);
  if (const auto original = resolve_language_options(command.languages, "batch").original) {
    // A batch aligns Chinese (the first file of each pair) with English.
    command.settings.srclang = original_language_of(*original, "zh", "en");
  }
  check(command);
  choose_dictionary(command.settings.lexicon, command.dictionary, !command.quiet);
  return command;
}

pipeline::BatchRun batch_run(const BatchCommand& command) {
  pipeline::BatchRun run;
  run.threads = command.threads;
  run.resume = command.resume;
  if (!command.date.empty()) run.creation_date = command.date;
  run.report = !command.report.empty();
  return run;
}

std::vector<batch::DocumentPair> shard_of(const std::vector<batch::DocumentPair>& documents, const std::string& shard) {
  if (shard.empty()) return documents;
  const auto range = batch::shard_range(parse_shard_option(shard), documents.size());
  return {documents.begin() + static_cast<std::ptrdiff_t>(range.begin),
          documents.begin() + static_cast<std::ptrdiff_t>(range.end)};
}

// The library names no flags; a refused resume gets them back here.
[[noreturn]] void rethrow_with_flags(const pipeline::ResumeRefused& refused) {
  if (refused.reason() == pipeline::ResumeRefused::Reason::other_date) {
    throw InputError("--date", fmt::format("the resumed batch was started with --date {}", refused.journal_date()));
  }
  throw InputError(refused.source(), "--resume: this journal belongs to another batch (other documents or options); "
                                     "delete it to start over");
}

}  // namespace

int run_batch(const Arguments& args) {
  const std::optional<BatchCommand> command = parse_batch_command(args);
  if (!command) return 0;
  const DocumentList list = read_document_list(command->input);
  for (const auto& file : list.unpaired) fmt::print(stderr, "untm batch: left out {}: {}\n", file.path, file.reason);
  if (list.documents.empty()) throw InputError(command->input, "no document pairs to align");
  const std::vector<batch::DocumentPair> selected = shard_of(list.documents, command->shard);

  BatchDestinations destinations{command->output, std::nullopt, command->settings.links_dir};
  if (!command->report.empty()) destinations.report = command->report;
  check_batch_files(command->input, list.documents, selected, destinations, command->settings.lexicon);
  BatchFiles files(destinations);
  const ProgressStyle style = command->quiet                ? ProgressStyle::quiet
                              : ::isatty(STDERR_FILENO) ? ProgressStyle::bar
                                                        : ProgressStyle::lines;
  BatchProgress progress(style, std::chrono::milliseconds(static_cast<long long>(command->progress_seconds * 1000)),
                         files.name(pipeline::WorkFile::journal));
  try {
    const pipeline::BatchSummary summary = pipeline::run_batch_job(selected, list.documents, list.unpaired,
                                                                   command->settings, batch_run(*command), files, progress);
    print_summary(summary, command->quiet);
    return summary.failed.empty() ? 0 : kExitSomeDocumentsFailed;
  } catch (const pipeline::ResumeRefused& refused) {
    rethrow_with_flags(refused);
  }
}

}  // namespace untm::cli
