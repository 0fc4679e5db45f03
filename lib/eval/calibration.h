#pragma once
// Does a confidence mean what it says? Test links with their confidences are
// judged against gold (strict: the identical link is in the reference, the
// rule of scorer.h's strict precision), then:
//  - the reliability table: links in 10 bins of confidence, each bin's count,
//    mean confidence and precision (DeGroot & Fienberg 1983);
//  - the expected calibration error, ECE = sum over bins of
//    count / total * |precision - mean confidence| (Naeini et al. 2015);
//  - the precision of the most confident share of the links, the figure a
//    user who keeps only those links gets;
//  - fits of confidence to correctness on the log-odds, to calibrate a
//    model's confidences on gold: Platt scaling (Platt 1999), and the shift
//    with a multi-sentence term that untm ships.

#include <cstddef>
#include <span>
#include <vector>

#include "core/link.h"

namespace untm {

struct JudgedLink {
  double confidence = 0;
  bool correct = false;
  bool multi_sentence = false;  // several sentences on a side, none on neither (is_multi_sentence)
};

// One JudgedLink per test link, in order; `confidences` holds one per test
// link. A test link is correct when the identical link is in `gold`.
std::vector<JudgedLink> judge_links(std::span<const LinkIndices> gold, std::span<const LinkIndices> test,
                                    std::span<const double> confidences);

struct ReliabilityBin {
  double low = 0, high = 0;  // confidences in [low, high); the last bin holds 1 too
  std::size_t count = 0;
  double mean_confidence = 0;  // 0 for an empty bin
  double precision = 0;        // 0 for an empty bin
};

struct Reliability {
  std::vector<ReliabilityBin> bins;
  std::size_t links = 0;
  double expected_calibration_error = 0;
};

// `bin_count` equal-width bins over [0, 1].
Reliability reliability(std::span<const JudgedLink> links, std::size_t bin_count = 10);

// Precision of the round(fraction * n) most confident links (ties keep the
// given order); 0 when that is no link.
double precision_of_most_confident(std::span<const JudgedLink> links, double fraction);

// confidence' = sigmoid(slope * logit(confidence) + intercept
//                       + multi_sentence * [the link is multi-sentence]).
struct LogOddsFit {
  double slope = 1;
  double intercept = 0;
  double multi_sentence = 0;
};
// Platt scaling: slope and intercept fitted by maximum likelihood (Newton's
// method), no multi-sentence term. The identity when the links are all right
// or all wrong: nothing to fit.
LogOddsFit fit_log_odds(std::span<const JudgedLink> links);
// The slope kept at 1 (the model's own scale), the intercept and the
// multi-sentence term fitted: what untm ships (align/calibration.h). Its two
// shifts are estimated from the base rates of 1-1 and multi-sentence links,
// which a set with few wrong links still pins down, where Platt's slope is not.
LogOddsFit fit_log_odds_shift(std::span<const JudgedLink> links);

// The links with their confidences mapped by `fit`.
std::vector<JudgedLink> apply_log_odds(std::span<const JudgedLink> links, const LogOddsFit& fit);

}  // namespace untm
