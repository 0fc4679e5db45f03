#pragma once
// Small helpers over pugixml for WordprocessingML (ECMA-376 Part 1). Names
// are matched by local name: Word writes the "w:" prefix, but the prefix is
// the writer's choice, and Strict documents bind it to another namespace URI.

#include <pugixml.hpp>

#include <string>
#include <string_view>

namespace untm::read::ooxml {

std::string_view local_name(const pugi::xml_node& node);
pugi::xml_node child(const pugi::xml_node& node, std::string_view name);
pugi::xml_attribute attribute(const pugi::xml_node& node, std::string_view name);
// w:val of the child `name` ("" when either is missing).
std::string_view child_value(const pugi::xml_node& node, std::string_view name);
// A w:val of the child `name` as a number, or `fallback`.
int child_number(const pugi::xml_node& node, std::string_view name, int fallback);
// An on/off property (w:b, w:vanish): present and not switched off by w:val.
bool property_on(const pugi::xml_node& properties, std::string_view name);

// Parses one part of the package; throws InputError naming `source_name`, the
// part and the byte offset in it when the XML is not well formed.
void parse_part(pugi::xml_document& document, const std::string& xml, std::string_view part_name,
                const std::string& source_name);

// Nesting deeper than this in a part is treated as damage: walkers recurse.
constexpr int max_depth = 200;

}  // namespace untm::read::ooxml
