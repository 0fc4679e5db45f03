#include "lexicon_options.h"

namespace untm::cli {

namespace po = boost::program_options;

void add_lexicon_options(po::options_description& description, pipeline::LexiconSettings& settings) {
  description.add_options()
      ("dictionary", po::value(&settings.dictionary)->value_name("FILE"),
       "bilingual dictionary, CC-CEDICT (scripts/get-cc-cedict.sh) or hunalign format ('english @ 中文')")
      ("lexicon", po::value(&settings.lexicon)->value_name("FILE"), "start from a lexicon saved with --save-lexicon")
      ("save-lexicon", po::value(&settings.save_lexicon)->value_name("FILE"),
       "write the saved and learned lexicon entries (not the dictionary) to this file")
      ("no-learn", po::bool_switch()->notifier([&settings](bool off) { settings.learn = !off; }),
       "do not learn a lexicon from the texts (IBM Model 1 on confident first-pass links)")
      ("lexical-weight", po::value(&settings.lexical_weight)->default_value(settings.lexical_weight),
       "nats per covered word in the lexical cost term");
}

void declare_lexicon_files(RunFiles& files, const pipeline::LexiconSettings& settings) {
  files.input("--dictionary", settings.dictionary);
  files.input("--lexicon", settings.lexicon);
  files.output("--save-lexicon", settings.save_lexicon);
}

}  // namespace untm::cli
