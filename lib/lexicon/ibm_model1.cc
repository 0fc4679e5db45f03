#include "lexicon/ibm_model1.h"

#include <stdexcept>

#include <algorithm>
#include <cmath>

namespace untm::lexicon {

std::uint32_t KeySlots::find(std::uint64_t key) const {
  for (std::size_t at = position(key);; at = (at + 1) & (entries_.size() - 1)) {
    if (entries_[at].slot == kAbsent || entries_[at].key == key) return entries_[at].slot;
  }
}

std::uint32_t KeySlots::find_or_add(std::uint64_t key) {
  for (std::size_t at = position(key);; at = (at + 1) & (entries_.size() - 1)) {
    Entry& entry = entries_[at];
    if (entry.slot != kAbsent && entry.key == key) return entry.slot;
    if (entry.slot == kAbsent) {
      entry = {key, static_cast<std::uint32_t>(size_++)};
      const std::uint32_t slot = entry.slot;
      if (2 * size_ > entries_.size()) grow();
      return slot;
    }
  }
}

void KeySlots::reserve(std::size_t count) {
  std::size_t wanted = entries_.size();
  while (wanted < 2 * count) wanted *= 2;  // find_or_add grows past half full
  if (wanted != entries_.size()) rehash(wanted);
}

void KeySlots::grow() { rehash(2 * entries_.size()); }

void KeySlots::rehash(std::size_t entry_count) {
  std::vector<Entry> old(entry_count);
  old.swap(entries_);
  for (const Entry& entry : old) {
    if (entry.slot == kAbsent) continue;
    std::size_t at = position(entry.key);
    while (entries_[at].slot != kAbsent) at = (at + 1) & (entries_.size() - 1);
    entries_[at] = entry;
  }
}

std::uint32_t TranslationTable::slot(std::uint32_t source, std::uint32_t target) const {
  if (!indexed_) throw std::logic_error("TranslationTable: looked up by key without its index (ReverseIndex)");
  return slots_.find(key(source, target));
}

double TranslationTable::probability(std::uint32_t source, std::uint32_t target) const {
  const std::uint32_t found = slot(source, target);
  return found == KeySlots::kAbsent ? 0.0 : probabilities_[found];
}

std::uint32_t TranslationTable::cooccurrences(std::uint32_t source, std::uint32_t target) const {
  const std::uint32_t found = slot(source, target);
  return found == KeySlots::kAbsent ? 0 : cooccurrences_[found];
}

class TranslationTableBuilder {
 public:
  // `slots` indexes `keys`, or is empty and `indexed` false.
  static TranslationTable make(std::vector<std::uint64_t> keys, KeySlots slots, bool indexed,
                               std::vector<std::uint32_t> cooccurrences, std::vector<double> probabilities) {
    TranslationTable table;
    table.keys_ = std::move(keys);
    table.slots_ = std::move(slots);
    table.indexed_ = indexed;
    table.cooccurrences_ = std::move(cooccurrences);
    table.probabilities_ = std::move(probabilities);
    return table;
  }
};

namespace {

// The training state in flat arrays: every co-occurring (source, target) pair
// is a slot, every source word an index, and every target word occurrence a
// run of slot ids (one per source word of its sentence, the empty word
// included), so that an EM iteration walks arrays and does no hash lookup.
// Sums run in the same order as over the maps of the first version: the
// table is the same to the last bit.
struct Slots {
  std::vector<std::uint64_t> keys;
  KeySlots slot_of_key;
  // Per slot: in how many pairs its words co-occur, and the last pair
  // (numbered from 1) counted.
  struct Seen {
    std::uint32_t last_pair = 0;
    std::uint32_t pairs = 0;
  };
  std::vector<Seen> seen;
  KeySlots source_of_word;                    // source word -> index into the source totals
  std::vector<std::uint32_t> source_of_slot;  // index into the source totals
  // Per training pair: its number of source words (the run length) and of
  // target words (runs); the runs themselves, pair after pair.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> shapes;
  std::vector<std::uint32_t> runs;
  std::vector<std::uint32_t> pair_slots;  // one pair's slots, source by source

