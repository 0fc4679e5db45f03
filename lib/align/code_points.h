#pragma once
// Walking the code points of UTF-8 text that the text layer has validated:
// lengths and anchors need no error handling, only speed.

#include <cstddef>
#include <string_view>

namespace untm {

// Calls visit(char32_t) for each code point of `text`; a truncated sequence
// at the end is taken as far as it goes.
template <typename Visitor>
void for_each_code_point(std::string_view text, Visitor visit) {
  std::size_t position = 0;
  while (position < text.size()) {
    const auto lead = static_cast<unsigned char>(text[position]);
    std::size_t width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (position + width > text.size()) width = text.size() - position;
    char32_t code_point = lead;
    if (width > 1) {
      code_point = lead & (0x7F >> width);
      for (std::size_t k = 1; k < width; ++k) {
        code_point = (code_point << 6) | (static_cast<unsigned char>(text[position + k]) & 0x3F);
      }
    }
    visit(code_point);
    position += width;
  }
}

}  // namespace untm
