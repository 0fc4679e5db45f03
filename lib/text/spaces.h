#pragma once
// White space in UTF-8 text, shared by cleaning and splitting: what
// separates words and sentences, and trimming it off a byte range.

#include <cstddef>
#include <string_view>

namespace untm {

// Half-open byte range [begin, end) in a text.
struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

// True for the white space that separates sentences (ASCII, NBSP, U+3000...);
// `length` receives the byte length of the character at `offset`.
bool is_space_at(std::string_view text, std::size_t offset, std::size_t& length);

// `range` of `text` without leading and trailing white space.
ByteRange trim_spaces(std::string_view text, ByteRange range);

}  // namespace untm
