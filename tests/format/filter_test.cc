#include "format/filter.h"

#include <catch2/catch.hpp>

#include "core/error.h"

using namespace untm;
using namespace untm::format;

namespace {
AlignedPair pair_of(std::size_t first_count, std::size_t second_count, std::string first, std::string second,
                    double confidence = 1.0) {
  AlignedPair pair;
  pair.link.first = {0, first_count};
  pair.link.second = {0, second_count};
  pair.link.confidence = confidence;
  pair.first.text = std::move(first);
  pair.second.text = std::move(second);
  return pair;
}
}  // namespace

TEST_CASE("link types, null links, confidence and length ratio each leave pairs out", "[format][filter]") {
  const AlignedPair one_one = pair_of(1, 1, "你好", "Hello", 0.7);
  const AlignedPair two_one = pair_of(2, 1, "甲。乙。", "A and B.", 0.95);
  const AlignedPair null_link = pair_of(0, 1, "", "Footnote.", 0.9);
  CHECK_FALSE(PairSelection(PairFilter{.min_confidence = 0.8}).keeps(one_one));
  CHECK(PairSelection(PairFilter{.min_confidence = 0.7}).keeps(one_one));
  const PairSelection types(PairFilter{.link_types = {LinkType{1, 1}}});
  CHECK(types.keeps(one_one));
  CHECK_FALSE(types.keeps(two_one));
  CHECK_FALSE(types.keeps(null_link));
  CHECK_FALSE(PairSelection(PairFilter{.drop_null = true}).keeps(null_link));
  // "你好" is 2 code points, "Hello" 5: ratio 2.5.
  CHECK_FALSE(PairSelection(PairFilter{.max_length_ratio = 2.4}).keeps(one_one));
  CHECK(PairSelection(PairFilter{.max_length_ratio = 2.5}).keeps(one_one));
  CHECK(PairSelection(PairFilter{.max_length_ratio = 1.0}).keeps(null_link));
}

TEST_CASE("dedup keeps the first of identical pairs across documents", "[format][filter]") {
  const PairSelection selection(PairFilter{.dedup = true});
  const PairSelection copy = selection;  // e.g. one per document of a bundle
  CHECK(selection.keeps(pair_of(1, 1, "是。", "Yes.")));
  CHECK_FALSE(copy.keeps(pair_of(1, 1, "是。", "Yes.")));
  CHECK(copy.keeps(pair_of(1, 1, "是。", "Yes!")));
  CHECK(selection.kept() == 2);
  CHECK(selection.seen() == 3);
}

TEST_CASE("bad filter values are usage errors", "[format][filter]") {
  CHECK_THROWS_AS(parse_link_types("1-1,x", "--link-types"), UsageError);
  CHECK_THROWS_AS(parse_link_types("", "--link-types"), UsageError);
  CHECK(parse_link_types("1-1,2-1", "--link-types") == std::vector<LinkType>{{1, 1}, {2, 1}});
  CHECK_THROWS_AS(check_filter(PairFilter{.max_length_ratio = 0.5}), UsageError);
  CHECK_THROWS_AS(check_filter(PairFilter{.min_confidence = 1.5}), UsageError);
  CHECK(describe(PairFilter{.link_types = {LinkType{1, 1}}, .drop_null = true}) == "link-types=1-1 drop-null");
}
