#pragma once
// A list counter as a reader sees it, in one of WordprocessingML's number
// formats (ECMA-376 Part 1, 17.18.59 ST_NumberFormat): 3 -> "3", "c", "iii",
// "三", "丙", "③". Unknown formats fall back to decimal, as Word does.

#include <string>
#include <string_view>

namespace untm::read {

std::string format_number(int value, std::string_view number_format);

// One code point in UTF-8 (labels and symbols are built from code points).
std::string utf8(char32_t code_point);

}  // namespace untm::read
