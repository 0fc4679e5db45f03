// The UTF-8 to UTF-16 fast path against ICU's converter, which it stands in
// for: the same units for well-formed text, and "not well-formed" exactly
// where ICU would substitute U+FFFD.
#include "text/utf16.h"

#include <catch2/catch.hpp>
#include <unicode/ustring.h>

#include <random>
#include <string>
#include <vector>

namespace {

struct IcuConversion {
  std::u16string units;
  std::int32_t substitutions = 0;
};

IcuConversion icu_conversion(std::string_view utf8) {
  std::vector<char16_t> buffer(utf8.size() + 1);
  UErrorCode status = U_ZERO_ERROR;
  std::int32_t length = 0;
  IcuConversion result;
  u_strFromUTF8WithSub(buffer.data(), static_cast<std::int32_t>(buffer.size()), &length, utf8.data(),
                       static_cast<std::int32_t>(utf8.size()), 0xFFFD, &result.substitutions, &status);
  REQUIRE(U_SUCCESS(status));
  result.units.assign(buffer.data(), static_cast<std::size_t>(length));
  return result;
}

std::string hex(std::string_view bytes) {
  std::string result;
  for (const unsigned char byte : bytes) {
    result += "0123456789ABCDEF"[byte >> 4];
    result += "0123456789ABCDEF"[byte & 15];
    result += ' ';
  }
  return result;
}

// Converts `utf8` both ways and checks they agree; returns whether it was
// well-formed.
bool check_same(std::string_view utf8) {
  const IcuConversion expected = icu_conversion(utf8);
  std::vector<char16_t> out(utf8.size() + 1);
  std::u16string non_ascii_units;
  const std::size_t units =
      untm::well_formed_utf8_to_utf16(utf8, out.data(), [&](char16_t unit) { non_ascii_units.push_back(unit); });
  INFO("bytes: " << hex(utf8));
  REQUIRE((units == std::string_view::npos) == (expected.substitutions > 0));
  std::u16string expected_non_ascii;
  for (char16_t unit : expected.units) {
    if (unit >= 0x80) expected_non_ascii.push_back(unit);
  }
  if (units != std::string_view::npos) {
    CHECK(std::u16string(out.data(), units) == expected.units);
    CHECK(non_ascii_units == expected_non_ascii);
  }
  // assign_utf8 gives ICU's text in every case, substitutions included.
  icu::UnicodeString assigned(u"left over from before");
  std::u16string assigned_non_ascii;
  untm::assign_utf8(assigned, utf8, [&](char16_t unit) { assigned_non_ascii.push_back(unit); });
  CHECK(std::u16string(assigned.getBuffer(), static_cast<std::size_t>(assigned.length())) == expected.units);
  // The fast path's calls, then ICU's when it gives up: each unit, some twice.
  if (units == std::string_view::npos) assigned_non_ascii.erase(0, assigned_non_ascii.size() - expected_non_ascii.size());
  CHECK(assigned_non_ascii == expected_non_ascii);
  return units != std::string_view::npos;
}

}  // namespace

TEST_CASE("UTF-8 to UTF-16: the edges of Table 3-7 as ICU has them", "[text]") {
  CHECK(check_same(""));
  CHECK(check_same("plain ASCII, longer than sixteen bytes, to take the wide path"));
  CHECK(check_same("\xE0\xA0\x80"));        // U+0800, the first three-byte code point
  CHECK_FALSE(check_same("\xE0\x9F\xBF"));  // overlong
  CHECK(check_same("\xED\x9F\xBF"));        // U+D7FF
  CHECK_FALSE(check_same("\xED\xA0\x80"));  // a surrogate
  CHECK(check_same("\xEE\x80\x80"));        // U+E000
  CHECK(check_same("\xF0\x90\x80\x80"));    // U+10000
  CHECK_FALSE(check_same("\xF0\x8F\xBF\xBF"));
  CHECK(check_same("\xF4\x8F\xBF\xBF"));    // U+10FFFF
  CHECK_FALSE(check_same("\xF4\x90\x80\x80"));
  CHECK_FALSE(check_same("\xC0\x80"));
  CHECK_FALSE(check_same("\xC1\xBF"));
  CHECK(check_same("\xC2\x80"));
  CHECK_FALSE(check_same("\xF5\x80\x80\x80"));
  CHECK_FALSE(check_same("\x80"));
  CHECK_FALSE(check_same("\xE4\xB8"));       // cut short
  CHECK_FALSE(check_same("\xE4\xB8\xAD\xE4\xB8"));
  CHECK(check_same("\xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82"));  // 中文。
}

TEST_CASE("UTF-8 to UTF-16 agrees with ICU on random bytes", "[text]") {
  // Pieces of every kind and length, well-formed or not, so that runs of
  // three-byte sequences (taken two at a time) meet every other kind at every
  // offset.
  const std::string pieces[] = {
      "a", "abcdefgh", "0123456789abcdefghij", " ", "\n", "\x7F", "\xC2\xA0", "\xDF\xBF", "\xC3", "\xE4\xB8\xAD",
      "\xE6\x96\x87", "\xE3\x80\x82", "\xEF\xBC\x8C", "\xE2\x80\x9C", "\xE0\xA0\x80", "\xE0\x9F\xBF", "\xED\x9F\xBF",
      "\xED\xA0\x80", "\xEF\xBF\xBF", "\xE4", "\xE4\xB8", "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF", "\xF4\x90\x80\x80",
      "\xF0\x8F\xBF\xBF", "\xF0\x9F", "\x80", "\xBF", "\xC0\x80", "\xF8\x88\x80\x80\x80", "\xFF"};
  std::mt19937 random(13);
  std::uniform_int_distribution<std::size_t> piece(0, std::size(pieces) - 1);
  std::uniform_int_distribution<int> count(1, 24);
  int well_formed = 0;
  for (int sample = 0; sample < 20000; ++sample) {
    std::string text;
    // Half the samples from well-formed pieces only, so that long runs stay
    // well-formed and reach the end.
    const bool only_good = sample % 2 == 0;
    for (int n = count(random); n > 0;) {
      const std::string& next = pieces[piece(random)];
      if (only_good && icu_conversion(next).substitutions > 0) continue;
      text += next;
      --n;
    }
    well_formed += check_same(text);
  }
  CHECK(well_formed > 9000);
}
