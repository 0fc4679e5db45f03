// The PDF reader's layout rules on lines placed by hand: an A4 page (595 x 842
// points), a text column from 72 to 523, body type 12 points, 14-point line
// pitch (2 points between a line's bottom and the next one's top).
#include "read/pdf_layout.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using untm::read::Block;
using untm::read::BlockKind;
using untm::read::PdfLine;
using untm::read::PdfPage;

namespace {

constexpr double kLeft = 72, kRight = 523;

// A line whose top is `top`, from `left` to `right`, first word 40 points wide.
PdfLine line(std::string text, double top, double left = kLeft, double right = kRight, double size = 12) {
  return {std::move(text), left, right, top, top + size, 40, size, false, 1};
}

PdfPage page(std::vector<PdfLine> lines, std::uint32_t number = 1) {
  for (auto& each : lines) each.page = number;
  return {595, 842, std::move(lines)};
}

std::vector<std::string> texts(const std::vector<Block>& blocks, BlockKind kind) {
  std::vector<std::string> found;
  for (const auto& block : blocks) {
    if (block.kind == kind) found.push_back(block.text);
  }
  return found;
}

using Texts = std::vector<std::string>;

}  // namespace

TEST_CASE("PDF layout: a short line ends a paragraph, a full one goes on; a deeper line starts one", "[read][pdf]") {
  const auto blocks = untm::read::blocks_from_pages({page({
      line("Recalling the purposes and principles of the Charter of the", 100, kLeft + 36),
      line("United Nations, in particular the promotion of social", 114),
      line("progress in larger freedom,", 128, kLeft, 250),
      line("Reaffirming the Universal Declaration of Human Rights and", 142, kLeft + 36),
      line("the Covenant,", 156, kLeft, 150),
      line("Convinced that cooperation is essential,", 170, kLeft + 36, 330),
  })});
  CHECK(texts(blocks, BlockKind::body) ==
        Texts{"Recalling the purposes and principles of the Charter of the United Nations, in particular the "
              "promotion of social progress in larger freedom,",
              "Reaffirming the Universal Declaration of Human Rights and the Covenant,",
              "Convinced that cooperation is essential,"});
}

TEST_CASE("PDF layout: running headers and footers go, whatever the page number", "[read][pdf]") {
  const std::string words[] = {"One", "Two", "Three"};
  std::vector<PdfPage> pages;
  for (std::uint32_t number = 1; number <= 3; ++number) {
    pages.push_back(page({line("A/RES/99/123", 40, 440), line(words[number - 1] + " fills the line,", 100.0 + number),
                          line("then ends.", 114.0 + number, kLeft, 150),
                          line("Job 26-01234 (E)   page " + std::to_string(number), 740, kLeft, 300)},
                         number));
  }
  const auto blocks = untm::read::blocks_from_pages(pages);
  CHECK(texts(blocks, BlockKind::body) ==
        Texts{"One fills the line, then ends.", "Two fills the line, then ends.", "Three fills the line, then ends."});
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[2].page == 3);
  CHECK(blocks[2].index == 2);
}

TEST_CASE("PDF layout: small text at the page foot is a footnote, after the body", "[read][pdf]") {
  const auto blocks = untm::read::blocks_from_pages({page({
      line("1. Takes note of the report of the Secretary-General and of the", 100, kLeft + 36),
      line("recommendations contained therein;", 114, kLeft, 300),
      line("1 A/61/82, annex.", 700, kLeft, 160, 9),
      line("2 Resolution 60/1.", 711, kLeft, 160, 9),
      line("2. Decides to remain seized of the matter.", 128, kLeft + 36, 400),
  })});
  CHECK(texts(blocks, BlockKind::body) ==
        Texts{"1. Takes note of the report of the Secretary-General and of the recommendations contained therein;",
              "2. Decides to remain seized of the matter."});
  CHECK(texts(blocks, BlockKind::footnote) == Texts{"1 A/61/82, annex.", "2 Resolution 60/1."});
  CHECK(blocks.back().kind == BlockKind::footnote);
}

TEST_CASE("PDF layout: larger, bold or centred lines are headings; a heading line before a page break stays apart",
          "[read][pdf]") {
  auto title = line("Declaration on the Protection of Coastal", 100, 150, 445, 14);
  title.bold = true;
  auto title_end = line("Communities", 118, 260, 335, 14);
  title_end.bold = true;
  const auto blocks = untm::read::blocks_from_pages(
      {page({title, title_end, line("The General Assembly,", 150, kLeft + 36, 250),
             line("Article 5", 700, 270, 325)}),
       page({line("Everyone has the right to take part in the government of his", 100),
             line("country.", 114, kLeft, 120)},
            2)});
  CHECK(texts(blocks, BlockKind::heading) == Texts{"Declaration on the Protection of Coastal Communities", "Article 5"});
  CHECK(texts(blocks, BlockKind::body) ==
        Texts{"The General Assembly,", "Everyone has the right to take part in the government of his country."});
}

TEST_CASE("PDF layout: Chinese lines join with nothing; a wrap hyphen goes, a real one stays", "[read][pdf]") {
  const auto chinese = untm::read::blocks_from_pages({page({
      line("回顾《联合国宪章》的宗旨和原则，特别是在更大的自由中促进社会进步和", 100, kLeft + 24),
      line("改善生活水平，", 114, kLeft, 170),
  })});
  CHECK(texts(chinese, BlockKind::body) == Texts{"回顾《联合国宪章》的宗旨和原则，特别是在更大的自由中促进社会进步和改善生活水平，"});
  const auto english = untm::read::blocks_from_pages({page({
      line("States shall ensure co-operation and the informa-", 100, kLeft + 36),
      line("tion exchange on non-", 114),
      line("discrimination, information and co-", 128),
      line("operation.", 142, kLeft, 130),
  })});
  CHECK(texts(english, BlockKind::body) ==
        Texts{"States shall ensure co-operation and the information exchange on non-discrimination, information and "
              "co-operation."});
}

TEST_CASE("PDF layout: a paragraph that runs over a page break notes where the new page begins", "[read][pdf]") {
  const auto blocks = untm::read::blocks_from_pages(
      {page({line("Everyone has the right to take part in the government. States shall", 600, kLeft + 36)}),
       page({line("consult them. They shall report.", 100, kLeft, 250)}, 2)});
  REQUIRE(blocks.size() == 1);
  CHECK(blocks[0].text == "Everyone has the right to take part in the government. States shall consult them. They shall report.");
  CHECK(blocks[0].page == 1);
  REQUIRE(blocks[0].page_starts.size() == 1);
  CHECK(blocks[0].page_starts[0].page == 2);
  CHECK(blocks[0].text.substr(blocks[0].page_starts[0].at) == "consult them. They shall report.");
}
