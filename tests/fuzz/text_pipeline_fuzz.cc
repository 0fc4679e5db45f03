// libFuzzer target over decode + clean + paragraphs + split (read_document),
// both languages, strict and lenient. Invariants checked: bad input may only
// fail with InputError, and every sentence is non-empty with a source span
// inside the decoded text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/error.h"
#include "text/decode.h"
#include "pipeline/document.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks language and options; the rest is the document.
  const std::uint8_t selector = data[0];
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  untm::pipeline::TextOptions options;
  options.lenient = (selector & 1) != 0;
  options.presplit = (selector & 2) != 0;
  const auto language = (selector & 4) != 0 ? untm::Language::en : untm::Language::zh;
  try {
    const auto decoded_size = untm::decode_text(bytes, "fuzz", options.lenient).text.size();
    untm::pipeline::TextWarnings warnings;
    const auto document = untm::pipeline::read_document(bytes, language, "fuzz", options, &warnings);
    for (const auto& paragraph : document.paragraphs) {
      if (paragraph.sentences.empty()) std::abort();
      for (const auto& sentence : paragraph.sentences) {
        if (sentence.text.empty()) std::abort();
        if (sentence.source.begin >= sentence.source.end || sentence.source.end > decoded_size) std::abort();
      }
    }
    if (warnings.empty != document.paragraphs.empty()) std::abort();
  } catch (const untm::InputError&) {
    // Expected for invalid text.
  }
  return 0;
}
