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
