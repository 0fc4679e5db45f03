#include "text/clean.h"

#include <catch2/catch.hpp>
#include <unicode/uchar.h>

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/utf8.h"
#include "text/line_filters.h"
#include "text/utf8_regex.h"

TEST_CASE("display width: wide and full-width characters count two columns", "[text][clean]") {
  CHECK(untm::display_width("ab") == 2);
  CHECK(untm::display_width("中文") == 4);
  CHECK(untm::display_width("a中，") == 5);     // U+FF0C full-width comma
  CHECK(untm::display_width("\u4DFF") == 1);  // a hexagram just before the ideographs: neutral
  CHECK(untm::display_width("\uA000") == 2);  // Yi, just after them: wide
}

TEST_CASE("display width: the ideograph fast path agrees with ICU's East Asian width", "[text][clean]") {
  for (char32_t code_point = 0x4D00; code_point <= 0xA0FF; ++code_point) {
    std::string text;
    untm::append_utf8(text, code_point);
    const auto east_asian = u_getIntPropertyValue(static_cast<UChar32>(code_point), UCHAR_EAST_ASIAN_WIDTH);
    const std::size_t expected = (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) ? 2 : 1;
    INFO("U+" << std::hex << static_cast<std::uint32_t>(code_point));
    REQUIRE(untm::display_width(text) == expected);
  }
}

TEST_CASE("display width: every code point as ICU's East Asian width says, after ASCII runs of any length",
          "[text][clean]") {
  // The BMP goes through a table built from ICU once, ASCII eight bytes at a
  // time: every code point after a run that ends at each offset of a word.
  for (char32_t code_point = 0x80; code_point <= 0x10FFFF; ++code_point) {
    if (code_point >= 0xD800 && code_point <= 0xDFFF) continue;
    const auto east_asian = u_getIntPropertyValue(static_cast<UChar32>(code_point), UCHAR_EAST_ASIAN_WIDTH);
    const std::size_t wide = (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) ? 2 : 1;
    const std::size_t ascii = code_point % 17;
    std::string text(ascii, 'a');
    untm::append_utf8(text, code_point);
    text += "bc";
    INFO("U+" << std::hex << static_cast<std::uint32_t>(code_point));
    REQUIRE(untm::display_width(text) == ascii + wide + 2);
  }
}

TEST_CASE("display width: every three-byte code point in a run of them, which is read two at a time",
          "[text][clean]") {
  for (char32_t code_point = 0x800; code_point <= 0xFFFF; ++code_point) {
    if (code_point >= 0xD800 && code_point <= 0xDFFF) continue;
    const auto east_asian = u_getIntPropertyValue(static_cast<UChar32>(code_point), UCHAR_EAST_ASIAN_WIDTH);
    const std::size_t wide = (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) ? 2 : 1;
    // The first of a run alone, then pairs: it stands first and second in
    // one, beside itself and beside a wide ideograph.
    std::string text = "\u4E2D";
    for (const char32_t next : {code_point, char32_t{0x4E2D}, code_point, code_point, char32_t{0x4E2D}}) {
      untm::append_utf8(text, next);
    }
    text += "ab";
    INFO("U+" << std::hex << static_cast<std::uint32_t>(code_point));
    REQUIRE(untm::display_width(text) == 3 * 2 + 3 * wide + 2);
  }
}

namespace {

// What the footnote patterns find in `line` with no filter in front of them:
// the capture groups, overlapping ones merged.
std::vector<std::pair<std::size_t, std::size_t>> footnote_digits_by_regex(const std::string& line,
                                                                         untm::Language language) {
  std::vector<std::pair<std::size_t, std::size_t>> found, merged;
  for (const auto& rule : untm::footnote_patterns(language)) {
    untm::Utf8Regex regex(rule.pattern);
    regex.for_each_match(line, 1, [&](std::size_t begin, std::size_t end) { found.emplace_back(begin, end); });
  }
  std::sort(found.begin(), found.end());
  for (const auto& range : found) {
    if (!merged.empty() && range.first < merged.back().second) merged.back().second = std::max(merged.back().second, range.second);
    else merged.push_back(range);
  }
  return merged;
}

}  // namespace

TEST_CASE("glued footnote digits: the filters in front of the patterns change nothing", "[text][clean]") {
  // Punctuation, digits of several scripts (full-width, Arabic-Indic, one
  // outside the BMP), Chinese, words, years and dashes.
  const std::string pieces[] = {"\u62A5\u544A", "\uFF1B", "\u3002", "\uFF0C", "\u3001", "\u300B", "\u201D", "6", "12",
                                "123", "\uFF16", "\u0663", "\U0001D7CE", "\u6CE8\u610F", "countries", ".", ";", ",",
                                ":", ")", " ", "Declaration", "2001-2010", "2001-20107", "\u2013", "19", "x"};
  std::mt19937 random(13);
  std::uniform_int_distribution<std::size_t> piece(0, std::size(pieces) - 1);
  std::uniform_int_distribution<int> count(1, 6);
  std::size_t with_digits = 0;
  for (const auto language : {untm::Language::zh, untm::Language::en}) {
    for (int sample = 0; sample < 3000; ++sample) {
      std::string line = "x";  // a first character that is no furniture
      for (int n = count(random); n > 0; --n) line += pieces[piece(random)];
      while (line.back() == ' ') line.pop_back();  // as clean_lines trims it
      const auto lines = untm::clean_lines(line, language);
      REQUIRE(lines.size() == 1);
      INFO(line);
      // A line without an ASCII digit is never searched (clean.cc: every rule
      // is about ASCII digits), though \d would take others.
      const bool ascii_digit = std::any_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; });
      const auto expected = ascii_digit ? footnote_digits_by_regex(line, language)
                                        : std::vector<std::pair<std::size_t, std::size_t>>{};
      REQUIRE(lines[0].removed == expected);
      with_digits += !expected.empty();
    }
  }
  CHECK(with_digits > 300);
}
