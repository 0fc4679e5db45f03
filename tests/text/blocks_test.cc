// Paragraphs from reader blocks: line breaks joined as the language writes,
// and a PDF block's pages carried to the bytes of the joined text.
#include "text/blocks.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

TEST_CASE("paragraphs_from_blocks: a page break inside a block moves with the joined text", "[text][blocks]") {
  untm::read::Block block;
  block.text = "第一句。\n第二句。";  // the w:br-style break goes: Chinese joins with nothing
  block.page = 4;
  block.page_starts = {{block.text.find("第二"), 5}};
  const std::vector<untm::read::Block> blocks = {block};
  const auto paragraphs = untm::paragraphs_from_blocks(blocks, untm::Language::zh);
  REQUIRE(paragraphs.size() == 1);
  const auto& paragraph = paragraphs[0];
  CHECK(paragraph.text.text == "第一句。第二句。");
  const std::size_t second = paragraph.text.text.find("第二");
  CHECK(paragraph.page_at(0) == 4);
  CHECK(paragraph.page_at(second - 1) == 4);
  CHECK(paragraph.page_at(second) == 5);
}

TEST_CASE("paragraphs_from_blocks: blocks without a page (DOCX) give page 0", "[text][blocks]") {
  untm::read::Block block;
  block.text = "A paragraph of a Word file.";
  block.index = 7;
  const std::vector<untm::read::Block> blocks = {block};
  const auto paragraphs = untm::paragraphs_from_blocks(blocks, untm::Language::en);
  REQUIRE(paragraphs.size() == 1);
  CHECK(paragraphs[0].page_at(3) == 0);
  CHECK(paragraphs[0].text.source_span(0, 5) == untm::SourceSpan{7, 8});
}
