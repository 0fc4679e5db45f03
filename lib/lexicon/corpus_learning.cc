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

std::vector<std::size_t> spread_order(std::size_t count) {
  int bits = 0;
  while ((std::size_t{1} << bits) < count) ++bits;
  std::vector<std::size_t> order;
  order.reserve(count);
  for (std::size_t i = 0; i < (std::size_t{1} << bits); ++i) {
    std::size_t reversed = 0;
    for (int bit = 0; bit < bits; ++bit) reversed |= ((i >> bit) & 1u) << (bits - 1 - bit);
    if (reversed < count) order.push_back(reversed);
  }
  return order;
}

void thin_evenly(std::vector<ChineseEnglishPair>& pairs, std::size_t budget) {
  const std::size_t count = pairs.size();
  if (count <= budget) return;
  for (std::size_t i = 0; i < budget; ++i) pairs[i] = pairs[i * count / budget];
  pairs.resize(budget);
}

std::shared_ptr<const EvidenceFactory> make_lexical_evidence(const Lexicon& lexicon,
                                                             const LexicalEvidenceOptions& options) {
  return make_lexical_evidence(std::make_shared<const LexicalModel>(lexicon), options);
}

std::shared_ptr<const EvidenceFactory> make_lexical_evidence(std::shared_ptr<const LexicalModel> model,
                                                             const LexicalEvidenceOptions& options) {
  return std::make_shared<const LexicalEvidenceFactory>(std::move(model), options);
}

}  // namespace untm::lexicon
