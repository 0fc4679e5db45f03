#include <catch2/catch.hpp>

#include "align/anchors.h"

namespace untm {
namespace {

double link_cost(const char* chinese, const char* english) {
  const SentenceFeatures first = extract_features(chinese, Language::zh);
  const SentenceFeatures second = extract_features(english, Language::en);
  AnchorScratch scratch;
  AnchorWeights weights;
  return anchor_cost(std::span(&first, 1), std::span(&second, 1), weights, scratch);
}

TEST_CASE("Chinese numerals match Arabic numbers", "[align]") {
  const AnchorWeights weights;
  // 十八 = 18 (18th); 二〇一二 = 2012; 十一月 = 11 = November.
  CHECK(link_cost("党的十八大。", "The 18th Congress.") == Approx(-weights.shared_token_match));
  CHECK(link_cost("二〇一二年十一月。", "In November 2012.") == Approx(-2 * weights.shared_token_match));
  CHECK(link_cost("2012年11月15日", "November 15, 2012") == Approx(-3 * weights.shared_token_match));
  // 三百零五 = 305, 1,000 = 1000.
  CHECK(link_cost("三百零五人。", "305 people.") == Approx(-weights.shared_token_match));
  CHECK(link_cost("１,000元。", "1,000 yuan.") == Approx(-weights.shared_token_match));
  // A number on one side only costs.
  CHECK(link_cost("十八人。", "Nineteen people, 19.") ==
        Approx(2 * weights.shared_token_mismatch));
}

TEST_CASE("enumerators, acronyms and document symbols are anchors", "[align]") {
  const AnchorWeights weights;
  // (a), 67 and 61 are shared; RES is a Latin word (a lone A is not: in
  // Chinese text single letters are too often labels).
  CHECK(link_cost("（a）注意到A/RES/67/61号决议；", "(a) Notes resolution A/RES/67/61;") ==
        Approx(-3 * weights.shared_token_match - weights.latin_word_match));
  CHECK(link_cost("亚太经合组织（APEC）会议。", "The APEC meeting.") == Approx(-weights.latin_word_match));
}

TEST_CASE("a URL is one anchor, its digits included", "[align]") {
  const AnchorWeights weights;
  // The URL matches as a whole (not as the number 2019 inside it).
  CHECK(link_cost("详见https://undocs.org/A/2019/1。", "See https://undocs.org/A/2019/1.") ==
        Approx(-weights.shared_token_match));
  CHECK(link_cost("见www.un.org。", "See www.un.org/en.") == Approx(2 * weights.shared_token_mismatch));
}

TEST_CASE("quotes and final question marks at the ends of a sentence", "[align]") {
  const SentenceFeatures chinese = extract_features("他说：“你来吗？ ” ", Language::zh);
  CHECK(!chinese.opens_with_quote);
  CHECK(chinese.closes_with_quote);
  CHECK(chinese.ends_with_question);
  CHECK(chinese.clause_marks == 1);
  const SentenceFeatures english = extract_features("'Are you coming?'", Language::en);
  CHECK(english.opens_with_quote);
  CHECK(english.closes_with_quote);
  CHECK(english.ends_with_question);
  const AnchorWeights weights;
  CHECK(link_cost("你来吗？", "Are you coming?") == Approx(-weights.boundary_match));
  CHECK(link_cost("你来。", "Are you coming?") == Approx(weights.boundary_mismatch));
}

TEST_CASE("the clause constraint bounds the English sentences of a Chinese one", "[align]") {
  // One sentence with two clause marks inside may become up to 3 sentences.
  const SentenceFeatures chinese = extract_features("甲，乙；丙。", Language::zh);
  const AnchorWeights weights;
  CHECK(clause_cost(std::span(&chinese, 1), 3, weights) == 0);
  CHECK(clause_cost(std::span(&chinese, 1), 4, weights) == weights.clause_excess);
}

TEST_CASE("learnt boundary costs reward marks that agree in the document", "[align]") {
  // 20 linked pairs: 10 with a final ? on both sides, 10 with none. Agreement
  // must then earn a bonus and a one-sided ? a cost.
  const SentenceFeatures question_zh = extract_features("吗？", Language::zh);
  const SentenceFeatures question_en = extract_features("Why?", Language::en);
  const SentenceFeatures plain_zh = extract_features("是。", Language::zh);
  const SentenceFeatures plain_en = extract_features("Yes.", Language::en);
  std::vector<std::pair<const SentenceFeatures*, const SentenceFeatures*>> pairs;
  for (int k = 0; k < 10; ++k) {
    pairs.emplace_back(&question_zh, &question_en);
    pairs.emplace_back(&plain_zh, &plain_en);
  }
  const BoundaryCosts costs = estimate_boundary_costs(pairs, pairs, Boundary::question, 3.0);
  CHECK(costs[1][1] < 0);
  CHECK(costs[1][0] > 0);
  CHECK(costs[0][1] > 0);
  CHECK(costs[1][0] <= 3.0);
}

TEST_CASE("the aligner's anchor cost with a boundary table is anchor_cost's", "[align]") {
  // The aligner looks the boundary costs up in a table built once per pass;
  // with learnt costs for ? and the fixed ones for quotes, every mark must
  // weigh what anchor_cost() gives it: "“十八？”" against "“18?”" agrees on
  // all three marks and the number, against "Eighteen." on none.
  AnchorWeights weights;
  weights.boundary_costs[static_cast<std::size_t>(Boundary::question)] = BoundaryCosts{{{0.25, 1.75}, {2.5, -1.25}}};
  const BoundaryTable table = boundary_table(weights);
  const SentenceFeatures chinese = extract_features("“十八？”", Language::zh);
  AnchorScratch scratch;
  for (const char* english : {"“18?”", "Eighteen.", "18 (a) AB?"}) {
    const SentenceFeatures other = extract_features(english, Language::en);
    const double expected = anchor_cost(std::span(&chinese, 1), std::span(&other, 1), weights, scratch);
    CHECK(anchored_link_cost(std::span(&chinese, 1), std::span(&other, 1), weights, table, scratch) == expected);
  }
  const SentenceFeatures agreeing = extract_features("“18?”", Language::en);
  CHECK(anchored_link_cost(std::span(&chinese, 1), std::span(&agreeing, 1), weights, table, scratch) ==
        Approx(-weights.shared_token_match - 2 * weights.boundary_match - 1.25));
  CHECK(table[static_cast<std::size_t>(Boundary::question)][1][0] == 2.5);
  CHECK(table[static_cast<std::size_t>(Boundary::opening_quote)][0][1] == weights.boundary_mismatch);
}

}  // namespace
}  // namespace untm
