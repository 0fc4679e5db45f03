#include "eval/calibration.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

#include "core/log_odds.h"

namespace untm {

std::vector<JudgedLink> judge_links(std::span<const LinkIndices> gold, std::span<const LinkIndices> test,
                                    std::span<const double> confidences) {
  if (confidences.size() != test.size()) throw std::invalid_argument("judge_links: one confidence per test link");
  const std::set<LinkIndices> reference(gold.begin(), gold.end());
  std::vector<JudgedLink> judged;
  judged.reserve(test.size());
  for (std::size_t k = 0; k < test.size(); ++k) {
    const LinkIndices& link = test[k];
    const bool multi = is_multi_sentence(LinkType{link.first.size(), link.second.size()});
    judged.push_back({confidences[k], reference.contains(link), multi});
  }
  return judged;
}

Reliability reliability(std::span<const JudgedLink> links, std::size_t bin_count) {
  Reliability result;
  result.links = links.size();
  std::vector<double> confidence_sums(bin_count, 0.0);
  std::vector<std::size_t> correct(bin_count, 0);
  result.bins.resize(bin_count);
  for (std::size_t b = 0; b < bin_count; ++b) {
    result.bins[b].low = static_cast<double>(b) / static_cast<double>(bin_count);
    result.bins[b].high = static_cast<double>(b + 1) / static_cast<double>(bin_count);
  }
  for (const JudgedLink& link : links) {
    const double confidence = std::clamp(link.confidence, 0.0, 1.0);
    const auto b = std::min(bin_count - 1, static_cast<std::size_t>(confidence * static_cast<double>(bin_count)));
    ++result.bins[b].count;
    confidence_sums[b] += confidence;
    if (link.correct) ++correct[b];
  }
  for (std::size_t b = 0; b < bin_count; ++b) {
    ReliabilityBin& bin = result.bins[b];
    if (bin.count == 0) continue;
    const auto count = static_cast<double>(bin.count);
    bin.mean_confidence = confidence_sums[b] / count;
    bin.precision = static_cast<double>(correct[b]) / count;
    result.expected_calibration_error +=
        count / static_cast<double>(result.links) * std::abs(bin.precision - bin.mean_confidence);
  }
  return result;
}

double precision_of_most_confident(std::span<const JudgedLink> links, double fraction) {
  const auto kept = static_cast<std::size_t>(std::lround(fraction * static_cast<double>(links.size())));
  if (kept == 0) return 0;
  std::vector<JudgedLink> sorted(links.begin(), links.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const JudgedLink& a, const JudgedLink& b) { return a.confidence > b.confidence; });
  const auto correct = std::count_if(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(kept),
                                     [](const JudgedLink& link) { return link.correct; });
  return static_cast<double>(correct) / static_cast<double>(kept);
}

namespace {

// Newton's method on the log-likelihood of a logistic regression on
// logit(confidence): `free_slope` fits the slope and the intercept (Platt),
// otherwise the slope stays 1 and the intercept and the multi-sentence term
// are fitted. Parameters (a, b) with gradient g and Hessian H.
LogOddsFit fit_logistic(std::span<const JudgedLink> links, bool free_slope) {
  const auto correct = std::count_if(links.begin(), links.end(), [](const JudgedLink& link) { return link.correct; });
  if (correct == 0 || static_cast<std::size_t>(correct) == links.size()) return {};
  LogOddsFit fit;
  for (int iteration = 0; iteration < 100; ++iteration) {
    // A tiny ridge keeps H invertible when no link has the second input.
    double g_a = 0, g_b = 0, h_aa = 1e-9, h_ab = 0, h_bb = 1e-9;
    for (const JudgedLink& link : links) {
      const double x = log_odds(link.confidence), multi = link.multi_sentence ? 1.0 : 0.0;
      const double q = logistic(fit.slope * x + fit.intercept + fit.multi_sentence * multi);
      const double error = q - (link.correct ? 1.0 : 0.0), weight = q * (1 - q);
      const double first = free_slope ? x : 1.0, second = free_slope ? 1.0 : multi;
      g_a += error * first;
      g_b += error * second;
      h_aa += weight * first * first;
      h_ab += weight * first * second;
      h_bb += weight * second * second;
    }
    const double determinant = h_aa * h_bb - h_ab * h_ab;
    if (!(determinant > 0)) break;
    const double step_a = (h_bb * g_a - h_ab * g_b) / determinant;
    const double step_b = (h_aa * g_b - h_ab * g_a) / determinant;
    (free_slope ? fit.slope : fit.intercept) -= step_a;
    (free_slope ? fit.intercept : fit.multi_sentence) -= step_b;
    if (std::abs(step_a) + std::abs(step_b) < 1e-12) break;
  }
  return fit;
}

}  // namespace

LogOddsFit fit_log_odds(std::span<const JudgedLink> links) { return fit_logistic(links, true); }

LogOddsFit fit_log_odds_shift(std::span<const JudgedLink> links) { return fit_logistic(links, false); }

std::vector<JudgedLink> apply_log_odds(std::span<const JudgedLink> links, const LogOddsFit& fit) {
  std::vector<JudgedLink> mapped(links.begin(), links.end());
  for (JudgedLink& link : mapped) {
    link.confidence = logistic(fit.slope * log_odds(link.confidence) + fit.intercept +
                               (link.multi_sentence ? fit.multi_sentence : 0.0));
  }
  return mapped;
}

}  // namespace untm
