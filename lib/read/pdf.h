#pragma once
// PDF in: the text layer of a PDF (read with poppler-cpp: words with their
// boxes, fonts and type sizes) -> blocks, as a reader sees the document:
// running headers and footers dropped, footnotes apart after the body,
// paragraphs and headings rebuilt from the layout (pdf_layout.h).
// Block::page is the page a block starts on; Block::index its position.

#include <string>
#include <string_view>
#include <vector>

#include "read/block.h"

namespace untm::read {

// Throws InputError naming `source_name` when `bytes` is no readable PDF
// (damaged, or truncated: no %%EOF at its end), needs a password to open, or
// has no text layer (a scan). A PDF encrypted only against copying (no open
// password) is read.
std::vector<Block> read_pdf(std::string_view bytes, const std::string& source_name);

}  // namespace untm::read
