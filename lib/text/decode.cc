#include "text/decode.h"

#include <fmt/format.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "core/error.h"
#include "core/utf8.h"
#include "text/utf16.h"

namespace untm {

namespace {

// Control characters that text files carry: TAB, LF, VT, FF (page breaks in
// PDF-to-text output), CR. Any other C0 control or DEL means binary data.
bool is_text_control(UChar32 code_point) {
  return code_point == '\t' || code_point == '\n' || code_point == '\v' || code_point == '\f' ||
         code_point == '\r';
}

bool is_binary_control(UChar32 code_point) {
  return (code_point < 0x20 && !is_text_control(code_point)) || code_point == 0x7F;
}

// Appends code points, turning CRLF and lone CR into '\n' and rejecting binary
// control characters (reported at the input offset of the character).
class Utf8Builder {
 public:
  Utf8Builder(std::string& out, const std::string& source_name) : out_(out), source_name_(source_name) {}

  void append(UChar32 code_point, std::size_t input_offset) {
    if (code_point == '\n' && previous_was_cr_) {
      previous_was_cr_ = false;
      return;  // the CR already produced the '\n'
    }
    previous_was_cr_ = code_point == '\r';
    if (code_point == '\r') code_point = '\n';
    if (code_point == 0) {
      throw InputError(source_name_, "NUL byte: this looks like binary data, not text", input_offset);
    }
    if (is_binary_control(code_point)) {
      throw InputError(source_name_,
                       fmt::format("control character U+{:04X}: this looks like binary data, not text",
                                   static_cast<std::uint32_t>(code_point)),
                       input_offset);
    }
    append_utf8(out_, static_cast<char32_t>(code_point));
  }

  // Printable ASCII, or a valid multi-byte sequence (no control character
  // has one, and valid UTF-8 is already the shortest form): copied as is.
  void append_as_is(std::string_view bytes) {
    previous_was_cr_ = false;
    out_.append(bytes);
  }

  void append_replacement() {
    previous_was_cr_ = false;
    out_.append(kReplacementCharacterUtf8);
  }

