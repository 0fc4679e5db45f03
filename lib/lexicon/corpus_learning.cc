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

}  // namespace untm::lexicon
