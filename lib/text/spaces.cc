#include "text/spaces.h"

#include "core/characters.h"
#include "core/utf8.h"

namespace untm {

bool is_space_at(std::string_view text, std::size_t offset, std::size_t& length) {
  const DecodedCodePoint decoded = decode_code_point(text, offset);
  length = decoded.length;
  return decoded.valid && is_white_space(decoded.code_point);
}

Range trim_spaces(std::string_view text, Range range) {
  std::size_t length = 0;
  while (range.begin < range.end && is_space_at(text, range.begin, length)) range.begin += length;
  // Backwards: step to the start of the last character, test it, repeat.
  while (range.end > range.begin) {
    const std::size_t start = previous_code_point_start(text, range.end, range.begin);
    if (!is_space_at(text, start, length) || start + length != range.end) break;
    range.end = start;
  }
  return range;
}

}  // namespace untm
