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
}  // namespace

TEST_CASE("the lexical cost counts the covered words of both sides", "[lexicon]") {
  const LexicalEvidenceFactory factory(small_model(), {.weight = 0.5, .first_is_chinese = true});
  const auto evidence = factory.make(kChinese, kEnglish);
  CHECK(evidence->name() == "lexical");
  // Every word is in one sentence of two: all weigh 1. country 1 + develops
  // 0.5 on the English side, 国家 1 + 发展 0.5 on the Chinese side: 3 words.
  CHECK(evidence->cost(0, 1, 0, 1) == Approx(-0.5 * 3.0));
  CHECK(evidence->cost(1, 1, 1, 1) == Approx(-0.5 * 2.0));
  CHECK(evidence->cost(0, 1, 1, 1) == 0.0);  // no word translates
  CHECK(evidence->cost(0, 1, 0, 0) == 0.0);  // null link
}

TEST_CASE("a path pays the same for covered words however it groups them", "[lexicon]") {
  const LexicalEvidenceFactory factory(small_model(), {.weight = 1.0, .first_is_chinese = true});
  const auto evidence = factory.make(kChinese, kEnglish);
  CHECK(evidence->cost(0, 2, 0, 2) == Approx(evidence->cost(0, 1, 0, 1) + evidence->cost(1, 1, 1, 1)));
  // The wrong 2-2 crossing pairs cover nothing more than the right ones.
  CHECK(evidence->cost(0, 1, 1, 1) + evidence->cost(1, 1, 0, 1) > evidence->cost(0, 2, 0, 2));
}

TEST_CASE("English as the first side gives the same costs with the sides swapped", "[lexicon]") {
  const LexicalEvidenceFactory factory(small_model(), {.weight = 1.0, .first_is_chinese = false});
  const auto evidence = factory.make(kEnglish, kChinese);
  CHECK(evidence->cost(0, 1, 0, 1) == Approx(-3.0));
  CHECK(evidence->cost(1, 1, 0, 1) == 0.0);
}

TEST_CASE("a word found in every sentence weighs less than a rare one", "[lexicon]") {
  const LexicalEvidenceFactory factory(small_model(), {.weight = 1.0, .first_is_chinese = true});
  // 国家/country in all three sentences (idf log 2), 和平/peace in one (idf
  // log 4 = 2 log 2); scaled to mean 1 over 4 words: 0.8 and 1.6.
  const std::vector<std::string> chinese = {"国家和平。", "国家。", "国家。"};
  const std::vector<std::string> english = {"Country, peace.", "Country.", "Country."};
  const auto evidence = factory.make(chinese, english);
  CHECK(evidence->cost(1, 1, 1, 1) == Approx(-2 * 0.8));
  CHECK(evidence->cost(0, 1, 0, 1) == Approx(-2 * (0.8 + 1.6)));
}
