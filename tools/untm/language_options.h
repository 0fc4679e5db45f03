#pragma once
// The languages on the command line, one option per meaning (issue #15):
//   --first-lang, --second-lang  the language of FIRST_FILE and SECOND_FILE
//   --original-lang              the original's language (TMX srclang)
// The old spellings, one hyphen apart and easily confused, stay for one
// release as deprecated aliases that warn on stderr: --src-lang, --tgt-lang
// and --srclang. The one place that knows both spellings.

#include <boost/program_options/options_description.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace untm::cli {

struct LanguageOptionValues {
  std::string first, second, original;              // the current spellings
  std::string old_first, old_second, old_original;  // --src-lang, --tgt-lang, --srclang
};

// Adds --original-lang (and --srclang); with `file_languages`, also
// --first-lang and --second-lang (and --src-lang, --tgt-lang).
void add_language_options(boost::program_options::options_description& options, LanguageOptionValues& values,
                          bool file_languages);

struct LanguageCodes {
  std::string first = "zh", second = "en";  // defaults when not given
  std::optional<std::string> original;      // not given: the command's default
};

// The values given, old spellings warned about on stderr ("untm COMMAND:
// --srclang is deprecated, use --original-lang"); both spellings of one
// option is a UsageError.
LanguageCodes resolve_language_options(const LanguageOptionValues& values, std::string_view command);

}  // namespace untm::cli
