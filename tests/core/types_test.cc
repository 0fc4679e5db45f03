#include "core/error.h"
#include "core/types.h"

#include <catch2/catch.hpp>

using namespace untm;

TEST_CASE("language codes round-trip and reject unknown codes", "[core]") {
  CHECK(parse_language(language_code(Language::zh)) == Language::zh);
  CHECK(parse_language(language_code(Language::en)) == Language::en);
  CHECK_FALSE(parse_language("fr").has_value());
}

TEST_CASE("an aligned document's links are its pairs' links, in order", "[core]") {
  AlignedDocument document;
  document.pairs.push_back(AlignedPair{Link{{0, 2}, {0, 1}, 0.5, 0.9}, {}, {}});
  document.pairs.push_back(AlignedPair{Link{{2, 2}, {1, 2}}, {}, {}});
  const std::vector<Link> links = links_of(document);
  REQUIRE(links.size() == 2);
  CHECK(links[0] == Link{{0, 2}, {0, 1}, 0.5, 0.9});
  CHECK(format_links(links) == "[0,1]:[0]\n[]:[1]\n");
}

TEST_CASE("input errors name the source and the byte offset", "[core]") {
  InputError with_offset("doc.txt", "invalid UTF-8", 17);
  CHECK(std::string(with_offset.what()) == "doc.txt: byte 17: invalid UTF-8");
  InputError without("doc.txt", "empty document");
  CHECK(std::string(without.what()) == "doc.txt: empty document");
}
