#pragma once
// The layout half of the PDF reader: text lines with their place on the page
// and their type size become blocks. Pure functions over plain values, so that
// the rules are tested on lines written by hand; pdf.cc gets the lines from
// poppler.
// - running headers and footers go: lines in the top or bottom margin band
//   of a page, and lines in a wider band that repeat on other pages at the
//   same height (digits aside: page counters, job numbers, the symbol);
// - footnotes stay apart: lines set smaller than the body below the page's
//   last body line, one block per footnote number, after the body;
// - paragraphs: a line starts one after a wider gap than the body's line
//   spacing, when it is indented deeper than the line before, when the line
//   before stopped where its first word would have fitted, or when the type
//   changes between heading and body;
// - headings: lines set larger or bold, or centred short lines;
// - Block::page is the page a block starts on, Block::page_starts the pages
//   it runs onto;
// - lines join as the language writes: Chinese with nothing, others with a
//   space; a line-end hyphen goes only where it is a wrap.

#include <cstdint>
#include <string>
#include <vector>

#include "read/block.h"

namespace untm::read {

// One line of text on a page, in PDF points; y grows downwards.
struct PdfLine {
  std::string text;  // words joined with the spaces the PDF has between them
  double left = 0, right = 0, top = 0, bottom = 0;
  double first_word_width = 0;  // to tell whether it would have fitted on the line before
  double size = 0;              // type size, the largest in the line
  bool bold = false;            // every word set in a bold face
  std::uint32_t page = 1;       // 1-based
};

struct PdfPage {
  double width = 0, height = 0;
  std::vector<PdfLine> lines;  // in reading order
};

std::vector<Block> blocks_from_pages(const std::vector<PdfPage>& pages);

}  // namespace untm::read
