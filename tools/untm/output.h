#pragma once
// Writing an alignment in the format its output path asks for (docs/DESIGN.md,
// `untm align -o OUT`), always through a temporary file renamed into place:
//
//   OUT.tmx.zst   a bundle with one document (lib/bundle)
//   OUT.tmx       plain TMX 1.4b
//   OUT.tsv       first<TAB>second, one pair per line
//   OUT.jsonl     one JSON object per pair
//   OUT.moses     two files OUT.<first language> and OUT.<second language>
//                 (e.g. OUT.zh and OUT.en; the ".moses" is not kept), line N
//                 of one translating line N of the other
//   -             tsv on standard output

#include <cstddef>
#include <memory>
#include <string>

#include "core/types.h"
#include "file_io.h"
#include "format/tmx.h"

namespace untm::cli {

struct OutputOptions {
  format::TmxHeader header;        // .tmx and .tmx.zst; an empty creation date means now
  double min_confidence = 0.0;     // pairs below it are left out
  int compression_level = 0;       // .tmx.zst; 0 = the bundle default
};

struct OutputStats {
  std::size_t pairs_written = 0;
  std::size_t cleaned_characters = 0;  // XML-forbidden characters dropped, invalid UTF-8 replaced
};

enum class OutputFormat { tmx_zst, tmx, tsv, jsonl, moses };

// The format named by the end of `path`; throws UsageError listing the
// supported endings for any other.
OutputFormat output_format_of(const std::string& path);

// The two Moses files for `path` ("corpus.moses" or "corpus" → corpus.zh,
// corpus.en with the document's languages).
std::pair<std::string, std::string> moses_paths(const std::string& path, const std::string& first_language,
                                                const std::string& second_language);

// Throws UsageError unless 0 <= value <= 1: a confidence threshold outside
// that keeps every pair or none, surely not what was meant. For a
// Boost.Program_options notifier, so that it fails before any work.
void check_confidence_option(double value, const char* option);

// Declares the file(s) write_alignment() writes for `path` (the Moses pair
// for .moses), as output `role`. Throws UsageError for an unknown ending.
void declare_alignment_output(RunFiles& files, const std::string& role, const std::string& path,
                              const std::string& first_language, const std::string& second_language);

OutputStats write_alignment(const AlignedDocument& document, const std::string& path, const OutputOptions& options);

}  // namespace untm::cli
