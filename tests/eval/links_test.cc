#include <catch2/catch.hpp>

#include "core/error.h"
#include "eval/links.h"

namespace untm {
namespace {

TEST_CASE("link files parse null links, several indices and CRLF", "[eval]") {
  const auto links = parse_links("[0]:[0]\r\n[1,2]:[3]\n\n[]:[4]\n[3]:[]\n[4]:[5, 6]\n", "a.align");
  REQUIRE(links.size() == 5);
  CHECK(links[1] == SentenceLink{{1, 2}, {3}});
  CHECK(links[2] == SentenceLink{{}, {4}});
  CHECK(links[3] == SentenceLink{{3}, {}});
  CHECK(links[4] == SentenceLink{{4}, {5, 6}});
}

TEST_CASE("link files round-trip through format_links", "[eval]") {
  const std::string text = "[0]:[0]\n[1,2]:[3]\n[]:[4]\n[3]:[]\n";
  CHECK(format_links(parse_links(text, "a.align")) == text);
}

TEST_CASE("a malformed link names the file and the line's offset", "[eval]") {
  try {
    parse_links("[0]:[0]\n[1:[2]\n", "bad.align");
    FAIL("no error");
  } catch (const InputError& error) {
    CHECK(error.source() == "bad.align");
    CHECK(error.offset() == 8u);
  }
  CHECK_THROWS_AS(parse_links("[0]:[x]\n", "bad.align"), InputError);
  CHECK_THROWS_AS(parse_links("[0]:[1] extra\n", "bad.align"), InputError);
  CHECK_THROWS_AS(parse_links("[-1]:[1]\n", "bad.align"), InputError);
}

}  // namespace
}  // namespace untm

namespace untm {

TEST_CASE("an aligned document's pairs become links by sentence index", "[eval]") {
  // Sentences 0-1 of the first side with sentence 0 of the second, then a
  // null link for second-side sentence 1, then 2 with 2: "[0,1]:[0]", "[]:[1]",
  // "[2]:[2]".
  AlignedDocument document;
  AlignedPair two_to_one;
  two_to_one.first = {.text = "", .source = {}, .sentence_count = 2, .first_sentence = 0};
  two_to_one.second = {.text = "", .source = {}, .sentence_count = 1, .first_sentence = 0};
  AlignedPair insertion;
  insertion.second = {.text = "", .source = {}, .sentence_count = 1, .first_sentence = 1};
  AlignedPair one_to_one;
  one_to_one.first = {.text = "", .source = {}, .sentence_count = 1, .first_sentence = 2};
  one_to_one.second = {.text = "", .source = {}, .sentence_count = 1, .first_sentence = 2};
  document.pairs = {two_to_one, insertion, one_to_one};
  CHECK(format_links(sentence_links(document)) == "[0,1]:[0]\n[]:[1]\n[2]:[2]\n");
}

}  // namespace untm
