// `untm bundle ls|stats|verify|cat|export|merge`: reading, checking and
// combining .tmx.zst bundles (docs/DESIGN.md, "The bundle"; lib/bundle).
#include <boost/program_options.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <span>
#include <ostream>
#include <string>
#include <vector>

#include "bundle/merge.h"
#include "bundle/reader.h"
#include "bundle_stats.h"
#include "commands.h"
#include "core/error.h"
#include "file_io.h"
#include "format/plain.h"
#include "format/tmx.h"
#include "format/tmx_reader.h"
#include "option_values.h"
#include "output.h"
#include "tmx_options.h"

namespace untm::cli {

namespace po = boost::program_options;

namespace {

constexpr std::string_view kUsage = R"(usage: untm bundle ACTION BUNDLE [OPTIONS]

actions:
  ls BUNDLE          one document per line: id, units, languages, frame offset and
                     compressed size (read from the index alone)
  stats BUNDLE       documents, units, manual units, link types, confidence histogram,
                     languages; --json: also per document
  verify BUNDLE      decompress every frame and check checksums and unit counts;
                     names each damaged document, exit 1 if any
  cat BUNDLE         the TMX of the whole bundle, or with --doc ID of some
                     documents only (the others are not decompressed)
  export BUNDLE      --format tsv|jsonl|tmx|tmx.gz|moses (or -o OUT's ending)
                     [--min-confidence X] [--doc ID] [-o OUT]; standard output
                     without -o; moses needs -o PREFIX and writes PREFIX.zh and
                     PREFIX.en
  merge A B ... -o C concatenate the documents of bundles into C; a document id in
                     two inputs is refused unless --keep first|last says which wins

examples:
  untm bundle ls un.tmx.zst
  untm bundle cat un.tmx.zst --doc A/68/155 > A-68-155.tmx
  untm bundle export un.tmx.zst --format tsv --min-confidence 0.5 -o pairs.tsv
  untm bundle merge part1.tmx.zst part2.tmx.zst -o all.tmx.zst

'untm bundle ACTION --help' lists the options of one action.)";

// An opened bundle: the file stream and its reader. Warnings found while
// opening (rebuilt index, truncation) go to standard error.
struct OpenBundle {
  std::ifstream stream;
  std::unique_ptr<bundle::BundleReader> reader;

  explicit OpenBundle(const std::string& path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) throw InputError(path, "is a directory, not a bundle");
    stream.open(path, std::ios::binary);
    if (!stream) throw InputError(path, fmt::format("cannot open: {}", std::strerror(errno)));
    reader = std::make_unique<bundle::BundleReader>(stream, path);
    for (const auto& warning : reader->warnings()) fmt::print(stderr, "untm bundle: {}: warning: {}\n", path, warning);
  }
};

// Throws the error that tells the user a listing or export is incomplete:
// the file is truncated, or a scan lost a document or could not confirm its
// name (each loss was printed as a warning when the bundle was opened).
void fail_if_truncated(const bundle::BundleReader& reader) {
  if (reader.truncated()) {
    throw InputError(reader.source_name(),
                     fmt::format("truncated: read only the documents before the damage ({})",
                                 reader.documents().size()));
  }
  if (!reader.complete()) {
    throw InputError(reader.source_name(),
                     fmt::format("incomplete: {} ({} problem(s) in all, listed above); the {} documents read are not "
                                 "the whole bundle",
                                 reader.losses().front(), reader.losses().size(), reader.documents().size()));
  }
}

// The entries named by --doc (in the order given), or all of them.
std::vector<const bundle::IndexEntry*> selected_documents(const bundle::BundleReader& reader,
                                                          const std::vector<std::string>& ids) {
  std::vector<const bundle::IndexEntry*> selected;
  if (ids.empty()) {
    for (const auto& entry : reader.documents()) selected.push_back(&entry);
    return selected;
  }
  for (const auto& id : ids) {
    const bundle::IndexEntry* entry = reader.find(id);
    if (entry == nullptr) {
      throw InputError(reader.source_name(),
                       fmt::format("no document with id '{}'{}", id,
                                   reader.complete() ? "" : " (the bundle is damaged: it may be one of those lost)"));
    }
    selected.push_back(entry);
  }
  return selected;
}

struct ParsedCommand {
  po::variables_map values;
  bool help = false;
};

// Parses `args` with `options` plus positional BUNDLE arguments into `bundles`.
ParsedCommand parse(const Arguments& args, po::options_description& options, std::vector<std::string>& bundles,
                    std::string_view usage) {
  options.add_options()("help,h", "show this help");
  po::options_description hidden;
  hidden.add_options()("bundle", po::value(&bundles));
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("bundle", -1);
  ParsedCommand parsed;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), parsed.values);
  if (parsed.values.count("help") != 0) {
    std::cout << usage << "\n\noptions:\n" << options << '\n';
    parsed.help = true;
    return parsed;
  }
  po::notify(parsed.values);
  return parsed;
}

