#pragma once
// The lexicon options shared by `untm align`, `untm batch` and `untm bench
// lexical`: where the lexicon comes from (a dictionary, a saved lexicon,
// learning from the texts) and where the learned one goes.

#include <boost/program_options.hpp>

#include <memory>
#include <span>
#include <string>

#include "align/aligner.h"
#include "lexicon/corpus_learning.h"
#include "lexicon/lexicon.h"

namespace untm::cli {

struct LexiconCommandOptions {
  std::string dictionary_path;    // --dictionary: CC-CEDICT or hunalign format
  std::string lexicon_path;       // --lexicon: a lexicon saved by --save-lexicon
  std::string save_lexicon_path;  // --save-lexicon
  bool no_learn = false;          // --no-learn
  double lexical_weight = lexicon::LexicalEvidenceOptions{}.weight;
};

// Adds --dictionary, --lexicon, --save-lexicon, --no-learn, --lexical-weight.
void add_lexicon_options(boost::program_options::options_description& description, LexiconCommandOptions& options);

lexicon::Lexicon load_dictionary(const std::string& path);
lexicon::Lexicon load_lexicon(const std::string& path);
lexicon::CorpusLearningOptions corpus_learning_options(const LexiconCommandOptions& options);

// The whole lexical step for a set of document pairs: loads the dictionary
// and the saved lexicon, learns over the documents (first pass with
// `align_options`) unless --no-learn, writes --save-lexicon (the saved and
// learned entries, not the dictionary), and returns the evidence term for the
// final pass; null when there is no lexicon at all.
std::shared_ptr<const EvidenceFactory> prepare_lexical_evidence(const LexiconCommandOptions& options,
                                                                std::span<const lexicon::DocumentSentences> documents,
                                                                const AlignOptions& align_options);

// The same for one pair of split documents (untm align).
std::shared_ptr<const EvidenceFactory> prepare_lexical_evidence(const LexiconCommandOptions& options,
                                                                const SplitDocument& first, const SplitDocument& second,
                                                                const AlignOptions& align_options);

}  // namespace untm::cli
