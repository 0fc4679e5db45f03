#include "batch/pairing.h"

#include <catch2/catch.hpp>

using namespace untm::batch;

TEST_CASE("UN file names pair by the language tag before the extension", "[batch]") {
  const auto pairing = pair_files_by_name({"A_68_155-EN.txt", "A_68_155-ZH.txt", "S_2013_1-zh.txt",
                                           "S_2013_1-en.TXT"});
  REQUIRE(pairing.pairs.size() == 2);
  CHECK(pairing.pairs[0] == DocumentPair{"A_68_155", "A_68_155-ZH.txt", "A_68_155-EN.txt"});
  CHECK(pairing.pairs[1] == DocumentPair{"S_2013_1", "S_2013_1-zh.txt", "S_2013_1-en.TXT"});
  CHECK(pairing.unpaired.empty());
}

TEST_CASE(".zh and .en suffixes pair, with or without .txt", "[batch]") {
  const auto pairing = pair_files_by_name({"report.en", "report.zh", "notes.zh.txt", "notes.en.txt"});
  REQUIRE(pairing.pairs.size() == 2);
  CHECK(pairing.pairs[0] == DocumentPair{"notes", "notes.zh.txt", "notes.en.txt"});
  CHECK(pairing.pairs[1] == DocumentPair{"report", "report.zh", "report.en"});
}

TEST_CASE("Word and PDF files pair like text files, also with each other", "[batch]") {
  const auto pairing = pair_files_by_name({"A_68_155-ZH.docx", "A_68_155-EN.DOCX", "S_1-zh.pdf", "S_1-en.docx",
                                           "zh/R_2.pdf", "en/R_2.txt", "old-ZH.doc"});
  REQUIRE(pairing.pairs.size() == 3);
  CHECK(pairing.pairs[0] == DocumentPair{"A_68_155", "A_68_155-ZH.docx", "A_68_155-EN.DOCX"});
  CHECK(pairing.pairs[1] == DocumentPair{"R_2", "zh/R_2.pdf", "en/R_2.txt"});
  CHECK(pairing.pairs[2] == DocumentPair{"S_1", "S_1-zh.pdf", "S_1-en.docx"});
  REQUIRE(pairing.unpaired.size() == 1);
  CHECK(pairing.unpaired[0].path == "old-ZH.doc");
  CHECK_THAT(pairing.unpaired[0].reason, Catch::Contains("legacy Word .doc") && Catch::Contains("save it as .docx"));
}

TEST_CASE("zh/ and en/ folders pair files with equal names; ids keep the outer folders", "[batch]") {
  const auto pairing = pair_files_by_name(
      {"pol-dev/zh/001", "pol-dev/en/001", "mac-dev/zh/002", "mac-dev/en/002", "zh/A_1.txt", "en/A_1.txt"});
  REQUIRE(pairing.pairs.size() == 3);
  CHECK(pairing.pairs[0] == DocumentPair{"A_1", "zh/A_1.txt", "en/A_1.txt"});
  CHECK(pairing.pairs[1] == DocumentPair{"mac-dev/002", "mac-dev/zh/002", "mac-dev/en/002"});
  CHECK(pairing.pairs[2] == DocumentPair{"pol-dev/001", "pol-dev/zh/001", "pol-dev/en/001"});
}

TEST_CASE("files that cannot be paired are listed with the reason", "[batch]") {
  const auto pairing = pair_files_by_name({"A_1-ZH.txt", "B_2-EN.txt", "README.md", "C-ZH.txt", "C.zh",
                                           "C-EN.txt", ".hidden-ZH.txt", "gold/.cache"});
  CHECK(pairing.pairs.empty());
  REQUIRE(pairing.unpaired.size() == 6);
  CHECK(pairing.unpaired[0].path == "A_1-ZH.txt");
  CHECK_THAT(pairing.unpaired[0].reason, Catch::Contains("no English counterpart"));
  CHECK(pairing.unpaired[1].path == "B_2-EN.txt");
  CHECK_THAT(pairing.unpaired[1].reason, Catch::Contains("no Chinese counterpart"));
  CHECK(pairing.unpaired[2].path == "C-EN.txt");
  CHECK_THAT(pairing.unpaired[2].reason, Catch::Contains("ambiguous"));
  CHECK(pairing.unpaired[3].path == "C-ZH.txt");
  CHECK_THAT(pairing.unpaired[3].reason, Catch::Contains("2 Chinese files claim the id 'C'"));
  CHECK(pairing.unpaired[4].path == "C.zh");
  CHECK(pairing.unpaired[5].path == "README.md");
  CHECK_THAT(pairing.unpaired[5].reason, Catch::Contains("does not say the language"));
}
