// Each hand-written break search and position test against the regular
// expressions it stands for (as the splitter would otherwise build them), over
// generated text and the shared UN samples.
#include "split/break_search.h"
#include "split/segmentation_rules.h"

#include <catch2/catch.hpp>
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "../shared_data.h"
#include "rule_references.h"

using untm::test::check_same_at_positions;
using untm::test::for_random_texts;
using untm::test::PositionReference;
using untm::test::check_same_searches;
using untm::test::search_references;

TEST_CASE("the enumerator break search finds what its regular expression finds", "[split][en]") {
  std::vector<std::size_t> found;
  untm::find_enumerator_breaks(u"He left. (b) Then; (c) not. (iv) yes!” (12) no.  (ab) x. (iiii) y.    (a) z. (a)", found);
  CHECK(found == std::vector<std::size_t>{9, 28, 39, 57});
  auto rules = search_references({untm::Language::zh, untm::Language::en});
  REQUIRE(!rules.empty());
  // Pieces that make and break the rule: sentence ends, closers, every kind
  // of white space ICU's \s may or may not take, enumerators of each shape
  // and near misses, digits beyond ASCII (one outside the BMP), CJK, and a
  // lone surrogate.
  const std::u16string pieces[] = {
      u".", u"!", u"?", u"’", u"”", u"'", u"\"", u")", u"(", u" ", u"  ", u"\t", u"\n", u"\v", u"\f", u"\r",
      u"\u0085", u"\x1C", u"\u00A0", u"\u3000", u"\u2028", u"\u200B", u"\uFEFF", u"\u1680", u"\u180E", u"a", u"b", u"z",
      u"i", u"v", u"x", u"l", u"I", u"V", u"A", u"0", u"1", u"12", u"123", u"\u0663", u"\uFF11", u"\U0001D7CE",
      u"(a)", u"(iv)", u"(xiv)", u"(iiii)", u"(iiiii)", u"(12)", u"(1)", u"(123)", u"(ab)", u"(A)", u"()",
      u"(\u0663)", u"(\U0001D7CF)", u"1.", u"iv)", u"第一", u"（一）", u"。", u",", u";", u"\xD800", u"\xDC00",
      u". (a) ", u"?” (b) ", u".’” (c) ", u".’”’ (d) ", u".    (e) "};
  for_random_texts(pieces, 24, [&](const icu::UnicodeString& text) { check_same_searches(rules, text); });
}

TEST_CASE("the break searches agree with their regular expressions on the UN samples", "[split][.shared]") {
  auto rules = search_references({untm::Language::zh, untm::Language::en});
  const auto paths = {"corpora/un/ga-ldc-resolution-paras/en.txt", "corpora/un/ga-55-100-lines/un_ga.en-zh.en",
                      "corpora/un/ga-ldc-resolution-paras/zh.txt"};
  untm::test::for_each_shared_line(paths, [&](std::string_view line) {
    check_same_searches(rules, untm::test::utf16_of(line));
  });
}

namespace {

// The rules with a hand-written position test, with the regular expression
// built and bounded as the splitter builds it; `words` gets the alternatives
// of their \b(?:...)\. look-behinds.
std::vector<PositionReference> position_references(std::vector<std::u16string>& words) {
  std::vector<PositionReference> result;
  for (const auto language : {untm::Language::zh, untm::Language::en}) {
    for (const auto& rule : untm::segmentation_rules(language)) {
      if (rule.at_position == nullptr || !rule.before.starts_with("\\b(?:")) continue;  // abbreviations only
      auto regex = untm::test::position_regex(rule);
      std::string before(rule.before);
      const auto open = before.find("(?:"), close = before.find(")\\.");
      REQUIRE(open != std::string::npos);
      REQUIRE(close != std::string::npos);
      std::string alternatives = before.substr(open + 3, close - open - 3) + "|";
      for (std::size_t start = 0, bar; (bar = alternatives.find('|', start)) != std::string::npos; start = bar + 1) {
        std::string word = alternatives.substr(start, bar - start);
        for (std::size_t at; (at = word.find("\\.")) != std::string::npos;) word.erase(at, 1);
        words.push_back(icu::UnicodeString::fromUTF8(word).getBuffer() == nullptr
                            ? std::u16string()
                            : std::u16string(icu::UnicodeString::fromUTF8(word).getBuffer(),
                                             static_cast<std::size_t>(icu::UnicodeString::fromUTF8(word).length())));
      }
      result.push_back({rule.at_position, std::move(regex), std::string(rule.reason)});
    }
  }
  return result;
}

}  // namespace

