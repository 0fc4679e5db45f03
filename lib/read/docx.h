#pragma once
// DOCX in: a Word document (ECMA-376 WordprocessingML) -> blocks, as a reader
// sees the document.
// - paragraphs (w:p) in document order; Heading N, Title and outline-level
//   styles are heading blocks; tables go cell by cell (table_cell blocks);
// - list numbering rendered as shown ("1.", "(a)", "一、");
// - tracked changes accepted: insertions kept, deletions dropped;
// - fields give their result, not their code; hidden text is dropped;
// - footnotes and endnotes are blocks of their own after the body (footnotes,
//   then endnotes, in the order the body refers to them), and the reference
//   marks leave the body text; page headers, footers and comments are dropped;
// - w:tab is a space, w:br a line break within the block.
// Block::index is the paragraph's position: the count of w:p before it in
// document.xml, then on through the footnotes and endnotes in block order.

#include <string>
#include <string_view>
#include <vector>

#include "read/block.h"

namespace untm::read {

// Throws InputError naming `source_name` when `bytes` is not a readable ZIP,
// holds no main document part, or a part it needs is damaged XML.
std::vector<Block> read_docx(std::string_view bytes, const std::string& source_name);

}  // namespace untm::read
