#pragma once
// The settings of the library's workflows, as values that list themselves:
// fields() names every field with its value, so that whatever depends on
// "all the settings" (the batch journal's fingerprint) cannot leave one out
// when a field is added. Names are those of the settings, not of CLI flags.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/lexical_evidence.h"
#include "read/block.h"

namespace untm::pipeline {

struct SettingField {
  std::string name;
  std::string value;  // as text: booleans true/false, numbers as fmt prints them
  friend bool operator==(const SettingField&, const SettingField&) = default;
};

// Where the lexicon comes from and where the learned one goes, for every
// workflow that aligns with a lexicon (align, batch, bench lexical).
struct LexiconSettings {
  std::string dictionary;    // a CC-CEDICT or hunalign dictionary, by name; empty: none
  std::string lexicon;       // a lexicon saved earlier (write_lexicon), by name; empty: none
  std::string save_lexicon;  // where the saved and learned entries go; empty: nowhere
  bool learn = true;         // learn a lexicon from the documents themselves
  // Pass 1 learns from this many documents spread evenly over the whole list.
  std::size_t sample_documents = 1000;
  // And stops once they gave this many confident sentence pairs, the pairs
  // IBM Model 1 trains on (lexicon::CorpusLearningOptions::max_training_pairs).
  std::size_t training_pairs = 20000;
  double lexical_weight = lexicon::LexicalEvidenceOptions{}.weight;  // nats per covered word
  // Where dictionaries are kept compiled (lexicon_image.h), one file per
  // dictionary file as it is; empty: compiled on every run. A cache, not a
  // setting of the output: fields() leaves it out.
  std::string compiled_folder;

  std::vector<SettingField> fields() const;
};

// Every setting that decides what a batch writes, so that a resumed batch
// continues only a journal written with the same ones. The creation date is
// not here: the journal keeps it, and a resume takes it from there.
struct BatchSettings {
  bool presplit = false;      // inputs hold one sentence per line
  std::optional<read::InputFormat> input_format;  // forced on every input; nullopt: by content
  std::string srclang = "en"; // TMX srclang: the originals' language
  std::string links_dir;      // per-document link files go here (through the storage); empty: none
  bool posterior_decoding = true;  // false: the least-cost (Viterbi) path, as AlignOptions
  LexiconSettings lexicon;

  std::vector<SettingField> fields() const;
};

// {"name":"value",...} in fields() order.
std::string to_json(const std::vector<SettingField>& fields);

}  // namespace untm::pipeline
