#pragma once
// Blocks as bytes, for a reader that runs in a child process (the tool reads
// PDFs so, tools/untm/pdf_child.h): the child writes encode_blocks' bytes on
// its stdout, the parent decodes them. Both ends are the same build of untm,
// so the layout is the machine's own (no byte-order or version field).

#include <string>
#include <string_view>
#include <vector>

#include "read/block.h"

namespace untm::read {

std::string encode_blocks(const std::vector<Block>& blocks);

// Throws std::runtime_error (a bug: the child is untm itself) when `bytes`
// is not exactly what encode_blocks wrote.
std::vector<Block> decode_blocks(std::string_view bytes);

}  // namespace untm::read