std::string single_bundle(const std::vector<std::string>& bundles, std::string_view action) {
  if (bundles.size() != 1) throw UsageError(fmt::format("'untm bundle {}' takes one BUNDLE", action));
  return bundles.front();
}

// The input bundles and the output file of cat or merge, checked
// before any work (an output naming an input bundle would destroy it).
void check_bundle_files(const std::vector<std::string>& bundles, const std::string& output) {
  RunFiles files;
  for (const auto& bundle : bundles) files.input("input bundle", bundle);
  files.output("-o", output);
  files.check();
}

int run_ls(const Arguments& args) {
  po::options_description options("options");
  std::vector<std::string> bundles;
  if (parse(args, options, bundles, "usage: untm bundle ls BUNDLE\n\nexample:\n  untm bundle ls un.tmx.zst").help) {
    return 0;
  }
  OpenBundle opened(single_bundle(bundles, "ls"));
  std::string listing;
  for (const auto& entry : opened.reader->documents()) {
    listing += fmt::format("{}\t{}\t{}-{}\t{}\t{}{}\n", entry.id, entry.unit_count, entry.first_language,
                           entry.second_language, entry.frame.offset, entry.frame.size,
                           entry.damaged ? "\tdamaged" : "");
  }
  AtomicOutputFile out("-");
  out.write(listing);
  out.commit();
  fail_if_truncated(*opened.reader);
  return 0;
}

int run_stats(const Arguments& args) {
  po::options_description options("options");
  std::vector<std::string> bundles;
  bool json = false;
  options.add_options()("json", po::bool_switch(&json), "one JSON object, with the figures of every document too");
  if (parse(args, options, bundles,
            "usage: untm bundle stats BUNDLE [--json]\n\nexample:\n  untm bundle stats un.tmx.zst --json")
          .help) {
    return 0;
  }
  OpenBundle opened(single_bundle(bundles, "stats"));
  bundle::BundleReader& reader = *opened.reader;
  const BundleStats stats = collect_stats(reader);
  AtomicOutputFile out("-");
  out.write(json ? stats_json(stats, reader) : stats_text(stats, reader));
  out.commit();
  fail_if_truncated(reader);
  return 0;
}

int run_verify(const Arguments& args) {
  po::options_description options("options");
  std::vector<std::string> bundles;
  if (parse(args, options, bundles, "usage: untm bundle verify BUNDLE\n\nexample:\n  untm bundle verify un.tmx.zst")
          .help) {
    return 0;
  }
  OpenBundle opened(single_bundle(bundles, "verify"));
  const bundle::VerifyReport report = opened.reader->verify();
  for (const auto& problem : report.problems) {
    fmt::print(stderr, "untm bundle verify: {}: {} (byte {}): {}\n", opened.reader->source_name(), problem.document,
               problem.offset, problem.problem);
  }
  if (!report.ok()) {
    fmt::print(stderr, "untm bundle verify: {}: {} problem(s) in {} frames\n", opened.reader->source_name(),
               report.problems.size(), report.frames_checked);
    return 1;
  }
  fmt::print("{}: OK: {} documents, {} units, {} frames checked\n", opened.reader->source_name(),
             opened.reader->documents().size(), report.units_checked, report.frames_checked);
  return 0;
}

int run_cat(const Arguments& args) {
  po::options_description options("options");
  std::vector<std::string> bundles, ids;
  std::string output_path = "-";
  options.add_options()
      ("doc,d", po::value(&ids), "only the document with this id (repeatable)")
      ("output,o", po::value(&output_path), "write to this file instead of standard output");
  if (parse(args, options, bundles,
            "usage: untm bundle cat BUNDLE [--doc ID]... [-o OUT.tmx]\n\n"
            "Prints one valid TMX file: the bundle's header, the selected documents, the footer.\n\n"
            "example:\n  untm bundle cat un.tmx.zst --doc A/68/155")
          .help) {
    return 0;
  }
  const std::string bundle_path = single_bundle(bundles, "cat");
  check_bundle_files({bundle_path}, output_path);
  OpenBundle opened(bundle_path);
  bundle::BundleReader& reader = *opened.reader;
  const auto selected = selected_documents(reader, ids);
  AtomicOutputFile file(output_path);
  pipeline::SinkStreambuf buffer(file);
  std::ostream out(&buffer);
  out.exceptions(std::ios::badbit);
  out << reader.header_xml();
  for (const auto* entry : selected) reader.read_document(*entry, out);
  out << format::tmx_footer();
  out.flush();
  if (ids.empty()) fail_if_truncated(reader);
  file.commit();
  return 0;
}

