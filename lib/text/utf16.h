#pragma once
// UTF-8 to UTF-16 for ICU, which splits and searches fastest on UTF-16, and
// the three-byte sequences of Chinese text read in place, two at a time, by
// the loops that visit every character (decoding, display widths).
// ICU's own converter (u_strFromUTF8WithSub) was a twelfth of the text
// pipeline; well-formed text, nearly all input, takes the shorter path here,
// and anything else goes to ICU as before.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include <unicode/unistr.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace untm {

// The unit of a three-byte sequence whose bytes are the low 24 bits of
// `bytes` (first byte lowest), and whether the sequence is well-formed: lead
// E0..EF, two continuation bytes, no overlong form (below U+0800) and no
// surrogate (U+D800..U+DFFF), Table 3-7 of Unicode §3.9. Most of Chinese
// text; the hot loops take two from one eight-byte load.
inline bool three_byte_unit(std::uint64_t bytes, char16_t& unit) noexcept {
  if ((bytes & 0xC0C0F0) != 0x8080E0) return false;
  const auto code_point =
      static_cast<unsigned>((bytes & 0x0F) << 12 | (bytes >> 8 & 0x3F) << 6 | (bytes >> 16 & 0x3F));
  unit = static_cast<char16_t>(code_point);
  const unsigned top = code_point & 0xF800;
  return top != 0 && top != 0xD800;
}

// The same for the sequence at `offset` of `text`, which may be too short.
inline bool three_byte_unit_at(std::string_view text, std::size_t offset, char16_t& unit) noexcept {
  if (offset + 3 > text.size()) return false;
  const auto byte = [&](std::size_t index) { return static_cast<std::uint64_t>(static_cast<unsigned char>(text[offset + index])); };
  return three_byte_unit(byte(0) | byte(1) << 8 | byte(2) << 16, unit);
}

// Two three-byte sequences at `offset` of `text` (eight bytes readable).
inline bool two_three_byte_units_at(std::string_view text, std::size_t offset, char16_t& first, char16_t& second) noexcept {
  if (offset + 8 > text.size()) return false;
  std::uint64_t bytes;
  std::memcpy(&bytes, text.data() + offset, 8);
  return three_byte_unit(bytes, first) && three_byte_unit(bytes >> 24, second);
}

namespace detail {

// Copies the ASCII bytes at the start of [in, end) to `out` as units, moving
// both past them; at least the first byte when it is ASCII.
inline void copy_ascii_run(const unsigned char*& in, const unsigned char* end, char16_t*& out) noexcept {
#if defined(__SSE2__)
  // Sixteen at a time: a byte mask says whether any has its top bit set.
  const __m128i zero = _mm_setzero_si128();
  while (end - in >= 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in));
    if (_mm_movemask_epi8(bytes) != 0) break;
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out), _mm_unpacklo_epi8(bytes, zero));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + 8), _mm_unpackhi_epi8(bytes, zero));
    in += 16;
    out += 16;
  }
#endif
  std::uint64_t word;
  while (end - in >= 8 && (std::memcpy(&word, in, 8), (word & 0x8080808080808080) == 0)) {
    for (int index = 0; index < 8; ++index) out[index] = in[index];
    in += 8;
    out += 8;
  }
  while (in < end && *in < 0x80) *out++ = *in++;
}

}  // namespace detail

