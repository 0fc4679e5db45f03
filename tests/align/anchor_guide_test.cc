#include <catch2/catch.hpp>

#include <cstdlib>
#include <random>

#include "align/anchor_guide.h"
#include "align/band_search.h"
#include "align/length_model.h"

namespace untm {
namespace {

// Prices links by the length model at a ratio that changes along the text:
// the second side of the first `split` first-side units is `early` times as
// long, the rest `late` times.
class TwoRatioCosts final : public LinkCostFunction {
 public:
  TwoRatioCosts(const std::vector<double>& first, const std::vector<double>& second, std::size_t split, double early,
                double late)
      : first_(first), second_(second), split_(split), early_(early), late_(late) {}
  double cost(std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
              std::size_t second_count) override {
    double first_length = 0, second_length = 0;
    for (std::size_t k = 0; k < first_count; ++k) first_length += first_[first_begin + k];
    for (std::size_t k = 0; k < second_count; ++k) second_length += second_[second_begin + k];
    const LengthModel model{first_begin < split_ ? early_ : late_, 1.0};
    return model.cost(first_length, second_length) + (first_count == 1 && second_count == 1 ? 0.0 : 2.0);
  }

 private:
  const std::vector<double>& first_;
  const std::vector<double>& second_;
  std::size_t split_;
  double early_, late_;
};

const LinkType kTypes[] = {{0, 1}, {1, 0}, {1, 1}, {1, 2}, {2, 1}};

// 600 one-to-one units: the second side 4x as long for the first 300, 1.5x
// for the rest, so the true path (j = i) runs up to about 90 units off the
// length diagonal. Every 12th unit carries a number both sides share, but
// for a gap between units 100 and 200.
struct TwoPartText {
  std::vector<double> first, second;
  std::vector<SentenceFeatures> first_features, second_features;
  static constexpr std::size_t kSize = 600, kSplit = 300;
  TwoPartText() {
    std::mt19937 random(11);
    std::uniform_int_distribution<int> length(5, 60);
    first_features.resize(kSize);
    second_features.resize(kSize);
    for (std::size_t i = 0; i < kSize; ++i) {
      first.push_back(length(random));
      second.push_back(first.back() * (i < kSplit ? 4.0 : 1.5) + static_cast<double>(i % 3));
      if (i % 12 == 5 && (i < 100 || i > 200)) {
        first_features[i].shared_tokens.push_back(1000 + i);
        second_features[i].shared_tokens.push_back(1000 + i);
      }
      // An enumerator on every 4th unit: too frequent to say which is which.
      if (i % 4 == 0) {
        first_features[i].shared_tokens.insert(first_features[i].shared_tokens.begin(), 7);
        second_features[i].shared_tokens.insert(second_features[i].shared_tokens.begin(), 7);
      }
    }
  }
};

TEST_CASE("the anchor guide follows a text whose parts have different length ratios", "[align]") {
  TwoPartText text;
  // A wrong match in the gap: a token on first-side unit 150 and second-side
  // unit 175 only, inside the window and in order with the others, but 25
  // units off the path.
  text.first_features[150].shared_tokens.push_back(99);
  text.second_features[175].shared_tokens.push_back(99);
  const std::vector<AnchorMatch> chain =
      anchor_chain(text.first, text.second, text.first_features, text.second_features);
  CHECK(chain.size() >= 35);
  for (const AnchorMatch& match : chain) CHECK(match.first == match.second);
  const std::vector<std::size_t> guide = anchor_guide(text.first, text.second, text.first_features, text.second_features);
  REQUIRE(guide.size() == TwoPartText::kSize + 1);
  std::size_t furthest = 0;
  for (std::size_t i = 0; i < guide.size(); ++i) {
    furthest = std::max<std::size_t>(furthest, static_cast<std::size_t>(std::abs(static_cast<long>(guide[i]) - static_cast<long>(i))));
  }
  CHECK(furthest <= 4);

  // Guided, one search at half-width 8 holds the path; around the length
  // diagonal the band has to double.
  TwoRatioCosts costs(text.first, text.second, TwoPartText::kSplit, 4.0, 1.5);
  BandSearchOptions options;
  options.initial_half_width = 8;
  options.full_search_cells = 0;
  BandSearchStatistics guided, unguided;
  const std::vector<Link> path = band_search(text.first, text.second, kTypes, costs, options, &guided, guide);
  const std::vector<Link> reference = band_search(text.first, text.second, kTypes, costs, options, &unguided);
  CHECK(guided.searches == 1);
  CHECK(unguided.searches > 1);
  REQUIRE(path.size() == reference.size());
  for (std::size_t k = 0; k < path.size(); ++k) {
    CHECK(path[k].first == reference[k].first);
    CHECK(path[k].second == reference[k].second);
  }
}

TEST_CASE("without matches the anchor guide leaves the length diagonal", "[align]") {
  TwoPartText text;
  for (auto& features : text.second_features) features.shared_tokens.clear();
  CHECK(anchor_guide(text.first, text.second, text.first_features, text.second_features).empty());
  // Tokens repeated nearby on both sides match nothing.
  for (std::size_t i = 0; i < TwoPartText::kSize; i += 3) text.second_features[i].shared_tokens.push_back(7);
  for (auto& features : text.first_features) std::erase_if(features.shared_tokens, [](auto t) { return t != 7; });
  CHECK(anchor_chain(text.first, text.second, text.first_features, text.second_features).empty());
}

}  // namespace
}  // namespace untm
