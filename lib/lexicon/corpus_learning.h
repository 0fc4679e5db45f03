#pragma once
// Learn-then-realign over a set of document pairs (Moore 2002): a first pass
// with lengths and anchors links the sentences; the 1-1 links it is
// confident about train IBM Model 1; a second
// pass aligns with the lexical term built from the dictionary and what was
// learned. Over a batch, learning sees every document, which is the UN case:
// thousands of document pairs of the same register in one run.
//
// These are the pieces; the workflow that runs them (sampling, pass 1 on the
// batch layer's threads, learning, pass 2) is lib/pipeline/learning.h:
// align (pass 1) -> collect_confident_pairs per document -> learn_lexicon
// over all of them -> make_lexical_evidence -> align (pass 2).

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "align/aligner.h"
#include "lexicon/learning.h"
#include "lexicon/lexical_evidence.h"
#include "lexicon/lexicon.h"

namespace untm::lexicon {

struct CorpusLearningOptions {
  LearningOptions learning;
  LexicalEvidenceOptions evidence;
  // A first-pass 1-1 link trains the model when its confidence (the
  // aligner's probability of the length difference times its evidence,
  // AlignOptions::Confidence::evidence) is at least this.
  double min_confidence = 0.3;
  // Pass 1 and IBM Model 1 learn from this many confident sentence pairs at
  // most, taken evenly over the input: pass 1 stops once its documents (in an
  // order whose every prefix is spread over the list) have given this many,
  // and a longer list is thinned evenly. Model 1 learns the frequent words of
  // a register from a few thousand pairs (Moore 2002 trains on the confident
  // pairs of a few thousand sentences); more pairs add rare words at a cost
  // linear in the pairs, in time and memory (each pair holds a slot per word
  // pair), and pass 1 over more documents costs as much as aligning them.
  std::size_t max_training_pairs = 20000;
};

// The positions 0..count-1 in an order whose every prefix is spread evenly
// over them (0, count/2, count/4, 3count/4, ...: bit-reversed counting), so
// that stopping early still samples the whole list.
std::vector<std::size_t> spread_order(std::size_t count);

// At most `budget` of `pairs`, evenly spaced, in their order.
void thin_evenly(std::vector<ChineseEnglishPair>& pairs, std::size_t budget);

// One document pair as sentence lists (presplit lines or split sentences).
struct DocumentSentences {
  std::span<const std::string> first;
  std::span<const std::string> second;
};

// Appends the Chinese-English sentence pairs of the confident 1-1 links.
// The views point into `document`'s sentences.
void collect_confident_pairs(const DocumentSentences& document, std::span<const Link> links, bool first_is_chinese,
                             double min_confidence, std::vector<ChineseEnglishPair>& pairs);

// The evidence term for a lexicon, ready for AlignOptions::evidence.
std::shared_ptr<const EvidenceFactory> make_lexical_evidence(const Lexicon& lexicon,
                                                             const LexicalEvidenceOptions& options);
// The same from the lexicon's model, built already.
std::shared_ptr<const EvidenceFactory> make_lexical_evidence(std::shared_ptr<const LexicalModel> model,
                                                             const LexicalEvidenceOptions& options);

}  // namespace untm::lexicon
