#include "lexicon/ibm_model1.h"

#include <cmath>

namespace untm::lexicon {

double TranslationTable::probability(std::uint32_t source, std::uint32_t target) const {
  const auto position = probabilities_.find(key(source, target));
  return position == probabilities_.end() ? 0.0 : position->second;
}

namespace {

// The training state in flat arrays: every co-occurring (source, target) pair
// is a slot, every source word an index, and every target word occurrence a
// run of slot ids (one per source word of its sentence, the empty word
// included), so that an EM iteration walks arrays and does no hash lookup.
// Sums run in the same order as over the maps of the first version: the
// table is the same to the last bit.
struct Slots {
  std::unordered_map<std::uint64_t, std::uint32_t> of_key;  // only while building
  std::vector<std::uint64_t> keys;
  std::unordered_map<std::uint32_t, std::uint32_t> source_index;
  std::vector<std::uint32_t> source_of_slot;  // index into the source totals
  // Per training pair: its number of source words (the run length) and of
  // target words (runs); the runs themselves, pair after pair.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> shapes;
  std::vector<std::uint32_t> runs;

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
  // Keys are added source by source, as the table was always filled, so that
  // for_each (and the order of learn_lexicon's entries) stays as it was.
  void add_pair(std::span<const std::uint32_t> sources, std::span<const std::uint32_t> targets) {
    for (const std::uint32_t source_word : sources)
      for (const std::uint32_t target : targets) add(source_word, target);
    shapes.emplace_back(static_cast<std::uint32_t>(sources.size()), static_cast<std::uint32_t>(targets.size()));
    for (const std::uint32_t target : targets)
      for (const std::uint32_t source_word : sources)
        runs.push_back(of_key.find(TranslationTable::key(source_word, target))->second);
  }
};

Slots build_slots(std::span<const IdSentencePair> pairs, bool null_word) {
  Slots slots;
  std::vector<std::uint32_t> sources;
  for (const auto& pair : pairs) {
    sources.assign(pair.source.begin(), pair.source.end());
    if (null_word) sources.push_back(TranslationTable::kNullWord);
    slots.add_pair(sources, pair.target);
  }
  slots.of_key = {};
  return slots;
}

// One E-step (Brown et al. 1993, eq. 12 for Model 1): each target word's
// occurrence is shared among the source words of its sentence in proportion
// to t(target | source). Returns the mean log-likelihood of a target word,
// log of the mean t over its sentence's source words.
double expect_counts(const Slots& slots, std::span<const double> probability, std::vector<double>& expected_count,
                     std::vector<double>& source_total) {
  expected_count.assign(slots.keys.size(), 0.0);
  source_total.assign(slots.source_index.size(), 0.0);
  double log_likelihood = 0.0;
  std::size_t occurrences = 0;
  const std::uint32_t* run = slots.runs.data();
  for (const auto& [length, count] : slots.shapes) {
    for (std::uint32_t occurrence = 0; occurrence < count; ++occurrence, run += length) {
      double normalizer = 0.0;
      for (std::uint32_t k = 0; k < length; ++k) normalizer += probability[run[k]];
      if (normalizer <= 0.0) continue;
      log_likelihood += std::log(normalizer / length);
      ++occurrences;
      for (std::uint32_t k = 0; k < length; ++k) {
        const double share = probability[run[k]] / normalizer;
        expected_count[run[k]] += share;
        source_total[slots.source_of_slot[run[k]]] += share;
      }
    }
  }
  return occurrences == 0 ? 0.0 : log_likelihood / static_cast<double>(occurrences);
}

}  // namespace

TranslationTable train_ibm_model1(std::span<const IdSentencePair> pairs, const Model1Options& options,
                                  int* iterations_run) {
  const Slots slots = build_slots(pairs, options.null_word);
  // Uniform start: any constant does, the first E-step normalizes it away
  // (and its likelihood is meaningless: the gain is measured from the second).
  std::vector<double> slot_probability(slots.keys.size(), 1.0), expected_count, source_total;
  double previous = 0.0;
  int iteration = 0;
  while (iteration < options.iterations) {
    const double log_likelihood = expect_counts(slots, slot_probability, expected_count, source_total);
    ++iteration;
    // M-step: t(target | source) = count(source, target) / count(source).
    for (std::size_t slot = 0; slot < slot_probability.size(); ++slot) {
      const double total = source_total[slots.source_of_slot[slot]];
      slot_probability[slot] = total <= 0.0 ? 0.0 : expected_count[slot] / total;
    }
    if (iteration >= 3 && log_likelihood - previous < options.min_gain) break;
    previous = log_likelihood;
  }
  if (iterations_run != nullptr) *iterations_run = iteration;
  TranslationTable table;
  // Every key, one at a time in first-seen order, then the zeros out: the
  // same insertions make the same buckets, so for_each's order stays as it was.
  auto& probability = table.probabilities_;
  for (std::size_t slot = 0; slot < slots.keys.size(); ++slot) probability.emplace(slots.keys[slot], slot_probability[slot]);
  std::erase_if(probability, [](const auto& entry) { return entry.second <= 0.0; });
  return table;
}

}  // namespace untm::lexicon
