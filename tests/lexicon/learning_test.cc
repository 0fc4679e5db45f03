#include "lexicon/learning.h"

#include <catch2/catch.hpp>

#include "lexicon/english_words.h"

using namespace untm::lexicon;

namespace {
const std::string kPeace = normalize_english_word("peace");  // lexicons hold normal forms
const std::vector<ChineseEnglishPair> kPairs = {
    {"和平。", "Peace."},
    {"发展。", "Development."},
    {"和平发展。", "Peace and development."},
    {"和平的发展。", "The development of peace."},
};
}  // namespace

TEST_CASE("without a dictionary, Han characters learn the words they always come with", "[lexicon]") {
  const Lexicon learned = learn_lexicon(kPairs, Lexicon{}, {});
  CHECK(learned.strength("和", kPeace) > 0.5);
  CHECK(learned.strength("平", kPeace) > 0.5);
  CHECK(learned.strength("发", "development") > 0.5);
  CHECK(learned.strength("展", "development") > 0.5);
  CHECK(learned.strength("和", "development") == 0.0);
  // 的 is seen with both words once: below the co-occurrence floor.
  CHECK(learned.strength("的", kPeace) == 0.0);
}

TEST_CASE("with a dictionary, its words are the Chinese units that learn", "[lexicon]") {
  Lexicon known;
  known.add("和平", "peaceful");
  known.add("发展", "grow");
  const Lexicon learned = learn_lexicon(kPairs, known, {});
  CHECK(learned.strength("和平", kPeace) > 0.7);
  CHECK(learned.strength("发展", "development") > 0.7);
  CHECK(learned.strength("和", kPeace) == 0.0);
}

TEST_CASE("learning gives the same entries, in the same order, however its tasks are run", "[lexicon]") {
  int runs = 0;
  const RunTasks backwards = [&runs](std::span<const std::function<void()>> tasks) {
    ++runs;
    for (std::size_t i = tasks.size(); i-- > 0;) tasks[i]();
  };
  const Lexicon serial = learn_lexicon(kPairs, Lexicon{}, {});
  const Lexicon reversed = learn_lexicon(kPairs, Lexicon{}, {}, backwards);
  CHECK(runs == 1);
  REQUIRE(serial.size() == reversed.size());
  REQUIRE(serial.size() > 2);
  for (std::size_t index = 0; index < serial.size(); ++index) CHECK(serial.entry(index) == reversed.entry(index));
}
