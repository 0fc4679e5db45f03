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

}  // namespace untm::read
