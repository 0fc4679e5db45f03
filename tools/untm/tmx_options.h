#pragma once
// The output options for CAT tools and pipes (issue #15), one block shared by
// `untm align` and `untm bundle export`:
//   --tmx-langs zh-CN,en-US   the BCP 47 tags written as each side's xml:lang
//                             (and so as srclang), instead of bare zh/en;
//   --tmx-keep-null           keep null links as units of one <tuv>;
//   --tsv-header              a first TSV line naming the two columns;
//   --format FMT              the output format whatever -o's ending, and
//                             standard output without -o.
// `untm batch` writes only a bundle, which keeps bare codes and every link:
// these options apply when a bundle is exported.

#include <boost/program_options/options_description.hpp>

#include <string>
#include <utility>

#include "output.h"

namespace untm::cli {

struct TmxOptionValues {
  std::string languages;  // --tmx-langs FIRST,SECOND
  std::string format;     // --format
  bool keep_null_links = false;
  bool tsv_header = false;
};

// --tmx-langs, --tmx-keep-null, --tsv-header and `format_option` (align:
// "format"; bundle export: "format,f").
void add_tmx_options(boost::program_options::options_description& options, TmxOptionValues& values,
                     const char* format_option = "format");

// Checks the values and puts them in `output`. `first_code` and `second_code`
// are the documents' languages (--first-lang, --second-lang); srclang must name one
// side's language (or "*all*"): "en" with --tmx-langs zh-CN,en-US becomes
// en-US. An empty `output_path` with --format becomes "-" (standard output).
// Throws UsageError naming the option.
void apply_tmx_options(const TmxOptionValues& values, const std::string& first_code, const std::string& second_code,
                       std::string& output_path, OutputOptions& output);

// "zh-CN,en-US" → {"zh-CN", "en-US"}; throws UsageError unless two
// well-formed BCP 47 tags.
std::pair<std::string, std::string> parse_tmx_languages(const std::string& value);

// `original` (srclang) as one of the two sides' languages: the same tag in
// any case, else the one tag with the same language subtag ("en" → "en-US");
// "*all*" stays (TMX 1.4b). Throws UsageError naming `option` otherwise.
std::string original_language_of(const std::string& original, const std::string& first, const std::string& second,
                                 const char* option = "--original-lang");

}  // namespace untm::cli
