#pragma once
// Strict and lax precision, recall and F1 of test links against gold links,
// with the rules of the Vecalign (Thompson & Koehn 2019) and Bertalign
// evaluations, so that figures compare with published ones:
//  - precision is counted over all test links, null links included;
//    recall over the gold links that are not null (recall is precision with
//    gold and test swapped, null links removed from both);
//  - a link is a strict hit when the identical link is in the reference;
//  - a link that is not a strict hit is a lax hit when one of its first-side
//    sentences is linked in the reference to one of its second-side sentences;
//  - totals add the counts of all documents (micro average).

#include <cstddef>
#include <span>

#include "core/link.h"

namespace untm {

struct HitCounts {
  std::size_t strict_hits = 0;
  std::size_t strict_misses = 0;
  std::size_t lax_hits = 0;
  std::size_t lax_misses = 0;
  HitCounts& operator+=(const HitCounts& other);
};

// The counts behind precision (test links checked against gold) and recall
// (gold links checked against test) for one document or a sum of documents.
struct MatchCounts {
  HitCounts precision;
  HitCounts recall;
  MatchCounts& operator+=(const MatchCounts& other);
};

struct Scores {
  double strict_precision = 0, strict_recall = 0, strict_f1 = 0;
  double lax_precision = 0, lax_recall = 0, lax_f1 = 0;
};

MatchCounts count_matches(std::span<const LinkIndices> gold, std::span<const LinkIndices> test);

// Ratios of the counts; 0 where a denominator is 0.
Scores compute_scores(const MatchCounts& counts);

}  // namespace untm
