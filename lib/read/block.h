#pragma once
// Blocks: a document as a reader sees it, whatever file it came in. Each
// reader (DOCX, PDF) turns its file into blocks: paragraphs in reading order,
// headings apart, footnotes apart after the body, page furniture dropped. The
// pipeline then splits each block into sentences; a heading block becomes a
// heading paragraph.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace untm::read {

enum class BlockKind { body, heading, footnote, table_cell };

// A PDF paragraph that runs over a page break: the byte of the block's text
// where a later page begins, so that a sentence after the break names its
// own page.
struct PageStart {
  std::size_t at = 0;
  std::uint32_t page = 0;  // 1-based
};

struct Block {
  std::string text;
  BlockKind kind = BlockKind::body;
  std::uint32_t page = 0;   // PDF page (1-based), 0 when unknown
  std::uint32_t index = 0;  // DOCX paragraph index / PDF block index: the source position
  std::vector<PageStart> page_starts;  // PDF: each later page the block runs onto
};

enum class InputFormat { text, docx, pdf };

// The formats by name ("text", "docx", "pdf"), as the tool takes them;
// nullopt for any other.
std::string_view input_format_name(InputFormat format);
std::optional<InputFormat> parse_input_format(std::string_view name);

// What the bytes look like, for an error when a forced format contradicts
// them: "a DOCX (ZIP package)", "a PDF", "a legacy Word .doc ...", "text".
std::string describe_format(std::string_view bytes);

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
