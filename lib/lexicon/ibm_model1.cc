#include "lexicon/ibm_model1.h"

#include <algorithm>
#include <bit>
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
  shift_ = 64 - std::countr_zero(entry_count);
  for (const Entry& entry : old) {
    if (entry.slot == kAbsent) continue;
    std::size_t at = position(entry.key);
    while (entries_[at].slot != kAbsent) at = (at + 1) & (entries_.size() - 1);
    entries_[at] = entry;
  }
}

std::uint32_t TranslationTable::slot(std::uint32_t source, std::uint32_t target) const {
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
  // `slots` indexes `keys`.
  static TranslationTable make(std::vector<std::uint64_t> keys, KeySlots slots,
                               std::vector<std::uint32_t> cooccurrences, std::vector<double> probabilities) {
    TranslationTable table;
    table.keys_ = std::move(keys);
    table.slots_ = std::move(slots);
    table.cooccurrences_ = std::move(cooccurrences);
    table.probabilities_ = std::move(probabilities);
    return table;
  }
};

namespace {

// The training state in flat arrays: every co-occurring (source, target) pair
// is a slot, every source word an index, and every training pair a block of
// slot ids, a row per source word (the empty word last) and a column per
// target word, so that an EM iteration walks arrays and does no hash look-up.
// The reverse direction reads the same blocks by row (its own slot of a pair
// of words is the forward one, see ReverseModel), so the blocks are made
// once. Sums run in the same order as over the maps of the first version:
// the table is the same to the last bit.
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
  // Per training pair: its rows (source words, the empty word included) and
  // columns (target words); the blocks themselves, pair after pair.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> shapes;
  std::vector<std::uint32_t> blocks;

  // The slot of `key`, made on first sight; counts pair `pair_number` as a
  // co-occurrence once.
  std::uint32_t slot(std::uint64_t key, std::uint32_t pair_number) {
    const std::uint32_t found = slot_of_key.find_or_add(key);
    if (found == keys.size()) {
      keys.push_back(key);
      seen.emplace_back();
      source_of_slot.push_back(source_of_word.find_or_add(key >> 32));
    }
    if (seen[found].last_pair != pair_number) seen[found] = {pair_number, seen[found].pairs + 1};
    return found;
  }
  // Slots are made source by source, as the table was always filled, so
  // that for_each (and the order of learn_lexicon's entries) stays as it was.
  void add_pair(std::span<const std::uint32_t> sources, std::span<const std::uint32_t> targets,
                std::uint32_t pair_number) {
    shapes.emplace_back(static_cast<std::uint32_t>(sources.size()), static_cast<std::uint32_t>(targets.size()));
    for (const std::uint32_t source_word : sources) {
      // The row's look-ups miss the cache independently: start them all first.
      for (const std::uint32_t target : targets) slot_of_key.prefetch(TranslationTable::key(source_word, target));
      for (const std::uint32_t target : targets) blocks.push_back(slot(TranslationTable::key(source_word, target), pair_number));
    }
  }
};

