#include "read/ooxml.h"

#include <charconv>

#include <fmt/format.h>

#include "core/error.h"

namespace untm::read::ooxml {

std::string_view local_name(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
  for (const auto& element : node.children()) {
    if (local_name(element) == name) return element;
  }
  return {};
}

pugi::xml_attribute attribute(const pugi::xml_node& node, std::string_view name) {
  for (const auto& candidate : node.attributes()) {
    std::string_view full = candidate.name();
    const auto colon = full.find(':');
    if ((colon == std::string_view::npos ? full : full.substr(colon + 1)) == name) return candidate;
  }
  return {};
}

std::string_view child_value(const pugi::xml_node& node, std::string_view name) {
  return attribute(child(node, name), "val").value();
}

int child_number(const pugi::xml_node& node, std::string_view name, int fallback) {
  const std::string_view text = child_value(node, name);
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc{} && end == text.data() + text.size() && !text.empty() ? value : fallback;
}

bool property_on(const pugi::xml_node& properties, std::string_view name) {
  const pugi::xml_node property = child(properties, name);
  if (!property) return false;
  const std::string_view value = attribute(property, "val").value();
  return value != "false" && value != "0" && value != "off";
}

void parse_part(pugi::xml_document& document, const std::string& xml, std::string_view part_name,
                const std::string& source_name) {
  // Whitespace-only text is kept when it is an element's only content: a
  // <w:t xml:space="preserve"> </w:t> is the space between two words.
  const pugi::xml_parse_result result =
      document.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!result) {
    throw InputError(source_name, fmt::format("part {} of the DOCX package, byte {}: damaged XML: {}", part_name,
                                              result.offset, result.description()));
  }
}

}  // namespace untm::read::ooxml
