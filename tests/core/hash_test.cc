#include "core/hash.h"

#include <catch2/catch.hpp>

using namespace untm;

TEST_CASE("FNV-1a gives the published test vectors", "[core][hash]") {
  // Test vectors from the FNV reference (Fowler, Noll, Vo; IETF draft-eastlake-fnv).
  CHECK(fnv1a64("") == 0xcbf29ce484222325ULL);
  CHECK(fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
  CHECK(fnv1a64("foobar") == 0x85944171f73967e8ULL);
}

TEST_CASE("FNV-1a hashes in pieces as in one go", "[core][hash]") {
  Fnv1a64 pieces;
  pieces.add("foo");
  pieces.add("bar");
  CHECK(pieces.value() == fnv1a64("foobar"));
}
