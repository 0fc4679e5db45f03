#pragma once
// The one UTF-8 walker of untm. Well-formed means Unicode's Table 3-7
// (Unicode 15, §3.9): no overlong forms, no surrogates, nothing above
// U+10FFFF. Callers decide what an ill-formed sequence means to them (an
// error naming the offset, U+FFFD, a skipped byte); the walker only says
// where it is and how long it is.

#include <cstddef>
#include <string_view>

namespace untm {

inline constexpr char32_t kReplacementCodePoint = 0xFFFD;
inline constexpr std::string_view kReplacementCharacterUtf8 = "\xEF\xBF\xBD";

struct DecodedCodePoint {
  char32_t code_point = 0;  // U+FFFD when not valid
  std::size_t length = 1;   // bytes taken, at least 1
  bool valid = true;
};

// The code point at `offset` (< text.size()). An ill-formed sequence takes
// its maximal subpart (the longest prefix of a well-formed sequence, at least
// one byte), as Unicode §3.9 recommends and ICU's U8_NEXT does, so that one
// bad sequence counts once.
DecodedCodePoint decode_code_point(std::string_view text, std::size_t offset) noexcept;

// The code point at `offset` (U+FFFD when ill-formed); moves `offset` past it.
inline char32_t next_code_point(std::string_view text, std::size_t& offset) noexcept {
  const DecodedCodePoint decoded = decode_code_point(text, offset);
  offset += decoded.length;
  return decoded.code_point;
}

// Start of the code point that ends just before `offset`, not before
// `lower_bound`: steps back over continuation bytes.
std::size_t previous_code_point_start(std::string_view text, std::size_t offset,
                                      std::size_t lower_bound = 0) noexcept;

// Offset of `offset` moved forward to the next code point boundary (itself
// when it is one).
std::size_t next_code_point_boundary(std::string_view text, std::size_t offset) noexcept;

// The first and the last code point of `text`: 0 when it is empty, U+FFFD
// when ill-formed.
inline char32_t first_code_point(std::string_view text) noexcept {
  return text.empty() ? 0 : decode_code_point(text, 0).code_point;
}
inline char32_t last_code_point(std::string_view text) noexcept {
  return text.empty() ? 0 : decode_code_point(text, previous_code_point_start(text, text.size())).code_point;
}

// Number of code points (an ill-formed sequence counts as one).
std::size_t count_code_points(std::string_view text) noexcept;

// Appends the UTF-8 encoding of `code_point` (<= U+10FFFF) to `out`.
template <typename String>
void append_utf8(String& out, char32_t code_point) {
  using Char = typename String::value_type;
  if (code_point < 0x80) {
    out.push_back(static_cast<Char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<Char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<Char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<Char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<Char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<Char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<Char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<Char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<Char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<Char>(0x80 | (code_point & 0x3F)));
  }
}

// Calls visit(char32_t) for each code point of `text`; ill-formed sequences
// arrive as U+FFFD.
template <typename Visitor>
void for_each_code_point(std::string_view text, Visitor visit) {
  std::size_t offset = 0;
  while (offset < text.size()) {
    const auto lead = static_cast<unsigned char>(text[offset]);
    if (lead < 0x80) {  // most of the text an aligner sees is ASCII
      visit(static_cast<char32_t>(lead));
      ++offset;
      continue;
    }
    const DecodedCodePoint decoded = decode_code_point(text, offset);
    visit(decoded.code_point);
    offset += decoded.length;
  }
}

}  // namespace untm
