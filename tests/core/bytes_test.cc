#include "core/bytes.h"

#include <catch2/catch.hpp>

using namespace untm;

TEST_CASE("integers are written least significant byte first", "[core][bytes]") {
  std::string out;
  append_u32_le(out, 0x184D2A50u);
  append_u64_le(out, 0x0102030405060708ULL);
  CHECK(out == std::string("\x50\x2A\x4D\x18\x08\x07\x06\x05\x04\x03\x02\x01", 12));
  CHECK(read_u32_le(out) == 0x184D2A50u);
  CHECK(read_u64_le(std::string_view(out).substr(4)) == 0x0102030405060708ULL);
}

TEST_CASE("high bytes read back unsigned", "[core][bytes]") {
  CHECK(read_u32_le("\xFF\xFE\xFD\xFC") == 0xFCFDFEFFu);
  CHECK(read_u64_le(std::string(8, '\xFF')) == ~std::uint64_t{0});
}
