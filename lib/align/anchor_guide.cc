#include "align/anchor_guide.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

#include "core/length_diagonal.h"

namespace untm {
namespace {

// A token in one unit. Shared tokens and Latin words hash with different
// kind prefixes (anchors.cc), so one key space holds both.
struct Occurrence {
  std::uint64_t token = 0;
  std::size_t unit = 0;
  auto operator<=>(const Occurrence&) const = default;
};

// Every (token, unit) of a side once, by token then unit.
std::vector<Occurrence> occurrences(std::span<const SentenceFeatures> units) {
  std::vector<Occurrence> all;
  for (std::size_t u = 0; u < units.size(); ++u) {
    for (const std::uint64_t token : units[u].shared_tokens) all.push_back({token, u});
    for (const std::uint64_t token : units[u].latin_words) all.push_back({token, u});
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

// The units in [low, high] among `units` (sorted).
std::pair<const std::size_t*, const std::size_t*> units_between(const std::vector<std::size_t>& units, std::size_t low,
                                                               std::size_t high) {
  const auto begin = std::lower_bound(units.begin(), units.end(), low);
  const auto end = std::upper_bound(begin, units.end(), high);
  return {units.data() + (begin - units.begin()), units.data() + (end - units.begin())};
}

// Matches of one token: a first-side unit i and a second-side unit j, each
// the token's only unit on its side within the other's window around the
// length diagonal. A token repeated nearby (an enumerator of every list
// item, a name on every page) says nothing about which unit goes with which.
void match_token(const std::vector<std::size_t>& first_units, const std::vector<std::size_t>& second_units,
                 const std::vector<std::size_t>& diagonal, std::size_t window, std::vector<AnchorMatch>& matches) {
  for (const std::size_t i : first_units) {
    const std::size_t expected = diagonal[i];
    const auto [begin, end] = units_between(second_units, expected > window ? expected - window : 0, expected + window);
    if (end - begin != 1) continue;
    const std::size_t j = *begin;
    // The first-side units whose window holds j: the diagonal is monotone.
    const std::size_t low = std::lower_bound(diagonal.begin(), diagonal.end(), j > window ? j - window : 0) - diagonal.begin();
    const std::size_t high = std::upper_bound(diagonal.begin(), diagonal.end(), j + window) - diagonal.begin();
    const auto [first_begin, first_end] = units_between(first_units, low, high == 0 ? 0 : high - 1);
    if (first_end - first_begin == 1) matches.push_back({i, j, 1.0});
  }
}

// The token matches of the two sides, one per pair of units, weighted by
// how many tokens agree on it.
std::vector<AnchorMatch> token_matches(std::span<const SentenceFeatures> first, std::span<const SentenceFeatures> second,
                                       const std::vector<std::size_t>& diagonal, std::size_t window) {
  const std::vector<Occurrence> first_all = occurrences(first), second_all = occurrences(second);
  std::vector<AnchorMatch> matches;
  std::vector<std::size_t> first_units, second_units;
  auto a = first_all.begin(), b = second_all.begin();
  while (a != first_all.end() && b != second_all.end()) {
    if (a->token < b->token) {
      ++a;
      continue;
    }
    if (b->token < a->token) {
      ++b;
      continue;
    }
    const std::uint64_t token = a->token;
    first_units.clear();
    second_units.clear();
    for (; a != first_all.end() && a->token == token; ++a) first_units.push_back(a->unit);
    for (; b != second_all.end() && b->token == token; ++b) second_units.push_back(b->unit);
    match_token(first_units, second_units, diagonal, window, matches);
  }
  std::sort(matches.begin(), matches.end(), [](const AnchorMatch& x, const AnchorMatch& y) {
    return std::pair(x.first, x.second) < std::pair(y.first, y.second);
  });
  std::vector<AnchorMatch> merged;
  for (const AnchorMatch& match : matches) {
    if (!merged.empty() && merged.back().first == match.first && merged.back().second == match.second) {
      merged.back().weight += match.weight;
    } else {
      merged.push_back(match);
    }
  }
  return merged;
}

// The heaviest chain of matches increasing on both sides (a weighted longest
// increasing subsequence): matches by first-side unit, a Fenwick tree of the
// best chain ending below each second-side unit. `matches` sorted by first.
std::vector<AnchorMatch> heaviest_chain(const std::vector<AnchorMatch>& matches, std::size_t second_size) {
  struct Best {
    double score = 0;
    std::size_t match = SIZE_MAX;
  };
  std::vector<Best> tree(second_size + 1);
  auto best_below = [&tree](std::size_t j) {  // over second-side units < j
    Best best;
    for (; j > 0; j &= j - 1) {
      if (tree[j].score > best.score) best = tree[j];
    }
    return best;
  };
  std::vector<double> score(matches.size());
  std::vector<std::size_t> previous(matches.size(), SIZE_MAX);
  for (std::size_t group = 0; group < matches.size();) {
    std::size_t end = group;
    // Matches of one first-side unit cannot chain with each other: score
    // them all before any enters the tree.
    for (; end < matches.size() && matches[end].first == matches[group].first; ++end) {
      const Best below = best_below(matches[end].second);
      score[end] = below.score + matches[end].weight;
      previous[end] = below.match;
    }
    for (std::size_t k = group; k < end; ++k) {
      for (std::size_t j = matches[k].second + 1; j <= second_size; j += j & (~j + 1)) {
        if (score[k] > tree[j].score) tree[j] = Best{score[k], k};
      }
    }
    group = end;
  }
  std::vector<AnchorMatch> chain;
  if (matches.empty()) return chain;
  for (std::size_t k = static_cast<std::size_t>(std::max_element(score.begin(), score.end()) - score.begin());
       k != SIZE_MAX; k = previous[k]) {
    chain.push_back(matches[k]);
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

// Cumulative lengths: prefix[u] is the length of units before u.
std::vector<double> prefix_sums(std::span<const double> lengths) {
  std::vector<double> prefix(lengths.size() + 1, 0.0);
  for (std::size_t u = 0; u < lengths.size(); ++u) prefix[u + 1] = prefix[u] + lengths[u];
  return prefix;
}

// How far (in second-side units) `point` lies from where the lengths between
// `before` and `after` place its first-side unit.
double residual(const AnchorMatch& before, const AnchorMatch& point, const AnchorMatch& after,
                const std::vector<double>& first_prefix, const std::vector<double>& second_prefix) {
  const double first_span = first_prefix[after.first] - first_prefix[before.first];
  const double second_span = second_prefix[after.second] - second_prefix[before.second];
  double expected = 0;
  if (first_span > 0 && second_span > 0) {
    const double fraction = (first_prefix[point.first] - first_prefix[before.first]) / first_span;
    const double target = second_prefix[before.second] + fraction * second_span;
    // The unit holding `target`, and how far into it.
    const auto end = second_prefix.begin() + static_cast<std::ptrdiff_t>(after.second);
    const auto next = std::upper_bound(second_prefix.begin() + static_cast<std::ptrdiff_t>(before.second), end, target);
    const std::size_t unit = static_cast<std::size_t>(next - second_prefix.begin()) - 1;
    const double unit_length = second_prefix[unit + 1] - second_prefix[unit];
    expected = static_cast<double>(unit) + (unit_length > 0 ? (target - second_prefix[unit]) / unit_length : 0.0);
  } else {
    const double fraction = static_cast<double>(point.first - before.first) / static_cast<double>(after.first - before.first);
    expected = static_cast<double>(before.second) + fraction * static_cast<double>(after.second - before.second);
  }
  return std::abs(static_cast<double>(point.second) - expected);
}

// Drops the matches that disagree with their neighbours, worst first: one
// wrong match pulls its neighbours' residuals too, but less than its own.
// `chain` starts and ends with the block's corners, which stay.
void drop_outliers(std::vector<AnchorMatch>& chain, const std::vector<double>& first_prefix,
                   const std::vector<double>& second_prefix, double tolerance) {
  constexpr int kMaxRounds = 64;
  std::vector<double> residuals;
  for (int round = 0; chain.size() > 2; ++round) {
    residuals.assign(chain.size(), 0.0);
    for (std::size_t k = 1; k + 1 < chain.size(); ++k) {
      residuals[k] = residual(chain[k - 1], chain[k], chain[k + 1], first_prefix, second_prefix);
    }
    // Past the round limit, every match off by more than the tolerance goes.
    const bool last_round = round == kMaxRounds;
    std::vector<AnchorMatch> kept{chain.front()};
    for (std::size_t k = 1; k + 1 < chain.size(); ++k) {
      const bool worst_nearby = residuals[k] >= residuals[k - 1] && residuals[k] >= residuals[k + 1];
      if (!(residuals[k] > tolerance && (worst_nearby || last_round))) kept.push_back(chain[k]);
    }
    kept.push_back(chain.back());
    const bool changed = kept.size() != chain.size();
    chain = std::move(kept);
    if (!changed || last_round) break;
  }
}

}  // namespace

std::vector<AnchorMatch> anchor_chain(std::span<const double> first_lengths, std::span<const double> second_lengths,
                                      std::span<const SentenceFeatures> first, std::span<const SentenceFeatures> second,
                                      const AnchorGuideOptions& options) {
  const std::size_t first_size = first_lengths.size(), second_size = second_lengths.size();
  if (first_size == 0 || second_size == 0 || first.size() != first_size || second.size() != second_size) return {};
  const std::vector<std::size_t> diagonal = length_diagonal(first_lengths, second_lengths);
  const auto window = std::max(options.minimum_window,
                               static_cast<std::size_t>(options.window_fraction * static_cast<double>(second_size)));
  std::vector<AnchorMatch> matches = token_matches(first, second, diagonal, window);
  // A match at a first unit of either side would sit on the corner (0, 0).
  std::erase_if(matches, [](const AnchorMatch& match) { return match.first == 0 || match.second == 0; });
  std::vector<AnchorMatch> chain{AnchorMatch{0, 0, 0}};
  for (const AnchorMatch& match : heaviest_chain(matches, second_size)) chain.push_back(match);
  chain.push_back(AnchorMatch{first_size, second_size, 0});
  drop_outliers(chain, prefix_sums(first_lengths), prefix_sums(second_lengths), options.tolerance);
  return std::vector<AnchorMatch>(chain.begin() + 1, chain.end() - 1);
}

std::vector<std::size_t> anchor_guide(std::span<const double> first_lengths, std::span<const double> second_lengths,
                                      std::span<const SentenceFeatures> first, std::span<const SentenceFeatures> second,
                                      const AnchorGuideOptions& options) {
  std::vector<AnchorMatch> points = anchor_chain(first_lengths, second_lengths, first, second, options);
  if (points.empty()) return {};
  const std::size_t first_size = first_lengths.size(), second_size = second_lengths.size();
  points.insert(points.begin(), AnchorMatch{0, 0, 0});
  points.push_back(AnchorMatch{first_size, second_size, 0});
  std::vector<std::size_t> guide(first_size + 1, second_size);
  for (std::size_t k = 0; k + 1 < points.size(); ++k) {
    const AnchorMatch& from = points[k];
    const AnchorMatch& to = points[k + 1];
    const std::vector<std::size_t> stretch =
        length_diagonal(first_lengths.subspan(from.first, to.first - from.first),
                        second_lengths.subspan(from.second, to.second - from.second));
    for (std::size_t i = 0; i < stretch.size(); ++i) guide[from.first + i] = from.second + stretch[i];
  }
  return guide;
}

}  // namespace untm
