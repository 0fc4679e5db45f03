#pragma once
// PDFs are read in a child process (`untm __read-pdf`, this same program)
// under CPU-time and memory limits. poppler inflates a PDF's streams as it
// draws the pages: a PDF of a few kilobytes can expand to gigabytes of page
// content (a decompression bomb), or make poppler's text extraction run for
// hours, and no poppler-cpp call can be interrupted or bounded. In a child
// the limits are the kernel's (RLIMIT_CPU, RLIMIT_AS), and a bomb, or a PDF
// that crashes poppler, fails alone with an InputError naming the file: a
// batch goes on with the other documents.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "environment.h"
#include "read/block.h"

namespace untm::cli {

struct PdfChildLimits {
  std::uint64_t cpu_seconds = 0;
  std::uint64_t memory_bytes = 0;  // the child's address space; 0: unlimited
};

// Generous for any real document (poppler reads a 550-page PDF in about a
// second of CPU and 30 MB): 60 s plus 60 s per MiB of PDF, and 1 GiB plus 64
// bytes per PDF byte. UNTM_PDF_CPU_SECONDS and UNTM_PDF_MEMORY_MB (positive
// integers) replace them; a bad value is a UsageError naming the variable.
PdfChildLimits pdf_child_limits(std::size_t pdf_bytes, const Environment& environment);

// read::read_pdf's blocks and InputErrors, from a child process under
// `limits`. A child over its limits, or killed by a signal, is an InputError
// naming `source_name` and the limit or signal. Throws std::runtime_error
// when the child cannot be started or answers nonsense.
std::vector<read::Block> read_pdf_in_child(std::string_view bytes, const std::string& source_name,
                                           const PdfChildLimits& limits);

// The child's side: `untm __read-pdf NAME CPU_SECONDS MEMORY_BYTES` reads
// the PDF on stdin and writes read::encode_blocks' bytes on stdout; an
// InputError's message goes to stderr with exit 1, running out of memory
// is exit kChildOutOfMemory.
int run_read_pdf_child(int argc, char** argv);

inline constexpr std::string_view kReadPdfChildCommand = "__read-pdf";

}  // namespace untm::cli
