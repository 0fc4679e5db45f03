#pragma once
// w:sym: a character picked from a symbol font (Insert > Symbol). Word stores
// symbol-font glyphs at U+F000 + the font's own code; for the Symbol font the
// common ones have Unicode equivalents (Greek letters, ±, ≤, →, •). Glyphs of
// picture fonts (Wingdings and the like) are not text and are dropped.

#include <string>
#include <string_view>

namespace untm::read {

// `code` is w:char (hex, "F0B1" or "00B1"), `font` w:font. UTF-8 or "".
std::string symbol_text(std::string_view code, std::string_view font);

}  // namespace untm::read