TEST_CASE("the abbreviation position tests answer as their regular expressions do", "[split][en]") {
  std::vector<std::u16string> words;
  auto rules = position_references(words);
  REQUIRE(rules.size() == 3);
  REQUIRE(words.size() > 40);
  // Word characters and not (letters of other scripts, one outside the BMP,
  // digits, the connector _, ZWNJ/ZWJ), combining and format characters \b
  // looks through, every kind of white space and line end, and what the
  // number rule wants next.
  std::vector<std::u16string> pieces = {
      u".", u". ", u".  ", u".    ", u" ", u"\t", u"\n", u"\v", u"\r", u"\u0085", u"\u2028", u"\u3000", u"\x1C",
      u"\u00A0", u"a", u"x", u"M", u"Z", u"3", u"\u0663", u"\U0001D7CE", u"_", u"\u200C", u"\u200D", u"\u0301",
      u"\u00AD", u"\u200B", u"\u4E2D", u"(", u"I", u"v", u"l", u"\u00E9", u"-", u"\xD800", u"\U0001D400", u"\u2019"};
  for (const auto& word : words) {
    pieces.push_back(word);
    pieces.push_back(word + u". ");
  }
  std::mt19937 random(13);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> count(1, 7);
  std::size_t matched = 0;
  for (int sample = 0; sample < 6000; ++sample) {
    std::u16string text;
    for (int n = count(random); n > 0; --n) text += pieces[piece(random)];
    check_same_at_positions(rules, icu::UnicodeString(text.data(), static_cast<std::int32_t>(text.size())), matched);
  }
  CHECK(matched > 1000);
}

TEST_CASE("the abbreviation position tests agree with their regular expressions on the UN samples", "[split][.shared]") {
  std::vector<std::u16string> words;
  auto rules = position_references(words);
  std::size_t matched = 0;
  const auto paths = {"corpora/un/ga-ldc-resolution-paras/en.txt", "corpora/un/ga-55-100-lines/un_ga.en-zh.en"};
  untm::test::for_each_shared_line(paths, [&](std::string_view line) {
    check_same_at_positions(rules, untm::test::utf16_of(line), matched);
  });
  CHECK(matched > 0);
}

namespace {

// The paragraph-number and date rules, built and bounded as the splitter
// builds them.
std::vector<PositionReference> paragraph_number_references() {
  return untm::test::position_references([](const untm::SegmentationRule& rule) {
    return rule.at_position == untm::english_paragraph_number_at || rule.at_position == untm::chinese_paragraph_number_at ||
           rule.at_position == untm::date_inside_sentence_at;
  });
}

}  // namespace

TEST_CASE("the paragraph-number position tests answer as their regular expressions do", "[split]") {
  auto rules = paragraph_number_references();
  REQUIRE(rules.size() == 3);
  // Numbers of each shape and near misses (four digits, two letters, six
  // roman letters, digits beyond ASCII and the BMP), full stops, every kind
  // of white space and line end, the sentence ends the Chinese rule starts
  // after, and a lone surrogate.
  const std::u16string pieces[] = {
      u".", u". ", u".    ", u"     ", u" ", u"  ", u"\t", u"\n", u"\v", u"\r", u"\u0085", u"\u2028", u"\u3000",
      u"\x1C", u"\u00A0", u"\u200B", u"1", u"12", u"123", u"1234", u"\u0663", u"\U0001D7CE", u"\uFF11", u"a", u"Z",
      u"ab", u"i", u"iv", u"xviii", u"xxviii", u"L", u"I", u"\u00E9", u"\u4E2D", u"。", u"！", u"？", u"!", u"?",
      u"，", u"(", u"\xD800", u"\xDC00", u"1. ", u"iv.", u"。 2.", u"A.  "};
  std::size_t matched = 0;
  for_random_texts(pieces, 7, [&](const icu::UnicodeString& text) { check_same_at_positions(rules, text, matched); });
  CHECK(matched > 1000);
}

TEST_CASE("the date position test answers as its regular expression does", "[split][en]") {
  auto rules = paragraph_number_references();
  // Dates whole and broken (digits beyond ASCII and the BMP, three-digit
  // days, five-digit years), leads of each kind (lower-case words, governing
  // words, punctuation, words too long, \b failing), every kind of white space.
  const std::u16string pieces[] = {
      u"May", u"November", u"Octobe", u"Mayo", u" ", u"  ", u"   ", u"\t", u"\n", u"\u2028", u"\u3000", u"\x1C",
      u"\u00A0", u"1", u"15", u"150", u"\u0663", u"\U0001D7CE", u",", u"2012", u"20123", u"201", u"\u0663\u0663\u0663\u0663",
      u"on", u"On", u"The", u"Dated", u"xIn", u"_In", u"\u0301", u"\u00AD", u"abcdefghijklmnopqrstuvwxyz", u"abcdefghijklmnopqrstuvwxy",
      u"a", u"Q", u"’", u"'", u"don’t", u"é", u"\u4E2D", u"(", u".", u"\xD800", u"\xDC00", u"\U0001D400", u"X",
      u" May 5, 2012", u"May 5, 2012 x", u"on May 15, 2012 ", u"The November 1, 1999  ", u"; July 4, 1776 ", u"in June 30, 2000"};
  std::size_t matched = 0;
  for_random_texts(pieces, 10, [&](const icu::UnicodeString& text) { check_same_at_positions(rules, text, matched); });
  CHECK(matched > 1000);
}

TEST_CASE("the paragraph-number and date position tests agree with their regular expressions on the UN samples", "[split][.shared]") {
  auto rules = paragraph_number_references();
  std::size_t matched = 0;
  const auto paths = {"corpora/un/ga-ldc-resolution-paras/en.txt", "corpora/un/ga-55-100-lines/un_ga.en-zh.en",
                      "corpora/un/ga-ldc-resolution-paras/zh.txt", "corpora/un/ga-55-100-lines/un_ga.en-zh.zh"};
  untm::test::for_each_shared_line(paths, [&](std::string_view line) {
    check_same_at_positions(rules, untm::test::utf16_of(line), matched);
  });
  CHECK(matched > 0);
}