  // The slot of `key`, made on first sight; counts pair `pair_number` as a
  // co-occurrence once.
  std::uint32_t slot(std::uint64_t key, std::uint32_t pair_number) {
    const std::uint32_t found = slot_of_key.find_or_add(key);
    if (found == keys.size()) make_slot(key);
    count_pair(found, pair_number);
    return found;
  }
  // A new slot for `key`, the next one (its key slots are the caller's).
  std::uint32_t make_slot(std::uint64_t key) {
    keys.push_back(key);
    seen.emplace_back();
    source_of_slot.push_back(source_of_word.find_or_add(key >> 32));
    return static_cast<std::uint32_t>(keys.size() - 1);
  }
  // Counts pair `pair_number` as a co-occurrence of `slot`'s words, once.
  void count_pair(std::uint32_t slot, std::uint32_t pair_number) {
    if (seen[slot].last_pair != pair_number) seen[slot] = {pair_number, seen[slot].pairs + 1};
  }
  // Slots are made source by source, as the table was always filled, so
  // that for_each (and the order of learn_lexicon's entries) stays as it was.
  void add_pair(std::span<const std::uint32_t> sources, std::span<const std::uint32_t> targets,
                std::uint32_t pair_number) {
    pair_slots.clear();
    for (const std::uint32_t source_word : sources) {
      // The row's look-ups miss the cache independently: start them all first.
      for (const std::uint32_t target : targets) slot_of_key.prefetch(TranslationTable::key(source_word, target));
      for (const std::uint32_t target : targets)
        pair_slots.push_back(slot(TranslationTable::key(source_word, target), pair_number));
    }
    shapes.emplace_back(static_cast<std::uint32_t>(sources.size()), static_cast<std::uint32_t>(targets.size()));
    for (std::size_t target = 0; target < targets.size(); ++target)
      for (std::size_t source = 0; source < sources.size(); ++source)
        runs.push_back(pair_slots[source * targets.size() + target]);
  }
};

// The reverse direction's training state (sources and targets swapped),
// made alongside the forward one without a hash look-up: a reverse pair of
// words is a forward pair transposed, or the empty word with a source word.
// Slots, source indices and runs come out as build_slots() would make them
// from the swapped pairs, in the same order, so the table is the same.
class ReverseSlots {
 public:
  explicit ReverseSlots(bool null_word) : null_word_(null_word) {}

  // Adds the pair whose forward slots `forward` has just made (its
  // pair_slots, source by source: `sources` then the empty word, if any).
  void add_pair(const Slots& forward, std::span<const std::uint32_t> sources, std::span<const std::uint32_t> targets,
                std::uint32_t pair_number) {
    Slots& slots = slots_;
    slots.pair_slots.clear();
    // Reverse sources: the forward targets, then the empty word; reverse
    // targets: the forward sources.
    for (std::size_t target = 0; target < targets.size(); ++target) {
      for (std::size_t source = 0; source < sources.size(); ++source) {
        const std::uint32_t forward_slot = forward.pair_slots[source * targets.size() + target];
        if (forward_slot >= slot_of_forward_.size()) slot_of_forward_.resize(forward.keys.size(), KeySlots::kAbsent);
        slots.pair_slots.push_back(
            slot(slot_of_forward_[forward_slot], targets[target], sources[source], pair_number));
      }
    }
    if (null_word_) {
      for (const std::uint32_t source : sources) {
        if (source >= slot_of_null_.size())
          slot_of_null_.resize(std::max(std::size_t{source} + 1, 2 * slot_of_null_.size()), KeySlots::kAbsent);
        slots.pair_slots.push_back(slot(slot_of_null_[source], TranslationTable::kNullWord, source, pair_number));
      }
    }
    const std::size_t reverse_sources = targets.size() + (null_word_ ? 1 : 0);
    slots.shapes.emplace_back(static_cast<std::uint32_t>(reverse_sources), static_cast<std::uint32_t>(sources.size()));
    for (std::size_t target = 0; target < sources.size(); ++target)
      for (std::size_t source = 0; source < reverse_sources; ++source)
        slots.runs.push_back(slots.pair_slots[source * sources.size() + target]);
  }

