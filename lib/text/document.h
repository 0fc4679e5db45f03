#pragma once
// The text half of the pipeline in one call: decode, clean, rebuild
// paragraphs, split sentences (docs/DESIGN.md). Owned by the text unit; other
// units (align, batch) call only this.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace untm {

struct TextOptions {
  // Replace invalid UTF-8 with U+FFFD instead of throwing InputError.
  bool lenient = false;
  // The input already holds one sentence per line (gold-set layout): decode
  // only; every non-empty line is one sentence, all in one paragraph.
  bool presplit = false;
};

struct TextWarnings {
  std::size_t replaced_invalid_sequences = 0;  // with `lenient`
  bool empty = false;                          // the document had no text
};

// Throws InputError naming `source_name` (and the byte offset where known)
// for invalid UTF-8, binary junk and the like.
SplitDocument read_document(std::string_view bytes, Language language,
                            const std::string& source_name,
                            const TextOptions& options = {},
                            TextWarnings* warnings = nullptr);

}  // namespace untm