// The language pair of a Moses or headed TSV export: the first selected document's.
std::pair<std::string, std::string> export_languages(const std::vector<const bundle::IndexEntry*>& selected) {
  if (selected.empty()) return {"zh", "en"};
  return {selected.front()->first_language, selected.front()->second_language};
}

// Moses files and a TSV header name one language pair for the whole export.
void check_language_pair(const bundle::BundleReader& reader, const bundle::IndexEntry& entry,
                         const std::pair<std::string, std::string>& languages) {
  if (entry.first_language != languages.first || entry.second_language != languages.second) {
    throw InputError(reader.source_name(),
                     fmt::format("document {} is {}-{}, not {}-{}: export it on its own", entry.id,
                                 entry.first_language, entry.second_language, languages.first, languages.second));
  }
}

// The command line of `untm bundle export`.
struct ExportCommand {
  std::vector<std::string> bundles, ids;
  std::string output_path = "-";
  format::PairFilter filter;
  TmxOptionValues tmx;
};

// One export: what to write, and the counts of what was written.
struct Export {
  const ExportCommand& command;
  OutputFormat format;
  OutputOptions output;  // header (the bundle's), filter, TMX tags, null links, TSV header
  format::FormatOptions format_options;
  format::CleanupCounts counts;
  bool whole_bundle;
};

// --format moses: the two files of one language pair.
std::size_t export_moses(bundle::BundleReader& reader, const std::vector<const bundle::IndexEntry*>& selected,
                         Export& job) {
  const auto languages = export_languages(selected);
  const auto [first_path, second_path] = moses_paths(job.command.output_path, languages.first, languages.second);
  AtomicOutputFile first_file(first_path), second_file(second_path);
  std::size_t pairs = 0;
  for (const auto* entry : selected) {
    check_language_pair(reader, *entry, languages);
    std::string first, second;
    pairs += format::append_moses(first, second, reader.document(*entry), job.format_options, job.counts);
    first_file.write(first);
    second_file.write(second);
  }
  if (job.whole_bundle) fail_if_truncated(reader);
  commit_both(first_file, second_file);
  return pairs;
}

std::size_t append_document(std::string& text, const AlignedDocument& document, const format::TmxHeader& header,
                            Export& job) {
  if (job.format == OutputFormat::tsv) return format::append_tsv(text, document, job.format_options, job.counts);
  if (job.format == OutputFormat::jsonl) return format::append_jsonl(text, document, job.format_options, job.counts);
  return format::append_tmx_units(text, with_tmx_languages(document, job.output), header, job.format_options,
                                  job.counts);
}

// --format tsv, jsonl, tmx or tmx.gz: one stream.
std::size_t export_stream(bundle::BundleReader& reader, const std::vector<const bundle::IndexEntry*>& selected,
                          Export& job) {
  AtomicOutputFile file(job.command.output_path);
  std::optional<GzipWriter> gzip;
  if (job.format == OutputFormat::tmx_gz) gzip.emplace(file);
  const auto write = [&](std::string_view text) { gzip ? gzip->write(text) : file.write(text); };
  const bool tmx = job.format == OutputFormat::tmx || job.format == OutputFormat::tmx_gz;
  const bool tsv_header = job.format == OutputFormat::tsv && job.output.tsv_header;
  const auto languages = export_languages(selected);
  format::TmxHeader header = job.output.header;
  if (tmx) {
    // Filters already applied when the bundle was written come first: the
    // pairs went through both.
    const std::string filters = format::describe(job.format_options.selection.filter());
    if (!filters.empty()) header.filters += (header.filters.empty() ? "" : " ") + filters;
    write(format::render_tmx_header(header));
  }
  if (tsv_header) write(tsv_header_line(languages.first, languages.second));
  std::size_t pairs = 0;
  for (const auto* entry : selected) {
    if (tsv_header) check_language_pair(reader, *entry, languages);
    std::string text;
    pairs += append_document(text, reader.document(*entry), header, job);
    write(text);
  }
  if (tmx) write(format::tmx_footer());
  if (gzip) gzip->finish();
  if (job.whole_bundle) fail_if_truncated(reader);
  file.commit();
  return pairs;
}

