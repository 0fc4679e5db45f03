#include "text/blocks.h"

#include <string>

namespace untm {

namespace {

bool ascii_alphanumeric(char byte) {
  return (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z');
}

// A line break inside a block. Chinese joins with nothing, except that a
// Latin word or number keeps its space (第 67/61 号); other text takes a space.
std::string_view line_join(std::string_view text, std::size_t line_break, Language language) {
  if (language != Language::zh) return " ";
  const bool latin_before = line_break > 0 && ascii_alphanumeric(text[line_break - 1]);
  const bool latin_after = line_break + 1 < text.size() && ascii_alphanumeric(text[line_break + 1]);
  return latin_before || latin_after ? " " : "";
}

}  // namespace

std::vector<RebuiltParagraph> paragraphs_from_blocks(std::span<const read::Block> blocks, Language language) {
  std::vector<RebuiltParagraph> paragraphs;
  paragraphs.reserve(blocks.size());
  for (const auto& block : blocks) {
    RebuiltParagraph paragraph;
    paragraph.heading = block.kind == read::BlockKind::heading;
    if (block.page != 0) paragraph.pages.push_back({0, block.page});
    auto next_page = block.page_starts.begin();
    std::string text;
    for (std::size_t at = 0; at < block.text.size(); ++at) {
      if (next_page != block.page_starts.end() && next_page->at == at) {
        paragraph.pages.push_back({text.size(), next_page->page});
        ++next_page;
      }
      if (block.text[at] == '\n') {
        text += line_join(block.text, at, language);
      } else {
        text += block.text[at];
      }
    }
    // Every byte stands for the block: one inserted run.
    paragraph.text.append_inserted(text, block.index);
    if (!paragraph.text.text.empty()) paragraphs.push_back(std::move(paragraph));
  }
  return paragraphs;
}

}  // namespace untm
