#include <catch2/catch.hpp>

#include <cmath>

#include "eval/calibration.h"

namespace untm {
namespace {

TEST_CASE("a test link is right when the identical link is in the gold", "[eval][calibration]") {
  const std::vector<LinkIndices> gold = {{{0}, {0}}, {{1, 2}, {1}}, {{}, {2}}};
  const std::vector<LinkIndices> test = {{{0}, {0}}, {{1}, {1}}, {{2}, {}}, {{}, {2}}};
  const std::vector<double> confidences = {0.9, 0.8, 0.3, 0.6};
  const auto judged = judge_links(gold, test, confidences);
  REQUIRE(judged.size() == 4);
  CHECK(judged[0].correct);
  CHECK_FALSE(judged[1].correct);  // overlaps [1,2]:[1] but is not it
  CHECK_FALSE(judged[2].correct);
  CHECK(judged[3].correct);
  CHECK(judged[1].confidence == 0.8);
}

TEST_CASE("the reliability table and ECE of a hand-counted set", "[eval][calibration]") {
  // Bin 0.9-1.0: 0.95 right, 0.95 right  -> mean 0.95, precision 1.0
  // Bin 0.8-0.9: 0.85 wrong              -> mean 0.85, precision 0.0
  // Bin 0.1-0.2: 0.15 wrong, 0.15 right  -> mean 0.15, precision 0.5
  // ECE = 2/5 * 0.05 + 1/5 * 0.85 + 2/5 * 0.35 = 0.02 + 0.17 + 0.14 = 0.33
  const std::vector<JudgedLink> links = {{0.95, true}, {0.95, true}, {0.85, false}, {0.15, false}, {0.15, true}};
  const Reliability table = reliability(links);
  REQUIRE(table.bins.size() == 10);
  CHECK(table.links == 5);
  CHECK(table.bins[9].count == 2);
  CHECK(table.bins[9].precision == 1.0);
  CHECK(table.bins[8].mean_confidence == Approx(0.85));
  CHECK(table.bins[1].count == 2);
  CHECK(table.bins[1].precision == 0.5);
  CHECK(table.bins[5].count == 0);
  CHECK(table.expected_calibration_error == Approx(0.33));
  // A confidence of exactly 1 falls in the last bin, not past it.
  CHECK(reliability(std::vector<JudgedLink>{{1.0, true}}).bins[9].count == 1);
}

TEST_CASE("precision of the most confident links", "[eval][calibration]") {
  const std::vector<JudgedLink> links = {{0.15, true}, {0.95, true}, {0.85, false}, {0.95, true}, {0.15, false}};
  CHECK(precision_of_most_confident(links, 0.4) == 1.0);               // the two 0.95
  CHECK(precision_of_most_confident(links, 0.6) == Approx(2.0 / 3));  // and the 0.85
  CHECK(precision_of_most_confident(links, 1.0) == Approx(3.0 / 5));
  CHECK(precision_of_most_confident(links, 0.0) == 0.0);
}

TEST_CASE("the log-odds fit recovers the map that made the labels", "[eval][calibration]") {
  // At confidence p, a share sigmoid(2 * logit(p) + 0.5) of 10000 links is
  // right: p = 0.2 -> logit -1.3863 -> sigmoid(-2.2726) = 0.0934 (934 right);
  // 0.5 -> sigmoid(0.5) = 0.6225 (6225); 0.8 -> sigmoid(3.2726) = 0.9634 (9634).
  std::vector<JudgedLink> links;
  const std::pair<double, int> shares[] = {{0.2, 934}, {0.5, 6225}, {0.8, 9634}};
  for (const auto& [confidence, right] : shares) {
    for (int k = 0; k < 10000; ++k) links.push_back({confidence, k < right});
  }
  const LogOddsFit fit = fit_log_odds(links);
  CHECK(fit.slope == Approx(2.0).margin(0.01));
  CHECK(fit.intercept == Approx(0.5).margin(0.01));
  const auto mapped = apply_log_odds(links, fit);
  CHECK(mapped.front().confidence == Approx(0.0934).margin(0.001));
  CHECK(reliability(mapped).expected_calibration_error < 0.001);
  // All right: nothing to fit, the identity.
  const std::vector<JudgedLink> all_right = {{0.3, true}, {0.6, true}};
  CHECK(fit_log_odds(all_right).slope == 1.0);
  CHECK(fit_log_odds(all_right).intercept == 0.0);
}

}  // namespace
}  // namespace untm

namespace untm {
namespace {

TEST_CASE("the log-odds shift recovers an intercept and a multi-sentence term", "[eval][calibration]") {
  // Labels made by sigmoid(logit(p) + 1 - 2 * multi), 10000 links each:
  //   1-1   p 0.5: sigmoid(1)                = 0.7311 (7311 right)
  //   1-1   p 0.8: sigmoid(1.3863 + 1)       = 0.9158 (9158)
  //   multi p 0.5: sigmoid(-1)               = 0.2689 (2689)
  //   multi p 0.8: sigmoid(1.3863 - 1)       = 0.5954 (5954)
  struct Share {
    double confidence;
    bool multi;
    int right;
  };
  const Share shares[] = {{0.5, false, 7311}, {0.8, false, 9158}, {0.5, true, 2689}, {0.8, true, 5954}};
  std::vector<JudgedLink> links;
  for (const Share& share : shares) {
    for (int k = 0; k < 10000; ++k) links.push_back({share.confidence, k < share.right, share.multi});
  }
  const LogOddsFit fit = fit_log_odds_shift(links);
  CHECK(fit.slope == 1.0);
  CHECK(fit.intercept == Approx(1.0).margin(0.01));
  CHECK(fit.multi_sentence == Approx(-2.0).margin(0.01));
  const auto mapped = apply_log_odds(links, fit);
  CHECK(mapped.back().confidence == Approx(0.5954).margin(0.001));
  CHECK(reliability(mapped).expected_calibration_error < 0.001);
  // Platt scaling has no multi-sentence term: it cannot tell them apart.
  CHECK(fit_log_odds(links).multi_sentence == 0.0);
}

TEST_CASE("a judged link is multi-sentence when some side has several sentences", "[eval][calibration]") {
  const std::vector<LinkIndices> test = {{{0}, {0}}, {{1}, {1, 2}}, {{}, {3}}, {{2, 3}, {4, 5}}};
  const std::vector<double> confidences(test.size(), 0.5);
  const auto judged = judge_links({}, test, confidences);
  CHECK(!judged[0].multi_sentence);  // 1-1
  CHECK(judged[1].multi_sentence);   // 1-2
  CHECK(!judged[2].multi_sentence);  // 0-1: a null link
  CHECK(judged[3].multi_sentence);   // 2-2
}

}  // namespace
}  // namespace untm
