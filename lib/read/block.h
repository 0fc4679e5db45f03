#pragma once
// Blocks: a document as a reader sees it, whatever file it came in. Each
// reader (DOCX, PDF) turns its file into blocks: paragraphs in reading order,
// headings apart, footnotes apart after the body, page furniture dropped. The
// pipeline then splits each block into sentences; a heading block becomes a
// heading paragraph.

#include <cstdint>
#include <string>
#include <string_view>

namespace untm::read {

enum class BlockKind { body, heading, footnote, table_cell };

struct Block {
  std::string text;
  BlockKind kind = BlockKind::body;
  std::uint32_t page = 0;   // PDF page (1-based), 0 when unknown
  std::uint32_t index = 0;  // DOCX paragraph index / PDF block index: the source position
};

enum class InputFormat { text, docx, pdf };

// By content, never by file name: a ZIP package ("PK\x03\x04", a DOCX when it
// holds word/document.xml; the DOCX reader says what is wrong otherwise), a
// PDF ("%PDF-" within the first 1024 bytes, as PDF readers accept it), and
// anything else is text for the text decoder to judge.
InputFormat detect_format(std::string_view bytes);

// For bytes that detect_format calls text but no reader takes (a legacy Word
// .doc, an encrypted Office file, RTF): what they are and what to do, for the
// error message. Empty when the bytes may well be text.
std::string_view unsupported_format(std::string_view bytes);

}  // namespace untm::read