Slots build_slots(std::span<const IdSentencePair> pairs, bool null_word) {
  Slots slots;
  std::size_t cells = 0;
  for (const auto& pair : pairs) cells += (pair.source.size() + (null_word ? 1 : 0)) * pair.target.size();
  slots.blocks.reserve(cells);
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
// (pairs with no target word left out): a pair's rows are its source words,
// so the E-step reads the indices in order here instead of through
// source_of_slot at every cell (a cache miss each).
std::vector<std::uint32_t> pair_source_totals(const Slots& slots) {
  std::vector<std::uint32_t> indices;
  const std::uint32_t* block = slots.blocks.data();
  for (const auto& [rows, columns] : slots.shapes) {
    if (columns == 0) continue;
    for (std::uint32_t row = 0; row < rows; ++row) indices.push_back(slots.source_of_slot[block[row * columns]]);
    block += std::size_t{rows} * columns;
  }
  return indices;
}

// What one E-step leaves: expected counts by slot, their totals by source,
// and the mean log-likelihood of a target word.
struct Expectation {
  std::vector<double> count;
  std::vector<double> source_total;
  double log_likelihood = 0.0;
  std::size_t occurrences = 0;

  void reset(std::size_t slots, std::size_t sources) {
    count.assign(slots, 0.0);
    source_total.assign(sources, 0.0);
    log_likelihood = 0.0;
    occurrences = 0;
  }
  // One target word's occurrence, shared among the source words whose
  // t(target | source) `held` holds (Brown et al. 1993, eq. 12 for Model 1):
  // slot_of(k) and source_of(k) are the k-th source word's slot and total.
  template <typename SlotOf, typename SourceOf>
  void share(std::span<const double> held, SlotOf slot_of, SourceOf source_of) {
    double normalizer = 0.0;
    for (const double probability : held) normalizer += probability;
    if (normalizer <= 0.0) return;
    log_likelihood += std::log(normalizer / static_cast<double>(held.size()));
    ++occurrences;
    for (std::size_t k = 0; k < held.size(); ++k) {
      const double share = held[k] / normalizer;
      count[slot_of(k)] += share;
      source_total[source_of(k)] += share;
    }
  }
  double mean_log_likelihood() const {
    return occurrences == 0 ? 0.0 : log_likelihood / static_cast<double>(occurrences);
  }
};

// The forward E-step: each target word (a column of its pair's block) is
// shared among the source words of its sentence (the rows). `pair_sources`
// is pair_source_totals(slots); each slot's t is read once per occurrence
// (into `held`) where the shares read it again.
void expect_forward(const Slots& slots, std::span<const std::uint32_t> pair_sources,
                    std::span<const double> probability, Expectation& expected, std::vector<double>& held) {
  expected.reset(slots.keys.size(), slots.source_of_word.size());
  const std::uint32_t* block = slots.blocks.data();
  const std::uint32_t* sources = pair_sources.data();
  for (const auto& shape : slots.shapes) {
    // Named copies, not a structured binding: clang 14 (the fuzz build)
    // cannot capture a binding in the lambdas below.
    const std::uint32_t rows = shape.first;
    const std::uint32_t columns = shape.second;
    if (columns == 0) continue;
    if (held.size() < rows) held.resize(rows);
    for (std::uint32_t column = 0; column < columns; ++column) {
      for (std::uint32_t row = 0; row < rows; ++row) held[row] = probability[block[row * columns + column]];
      expected.share(
          std::span<const double>(held.data(), rows), [&](std::size_t row) { return block[row * columns + column]; },
          [&](std::size_t row) { return sources[row]; });
    }
    sources += rows;
    block += std::size_t{rows} * columns;
  }
}

// The reverse direction, t(source | target), over the forward state: its
// source words are the forward targets, its targets the forward sources.
// A pair of two words has the forward pair's slot, so that the reverse E-step
// reads each pair's block row by row; the empty word's pairs, (empty,
// source word w), come after the forward slots, at forward slots + w. The
// forward slots of the empty word's own pairs are unused here (0). Totals by
// reverse source word: the forward target ids themselves (dense), the empty
// word after them. Each sum takes the same terms in the same order as
// train_ibm_model1 over the swapped pairs, so the probabilities are the same
// to the last bit; only the slots are numbered otherwise.
class ReverseModel {
 public:
  ReverseModel(const Slots& forward, std::span<const IdSentencePair> pairs, bool null_word)
      : forward_(forward), pairs_(pairs), null_word_(null_word) {
    std::uint32_t largest_source = 0, largest_target = 0;
    for (const auto& pair : pairs) {
      for (const std::uint32_t word : pair.source) largest_source = std::max(largest_source, word);
      for (const std::uint32_t word : pair.target) largest_target = std::max(largest_target, word);
    }
    empty_word_total_ = std::size_t{largest_target} + 1;
    slot_count_ = forward.keys.size() + (null_word ? std::size_t{largest_source} + 1 : 0);
    // The total of each slot's reverse source word, for the M-step.
    source_of_slot_.reserve(slot_count_);
    for (const std::uint64_t key : forward.keys) source_of_slot_.push_back(static_cast<std::uint32_t>(key & 0xFFFFFFFFu));
    source_of_slot_.resize(slot_count_, static_cast<std::uint32_t>(empty_word_total_));
  }
  std::size_t slot_count() const { return slot_count_; }
  std::size_t total_count() const { return empty_word_total_ + 1; }
  std::uint32_t source_of_slot(std::size_t slot) const { return source_of_slot_[slot]; }
  bool unused(std::size_t slot) const {
    return slot < forward_.keys.size() && (forward_.keys[slot] >> 32) == TranslationTable::kNullWord;
  }

  // One E-step (see expect_forward).
  void expect(std::span<const double> probability, Expectation& expected, std::vector<double>& held) const {
    expected.reset(slot_count_, total_count());
    const std::uint32_t* block = forward_.blocks.data();
    const std::size_t empty_word = null_word_ ? 1 : 0;
    for (const IdSentencePair& pair : pairs_) {
      const std::size_t columns = pair.target.size(), length = columns + empty_word;
      if (held.size() < length) held.resize(length);
      const std::size_t empty_slot_base = forward_.keys.size();
      for (std::size_t row = 0; row < pair.source.size(); ++row) {
        const std::uint32_t* cells = block + row * columns;
        for (std::size_t column = 0; column < columns; ++column) held[column] = probability[cells[column]];
        const std::size_t empty_slot = empty_slot_base + pair.source[row];
        if (null_word_) held[columns] = probability[empty_slot];
        expected.share(
            std::span<const double>(held.data(), length),
            [&](std::size_t k) { return k < columns ? std::size_t{cells[k]} : empty_slot; },
            [&](std::size_t k) { return k < columns ? std::size_t{pair.target[k]} : empty_word_total_; });
      }
      block += (pair.source.size() + empty_word) * columns;
    }
  }

 private:
  const Slots& forward_;
  std::span<const IdSentencePair> pairs_;
  bool null_word_;
  std::size_t empty_word_total_ = 0;
  std::size_t slot_count_ = 0;
  std::vector<std::uint32_t> source_of_slot_;
};

// EM from a uniform start: any constant does, the first E-step normalizes it
// away (and its likelihood is meaningless: the gain is measured from the
// second). `expect(probability, expected)` is one E-step; M-step:
// t(target | source) = count(source, target) / count(source).
template <typename Expect, typename SourceOf>
std::vector<double> run_em(std::size_t slot_count, const Model1Options& options, Expect expect, SourceOf source_of,
                           int* iterations_run) {
  std::vector<double> probability(slot_count, 1.0);
  Expectation expected;
  double previous = 0.0;
  int iteration = 0;
  while (iteration < options.iterations) {
    expect(probability, expected);
    const double log_likelihood = expected.mean_log_likelihood();
    ++iteration;
    for (std::size_t slot = 0; slot < slot_count; ++slot) {
      const double total = expected.source_total[source_of(slot)];
      probability[slot] = total <= 0.0 ? 0.0 : expected.count[slot] / total;
    }
    if (iteration >= 3 && log_likelihood - previous < options.min_gain) break;
    previous = log_likelihood;
  }
  if (iterations_run != nullptr) *iterations_run = iteration;
  return probability;
}

std::vector<double> train_forward(const Slots& slots, const Model1Options& options, int* iterations_run) {
  const std::vector<std::uint32_t> pair_sources = pair_source_totals(slots);
  std::vector<double> held;
  return run_em(
      slots.keys.size(), options,
      [&](std::span<const double> probability, Expectation& expected) {
        expect_forward(slots, pair_sources, probability, expected, held);
      },
      [&](std::size_t slot) { return slots.source_of_slot[slot]; }, iterations_run);
}

TranslationTable make_table(Slots slots, std::vector<double> probabilities) {
  std::vector<std::uint32_t> cooccurrences;
  cooccurrences.reserve(slots.seen.size());
  for (const Slots::Seen& seen : slots.seen) cooccurrences.push_back(seen.pairs);
  return TranslationTableBuilder::make(std::move(slots.keys), std::move(slots.slot_of_key), std::move(cooccurrences),
                                       std::move(probabilities));
}

}  // namespace

