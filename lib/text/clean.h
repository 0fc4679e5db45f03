#pragma once
// Clean: the lines of a decoded PDF-to-text extraction, each classified as
// text, blank or page furniture (job numbers, page counters, the repeated
// document symbol, undocs.org link lines, bar codes, form feeds), with the
// footnote reference digits glued to the text marked for removal.
// Paragraph rebuilding (paragraphs.h) works on these lines.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace untm {

enum class LineKind : std::uint8_t {
  text,
  blank,           // empty or white space only
  page_furniture,  // removed: headers, footers, link lines, form feeds
};

struct TextLine {
  LineKind kind = LineKind::blank;
  // The line's text without line end and surrounding white space, as a byte
  // range of the decoded document.
  std::size_t begin = 0;
  std::size_t end = 0;
  // 32 bits, as a document's lines are kept all at once (the input limit
  // keeps a line far below 2^32 columns).
  std::uint32_t indent = 0;  // leading white space, in columns
  std::uint32_t width = 0;   // display columns of the text (East Asian wide characters count 2)
  // Footnote reference digits to drop: byte ranges of the decoded document
  // inside [begin, end), in order.
  std::vector<std::pair<std::size_t, std::size_t>> removed;
};

// Splits `decoded` (UTF-8, '\n' line ends; '\f' also ends a line) into lines
// and classifies them.
std::vector<TextLine> clean_lines(std::string_view decoded, Language language);

// Display columns of `text`: 2 for East Asian wide and full-width characters.
std::size_t display_width(std::string_view text);

}  // namespace untm
