#include "lexicon_options.h"

#include "file_io.h"

namespace untm::cli {

namespace po = boost::program_options;

void add_lexicon_options(po::options_description& description, LexiconCommandOptions& options) {
  description.add_options()
      ("dictionary", po::value(&options.dictionary_path),
       "bilingual dictionary, CC-CEDICT (scripts/get-cc-cedict.sh) or hunalign format ('english @ 中文')")
      ("lexicon", po::value(&options.lexicon_path), "start from a lexicon saved with --save-lexicon")
      ("save-lexicon", po::value(&options.save_lexicon_path), "write the learned lexicon to this file")
      ("no-learn", po::bool_switch(&options.no_learn),
       "do not learn a lexicon from the texts (IBM Model 1 on confident first-pass links)")
      ("lexical-weight", po::value(&options.lexical_weight)->default_value(options.lexical_weight),
       "nats per covered word in the lexical cost term");
}

lexicon::Lexicon load_dictionary(const std::string& path) { return lexicon::read_dictionary(read_file(path), path); }

lexicon::Lexicon load_lexicon(const std::string& path) { return lexicon::read_lexicon(read_file(path), path); }

lexicon::CorpusLearningOptions corpus_learning_options(const LexiconCommandOptions& options) {
  lexicon::CorpusLearningOptions learning;
  learning.evidence.weight = options.lexical_weight;
  return learning;
}

std::shared_ptr<const EvidenceFactory> prepare_lexical_evidence(const LexiconCommandOptions& options,
                                                                std::span<const lexicon::DocumentSentences> documents,
                                                                const AlignOptions& align_options) {
  lexicon::Lexicon known;
  if (!options.dictionary_path.empty()) known = load_dictionary(options.dictionary_path);
  lexicon::Lexicon saved;
  if (!options.lexicon_path.empty()) saved = load_lexicon(options.lexicon_path);
  known.add_all(saved);

  lexicon::CorpusLearningOptions learning = corpus_learning_options(options);
  learning.evidence.first_is_chinese = align_options.first_language == Language::zh;
  if (!options.no_learn) {
    const lexicon::Lexicon learned = lexicon::learn_from_documents(documents, known, align_options, learning);
    known.add_all(learned);
    saved.add_all(learned);
  }
  if (!options.save_lexicon_path.empty()) {
    AtomicOutputFile output(options.save_lexicon_path);
    output.write(lexicon::write_lexicon(saved));
    output.commit();
  }
  if (known.empty()) return nullptr;
  return lexicon::make_lexical_evidence(known, learning.evidence);
}

namespace {
std::vector<std::string> sentence_texts(const SplitDocument& document) {
  std::vector<std::string> texts;
  for (const Paragraph& paragraph : document.paragraphs)
    for (const Sentence& sentence : paragraph.sentences) texts.push_back(sentence.text);
  return texts;
}
}  // namespace

std::shared_ptr<const EvidenceFactory> prepare_lexical_evidence(const LexiconCommandOptions& options,
                                                                const SplitDocument& first, const SplitDocument& second,
                                                                const AlignOptions& align_options) {
  const std::vector<std::string> first_sentences = sentence_texts(first);
  const std::vector<std::string> second_sentences = sentence_texts(second);
  const lexicon::DocumentSentences document{first_sentences, second_sentences};
  return prepare_lexical_evidence(options, std::span(&document, 1), align_options);
}

}  // namespace untm::cli
