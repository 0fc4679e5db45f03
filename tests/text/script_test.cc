#include "text/script.h"

#include <catch2/catch.hpp>

#include <string>

using untm::count_scripts;
using untm::Language;
using untm::language_by_script;

namespace {

// Hand-written: a Chinese UN paragraph heavy with English names, acronyms,
// symbols and numbers, which must still read as Chinese.
constexpr const char* kChineseWithNames =
    "联合国开发计划署（UNDP）和 World Health Organization 于 2013 年 10 月 1 日在 New York "
    "发表了 A/68/101 号报告，Ban Ki-moon 秘书长表示欢迎。";
constexpr const char* kEnglish =
    "The Secretary-General welcomed the report of the United Nations Development Programme, "
    "issued in New York on 1 October 2013.";

}  // namespace

TEST_CASE("script: Han and Latin letters are counted, digits and punctuation are not", "[text][script]") {
  const auto counts = count_scripts("中文 abc 123，Été。");
  CHECK(counts.han == 2);
  CHECK(counts.latin == 6);  // a b c É t é
}

TEST_CASE("script: Chinese text full of English names is Chinese, English text is English", "[text][script]") {
  const auto chinese = count_scripts(kChineseWithNames);
  CHECK(chinese.latin > chinese.han / 2);  // a hard case: many Latin letters
  CHECK(language_by_script(chinese) == Language::zh);
  CHECK(language_by_script(count_scripts(kEnglish)) == Language::en);
  // An English text quoting one Chinese name stays English.
  CHECK(language_by_script(count_scripts(std::string(kEnglish) + " (Mr. 王毅)")) == Language::en);
}

TEST_CASE("script: too few letters, or a real mix, say nothing", "[text][script]") {
  CHECK_FALSE(language_by_script(count_scripts("1. 2. 3. (a) 42")).has_value());
  CHECK_FALSE(language_by_script(count_scripts("Annex")).has_value());
  // 10 Han among 90 Latin letters: neither clearly Chinese nor clearly English.
  CHECK_FALSE(language_by_script({.han = 10, .latin = 90}).has_value());
}

TEST_CASE("script: what was found, for the message", "[text][script]") {
  CHECK(untm::describe_scripts({.han = 3, .latin = 97}, Language::en) == "97% of its letters are Latin");
  CHECK(untm::describe_scripts({.han = 80, .latin = 20}, Language::zh) == "80% of its letters are Chinese (Han)");
  CHECK(untm::describe_scripts({.han = 40, .latin = 60}, Language::zh) == "40% of its letters are Chinese (Han)");
}
