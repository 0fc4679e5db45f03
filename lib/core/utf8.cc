#include "core/utf8.h"

#include <cstdint>

namespace untm {

namespace {

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Length and payload bits of a lead byte, and the range its first
// continuation byte must fall in (Table 3-7); length 0 for a byte that
// starts no well-formed sequence.
struct LeadByte {
  std::size_t length = 0;
  char32_t bits = 0;
  unsigned char low = 0x80, high = 0xBF;
};

LeadByte classify_lead(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return {2, static_cast<char32_t>(lead & 0x1F)};
  if (lead >= 0xE0 && lead <= 0xEF) {
    return {3, static_cast<char32_t>(lead & 0x0F), static_cast<unsigned char>(lead == 0xE0 ? 0xA0 : 0x80),
            static_cast<unsigned char>(lead == 0xED ? 0x9F : 0xBF)};
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    return {4, static_cast<char32_t>(lead & 0x07), static_cast<unsigned char>(lead == 0xF0 ? 0x90 : 0x80),
            static_cast<unsigned char>(lead == 0xF4 ? 0x8F : 0xBF)};
  }
  return {};
}

}  // namespace

DecodedCodePoint decode_code_point(std::string_view text, std::size_t offset) noexcept {
  const auto byte = [&](std::size_t index) { return static_cast<unsigned char>(text[index]); };
  const unsigned char lead = byte(offset);
  if (lead < 0x80) return {lead, 1, true};
  const LeadByte sequence = classify_lead(lead);
  if (sequence.length == 0) return {kReplacementCodePoint, 1, false};
  char32_t code_point = sequence.bits;
  for (std::size_t index = 1; index < sequence.length; ++index) {
    const std::size_t at = offset + index;
    const unsigned char low = index == 1 ? sequence.low : 0x80;
    const unsigned char high = index == 1 ? sequence.high : 0xBF;
    if (at >= text.size() || byte(at) < low || byte(at) > high) return {kReplacementCodePoint, index, false};
    code_point = (code_point << 6) | (byte(at) & 0x3F);
  }
  return {code_point, sequence.length, true};
}

std::size_t previous_code_point_start(std::string_view text, std::size_t offset, std::size_t lower_bound) noexcept {
  if (offset <= lower_bound) return lower_bound;
  std::size_t start = offset - 1;
  while (start > lower_bound && is_continuation(static_cast<unsigned char>(text[start]))) --start;
  return start;
}

std::size_t next_code_point_boundary(std::string_view text, std::size_t offset) noexcept {
  while (offset < text.size() && is_continuation(static_cast<unsigned char>(text[offset]))) ++offset;
  return offset;
}

std::size_t count_code_points(std::string_view text) noexcept {
  std::size_t count = 0;
  for_each_code_point(text, [&count](char32_t) { ++count; });
  return count;
}

}  // namespace untm
