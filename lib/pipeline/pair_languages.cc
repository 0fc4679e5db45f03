#include "pipeline/pair_languages.h"

#include <fmt/format.h>

#include <optional>

#include "core/characters.h"
#include "core/error.h"
#include "text/script.h"

namespace untm::pipeline {

namespace {

std::string_view language_name(Language language) { return language == Language::zh ? "Chinese" : "English"; }

ScriptCounts document_scripts(const SplitDocument& document) {
  ScriptCounts counts;
  for (const Paragraph& paragraph : document.paragraphs)
    for (const Sentence& sentence : paragraph.sentences) counts += count_scripts(sentence.text);
  return counts;
}

std::size_t visible_characters(const SplitDocument& document) {
  std::size_t count = 0;
  for (const Paragraph& paragraph : document.paragraphs)
    for (const Sentence& sentence : paragraph.sentences) count += count_visible_code_points(sentence.text);
  return count;
}

void check_side(const SplitDocument& document, const ScriptCounts& counts, const std::string& name) {
  const std::optional<Language> found = language_by_script(counts);
  if (found && *found != document.language) {
    throw InputError(name, fmt::format("given as {} but {}: are the files in the right order, with the right "
                                       "languages?",
                                       language_name(document.language), describe_scripts(counts, *found)));
  }
}

}  // namespace

PairOrder check_pair_languages(const SplitPair& pair, const std::string& first_name, const std::string& second_name,
                               bool may_swap) {
  const ScriptCounts first = document_scripts(pair.first);
  const ScriptCounts second = document_scripts(pair.second);
  if (may_swap && pair.first.language != pair.second.language &&
      language_by_script(first) == pair.second.language && language_by_script(second) == pair.first.language) {
    return PairOrder::swapped;
  }
  check_side(pair.first, first, first_name);
  check_side(pair.second, second, second_name);
  return PairOrder::as_given;
}

std::vector<std::string> pair_warnings(const SplitPair& pair, const std::string& first_name,
                                       const std::string& second_name) {
  std::vector<std::string> warnings;
  const std::size_t first_length = visible_characters(pair.first);
  const std::size_t second_length = visible_characters(pair.second);
  if (first_length == 0) warnings.push_back(fmt::format("{}: no text, nothing to align", first_name));
  if (second_length == 0) warnings.push_back(fmt::format("{}: no text, nothing to align", second_name));
  if (first_length == 0 || second_length == 0 || pair.first.language == pair.second.language) return warnings;
  const bool chinese_first = pair.first.language == Language::zh;
  const double chinese = static_cast<double>(chinese_first ? first_length : second_length);
  const double english = static_cast<double>(chinese_first ? second_length : first_length);
  if (chinese < static_cast<double>(kMinCharactersForLengthCheck)) return warnings;
  const double factor = english / (chinese * kEnglishPerChineseCharacter);
  if (factor > kLengthMismatchFactor || factor * kLengthMismatchFactor < 1) {
    const bool english_longer = factor > 1;
    warnings.push_back(fmt::format(
        "{} is {:.1f} times as long as a translation of {} would be ({} English characters per Chinese one): are "
        "they translations of each other?",
        english_longer == chinese_first ? second_name : first_name, english_longer ? factor : 1 / factor,
        english_longer == chinese_first ? first_name : second_name, kEnglishPerChineseCharacter));
  }
  return warnings;
}

}  // namespace untm::pipeline
