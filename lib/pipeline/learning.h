#pragma once
// The learning workflow, one for `untm align`, `untm batch` and `untm bench
// lexical` (Moore 2002): pass 1 aligns a sample of the documents with lengths
// and anchors alone (what is already known, a dictionary or a saved lexicon,
// waits for pass 2: on pass 1 it cost a fifth of the time and picked no
// better pairs); IBM Model 1 learns from the 1-1 links pass 1 is confident
// about, the Chinese words segmented by the known entries; pass 2
// (the caller's alignment) uses the lexical term of the known and the learned
// entries. Learning over thousands of documents of one register finds far
// more word pairs than any one document could.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "align/aligner.h"
#include "lexicon/lexical_model.h"
#include "lexicon/lexicon.h"
#include "pipeline/document.h"
#include "pipeline/settings.h"

namespace untm::pipeline {

// Pass 1's source: document `index` of the list, read. A document that
// throws InputError teaches nothing (the pass 2 that aligns it reports it).
using SplitPairSource = std::function<SplitPair(std::size_t index)>;

// What learning shows while it runs; every call comes from the calling thread.
class LearningObserver {
 public:
  virtual ~LearningObserver() = default;
  virtual void learning_started(std::size_t sample_documents, std::size_t all_documents) = 0;
  virtual void learning_progress(std::size_t documents_done, std::uint64_t sentence_pairs) = 0;
  // Pass 1 is done; IBM Model 1 trains on the pairs now.
  virtual void learning_pass_finished(std::size_t documents_done, std::uint64_t sentence_pairs) = 0;
  virtual void learning_finished(std::size_t learned_entries, std::uint64_t sentence_pairs) = 0;
};

// A document pass 1 read: what the source gave, its sentences' anchor
// features (null when pass 1 used no anchors) and pass 1's links over its
// sentences (empty when aligning it threw), for pass 2 to align without
// reading and extracting them again, starting from pass 1's path
// (AlignOptions::initial_links) instead of a search of its own on lengths
// and anchors.
struct FirstPassDocument {
  SplitPair pair;
  std::shared_ptr<const SentenceFeatureSides> features;
  std::vector<Link> links;
};

struct LexiconStep {
  lexicon::Lexicon known;    // dictionary + saved lexicon + learned entries: pass 2's lexicon
  lexicon::Lexicon to_save;  // saved lexicon + learned entries (no dictionary): what save_lexicon gets
  // The lexical model of `known`, when learning made it on the way (its
  // Chinese words matched the training pairs); null otherwise.
  std::shared_ptr<const lexicon::LexicalModel> model;
  // The documents pass 1 read and kept (KeptDocuments), by their index in
  // the list.
  std::map<std::size_t, FirstPassDocument> first_pass_documents;
};

// Which documents pass 1 keeps for pass 2: those `wanted` names (all when
// empty; a batch shard wants its own; called from pass 1's threads), in the
// order pass 1 consumes them, while their input bytes
// (SplitPair::input_bytes) add up to at most `bytes`. None by default.
struct KeptDocuments {
  std::uint64_t bytes = 0;
  std::function<bool(std::size_t index)> wanted;
};

// The dictionary settings.dictionary names, read through `read`; with
// settings.compiled_folder, from its compiled image there when one matches
// the file as it is now (same absolute path, size and modification time),
// else read and then compiled there for the next run. The image is a cache:
// one that is missing, damaged or for another file is compiled again, and
// a folder that cannot be written costs only the next run's time.
// Dictionaries smaller than this are read as text every time (compiling
// one saves little, and leaves a file per dictionary), and the folder keeps
// the images of the last kKeptCompiledDictionaries dictionaries compiled.
inline constexpr std::uintmax_t kMinCompiledDictionaryBytes = std::uintmax_t{1} << 20;
inline constexpr std::size_t kKeptCompiledDictionaries = 4;
lexicon::Lexicon load_dictionary(const LexiconSettings& settings, const ReadNamed& read);

// Loads settings.dictionary (load_dictionary) and settings.lexicon by name
// through `read` and, unless settings.learn is off, learns over settings.sample_documents documents
// spread over [0, document_count) (batch::spread_sample) on `threads` threads,
// pass 1 aligning with `first_pass` in the languages each pair was read in.
// `observer` may be null. Pass 1 keeps the documents `keep` asks for
// (LexiconStep::first_pass_documents).
LexiconStep run_lexicon_step(const LexiconSettings& settings, const ReadNamed& read, std::size_t document_count,
                             const SplitPairSource& documents, const AlignOptions& first_pass, unsigned threads,
                             LearningObserver* observer, const KeptDocuments& keep = {});

// The lexical evidence term of `lexicon` for pairs whose first side is
// `first_language`; null for an empty lexicon (pass 2 is then lengths and
// anchors alone).
std::shared_ptr<const EvidenceFactory> lexical_evidence(const lexicon::Lexicon& lexicon,
                                                        const LexiconSettings& settings, Language first_language);
// The same for a step's lexicon, from the model the step made if any.
std::shared_ptr<const EvidenceFactory> lexical_evidence(const LexiconStep& step, const LexiconSettings& settings,
                                                        Language first_language);

}  // namespace untm::pipeline
