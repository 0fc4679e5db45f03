#include "read/block_wire.h"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

using untm::read::Block;
using untm::read::BlockKind;
using untm::read::decode_blocks;
using untm::read::encode_blocks;

namespace {

std::vector<Block> sample_blocks() {
  Block heading{"第一章 总则", BlockKind::heading, 1, 0, {}};
  Block body{"The Committee met twice.\nIt adopted its report.", BlockKind::body, 1, 1, {{25, 2}, {40, 3}}};
  Block empty{"", BlockKind::footnote, 3, 7, {}};
  Block cell{std::string("a\0b", 3), BlockKind::table_cell, 4294967295u, 12, {}};
  return {heading, body, empty, cell};
}

}  // namespace

TEST_CASE("block wire: what the PDF child writes is what the parent reads, field for field", "[read][wire]") {
  const std::vector<Block> blocks = sample_blocks();
  const std::vector<Block> back = decode_blocks(encode_blocks(blocks));
  REQUIRE(back.size() == blocks.size());
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    CHECK(back[k].text == blocks[k].text);
    CHECK(back[k].kind == blocks[k].kind);
    CHECK(back[k].page == blocks[k].page);
    CHECK(back[k].index == blocks[k].index);
    REQUIRE(back[k].page_starts.size() == blocks[k].page_starts.size());
    for (std::size_t s = 0; s < blocks[k].page_starts.size(); ++s) {
      CHECK(back[k].page_starts[s].at == blocks[k].page_starts[s].at);
      CHECK(back[k].page_starts[s].page == blocks[k].page_starts[s].page);
    }
  }
  CHECK(decode_blocks(encode_blocks({})).empty());
}

TEST_CASE("block wire: a stream cut short or with bytes after it is refused, never read as fewer blocks",
          "[read][wire]") {
  const std::string whole = encode_blocks(sample_blocks());
  for (std::size_t size = 0; size < whole.size(); ++size) {
    INFO("cut at " << size);
    CHECK_THROWS_AS(decode_blocks(whole.substr(0, size)), std::runtime_error);
  }
  CHECK_THROWS_AS(decode_blocks(whole + "x"), std::runtime_error);
  std::string bad_kind = encode_blocks({Block{"x", BlockKind::body, 1, 0, {}}});
  bad_kind[14 + 8] = 9;  // after the magic line and the count: the kind byte
  CHECK_THROWS_AS(decode_blocks(bad_kind), std::runtime_error);
}
