#include "text/spaces.h"

#include <unicode/utf8.h>

#include <cstdint>

namespace untm {

bool is_space_at(std::string_view text, std::size_t offset, std::size_t& length) {
  const auto byte = static_cast<unsigned char>(text[offset]);
  length = 1;
  if (byte == ' ' || (byte >= '\t' && byte <= '\r')) return true;
  if (byte < 0x80) return false;
  std::int32_t next = static_cast<std::int32_t>(offset);
  UChar32 code_point = 0;
  U8_NEXT(text.data(), next, static_cast<std::int32_t>(text.size()), code_point);
  length = static_cast<std::size_t>(next) - offset;
  return code_point == 0xA0 || code_point == 0x3000 || code_point == 0x2028 || code_point == 0x2029 ||
         (code_point >= 0x2000 && code_point <= 0x200B) || code_point == 0x202F || code_point == 0xFEFF;
}

ByteRange trim_spaces(std::string_view text, ByteRange range) {
  std::size_t length = 0;
  while (range.begin < range.end && is_space_at(text, range.begin, length)) range.begin += length;
  // Backwards: step to the start of the last character, test it, repeat.
  while (range.end > range.begin) {
    std::size_t start = range.end - 1;
    while (start > range.begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    if (!is_space_at(text, start, length) || start + length != range.end) break;
    range.end = start;
  }
  return range;
}

}  // namespace untm
