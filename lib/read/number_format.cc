#include "read/number_format.h"

#include <array>
#include <cstdint>
#include <utility>

#include <fmt/format.h>
#include <unicode/utf8.h>

namespace untm::read {

std::string utf8(char32_t code_point) {
  char buffer[U8_MAX_LENGTH];
  std::size_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, code_point);
  return std::string(buffer, length);
}

namespace {

// Word's letters: a..z, then aa..zz, then aaa..., one letter repeated; past
// 30 letters (no list gets there) digits keep a damaged file's labels short.
std::string letters(int value, char first) {
  if (value > 26 * 30) return std::to_string(value);
  const int cycle = (value - 1) / 26;
  return std::string(static_cast<std::size_t>(cycle + 1), static_cast<char>(first + (value - 1) % 26));
}

std::string roman(int value, bool upper) {
  static constexpr std::array<std::pair<int, std::string_view>, 13> numerals{{{1000, "m"},
                                                                             {900, "cm"},
                                                                             {500, "d"},
                                                                             {400, "cd"},
                                                                             {100, "c"},
                                                                             {90, "xc"},
                                                                             {50, "l"},
                                                                             {40, "xl"},
                                                                             {10, "x"},
                                                                             {9, "ix"},
                                                                             {5, "v"},
                                                                             {4, "iv"},
                                                                             {1, "i"}}};
  std::string out;
  for (const auto& [amount, numeral] : numerals) {
    for (; value >= amount; value -= amount) out += numeral;
  }
  if (upper) {
    for (char& letter : out) letter = static_cast<char>(letter - 'a' + 'A');
  }
  return out;
}

constexpr std::array<char32_t, 10> chinese_digits{U'〇', U'一', U'二', U'三', U'四',
                                                  U'五', U'六', U'七', U'八', U'九'};

// 十一, 二十, 一百零五, 一千二百: the way Chinese counts below ten thousand.
std::string chinese_counting(int value) {
  if (value >= 10000) return std::to_string(value);
  static constexpr std::array<char32_t, 4> units{0, U'十', U'百', U'千'};
  const std::array<int, 4> digit_at{value % 10, value / 10 % 10, value / 100 % 10, value / 1000};
  std::string out;
  bool pending_zero = false;
  for (int place = 3; place >= 0; --place) {
    const int digit = digit_at[static_cast<std::size_t>(place)];
    if (digit == 0) {
      pending_zero = !out.empty();
      continue;
    }
    if (pending_zero) out += utf8(U'零');
    pending_zero = false;
    // 十一, not 一十一, when ten is the leading unit.
    if (!(place == 1 && digit == 1 && out.empty())) out += utf8(chinese_digits[static_cast<std::size_t>(digit)]);
    if (place > 0) out += utf8(units[static_cast<std::size_t>(place)]);
  }
  return out.empty() ? utf8(U'〇') : out;
}

std::string cycle_of(int value, std::u32string_view signs) {
  return utf8(signs[static_cast<std::size_t>(value - 1) % signs.size()]);
}

// ①..⑳ and ⑴..⒇ exist for 1-20 only; Word writes plain digits beyond.
std::string enclosed(int value, char32_t one) {
  return value >= 1 && value <= 20 ? utf8(one + static_cast<char32_t>(value - 1)) : std::to_string(value);
}

std::string full_width(int value) {
  std::string out;
  for (const char digit : std::to_string(value)) out += utf8(U'０' + static_cast<char32_t>(digit - '0'));
  return out;
}

}  // namespace

std::string format_number(int value, std::string_view number_format) {
  if (number_format == "none" || number_format == "bullet") return {};
  // Letters and Roman numerals grow with the value; Word's counters stop at
  // 32767, and beyond it a damaged file gets plain digits.
  if (value < 1 || value > 32767) return std::to_string(value);
  if (number_format == "decimalZero") return fmt::format("{:02}", value);
  if (number_format == "lowerLetter") return letters(value, 'a');
  if (number_format == "upperLetter") return letters(value, 'A');
  if (number_format == "lowerRoman") return roman(value, false);
  if (number_format == "upperRoman") return roman(value, true);
  if (number_format == "chineseCounting" || number_format == "chineseCountingThousand" ||
      number_format == "japaneseCounting" || number_format == "taiwaneseCounting" ||
      number_format == "taiwaneseCountingThousand") {
    return chinese_counting(value);
  }
  if (number_format == "ideographDigital") {
    std::string out;
    for (const char digit : std::to_string(value)) out += utf8(chinese_digits[static_cast<std::size_t>(digit - '0')]);
    return out;
  }
  if (number_format == "ideographTraditional") return cycle_of(value, U"甲乙丙丁戊己庚辛壬癸");
  if (number_format == "ideographZodiac") return cycle_of(value, U"子丑寅卯辰巳午未申酉戌亥");
  if (number_format == "decimalEnclosedCircle" || number_format == "decimalEnclosedCircleChinese") {
    return enclosed(value, U'①');
  }
  if (number_format == "decimalEnclosedParen") return enclosed(value, U'⑴');
  if (number_format == "decimalEnclosedFullstop") return enclosed(value, U'⒈');
  if (number_format == "decimalFullWidth" || number_format == "decimalFullWidth2") return full_width(value);
  return std::to_string(value);
}

}  // namespace untm::read