// --format, else -o's ending in any case (the names of `untm align`); a
// bundle's documents go into another bundle with merge, not export.
OutputFormat export_format(const ExportCommand& command) {
  if (command.tmx.format.empty() && command.output_path == "-") {
    throw UsageError("give --format FMT (tsv, jsonl, tmx, tmx.gz or moses), or -o OUT ending in one of them");
  }
  const OutputFormat format =
      command.tmx.format.empty() ? output_format_of(command.output_path) : output_format_named(command.tmx.format);
  if (format == OutputFormat::tmx_zst) {
    throw UsageError("export writes tsv, jsonl, tmx, tmx.gz or moses: 'untm bundle merge' copies documents into a "
                     "bundle");
  }
  if (format == OutputFormat::moses && command.output_path == "-") {
    throw UsageError("--format moses writes two files: give -o PREFIX");
  }
  if (!command.tmx.languages.empty()) parse_tmx_languages(command.tmx.languages);
  return format;
}

// The output files: before the bundle is opened (an output naming the input,
// an unwritable folder), and for Moses again once the index names the pair.
void check_export_files(const ExportCommand& command, OutputFormat format,
                        const std::pair<std::string, std::string>& languages) {
  RunFiles files;
  files.input("input bundle", command.bundles.front());
  declare_alignment_output(files, "-o", command.output_path, languages.first, languages.second, format);
  files.check();
}

// The bundle's header, with --tmx-langs: srclang becomes the tag of its side.
OutputOptions export_output_options(const ExportCommand& command, bundle::BundleReader& reader) {
  OutputOptions output;
  output.filter = command.filter;
  output.header = reader.header();
  output.keep_null_links = command.tmx.keep_null_links;
  output.tsv_header = command.tmx.tsv_header;
  if (!command.tmx.languages.empty()) {
    output.tmx_languages = parse_tmx_languages(command.tmx.languages);
    output.header.srclang = original_language_of(output.header.srclang, output.tmx_languages->first,
                                                 output.tmx_languages->second, "the bundle's srclang");
  }
  return output;
}

void report_export(const Export& job, std::size_t pairs, std::size_t documents) {
  if (job.command.output_path != "-") {
    fmt::print(stderr, "untm bundle export: {} pairs from {} documents\n", pairs, documents);
  }
  if (!format::describe(job.command.filter).empty()) {
    fmt::print(stderr, "untm bundle export: kept {} of {} pairs ({})\n", job.format_options.selection.kept(),
               job.format_options.selection.seen(), format::describe(job.command.filter));
  }
}

int run_export(const Arguments& args) {
  po::options_description options("options");
  ExportCommand command;
  options.add_options()
      ("doc,d", po::value(&command.ids), "only the document with this id (repeatable)")
      ("output,o", po::value(&command.output_path),
       "output file, format by its ending unless --format (moses: PREFIX for PREFIX.zh and PREFIX.en)");
  add_tmx_options(options, command.tmx, "format,f");
  add_filter_options(options, command.filter);
  if (parse(args, options, command.bundles,
            "usage: untm bundle export BUNDLE [--format tsv|jsonl|tmx|tmx.gz|moses] [--min-confidence X] "
            "[--doc ID]... [-o OUT]\n\nexample:\n  untm bundle export un.tmx.zst --format moses --min-confidence 0.5 "
            "-o corpus")
          .help) {
    return 0;
  }
  single_bundle(command.bundles, "export");
  const OutputFormat format = export_format(command);
  check_export_files(command, format, {"zh", "en"});
  OpenBundle opened(command.bundles.front());
  bundle::BundleReader& reader = *opened.reader;
  const auto selected = selected_documents(reader, command.ids);
  if (format == OutputFormat::moses) check_export_files(command, format, export_languages(selected));
  OutputOptions output = export_output_options(command, reader);
  const bool keep_null_links = output.keep_null_links;
  Export job{command, format, std::move(output),
             format::FormatOptions{format::PairSelection(command.filter), keep_null_links}, {}, command.ids.empty()};
  const std::size_t pairs =
      format == OutputFormat::moses ? export_moses(reader, selected, job) : export_stream(reader, selected, job);
  report_export(job, pairs, selected.size());
  return 0;
}

