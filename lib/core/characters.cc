#include "core/characters.h"

#include <algorithm>
#include <span>

#include "core/utf8.h"

namespace untm {

namespace {

struct CodePointRange {
  char32_t first, last;
};

// From Scripts.txt (Unicode 15, as ICU 72 reports it); sorted.
constexpr CodePointRange kHan[] = {
    {0x2E80, 0x2E99},   {0x2E9B, 0x2EF3},   {0x2F00, 0x2FD5},   {0x3005, 0x3005},   {0x3007, 0x3007},
    {0x3021, 0x3029},   {0x3038, 0x303B},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xF900, 0xFA6D},
    {0xFA70, 0xFAD9},   {0x16FE2, 0x16FE3}, {0x16FF0, 0x16FF1}, {0x20000, 0x2A6DF}, {0x2A700, 0x2B739},
    {0x2B740, 0x2B81D}, {0x2B820, 0x2CEA1}, {0x2CEB0, 0x2EBE0}, {0x2F800, 0x2FA1D}, {0x30000, 0x3134A},
    {0x31350, 0x323AF},
};

// Hiragana, Katakana and Bopomofo, merged; sorted.
constexpr CodePointRange kKanaAndBopomofo[] = {
    {0x02EA, 0x02EB},   {0x3041, 0x3096},   {0x309D, 0x309F},   {0x30A1, 0x30FA},   {0x30FD, 0x30FF},
    {0x3105, 0x312F},   {0x31A0, 0x31BF},   {0x31F0, 0x31FF},   {0x32D0, 0x32FE},   {0x3300, 0x3357},
    {0xFF66, 0xFF6F},   {0xFF71, 0xFF9D},   {0x1AFF0, 0x1AFF3}, {0x1AFF5, 0x1AFFB}, {0x1AFFD, 0x1AFFE},
    {0x1B000, 0x1B122}, {0x1B132, 0x1B132}, {0x1B150, 0x1B152}, {0x1B155, 0x1B155}, {0x1B164, 0x1B167},
    {0x1F200, 0x1F200},
};

bool in_ranges(std::span<const CodePointRange> ranges, char32_t code_point) {
  const auto after = std::upper_bound(ranges.begin(), ranges.end(), code_point,
                                      [](char32_t value, const CodePointRange& range) { return value < range.first; });
  return after != ranges.begin() && code_point <= std::prev(after)->last;
}

}  // namespace

bool is_white_space(char32_t code_point) noexcept {
  if (code_point < 0x80) return code_point == ' ' || (code_point >= '\t' && code_point <= '\r');
  return code_point == 0xA0 || (code_point >= 0x2000 && code_point <= 0x200B) || code_point == 0x2028 ||
         code_point == 0x2029 || code_point == 0x202F || code_point == 0x3000 || code_point == 0xFEFF;
}

std::size_t count_visible_code_points(std::string_view text) noexcept {
  std::size_t count = 0;
  for_each_code_point(text, [&count](char32_t code_point) { count += is_white_space(code_point) ? 0 : 1; });
  return count;
}

bool is_han(char32_t code_point) noexcept {
  if (code_point >= 0x4E00 && code_point <= 0x9FFF) return true;  // most Chinese text
  return code_point >= 0x2E80 && in_ranges(kHan, code_point);
}

bool is_cjk_script(char32_t code_point) noexcept {
  return is_han(code_point) || (code_point >= 0x02EA && in_ranges(kKanaAndBopomofo, code_point));
}

bool is_cjk_punctuation(char32_t code_point) noexcept {
  return (code_point >= 0x3000 && code_point <= 0x303F) || (code_point >= 0xFE10 && code_point <= 0xFE1F) ||
         (code_point >= 0xFE30 && code_point <= 0xFE4F) || (code_point >= 0xFF01 && code_point <= 0xFF65);
}

}  // namespace untm
