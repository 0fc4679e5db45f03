#include "language_options.h"

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include <cstdio>

#include "commands.h"

namespace untm::cli {
namespace {

namespace po = boost::program_options;

// The value of one option given under its current or its old name.
std::optional<std::string> either(const std::string& current, const std::string& old, std::string_view current_name,
                                  std::string_view old_name, std::string_view command) {
  if (!current.empty() && !old.empty()) {
    throw UsageError(fmt::format("--{} and --{} are the same option: give --{} alone", current_name, old_name,
                                 current_name));
  }
  if (!old.empty()) {
    fmt::print(stderr, "untm {}: --{} is deprecated (it goes in the next release), use --{}\n", command, old_name,
               current_name);
    return old;
  }
  if (!current.empty()) return current;
  return std::nullopt;
}

}  // namespace

void add_language_options(po::options_description& options, LanguageOptionValues& values, bool file_languages) {
  options.add_options()
      ("original-lang", po::value(&values.original)->value_name("LANG"),
       "the original's language, written as TMX srclang (default en, as for most UN documents)")
      ("srclang", po::value(&values.old_original)->value_name("LANG"), "deprecated: use --original-lang");
  if (!file_languages) return;
  options.add_options()
      ("first-lang", po::value(&values.first)->value_name("LANG"), "language of FIRST_FILE (default zh)")
      ("second-lang", po::value(&values.second)->value_name("LANG"), "language of SECOND_FILE (default en)")
      ("src-lang", po::value(&values.old_first)->value_name("LANG"), "deprecated: use --first-lang")
      ("tgt-lang", po::value(&values.old_second)->value_name("LANG"), "deprecated: use --second-lang");
}

LanguageCodes resolve_language_options(const LanguageOptionValues& values, std::string_view command) {
  LanguageCodes codes;
  codes.original = either(values.original, values.old_original, "original-lang", "srclang", command);
  codes.first = either(values.first, values.old_first, "first-lang", "src-lang", command).value_or(codes.first);
  codes.second = either(values.second, values.old_second, "second-lang", "tgt-lang", command).value_or(codes.second);
  return codes;
}

}  // namespace untm::cli
