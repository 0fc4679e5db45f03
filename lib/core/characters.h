#pragma once
// Character classes that more than one stage asks about, each defined once:
// what counts as white space, and which code points are Chinese script.

#include <cstddef>
#include <string_view>

namespace untm {

// White space that separates words and sentences: ASCII space and TAB..CR,
// NBSP, the U+2000..U+200A spaces and ZERO WIDTH SPACE, LINE and PARAGRAPH
// SEPARATOR, NARROW NBSP, IDEOGRAPHIC SPACE, and the BOM/ZWNBSP U+FEFF
// (pasted text carries it mid-line).
bool is_white_space(char32_t code_point) noexcept;

// Code points of `text` that are not white space: the length in characters
// that the length model and the length diagonal measure.
std::size_t count_visible_code_points(std::string_view text) noexcept;

// Han script as Unicode's Scripts.txt assigns it (ICU's USCRIPT_HAN):
// ideographs of every extension, radicals, 々 and 〇.
bool is_han(char32_t code_point) noexcept;

// Scripts written without spaces between words in Chinese and Japanese
// text: Han, Hiragana, Katakana, Bopomofo.
bool is_cjk_script(char32_t code_point) noexcept;

// CJK Symbols and Punctuation (、。「」 and the ideographic space), the
// vertical and compatibility forms, and the fullwidth and halfwidth forms
// U+FF01..U+FF65 (，：！ and the fullwidth ASCII letters and digits).
bool is_cjk_punctuation(char32_t code_point) noexcept;

}  // namespace untm
