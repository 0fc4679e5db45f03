#include "core/range.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <vector>

using namespace untm;

TEST_CASE("a half-open range holds end - begin positions", "[core][range]") {
  CHECK(Range{3, 7}.size() == 4);
  CHECK(Range{5, 5}.empty());
  CHECK_FALSE(Range{5, 6}.empty());
}

TEST_CASE("ranges sort by begin, then by end", "[core][range]") {
  std::vector<Range> ranges{{4, 6}, {1, 9}, {4, 5}};
  std::sort(ranges.begin(), ranges.end());
  CHECK(ranges == std::vector<Range>{{1, 9}, {4, 5}, {4, 6}});
}
