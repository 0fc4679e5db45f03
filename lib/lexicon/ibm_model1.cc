#include "lexicon/ibm_model1.h"

namespace untm::lexicon {

double TranslationTable::probability(std::uint32_t source, std::uint32_t target) const {
  const auto position = probabilities_.find(key(source, target));
  return position == probabilities_.end() ? 0.0 : position->second;
}

TranslationTable train_ibm_model1(std::span<const IdSentencePair> pairs, const Model1Options& options) {
  TranslationTable table;
  auto& probability = table.probabilities_;
  std::vector<std::uint32_t> sources;
  const auto sources_of = [&](const IdSentencePair& pair) -> const std::vector<std::uint32_t>& {
    sources.assign(pair.source.begin(), pair.source.end());
    if (options.null_word) sources.push_back(TranslationTable::kNullWord);
    return sources;
  };
  // Uniform start: any constant does, the first E-step normalizes it away.
  for (const auto& pair : pairs) {
    for (const std::uint32_t source : sources_of(pair))
      for (const std::uint32_t target : pair.target) probability.try_emplace(TranslationTable::key(source, target), 1.0);
  }

  std::unordered_map<std::uint64_t, double> expected_count;
  std::unordered_map<std::uint32_t, double> source_total;
  expected_count.reserve(probability.size());
  for (int iteration = 0; iteration < options.iterations; ++iteration) {
    expected_count.clear();
    source_total.clear();
    // E-step (Brown et al. 1993, eq. 12 for Model 1): each target word's
    // occurrence is shared among the source words of its sentence in
    // proportion to t(target | source).
    for (const auto& pair : pairs) {
      const auto& sentence_sources = sources_of(pair);
      for (const std::uint32_t target : pair.target) {
        double normalizer = 0.0;
        for (const std::uint32_t source : sentence_sources)
          normalizer += probability[TranslationTable::key(source, target)];
        if (normalizer <= 0.0) continue;
        for (const std::uint32_t source : sentence_sources) {
          const double share = probability[TranslationTable::key(source, target)] / normalizer;
          expected_count[TranslationTable::key(source, target)] += share;
          source_total[source] += share;
        }
      }
    }
    // M-step: t(target | source) = count(source, target) / count(source).
    for (auto& [key, value] : probability) {
      const auto count = expected_count.find(key);
      const double total = source_total[static_cast<std::uint32_t>(key >> 32)];
      value = (count == expected_count.end() || total <= 0.0) ? 0.0 : count->second / total;
    }
  }
  std::erase_if(probability, [](const auto& entry) { return entry.second <= 0.0; });
  return table;
}

}  // namespace untm::lexicon
