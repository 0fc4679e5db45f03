#pragma once
// Anchors: evidence for a link that both languages share without translation.
// URLs, numbers (Arabic digits on either side, Chinese numerals converted: 十八 = 18,
// 二〇一二 = 2012, English month names = their number), paragraph enumerators
// such as `(a)`, Latin-script words in Chinese text (names, acronyms,
// document symbols), quotation marks opening or closing a sentence, and a
// final question or exclamation mark. Also the number of clause marks
// (，；：) inside a Chinese sentence, which bounds how many English sentences
// it usually becomes.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace untm {

struct SentenceFeatures {
  // Hashed tokens that a translation normally keeps as they are: numbers,
  // enumerators and URLs. Sorted; a token may repeat.
  std::vector<std::uint64_t> shared_tokens;
  // Hashed Latin-script words. In Chinese text they are names, acronyms and
  // symbols the English keeps; in English text only capitalised words are
  // kept, since only those can match. Sorted; may repeat.
  std::vector<std::uint64_t> latin_words;
  bool opens_with_quote = false;
  bool closes_with_quote = false;
  bool ends_with_question = false;
  bool ends_with_exclamation = false;
  // Chinese ，；： before the last character.
  std::uint16_t clause_marks = 0;

  // Whether any token or boundary mark is present (links between sentences
  // without any cost the same and are priced without looking further).
  bool has_anchors() const {
    return !shared_tokens.empty() || !latin_words.empty() || opens_with_quote || closes_with_quote ||
           ends_with_question || ends_with_exclamation;
  }
};

SentenceFeatures extract_features(std::string_view sentence, Language language);

// The boundary marks compared at a link's ends: a quote opening the first
// sentence, a quote closing the last, a final ? and a final !.
enum class Boundary { opening_quote, closing_quote, question, exclamation };
constexpr std::size_t kBoundaryCount = 4;
bool has_boundary(const SentenceFeatures& features, Boundary boundary);

// Cost of each combination of a boundary mark being present on the first
// side (first index) and on the second side (second index).
using BoundaryCosts = std::array<std::array<double, 2>, 2>;

// How much each kind of anchor moves a link's cost, in nats.
struct AnchorWeights {
  double shared_token_match = 2.0;     // bonus per number or enumerator on both sides
  double shared_token_mismatch = 0.5;  // per number or enumerator on one side only
  double latin_word_match = 1.0;       // bonus per Latin-script word on both sides
  double boundary_match = 0.5;         // bonus per agreeing quote / ? / ! at the link's ends
  double boundary_mismatch = 1.5;      // per quote / ? / ! at an end on one side only
  // Per boundary mark: when set, replaces boundary_match/boundary_mismatch
  // (the aligner estimates these on the document: see estimate_boundary_costs).
  std::array<std::optional<BoundaryCosts>, kBoundaryCount> boundary_costs;
  // Cost when a Chinese group of n sentences with k clause marks inside
  // becomes more than n + k English sentences.
  double clause_excess = 4.0;
};

// The anchor cost of linking `first` (consecutive sentences, or units made of
// them) with `second`. `scratch` is working memory reused across calls.
struct AnchorScratch {
  std::vector<std::uint64_t> first_tokens, second_tokens;
};
// anchor_cost() of a link between units none of which has_anchors().
double anchor_cost_without_anchors(const AnchorWeights& weights);

double anchor_cost(std::span<const SentenceFeatures> first, std::span<const SentenceFeatures> second,
                   const AnchorWeights& weights, AnchorScratch& scratch);

// The boundary costs of AnchorWeights looked up once: [boundary][mark on the
// first side][mark on the second side].
using BoundaryTable = std::array<BoundaryCosts, kBoundaryCount>;
BoundaryTable boundary_table(const AnchorWeights& weights);

// anchor_cost() for a caller that knows a unit of the link has anchors (or a
// side is empty) and has `boundaries` = boundary_table(weights): the aligner
// prices millions of candidate links with the same weights.
double anchored_link_cost(std::span<const SentenceFeatures> first, std::span<const SentenceFeatures> second,
                          const AnchorWeights& weights, const BoundaryTable& boundaries, AnchorScratch& scratch);

// The clause constraint: `chinese` is the Chinese side of a link, and
// `other_count` the number of sentences on the other side.
double clause_cost(std::span<const SentenceFeatures> chinese, std::size_t other_count,
                   const AnchorWeights& weights);

// Boundary costs learnt from the links of an alignment pass: for each
// combination (x, y) of mark absent/present on the two sides,
//   cost = -log( P(x, y | linked) / (P(x) P(y)) ),
// the log-likelihood ratio of linked against unrelated sentences, with add-one
// smoothing and clipped to +-limit. A document whose English never marks
// dialogue with quotes thus learns that a Chinese quote says little.
// `pairs` holds (first-side features, second-side features) of the links'
// boundary units.
BoundaryCosts estimate_boundary_costs(std::span<const std::pair<const SentenceFeatures*, const SentenceFeatures*>> starts,
                                      std::span<const std::pair<const SentenceFeatures*, const SentenceFeatures*>> ends,
                                      Boundary boundary, double limit);

// Features of a unit made of consecutive sentences (a paragraph): tokens of
// all, the start of the first, the end of the last, clause marks summed.
SentenceFeatures merge_features(std::span<const SentenceFeatures> sentences);

}  // namespace untm
