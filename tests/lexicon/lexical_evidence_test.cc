#include "lexicon/lexical_evidence.h"

#include <catch2/catch.hpp>

#include <cmath>

#include "lexicon/english_words.h"

using namespace untm;
using namespace untm::lexicon;

namespace {
std::shared_ptr<const LexicalModel> small_model() {
  Lexicon lexicon;
  lexicon.add("国家", "country");
  lexicon.add("发展", "develop", 0.5);
  lexicon.add("和平", normalize_english_word("peace"));  // lexicons hold normal forms
  return std::make_shared<const LexicalModel>(lexicon);
}
const std::vector<std::string> kChinese = {"国家发展。", "和平。"};
const std::vector<std::string> kEnglish = {"The country develops.", "Peace."};
// In kChinese/kEnglish every word is in one sentence of two, so all weigh 1,
// and its chance q of being covered by one sentence of the other side is
// 1/2 (country, 国家, peace, 和平) or 0.5 * 1/2 = 1/4 (develop, 发展).

// `sentences` `copies` times over: the same weights and chances, more sentences.
std::vector<std::string> repeated(const std::vector<std::string>& sentences, int copies) {
  std::vector<std::string> all;
  for (int copy = 0; copy < copies; ++copy) all.insert(all.end(), sentences.begin(), sentences.end());
  return all;
}
}  // namespace

TEST_CASE("the lexical cost is the covered mass less what chance would cover", "[lexicon]") {
  const LexicalEvidenceFactory factory(small_model(), {.weight = 0.5, .first_is_chinese = true});
  const auto evidence = factory.make(kChinese, kEnglish);
  CHECK(evidence->name() == "lexical");
  // Covered: 国家 1 + 发展 0.5 + country 1 + develops 0.5 = 3.
  // Chance for one sentence: (1/2 + 1/4) per side = 1.5.
  CHECK(evidence->cost(0, 1, 0, 1) == Approx(-0.5 * (3.0 - 1.5)));
  // 和平 + peace: 2 covered, 1/2 + 1/2 by chance.
  CHECK(evidence->cost(1, 1, 1, 1) == Approx(-0.5 * (2.0 - 1.0)));
  // Nothing translates: the chance mass is a penalty (0.75 + 0.5).
  CHECK(evidence->cost(0, 1, 1, 1) == Approx(0.5 * 1.25));
  CHECK(evidence->cost(0, 1, 0, 0) == 0.0);  // null link
}

TEST_CASE("merging two translated pairs earns less than keeping them apart", "[lexicon]") {
  const LexicalEvidenceFactory factory(small_model(), {.weight = 1.0, .first_is_chinese = true});
  const auto evidence = factory.make(kChinese, kEnglish);
  // 2-2: covered 3 + 2; chance with groups of 2 is 1 - (1 - q)^2: 3/4 for
  // q = 1/2 and 7/16 for q = 1/4, so 2 * (3/4 + 7/16) + 2 * 3/4 = 3.875.
  CHECK(evidence->cost(0, 2, 0, 2) == Approx(-(5.0 - 3.875)));
  CHECK(evidence->cost(0, 1, 0, 1) + evidence->cost(1, 1, 1, 1) < evidence->cost(0, 2, 0, 2));
  // The crossing pairs are worse than both.
  CHECK(evidence->cost(0, 1, 1, 1) + evidence->cost(1, 1, 0, 1) > evidence->cost(0, 2, 0, 2));
}

TEST_CASE("English as the first side gives the same costs with the sides swapped", "[lexicon]") {
  const LexicalEvidenceFactory factory(small_model(), {.weight = 1.0, .first_is_chinese = false});
  const auto evidence = factory.make(kEnglish, kChinese);
  CHECK(evidence->cost(0, 1, 0, 1) == Approx(-1.5));
  CHECK(evidence->cost(1, 1, 0, 1) == Approx(1.25));
}

