// The hand-written Chinese quote and title rules against the regular
// expressions they stand for, over generated text and the UN samples.
#include "split/chinese_break_search.h"
#include "split/segmentation_rules.h"

#include <catch2/catch.hpp>
#include <unicode/unistr.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "../shared_data.h"
#include "rule_references.h"

namespace {

using untm::test::PositionReference;

bool is_chinese_quote_or_title_test(bool (*at_position)(std::u16string_view, std::size_t)) {
  return at_position == untm::inside_title_at || at_position == untm::after_title_ending_sentence_at ||
         at_position == untm::closer_after_spaces_at || at_position == untm::after_closing_quote_at ||
         at_position == untm::after_opening_quote_at || at_position == untm::before_opening_quote_at ||
         at_position == untm::after_ellipsis_at;
}

std::vector<PositionReference> chinese_position_references() {
  return untm::test::position_references(
      [](const untm::SegmentationRule& rule) { return is_chinese_quote_or_title_test(rule.at_position); });
}

std::u16string repeated(std::u16string_view piece, int times) {
  std::u16string text;
  for (int n = 0; n < times; ++n) text += piece;
  return text;
}

std::u16string joined(std::initializer_list<std::u16string_view> pieces) {
  std::u16string text;
  for (const auto piece : pieces) text += piece;
  return text;
}

}  // namespace

TEST_CASE("the Chinese title rule counts 60 code points each way", "[split][zh]") {
  const std::u16string inside = joined({u"《", repeated(u"中", 30), u"。", repeated(u"中", 29), u"》"});
  CHECK(untm::inside_title_at(inside, 32));  // after 。: 31 code points back to 《, 29 on to 》
  const std::u16string too_long = joined({u"《", repeated(u"中", 61), u"》"});
  CHECK(untm::inside_title_at(too_long, 1 + 60));      // 60 back, 1 on
  CHECK(untm::inside_title_at(too_long, 1 + 1));       // 1 back, 60 on
  CHECK_FALSE(untm::inside_title_at(too_long, 1 + 0)); // 61 on
  // A character outside the BMP is one of the 60, two units.
  const std::u16string wide = joined({u"《", repeated(u"\U00020000", 60), u"》"});
  CHECK(untm::inside_title_at(wide, 1 + 60));
  CHECK_FALSE(untm::inside_title_at(u"《中》中》", 3));  // 》 before: no title open
}

TEST_CASE("the Chinese quote and title rules answer as their regular expressions do", "[split][zh]") {
  auto rules = chinese_position_references();
  REQUIRE(rules.size() == 7);
  auto searches = untm::test::search_references({untm::Language::zh});
  REQUIRE(searches.size() == 3);
  // Every character class of the rules, one outside each, white space of
  // every kind and line ends, Han inside and outside the BMP, lone
  // surrogates, and title runs near the 60-code-point limit.
  const std::u16string pieces[] = {
      u"。", u"！", u"？", u"!", u"?", u"…", u"……", u"—", u"——", u" ", u"  ", u"\u3000", u"\t", u"\n", u"\u2028",
      u"\u00A0", u"\x1C", u"\u200B", u"”", u"’", u"」", u"』", u"）", u")", u"》", u"〉", u"】", u"“", u"‘", u"「",
      u"『", u"《", u"中", u"文", u"\U00020000", u"\U0001F600", u"\xD800", u"\xDC00", u"，", u",", u"、", u"；",
      u"：", u"a", u"1", u"(", u"。”", u"！” ", u"。 “", u"……“", u"——”", u"   ", u"。     “", u"？      「", repeated(u"中", 29), repeated(u"中", 59),
      repeated(u"\U00020000", 30)};
  std::size_t matched = 0, found = 0;
  untm::test::for_random_texts(pieces, 9, [&](const icu::UnicodeString& text) {
    untm::test::check_same_at_positions(rules, text, matched);
    found += untm::test::check_same_searches(searches, text);
  });
  CHECK(matched > 5000);
  CHECK(found > 1000);
}

TEST_CASE("the Chinese quote and title rules agree with their regular expressions on the UN samples", "[split][.shared]") {
  auto rules = chinese_position_references();
  auto searches = untm::test::search_references({untm::Language::zh});
  std::size_t matched = 0, found = 0;
  const auto paths = {"corpora/un/ga-ldc-resolution-paras/zh.txt", "corpora/un/ga-55-100-lines/un_ga.en-zh.zh",
                      "corpora/un/seed-reply-azerbaijan-zh/000_c646f0441c388454.txt"};
  untm::test::for_each_shared_line(paths, [&](std::string_view line) {
    const auto text = untm::test::utf16_of(line);
    untm::test::check_same_at_positions(rules, text, matched);
    found += untm::test::check_same_searches(searches, text);
  });
  CHECK(matched > 0);
}
