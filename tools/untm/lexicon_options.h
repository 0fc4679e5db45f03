#pragma once
// The lexicon options shared by `untm align`, `untm batch` and `untm bench
// lexical`, declared once: where the lexicon comes from (a dictionary, a
// saved lexicon, learning from the texts), where the learned one goes, and
// how much the lexical term weighs. They fill the library's LexiconSettings.

#include <boost/program_options.hpp>

#include "file_io.h"
#include "pipeline/settings.h"

namespace untm::cli {

// Adds --dictionary, --lexicon, --save-lexicon, --no-learn, --lexical-weight.
void add_lexicon_options(boost::program_options::options_description& description,
                         pipeline::LexiconSettings& settings);

// Declares the lexicon files of `settings`: --dictionary and --lexicon read,
// --save-lexicon written.
void declare_lexicon_files(RunFiles& files, const pipeline::LexiconSettings& settings);

}  // namespace untm::cli
