#include "text/utf8_regex.h"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

namespace {

using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;

Ranges groups(untm::Utf8Regex& regex, std::string_view text, int group) {
  Ranges ranges;
  regex.for_each_match(text, group, [&](std::size_t begin, std::size_t end) { ranges.emplace_back(begin, end); });
  return ranges;
}

}  // namespace

TEST_CASE("Utf8Regex: matches are byte ranges of the UTF-8 text, past characters of every length", "[text]") {
  untm::Utf8Regex digits(R"((\d+))");
  // a é 1 😀 ␠ 22 中 333: one-, two-, four- and three-byte characters.
  const std::string text = "a\u00E91\U0001F600 22\u4E2D333";
  CHECK(groups(digits, text, 1) == Ranges{{3, 4}, {9, 11}, {14, 17}});
  CHECK(groups(digits, text, 0) == Ranges{{3, 4}, {9, 11}, {14, 17}});
  // A group that starts after its match: the footnote rules' shape.
  untm::Utf8Regex after_mark(R"([。；](\d{1,2})(?=\p{Han}))");
  CHECK(groups(after_mark, "\u62A5\u544A\uFF1B6\u6CE8\u610F\u3002" "12\u4E2D", 1) == Ranges{{9, 10}, {19, 21}});
  // Not valid UTF-8: still byte offsets.
  CHECK(groups(digits, "\xFF" + text, 1) == Ranges{{4, 5}, {10, 12}, {15, 18}});
  CHECK(digits.matches("123"));
  CHECK(!digits.matches("12a"));
  CHECK(digits.matches_prefix("12a"));
  // Long texts (read through ICU's UTF-8 text access) answer the same.
  CHECK(digits.matches(std::string(300, '7')));
  CHECK(!digits.matches(std::string(300, '7') + "a"));
  CHECK(digits.matches_prefix("12" + std::string(300, 'a')));
  CHECK(!digits.matches_prefix(std::string(300, 'a') + "12"));
  // Reused on a shorter text after a longer one.
  CHECK(groups(digits, "x9", 1) == Ranges{{1, 2}});
}