// The library names the duplicate; the option that resolves it is ours.
bundle::MergeResult merge_or_explain(std::span<bundle::BundleReader* const> readers, std::ostream& out,
                                     bundle::DuplicatePolicy policy, int level) {
  try {
    return bundle::merge_bundles(readers, out, policy, level);
  } catch (const bundle::DuplicateDocumentError& error) {
    throw InputError(error.source(), error.message() + " (choose which to keep with --keep first|last)");
  }
}

// --original-lang in a merge: the srclang every input was written with. It
// cannot change it: each document frame orders its <tuv>s by srclang, and
// frames are copied, not rewritten. So it checks: a language of neither side
// of a document is a usage error (64), an input written with another
// original is refused (1), before anything is written.
void check_original_language(const std::vector<bundle::BundleReader*>& readers, const std::string& original) {
  for (bundle::BundleReader* reader : readers) {
    for (const auto& entry : reader->documents()) {
      const std::string side = original_language_of(original, entry.first_language, entry.second_language);
      if (reader->header().srclang != side) {
        throw InputError(reader->source_name(), fmt::format("written with srclang '{}', not --original-lang '{}' "
                                                            "(a bundle's original language is set when it is made)",
                                                            reader->header().srclang, side));
      }
    }
  }
}

int run_merge(const Arguments& args) {
  po::options_description options("options");
  std::vector<std::string> bundles;
  std::string output_path, keep, original;
  int level = bundle::kDefaultCompressionLevel;
  options.add_options()
      ("output,o", po::value(&output_path)->required(), "the merged bundle (.tmx.zst)")
      ("keep", po::value(&keep), "a document id in two inputs: keep the 'first' or the 'last' (default: refuse)")
      ("level", integer_value(level, "--level", 1, 22), "zstd level (1 to 22) of the new header and footer frames");
  options.add_options()
      ("original-lang", po::value(&original)->value_name("LANG"),
       "refuse inputs not written with this original language (TMX srclang): a bundle's original is set when it "
       "is made, by 'untm batch --original-lang'");
  if (parse(args, options, bundles,
            "usage: untm bundle merge A.tmx.zst B.tmx.zst ... -o C.tmx.zst [--keep first|last] [--original-lang LANG]"
            "\n\n"
            "Copies the document frames as they are (checked, not recompressed) and writes a new index.\n\n"
            "example:\n  untm bundle merge part1.tmx.zst part2.tmx.zst -o all.tmx.zst")
          .help) {
    return 0;
  }
  if (bundles.empty()) throw UsageError("merge needs at least one input bundle");
  bundle::DuplicatePolicy policy = bundle::DuplicatePolicy::refuse;
  if (keep == "first") {
    policy = bundle::DuplicatePolicy::keep_first;
  } else if (keep == "last") {
    policy = bundle::DuplicatePolicy::keep_last;
  } else if (!keep.empty()) {
    throw UsageError(fmt::format("--keep '{}': use first or last", keep));
  }
  check_bundle_files(bundles, output_path);
  std::vector<std::unique_ptr<OpenBundle>> opened;
  std::vector<bundle::BundleReader*> readers;
  for (const auto& path : bundles) {
    opened.push_back(std::make_unique<OpenBundle>(path));
    fail_if_truncated(*opened.back()->reader);
    readers.push_back(opened.back()->reader.get());
  }
  if (!original.empty()) check_original_language(readers, original);
  AtomicOutputFile file(output_path);
  pipeline::SinkStreambuf buffer(file);
  std::ostream out(&buffer);
  out.exceptions(std::ios::badbit);
  const bundle::MergeResult result = merge_or_explain(readers, out, policy, level);
  out.flush();
  file.commit();
  fmt::print(stderr, "untm bundle merge: {}: {} documents, {} units{}\n", output_path, result.documents, result.units,
             result.duplicates_dropped > 0 ? fmt::format(" ({} duplicates dropped)", result.duplicates_dropped) : "");
  return 0;
}

struct Action {
  std::string_view name;
  int (*run)(const Arguments&);
};
constexpr Action kActions[] = {{"ls", run_ls},   {"stats", run_stats},   {"verify", run_verify},
                               {"cat", run_cat}, {"export", run_export}, {"merge", run_merge}};

}  // namespace

int run_bundle(const Arguments& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    fmt::print(args.empty() ? stderr : stdout, "{}\n", kUsage);
    return args.empty() ? 1 : 0;
  }
  for (const auto& action : kActions) {
    if (action.name == args[0]) return action.run(Arguments(args.begin() + 1, args.end()));
  }
  throw UsageError(fmt::format("unknown action '{}' (ls, stats, verify, cat, export, merge)", args[0]));
}

}  // namespace untm::cli