TEST_CASE("a word found in every sentence says nothing; a rare one weighs more", "[lexicon]") {
  const LexicalEvidenceFactory factory(small_model(), {.weight = 1.0, .first_is_chinese = true});
  // 国家/country in all three sentences: idf log 2, chance 1. 和平/peace in
  // one: idf log 4 = 2 log 2, chance 1/3. Scaled to mean 1 over the 4 words
  // of a side: weights 0.8 and 1.6.
  const std::vector<std::string> chinese = {"国家和平。", "国家。", "国家。"};
  const std::vector<std::string> english = {"Country, peace.", "Country.", "Country."};
  const auto evidence = factory.make(chinese, english);
  CHECK(evidence->cost(1, 1, 1, 1) == Approx(0.0).margin(1e-6));
  CHECK(evidence->cost(0, 1, 0, 1) == Approx(-(2 * (0.8 + 1.6) - 2 * (0.8 + 1.6 / 3))));
}

TEST_CASE("links far from the length diagonal get no lexical cost", "[lexicon]") {
  const LexicalEvidenceFactory factory(small_model(), {.weight = 1.0, .first_is_chinese = true, .band_half_width = 2});
  std::vector<std::string> chinese(10, "国家。");
  std::vector<std::string> english(10, "Country.");
  chinese[9] = "和平。";
  english[0] = "Peace.";
  const auto evidence = factory.make(chinese, english);
  CHECK(evidence->cost(9, 1, 0, 1) == 0.0);   // 9 sentences off the diagonal
  CHECK(evidence->cost(9, 1, 8, 1) != 0.0);   // near it: the chance penalty
}

TEST_CASE("costs do not depend on the order the aligner asks for them", "[lexicon]") {
  const LexicalEvidenceFactory factory(small_model(), {.weight = 1.0, .first_is_chinese = true});
  const std::vector<std::string> chinese = repeated(kChinese, 4);
  const std::vector<std::string> english = repeated(kEnglish, 4);
  struct Candidate {
    std::size_t first_begin, first_count, second_begin, second_count;
  };
  std::vector<Candidate> candidates;
  for (std::size_t first = 0; first < 8; ++first)
    for (std::size_t second = 0; second < 8; ++second)
      for (std::size_t count = 1; count <= 2; ++count)
        if (first + count <= 8 && second + 3 - count <= 8) candidates.push_back({first, count, second, 3 - count});
  const auto forward = factory.make(chinese, english);
  const auto backward = factory.make(chinese, english);
  std::vector<double> forward_costs;
  for (const auto& candidate : candidates)
    forward_costs.push_back(forward->cost(candidate.first_begin, candidate.first_count, candidate.second_begin, candidate.second_count));
  for (std::size_t index = candidates.size(); index-- > 0;) {
    const auto& candidate = candidates[index];
    CHECK(backward->cost(candidate.first_begin, candidate.first_count, candidate.second_begin, candidate.second_count) ==
          Approx(forward_costs[index]));
  }
  // Asked again (the aligner's next pass), the remembered cost is the same.
  CHECK(forward->cost(2, 1, 2, 2) == Approx(backward->cost(2, 1, 2, 2)));
}

TEST_CASE("groups of more than eight sentences (paragraph links) pay the chance of their own size", "[lexicon]") {
  const LexicalEvidenceFactory factory(small_model(), {.weight = 1.0, .first_is_chinese = true});
  const std::vector<std::string> chinese = repeated(kChinese, 6);
  const std::vector<std::string> english = repeated(kEnglish, 6);
  // Every word is in 6 of the 12 sentences of its side: weights 1, q as in
  // kChinese. Chinese sentence 0 (国家发展) against the first k English
  // sentences, k/2 of them "The country develops.": covered 1 + 0.5 on the
  // Chinese side (the best cover, not the sum) and 1.5 per such English
  // sentence; chance 1 - (1/2)^k + 1 - (3/4)^k for 国家 and 发展, 0.75 per
  // such English sentence and 0.5 per "Peace.".
  const auto expected = [](double k) {
    const double covered = 1.5 + 1.5 * k / 2;
    const double chance = (1 - std::pow(0.5, k)) + (1 - std::pow(0.75, k)) + (0.75 + 0.5) * k / 2;
    return -(covered - chance);
  };
  const auto evidence = factory.make(chinese, english);
  CHECK(evidence->cost(0, 1, 0, 10) == Approx(expected(10)));
  CHECK(evidence->cost(0, 1, 0, 12) == Approx(expected(12)));
  // Asked again after another size (the aligner's next pass): its own chance still.
  CHECK(evidence->cost(0, 1, 0, 10) == Approx(expected(10)));
}
