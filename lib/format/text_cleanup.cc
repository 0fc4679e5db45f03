#include "format/text_cleanup.h"

#include <cstdint>

namespace untm::format {

namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

// Length of the well-formed UTF-8 sequence at the start of `text` (Unicode
// Table 3-7), or 0 when it is ill-formed. Surrogates (ED A0..BF) and
// overlong forms are ill-formed.
std::size_t valid_sequence_length(std::string_view text, char32_t& code_point) {
  const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
  const std::uint8_t lead = byte(0);
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  }
  std::size_t length = 0;
  std::uint8_t low = 0x80, high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code_point = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code_point = lead & 0x0F;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code_point = lead & 0x07;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    const std::uint8_t continuation = byte(i);
    const std::uint8_t lowest = i == 1 ? low : 0x80;
    const std::uint8_t highest = i == 1 ? high : 0xBF;
    if (continuation < lowest || continuation > highest) return 0;
    code_point = (code_point << 6) | (continuation & 0x3F);
  }
  return length;
}

bool forbidden_in_xml(char32_t code_point) {
  if (code_point < 0x20) return code_point != '\t' && code_point != '\n' && code_point != '\r';
  return code_point == 0xFFFE || code_point == 0xFFFF;
}

void append_escaped_ascii(std::string& out, char character, Escaping escaping) {
  switch (escaping) {
    case Escaping::xml:
      switch (character) {
        case '&': out += "&amp;"; return;
        case '<': out += "&lt;"; return;
        case '>': out += "&gt;"; return;
        case '"': out += "&quot;"; return;
        case '\r': out += "&#13;"; return;
        default: out += character; return;
      }
    case Escaping::json:
      switch (character) {
        case '"': out += "\\\""; return;
        case '\\': out += "\\\\"; return;
        case '\n': out += "\\n"; return;
        case '\r': out += "\\r"; return;
        case '\t': out += "\\t"; return;
        default: out += character; return;
      }
    case Escaping::line:
      out += (character == '\t' || character == '\n' || character == '\r') ? ' ' : character;
      return;
  }
}

}  // namespace

void append_clean(std::string& out, std::string_view text, Escaping escaping, CleanupCounts& counts) {
  out.reserve(out.size() + text.size());
  while (!text.empty()) {
    char32_t code_point = 0;
    const std::size_t length = valid_sequence_length(text, code_point);
    if (length == 0) {
      // Unicode's "maximal subpart" practice simplified: one U+FFFD per bad byte.
      out += kReplacementCharacter;
      ++counts.replaced_sequences;
      text.remove_prefix(1);
      continue;
    }
    if (forbidden_in_xml(code_point)) {
      ++counts.dropped_characters;
    } else if (length == 1) {
      append_escaped_ascii(out, text[0], escaping);
    } else {
      out.append(text.substr(0, length));
    }
    text.remove_prefix(length);
  }
}

}  // namespace untm::format
