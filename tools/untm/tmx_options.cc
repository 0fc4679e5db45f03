#include "tmx_options.h"

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "commands.h"
#include "format/tmx.h"

namespace untm::cli {
namespace {

namespace po = boost::program_options;

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

std::string primary_subtag(const std::string& tag) { return lower(tag.substr(0, tag.find('-'))); }

}  // namespace

// "zh-CN,en-US" → {"zh-CN", "en-US"}, each a well-formed BCP 47 tag.
std::pair<std::string, std::string> parse_tmx_languages(const std::string& value) {
  const auto comma = value.find(',');
  const std::string first = value.substr(0, comma);
  const std::string second = comma == std::string::npos ? "" : value.substr(comma + 1);
  if (comma == std::string::npos || second.find(',') != std::string::npos) {
    throw UsageError(fmt::format("--tmx-langs '{}': give two tags, FIRST,SECOND (e.g. zh-CN,en-US)", value));
  }
  for (const std::string& tag : {first, second}) {
    if (!format::is_language_tag(tag)) {
      throw UsageError(fmt::format("--tmx-langs: '{}' is not a BCP 47 language tag (e.g. zh-CN, zh-Hans, en-US)", tag));
    }
  }
  return {first, second};
}

std::string original_language_of(const std::string& original, const std::string& first, const std::string& second,
                                 const char* option) {
  if (original == "*all*") return original;
  for (const std::string& tag : {first, second}) {
    if (lower(original) == lower(tag)) return tag;
  }
  const bool first_matches = primary_subtag(original) == primary_subtag(first);
  const bool second_matches = primary_subtag(original) == primary_subtag(second);
  if (first_matches != second_matches && original.find('-') == std::string::npos) return first_matches ? first : second;
  throw UsageError(fmt::format("{} '{}' is not the language of either side ({} or {}): the original's "
                               "language must be one of the TMX's <tuv> languages", option, original, first, second));
}

void add_tmx_options(po::options_description& options, TmxOptionValues& values, const char* format_option) {
  options.add_options()
      ("tmx-langs", po::value(&values.languages)->value_name("FIRST,SECOND"),
       "TMX xml:lang of each side as BCP 47 tags, e.g. zh-CN,en-US (default: the --first-lang and --second-lang codes)")
      ("tmx-keep-null", po::bool_switch(&values.keep_null_links),
       "keep null links in .tmx/.tmx.gz output as units of one <tuv> (CAT tools read them as untranslated)")
      ("tsv-header", po::bool_switch(&values.tsv_header),
       "TSV output: a first line naming the two columns by language code (e.g. zh<TAB>en)")
      (format_option, po::value(&values.format)->value_name("FMT"),
       "output format whatever -o's ending: tsv, jsonl, tmx, tmx.gz, tmx.zst or moses; without -o, to standard "
       "output");
}

void apply_tmx_options(const TmxOptionValues& values, const std::string& first_code, const std::string& second_code,
                       std::string& output_path, OutputOptions& output) {
  std::string first = first_code, second = second_code;
  if (!values.languages.empty()) {
    std::tie(first, second) = parse_tmx_languages(values.languages);
    output.tmx_languages = {first, second};
  }
  output.header.srclang = original_language_of(output.header.srclang, first, second);
  output.keep_null_links = values.keep_null_links;
  output.tsv_header = values.tsv_header;
  if (!values.format.empty()) {
    output.format = output_format_named(values.format);
    // A std::string, not a literal: GCC 12 warns (-Wrestrict) on assigning "-" here.
    static const std::string standard_output = "-";
    if (output_path.empty()) output_path = standard_output;
    if (output_path == "-" && *output.format == OutputFormat::moses) {
      throw UsageError("--format moses writes two files: give -o PREFIX");
    }
  }
}

}  // namespace untm::cli
