#pragma once
// `untm align` in one call: a document pair from its bytes to an
// AlignedDocument, with the lexicon step (dictionary, saved lexicon, learning
// over the pair itself) of the same learning workflow a batch runs.

#include <optional>
#include <string>
#include <vector>

#include "align/aligner.h"
#include "pipeline/document.h"
#include "pipeline/settings.h"

namespace untm::pipeline {

struct PairJob {
  std::string first_name;   // read through ReadNamed; also names the side in errors
  std::string second_name;
  std::string id;           // the document id in the output
  AlignOptions align;       // pass 1 and, with the lexical term, pass 2
  TextOptions text;
  LexiconSettings lexicon;
  // A links file (core/link.h notation, or InterText alignment XML:
  // format/intertext.h; read through ReadNamed) to write the pairs of instead
  // of aligning: the review page's or InterText's corrections. Its links
  // marked checked or edited (InterText: status man) become
  // LinkOrigin::manual with confidence 1;
  // the others keep the aligner's origin and confidence 0 (not recorded).
  std::string from_links;
};

struct PairResult {
  AlignedDocument document;
  // The saved and learned lexicon (write_lexicon) when lexicon.save_lexicon
  // asks for it; the caller writes it there.
  std::optional<std::string> lexicon_to_save;
  // The two documents as split: what the review page shows around the links.
  SplitPair split;
  // For stderr (SplitPair::warnings): the run goes on, exit 0.
  std::vector<std::string> warnings;
};

// Throws InputError for an input that cannot be read or split, and for a
// from_links file that is not a links file or does not fit the documents.
PairResult run_pair_job(const PairJob& job, const ReadNamed& read);

}  // namespace untm::pipeline
