// MappedText keeps its map as runs: every byte must still say where in the
// source it came from, across copied stretches, inserted bytes, removed
// bytes and joined pieces.
#include "text/mapped_text.h"

#include <catch2/catch.hpp>

#include <string_view>

namespace {

constexpr std::string_view kSource = "first line\n  second  line\nthird";

}  // namespace

TEST_CASE("MappedText: copied stretches map each byte to its own source byte", "[text][mapped]") {
  untm::MappedText text;
  text.append_source(kSource, 0, 5);    // "first"
  text.append_source(kSource, 13, 19);  // "second"
  REQUIRE(text.text == "firstsecond");
  CHECK(text.source_offset(0) == 0);
  CHECK(text.source_offset(4) == 4);
  CHECK(text.source_offset(5) == 13);
  CHECK(text.source_offset(10) == 18);
  CHECK(text.source_span(3, 7) == untm::SourceSpan{3, 15});
}

TEST_CASE("MappedText: inserted bytes stand at their source position", "[text][mapped]") {
  untm::MappedText text;
  text.append_source(kSource, 0, 5);
  text.append_inserted(" ", 10);  // the line end, joined as a space
  text.append_source(kSource, 13, 19);
  text.append_inserted("--", 20);  // several bytes, all at one position
  text.append_source(kSource, 21, 25);
  REQUIRE(text.text == "first second--line");
  CHECK(text.source_offset(5) == 10);
  CHECK(text.source_offset(6) == 13);
  CHECK(text.source_offset(12) == 20);
  CHECK(text.source_offset(13) == 20);
  CHECK(text.source_offset(14) == 21);
  CHECK(text.source_span(0, 6) == untm::SourceSpan{0, 11});
}

TEST_CASE("MappedText: pop_back and append keep the map of the bytes left", "[text][mapped]") {
  untm::MappedText head;
  head.append_source(kSource, 0, 5);
  head.append_inserted(" ", 5);
  head.append_inserted("-", 9);
  head.pop_back();  // the "-" goes, and its position with it
  head.pop_back();  // so does the space
  untm::MappedText tail;
  tail.append_source(kSource, 26, 31);  // "third"
  head.append(tail);
  REQUIRE(head.text == "firstthird");
  CHECK(head.source_offset(4) == 4);
  CHECK(head.source_offset(5) == 26);
  CHECK(head.source_span(2, 10) == untm::SourceSpan{2, 31});
}
