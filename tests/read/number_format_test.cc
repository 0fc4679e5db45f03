#include "read/number_format.h"

#include <catch2/catch.hpp>

using untm::read::format_number;

TEST_CASE("format_number: Latin formats", "[read][number_format]") {
  CHECK(format_number(7, "decimal") == "7");
  CHECK(format_number(7, "decimalZero") == "07");
  CHECK(format_number(12, "decimalZero") == "12");
  CHECK(format_number(3, "lowerLetter") == "c");
  CHECK(format_number(28, "lowerLetter") == "bb");  // Word repeats the letter after z
  CHECK(format_number(2, "upperLetter") == "B");
  CHECK(format_number(4, "lowerRoman") == "iv");
  CHECK(format_number(1994, "upperRoman") == "MCMXCIV");
  CHECK(format_number(5, "someFutureFormat") == "5");
  CHECK(format_number(5, "bullet").empty());
  CHECK(format_number(5, "none").empty());
  CHECK(format_number(40000, "lowerLetter") == "40000");  // beyond Word's counters: digits
  CHECK(format_number(781, "lowerLetter") == "781");      // not 31 letters
}

TEST_CASE("format_number: Chinese counting as Chinese documents number paragraphs", "[read][number_format]") {
  CHECK(format_number(1, "chineseCounting") == "一");
  CHECK(format_number(10, "chineseCounting") == "十");
  CHECK(format_number(11, "chineseCounting") == "十一");
  CHECK(format_number(20, "chineseCountingThousand") == "二十");
  CHECK(format_number(35, "chineseCounting") == "三十五");
  CHECK(format_number(105, "chineseCountingThousand") == "一百零五");
  CHECK(format_number(110, "chineseCountingThousand") == "一百一十");
  CHECK(format_number(2001, "chineseCountingThousand") == "二千零一");
  CHECK(format_number(3, "ideographTraditional") == "丙");
  CHECK(format_number(11, "ideographTraditional") == "甲");
  CHECK(format_number(105, "ideographDigital") == "一〇五");
}

TEST_CASE("format_number: enclosed and full-width digits", "[read][number_format]") {
  CHECK(format_number(3, "decimalEnclosedCircle") == "③");
  CHECK(format_number(21, "decimalEnclosedCircle") == "21");
  CHECK(format_number(2, "decimalEnclosedParen") == "⑵");
  CHECK(format_number(12, "decimalFullWidth") == "１２");
}
