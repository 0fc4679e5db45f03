#include "text/clean.h"

#include <catch2/catch.hpp>
#include <unicode/uchar.h>

#include <string>

#include "core/utf8.h"

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
