#pragma once
// List numbering of a DOCX (word/numbering.xml): the label a reader sees in
// front of a numbered paragraph ("1.", "(a)", "一、", "2.3"), with counters
// that advance, restart at higher levels and honour w:startOverride.
// ECMA-376 Part 1, 17.9.

#include <pugixml.hpp>

#include <array>
#include <map>
#include <optional>
#include <string>

#include "read/docx_styles.h"

namespace untm::read {

class DocxNumbering {
 public:
  DocxNumbering() = default;
  // `numbering` is the parsed numbering.xml (may be empty: no numbering part).
  explicit DocxNumbering(const pugi::xml_document& numbering);

  // The label of the next paragraph in `reference`'s list, followed by its
  // separator (a tab or a space shows as a space), and the counters advanced.
  // Empty for bullets, unknown lists and levels without a label.
  std::string next_label(const ListReference& reference);

  static constexpr int level_count = 9;

 private:
  struct Level {
    int start = 1;
    std::string format = "decimal";
    std::string text;                // w:lvlText, "%1." with %N for level N's counter
    std::optional<int> restart;      // w:lvlRestart: restart after this level (1-based), 0 never
    bool legal = false;              // w:isLgl: every counter in decimal
    std::string separator = " ";     // w:suff: tab (shown as a space), space, nothing
  };
  using Levels = std::array<Level, level_count>;
  struct List {
    Levels levels;
    std::array<std::optional<int>, level_count> start_overrides;
    std::string counter_key;  // lists without overrides share the counters of their abstract list
  };
  struct Counters {
    std::array<int, level_count> value{};
    std::array<bool, level_count> used{};
  };

  static Level parse_level(const pugi::xml_node& node);
  void parse_list(const pugi::xml_node& node, const std::map<int, Levels>& abstract_lists);
  std::string render(const List& list, const Counters& counters, int level) const;

  std::map<int, List> lists_;
  std::map<std::string, Counters> counters_;
};

}  // namespace untm::read
