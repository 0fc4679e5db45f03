#include <catch2/catch.hpp>

#include "core/link.h"
#include "eval/scorer.h"

namespace untm {
namespace {

std::vector<LinkIndices> links(const char* text) { return parse_link_indices(text, "test"); }

// A document worked by hand (Vecalign rules):
//   gold: [0]:[0]  [1]:[1,2]  [2]:[]  [3,4]:[3]
//   test: [0]:[0]  [1]:[1]  []:[2]  [2]:[]  [3]:[3]  [4]:[]
// Precision, over the 6 test links:
//   [0]:[0] in gold                               strict hit, lax hit
//   [1]:[1] not in gold; gold links 1 to {1,2}   strict miss, lax hit
//   []:[2]  not in gold; no first side           strict miss, lax miss
//   [2]:[]  in gold                               strict hit, lax hit
//   [3]:[3] not in gold; gold links 3 to {3}     strict miss, lax hit
//   [4]:[]  not in gold; empty second side       strict miss, lax miss
//   strict P = 2/6, lax P = 4/6.
// Recall, gold without null links against test without null links:
//   [0]:[0] strict hit; [1]:[1,2] lax (test links 1 to 1);
//   [3,4]:[3] lax (test links 3 to 3): strict R = 1/3, lax R = 3/3.
//   strict F = 2 (1/3)(1/3) / (2/3) = 1/3; lax F = 2 (2/3)(1) / (5/3) = 0.8.
constexpr const char* kGold = "[0]:[0]\n[1]:[1,2]\n[2]:[]\n[3,4]:[3]\n";
constexpr const char* kTest = "[0]:[0]\n[1]:[1]\n[]:[2]\n[2]:[]\n[3]:[3]\n[4]:[]\n";

TEST_CASE("scores of a hand-worked document follow the Vecalign rules", "[eval]") {
  const MatchCounts counts = count_matches(links(kGold), links(kTest));
  CHECK(counts.precision.strict_hits == 2);
  CHECK(counts.precision.strict_misses == 4);
  CHECK(counts.precision.lax_hits == 4);
  CHECK(counts.precision.lax_misses == 2);
  CHECK(counts.recall.strict_hits == 1);
  CHECK(counts.recall.lax_hits == 3);
  const Scores scores = compute_scores(counts);
  CHECK(scores.strict_precision == Approx(2.0 / 6));
  CHECK(scores.lax_precision == Approx(4.0 / 6));
  CHECK(scores.strict_recall == Approx(1.0 / 3));
  CHECK(scores.lax_recall == Approx(1.0));
  CHECK(scores.strict_f1 == Approx(1.0 / 3));
  CHECK(scores.lax_f1 == Approx(0.8));
}

TEST_CASE("totals add the counts of all documents", "[eval]") {
  // Second document: gold [0]:[0], test [0]:[0]: one strict hit each way.
  // Total strict P = 3/7, R = 2/4, F = 2 (3/7)(1/2) / (3/7 + 1/2) = 6/13;
  // lax P = 5/7, R = 4/4, F = 2 (5/7) / (12/7) = 10/12.
  MatchCounts total = count_matches(links(kGold), links(kTest));
  total += count_matches(links("[0]:[0]\n"), links("[0]:[0]\n"));
  const Scores scores = compute_scores(total);
  CHECK(scores.strict_precision == Approx(3.0 / 7));
  CHECK(scores.strict_recall == Approx(0.5));
  CHECK(scores.strict_f1 == Approx(6.0 / 13));
  CHECK(scores.lax_f1 == Approx(10.0 / 12));
}

TEST_CASE("a perfect alignment scores 1 and an empty one 0", "[eval]") {
  const Scores perfect = compute_scores(count_matches(links(kGold), links(kGold)));
  CHECK(perfect.strict_f1 == Approx(1.0));
  CHECK(perfect.lax_f1 == Approx(1.0));
  const Scores empty = compute_scores(count_matches(links(kGold), links("")));
  CHECK(empty.strict_f1 == 0.0);
  CHECK(empty.lax_recall == 0.0);
}

}  // namespace
}  // namespace untm
