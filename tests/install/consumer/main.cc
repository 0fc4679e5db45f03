// Splits a Chinese paragraph and tries a PDF reader on bytes that are no PDF:
// the link needs the split unit (ICU) and the read unit (poppler-cpp).
#include <cstdio>
#include <string_view>

#include "core/error.h"
#include "format/tmx.h"
#include "read/pdf.h"
#include "split/sentence_splitter.h"

int main() {
  untm::SentenceSplitter splitter(untm::Language::zh);
  const std::string_view paragraph = "第一句话。第二句话！第三句？";
  std::printf("sentences: %zu\n", splitter.split(paragraph).size());
  try {
    untm::read::read_pdf("not a PDF", "bytes.pdf");
    std::printf("pdf: read\n");
  } catch (const untm::InputError&) {
    std::printf("pdf: refused\n");
  }
  std::printf("tool: %s\n", untm::format::TmxHeader{}.tool_version.c_str());
}
