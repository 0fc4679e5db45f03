#pragma once
// White space in UTF-8 text, shared by cleaning and splitting: what
// separates words and sentences, and trimming it off a byte range.

#include <cstddef>
#include <string_view>

#include "core/range.h"

namespace untm {

// True for the white space that separates sentences (ASCII, NBSP, U+3000...);
// `length` receives the byte length of the character at `offset`.
bool is_space_at(std::string_view text, std::size_t offset, std::size_t& length);

// `range` (bytes) of `text` without leading and trailing white space.
Range trim_spaces(std::string_view text, Range range);

}  // namespace untm
