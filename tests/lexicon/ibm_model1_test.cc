#include "lexicon/ibm_model1.h"

#include <catch2/catch.hpp>

using namespace untm::lexicon;

namespace {
// Koehn, Statistical Machine Translation (2010), section 4.2.1: German
// "das Haus / das Buch / ein Buch" with English "the house / the book / a book".
enum German : std::uint32_t { das, Haus, Buch, ein };
enum English : std::uint32_t { the, house, book, a };
const std::vector<IdSentencePair> kCorpus = {
    {{das, Haus}, {the, house}},
    {{das, Buch}, {the, book}},
    {{ein, Buch}, {a, book}},
};
}  // namespace

TEST_CASE("one EM iteration shares each English word evenly among its sentence's German words", "[lexicon]") {
  const auto table = train_ibm_model1(kCorpus, {.iterations = 1, .null_word = false});
  // das is in two sentences: counts the 1/2+1/2, house 1/2, book 1/2; total 2.
  CHECK(table.probability(das, the) == Approx(0.5));
  CHECK(table.probability(das, house) == Approx(0.25));
  CHECK(table.probability(das, book) == Approx(0.25));
  // ein is in one sentence: a 1/2, book 1/2; total 1.
  CHECK(table.probability(ein, a) == Approx(0.5));
  CHECK(table.probability(ein, book) == Approx(0.5));
  CHECK(table.probability(Haus, book) == 0.0);  // never together
}

TEST_CASE("the second EM iteration matches the counts worked out by hand", "[lexicon]") {
  const auto table = train_ibm_model1(kCorpus, {.iterations = 2, .null_word = false});
  // In "das Haus / the house", `the` splits 1/2 : 1/2 and `house` 1/3 : 2/3
  // (t(house|das) = 1/4 against t(house|Haus) = 1/2); in "das Buch / the book"
  // `the` goes 2/3 to das and `book` 1/3. das: the 7/6, house 1/3, book 1/3 of 11/6.
  CHECK(table.probability(das, the) == Approx(7.0 / 11.0));
  CHECK(table.probability(das, house) == Approx(2.0 / 11.0));
  CHECK(table.probability(Buch, book) == Approx(7.0 / 11.0));
  // Haus: the 1/2, house 2/3 of 7/6.
  CHECK(table.probability(Haus, house) == Approx(4.0 / 7.0));
  CHECK(table.probability(Haus, the) == Approx(3.0 / 7.0));
}

TEST_CASE("more iterations move probability towards the consistent translations", "[lexicon]") {
  const auto two = train_ibm_model1(kCorpus, {.iterations = 2, .null_word = false});
  const auto ten = train_ibm_model1(kCorpus, {.iterations = 10, .null_word = false, .min_gain = 0.0});
  CHECK(ten.probability(das, the) > two.probability(das, the));
  CHECK(ten.probability(das, the) > 0.9);
  CHECK(ten.probability(Haus, house) > 0.9);
}

TEST_CASE("the empty word takes part of every target word", "[lexicon]") {
  const auto table = train_ibm_model1(kCorpus, {.iterations = 1, .null_word = true});
  // Each English word is shared among 2 German words and the empty word: 1/3
  // each. The empty word sees all 6 English words: the 2/3, book 2/3, house
  // 1/3, a 1/3, of a total 2.
  CHECK(table.probability(TranslationTable::kNullWord, the) == Approx(1.0 / 3.0));
  CHECK(table.probability(TranslationTable::kNullWord, house) == Approx(1.0 / 6.0));
  CHECK(table.probability(das, the) == Approx(0.5));
}

TEST_CASE("EM stops once an iteration gains little likelihood, with the table of that many iterations", "[lexicon]") {
  int stopped_after = 0;
  const auto early = train_ibm_model1(kCorpus, {.iterations = 100, .null_word = true, .min_gain = 0.01}, &stopped_after);
  // On three sentence pairs EM converges within a few iterations, far from 100.
  CHECK(stopped_after >= 3);
  CHECK(stopped_after < 20);
  int full_run = 0;
  const auto fixed =
      train_ibm_model1(kCorpus, {.iterations = stopped_after, .null_word = true, .min_gain = 0.0}, &full_run);
  CHECK(full_run == stopped_after);
  for (const std::uint32_t source : std::vector<std::uint32_t>{das, Haus, Buch, ein, TranslationTable::kNullWord})
    for (const std::uint32_t target : std::vector<std::uint32_t>{the, house, book, a})
      CHECK(early.probability(source, target) == fixed.probability(source, target));
  // Without the floor, every iteration runs.
  int all = 0;
  train_ibm_model1(kCorpus, {.iterations = 40, .null_word = true, .min_gain = 0.0}, &all);
  CHECK(all == 40);
}
