#include "align/aligner.h"
#include "align/anchor_guide.h"
#include "align/block_costs.h"
#include "align/posterior.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <limits>
#include <cmath>
#include <stdexcept>

namespace untm {
namespace {

using detail::Block;
using detail::BlockCosts;
using detail::Units;

// Learnt boundary costs stay within +-3 nats, about the prior cost of a
// 1-2 link: a quote alone should not outweigh the lengths.
constexpr double kBoundaryCostLimit = 3.0;

// The links of one block in block-local indices, and the guide of the next
// pass. The posterior pass runs on the final pass only: EM counts link types
// on the path and has no use for probabilities.
std::vector<Link> align_block(BlockCosts& costs, const Block& block, std::span<const double> first_lengths,
                              std::span<const double> second_lengths, const AlignmentModel& model,
                              const AlignOptions& options, bool final_pass, bool first_search, bool with_evidence,
                              std::vector<std::size_t>& guide) {
  BandSearchStatistics statistics;
  BandSearchOptions band_options = options.band;
  // A search with evidence terms after the first follows an earlier path,
  // not a guess (BandSearchOptions::guided_half_width), and never starts
  // wider than the first.
  if (!first_search && with_evidence)
    band_options.initial_half_width = std::min(options.band.guided_half_width, options.band.initial_half_width);
  // The first search has only a guess of the path, and an EM pass the path
  // of a model still being estimated: their bands follow the search's
  // frontier. The final pass keeps the fixed band around the path before,
  // the lattice its posteriors sum over.
  band_options.follow_frontier = first_search || !final_pass;
  const bool posterior_pass = final_pass && options.confidence == AlignOptions::Confidence::posterior;
  // An EM pass also keeps the band around the path before: the front may
  // stray where that path did not, and a band that holds both touches its
  // edge only where both would (without anchors, 24 -> 48 -> 96 otherwise).
  band_options.keep_guide_band = !first_search && !final_pass;
  if (posterior_pass) band_options.recorded_costs_limit = kCostCacheEntries;
  std::vector<Link> path =
      band_search(first_lengths, second_lengths, model.types, costs, band_options, &statistics, guide);
  // Later passes search around this path: it moves little between passes.
  guide = guide_from_path(path, first_lengths.size(), second_lengths.size());
  if (!posterior_pass) {
    for (Link& step : path) {
      step.confidence = std::min(
          1.0, std::exp(-costs.evidence_cost(step.first.begin, step.first.size(), step.second.begin, step.second.size())));
    }
    return path;
  }
  LatticePosteriors posteriors =
      lattice_posteriors(statistics.band, model.types, costs, path, options.posterior_decoding, 1.0, statistics.costs);
  if (options.posterior_decoding) {
    path = std::move(posteriors.expected_best_path);
  } else {
    for (std::size_t k = 0; k < path.size(); ++k) path[k].confidence = posteriors.path_posteriors[k];
  }
  for (Link& step : path) step.confidence *= block.posterior;
  return path;
}

// Whether band_search searches a block of this size whole from the start.
bool searched_whole(std::size_t first_size, std::size_t second_size, const BandSearchOptions& band) {
  return 2 * std::max<std::size_t>(band.initial_half_width, 1) + 1 >= second_size + 1 ||
         (first_size + 1) * (second_size + 1) <= band.full_search_cells;
}

// Aligns every block with `model`; links in document unit indices.
std::vector<Link> align_blocks(const Units& first, const Units& second, std::span<const Block> blocks,
                               const AlignmentModel& model, const std::vector<std::unique_ptr<LinkEvidence>>& evidence,
                               const AlignOptions& options, bool clause_constraint,
                               std::vector<std::size_t>* type_counts,
                               std::vector<std::vector<std::size_t>>& guides) {
  std::vector<Link> links;
  if (type_counts != nullptr) type_counts->assign(model.types.size(), 0);
  guides.resize(blocks.size());
  for (std::size_t block_index = 0; block_index < blocks.size(); ++block_index) {
    const Block& block = blocks[block_index];
    BlockCosts costs(first, second, block, model, evidence, options, clause_constraint);
    const std::span<const double> first_lengths(first.lengths.data() + block.first_begin,
                                                block.first_end - block.first_begin);
    const std::span<const double> second_lengths(second.lengths.data() + block.second_begin,
                                                 block.second_end - block.second_begin);
    std::vector<std::size_t>& guide = guides[block_index];
    const bool first_search = guide.empty();
    if (first_search && options.use_anchors && !searched_whole(first_lengths.size(), second_lengths.size(), options.band)) {
      // No earlier path to follow yet: the anchors place the first band.
      guide = anchor_guide(first_lengths, second_lengths,
                           std::span(first.features.data() + block.first_begin, first_lengths.size()),
                           std::span(second.features.data() + block.second_begin, second_lengths.size()));
    }
    // The EM passes count link types; the final pass does not.
    const bool final_pass = type_counts == nullptr;
    for (Link link : align_block(costs, block, first_lengths, second_lengths, model, options, final_pass, first_search,
                                 !evidence.empty(), guide)) {
      link.first = {block.first_begin + link.first.begin, block.first_begin + link.first.end};
      link.second = {block.second_begin + link.second.begin, block.second_begin + link.second.end};
      links.push_back(link);
      if (type_counts != nullptr) {
        const auto searched = std::find(model.types.begin(), model.types.end(), link.type());
        ++(*type_counts)[static_cast<std::size_t>(searched - model.types.begin())];
      }
    }
  }
  return links;
}

// Maps posteriors to calibrated confidences (AlignOptions::Confidence).
void calibrate(std::vector<Link>& links, const AlignOptions& options) {
  if (options.confidence != AlignOptions::Confidence::posterior) return;
  for (Link& link : links) link.confidence = options.calibration(link.confidence, link.type());
}

// Re-estimates s2 from the 1-1 links of a pass: the mean of
// (l2/c - l1)^2 / ((l1 + l2/c) / 2), the maximum-likelihood variance of the
// length model, inflated.
double estimate_variance(const Units& first, const Units& second, std::span<const Link> links,
                         const LengthModel& length, double inflation, double fallback) {
  double sum = 0;
  std::size_t count = 0;
  for (const Link& link : links) {
    if (link.type() != LinkType{1, 1}) continue;
    const double first_length = first.lengths[link.first.begin];
    const double second_length = second.lengths[link.second.begin] / length.ratio;
    const double mean = (first_length + second_length) / 2;
    if (mean <= 0) continue;
    sum += (second_length - first_length) * (second_length - first_length) / mean;
    ++count;
  }
  // Too few links say little about the variance.
  if (count < 5 || sum <= 0) return fallback;
  return inflation * sum / static_cast<double>(count);
}

// Learns the boundary-mark costs from the 1-1 ... n-m links of a pass (see
// estimate_boundary_costs).
void estimate_boundary_weights(const Units& first, const Units& second, std::span<const Link> links,
                               AnchorWeights& weights) {
  std::vector<std::pair<const SentenceFeatures*, const SentenceFeatures*>> starts, ends;
  for (const Link& link : links) {
    if (link.first.empty() || link.second.empty()) continue;
    starts.emplace_back(&first.features[link.first.begin], &second.features[link.second.begin]);
    ends.emplace_back(&first.features[link.first.end - 1], &second.features[link.second.end - 1]);
  }
  // Too few links say little.
  if (starts.size() < 10) return;
  for (std::size_t k = 0; k < kBoundaryCount; ++k) {
    weights.boundary_costs[k] = estimate_boundary_costs(starts, ends, static_cast<Boundary>(k), kBoundaryCostLimit);
  }
}

// The M step of the EM: link-type priors, length variance and boundary costs
// from the links of a pass.
void reestimate(const Units& first, const Units& second, std::span<const Link> links,
                std::span<const std::size_t> counts, std::span<const double> base_priors, AlignOptions& options,
                AlignmentModel& model) {
  if (!options.fixed_priors) {
    model.priors = estimate_link_priors(model.types, counts, base_priors, options.prior_smoothing);
  }
  model.length.variance =
      estimate_variance(first, second, links, model.length, options.variance_inflation, model.length.variance);
  if (options.use_anchors && options.learn_boundary_costs) {
    estimate_boundary_weights(first, second, links, options.anchor_weights);
  }
}

// Whether `links` run through the units of both sides whole, in order.
bool covers(std::span<const Link> links, std::size_t first_size, std::size_t second_size) {
  std::size_t first_at = 0, second_at = 0;
  for (const Link& link : links) {
    if (link.first.begin != first_at || link.second.begin != second_at) return false;
    first_at = link.first.end;
    second_at = link.second.end;
  }
  return !links.empty() && first_at == first_size && second_at == second_size;
}

// The guides of the first search from an earlier alignment of the whole
// text: each block's share of its path, held inside the block.
std::vector<std::vector<std::size_t>> block_guides(std::span<const Link> links, std::span<const Block> blocks,
                                                   std::size_t first_size, std::size_t second_size) {
  const std::vector<std::size_t> whole = guide_from_path(links, first_size, second_size);
  std::vector<std::vector<std::size_t>> guides(blocks.size());
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const Block& block = blocks[b];
    for (std::size_t i = block.first_begin; i <= block.first_end; ++i) {
      guides[b].push_back(std::clamp(whole[i], block.second_begin, block.second_end) - block.second_begin);
    }
  }
  return guides;
}

// The link-type counts of `links` (types outside `types` are not counted).
std::vector<std::size_t> type_counts(std::span<const Link> links, std::span<const LinkType> types) {
  std::vector<std::size_t> counts(types.size(), 0);
  for (const Link& link : links) {
    const auto found = std::find(types.begin(), types.end(), link.type());
    if (found != types.end()) ++counts[static_cast<std::size_t>(found - types.begin())];
  }
  return counts;
}

// The model of the first pass: initial or given priors, the text's own
// length ratio, Gale & Church's variance.
AlignmentModel initial_model(const Units& first, const Units& second, const AlignOptions& options) {
  AlignmentModel model;
  const std::span<const LinkType> types = default_link_types();
  model.types.assign(types.begin(), types.end());
  model.priors = options.fixed_priors.value_or(initial_link_priors(types));
  if (model.priors.size() != types.size()) throw std::invalid_argument("fixed_priors: one prior per link type");
  double first_total = 0, second_total = 0;
  for (double length : first.lengths) first_total += length;
  for (double length : second.lengths) second_total += length;
  // c: the document's own length ratio (Gale & Church fixed it at 1 for
  // European pairs; between Chinese and English it is far from 1).
  model.length.ratio = first_total > 0 && second_total > 0 ? second_total / first_total : 1.0;
  // Gale & Church's s2 = 6.8 is per English character; per first-side unit it
  // scales by the ratio. A start only: EM replaces it.
  model.length.variance = 6.8 / std::max(model.length.ratio, 1.0) * options.variance_inflation;
  return model;
}

// Whether align_units places the band of its first evidence search with a
// search on lengths and anchors alone: the evidence terms are the dearest
// part of a search, and a first search that follows its frontier from the
// anchor guide widens and searches again (24 -> 48 on the K=7 block), paying
// them twice. The placed path is then searched around in a fixed band
// (BandSearchOptions::guided_half_width), as a final pass does around the
// path before, widened until the path keeps off its edges (`--no-learn`
// with a dictionary: a fifth less time, same links). Blocks searched whole
// have no band: a placed band saves them nothing.
bool place_band_first(std::span<const Block> blocks, const std::vector<std::unique_ptr<LinkEvidence>>& evidence,
                      const AlignOptions& options) {
  return !evidence.empty() &&
         !std::all_of(blocks.begin(), blocks.end(), [&options](const Block& block) {
           return searched_whole(block.first_end - block.first_begin, block.second_end - block.second_begin,
                                 options.band);
         });
}

// Tells the evidence terms where the path is expected (LinkEvidence::
// expect_path): `links`, a path through the units of both sides whole, in
// the documents' sentence indices.
void expect_path(const Units& first, const Units& second, std::span<const Link> links,
                 const std::vector<std::unique_ptr<LinkEvidence>>& evidence) {
  const std::vector<std::size_t> units = guide_from_path(links, first.size(), second.size());
  std::vector<std::size_t> sentences(first.sentence_begin.back() + 1, second.sentence_begin.back());
  for (std::size_t unit = 0; unit < first.size(); ++unit) {
    for (std::size_t sentence = first.sentence_begin[unit]; sentence < first.sentence_begin[unit + 1]; ++sentence) {
      sentences[sentence] = second.sentence_begin[units[unit]];
    }
  }
  for (const auto& term : evidence) term->expect_path(sentences);
}

// Hard EM over link-type priors and length variance, then the final pass.
// `initial_links` (AlignOptions::initial_links), when they fit, or else a
// search on lengths and anchors (place_band_first), place the band of the
// first search.
std::vector<Link> align_units(const Units& first, const Units& second, std::span<const Block> blocks,
                              const std::vector<std::unique_ptr<LinkEvidence>>& evidence,
                              const AlignOptions& given_options, bool clause_constraint, AlignmentModel* model_out,
                              std::span<const Link> initial_links = {}) {
  AlignOptions options = given_options;
  AlignmentModel model = initial_model(first, second, options);
  const std::vector<double> base_priors = initial_link_priors(model.types);
  std::vector<std::size_t> counts;
  std::vector<Link> links;
  std::vector<std::vector<std::size_t>> guides;
  std::size_t iteration = 0;
  // The path the first evidence search is placed around, if any.
  std::span<const Link> placed;
  std::vector<Link> placing_links;
  if (covers(initial_links, first.size(), second.size())) {
    guides = block_guides(initial_links, blocks, first.size(), second.size());
    placed = initial_links;
  } else if (place_band_first(blocks, evidence, options)) {
    const std::vector<std::unique_ptr<LinkEvidence>> no_evidence;
    placing_links = align_blocks(first, second, blocks, model, no_evidence, options, clause_constraint, &counts, guides);
    placed = placing_links;
  }
  if (!placed.empty()) expect_path(first, second, placed, evidence);
  if (!placed.empty() && options.em_iterations > 0) {
    // An earlier alignment is a path, not a guess: the first EM pass
    // searches a fixed band around it, as a final pass does around the
    // path before (a band following the frontier widens 24 -> 48 on the
    // K=7 block; this one stays at guided_half_width), with no posteriors.
    AlignOptions around_path = options;
    around_path.confidence = AlignOptions::Confidence::evidence;
    links = align_blocks(first, second, blocks, model, evidence, around_path, clause_constraint, nullptr, guides);
    reestimate(first, second, links, type_counts(links, model.types), base_priors, options, model);
    iteration = 1;
  }
  for (; iteration < options.em_iterations; ++iteration) {
    links = align_blocks(first, second, blocks, model, evidence, options, clause_constraint, &counts, guides);
    reestimate(first, second, links, counts, base_priors, options, model);
  }
  links = align_blocks(first, second, blocks, model, evidence, options, clause_constraint, nullptr, guides);
  if (model_out != nullptr) *model_out = model;
  return links;
}

std::vector<std::unique_ptr<LinkEvidence>> make_evidence(std::span<const std::string> first,
                                                         std::span<const std::string> second,
                                                         const AlignOptions& options) {
  std::vector<std::unique_ptr<LinkEvidence>> evidence;
  for (const auto& factory : options.evidence) evidence.push_back(factory->make(first, second));
  return evidence;
}

// A term lent to a list of owned ones (for_groups gave no group term).
class LentEvidence final : public LinkEvidence {
 public:
  explicit LentEvidence(LinkEvidence& term) : term_(term) {}
  std::string_view name() const override { return term_.name(); }
  double cost(std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
              std::size_t second_count) const override {
    return term_.cost(first_begin, first_count, second_begin, second_count);
  }
  void expect_path(std::span<const std::size_t> second_at_first) override { term_.expect_path(second_at_first); }