 private:
  std::string& out_;
  const std::string& source_name_;
  bool previous_was_cr_ = false;
};

void decode_utf8(std::string_view bytes, std::size_t start, const std::string& source_name, bool lenient,
                 DecodedText& decoded) {
  decoded.text.reserve(bytes.size());
  Utf8Builder builder(decoded.text, source_name);
  std::size_t offset = start;
  while (offset < bytes.size()) {
    const auto byte = static_cast<unsigned char>(bytes[offset]);
    // Fast path: a run of ASCII other than controls is copied at once.
    if (byte >= 0x20 && byte < 0x7F) {
      std::size_t end = offset + 1;
      while (end < bytes.size() && static_cast<unsigned char>(bytes[end]) >= 0x20 &&
             static_cast<unsigned char>(bytes[end]) < 0x7F) {
        ++end;
      }
      builder.append_as_is(bytes.substr(offset, end - offset));
      offset = end;
      continue;
    }
    const DecodedCodePoint next = decode_code_point(bytes, offset);
    if (!next.valid) {
      if (!lenient) throw InvalidUtf8Error(source_name, "invalid UTF-8", offset);
      ++decoded.replaced_invalid_sequences;
      builder.append_replacement();
    } else if (next.length > 1) {
      builder.append_as_is(bytes.substr(offset, next.length));
    } else {
      builder.append(static_cast<UChar32>(next.code_point), offset);
    }
    offset += next.length;
  }
}

void decode_utf16(std::string_view bytes, bool big_endian, const std::string& source_name, bool lenient,
                  DecodedText& decoded) {
  decoded.text.reserve(bytes.size());
  Utf8Builder builder(decoded.text, source_name);
  const auto unit_at = [&](std::size_t offset) -> std::uint16_t {
    const auto first = static_cast<std::uint8_t>(bytes[offset]);
    const auto second = static_cast<std::uint8_t>(bytes[offset + 1]);
    return big_endian ? static_cast<std::uint16_t>(first << 8 | second)
                      : static_cast<std::uint16_t>(second << 8 | first);
  };
  std::size_t offset = 2;  // after the byte-order mark
  while (offset < bytes.size()) {
    const std::size_t begin = offset;
    if (offset + 1 >= bytes.size()) {
      if (!lenient) throw InputError(source_name, "UTF-16 text ends in the middle of a character", begin);
      ++decoded.replaced_invalid_sequences;
      builder.append_replacement();
      break;
    }
    const std::uint16_t unit = unit_at(offset);
    offset += 2;
    UChar32 code_point = unit;
    if (U16_IS_LEAD(unit) && offset + 1 < bytes.size() && U16_IS_TRAIL(unit_at(offset))) {
      code_point = U16_GET_SUPPLEMENTARY(unit, unit_at(offset));
      offset += 2;
    } else if (U16_IS_SURROGATE(unit)) {
      if (!lenient) throw InputError(source_name, "invalid UTF-16: unpaired surrogate", begin);
      ++decoded.replaced_invalid_sequences;
      builder.append_replacement();
      continue;
    }
    builder.append(code_point, begin);
  }
}

// Text without a byte-order mark whose first bytes alternate with NULs is
// UTF-16 that we cannot tell the byte order of; say so instead of "binary".
bool looks_like_utf16_without_bom(std::string_view bytes) {
  const std::size_t probe = std::min<std::size_t>(bytes.size(), 64) & ~std::size_t{1};
  if (probe < 4) return false;
  std::size_t even_nuls = 0, odd_nuls = 0;
  for (std::size_t i = 0; i < probe; ++i) (i % 2 == 0 ? even_nuls : odd_nuls) += bytes[i] == '\0';
  const std::size_t half = probe / 2;
  return (even_nuls * 4 >= half * 3 && odd_nuls == 0) || (odd_nuls * 4 >= half * 3 && even_nuls == 0);
}

// Whether decode_utf8 would return `bytes` unchanged: valid UTF-8 with no
// control character other than TAB, LF, VT and FF (CR becomes LF; the others
// are rejected) and no byte-order mark.
bool decodes_to_itself(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return false;
  std::size_t offset = 0;
  while (offset < bytes.size()) {
    // Eight printable ASCII bytes at a time: no byte below 0x20 (each byte
    // minus 0x20 keeps its top bit clear) and none 0x7F or above (each byte
    // plus 1 keeps its top bit clear).
    while (offset + 8 <= bytes.size()) {
      std::uint64_t word;
      std::memcpy(&word, bytes.data() + offset, 8);
      constexpr std::uint64_t kOnes = 0x0101010101010101, kHighBits = 0x8080808080808080;
      if (((word | ~((word | kHighBits) - 0x20 * kOnes) | ((word & ~kHighBits) + kOnes)) & kHighBits) != 0) break;
      offset += 8;
    }
    if (offset >= bytes.size()) break;
    const auto byte = static_cast<unsigned char>(bytes[offset]);
    if (byte >= 0x20 && byte < 0x7F) {
      ++offset;
      continue;
    }
    // A three-byte sequence, then more two from one load (most of Chinese
    // text); none of them is a control character.
    char16_t first, second;
    if (three_byte_unit_at(bytes, offset, first)) {
      for (offset += 3; two_three_byte_units_at(bytes, offset, first, second);) offset += 6;
      continue;
    }
    if (byte < 0x80) {
      if (byte == '\r' || !is_text_control(byte)) return false;
      ++offset;
      continue;
    }
    const DecodedCodePoint next = decode_code_point(bytes, offset);
    if (!next.valid) return false;
    offset += next.length;
  }
  return true;
}

}  // namespace

void check_input_size(std::uint64_t size, const std::string& source_name) {
  if (size <= kMaxInputBytes) return;
  throw InputError(source_name, fmt::format("{} bytes is over the limit of {} GiB ({} bytes) for one input; split "
                                            "it into smaller documents",
                                            size, kMaxInputBytes >> 30, kMaxInputBytes));
}

DecodedText decode_text(std::string_view bytes, const std::string& source_name, bool lenient) {
  check_input_size(bytes.size(), source_name);
  DecodedText decoded;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    decoded.encoding = SourceEncoding::utf8_with_bom;
    decode_utf8(bytes, 3, source_name, lenient, decoded);
  } else if (bytes.starts_with("\xFF\xFE")) {
    decoded.encoding = SourceEncoding::utf16le;
    decode_utf16(bytes, false, source_name, lenient, decoded);
  } else if (bytes.starts_with("\xFE\xFF")) {
    decoded.encoding = SourceEncoding::utf16be;
    decode_utf16(bytes, true, source_name, lenient, decoded);
  } else {
    if (looks_like_utf16_without_bom(bytes)) {
      throw InputError(source_name, "looks like UTF-16 without a byte-order mark; save it as UTF-8 or with a BOM", 0);
    }
    decode_utf8(bytes, 0, source_name, lenient, decoded);
  }
  check_input_size(decoded.text.size(), source_name);  // UTF-16 grows when decoded
  return decoded;
}

DecodedView::DecodedView(std::string_view bytes, const std::string& source_name, bool lenient) : bytes_(bytes) {
  check_input_size(bytes.size(), source_name);
  // UTF-16 text alternates with NULs, so it never decodes to itself.
  if (decodes_to_itself(bytes)) return;
  decoded_ = decode_text(bytes, source_name, lenient);
  copied_ = true;
}

}  // namespace untm
