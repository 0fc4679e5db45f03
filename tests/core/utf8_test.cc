#include "core/utf8.h"

#include <unicode/utf8.h>

#include <catch2/catch.hpp>
#include <string>

using namespace untm;

TEST_CASE("well-formed sequences of every length decode to their code point", "[core][utf8]") {
  const std::string text = "a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80";  // a é 中 😀
  std::u32string code_points;
  for_each_code_point(text, [&](char32_t c) { code_points.push_back(c); });
  CHECK(code_points == U"a\u00E9\u4E2D\U0001F600");
  CHECK(count_code_points(text) == 4);
  const DecodedCodePoint han = decode_code_point(text, 3);
  CHECK(han.valid);
  CHECK(han.length == 3);
  CHECK(han.code_point == U'中');
}

TEST_CASE("ill-formed sequences take their maximal subpart, as Unicode recommends", "[core][utf8]") {
  // Overlong, surrogate, above U+10FFFF, truncated, stray continuation.
  CHECK(decode_code_point("\xC0\xAF", 0).length == 1);
  CHECK(decode_code_point("\xE0\x80\x80", 0).length == 1);
  CHECK(decode_code_point("\xED\xA0\x80", 0).length == 1);
  CHECK(decode_code_point("\xF4\x90\x80\x80", 0).length == 1);
  CHECK(decode_code_point("\xE4\xB8", 0).length == 2);
  CHECK(decode_code_point("\xF0\x9F\x98x", 0).length == 3);
  const DecodedCodePoint stray = decode_code_point("\x80", 0);
  CHECK_FALSE(stray.valid);
  CHECK(stray.code_point == kReplacementCodePoint);
  CHECK(count_code_points("\xE4\xB8x") == 2);
}

TEST_CASE("the walker agrees with ICU's U8_NEXT on every two- and three-byte prefix", "[core][utf8]") {
  // Expected values from ICU, not from the code under test: validity, length
  // and code point for every lead byte followed by every continuation pair
  // that matters (and an ASCII byte), including truncation.
  std::size_t compared = 0;
  for (int lead = 0x80; lead <= 0xFF; ++lead) {
    for (int second = 0x70; second <= 0xC0; ++second) {
      for (const int third : {0x41, 0x80, 0x9F, 0xA0, 0xBF}) {
        for (const std::size_t size : {2u, 3u, 4u}) {
          std::string text{static_cast<char>(lead), static_cast<char>(second), static_cast<char>(third), '\x80'};
          text.resize(size);
          std::int32_t icu_offset = 0;
          UChar32 icu_code_point = 0;
          U8_NEXT(text.data(), icu_offset, static_cast<std::int32_t>(text.size()), icu_code_point);
          const DecodedCodePoint decoded = decode_code_point(text, 0);
          INFO("bytes " << lead << " " << second << " " << third << " size " << size);
          REQUIRE(decoded.valid == (icu_code_point >= 0));
          REQUIRE(decoded.length == static_cast<std::size_t>(icu_offset));
          if (decoded.valid) REQUIRE(decoded.code_point == static_cast<char32_t>(icu_code_point));
          ++compared;
        }
      }
    }
  }
  CHECK(compared > 10000);
}

TEST_CASE("boundaries step over continuation bytes, never past the bounds", "[core][utf8]") {
  const std::string text = "x\xE4\xB8\xADy";  // x 中 y
  CHECK(previous_code_point_start(text, 4) == 1);
  CHECK(previous_code_point_start(text, 3) == 1);
  CHECK(previous_code_point_start(text, 3, 2) == 2);
  CHECK(previous_code_point_start(text, 0) == 0);
  CHECK(next_code_point_boundary(text, 2) == 4);
  CHECK(next_code_point_boundary(text, 1) == 1);
  CHECK(next_code_point_boundary(text, 5) == 5);
}

TEST_CASE("append_utf8 writes what the walker reads back", "[core][utf8]") {
  std::string text;
  for (const char32_t c : {U'A', U'\u00E9', U'\u4E2D', U'\U0001F600', U'\U0010FFFF'}) append_utf8(text, c);
  CHECK(text == "A\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF");
  std::size_t offset = 0;
  CHECK(next_code_point(text, offset) == U'A');
  CHECK(next_code_point(text, offset) == U'\u00E9');
  CHECK(offset == 3);
}
