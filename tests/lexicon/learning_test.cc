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

TEST_CASE("Model 1's cells are thinned to the budget with pairs spread over the whole list", "[lexicon]") {
  // Pair i is (i % 7 + 1) source words against (i % 5 + 1) target words, its
  // first target word i (to tell the pairs apart).
  std::vector<IdSentencePair> pairs;
  std::size_t all_cells = 0, largest = 0;
  for (std::uint32_t i = 0; i < 1000; ++i) {
    IdSentencePair pair;
    pair.source.assign(i % 7 + 1, 1);
    pair.target.assign(i % 5 + 1, 2);
    pair.target[0] = i;
    all_cells += model1_cells(pair);
    largest = std::max(largest, model1_cells(pair));
    pairs.push_back(pair);
  }
  CHECK(model1_cells(pairs[8]) == (2 + 1) * 4);  // the empty word counts as a source word

  std::vector<IdSentencePair> whole = pairs;
  thin_to_cells(whole, all_cells);
  CHECK(whole.size() == pairs.size());

  const std::size_t budget = all_cells / 4;
  std::vector<IdSentencePair> thinned = pairs;
  thin_to_cells(thinned, budget);
  std::size_t kept_cells = 0;
  for (const auto& pair : thinned) kept_cells += model1_cells(pair);
  CHECK(kept_cells <= budget + largest);
  CHECK(kept_cells >= budget * 9 / 10);
  // In order, from the start to the end of the list, never bunched.
  REQUIRE(thinned.size() > 200);
  CHECK(thinned.front().target[0] < 10);
  CHECK(thinned.back().target[0] > 990);
  for (std::size_t k = 1; k < thinned.size(); ++k) {
    CHECK(thinned[k].target[0] > thinned[k - 1].target[0]);
    CHECK(thinned[k].target[0] - thinned[k - 1].target[0] <= 6);
  }
}

TEST_CASE("a cell budget keeps what the end of the training list teaches", "[lexicon]") {
  // 400 pairs about development, then 400 about peace: a budget of a fourth
  // of the cells still learns both, where the first pairs alone would not.
  std::vector<ChineseEnglishPair> pairs;
  for (int i = 0; i < 400; ++i) pairs.push_back({"发展。", "Development."});
  for (int i = 0; i < 400; ++i) pairs.push_back({"和平。", "Peace."});
  LearningOptions options;
  options.max_cells = 400;  // each pair is (2 + 1) x 1 cells: 2,400 in all
  const Lexicon learned = learn_lexicon(pairs, Lexicon{}, options);
  CHECK(learned.strength("发", "development") > 0.5);
  CHECK(learned.strength("和", kPeace) > 0.5);
  options.max_cells = 0;  // no pair at all: nothing learned
  CHECK(learn_lexicon(pairs, Lexicon{}, options).empty());
}
