#include "core/error.h"
#include "core/types.h"

#include <catch2/catch.hpp>

using namespace untm;

TEST_CASE("language codes round-trip and reject unknown codes", "[core]") {
  CHECK(parse_language(language_code(Language::zh)) == Language::zh);
  CHECK(parse_language(language_code(Language::en)) == Language::en);
  CHECK_FALSE(parse_language("fr").has_value());
}

TEST_CASE("link type counts sentences on each side", "[core]") {
  AlignedPair pair;
  pair.first.sentence_count = 2;
  pair.second.sentence_count = 1;
  CHECK(link_type(pair) == "2-1");
}

TEST_CASE("input errors name the source and the byte offset", "[core]") {
  InputError with_offset("doc.txt", "invalid UTF-8", 17);
  CHECK(std::string(with_offset.what()) == "doc.txt: byte 17: invalid UTF-8");
  InputError without("doc.txt", "empty document");
  CHECK(std::string(without.what()) == "doc.txt: empty document");
}
