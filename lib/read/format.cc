#include "read/block.h"

namespace untm::read {

namespace {

// ISO 32000-1, 7.5.2 puts the header first; readers (poppler, Acrobat)
// tolerate junk before it within the first 1024 bytes, so do we.
constexpr std::size_t pdf_header_window = 1024;

}  // namespace

InputFormat detect_format(std::string_view bytes) {
  // A local file header starts every non-empty ZIP; an empty one (no
  // word/document.xml) starts with the end-of-central-directory record.
  if (bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06")) return InputFormat::docx;
  if (bytes.substr(0, pdf_header_window).find("%PDF-") != std::string_view::npos) return InputFormat::pdf;
  return InputFormat::text;
}

std::string_view input_format_name(InputFormat format) {
  switch (format) {
    case InputFormat::docx: return "docx";
    case InputFormat::pdf: return "pdf";
    case InputFormat::text: break;
  }
  return "text";
}

std::optional<InputFormat> parse_input_format(std::string_view name) {
  for (const auto format : {InputFormat::text, InputFormat::docx, InputFormat::pdf}) {
    if (name == input_format_name(format)) return format;
  }
  return std::nullopt;
}

std::string describe_format(std::string_view bytes) {
  switch (detect_format(bytes)) {
    case InputFormat::docx: return "a ZIP package (a DOCX or another Office file)";
    case InputFormat::pdf: return "a PDF";
    case InputFormat::text: break;
  }
  if (const auto unsupported = unsupported_format(bytes); !unsupported.empty()) return std::string(unsupported);
  return "text";
}

std::string_view unsupported_format(std::string_view bytes) {
  // OLE2 compound files: Word 97-2003 .doc, and Office files saved with a
  // password (ECMA-376 Part 1 keeps encrypted packages in OLE2 containers).
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    return "a legacy Word .doc or a password-protected Office file, which untm cannot read: open it in Word or "
           "LibreOffice and save it as .docx (Word Document) without a password";
  }
  if (bytes.starts_with("{\\rtf")) {
    return "an RTF file, which untm cannot read: open it in Word or LibreOffice and save it as .docx";
  }
  return {};
}

}  // namespace untm::read
