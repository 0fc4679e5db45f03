#pragma once
// Paragraphs from the blocks of a DOCX or PDF reader: a block already is a
// paragraph as a reader sees it, so nothing is rebuilt; only its line breaks
// (w:br) are joined the way the language writes, as wrapped lines are joined
// in text input (Chinese with nothing, other text with a space).
//
// Source positions: every byte of a block maps to the block's index
// (Block::index, the paragraph position for DOCX), so a sentence's SourceSpan
// is [first block, last block + 1): the w:p it came from. A PDF block also
// gives its pages (RebuiltParagraph::pages), so that a sentence names the page
// it starts on.

#include <span>
#include <vector>

#include "core/types.h"
#include "read/block.h"
#include "text/paragraphs.h"

namespace untm {

std::vector<RebuiltParagraph> paragraphs_from_blocks(std::span<const read::Block> blocks, Language language);

}  // namespace untm