 private:
  LinkEvidence& term_;
};

// The evidence terms of the paragraph stage (LinkEvidence::for_groups).
std::vector<std::unique_ptr<LinkEvidence>> group_evidence(const std::vector<std::unique_ptr<LinkEvidence>>& evidence,
                                                          const Units& first, const Units& second) {
  std::vector<std::unique_ptr<LinkEvidence>> grouped;
  for (const auto& term : evidence) {
    std::unique_ptr<LinkEvidence> group_term = term->for_groups(first.sentence_begin, second.sentence_begin);
    grouped.push_back(group_term != nullptr ? std::move(group_term) : std::make_unique<LentEvidence>(*term));
  }
  return grouped;
}

// The path through the sentences of both sides whole that one search on
// lengths and anchors finds (path_search_options), if its band holds at
// most `cell_budget` cells; none otherwise. A band that keeps meeting its
// edge (thousands of sentences on one side only: an untranslated annex)
// doubles until it holds the whole matrix, where the paragraph stage it
// would place absorbs the gap in a few paragraphs (4,000 sentences against
// 6,000: 7.1 s against 0.5 s).
std::vector<Link> search_path(const Units& first, const Units& second, const AlignOptions& options,
                              std::size_t cell_budget) {
  const std::vector<std::unique_ptr<LinkEvidence>> no_evidence;
  const Block whole{0, first.size(), 0, second.size()};
  AlignOptions search = path_search_options(options);
  search.band.cell_budget = cell_budget;
  std::vector<Link> path = align_units(first, second, std::span(&whole, 1), no_evidence, search, true, nullptr);
  return covers(path, first.size(), second.size()) ? path : std::vector<Link>{};
}

// The paragraph stage: paragraphs as units, each linked group of them one
// block of sentences for the sentence stage (the clause constraint speaks of
// sentences, not paragraphs). Given a `sentence_path`, its searches keep to
// a band around the paragraph links that path takes (coarsen_path), widened
// where the path reaches an edge; without one, as any other search. With learning's pass 1 as that path, the
// default's bundles of batches of 60 and 400 documents were the same byte
// for byte (posteriors, hence every confidence, included), the 60 documents
// in 3.78 s instead of 4.41 at -j1 (and in 2.98 s instead of 4.44 with pass 1
// starting at the guided half-width: path_search_options).
std::vector<Block> paragraph_blocks(const Units& first, const Units& second, std::span<const Link> sentence_path,
                                    const std::vector<std::unique_ptr<LinkEvidence>>& evidence,
                                    const AlignOptions& options) {
  const auto paragraph_evidence = group_evidence(evidence, first, second);
  AlignOptions paragraph_options = options;
  std::vector<Link> paragraph_path;
  if (!sentence_path.empty()) {
    paragraph_options.band.full_search_cells = 0;
    paragraph_path = coarsen_path(sentence_path, first.sentence_begin, second.sentence_begin);
  }
  const Block all_paragraphs{0, first.size(), 0, second.size()};
  std::vector<Block> blocks;
  for (const Link& link : align_units(first, second, std::span(&all_paragraphs, 1), paragraph_evidence,
                                      paragraph_options, false, nullptr, paragraph_path)) {
    blocks.push_back(Block{first.sentence_begin[link.first.begin], first.sentence_begin[link.first.end],
                           second.sentence_begin[link.second.begin], second.sentence_begin[link.second.end],
                           options.confidence == AlignOptions::Confidence::posterior ? link.confidence : 1.0});
  }
  return blocks;
}

// The caller's features of one side (AlignOptions::sentence_features), or
// null when they do not fit its `count` sentences.
const std::vector<SentenceFeatures>* given_features(const AlignOptions& options, bool first_side, std::size_t count) {
  if (options.sentence_features == nullptr) return nullptr;
  const auto& features = first_side ? options.sentence_features->first : options.sentence_features->second;
  return features.size() == count ? &features : nullptr;
}

// The features of sentence `index` of a side: none without anchors, the
// caller's when given (given_features), else extracted from its text.
SentenceFeatures sentence_features(const AlignOptions& options, const std::vector<SentenceFeatures>* given,
                                   std::size_t index, std::string_view text, Language language) {
  if (!options.use_anchors) return {};
  return given != nullptr ? (*given)[index] : extract_features(text, language);
}

Units sentence_units(std::span<const std::string> sentences, Language language, const AlignOptions& options,
                     bool first_side) {
  const std::vector<SentenceFeatures>* given = given_features(options, first_side, sentences.size());
  Units units;
  units.lengths.reserve(sentences.size());
  units.features.reserve(sentences.size());
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    units.add(measure_length(sentences[s], options.length_unit),
              sentence_features(options, given, s, sentences[s], language), 1);
  }
  return units;
}

