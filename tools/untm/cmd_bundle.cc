// `untm bundle ls|stats|verify|cat|export|merge`: reading, checking and
// combining .tmx.zst bundles (docs/DESIGN.md, "The bundle"; lib/bundle).
#include <boost/program_options.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <span>
#include <ostream>
#include <string>
#include <vector>

#include "bundle/merge.h"
#include "bundle/reader.h"
#include "commands.h"
#include "core/error.h"
#include "file_io.h"
#include "format/plain.h"
#include "format/tmx.h"
#include "format/tmx_reader.h"
#include "output.h"

namespace untm::cli {

namespace po = boost::program_options;

namespace {

constexpr std::string_view kUsage = R"(usage: untm bundle ACTION BUNDLE [OPTIONS]

actions:
  ls BUNDLE          one document per line: id, units, languages, frame offset and
                     compressed size (read from the index alone)
  stats BUNDLE       documents, units, link types, confidence histogram, languages
  verify BUNDLE      decompress every frame and check checksums and unit counts;
                     names each damaged document, exit 1 if any
  cat BUNDLE         the TMX of the whole bundle, or with --doc ID of some
                     documents only (the others are not decompressed)
  export BUNDLE      --format tsv|moses|jsonl|tmx [--min-confidence X] [--doc ID]
                     [-o OUT]; standard output without -o; moses needs -o PREFIX
                     and writes PREFIX.zh and PREFIX.en
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

// The input bundles and the output file(s) of cat, export or merge, checked
// before any work (an output naming an input bundle would destroy it).
void check_bundle_files(const std::vector<std::string>& bundles, const std::string& output,
                        const std::string& second_output = "") {
  RunFiles files;
  for (const auto& bundle : bundles) files.input("input bundle", bundle);
  files.output("-o", output);
  files.output("-o", second_output);
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
  if (parse(args, options, bundles, "usage: untm bundle stats BUNDLE\n\nexample:\n  untm bundle stats un.tmx.zst")
          .help) {
    return 0;
  }
  OpenBundle opened(single_bundle(bundles, "stats"));
  bundle::BundleReader& reader = *opened.reader;
  std::map<std::string, std::uint64_t> link_types, language_pairs;
  std::array<std::uint64_t, 10> confidence_bins{};
  std::uint64_t units = 0, cleaned = 0, xml_bytes = 0;
  for (const auto& entry : reader.documents()) {
    const std::string xml = reader.document_xml(entry);
    xml_bytes += xml.size();
    const AlignedDocument document = format::parse_tmx_units(
        xml, fmt::format("{}: document {}", reader.source_name(), entry.id), entry.first_language,
        entry.second_language);
    ++language_pairs[fmt::format("{}-{}", entry.first_language, entry.second_language)];
    cleaned += entry.cleaned_characters;
    for (const auto& pair : document.pairs) {
      ++units;
      ++link_types[to_string(pair.link.type())];
      const double clamped = std::clamp(pair.link.confidence, 0.0, 1.0);
      ++confidence_bins[std::min<std::size_t>(static_cast<std::size_t>(clamped * 10), 9)];
    }
  }
  std::string report = fmt::format("bundle\t{}\ndocuments\t{}\nunits\t{}\nsrclang\t{}\n", reader.source_name(),
                                   reader.documents().size(), units, reader.header().srclang);
  for (const auto& [languages, count] : language_pairs) report += fmt::format("languages {}\t{}\n", languages, count);
  for (const auto& [type, count] : link_types) {
    report += fmt::format("link {}\t{}\t{:.1f}%\n", type, count, 100.0 * static_cast<double>(count) /
                                                                     static_cast<double>(std::max<std::uint64_t>(units, 1)));
  }
  for (std::size_t bin = 0; bin < confidence_bins.size(); ++bin) {
    report += fmt::format("confidence {:.1f}-{:.1f}\t{}\n", static_cast<double>(bin) / 10.0, static_cast<double>(bin + 1) / 10.0, confidence_bins[bin]);
  }
  report += fmt::format("cleaned characters\t{}\n", cleaned);
  report += fmt::format("bytes\t{}\ntmx bytes\t{}\ncompression ratio\t{:.2f}\n", reader.file_size(), xml_bytes,
                        static_cast<double>(xml_bytes) / static_cast<double>(std::max<std::uint64_t>(reader.file_size(), 1)));
  AtomicOutputFile out("-");
  out.write(report);
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

// The language pair of a Moses export: the first selected document's.
std::pair<std::string, std::string> moses_languages(const std::vector<const bundle::IndexEntry*>& selected) {
  if (selected.empty()) return {"zh", "en"};
  return {selected.front()->first_language, selected.front()->second_language};
}

// --format moses: the two files of one language pair.
std::size_t export_moses(bundle::BundleReader& reader, const std::vector<const bundle::IndexEntry*>& selected,
                         const std::string& output_path, const format::FormatOptions& format_options,
                         format::CleanupCounts& counts, bool whole_bundle) {
  const auto [first_language, second_language] = moses_languages(selected);
  const auto [first_path, second_path] = moses_paths(output_path, first_language, second_language);
  AtomicOutputFile first_file(first_path), second_file(second_path);
  std::size_t pairs = 0;
  for (const auto* entry : selected) {
    if (entry->first_language != first_language || entry->second_language != second_language) {
      throw InputError(reader.source_name(), fmt::format("document {} is {}-{}, not {}-{}: export it on its own",
                                                         entry->id, entry->first_language, entry->second_language,
                                                         first_language, second_language));
    }
    std::string first, second;
    pairs += format::append_moses(first, second, reader.document(*entry), format_options, counts);
    first_file.write(first);
    second_file.write(second);
  }
  if (whole_bundle) fail_if_truncated(reader);
  commit_both(first_file, second_file);
  return pairs;
}

// --format tsv, jsonl or tmx: one stream.
std::size_t export_stream(bundle::BundleReader& reader, const std::vector<const bundle::IndexEntry*>& selected,
                          const std::string& format_name, const std::string& output_path,
                          const format::FormatOptions& format_options, format::CleanupCounts& counts,
                          bool whole_bundle) {
  AtomicOutputFile file(output_path);
  format::TmxHeader header;
  if (format_name == "tmx") {
    header = reader.header();
    file.write(format::render_tmx_header(header));
  }
  std::size_t pairs = 0;
  for (const auto* entry : selected) {
    std::string text;
    const AlignedDocument document = reader.document(*entry);
    if (format_name == "tsv") pairs += format::append_tsv(text, document, format_options, counts);
    if (format_name == "jsonl") pairs += format::append_jsonl(text, document, format_options, counts);
    if (format_name == "tmx") pairs += format::append_tmx_units(text, document, header, format_options, counts);
    file.write(text);
  }
  if (format_name == "tmx") file.write(format::tmx_footer());
  if (whole_bundle) fail_if_truncated(reader);
  file.commit();
  return pairs;
}

int run_export(const Arguments& args) {
  po::options_description options("options");
  std::vector<std::string> bundles, ids;
  std::string output_path = "-", format_name;
  double min_confidence = 0.0;
  options.add_options()
      ("format,f", po::value(&format_name)->required(), "tsv, moses, jsonl or tmx")
      ("min-confidence",
       po::value(&min_confidence)->notifier([](double value) { check_confidence_option(value, "--min-confidence"); }),
       "leave out pairs with a lower confidence (0..1)")
      ("doc,d", po::value(&ids), "only the document with this id (repeatable)")
      ("output,o", po::value(&output_path), "output file (moses: PREFIX for PREFIX.zh and PREFIX.en)");
  if (parse(args, options, bundles,
            "usage: untm bundle export BUNDLE --format tsv|moses|jsonl|tmx [--min-confidence X] [--doc ID]... "
            "[-o OUT]\n\nexample:\n  untm bundle export un.tmx.zst --format moses --min-confidence 0.5 -o corpus")
          .help) {
    return 0;
  }
  if (format_name != "tsv" && format_name != "moses" && format_name != "jsonl" && format_name != "tmx") {
    throw UsageError(fmt::format("unknown format '{}' (tsv, moses, jsonl or tmx)", format_name));
  }
  if (format_name == "moses" && output_path == "-") throw UsageError("--format moses writes two files: give -o PREFIX");
  const std::string bundle_path = single_bundle(bundles, "export");
  OpenBundle opened(bundle_path);
  bundle::BundleReader& reader = *opened.reader;
  const auto selected = selected_documents(reader, ids);
  if (format_name == "moses") {
    const auto [first_language, second_language] = moses_languages(selected);
    const auto [first_path, second_path] = moses_paths(output_path, first_language, second_language);
    check_bundle_files({bundle_path}, first_path, second_path);
  } else {
    check_bundle_files({bundle_path}, output_path);
  }
  const format::FormatOptions format_options{min_confidence};
  format::CleanupCounts counts;
  const std::size_t pairs =
      format_name == "moses"
          ? export_moses(reader, selected, output_path, format_options, counts, ids.empty())
          : export_stream(reader, selected, format_name, output_path, format_options, counts, ids.empty());
  if (output_path != "-") {
    fmt::print(stderr, "untm bundle export: {} pairs from {} documents\n", pairs, selected.size());
  }
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

int run_merge(const Arguments& args) {
  po::options_description options("options");
  std::vector<std::string> bundles;
  std::string output_path, keep;
  int level = bundle::kDefaultCompressionLevel;
  options.add_options()
      ("output,o", po::value(&output_path)->required(), "the merged bundle (.tmx.zst)")
      ("keep", po::value(&keep), "a document id in two inputs: keep the 'first' or the 'last' (default: refuse)")
      ("level", po::value(&level), "zstd level of the new header and footer frames");
  if (parse(args, options, bundles,
            "usage: untm bundle merge A.tmx.zst B.tmx.zst ... -o C.tmx.zst [--keep first|last]\n\n"
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
