#pragma once
// Writing an alignment in the format its output path asks for (docs/DESIGN.md,
// `untm align -o OUT`), always through a temporary file renamed into place:
//
//   OUT.tmx.zst   a bundle with one document (lib/bundle)
//   OUT.tmx       plain TMX 1.4b
//   OUT.tmx.gz    the same, gzip-compressed (zlib): Trados and OPUS read it
//   OUT.tsv       first<TAB>second, one pair per line
//   OUT.jsonl     one JSON object per pair
//   OUT.moses     two files OUT.<first language> and OUT.<second language>
//                 (e.g. OUT.zh and OUT.en; the ".moses" is not kept), line N
//                 of one translating line N of the other
//   -             tsv on standard output (another format with --format)
// The endings are matched in any case (OUT.TMX).

#include <boost/program_options/options_description.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/types.h"
#include "file_io.h"
#include "format/tmx.h"

namespace untm::cli {

enum class OutputFormat { tmx_zst, tmx, tsv, jsonl, moses, tmx_gz };

struct OutputOptions {
  format::TmxHeader header;        // .tmx and .tmx.zst; an empty creation date means now
  format::PairFilter filter;       // which pairs are written
  int compression_level = 0;       // .tmx.zst; 0 = the bundle default
  // For CAT tools (tmx_options.h): each side's xml:lang in TMX outputs
  // (empty: the document's own codes), null links in .tmx/.tmx.gz, and a
  // format that overrides the path's ending.
  std::optional<std::pair<std::string, std::string>> tmx_languages;
  bool keep_null_links = true;
  std::optional<OutputFormat> format;
  bool tsv_header = false;  // .tsv: a first line naming the columns (tsv_header_line)
};

struct OutputStats {
  std::size_t pairs_written = 0;
  std::size_t cleaned_characters = 0;  // XML-forbidden characters dropped, invalid UTF-8 replaced
};

// The format named by the end of `path`; throws UsageError listing the
// supported endings for any other.
OutputFormat output_format_of(const std::string& path);
// The format of a --format value: tsv, jsonl, tmx, tmx.gz, tmx.zst, moses.
OutputFormat output_format_named(const std::string& name);

// The header row of a TSV output, "zh\ten\n": each column's language code,
// as the JSONL keys name the texts.
std::string tsv_header_line(const std::string& first_language, const std::string& second_language);

// `document` with each side's language replaced by its --tmx-langs tag, found
// by language subtag (the sides may have been swapped by order detection).
AlignedDocument with_tmx_languages(AlignedDocument document, const OutputOptions& options);

// A .tmx.gz written as it comes: one gzip member (zlib's deflate; no file
// name, time 0, so that the same TMX gives the same bytes) into `sink`.
class GzipWriter {
 public:
  explicit GzipWriter(pipeline::OutputSink& sink);
  GzipWriter(const GzipWriter&) = delete;
  GzipWriter& operator=(const GzipWriter&) = delete;
  ~GzipWriter();
  void write(std::string_view text);
  // Ends the member (after `last`, if any); then commit the sink.
  void finish(std::string_view last = {});

 private:
  void deflate_into_sink(std::string_view text, int flush);
  pipeline::OutputSink& sink_;
  struct State;
  std::unique_ptr<State> state_;
};

// The two Moses files for `path` ("corpus.moses" or "corpus" → corpus.zh,
// corpus.en with the document's languages).
std::pair<std::string, std::string> moses_paths(const std::string& path, const std::string& first_language,
                                                const std::string& second_language);

// Throws UsageError unless 0 <= value <= 1: a confidence threshold outside
// that keeps every pair or none, surely not what was meant. For a
// Boost.Program_options notifier, so that it fails before any work.
void check_confidence_option(double value, const char* option);
// --min-confidence, --link-types, --drop-null, --max-length-ratio, --dedup
// (align and bundle export), into `filter`; bad values are usage errors.
void add_filter_options(boost::program_options::options_description& options, format::PairFilter& filter);

// Declares the file(s) write_alignment() writes for `path` (the Moses pair
// for .moses), as output `role`. Throws UsageError for an unknown ending
// unless `format` (--format) says the format.
void declare_alignment_output(RunFiles& files, const std::string& role, const std::string& path,
                              const std::string& first_language, const std::string& second_language,
                              std::optional<OutputFormat> format = std::nullopt);

OutputStats write_alignment(const AlignedDocument& document, const std::string& path, const OutputOptions& options);

}  // namespace untm::cli