void append_joined(std::string& out, std::string_view text, Language language) {
  if (!out.empty() && language != Language::zh) out += ' ';
  out += text;
}

std::vector<const Sentence*> sentences_of(const SplitDocument& document) {
  std::vector<const Sentence*> sentences;
  for (const Paragraph& paragraph : document.paragraphs)
    for (const Sentence& sentence : paragraph.sentences) sentences.push_back(&sentence);
  return sentences;
}

// The sentences of `range` joined, with their source span; for an empty
// range, where the missing counterpart would be: just before the next sentence.
Segment make_segment(std::span<const Sentence* const> sentences, SentenceRange range, Language language) {
  Segment segment;
  if (range.empty()) {
    // Where the missing counterpart would be: just before the next sentence.
    const std::size_t at = range.begin < sentences.size() ? sentences[range.begin]->source.begin
                           : sentences.empty()            ? 0
                                                          : sentences.back()->source.end;
    segment.source = SourceSpan{at, at};
    return segment;
  }
  for (std::size_t s = range.begin; s < range.end; ++s) append_joined(segment.text, sentences[s]->text, language);
  segment.source = SourceSpan{sentences[range.begin]->source.begin, sentences[range.end - 1]->source.end};
  segment.page = sentences[range.begin]->page;
  return segment;
}

}  // namespace

