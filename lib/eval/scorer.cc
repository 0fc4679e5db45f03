#include "eval/scorer.h"

#include <set>
#include <unordered_map>
#include <unordered_set>

namespace untm {
namespace {

// Counts how many `candidates` are found in `reference`, strictly and laxly
// (Vecalign's _precision()). Links empty on both sides are ignored, and
// duplicates count once.
HitCounts count_hits(std::span<const LinkIndices> reference,
                     std::span<const LinkIndices> candidates) {
  std::set<LinkIndices> reference_set;
  std::unordered_map<std::size_t, std::unordered_set<std::size_t>> linked_second;
  for (const LinkIndices& link : reference) {
    if (link.first.empty() && link.second.empty()) continue;
    reference_set.insert(link);
    for (std::size_t first : link.first) linked_second[first].insert(link.second.begin(), link.second.end());
  }
  std::set<LinkIndices> candidate_set;
  for (const LinkIndices& link : candidates) {
    if (!link.first.empty() || !link.second.empty()) candidate_set.insert(link);
  }
  HitCounts counts;
  for (const LinkIndices& link : candidate_set) {
    if (reference_set.contains(link)) {
      ++counts.strict_hits;
      ++counts.lax_hits;
      continue;
    }
    ++counts.strict_misses;
    bool overlaps = false;
    for (std::size_t first : link.first) {
      const auto found = linked_second.find(first);
      if (found == linked_second.end()) continue;
      for (std::size_t second : link.second) overlaps = overlaps || found->second.contains(second);
    }
    if (overlaps) {
      ++counts.lax_hits;
    } else {
      ++counts.lax_misses;
    }
  }
  return counts;
}

std::vector<LinkIndices> without_null_links(std::span<const LinkIndices> links) {
  std::vector<LinkIndices> kept;
  for (const LinkIndices& link : links) {
    if (!link.first.empty() && !link.second.empty()) kept.push_back(link);
  }
  return kept;
}

double ratio(std::size_t hits, std::size_t misses) {
  return hits + misses == 0 ? 0.0 : static_cast<double>(hits) / static_cast<double>(hits + misses);
}

double harmonic_mean(double precision, double recall) {
  return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
}

}  // namespace

HitCounts& HitCounts::operator+=(const HitCounts& other) {
  strict_hits += other.strict_hits;
  strict_misses += other.strict_misses;
  lax_hits += other.lax_hits;
  lax_misses += other.lax_misses;
  return *this;
}

MatchCounts& MatchCounts::operator+=(const MatchCounts& other) {
  precision += other.precision;
  recall += other.recall;
  return *this;
}

MatchCounts count_matches(std::span<const LinkIndices> gold, std::span<const LinkIndices> test) {
  MatchCounts counts;
  counts.precision = count_hits(gold, test);
  counts.recall = count_hits(without_null_links(test), without_null_links(gold));
  return counts;
}

Scores compute_scores(const MatchCounts& counts) {
  Scores scores;
  scores.strict_precision = ratio(counts.precision.strict_hits, counts.precision.strict_misses);
  scores.lax_precision = ratio(counts.precision.lax_hits, counts.precision.lax_misses);
  scores.strict_recall = ratio(counts.recall.strict_hits, counts.recall.strict_misses);
  scores.lax_recall = ratio(counts.recall.lax_hits, counts.recall.lax_misses);
  scores.strict_f1 = harmonic_mean(scores.strict_precision, scores.strict_recall);
  scores.lax_f1 = harmonic_mean(scores.lax_precision, scores.lax_recall);
  return scores;
}

}  // namespace untm
