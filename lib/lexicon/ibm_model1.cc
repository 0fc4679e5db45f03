#include "lexicon/ibm_model1.h"

namespace untm::lexicon {

double TranslationTable::probability(std::uint32_t source, std::uint32_t target) const {
  const auto position = probabilities_.find(key(source, target));
  return position == probabilities_.end() ? 0.0 : position->second;
}

namespace {

// The training state in flat arrays: every co-occurring (source, target) pair
// is a slot, every source word an index, so that an E-step costs one hash
// lookup per word pair instead of four (and no map is rebuilt per
// iteration). Sums run in the same order as over the maps: the table is the
// same to the last bit.
struct Slots {
  std::unordered_map<std::uint64_t, std::uint32_t> of_key;
  std::vector<std::uint64_t> keys;
  std::unordered_map<std::uint32_t, std::uint32_t> source_index;
  std::vector<std::uint32_t> source_of_slot;  // index into the source totals

  std::uint32_t source(std::uint32_t word) {
    return source_index.try_emplace(word, static_cast<std::uint32_t>(source_index.size())).first->second;
  }
  void add(std::uint32_t source_word, std::uint32_t target) {
    const std::uint64_t key = TranslationTable::key(source_word, target);
    if (of_key.try_emplace(key, static_cast<std::uint32_t>(keys.size())).second) {
      keys.push_back(key);
      source_of_slot.push_back(source(source_word));
    }
  }
};

}  // namespace

TranslationTable train_ibm_model1(std::span<const IdSentencePair> pairs, const Model1Options& options) {
  TranslationTable table;
  auto& probability = table.probabilities_;
  std::vector<std::uint32_t> sources;
  const auto sources_of = [&](const IdSentencePair& pair) -> const std::vector<std::uint32_t>& {
    sources.assign(pair.source.begin(), pair.source.end());
    if (options.null_word) sources.push_back(TranslationTable::kNullWord);
    return sources;
  };
  Slots slots;
  for (const auto& pair : pairs) {
    for (const std::uint32_t source : sources_of(pair))
      for (const std::uint32_t target : pair.target) slots.add(source, target);
  }

  // Uniform start: any constant does, the first E-step normalizes it away.
  std::vector<double> slot_probability(slots.keys.size(), 1.0), expected_count, source_total;
  std::vector<std::uint32_t> target_slots;
  for (int iteration = 0; iteration < options.iterations; ++iteration) {
    expected_count.assign(slots.keys.size(), 0.0);
    source_total.assign(slots.source_index.size(), 0.0);
    // E-step (Brown et al. 1993, eq. 12 for Model 1): each target word's
    // occurrence is shared among the source words of its sentence in
    // proportion to t(target | source).
    for (const auto& pair : pairs) {
      const auto& sentence_sources = sources_of(pair);
      for (const std::uint32_t target : pair.target) {
        target_slots.clear();
        double normalizer = 0.0;
        for (const std::uint32_t source : sentence_sources) {
          target_slots.push_back(slots.of_key.find(TranslationTable::key(source, target))->second);
          normalizer += slot_probability[target_slots.back()];
        }
        if (normalizer <= 0.0) continue;
        for (const std::uint32_t slot : target_slots) {
          const double share = slot_probability[slot] / normalizer;
          expected_count[slot] += share;
          source_total[slots.source_of_slot[slot]] += share;
        }
      }
    }
    // M-step: t(target | source) = count(source, target) / count(source).
    for (std::size_t slot = 0; slot < slot_probability.size(); ++slot) {
      const double total = source_total[slots.source_of_slot[slot]];
      slot_probability[slot] = total <= 0.0 ? 0.0 : expected_count[slot] / total;
    }
  }
  // One key at a time in first-seen order, as the table was always filled:
  // the same insertions make the same buckets, so for_each (and the order of
  // learn_lexicon's entries) stays as it was.
  slots.of_key = {};
  for (std::size_t slot = 0; slot < slots.keys.size(); ++slot) probability.emplace(slots.keys[slot], slot_probability[slot]);
  std::erase_if(probability, [](const auto& entry) { return entry.second <= 0.0; });
  return table;
}

}  // namespace untm::lexicon