AlignOptions path_search_options(AlignOptions options) {
  options.evidence.clear();
  options.em_iterations = 0;
  options.confidence = AlignOptions::Confidence::evidence;
  options.initial_links.clear();
  return options;
}

std::vector<Link> align_sentences(std::span<const std::string> first, std::span<const std::string> second,
                                  const AlignOptions& options, AlignmentModel* model) {
  const Units first_units = sentence_units(first, options.first_language, options, true);
  const Units second_units = sentence_units(second, options.second_language, options, false);
  const auto evidence = make_evidence(first, second, options);
  const Block whole{0, first.size(), 0, second.size()};
  std::vector<Link> links =
      align_units(first_units, second_units, std::span(&whole, 1), evidence, options, true, model, options.initial_links);
  calibrate(links, options);
  return links;
}

SentenceFeatureSides extract_sentence_features(const SplitDocument& first, const SplitDocument& second,
                                               Language first_language, Language second_language) {
  const auto side = [](const SplitDocument& document, Language language) {
    std::vector<SentenceFeatures> features;
    for (const Paragraph& paragraph : document.paragraphs)
      for (const Sentence& sentence : paragraph.sentences) features.push_back(extract_features(sentence.text, language));
    return features;
  };
  return {side(first, first_language), side(second, second_language)};
}

