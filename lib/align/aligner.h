#pragma once
// Sentence alignment of a document pair (docs/DESIGN.md, "align"): Gale & Church
// (1993) over lengths, with anchors and pluggable evidence terms added to the
// cost, link-type priors and length variance estimated on the text being
// aligned (hard EM), paragraphs first and sentences inside linked paragraphs.

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "align/anchors.h"
#include "align/band_search.h"
#include "align/calibration.h"
#include "align/evidence.h"
#include "align/length_model.h"
#include "align/link_types.h"
#include "core/link.h"
#include "core/types.h"

namespace untm {

// The anchor features (extract_features) of every sentence of both sides,
// in document order.
struct SentenceFeatureSides {
  std::vector<SentenceFeatures> first, second;
};

struct AlignOptions {
  Language first_language = Language::zh;
  Language second_language = Language::en;
  LengthUnit length_unit = LengthUnit::characters;

  // Hard EM: align, re-estimate link-type priors and the length variance
  // from the links found, align again. 0 keeps the initial values.
  std::size_t em_iterations = 2;
  // Link-type priors given by the caller (one per default_link_types()
  // entry), kept fixed instead of estimated; for comparing estimated priors
  // with priors measured on a gold set. EM still estimates the rest.
  std::optional<std::vector<double>> fixed_priors;
  // Pseudo-links pulling the estimated priors towards initial_link_priors().
  double prior_smoothing = 20;
  // The variance measured on 1-1 links of a pass is multiplied by this:
  // length differences have heavier tails than a normal distribution, and
  // the links a pass finds are the ones that fit its model.
  double variance_inflation = 2.5;

  // Anchors (numbers, enumerators, Latin words, quotes, ?/!) and the clause
  // constraint; off leaves the pure length model.
  bool use_anchors = true;
  AnchorWeights anchor_weights;
  // Let EM learn how much quotes and ?/! at link ends say in this document
  // (AnchorWeights::boundary_costs); the fixed weights serve the first pass.
  bool learn_boundary_costs = true;

  // Further cost terms (e.g. a lexical model), built per document from its
  // sentences and added to every candidate link.
  std::vector<std::shared_ptr<const EvidenceFactory>> evidence;

  BandSearchOptions band;

  // What a link's confidence is (docs/confidence.md).
  //  posterior: the probability that the link is right under the model,
  //    summed over all paths through the band (forward-backward,
  //    align/posterior.h), times that of the paragraph link holding it,
  //    mapped by `calibration`.
  //  evidence: exp(-(cost - prior term)) capped at 1, the probability of a
  //    length difference at least this large times the evidence; what lexicon
  //    learning picks its training pairs by, and no posterior pass to pay.
  enum class Confidence { posterior, evidence };
  Confidence confidence = Confidence::posterior;
  ConfidenceCalibration calibration = default_confidence_calibration();
  // Posterior decoding: the final pass keeps the path with the most links
  // expected to be right instead of the least-cost path (higher strict F1 on
  // both gold sets, docs/confidence.md). Needs Confidence::posterior.
  bool posterior_decoding = true;

  // An earlier alignment of the same sentences, in document sentence indices
  // (learning's pass 1): the first sentence search runs in a fixed band
  // around it instead of one laid from the lengths and widened, and the
  // paragraph stage searches a band around the paragraph path it crosses
  // (coarsen_path) instead of whole. It only places the bands: the model
  // starts from scratch all the same. Ignored unless it covers both sides
  // whole.
  std::vector<Link> initial_links;
  // The sentences' anchor features, when the caller has them: untm align
  // extracts them once for its two passes over the same sentences. Ignored
  // unless each side has one per sentence; the caller vouches that they are
  // these sentences' (extract_sentence_features of the same documents, in
  // the languages aligned).
  std::shared_ptr<const SentenceFeatureSides> sentence_features;
};

// The anchor features of the sentences of both documents, for
// AlignOptions::sentence_features.
SentenceFeatureSides extract_sentence_features(const SplitDocument& first, const SplitDocument& second,
                                               Language first_language, Language second_language);

// What the EM found, for reports and tests.
struct AlignmentModel {
  LengthModel length;
  std::vector<LinkType> types;
  std::vector<double> priors;
};

// Aligns two lists of sentences (presplit input); links index them. A link's
// confidence is as AlignOptions::confidence says.
std::vector<Link> align_sentences(std::span<const std::string> first, std::span<const std::string> second,
                                  const AlignOptions& options, AlignmentModel* model = nullptr);

// The options of one search through the sentences whole on lengths and
// anchors alone, whose path places later searches (AlignOptions::
// initial_links): no evidence terms, no EM, no posterior pass
// (Confidence::evidence). Its band follows its frontier from the anchor
// guide, starts at initial_half_width and doubles around where the path
// reaches an edge (BandSearchOptions::widen_locally). Starting at 12 instead
// of 24 moved 84 of the K=7 block's 11,536 default links (its sample for
// the lexicon is another); 16 changed none. Learning's pass 1 is this
// search; align_documents makes it when no path is given.
AlignOptions path_search_options(AlignOptions options);

// Aligns two split documents: paragraphs as units first, then the sentences
// inside each linked group of paragraphs. Each pair's segments hold the
// sentences joined (Chinese with nothing between them, other languages with
// one space), their source span, sentence count and first sentence index.
// Both stages are placed by a path through the sentences whole
// (AlignOptions::initial_links, else a search with path_search_options).
AlignedDocument align_documents(const SplitDocument& first, const SplitDocument& second, const AlignOptions& options);

// The pairs of given links, as align_documents makes them, without aligning:
// `links` must fit the documents (fit_links in core/link.h). Cost and
// confidence are the links' own.
AlignedDocument pair_links(const SplitDocument& first, const SplitDocument& second, std::span<const Link> links,
                           Language first_language, Language second_language);

}  // namespace untm
