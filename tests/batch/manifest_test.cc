#include "batch/manifest.h"

#include <catch2/catch.hpp>

#include "core/error.h"

using namespace untm;
using namespace untm::batch;

TEST_CASE("a manifest lists id, Chinese and English paths in file order", "[batch]") {
  const auto pairs = parse_manifest(
      "\xEF\xBB\xBF# session 68 replies\n"
      "A_68_155\tzh/A_68_155.txt\ten/A_68_155.txt\r\n"
      "\n"
      "   # indented comment\n"
      "S_2013_123\t/abs/zh.txt\t../en.txt\n",
      "list.tsv");
  REQUIRE(pairs.size() == 2);
  CHECK(pairs[0] == DocumentPair{"A_68_155", "zh/A_68_155.txt", "en/A_68_155.txt"});
  CHECK(pairs[1] == DocumentPair{"S_2013_123", "/abs/zh.txt", "../en.txt"});
}

TEST_CASE("a manifest without a final line break keeps its last line", "[batch]") {
  const auto pairs = parse_manifest("a\tz\te", "list.tsv");
  REQUIRE(pairs.size() == 1);
  CHECK(pairs[0].second_path == "e");
}

TEST_CASE("a malformed manifest line is reported with its line number and offset", "[batch]") {
  const std::string text = "a\tz\te\nb\tonly-two\n";
  try {
    parse_manifest(text, "list.tsv");
    FAIL("no error");
  } catch (const InputError& error) {
    CHECK(error.source() == "list.tsv");
    CHECK(error.offset() == 6);
    CHECK_THAT(error.message(), Catch::Contains("line 2") && Catch::Contains("found 2"));
  }
  CHECK_THROWS_WITH(parse_manifest("a\tz\te\tx\n", "list.tsv"), Catch::Contains("found 4"));
  CHECK_THROWS_WITH(parse_manifest("a\t\te\n", "list.tsv"), Catch::Contains("zh path is empty"));
  CHECK_THROWS_WITH(parse_manifest("a\tz\t\n", "list.tsv"), Catch::Contains("en path is empty"));
}

TEST_CASE("a manifest that uses an id twice is refused", "[batch]") {
  CHECK_THROWS_WITH(parse_manifest("a\tz1\te1\nb\tz\te\na\tz2\te2\n", "list.tsv"),
                    Catch::Contains("line 3: id 'a' is already used on line 1"));
}

TEST_CASE("an empty manifest or one of comments only lists nothing", "[batch]") {
  CHECK(parse_manifest("", "list.tsv").empty());
  CHECK(parse_manifest("# nothing yet\n\n", "list.tsv").empty());
}