AlignedDocument align_documents(const SplitDocument& first, const SplitDocument& second, const AlignOptions& options) {
  // Flatten each side into its sentences, remembering where paragraphs start.
  struct Side {
    std::vector<std::string> texts;
    Units sentence_units;
    Units paragraph_units;
  };
  auto flatten = [&options](const SplitDocument& document, Language language, bool first_side) {
    std::size_t sentence_count = 0;
    for (const Paragraph& paragraph : document.paragraphs) sentence_count += paragraph.sentences.size();
    const std::vector<SentenceFeatures>* given = given_features(options, first_side, sentence_count);
    Side side;
    for (const Paragraph& paragraph : document.paragraphs) {
      if (paragraph.sentences.empty()) continue;
      const std::size_t first_sentence = side.texts.size();
      double paragraph_length = 0;
      for (const Sentence& sentence : paragraph.sentences) {
        const std::size_t index = side.texts.size();
        side.texts.push_back(sentence.text);
        const double length = measure_length(sentence.text, options.length_unit);
        paragraph_length += length;
        side.sentence_units.add(length, sentence_features(options, given, index, sentence.text, language), 1);
      }
      const std::span<const SentenceFeatures> features(side.sentence_units.features.data() + first_sentence,
                                                       paragraph.sentences.size());
      side.paragraph_units.add(paragraph_length, options.use_anchors ? merge_features(features) : SentenceFeatures{},
                               paragraph.sentences.size());
    }
    return side;
  };
  const Side first_side = flatten(first, options.first_language, true);
  const Side second_side = flatten(second, options.second_language, false);
  const auto evidence = make_evidence(first_side.texts, second_side.texts, options);

  // The path through the sentences that places both stages when there are
  // paragraphs: the one given (learning's pass 1), or else one search on
  // lengths and anchors (path_search_options). Without it the paragraph
  // stage searched up to full_search_cells paragraph pairs whole, three
  // times: half of `--no-learn --no-dictionary`'s time on a 60-document
  // batch. With it that batch's bundles are the same byte for byte in less
  // time (`--no-learn --no-dictionary` 2.20 s against 2.39 at -j2). Where
  // paragraphs were cut or swapped (scripts/cut-paragraphs.py), the
  // default's pass-1 path puts more links inside one source unit (20610
  // against 20306); a path searched here gives up there (its band would
  // outgrow the paragraph search), and the links are as before.
  std::vector<Block> sentence_blocks;
  std::vector<Link> searched_path;
  std::span<const Link> initial_links = options.initial_links;
  if (first_side.paragraph_units.size() <= 1 || second_side.paragraph_units.size() <= 1) {
    sentence_blocks.push_back(Block{0, first_side.texts.size(), 0, second_side.texts.size()});
  } else if (searched_whole(first_side.texts.size(), second_side.texts.size(), options.band)) {
    // A text whose sentences a search takes whole has its paragraphs
    // searched whole too, with no path: cheap, and the paragraph stage then
    // finds runs of paragraphs missing on one side that a path through the
    // sentences can miss (150 one-sentence paragraphs of 300, all of a
    // length: 148 of 150 links right whole, 124 in a band around that path).
    sentence_blocks = paragraph_blocks(first_side.paragraph_units, second_side.paragraph_units, {}, evidence, options);
  } else {
    if (!covers(initial_links, first_side.texts.size(), second_side.texts.size())) {
      // Worth searching while its band holds fewer cells than the paragraph
      // stage's first search would without it (the paragraphs whole, or the
      // first band of a long text's); without it that stage is searched as
      // before.
      const std::size_t paragraphs = first_side.paragraph_units.size(), other = second_side.paragraph_units.size();
      const std::size_t paragraph_cells = searched_whole(paragraphs, other, options.band)
                                              ? (paragraphs + 1) * (other + 1)
                                              : (paragraphs + 1) * (2 * options.band.initial_half_width + 1);
      searched_path = search_path(first_side.sentence_units, second_side.sentence_units, options, paragraph_cells);
      initial_links = searched_path;
    }
    sentence_blocks = paragraph_blocks(first_side.paragraph_units, second_side.paragraph_units, initial_links,
                                       evidence, options);
  }
  std::vector<Link> links = align_units(first_side.sentence_units, second_side.sentence_units, sentence_blocks,
                                        evidence, options, true, nullptr, initial_links);
  calibrate(links, options);

  return pair_links(first, second, links, options.first_language, options.second_language);
}

AlignedDocument pair_links(const SplitDocument& first, const SplitDocument& second, std::span<const Link> links,
                           Language first_language, Language second_language) {
  const std::vector<const Sentence*> first_sentences = sentences_of(first);
  const std::vector<const Sentence*> second_sentences = sentences_of(second);
  AlignedDocument document;
  document.first_language = std::string(language_code(first_language));
  document.second_language = std::string(language_code(second_language));
  document.pairs.reserve(links.size());
  for (const Link& link : links) {
    document.pairs.push_back(AlignedPair{link, make_segment(first_sentences, link.first, first_language),
                                         make_segment(second_sentences, link.second, second_language)});
  }
  return document;
}

}  // namespace untm
