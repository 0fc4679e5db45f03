#include "read/docx_styles.h"

#include <algorithm>
#include <cctype>

#include "read/ooxml.h"

namespace untm::read {

namespace {

using ooxml::attribute;
using ooxml::child;

std::string lower_case(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool heading_name(std::string_view name) {
  const std::string lower = lower_case(name);
  if (lower == "title") return true;
  return lower.size() == 9 && lower.starts_with("heading ") && lower[8] >= '1' && lower[8] <= '9';
}

// WordprocessingML outline levels 0-8 are headings; 9 is body text.
constexpr int body_text_outline_level = 9;

}  // namespace

DocxStyles::DocxStyles(const pugi::xml_document& styles) {
  for (const auto& node : child(styles, "styles").children()) {
    if (ooxml::local_name(node) != "style" || std::string_view(attribute(node, "type").value()) != "paragraph") {
      continue;
    }
    Style style;
    style.based_on = ooxml::child_value(node, "basedOn");
    style.heading = heading_name(ooxml::child_value(node, "name"));
    const pugi::xml_node properties = child(node, "pPr");
    if (child(properties, "outlineLvl")) style.outline_level = ooxml::child_number(properties, "outlineLvl", 9);
    const pugi::xml_node numbering = child(properties, "numPr");
    if (child(numbering, "numId")) style.list = ooxml::child_number(numbering, "numId", 0);
    if (child(numbering, "ilvl")) style.list_level = ooxml::child_number(numbering, "ilvl", 0);
    const std::string id = attribute(node, "styleId").value();
    const std::string_view is_default = attribute(node, "default").value();
    if (is_default == "1" || is_default == "true") default_style_ = id;
    styles_.insert_or_assign(id, std::move(style));
  }
}

template <typename Visit>
void DocxStyles::along_chain(std::string_view style_id, Visit visit) const {
  std::string_view id = style_id.empty() ? std::string_view(default_style_) : style_id;
  // Word allows no cycles, but a damaged file may hold one; and real chains
  // are a few styles long, so a bound keeps a long made-up one from costing
  // its length on every paragraph.
  constexpr std::size_t max_chain = 64;
  for (std::size_t steps = 0; steps < max_chain; ++steps) {
    const auto found = styles_.find(id);
    if (found == styles_.end() || !visit(found->second)) return;
    id = found->second.based_on;
  }
}

bool DocxStyles::is_heading(std::string_view style_id) const {
  bool heading = false;
  along_chain(style_id, [&](const Style& style) {
    if (style.outline_level) {
      heading = *style.outline_level < body_text_outline_level;
      return false;
    }
    heading = heading || style.heading;
    return !heading;
  });
  return heading;
}

std::optional<ListReference> DocxStyles::list(std::string_view style_id) const {
  std::optional<int> list;
  std::optional<int> level;
  along_chain(style_id, [&](const Style& style) {
    if (!list && style.list) list = style.list;
    if (!level && style.list_level) level = style.list_level;
    return !(list && level);
  });
  if (!list || *list == 0) return std::nullopt;
  return ListReference{*list, level.value_or(0)};
}

}  // namespace untm::read
