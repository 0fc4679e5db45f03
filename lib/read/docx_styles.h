#pragma once
// Paragraph styles of a DOCX (word/styles.xml) as far as reading needs them:
// which styles are headings, and which carry list numbering. Styles inherit
// along w:basedOn, so both answers follow that chain.

#include <pugixml.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace untm::read {

// A paragraph's place in a list: w:numPr's w:numId and w:ilvl.
struct ListReference {
  int list = 0;   // w:numId; 0 means "no numbering"
  int level = 0;  // w:ilvl, 0-based
};

class DocxStyles {
 public:
  DocxStyles() = default;
  // `styles` is the parsed styles.xml (may be empty: no styles part).
  explicit DocxStyles(const pugi::xml_document& styles);

  // Heading N, Title, or an outline level (w:outlineLvl 0-8) somewhere along
  // the w:basedOn chain. Names, not ids: ids are localised ("1" in a Chinese
  // Word), the names of built-in styles are not. An empty id is the default
  // paragraph style.
  bool is_heading(std::string_view style_id) const;
  std::optional<ListReference> list(std::string_view style_id) const;

 private:
  struct Style {
    std::string based_on;
    bool heading = false;
    std::optional<int> outline_level;
    std::optional<int> list;
    std::optional<int> list_level;
  };
  // The style and its ancestors, nearest first, cut short on a cycle.
  template <typename Visit>
  void along_chain(std::string_view style_id, Visit visit) const;

  std::map<std::string, Style, std::less<>> styles_;
  std::string default_style_;
};

}  // namespace untm::read
