#include "lexicon/corpus_learning.h"

namespace untm::lexicon {

void collect_confident_pairs(const DocumentSentences& document, std::span<const Link> links, bool first_is_chinese,
                             double min_confidence, std::vector<ChineseEnglishPair>& pairs) {
  for (const Link& link : links) {
    if (link.type() != LinkType{1, 1} || link.confidence < min_confidence) continue;
    if (link.first.begin >= document.first.size() || link.second.begin >= document.second.size()) continue;
    const std::string& first = document.first[link.first.begin];
    const std::string& second = document.second[link.second.begin];
    pairs.push_back(first_is_chinese ? ChineseEnglishPair{first, second} : ChineseEnglishPair{second, first});
  }
}

std::shared_ptr<const EvidenceFactory> make_lexical_evidence(const Lexicon& lexicon,
                                                             const LexicalEvidenceOptions& options) {
  return std::make_shared<const LexicalEvidenceFactory>(std::make_shared<const LexicalModel>(lexicon), options);
}

Lexicon learn_from_documents(std::span<const DocumentSentences> documents, const Lexicon& known,
                             const AlignOptions& align_options, const CorpusLearningOptions& options) {
  const bool first_is_chinese = align_options.first_language == Language::zh;
  AlignOptions first_pass = align_options;
  if (!known.empty()) {
    LexicalEvidenceOptions evidence = options.evidence;
    evidence.first_is_chinese = first_is_chinese;
    first_pass.evidence.push_back(make_lexical_evidence(known, evidence));
  }
  std::vector<ChineseEnglishPair> pairs;
  for (const auto& document : documents) {
    const std::vector<Link> links = align_sentences(document.first, document.second, first_pass);
    collect_confident_pairs(document, links, first_is_chinese, options.min_confidence, pairs);
  }
  return learn_lexicon(pairs, known, options.learning);
}

}  // namespace untm::lexicon
