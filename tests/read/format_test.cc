#include "read/block.h"

#include <catch2/catch.hpp>

#include <string>

using untm::read::detect_format;
using untm::read::InputFormat;

TEST_CASE("detect_format: ZIP packages are DOCX, whatever follows the signature", "[read][format]") {
  CHECK(detect_format(std::string("PK\x03\x04\x14\x00\x06\x00", 8) + "word/document.xml") == InputFormat::docx);
  CHECK(detect_format(std::string("PK\x05\x06", 4) + std::string(18, '\0')) == InputFormat::docx);
}

TEST_CASE("detect_format: %PDF- at the start or after junk in the first 1024 bytes", "[read][format]") {
  CHECK(detect_format("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n") == InputFormat::pdf);
  CHECK(detect_format(std::string(1000, ' ') + "%PDF-1.4") == InputFormat::pdf);
  CHECK(detect_format(std::string(1100, ' ') + "%PDF-1.4") == InputFormat::text);
}

TEST_CASE("detect_format: text, including text that mentions the signatures", "[read][format]") {
  CHECK(detect_format("") == InputFormat::text);
  CHECK(detect_format("1. The General Assembly,\n") == InputFormat::text);
  CHECK(detect_format("PK is not a ZIP signature on its own") == InputFormat::text);
  CHECK(detect_format("\xEF\xBB\xBF" "大会") == InputFormat::text);
  // A legacy .doc (OLE2 compound file) is not a DOCX: the text decoder rejects it as binary.
  CHECK(detect_format(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) == InputFormat::text);
}

TEST_CASE("unsupported_format: legacy .doc and RTF get a message saying what to do", "[read][format]") {
  using untm::read::unsupported_format;
  CHECK_THAT(std::string(unsupported_format(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10))),
             Catch::Contains("legacy Word .doc") && Catch::Contains("save it as .docx"));
  CHECK_THAT(std::string(unsupported_format("{\\rtf1\\ansi Hello}")), Catch::Contains("RTF"));
  CHECK(unsupported_format("1. The General Assembly").empty());
  CHECK(unsupported_format("").empty());
}

TEST_CASE("input format names: text, docx, pdf and nothing else", "[read][format]") {
  CHECK(untm::read::parse_input_format("pdf") == InputFormat::pdf);
  CHECK(untm::read::parse_input_format("docx") == InputFormat::docx);
  CHECK(untm::read::parse_input_format("text") == InputFormat::text);
  CHECK_FALSE(untm::read::parse_input_format("PDF"));
  CHECK_FALSE(untm::read::parse_input_format("auto"));
  CHECK(untm::read::describe_format("%PDF-1.7\n") == "a PDF");
  CHECK_THAT(untm::read::describe_format("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), Catch::Contains("legacy Word .doc"));
  CHECK(untm::read::describe_format("plain words") == "text");
}
