#include "core/link.h"

#include <catch2/catch.hpp>

#include "core/error.h"

namespace untm {
namespace {

TEST_CASE("links are written [i,j]:[k], null links with an empty side", "[core][link]") {
  CHECK(format_link(Link{{1, 3}, {3, 4}}) == "[1,2]:[3]");
  CHECK(format_link(Link{{4, 4}, {4, 5}}) == "[]:[4]");
  CHECK(format_link(Link{{3, 4}, {7, 7}}) == "[3]:[]");
  const Link links[] = {{{0, 1}, {0, 1}}, {{1, 1}, {1, 2}}};
  CHECK(format_links(links) == "[0]:[0]\n[]:[1]\n");
}

TEST_CASE("link files parse null links, several indices, spaces and CRLF", "[core][link]") {
  const auto links = parse_links("[0]:[0]\r\n[1,2]:[3]\n\n[]:[4]\n[3]:[]\n[4]:[5, 6]\n", "a.align");
  REQUIRE(links.size() == 5);
  CHECK(links[0] == Link{{0, 1}, {0, 1}});
  CHECK(links[1] == Link{{1, 3}, {3, 4}});
  CHECK(links[2].first.empty());
  CHECK(links[2].second == SentenceRange{4, 5});
  CHECK(links[3].first == SentenceRange{3, 4});
  CHECK(links[3].second.empty());
  CHECK(links[4] == Link{{4, 5}, {5, 7}});
  CHECK(links[4].type() == LinkType{1, 2});
}

TEST_CASE("Vecalign and Bertalign outputs parse: a cost after the link is read and left", "[core][link]") {
  const auto links = parse_links("[0]:[0]:0.071234\n[1,2]:[1]:0.3\n[]:[2]:0.000000\n[3]:[3]:-1.5e-3\n", "vecalign.out");
  REQUIRE(links.size() == 4);
  CHECK(links[0] == Link{{0, 1}, {0, 1}});
  CHECK(links[1] == Link{{1, 3}, {1, 2}});
  CHECK(links[2].second == SentenceRange{2, 3});
  CHECK(links[3] == Link{{3, 4}, {3, 4}});
  for (const char* bad : {"[0]:[0]:\n", "[0]:[0]:x\n", "[0]:[0]:0.5:1\n", "[0]:[0]:0.5 extra\n"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_links(bad, "bad.align"), InputError);
  }
}

TEST_CASE("link files round-trip through format_links", "[core][link]") {
  const std::string text = "[0]:[0]\n[1,2]:[3]\n[]:[4]\n[3]:[]\n[4]:[5,6,7]\n";
  CHECK(format_links(parse_links(text, "a.align")) == text);
  CHECK(format_links(parse_links(format_links(parse_links(text, "a.align")), "again")) == text);
}

TEST_CASE("a malformed link names the file, the line number and its offset", "[core][link]") {
  try {
    parse_links("[0]:[0]\n\n[1:[2]\n", "bad.align");
    FAIL("no error");
  } catch (const InputError& error) {
    CHECK(error.source() == "bad.align");
    CHECK(error.offset() == 9u);
    CHECK_THAT(error.message(), Catch::StartsWith("line 3: "));
    CHECK_THAT(error.message(), Catch::Contains("[1:[2]"));
  }
  for (const char* bad : {"[0]:[x]\n", "[0]:[1] extra\n", "[-1]:[1]\n", "[0][1]\n", "[0]:\n", "[0,]:[1]\n"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_links(bad, "bad.align"), InputError);
    CHECK_THROWS_AS(parse_link_indices(bad, "bad.align"), InputError);
  }
}

TEST_CASE("a corrections file marks links checked or edited in a comment", "[core][link]") {
  const std::string text =
      "# untm review corrections: a.zh b.en\n[0]:[0]  # checked\n[1,2]:[1]\t#edited checked\n"
      "[]:[2] # a note\n[3]:[3]\n";
  const std::vector<FileLink> links = parse_link_file(text, "fix.align");
  REQUIRE(links.size() == 4);
  CHECK(links[0].marks == LinkMarks{true, false});
  CHECK(links[1].marks == LinkMarks{true, true});
  CHECK_FALSE(links[2].marks.manual());
  CHECK_FALSE(links[3].marks.manual());
  CHECK(links[1].link == Link{{1, 3}, {1, 2}});
  CHECK(links[3].line_number == 5u);
  CHECK(format_marked_link(links[1].link, links[1].marks) == "[1,2]:[1]  # checked edited");
  CHECK(format_marked_link(links[3].link, links[3].marks) == "[3]:[3]");
  // parse_links reads the same file, marks left aside.
  CHECK(parse_links(text, "fix.align").size() == 4);
}

TEST_CASE("links that do not fit the documents are refused with their line", "[core][link]") {
  const auto fit = [](const std::string& text, std::size_t first, std::size_t second) {
    return fit_links(parse_link_file(text, "fix.align"), first, second, "fix.align");
  };
  // An empty side stands where the previous link ended.
  const std::vector<Link> fitted = fit("[0]:[0]\n[1]:[]\n[]:[1]\n[2,3]:[2]\n", 4, 3);
  REQUIRE(fitted.size() == 4);
  CHECK(fitted[1] == Link{{1, 2}, {1, 1}});
  CHECK(fitted[2] == Link{{2, 2}, {1, 2}});
  const std::pair<const char*, const char*> bad[] = {
      {"[0]:[0]\n[1,2,3,4]:[1]\n", "line 2: [1,2,3,4]:[1]: out of range: the first document has 4 sentences"},
      {"[0]:[0]\n\n[1]:[3]\n", "line 3: [1]:[3]: out of range: the second document has 3 sentences"},
      {"[0,1]:[0]\n[1]:[1]\n", "line 2: [1]:[1]: overlaps or comes before the previous link"},
      {"[2]:[2]\n[0]:[0]\n", "line 2: [0]:[0]: overlaps or comes before the previous link"},
      {"[0]:[0,1]\n[1]:[0]\n", "line 2: [1]:[0]: overlaps"},
      {"[0]:[0]\n[]:[]\n[1]:[1]\n", "line 2: []:[]: links no sentence on either side"}};
  for (const auto& [text, message] : bad) {
    INFO(text);
    try {
      fit(text, 4, 3);
      FAIL("no error");
    } catch (const InputError& error) {
      CHECK(error.source() == "fix.align");
      CHECK_THAT(error.message(), Catch::StartsWith(message));
    }
  }
}

TEST_CASE("links with a gap are refused as links but kept as indices", "[core][link]") {
  // mac-dev 002 of the gold sets holds such a line.
  const std::string crossing = "[71]:[116]\n[71,73]:[117,118]\n";
  try {
    parse_links(crossing, "gold.align");
    FAIL("no error");
  } catch (const InputError& error) {
    CHECK_THAT(error.message(), Catch::StartsWith("line 2: ") && Catch::Contains("consecutive"));
  }
  const auto indices = parse_link_indices(crossing, "gold.align");
  REQUIRE(indices.size() == 2);
  CHECK(indices[1] == LinkIndices{{71, 73}, {117, 118}});
  CHECK_THROWS_AS(parse_links("[2,1]:[0]\n", "gold.align"), InputError);
}

TEST_CASE("indices of a link list every sentence of its ranges", "[core][link]") {
  CHECK(indices_of(Link{{2, 4}, {5, 5}}) == LinkIndices{{2, 3}, {}});
  const auto text = "[0]:[0,1]\n[1,2]:[2]\n";
  CHECK(indices_of(parse_links(text, "a")) == parse_link_indices(text, "a"));
}

TEST_CASE("link types are written and read as first-second", "[core][link]") {
  CHECK(to_string(LinkType{2, 1}) == "2-1");
  CHECK(parse_link_type("0-1") == LinkType{0, 1});
  CHECK_FALSE(parse_link_type("2").has_value());
  CHECK_FALSE(parse_link_type("2-x").has_value());
}

TEST_CASE("TMX and JSONL forms render the same range", "[core][link]") {
  CHECK(format_first_last(SentenceRange{3, 5}) == "3-4");
  CHECK(format_first_last(SentenceRange{3, 3}).empty());
  CHECK(parse_first_last("3-4") == SentenceRange{3, 5});
  CHECK(parse_first_last(format_first_last(SentenceRange{7, 8})) == SentenceRange{7, 8});
  CHECK_FALSE(parse_first_last("4-3").has_value());
  CHECK_FALSE(parse_first_last("3").has_value());
  CHECK(format_first_count(SentenceRange{3, 5}) == "[3,2]");
  CHECK(format_first_count(SentenceRange{4, 4}) == "[4,0]");
}

}  // namespace
}  // namespace untm
