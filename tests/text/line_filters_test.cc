// The line filters against the regular expressions they guard: every text a
// pattern matches must pass its filter, over generated lines made of the
// pieces the patterns are about, and over the lines of the shared samples.
#include "text/line_filters.h"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "../shared_data.h"
#include "core/types.h"
#include "text/utf8_regex.h"

using untm::Utf8Regex;

namespace {

struct Patterns {
  std::vector<Utf8Regex> furniture;
  std::vector<Utf8Regex> enumerators;
  Patterns() {
    for (const auto& rule : untm::furniture_piece_patterns()) furniture.emplace_back(rule.pattern);
    for (const auto& rule : untm::enumerator_start_patterns()) enumerators.emplace_back(rule.pattern);
  }
};

struct Counts {
  std::size_t furniture = 0, enumerators = 0, turned_away = 0;
};

void check_filters(Patterns& patterns, const std::string& text, Counts& counts) {
  if (text.empty()) return;
  INFO("text: " << text);
  bool furniture = false, enumerator = false;
  for (auto& regex : patterns.furniture) furniture = furniture || regex.matches(text);
  for (auto& regex : patterns.enumerators) enumerator = enumerator || regex.matches_prefix(text);
  if (furniture) REQUIRE(untm::may_be_furniture(text));
  if (enumerator) REQUIRE(untm::may_start_enumerator(text));
  counts.furniture += furniture;
  counts.enumerators += enumerator;
  counts.turned_away += !untm::may_be_furniture(text) + !untm::may_start_enumerator(text);
}

}  // namespace

TEST_CASE("the line filters pass every line their patterns match", "[text]") {
  CHECK(untm::may_be_furniture("13-44467"));
  CHECK(untm::may_be_furniture("3 / 12"));
  CHECK(!untm::may_be_furniture("1. 注意到"));
  CHECK(!untm::may_be_furniture("20134 is"));
  CHECK(untm::may_start_enumerator("IV. Title"));
  CHECK(untm::may_start_enumerator("12.注意到"));
  CHECK(!untm::may_start_enumerator("The General Assembly"));
  CHECK(!untm::may_start_enumerator("2013 年"));
  CHECK(!untm::may_start_enumerator("IIIIII. x"));
  // ASCII digits that go on in other scripts' digits are still \d.
  CHECK(untm::may_start_enumerator("1\u0663. x"));
  CHECK(untm::may_be_furniture("1\u0663-4444"));
  Patterns patterns;
  // Digits of every kind (one outside the BMP), the white space ICU's \s
  // takes and some it does not, and the characters each pattern is made of.
  const std::string pieces[] = {
      "0", "1", "7", "12", "123", "2013", "123456", "\u0663", "\uFF11", "\U0001D7CE", " ", "  ", "\t", "\v",
      "\x1C", "\u00A0", "\u3000", "\u2028", ".", "-", "/", "*", "(", ")", "（", "）", "、", "．", ",", "GE.",
      "Page", "页", "http://", "https://", "www.", "h", "w", "G", "P", "A", "B", "I", "V", "X", "L", "M", "a",
      "i", "v", "x", "l", "z", "(E)", "1. ", "1\u0663.", "(iv) ", "(12) ", "A. ", "XIV. ", "12.", "一", "三", "十", "百", "注", "意", "13-44467", "*1344467*"};
  std::mt19937 random(13);
  std::uniform_int_distribution<std::size_t> piece(0, std::size(pieces) - 1);
  std::uniform_int_distribution<int> count(1, 6);
  Counts counts;
  for (int sample = 0; sample < 40000; ++sample) {
    std::string text;
    for (int n = count(random); n > 0; --n) text += pieces[piece(random)];
    check_filters(patterns, text, counts);
  }
  // The generated lines reach both sides of every filter.
  CHECK(counts.furniture > 100);
  CHECK(counts.enumerators > 100);
  CHECK(counts.turned_away > 10000);
}

TEST_CASE("the line filters pass every line of the UN samples their patterns match", "[text][.shared]") {
  Patterns patterns;
  Counts counts;
  const auto paths = {"corpora/un/ga-ldc-resolution-paras/en.txt", "corpora/un/ga-55-100-lines/un_ga.en-zh.en",
                      "corpora/un/ga-ldc-resolution-paras/zh.txt", "corpora/un/ga-55-100-lines/un_ga.en-zh.zh"};
  untm::test::for_each_shared_line(paths, [&](std::string_view line) {
    check_filters(patterns, std::string(line), counts);
  });
  CHECK(counts.enumerators > 0);
}

TEST_CASE("the footnote line filters pass every line their patterns find digits in", "[text]") {
  CHECK(!untm::footnote_patterns(untm::Language::en).back().may_match("2001 to 2010,2"));
  CHECK(untm::footnote_patterns(untm::Language::en).back().may_match("2001-20107"));
  CHECK(!untm::footnote_patterns(untm::Language::en).back().may_match("2001-2010,2"));
  CHECK(untm::footnote_patterns(untm::Language::en).back().may_match("2001-201\u06637"));
  // Dashes, years, words, stops and the characters $ may stand before.
  const std::string pieces[] = {"-", "\u2013", "19", "20", "2001", "0", "7", "12", "123", "\u0663", "\U0001D7CE",
                                "abc", "of", "a", "Z", ".", ")", ";", ",", ":", " ", "\t", "\r", "\n", "\u2028",
                                "\u0085", "\u3002", "\uFF1B", "\uFF0C", "\u3001", "\u300B", "\u201D", "\u4E2D",
                                "\u6CE8", "(", "x", "2001-2010", "1999\u20132000", "99-20", "abc.", "tion)", "1999-2000\u0663"};
  std::mt19937 random(13);
  std::uniform_int_distribution<std::size_t> piece(0, std::size(pieces) - 1);
  std::uniform_int_distribution<int> count(1, 8);
  for (const auto language : {untm::Language::zh, untm::Language::en}) {
    for (const auto& rule : untm::footnote_patterns(language)) {
      if (rule.may_match == nullptr) continue;
      Utf8Regex regex(rule.pattern);
      std::size_t found = 0;
      for (int sample = 0; sample < 40000; ++sample) {
        std::string text;
        for (int n = count(random); n > 0; --n) text += pieces[piece(random)];
        bool any = false;
        regex.for_each_match(text, 1, [&](std::size_t, std::size_t) { any = true; });
        if (!any) continue;
        ++found;
        INFO(rule.reason << ": " << text);
        REQUIRE(rule.may_match(text));
      }
      INFO(rule.reason);
      CHECK(found > 20);
    }
  }
}