TranslationTable train_ibm_model1(std::span<const IdSentencePair> pairs, const Model1Options& options,
                                  int* iterations_run) {
  Slots slots = build_slots(pairs, options.null_word);
  std::vector<double> probabilities = train_forward(slots, options, iterations_run);
  return make_table(std::move(slots), std::move(probabilities));
}

TwoWayTables train_ibm_model1_both_ways(std::span<const IdSentencePair> pairs, const Model1Options& options,
                                        const RunTwoTasks& run_tasks) {
  Slots slots = build_slots(pairs, options.null_word);
  const ReverseModel reverse(slots, pairs, options.null_word);
  std::vector<double> forward_probabilities, reverse_probabilities;
  run_tasks([&] { forward_probabilities = train_forward(slots, options, nullptr); },
            [&] {
              std::vector<double> held;
              reverse_probabilities = run_em(
                  reverse.slot_count(), options,
                  [&](std::span<const double> probability, Expectation& expected) {
                    reverse.expect(probability, expected, held);
                  },
                  [&](std::size_t slot) { return reverse.source_of_slot(slot); }, nullptr);
            });
  TwoWayTables tables;
  // The reverse probability of each forward pair of two words, at its slot.
  reverse_probabilities.resize(slots.keys.size());
  for (std::size_t slot = 0; slot < reverse_probabilities.size(); ++slot)
    if (reverse.unused(slot)) reverse_probabilities[slot] = 0.0;
  tables.reverse_by_forward_slot = std::move(reverse_probabilities);
  tables.forward = make_table(std::move(slots), std::move(forward_probabilities));
  return tables;
}

}  // namespace untm::lexicon
