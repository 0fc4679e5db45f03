#pragma once
// Batch-wide lexicon learning, the two passes of Moore (2002) over the whole
// batch (lib/lexicon/corpus_learning.h): pass 1 aligns a sample of the
// documents with lengths and anchors (and the dictionary, if given), IBM
// Model 1 learns a lexicon from the sentence pairs it links 1-1 with
// confidence, and pass 2 (the batch itself) aligns every document with that
// lexicon as evidence. Learning over thousands of documents of one register
// finds far more word pairs than any one document could.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <vector>

#include "align/aligner.h"
#include "batch/manifest.h"
#include "batch_progress.h"

namespace untm::cli {

struct LearningSettings {
  bool learn = true;
  // Documents of pass 1, spread evenly over the whole list (batch::spread_sample).
  std::size_t sample_documents = 1000;
  std::optional<std::filesystem::path> dictionary;  // CC-CEDICT or hunalign
};

// The alignment options of pass 2: `base` plus the lexical evidence of the
// dictionary and the learned entries (none if learning is off and there is no
// dictionary). The lexicon is kept in `lexicon_file` and read back from it, so
// that a resumed batch (which finds the file) aligns with exactly the same
// lexicon without learning again.
AlignOptions prepare_batch_alignment(const std::vector<batch::DocumentPair>& whole_list, bool presplit,
                                     const LearningSettings& settings, const AlignOptions& base,
                                     const std::filesystem::path& lexicon_file, unsigned threads,
                                     ProgressStyle progress);

}  // namespace untm::cli
