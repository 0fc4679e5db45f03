#pragma once
// The centre of a block's first band search, placed by the anchors both sides
// share instead of by the lengths alone.
//
// The length diagonal assumes one length ratio for the whole block. Where the
// parts of a document have different ratios (annex tables, lists, documents
// joined), the path drifts away from it, and the first search has to double
// its band, rerunning whole, until the band holds the path. Sentences that
// share a token rare near where the lengths expect it (a number, a symbol, a
// name) pin the path at a few points; between two such points the path
// follows the lengths of that stretch only (hunalign and Moore's aligner seed
// their search from cheap anchors the same way). The band search still checks
// its edge and widens, so a wrong guide costs time, never the path.

#include <cstddef>
#include <span>
#include <vector>

#include "align/anchors.h"

namespace untm {

// A pair of units that anchors suggest are linked: first-side unit `first`
// with second-side unit `second`, with `weight` tokens saying so.
struct AnchorMatch {
  std::size_t first = 0, second = 0;
  double weight = 0;
};

struct AnchorGuideOptions {
  // A token matches when it occurs in exactly one unit on each side within
  // this many second-side units of the length diagonal (at least
  // minimum_window, or this fraction of the second side).
  std::size_t minimum_window = 128;
  double window_fraction = 1.0 / 16;
  // A match further than this (in second-side units) from where its
  // neighbours in the chain place it, by the lengths between them, is
  // dropped as an outlier.
  double tolerance = 8;
};

// The matches that fix the path: mutually unique token matches near the
// length diagonal, the heaviest chain of them increasing on both sides, less
// the outliers; in increasing order.
std::vector<AnchorMatch> anchor_chain(std::span<const double> first_lengths, std::span<const double> second_lengths,
                                      std::span<const SentenceFeatures> first, std::span<const SentenceFeatures> second,
                                      const AnchorGuideOptions& options = {});

// For every first-side position 0..n1, the expected second-side position:
// through the points of anchor_chain(), and between them (and the block's
// corners) the length diagonal of that stretch. Empty when no match
// survives: the length diagonal is then as good a guide.
std::vector<std::size_t> anchor_guide(std::span<const double> first_lengths, std::span<const double> second_lengths,
                                      std::span<const SentenceFeatures> first, std::span<const SentenceFeatures> second,
                                      const AnchorGuideOptions& options = {});

}  // namespace untm