  // Room for the runs and shapes of all pairs.
  void reserve(std::size_t run_length, std::size_t pairs) {
    slots_.runs.reserve(run_length);
    slots_.shapes.reserve(pairs);
  }

  // The finished state, its key slots filled from its keys if `index`;
  // `reverse_of_forward` receives the reverse slot of each forward slot.
  // The map from words goes.
  Slots take(bool index, std::vector<std::uint32_t>& reverse_of_forward) {
    reverse_of_forward = std::move(slot_of_forward_);
    slot_of_null_ = {};
    if (index) {
      slots_.slot_of_key.reserve(slots_.keys.size());
      for (const std::uint64_t key : slots_.keys) slots_.slot_of_key.find_or_add(key);
    }
    return std::move(slots_);
  }

 private:
  // The reverse slot held in `remembered` (made now if absent) for the
  // reverse pair (source, target), counting pair `pair_number` once.
  std::uint32_t slot(std::uint32_t& remembered, std::uint32_t source, std::uint32_t target, std::uint32_t pair_number) {
    if (remembered == KeySlots::kAbsent) remembered = slots_.make_slot(TranslationTable::key(source, target));
    slots_.count_pair(remembered, pair_number);
    return remembered;
  }

  bool null_word_;
  Slots slots_;
  std::vector<std::uint32_t> slot_of_forward_;  // reverse slot of each forward slot
  std::vector<std::uint32_t> slot_of_null_;     // reverse slot of (empty word, w), by w
};

Slots build_slots(std::span<const IdSentencePair> pairs, bool null_word) {
  Slots slots;
  std::size_t run_length = 0;
  for (const auto& pair : pairs) run_length += (pair.source.size() + (null_word ? 1 : 0)) * pair.target.size();
  slots.runs.reserve(run_length);
  slots.shapes.reserve(pairs.size());
  std::vector<std::uint32_t> sources;
  std::uint32_t pair_number = 0;
  for (const auto& pair : pairs) {
    sources.assign(pair.source.begin(), pair.source.end());
    if (null_word) sources.push_back(TranslationTable::kNullWord);
    slots.add_pair(sources, pair.target, ++pair_number);
  }
  return slots;
}

// The source-total index of each source word of each pair, pair after pair
// (pairs with no target word left out): a pair's runs list its source words
// in the same order for every target occurrence, so the E-step reads the
// indices in order here instead of through source_of_slot at every slot of
// every run (a cache miss each).
std::vector<std::uint32_t> pair_source_totals(const Slots& slots) {
  std::vector<std::uint32_t> indices;
  const std::uint32_t* run = slots.runs.data();
  for (const auto& [length, count] : slots.shapes) {
    if (count == 0) continue;
    for (std::uint32_t k = 0; k < length; ++k) indices.push_back(slots.source_of_slot[run[k]]);
    run += std::size_t{length} * count;
  }
  return indices;
}

// One E-step (Brown et al. 1993, eq. 12 for Model 1): each target word's
// occurrence is shared among the source words of its sentence in proportion
// to t(target | source). Returns the mean log-likelihood of a target word,
// log of the mean t over its sentence's source words. `pair_sources` is
// pair_source_totals(slots); each slot's t is read once per occurrence (into
// `held`) where the shares read it again.
double expect_counts(const Slots& slots, std::span<const std::uint32_t> pair_sources,
                     std::span<const double> probability, std::vector<double>& expected_count,
                     std::vector<double>& source_total, std::vector<double>& held) {
  expected_count.assign(slots.keys.size(), 0.0);
  source_total.assign(slots.source_of_word.size(), 0.0);
  double log_likelihood = 0.0;
  std::size_t occurrences = 0;
  const std::uint32_t* run = slots.runs.data();
  const std::uint32_t* sources = pair_sources.data();
  for (const auto& [length, count] : slots.shapes) {
    if (count == 0) continue;
    if (held.size() < length) held.resize(length);
    for (std::uint32_t occurrence = 0; occurrence < count; ++occurrence, run += length) {
      double normalizer = 0.0;
      for (std::uint32_t k = 0; k < length; ++k) {
        held[k] = probability[run[k]];
        normalizer += held[k];
      }
      if (normalizer <= 0.0) continue;
      log_likelihood += std::log(normalizer / length);
      ++occurrences;
      for (std::uint32_t k = 0; k < length; ++k) {
        const double share = held[k] / normalizer;
        expected_count[run[k]] += share;
        source_total[sources[k]] += share;
      }
    }
    sources += length;
  }
  return occurrences == 0 ? 0.0 : log_likelihood / static_cast<double>(occurrences);
}

TranslationTable train_slots(Slots slots, const Model1Options& options, int* iterations_run, bool indexed = true) {
  // Uniform start: any constant does, the first E-step normalizes it away
  // (and its likelihood is meaningless: the gain is measured from the second).
  std::vector<double> slot_probability(slots.keys.size(), 1.0), expected_count, source_total, held;
  const std::vector<std::uint32_t> pair_sources = pair_source_totals(slots);
  double previous = 0.0;
  int iteration = 0;
  while (iteration < options.iterations) {
    const double log_likelihood =
        expect_counts(slots, pair_sources, slot_probability, expected_count, source_total, held);
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
  std::vector<std::uint32_t> cooccurrences;
  cooccurrences.reserve(slots.seen.size());
  for (const Slots::Seen& seen : slots.seen) cooccurrences.push_back(seen.pairs);
  return TranslationTableBuilder::make(std::move(slots.keys), std::move(slots.slot_of_key), indexed,
                                       std::move(cooccurrences), std::move(slot_probability));
}

}  // namespace

TranslationTable train_ibm_model1(std::span<const IdSentencePair> pairs, const Model1Options& options,
                                  int* iterations_run) {
  return train_slots(build_slots(pairs, options.null_word), options, iterations_run);
}

TwoWayTables train_ibm_model1_both_ways(std::span<const IdSentencePair> pairs, const Model1Options& options,
                                        const RunTwoTasks& run_tasks, ReverseIndex index) {
  Slots forward;
  ReverseSlots reverse(options.null_word);
  const std::size_t empty_word = options.null_word ? 1 : 0;
  std::size_t forward_length = 0, reverse_length = 0;
  for (const auto& pair : pairs) {
    forward_length += (pair.source.size() + empty_word) * pair.target.size();
    reverse_length += (pair.target.size() + empty_word) * pair.source.size();
  }
  forward.runs.reserve(forward_length);
  forward.shapes.reserve(pairs.size());
  reverse.reserve(reverse_length, pairs.size());
  std::vector<std::uint32_t> sources;
  std::uint32_t pair_number = 0;
  for (const auto& pair : pairs) {
    sources.assign(pair.source.begin(), pair.source.end());
    if (options.null_word) sources.push_back(TranslationTable::kNullWord);
    forward.add_pair(sources, pair.target, ++pair_number);
    reverse.add_pair(forward, pair.source, pair.target, pair_number);
  }
  TwoWayTables tables;
  const bool index_reverse = index == ReverseIndex::by_key;
  Slots reverse_slots = reverse.take(index_reverse, tables.reverse_of_forward);
  run_tasks([&] { tables.forward = train_slots(std::move(forward), options, nullptr); },
            [&] { tables.reverse = train_slots(std::move(reverse_slots), options, nullptr, index_reverse); });
  return tables;
}

}  // namespace untm::lexicon
