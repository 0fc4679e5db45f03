#include "lexicon/ibm_model1.h"

#include <catch2/catch.hpp>

#include <tuple>
#include <unordered_map>

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

namespace {
// A corpus large enough for the key table to grow many times and for words to
// repeat inside a sentence: ids drawn from small vocabularies, lengths 1-12.
std::vector<IdSentencePair> random_corpus(std::uint32_t seed, std::size_t pairs) {
  std::uint32_t state = seed;
  const auto next = [&state](std::uint32_t bound) {
    state = state * 1664525u + 1013904223u;
    return (state >> 8) % bound;
  };
  std::vector<IdSentencePair> corpus(pairs);
  for (auto& pair : corpus) {
    for (std::uint32_t i = 0, n = 1 + next(12); i < n; ++i) pair.source.push_back(next(300));
    for (std::uint32_t i = 0, n = 1 + next(12); i < n; ++i) pair.target.push_back(next(200));
  }
  return corpus;
}

// Model 1 as first written, over node maps: the flat table must give the same
// probabilities to the last bit (its sums run in the same order), the same
// co-occurrence counts, and visit the pairs in the order first seen.
struct Reference {
  std::unordered_map<std::uint64_t, double> probability;
  std::unordered_map<std::uint64_t, std::uint32_t> cooccurrences;
  std::vector<std::uint64_t> first_seen;  // the keys, each where the corpus first has it
};

Reference reference_model1(const std::vector<IdSentencePair>& corpus, int iterations) {
  Reference reference;
  for (const auto& pair : corpus) {
    std::unordered_map<std::uint64_t, bool> in_pair;
    for (const std::uint32_t source : pair.source)
      for (const std::uint32_t target : pair.target) in_pair[TranslationTable::key(source, target)] = true;
    for (const auto& [key, yes] : in_pair) ++reference.cooccurrences[key];
    for (std::uint32_t source : pair.source)
      for (std::uint32_t target : pair.target) {
        if (reference.probability.emplace(TranslationTable::key(source, target), 1.0).second)
          reference.first_seen.push_back(TranslationTable::key(source, target));
      }
  }
  for (int iteration = 0; iteration < iterations; ++iteration) {
    std::unordered_map<std::uint64_t, double> count;
    std::unordered_map<std::uint32_t, double> total;
    for (const auto& pair : corpus) {
      for (const std::uint32_t target : pair.target) {
        double normalizer = 0.0;
        for (const std::uint32_t source : pair.source)
          normalizer += reference.probability[TranslationTable::key(source, target)];
        for (const std::uint32_t source : pair.source) {
          const double share = reference.probability[TranslationTable::key(source, target)] / normalizer;
          count[TranslationTable::key(source, target)] += share;
          total[source] += share;
        }
      }
    }
    for (auto& [key, probability] : reference.probability)
      probability = count[key] / total[static_cast<std::uint32_t>(key >> 32)];
  }
  return reference;
}
}  // namespace

TEST_CASE("the flat table equals Model 1 over node maps to the last bit, in first-seen order", "[lexicon]") {
  auto corpus = random_corpus(7, 400);
  // Sides with no words among the others: they count nothing.
  corpus.insert(corpus.begin() + 100, IdSentencePair{{}, {the, house}});
  corpus.insert(corpus.begin() + 200, IdSentencePair{{das, Haus}, {}});
  const auto table = train_ibm_model1(corpus, {.iterations = 4, .null_word = false, .min_gain = 0.0});
  const Reference reference = reference_model1(corpus, 4);
  std::size_t visited = 0;
  auto expected = reference.first_seen.begin();
  table.for_each([&](std::uint32_t source, std::uint32_t target, double probability) {
    REQUIRE(expected != reference.first_seen.end());
    CHECK(TranslationTable::key(source, target) == *expected);
    CHECK(probability == reference.probability.at(*expected));
    CHECK(table.probability(source, target) == probability);
    CHECK(table.cooccurrences(source, target) == reference.cooccurrences.at(*expected));
    ++expected;
    ++visited;
  });
  CHECK(visited == reference.probability.size());
  CHECK(visited > 10000);  // the key table grew many times
  CHECK(table.probability(0, 100000) == 0.0);
  CHECK(table.cooccurrences(0, 100000) == 0);
}

TEST_CASE("co-occurrences count sentence pairs, not repeats inside one", "[lexicon]") {
  const std::vector<IdSentencePair> corpus = {{{das, das}, {the, the, house}}, {{das}, {the}}};
  const auto table = train_ibm_model1(corpus, {.iterations = 1});
  CHECK(table.cooccurrences(das, the) == 2);
  CHECK(table.cooccurrences(das, house) == 1);
  CHECK(table.cooccurrences(TranslationTable::kNullWord, the) == 2);  // the empty word is in every pair
  CHECK(table.cooccurrences(das, book) == 0);
}

TEST_CASE("both ways at once: the reverse probabilities are Model 1 over the swapped pairs, to the last bit",
          "[lexicon]") {
  auto corpus = random_corpus(11, 300);
  corpus.push_back({{das, das, Haus}, {the, the, house, the}});  // repeats inside a pair
  corpus.push_back({{ein}, {}});                                 // sides with no words
  corpus.push_back({{}, {a}});
  for (const bool null_word : {true, false}) {
    const Model1Options options{.iterations = 4, .null_word = null_word, .min_gain = 0.0};
    std::vector<IdSentencePair> swapped;
    for (const auto& pair : corpus) swapped.push_back({pair.target, pair.source});
    int tasks_run = 0;
    const TwoWayTables both = train_ibm_model1_both_ways(
        corpus, options, [&](const std::function<void()>& first, const std::function<void()>& second) {
          first();
          second();
          tasks_run += 2;
        });
    CHECK(tasks_run == 2);
    // The forward table is train_ibm_model1's: same pairs, same doubles, same order.
    const TranslationTable alone = train_ibm_model1(corpus, options);
    std::vector<std::tuple<std::uint32_t, std::uint32_t, double>> made, expected;
    both.forward.for_each([&](std::uint32_t s, std::uint32_t t, double p) { made.emplace_back(s, t, p); });
    alone.for_each([&](std::uint32_t s, std::uint32_t t, double p) { expected.emplace_back(s, t, p); });
    REQUIRE(made.size() > 1000);
    CHECK(made == expected);
    // Each forward pair of two words carries the swapped table's t(source | target).
    const TranslationTable reverse = train_ibm_model1(swapped, options);
    std::size_t word_pairs = 0, empty_word_pairs = 0;
    both.forward.for_each_slot([&](std::uint32_t slot, std::uint32_t source, std::uint32_t target, double p) {
      CHECK(both.forward.cooccurrences_at(slot) == alone.cooccurrences(source, target));
      CHECK(p == alone.probability(source, target));
      if (source == TranslationTable::kNullWord) {
        CHECK(both.reverse_probability(slot) == 0.0);
        ++empty_word_pairs;
        return;
      }
      CHECK(both.reverse_probability(slot) == reverse.probability(target, source));
      CHECK(both.reverse_probability(slot) > 0.0);
      ++word_pairs;
    });
    // And every pair of two words of the swapped table is one of them.
    std::size_t reverse_word_pairs = 0;
    reverse.for_each([&](std::uint32_t source, std::uint32_t, double) {
      if (source != TranslationTable::kNullWord) ++reverse_word_pairs;
    });
    CHECK(word_pairs == reverse_word_pairs);
    CHECK(word_pairs > 1000);
    CHECK((empty_word_pairs > 0) == null_word);
    CHECK(both.reverse_probability(UINT32_MAX - 1) == 0.0);
  }
}
