#include "format/text_cleanup.h"

#include "core/utf8.h"

namespace untm::format {

namespace {

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
    case Escaping::none:
      out += character;
      return;
    case Escaping::line:
      out += (character == '\t' || character == '\n' || character == '\r') ? ' ' : character;
      return;
  }
}

}  // namespace

void append_clean(std::string& out, std::string_view text, Escaping escaping, CleanupCounts& counts) {
  out.reserve(out.size() + text.size());
  while (!text.empty()) {
    const DecodedCodePoint decoded = decode_code_point(text, 0);
    if (!decoded.valid) {
      // One U+FFFD per bad byte, not per maximal subpart as the walker
      // measures it: the outputs keep the bytes they had before.
      out += kReplacementCharacterUtf8;
      ++counts.replaced_sequences;
      text.remove_prefix(1);
      continue;
    }
    if (forbidden_in_xml(decoded.code_point)) {
      ++counts.dropped_characters;
    } else if (decoded.length == 1) {
      append_escaped_ascii(out, text[0], escaping);
    } else {
      out.append(text.substr(0, decoded.length));
    }
    text.remove_prefix(decoded.length);
  }
}

}  // namespace untm::format
