// libFuzzer target over the DOCX reader (`untm align a.docx b.docx`). An input
// that starts like a ZIP is read as a package, so the fuzzer exercises the
// package layer; any other input is the XML of the parts, separated by lines
// "=====" (document.xml, styles.xml, numbering.xml, footnotes.xml), zipped
// here into a package, so the fuzzer reaches the WordprocessingML walker
// without having to discover ZIP checksums first. Bad input may throw
// InputError; anything else (a crash, a sanitizer report, another exception)
// is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"
#include "read/docx.h"
#include "../read/docx_package.h"

namespace {

std::string package_of_parts(std::string_view input) {
  static constexpr std::string_view names[] = {"word/document.xml", "word/styles.xml", "word/numbering.xml",
                                               "word/footnotes.xml"};
  static constexpr std::string_view types[] = {"officeDocument", "styles", "numbering", "footnotes"};
  untm::read::test::Parts parts;
  std::string document_rels = R"(<Relationships xmlns="r">)";
  for (std::size_t part = 0; part < std::size(names) && !input.empty(); ++part) {
    const std::size_t end = input.find("\n=====\n");
    parts.emplace_back(std::string(names[part]), std::string(input.substr(0, end)));
    if (part > 0) {
      document_rels += R"(<Relationship Type="x/)" + std::string(types[part]) + R"(" Target=")" +
                       std::string(names[part].substr(5)) + R"("/>)";
    }
    input = end == std::string_view::npos ? std::string_view() : input.substr(end + 7);
  }
  parts.emplace_back("word/_rels/document.xml.rels", document_rels + "</Relationships>");
  return untm::read::test::zip_archive(parts);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  try {
    const std::string bytes = input.starts_with("PK") ? std::string(input) : package_of_parts(input);
    std::size_t total = 0;
    for (const auto& block : untm::read::read_docx(bytes, "fuzz.docx")) {
      // Blocks hold text: never empty, never framed by spaces.
      if (block.text.empty() || block.text.front() == ' ' || block.text.back() == ' ') __builtin_trap();
      total += block.text.size();
    }
    (void)total;
  } catch (const untm::InputError&) {
  }
  return 0;
}
