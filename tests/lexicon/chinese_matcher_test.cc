#include "lexicon/chinese_matcher.h"

#include <catch2/catch.hpp>

#include <string>

using namespace untm::lexicon;

namespace {
std::vector<std::string> texts(const std::vector<ChineseToken>& tokens) {
  std::vector<std::string> result;
  for (const auto& token : tokens) result.emplace_back(token.text);
  return result;
}
}  // namespace

TEST_CASE("the longest known word wins at each position", "[lexicon]") {
  ChineseMatcher matcher;
  const auto united = matcher.add("联合");
  const auto united_nations = matcher.add("联合国");
  matcher.add("国家");
  CHECK(matcher.add("联合") == united);
  // 联合国 beats 联合, and then 家 is left alone (国家 would overlap).
  const auto tokens = matcher.tokenize("联合国家");
  CHECK(texts(tokens) == std::vector<std::string>{"联合国", "家"});
  CHECK(tokens[0].word == united_nations);
  CHECK_FALSE(tokens[1].word.has_value());
}

TEST_CASE("punctuation, digits and Latin letters separate Chinese words", "[lexicon]") {
  ChineseMatcher matcher;
  matcher.add("发展");
  CHECK(texts(matcher.tokenize("发展，2013年UN发展。")) ==
        std::vector<std::string>{"发展", "年", "发展"});
}

TEST_CASE("invalid UTF-8 does not stop the matcher", "[lexicon]") {
  ChineseMatcher matcher;
  matcher.add("发展");
  CHECK(texts(matcher.tokenize("\xE5\x8F" "发展\xFF")) == std::vector<std::string>{"发展"});
}

TEST_CASE("a matcher sized in advance or part-way matches as one grown word by word", "[lexicon]") {
  const std::string han[] = {"联", "合", "国", "家", "大", "会", "议", "程", "安", "理"};
  std::vector<std::string> words;
  for (int a = 0; a < 10; ++a)
    for (int b = 0; b < 10; ++b) {
      words.push_back(han[a] + han[b]);
      if ((a + b) % 3 == 0) words.push_back(han[a] + han[b] + han[(a * b) % 10]);
    }
  ChineseMatcher grown, sized, part_way;
  sized.reserve(100000);  // far past the 1,024 edges a table starts with
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (k == words.size() / 2) part_way.reserve(5000);
    const std::uint32_t id = grown.add(words[k]);
    CHECK(sized.add(words[k]) == id);
    CHECK(part_way.add(words[k]) == id);
  }
  std::string text;
  for (int k = 0; k < 200; ++k) text += han[(k * 7) % 10] + (k % 13 == 0 ? std::string("，") : std::string());
  const auto expected = grown.tokenize(text);
  for (const ChineseMatcher* other : {&sized, &part_way}) {
    const auto tokens = other->tokenize(text);
    REQUIRE(tokens.size() == expected.size());
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      CHECK(tokens[k].text == expected[k].text);
      CHECK(tokens[k].word == expected[k].word);
    }
  }
  CHECK(expected.size() > 50);
}
