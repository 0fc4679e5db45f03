#pragma once
// The lexical term of the alignment cost: how much of each side of a
// candidate link is covered by translations of the other side, with rare
// words weighing more than frequent ones (hunalign's idea, Varga et al. 2005,
// with a learned lexicon as in Moore 2002).
//
//   cost(Z, E) = -weight * ( sum_{e in E} idf(e) * (cover(e, Z) - chance(e, |Z|))
//                          + sum_{z in Z} idf(z) * (cover(z, E) - chance(z, |E|)) )
//
// where cover(e, Z) is the strength of the strongest lexicon pair linking
// word e to a word of the Chinese group Z (0 if none), and idf is the inverse
// document frequency over the document's sentences on that side, scaled so
// that the mean word weighs 1: `weight` is then "nats per covered word".
// chance(e, k) = 1 - (1 - q(e))^k is what a group of k sentences drawn at
// random would cover, q(e) being the mean cover of e by one sentence of the
// other side in this document. Without it, bigger groups would collect
// chance matches ("country" translated somewhere in three sentences) and the
// term would favour merging; with it, its expectation over unrelated
// sentences is 0 whatever the group sizes, and a word that every sentence
// covers says nothing. A null link costs 0.

#include <cstddef>
#include <cstdint>
#include <memory>

#include "align/evidence.h"
#include "lexicon/lexical_model.h"

namespace untm::lexicon {

struct LexicalEvidenceOptions {
  // The link types the cost memo's table holds: the default's 12 with both
  // counts below 8 (null links cost 0 and are not remembered). A few more
  // types (other sentence counts) go to a second table, made when they come.
  static constexpr std::size_t kMemoTypes = 12;
  // The memo keeps the links ending up to min(band_half_width,
  // kMemoHalfWidth) + kMemoReach English sentences either side of where the
  // path is expected: the aligner's searches with evidence keep within 6
  // sentences of the path it placed (BandSearchOptions::guided_half_width),
  // which expect_path makes the expected one, and 12 or 24 around a place
  // where a path reaches a band edge (BandSearchOptions::widen_locally).
  // The links further out are remembered apart, one by one.
  static constexpr std::size_t kMemoHalfWidth = 16;
  static constexpr std::size_t kMemoReach = 8;
  static constexpr std::size_t memo_columns(std::size_t band_half_width) {
    return 2 * ((band_half_width < kMemoHalfWidth ? band_half_width : kMemoHalfWidth) + kMemoReach) + 1;
  }
  // What the cost memo takes per Chinese sentence at the default band (see memo_max_bytes).
  static constexpr std::size_t kMemoRowBytes = (2 * (kMemoHalfWidth + kMemoReach) + 1) * kMemoTypes * sizeof(float);
  double weight = 0.5;
  // Which side of the aligner is Chinese (the first input file by default).
  bool first_is_chinese = true;
  // Links whose English start is further than this many sentences from the
  // expected path (the length diagonal, or the aligner's placed path given
  // by LinkEvidence::expect_path) get no lexical cost: the aligner searches
  // small texts whole, and in long ones it places its path first.
  std::size_t band_half_width = 32;
  // The costs of a document's candidate links are remembered (the aligner
  // prices them again in each of its passes) when their table takes at most
  // this many bytes: kMemoRowBytes (2.4 kB) per Chinese sentence. With the
  // memo, the pair windows behind the search are given up, which takes
  // back most of it (3 kB per sentence on the K=7 block), so the default
  // sets no bound. The table's pages are touched only where the search goes,
  // and it is one allocation, given back whole when the evidence goes.
  std::size_t memo_max_bytes = SIZE_MAX;
  // With the memo, the pair windows are kept for the rows the search is at
  // only, and filled again when a search comes back to a row for a cost the
  // memo lacks (rare after the first search when the band holds still).
  // Documents of fewer Chinese sentences keep every row's window:
  // the ring saves 3 kB a row, not worth its refills below this (a batch of
  // small documents was 10% slower with it).
  std::size_t ring_min_rows = 4096;
};

// Builds one LexicalEvidence per document pair. The evidence it makes keeps a
// cache of sentence-pair coverages filled during the search: use one evidence
// object per thread (the batch layer aligns each document on one thread).
class LexicalEvidenceFactory final : public EvidenceFactory {
 public:
  LexicalEvidenceFactory(std::shared_ptr<const LexicalModel> model, LexicalEvidenceOptions options);

  std::unique_ptr<LinkEvidence> make(std::span<const std::string> first_sentences,
                                     std::span<const std::string> second_sentences) const override;

 private:
  std::shared_ptr<const LexicalModel> model_;
  LexicalEvidenceOptions options_;
};

}  // namespace untm::lexicon
