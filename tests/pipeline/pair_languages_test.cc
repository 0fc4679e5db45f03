#include "pipeline/pair_languages.h"

#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "core/error.h"
#include "pipeline/document.h"

using namespace untm;
using namespace untm::pipeline;

namespace {

// Hand-written fixtures: a short Chinese report with English names and
// numbers inside, and its English translation.
const std::string kChinese =
    "联合国开发计划署（UNDP）于 2013 年 10 月 1 日在 New York 发表了报告。\n\n"
    "秘书长 Ban Ki-moon 表示欢迎，并感谢 World Health Organization 的合作。\n";
const std::string kEnglish =
    "The United Nations Development Programme (UNDP) issued the report in New York on 1 October 2013.\n\n"
    "Secretary-General Ban Ki-moon welcomed it and thanked the World Health Organization for its cooperation.\n";

SplitPair read_texts(const std::string& first, const std::string& second, bool detect_order = false) {
  const std::map<std::string, std::string> files{{"report-zh.txt", kChinese}, {"report-en.txt", kEnglish},
                                                 {"other-zh.txt", kChinese}};
  const ReadNamed read_named = [&files](const std::string& name) { return files.at(name); };
  return read_pair(first, second, read_named, AlignOptions{}, TextOptions{.detect_order = detect_order});
}

std::string refusal(const std::string& first, const std::string& second) {
  try {
    read_texts(first, second);
  } catch (const InputError& error) {
    return error.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("pair languages: a Chinese-English pair with names and numbers inside is read as given",
          "[pipeline][languages]") {
  const SplitPair pair = read_texts("report-zh.txt", "report-en.txt");
  CHECK(pair.first.language == Language::zh);
  CHECK(pair.second.language == Language::en);
  CHECK(pair.warnings.empty());
}

TEST_CASE("pair languages: a side whose letters contradict its language is refused by name",
          "[pipeline][languages]") {
  // Given the other way round, with the languages stated.
  const std::string swapped = refusal("report-en.txt", "report-zh.txt");
  CHECK(swapped.starts_with("report-en.txt: given as Chinese but "));
  CHECK(swapped.find("% of its letters are Latin") != std::string::npos);
  // Two Chinese files: the second is given as English.
  const std::string both_chinese = refusal("report-zh.txt", "other-zh.txt");
  CHECK(both_chinese.starts_with("other-zh.txt: given as English but "));
  CHECK(both_chinese.find("% of its letters are Chinese (Han)") != std::string::npos);
}

TEST_CASE("pair languages: with no languages stated, a pair given English first is read that way round",
          "[pipeline][languages]") {
  const SplitPair pair = read_texts("report-en.txt", "report-zh.txt", true);
  CHECK(pair.first.language == Language::en);
  CHECK(pair.second.language == Language::zh);
  REQUIRE(pair.warnings.size() == 1);
  CHECK(pair.warnings[0] == "report-en.txt is en and report-zh.txt is zh: aligned in that order");
  // Two Chinese files are still refused: there is no order that fits.
  CHECK_THROWS_AS(read_texts("report-zh.txt", "other-zh.txt", true), InputError);
}

TEST_CASE("pair languages: an empty side and lengths no translation has are warned about", "[pipeline][languages]") {
  SplitPair pair = read_texts("report-zh.txt", "report-en.txt");
  // Three times the report: long enough for the length check.
  for (SplitDocument* side : {&pair.first, &pair.second}) {
    const std::vector<Paragraph> once = side->paragraphs;
    for (int i = 0; i < 2; ++i) side->paragraphs.insert(side->paragraphs.end(), once.begin(), once.end());
  }
  CHECK(pair_warnings(pair, "zh.txt", "en.txt").empty());
  // Ten times the English: about 30 English characters per Chinese one.
  const std::vector<Paragraph> english = pair.second.paragraphs;
  for (int i = 0; i < 9; ++i) pair.second.paragraphs.insert(pair.second.paragraphs.end(), english.begin(), english.end());
  auto warnings = pair_warnings(pair, "zh.txt", "en.txt");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].starts_with("en.txt is "));
  CHECK(warnings[0].find("times as long as a translation of zh.txt would be") != std::string::npos);
  pair.second.paragraphs.clear();
  warnings = pair_warnings(pair, "zh.txt", "en.txt");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0] == "en.txt: no text, nothing to align");
}
