// libFuzzer target over the PDF reader (`untm align a.pdf b.pdf`). An input
// that starts "%PDF" goes through poppler and the whole reader; any other
// input is a page layout, one line per text line,
//   PAGE TOP LEFT RIGHT SIZE BOLD TEXT
// (numbers in points), so that the fuzzer reaches the layout rules (running
// headers, footnotes, paragraphs, line joining) without having to discover
// PDF syntax first. Bad input may throw InputError; anything else (a crash, a
// sanitizer report, another exception) is a bug.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "core/error.h"
#include "read/pdf.h"
#include "read/pdf_layout.h"

namespace {

std::vector<untm::read::PdfPage> pages_of_lines(std::string_view input) {
  std::vector<untm::read::PdfPage> pages;
  std::istringstream lines{std::string(input)};
  std::string row;
  while (std::getline(lines, row)) {
    std::istringstream fields(row);
    std::uint32_t page = 0;
    untm::read::PdfLine line;
    if (!(fields >> page >> line.top >> line.left >> line.right >> line.size >> line.bold)) continue;
    if (page == 0 || page > 64) continue;
    std::getline(fields >> std::ws, line.text);
    line.page = page;
    line.bottom = line.top + line.size;
    line.first_word_width = static_cast<double>(std::min<std::size_t>(line.text.find(' '), line.text.size())) * 6;
    while (pages.size() < page) pages.push_back({595, 842, {}});
    pages[page - 1].lines.push_back(std::move(line));
  }
  return pages;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  try {
    const auto blocks = input.starts_with("%PDF") ? untm::read::read_pdf(input, "fuzz.pdf")
                                                  : untm::read::blocks_from_pages(pages_of_lines(input));
    for (std::size_t index = 0; index < blocks.size(); ++index) {
      // Blocks hold text, numbered in order.
      if (blocks[index].text.empty() || blocks[index].index != index) __builtin_trap();
    }
  } catch (const untm::InputError&) {
  }
  return 0;
}