// Writes the UTF-16 of `utf8` to `out`, which has room for utf8.size() units
// (UTF-16 never has more units than UTF-8 has bytes), and returns the number
// of units written; returns std::string_view::npos, having written an
// unspecified part, when `utf8` is not well-formed (core/utf8.h). Calls
// `non_ascii(unit)` for each unit written that is not ASCII, so that a caller
// looking for some characters needs no second pass over the text.
template <typename NonAscii>
std::size_t well_formed_utf8_to_utf16(std::string_view utf8, char16_t* out, NonAscii&& non_ascii) noexcept {
  constexpr std::size_t kNotWellFormed = std::string_view::npos;
  const auto continuation = [](unsigned char byte) { return (byte & 0xC0) == 0x80; };
  const auto* in = reinterpret_cast<const unsigned char*>(utf8.data());
  const auto* const end = in + utf8.size();
  char16_t* const out_start = out;
  while (in < end) {
    const unsigned lead = *in;
    if (lead < 0x80) {
      detail::copy_ascii_run(in, end, out);
      continue;
    }
    char16_t unit;
    if (lead >= 0xE0 && lead <= 0xEF) {
      // Most of Chinese text: two three-byte sequences from one load.
      std::uint64_t bytes;
      char16_t second;
      while (end - in >= 8 && (std::memcpy(&bytes, in, 8), three_byte_unit(bytes, unit)) &&
             three_byte_unit(bytes >> 24, second)) {
        non_ascii(unit);
        non_ascii(second);
        out[0] = unit;
        out[1] = second;
        out += 2;
        in += 6;
      }
      if (in == end || *in < 0xE0 || *in > 0xEF) continue;
      if (end - in < 3) return kNotWellFormed;
      if (!three_byte_unit(static_cast<std::uint64_t>(in[0]) | static_cast<std::uint64_t>(in[1]) << 8 |
                                       static_cast<std::uint64_t>(in[2]) << 16,
                                   unit)) {
        return kNotWellFormed;
      }
      in += 3;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      if (end - in < 2 || !continuation(in[1])) return kNotWellFormed;
      unit = static_cast<char16_t>((lead & 0x1F) << 6 | (in[1] & 0x3Fu));
      in += 2;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      if (end - in < 4 || !continuation(in[1]) || !continuation(in[2]) || !continuation(in[3])) return kNotWellFormed;
      const unsigned code_point = (lead & 0x07) << 18 | (in[1] & 0x3Fu) << 12 | (in[2] & 0x3Fu) << 6 | (in[3] & 0x3Fu);
      if (code_point < 0x10000 || code_point > 0x10FFFF) return kNotWellFormed;
      const auto lead_surrogate = static_cast<char16_t>(0xD7C0 + (code_point >> 10));
      non_ascii(lead_surrogate);
      *out++ = lead_surrogate;
      unit = static_cast<char16_t>(0xDC00 | (code_point & 0x3FF));
      in += 4;
    } else {
      return kNotWellFormed;  // a continuation byte, C0, C1 or F5..FF
    }
    non_ascii(unit);
    *out++ = unit;
  }
  return static_cast<std::size_t>(out - out_start);
}

inline std::size_t well_formed_utf8_to_utf16(std::string_view utf8, char16_t* out) noexcept {
  return well_formed_utf8_to_utf16(utf8, out, [](char16_t) {});
}

namespace detail {
// ICU's conversion of `utf8` (not well-formed) into `buffer` of `utf16`.
void icu_utf8_to_utf16(icu::UnicodeString& utf16, char16_t* buffer, std::string_view utf8);
char16_t* utf16_buffer(icu::UnicodeString& utf16, std::size_t size);
}  // namespace detail

// `utf8` into `utf16` exactly as icu::UnicodeString::fromUTF8 converts it
// (U+FFFD for each maximal ill-formed subpart), in the buffer `utf16`
// already has when it is large enough, calling `non_ascii(unit)` for each
// unit that is not ASCII (when `utf8` is not well-formed, some of them
// twice: the fast path's before ICU's). Requires utf8.size() < INT32_MAX.
template <typename NonAscii>
void assign_utf8(icu::UnicodeString& utf16, std::string_view utf8, NonAscii&& non_ascii) {
  char16_t* buffer = detail::utf16_buffer(utf16, utf8.size());
  if (const std::size_t units = well_formed_utf8_to_utf16(utf8, buffer, non_ascii); units != std::string_view::npos) {
    utf16.releaseBuffer(static_cast<std::int32_t>(units));
    return;
  }
  detail::icu_utf8_to_utf16(utf16, buffer, utf8);
  for (std::int32_t index = 0; index < utf16.length(); ++index) {
    if (utf16[index] >= 0x80) non_ascii(utf16[index]);
  }
}

inline void assign_utf8(icu::UnicodeString& utf16, std::string_view utf8) {
  assign_utf8(utf16, utf8, [](char16_t) {});
}

}  // namespace untm
