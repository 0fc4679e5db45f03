// The PDF reader through poppler, on PDFs written here byte by byte (the
// smallest files that show each case): text, a page without a text layer,
// an encrypted file, a damaged one.
#include "read/pdf.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/error.h"

namespace {

// A one-page A4 PDF showing `content` (a content stream) in Helvetica, with
// `trailer_extra` in its trailer and `objects_extra` after its five objects.
std::string minimal_pdf(const std::string& content, const std::vector<std::string>& objects_extra = {},
                        const std::string& trailer_extra = "") {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
      "/Contents 4 0 R >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  };
  objects.insert(objects.end(), objects_extra.begin(), objects_extra.end());
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t index = 0; index < objects.size(); ++index) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(index + 1) + " 0 obj\n" + objects[index] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (auto offset : offsets) {
    const std::string number = std::to_string(offset);
    pdf += std::string(10 - number.size(), '0') + number + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R " + trailer_extra +
         " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// Lines of 12-point text at 14-point pitch from the top of the text area.
std::string text_lines(const std::vector<std::string>& lines) {
  std::string content = "BT /F1 12 Tf 14 TL 72 760 Td";
  for (const auto& line : lines) content += " (" + line + ") Tj T*";
  return content + " ET";
}

std::string error_of(const std::string& bytes) {
  try {
    untm::read::read_pdf(bytes, "reply-zh.pdf");
  } catch (const untm::InputError& error) {
    CHECK(error.source() == "reply-zh.pdf");
    return error.message();
  }
  return "no error";
}

}  // namespace

TEST_CASE("read_pdf: the text layer, one block per paragraph, in reading order", "[read][pdf]") {
  const auto blocks = untm::read::read_pdf(
      minimal_pdf(text_lines({"The General Assembly,", "", "Takes note of the report of the Secretary-General."})),
      "a.pdf");
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].text == "The General Assembly,");
  CHECK(blocks[1].text == "Takes note of the report of the Secretary-General.");
  CHECK(blocks[1].page == 1);
  CHECK(blocks[1].index == 1);
}

TEST_CASE("read_pdf: a page without a text layer (a scan) is an error that says to run OCR", "[read][pdf]") {
  // A filled rectangle where a scanned page would have its image.
  CHECK_THAT(error_of(minimal_pdf("0 0 0 rg 72 72 451 698 re f")), Catch::Contains("no text layer") &&
                                                                        Catch::Contains("OCR"));
}

TEST_CASE("read_pdf: an encrypted PDF is an error that says so", "[read][pdf]") {
  // Standard security handler, revision 2, with owner and user keys that no
  // empty password opens.
  const std::string key = "(" + std::string(32, 'k') + ")";
  const auto encrypted = minimal_pdf(text_lines({"Secret."}),
                                     {"<< /Filter /Standard /V 1 /R 2 /O " + key + " /U " + key + " /P -4 >>"},
                                     "/Encrypt 6 0 R /ID [<00112233445566778899aabbccddeeff> "
                                     "<00112233445566778899aabbccddeeff>]");
  CHECK_THAT(error_of(encrypted), Catch::Contains("encrypted"));
}

TEST_CASE("read_pdf: damaged and truncated files are errors naming the file", "[read][pdf]") {
  const auto pdf = minimal_pdf(text_lines({"Text."}));
  CHECK_THAT(error_of("%PDF-1.4\n" + std::string(200, '\x01')), Catch::Contains("PDF"));
  CHECK(error_of(pdf.substr(0, 40)) != "no error");
}

TEST_CASE("read_pdf: a PDF cut short is refused, not read in part", "[read][pdf]") {
  const auto pdf = minimal_pdf(text_lines({"The first page.", "", "More text that the cut loses."}));
  // Cut after the page's content: poppler would rebuild the file from what is left.
  const auto cut = pdf.substr(0, pdf.find("xref"));
  CHECK_THAT(error_of(cut), Catch::Contains("truncated") && Catch::Contains("download or export it again"));
  CHECK(untm::read::read_pdf(pdf + std::string(600, ' '), "padded.pdf").size() == 2);
}
