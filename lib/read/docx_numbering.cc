#include "read/docx_numbering.h"

#include <algorithm>

#include "read/number_format.h"
#include "read/ooxml.h"

namespace untm::read {

namespace {

// Word's counters run from 0 to 32767 (its list dialog allows no more).
constexpr int max_counter = 32767;

using ooxml::attribute;
using ooxml::child;
using ooxml::local_name;

std::optional<int> level_index(const pugi::xml_node& node) {
  const int level = attribute(node, "ilvl").as_int(-1);
  if (level < 0 || level >= DocxNumbering::level_count) return std::nullopt;
  return level;
}

}  // namespace

DocxNumbering::Level DocxNumbering::parse_level(const pugi::xml_node& node) {
  Level level;
  level.start = std::clamp(ooxml::child_number(node, "start", 1), 0, max_counter);
  if (child(node, "numFmt")) level.format = ooxml::child_value(node, "numFmt");
  level.text = ooxml::child_value(node, "lvlText");
  if (child(node, "lvlRestart")) level.restart = ooxml::child_number(node, "lvlRestart", -1);
  level.legal = ooxml::property_on(node, "isLgl");
  if (ooxml::child_value(node, "suff") == "nothing") level.separator.clear();
  return level;
}

DocxNumbering::DocxNumbering(const pugi::xml_document& numbering) {
  const pugi::xml_node root = child(numbering, "numbering");
  std::map<int, Levels> abstract_lists;
  for (const auto& node : root.children()) {
    if (local_name(node) != "abstractNum") continue;
    Levels levels_of_list;
    for (const auto& level_node : node.children()) {
      const auto index = local_name(level_node) == "lvl" ? level_index(level_node) : std::nullopt;
      if (index) levels_of_list[static_cast<std::size_t>(*index)] = parse_level(level_node);
    }
    abstract_lists.insert_or_assign(attribute(node, "abstractNumId").as_int(-1), std::move(levels_of_list));
  }
  for (const auto& node : root.children()) {
    if (local_name(node) == "num") parse_list(node, abstract_lists);
  }
}

void DocxNumbering::parse_list(const pugi::xml_node& node, const std::map<int, Levels>& abstract_lists) {
  const int abstract_id = ooxml::child_number(node, "abstractNumId", -1);
  const auto abstract_list = abstract_lists.find(abstract_id);
  if (abstract_list == abstract_lists.end()) return;
  List list{abstract_list->second, {}, "abstract " + std::to_string(abstract_id)};
  const int id = attribute(node, "numId").as_int(0);
  for (const auto& override_node : node.children()) {
    const auto index = local_name(override_node) == "lvlOverride" ? level_index(override_node) : std::nullopt;
    if (!index) continue;
    const auto slot = static_cast<std::size_t>(*index);
    if (const pugi::xml_node level_node = child(override_node, "lvl")) list.levels[slot] = parse_level(level_node);
    if (child(override_node, "startOverride")) {
      list.start_overrides[slot] = std::clamp(ooxml::child_number(override_node, "startOverride", 1), 0, max_counter);
    }
    // An overridden list is a list of its own: it restarts where the
    // abstract list it is made from would continue.
    list.counter_key = "list " + std::to_string(id);
  }
  lists_.insert_or_assign(id, std::move(list));
}

std::string DocxNumbering::next_label(const ListReference& reference) {
  const auto found = lists_.find(reference.list);
  if (found == lists_.end() || reference.level < 0 || reference.level >= level_count) return {};
  const List& list = found->second;
  Counters& counters = counters_[list.counter_key];
  const auto level = static_cast<std::size_t>(reference.level);
  const int start = list.start_overrides[level].value_or(list.levels[level].start);
  counters.value[level] = counters.used[level] ? std::min(counters.value[level] + 1, max_counter) : start;
  counters.used[level] = true;
  for (std::size_t deeper = level + 1; deeper < level_count; ++deeper) {
    const auto& restart = list.levels[deeper].restart;
    // By default a level restarts after any higher one; w:lvlRestart N
    // restarts it only after levels 1..N (1-based), and 0 never.
    if (!restart || static_cast<int>(level) < *restart) counters.used[deeper] = false;
  }
  return render(list, counters, reference.level);
}

std::string DocxNumbering::render(const List& list, const Counters& counters, int level) const {
  const Level& shown = list.levels[static_cast<std::size_t>(level)];
  if (shown.format == "bullet" || shown.format == "none" || shown.text.empty()) return {};
  std::string label;
  for (std::size_t at = 0; at < shown.text.size(); ++at) {
    const char next = at + 1 < shown.text.size() ? shown.text[at + 1] : '\0';
    if (shown.text[at] != '%' || next < '1' || next > '9') {
      label += shown.text[at];
      continue;
    }
    const auto referenced = static_cast<std::size_t>(next - '1');
    const Level& counted = list.levels[referenced];
    const int value = counters.used[referenced]
                          ? counters.value[referenced]
                          : list.start_overrides[referenced].value_or(counted.start);
    label += format_number(value, shown.legal ? std::string_view("decimal") : std::string_view(counted.format));
    ++at;
  }
  return label + shown.separator;
}

}  // namespace untm::read

