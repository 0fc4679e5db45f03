// The sampling pieces of corpus learning: the spread order pass 1 takes its
// documents in, and the even thinning of the training pairs.
#include "lexicon/corpus_learning.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>

using namespace untm::lexicon;

TEST_CASE("spread order visits every position once, each prefix spread over the list", "[lexicon][learning]") {
  CHECK(spread_order(0).empty());
  CHECK(spread_order(1) == std::vector<std::size_t>{0});
  CHECK(spread_order(8) == std::vector<std::size_t>{0, 4, 2, 6, 1, 5, 3, 7});
  CHECK(spread_order(5) == std::vector<std::size_t>{0, 4, 2, 1, 3});
  for (const std::size_t count : {3u, 100u, 1000u}) {
    std::vector<std::size_t> order = spread_order(count);
    // The first quarter already reaches into the last quarter of the list.
    if (count >= 8) CHECK(*std::max_element(order.begin(), order.begin() + static_cast<long>(count / 4)) >= count * 3 / 4 - 1);
    std::sort(order.begin(), order.end());
    std::vector<std::size_t> all(count);
    std::iota(all.begin(), all.end(), 0);
    CHECK(order == all);
  }
}

TEST_CASE("thinning keeps evenly spaced pairs in their order, and short lists whole", "[lexicon][learning]") {
  const std::vector<std::string> texts = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
  std::vector<ChineseEnglishPair> pairs;
  for (const auto& text : texts) pairs.push_back({text, text});
  std::vector<ChineseEnglishPair> whole = pairs;
  thin_evenly(whole, 10);
  CHECK(whole.size() == 10);
  thin_evenly(pairs, 4);
  REQUIRE(pairs.size() == 4);
  CHECK(pairs[0].chinese == "0");
  CHECK(pairs[1].chinese == "2");
  CHECK(pairs[2].chinese == "5");
  CHECK(pairs[3].english == "7");
}
