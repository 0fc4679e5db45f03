#pragma once
// Paragraphs: rebuilt from the cleaned lines of a PDF-to-text extraction, by
// layout (indentation, blank-line gaps, line width) and punctuation (a line
// that ends a sentence, numbered paragraphs, headings). Lines are joined the
// way the language writes: Chinese with nothing, English with one space, and
// end-of-line hyphenation undone only where it is a wrap.

#include <string_view>
#include <span>
#include <vector>

#include "core/types.h"
#include "text/clean.h"
#include "text/mapped_text.h"

namespace untm {

struct RebuiltParagraph {
  MappedText text;
  bool heading = false;
};

std::vector<RebuiltParagraph> rebuild_paragraphs(std::string_view decoded, std::span<const TextLine> lines,
                                                 Language language);

}  // namespace untm
