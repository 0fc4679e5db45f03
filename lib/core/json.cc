#include "core/json.h"

#include <fmt/format.h>

#include <cmath>

#include "core/utf8.h"

namespace untm {

namespace {

void append_escaped_ascii(std::string& out, unsigned char character) {
  switch (character) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default:
      if (character < 0x20) {
        out += fmt::format("\\u{:04x}", character);
      } else {
        out += static_cast<char>(character);
      }
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out.reserve(out.size() + text.size() + 2);
  out += '"';
  std::size_t offset = 0;
  while (offset < text.size()) {
    const auto lead = static_cast<unsigned char>(text[offset]);
    if (lead < 0x80) {
      append_escaped_ascii(out, lead);
      ++offset;
      continue;
    }
    const DecodedCodePoint decoded = decode_code_point(text, offset);
    out += decoded.valid ? text.substr(offset, decoded.length) : kReplacementCharacterUtf8;
    offset += decoded.length;
  }
  out += '"';
}

std::string json_string(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

std::string json_number(double value, int decimals) {
  if (!std::isfinite(value)) return "null";
  return fmt::format("{:.{}f}", value, decimals);
}

void JsonWriter::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (container_has_items_.empty()) return;
  if (container_has_items_.back()) out_ += spacing_ == Spacing::spaced ? ", " : ",";
  container_has_items_.back() = true;
}

JsonWriter& JsonWriter::open(char bracket) {
  separate();
  out_ += bracket;
  container_has_items_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  out_ += bracket;
  container_has_items_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::begin_object() { return open('{'); }
JsonWriter& JsonWriter::end_object() { return close('}'); }
JsonWriter& JsonWriter::begin_array() { return open('['); }
JsonWriter& JsonWriter::end_array() { return close(']'); }

JsonWriter& JsonWriter::key(std::string_view name) {
  separate();
  append_json_string(out_, name);
  out_ += spacing_ == Spacing::spaced ? ": " : ":";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
  separate();
  append_json_string(out_, text);
  return *this;
}

JsonWriter& JsonWriter::number(std::uint64_t value) {
  separate();
  out_ += fmt::format("{}", value);
  return *this;
}

JsonWriter& JsonWriter::number(double value, int decimals) {
  separate();
  out_ += json_number(value, decimals);
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json_value) {
  separate();
  out_ += json_value;
  return *this;
}

JsonWriter& JsonWriter::null() {
  separate();
  out_ += "null";
  return *this;
}

}  // namespace untm
