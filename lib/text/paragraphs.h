#pragma once
// Paragraphs: rebuilt from the cleaned lines of a PDF-to-text extraction, by
// layout (indentation, blank-line gaps, line width) and punctuation (a line
// that ends a sentence, numbered paragraphs, headings). Lines are joined the
// way the language writes: Chinese with nothing, English with one space, and
// end-of-line hyphenation undone only where it is a wrap.

#include <functional>
#include <string_view>
#include <span>
#include <vector>

#include "core/types.h"
#include "read/block.h"
#include "text/clean.h"
#include "text/mapped_text.h"

namespace untm {

struct RebuiltParagraph {
  MappedText text;
  bool heading = false;
  // A PDF paragraph's pages: from each `at` (a byte of text.text) on, text
  // is on `page`. Empty for other inputs.
  std::vector<read::PageStart> pages;

  // The page at byte `at` of text.text; 0 when not from a PDF.
  std::uint32_t page_at(std::size_t at) const;
};

std::vector<RebuiltParagraph> rebuild_paragraphs(std::string_view decoded, std::span<const TextLine> lines,
                                                 Language language);

// The same paragraphs, each given to `take` as soon as it is complete, so that
// a caller can split it and let it go before the next one is built.
void rebuild_paragraphs(std::string_view decoded, std::span<const TextLine> lines, Language language,
                        const std::function<void(RebuiltParagraph&&)>& take);

}  // namespace untm
