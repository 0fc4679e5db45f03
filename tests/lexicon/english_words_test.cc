#include "lexicon/english_words.h"

#include <catch2/catch.hpp>

using namespace untm::lexicon;

TEST_CASE("english content words are lower case, without stop words or numbers", "[lexicon]") {
  CHECK(english_content_words("The Committee of the United Nations met in 2013.") ==
        std::vector<std::string>{"committe", "unit", "nation", "met"});
}

TEST_CASE("inflected forms of a word share one normal form", "[lexicon]") {
  CHECK(normalize_english_word("countries") == normalize_english_word("country"));
  CHECK(normalize_english_word("Country's") == normalize_english_word("country"));
  CHECK(normalize_english_word("developed") == normalize_english_word("develop"));
  CHECK(normalize_english_word("developing") == normalize_english_word("develops"));
  CHECK(normalize_english_word("cooperated") == normalize_english_word("cooperate"));
  CHECK(normalize_english_word("nations") == normalize_english_word("nation"));
}

TEST_CASE("short words that only look inflected are kept whole", "[lexicon]") {
  CHECK(normalize_english_word("bus") == "bus");
  CHECK(normalize_english_word("process") == "process");
  CHECK(normalize_english_word("red") == "red");
  CHECK(normalize_english_word("the").empty());
  CHECK(normalize_english_word("1993").empty());
}

TEST_CASE("stop words of every length are dropped in any case, and longer words that begin like them are kept",
          "[lexicon]") {
  for (const char* stop : {"a", "s", "am", "etc", "does", "doing", "myself", "between", "through", "Against",
                           "FURTHER", "herself", "your"}) {
    INFO(stop);
    CHECK(normalize_english_word(stop).empty());
  }
  // Not stop words: one letter more or less than one, or another word of
  // a stop word's length.
  CHECK(normalize_english_word("betweens") == "between");
  CHECK(normalize_english_word("yourself") == "yourself");
  CHECK(normalize_english_word("throug") == "throug");
  CHECK(normalize_english_word("betwixt") == "betwixt");
  CHECK(normalize_english_word("un") == "un");
}
