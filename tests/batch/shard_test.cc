#include "batch/shard.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <limits>

#include "core/error.h"

using namespace untm::batch;
using untm::Range;
using untm::UsageError;

TEST_CASE("shard K/N parses and rejects what is not a shard", "[batch]") {
  CHECK(parse_shard("1/1") == Shard{1, 1});
  CHECK(parse_shard("3/8") == Shard{3, 8});
  for (const char* bad : {"0/3", "4/3", "3", "/3", "1/", "a/b", "1/3x", "-1/3", ""}) {
    CHECK_THROWS_AS(parse_shard(bad), untm::UsageError);
  }
}

TEST_CASE("shards cover every document exactly once, in order, nearly equal", "[batch]") {
  for (std::size_t documents : {0u, 1u, 7u, 10u, 91028u}) {
    for (std::size_t count : {1u, 2u, 3u, 8u, 16u}) {
      std::size_t expected_begin = 0;
      for (std::size_t k = 1; k <= count; ++k) {
        const auto range = shard_range({k, count}, documents);
        CHECK(range.begin == expected_begin);
        CHECK(range.end >= range.begin);
        CHECK(range.end - range.begin <= documents / count + 1);
        expected_begin = range.end;
      }
      CHECK(expected_begin == documents);
    }
  }
  CHECK(shard_range({2, 3}, 10).begin == 3);
  CHECK(shard_range({2, 3}, 10).end == 6);
}

TEST_CASE("shards near 2^64 stay inside the list and still cover it in order", "[batch]") {
  constexpr std::size_t kMax = std::numeric_limits<std::size_t>::max();
  // K·M overflowed 64 bits: shard N of N took the range [3, 2] of 10 documents.
  CHECK(shard_range({kMax, kMax}, 10) == Range{9, 10});
  CHECK(shard_range({kMax - 1, kMax}, 10) == Range{9, 9});
  CHECK(shard_range({1, kMax}, 10) == Range{0, 0});
  CHECK(parse_shard("18446744073709551615/18446744073709551615") == Shard{kMax, kMax});
  CHECK_THROWS_AS(parse_shard("1/18446744073709551616"), UsageError);
}

TEST_CASE("a learning sample spreads over the whole list and takes all of a short one", "[batch]") {
  CHECK(spread_sample(10, 5) == std::vector<std::size_t>{0, 2, 4, 6, 8});
  CHECK(spread_sample(3, 5) == std::vector<std::size_t>{0, 1, 2});
  CHECK(spread_sample(0, 5).empty());
  CHECK(spread_sample(10, 0).empty());
  const auto sample = spread_sample(91028, 1000);
  REQUIRE(sample.size() == 1000);
  CHECK(std::adjacent_find(sample.begin(), sample.end(), std::greater_equal<>()) == sample.end());
  CHECK(sample.back() >= 90900);
}
