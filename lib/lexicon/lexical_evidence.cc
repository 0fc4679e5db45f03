#include "lexicon/lexical_evidence.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cmath>
#include <functional>
#include <limits>
#include <new>
#include <stdexcept>
#include <unordered_map>
#include <utility>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include "core/characters.h"
#include "core/length_diagonal.h"

namespace untm::lexicon {

namespace {

// Group sizes whose chance coverage is precomputed per sentence; larger
// groups (rare) compute it on the spot.
constexpr std::size_t kPrecomputedGroupSizes = 8;

// The lexicon as one document sees it: the words of its sentences, renumbered
// 0.. in the model's order (so a sentence's sorted ids stay sorted), and each
// word's translations among the other side's words of the document, in the
// model's order too. The tables that pricing and the chance estimate index
// by word then span the document's few thousand words instead of the
// lexicon's (CC-CEDICT's tens of thousands of English words, whose closure
// heads were looked up at random), and the translations no sentence of the
// document can use are gone.
struct DocumentLexicon {
  TranslationLists english_of_chinese;
  TranslationLists chinese_of_english;
  std::size_t english_word_count() const { return chinese_of_english.offsets.size() - 1; }
};

constexpr std::uint32_t kNotInDocument = UINT32_MAX;

// Renumbers the model word ids of one side's sentences to the document's
// words; returns each document word's model id, and fills `local_of_model`
// (over the model's vocabulary) with the reverse, kNotInDocument elsewhere.
std::vector<std::uint32_t> renumber_side(std::vector<std::vector<std::uint32_t>>& sentences,
                                         std::size_t vocabulary_size, std::vector<std::uint32_t>& local_of_model) {
  local_of_model.assign(vocabulary_size, kNotInDocument);
  std::vector<std::uint32_t> model_of_local;
  for (const auto& words : sentences) {
    for (const std::uint32_t word : words) {
      if (local_of_model[word] != kNotInDocument) continue;
      local_of_model[word] = 0;
      model_of_local.push_back(word);
    }
  }
  std::sort(model_of_local.begin(), model_of_local.end());
  for (std::size_t local = 0; local < model_of_local.size(); ++local)
    local_of_model[model_of_local[local]] = static_cast<std::uint32_t>(local);
  for (auto& words : sentences)
    for (std::uint32_t& word : words) word = local_of_model[word];
  return model_of_local;
}

// The translations of each document word of one side among the other
// side's document words.
TranslationLists document_lists(std::span<const std::uint32_t> model_of_local,
                                      const std::vector<std::uint32_t>& other_local_of_model,
                                      const std::function<std::span<const Translation>(std::uint32_t)>& translations_of) {
  TranslationLists lists;
  lists.offsets.reserve(model_of_local.size() + 1);
  for (const std::uint32_t word : model_of_local) {
    for (const Translation& translation : translations_of(word)) {
      const std::uint32_t local = other_local_of_model[translation.word];
      if (local != kNotInDocument) lists.translations.push_back({local, translation.strength});
    }
    lists.offsets.push_back(static_cast<std::uint32_t>(lists.translations.size()));
  }
  return lists;
}

// The lexicon words of one sentence with their weights.
struct SentenceWords {
  std::vector<std::uint32_t> words;  // sorted ids
  std::vector<float> weights;        // idf, parallel to words
  std::vector<float> chance;         // q: mean coverage by one sentence of the other side
  // expected_coverage[k - 1] = sum over words of weight * (1 - (1 - q)^k):
  // the weighted coverage a group of k random sentences gives by chance.
  std::array<double, kPrecomputedGroupSizes> expected_coverage{};
  // Larger groups come from paragraph links, whose sizes the aligner asks
  // for again in every cell and pass (std::pow was 18% of a batch): every
  // size up to the largest asked for is kept, larger_coverage[k - 9], made
  // by the same running product as expected_coverage.
  static constexpr std::size_t kMaxRememberedSize = 1024;
  mutable std::vector<double> larger_coverage;

  double chance_coverage(std::size_t group_size) const {
    if (group_size <= kPrecomputedGroupSizes) return expected_coverage[group_size - 1];
    const std::size_t index = group_size - kPrecomputedGroupSizes - 1;
    if (index < larger_coverage.size()) return larger_coverage[index];
    if (group_size > kMaxRememberedSize) {
      double total = 0.0;
      for (std::size_t word = 0; word < words.size(); ++word)
        total += weights[word] * (1.0 - std::pow(1.0 - chance[word], static_cast<double>(group_size)));
      return total;
    }
    // Computed again from size 1 up to at least twice the largest size
    // kept before, by the same running product as expected_coverage: the
    // same doubles whatever sizes came first (and one std::pow per word
    // for each new size was 1.4% of a batch).
    const std::size_t largest =
        std::min(std::max(group_size, 2 * (kPrecomputedGroupSizes + larger_coverage.size())), kMaxRememberedSize);
    larger_coverage.assign(largest - kPrecomputedGroupSizes, 0.0);
    for (std::size_t word = 0; word < words.size(); ++word) {
      double miss = 1.0;
      for (std::size_t size = 1; size <= largest; ++size) {
        miss *= 1.0 - chance[word];
        if (size > kPrecomputedGroupSizes)
          larger_coverage[size - kPrecomputedGroupSizes - 1] += weights[word] * (1.0 - miss);
      }
    }
    return larger_coverage[index];
  }
};

// The words of consecutive sentences as one (a paragraph, for the paragraph
// stage): their words one after the other, each with its weight and chance,
// and the sums of their chance coverages.
SentenceWords merge_sentences(std::span<const SentenceWords> sentences) {
  SentenceWords merged;
  for (const SentenceWords& sentence : sentences) {
    merged.words.insert(merged.words.end(), sentence.words.begin(), sentence.words.end());
    merged.weights.insert(merged.weights.end(), sentence.weights.begin(), sentence.weights.end());
    merged.chance.insert(merged.chance.end(), sentence.chance.begin(), sentence.chance.end());
    for (std::size_t size = 0; size < kPrecomputedGroupSizes; ++size)
      merged.expected_coverage[size] += sentence.expected_coverage[size];
  }
  return merged;
}

// Groups of sentences, as LinkEvidence::for_groups gives them: each group's
// first sentence, then the sentence count. None may be empty.
bool valid_groups(std::span<const std::size_t> group_begin, std::size_t sentence_count) {
  if (group_begin.size() < 2 || group_begin.front() != 0 || group_begin.back() != sentence_count) return false;
  for (std::size_t group = 0; group + 1 < group_begin.size(); ++group)
    if (group_begin[group + 1] <= group_begin[group]) return false;
  return true;
}

constexpr std::uint32_t kNoGroup = UINT32_MAX;

// For each sentence (and one past the end), the group that begins there;
// kNoGroup inside a group.
std::vector<std::uint32_t> group_at_sentences(std::span<const std::size_t> group_begin) {
  std::vector<std::uint32_t> group_at(group_begin.back() + 1, kNoGroup);
  for (std::size_t group = 0; group < group_begin.size(); ++group)
    group_at[group_begin[group]] = static_cast<std::uint32_t>(group);
  return group_at;
}

std::vector<SentenceWords> merge_groups(const std::vector<SentenceWords>& sentences,
                                        std::span<const std::size_t> group_begin) {
  std::vector<SentenceWords> groups;
  groups.reserve(group_begin.size() - 1);
  for (std::size_t group = 0; group + 1 < group_begin.size(); ++group)
    groups.push_back(merge_sentences(std::span(sentences).subspan(group_begin[group],
                                                                  group_begin[group + 1] - group_begin[group])));
  return groups;
}

// Words and idf weights of one side of a document: idf(w) = log(1 + N / df(w))
// over its N sentences, scaled to mean 1 over all word occurrences.
std::vector<SentenceWords> weigh_side(std::vector<std::vector<std::uint32_t>> sentence_words,
                                      std::size_t vocabulary_size) {
  std::vector<std::uint32_t> document_frequency(vocabulary_size, 0);
  std::size_t occurrences = 0;
  for (const auto& words : sentence_words) {
    for (const std::uint32_t word : words) ++document_frequency[word];
    occurrences += words.size();
  }
  const double sentence_count = static_cast<double>(sentence_words.size());
  const auto idf = [&](std::uint32_t word) { return std::log(1.0 + sentence_count / document_frequency[word]); };
  double total = 0.0;
  for (const auto& words : sentence_words)
    for (const std::uint32_t word : words) total += idf(word);
  const double scale = total > 0.0 ? static_cast<double>(occurrences) / total : 1.0;
  std::vector<SentenceWords> side(sentence_words.size());
  for (std::size_t index = 0; index < sentence_words.size(); ++index) {
    auto& sentence = side[index];
    sentence.words = std::move(sentence_words[index]);
    sentence.weights.reserve(sentence.words.size());
    for (const std::uint32_t word : sentence.words) sentence.weights.push_back(static_cast<float>(idf(word) * scale));
  }
  return side;
}

// Fills `chance` and `expected_coverage` of one side: q(w) is the mean, over
// the sentences of the other side, of the strength with which a sentence
// covers w. A word that many sentences would cover earns little when covered.
// Words are the document's (DocumentLexicon): ids below vocabulary_size, and
// translations only to words the document has.
template <typename TranslationsOf>  // std::span<const Translation>(std::uint32_t word)
void estimate_chance(std::vector<SentenceWords>& side, const std::vector<SentenceWords>& other_side,
                     std::size_t vocabulary_size, const TranslationsOf& translations_of) {
  std::vector<double> coverage_sum(vocabulary_size, 0.0);
  std::vector<float> best(vocabulary_size, 0.0f);
  std::vector<std::uint32_t> touched;
  for (const auto& other : other_side) {
    for (const std::uint32_t word : other.words) {
      for (const Translation& translation : translations_of(word)) {
        if (best[translation.word] == 0.0f) touched.push_back(translation.word);
        best[translation.word] = std::max(best[translation.word], translation.strength);
      }
    }
    for (const std::uint32_t word : touched) {
      coverage_sum[word] += best[word];
      best[word] = 0.0f;
    }
    touched.clear();
  }
  const double other_count = std::max<double>(1.0, static_cast<double>(other_side.size()));
  for (auto& sentence : side) {
    sentence.chance.clear();
    for (const std::uint32_t word : sentence.words)
      sentence.chance.push_back(static_cast<float>(coverage_sum[word] / other_count));
    sentence.expected_coverage.fill(0.0);
    for (std::size_t word = 0; word < sentence.words.size(); ++word) {
      double miss = 1.0;
      for (std::size_t size = 1; size <= kPrecomputedGroupSizes; ++size) {
        miss *= 1.0 - sentence.chance[word];
        sentence.expected_coverage[size - 1] += sentence.weights[word] * (1.0 - miss);
      }
    }
  }
}

// One sentence pair's covered words: only they are kept, as most words of a
// pair are covered by nothing (a dense array per pair took ~100 MB on a
// 12,500-sentence document).
struct CoveredWord {
  std::uint32_t position = 0;  // index into the sentence's words
  float strength = 0.0f;       // of the best translation on the other side
};

constexpr std::uint32_t kNothingCovered = UINT32_MAX;

// One sentence pair: where its covered words are in a pool (the Chinese
// ones, then the English ones, each by position), and their weighted sums.
struct PairCoverage {
  std::uint32_t offset = kNothingCovered;
  std::uint32_t chinese_covered = 0;
  std::uint32_t english_covered = 0;
  float chinese_mass = 0.0f;
  float english_mass = 0.0f;
};

// Every translation of every word of a Chinese sentence, chained by English
// word through the Closure heads: one array read per English word then finds all
// the Chinese words it translates (a binary search in the sorted closure,
// and the sort, were a third of a batch's CPU).
struct ClosureEntry {
  std::uint32_t chinese_position = 0;  // index into the sentence's words
  float strength = 0.0f;
  std::uint32_t next = 0;  // the previous entry of the same English word, kEndOfChain if none
};
constexpr std::uint32_t kEndOfChain = UINT32_MAX;

// The head of each English word's chain in the closure of one Chinese
// sentence, over the document's English words (DocumentLexicon ids): an
// entry counts only when its stamp is the closure's, so a new closure clears
// nothing. Coverage is a max over the chain, which does not depend on the
// order of its entries.
struct ClosureHead {
  std::uint32_t stamp = 0;
  std::uint32_t head = kEndOfChain;
};

class Closure {
 public:
  // The closure of a Chinese sentence (its document word ids).
  void build(const DocumentLexicon& lexicon, const std::vector<std::uint32_t>& words) {
    if (heads_.empty()) heads_.resize(lexicon.english_word_count());
    if (++stamp_ == 0) {  // wrapped: old stamps could match again
      std::fill(heads_.begin(), heads_.end(), ClosureHead{});
      stamp_ = 1;
    }
    entries_.clear();
    for (std::size_t position = 0; position < words.size(); ++position) {
      for (const Translation& translation : lexicon.english_of_chinese.of(words[position])) {
        ClosureHead& head = heads_[translation.word];
        const std::uint32_t next = head.stamp == stamp_ ? head.head : kEndOfChain;
        head = {stamp_, static_cast<std::uint32_t>(entries_.size())};
        entries_.push_back({static_cast<std::uint32_t>(position), translation.strength, next});
      }
    }
  }
  // The first entry of `english_word`'s chain, kEndOfChain if it has none.
  std::uint32_t first(std::uint32_t english_word) const {
    const ClosureHead head = heads_[english_word];
    return head.stamp == stamp_ ? head.head : kEndOfChain;
  }
  const ClosureEntry& entry(std::uint32_t index) const { return entries_[index]; }

 private:
  std::vector<ClosureHead> heads_;
  std::vector<ClosureEntry> entries_;
  std::uint32_t stamp_ = 0;
};

// The cost memo: tens of MB on a long document, all of it touched as the
// search goes down its rows, one page fault per 4 kB page (each 5 us on the
// test machine, which made the first touch a quarter of the cost function's
// time). On Linux a large memo is mapped on its own and asks for huge pages,
// one fault per 2 MB. A small one (batch documents) comes from the heap: a
// huge page would be mostly empty. Either way it starts as zeros (the
// memo's "not yet computed"), which a fresh mapping is without writing.
template <typename Cell>
class ZeroedTable {
 public:
  ZeroedTable() = default;
  explicit ZeroedTable(std::size_t cells) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::size_t kHugePage = std::size_t{2} << 20;
    if (cells * sizeof(Cell) >= 4 * kHugePage) {
      mapped_bytes_ = (cells * sizeof(Cell) + kHugePage - 1) / kHugePage * kHugePage;
      void* mapped = mmap(nullptr, mapped_bytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (mapped == MAP_FAILED) throw std::bad_alloc();
      madvise(mapped, mapped_bytes_, MADV_HUGEPAGE);  // a hint: without it, pages of 4 kB
      data_ = static_cast<Cell*>(mapped);
      return;
    }
#endif
    data_ = static_cast<Cell*>(std::calloc(std::max<std::size_t>(cells, 1), sizeof(Cell)));
    if (data_ == nullptr) throw std::bad_alloc();
  }
  ZeroedTable(const ZeroedTable&) = delete;
  ZeroedTable& operator=(const ZeroedTable&) = delete;
  ZeroedTable& operator=(ZeroedTable&& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(mapped_bytes_, other.mapped_bytes_);
    return *this;
  }
  ~ZeroedTable() {
    if (data_ == nullptr) return;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (mapped_bytes_ != 0) {
      munmap(data_, mapped_bytes_);
      return;
    }
#endif
    std::free(data_);
  }
  Cell* get() const { return data_; }
  bool empty() const { return data_ == nullptr; }

 private:
  Cell* data_ = nullptr;
  std::size_t mapped_bytes_ = 0;  // 0: from the heap
};
using MemoTable = ZeroedTable<std::uint32_t>;       // floats (to_memo)
using GroupMemoTable = ZeroedTable<std::uint64_t>;  // doubles

// A remembered cost in a memo cell: the bits of the float, inverted, so
// that 0 (a fresh table) means none (the inverse of one NaN pattern, which
// no cost is).
inline std::uint32_t to_memo(double cost) { return ~std::bit_cast<std::uint32_t>(static_cast<float>(cost)); }
inline double from_memo(std::uint32_t cell) { return std::bit_cast<float>(~cell); }

// Link counts up to this are served from the cached windows; larger links
// (not among the default link types) compute their pairs on the spot.
constexpr std::size_t kWindowLinkCount = 5;
// No window is wider than this, whatever the diagonal does.
constexpr std::size_t kMaxWindow = 256;

class LexicalEvidence final : public LinkEvidence {
 public:
  // The paragraph stage's term (for_groups): chinese_ and english_ hold
  // whole groups, and cost() finds a link's groups by its sentences. Empty:
  // the term of sentences.
  struct Grouped {
    std::vector<std::uint32_t> chinese_group_at;  // group_at_sentences
    std::vector<std::uint32_t> english_group_at;
  };
  LexicalEvidence(std::shared_ptr<const DocumentLexicon> lexicon, LexicalEvidenceOptions options,
                  std::vector<SentenceWords> chinese, std::vector<SentenceWords> english,
                  std::vector<std::size_t> expected_english, Grouped grouped = {})
      : lexicon_(std::move(lexicon)), options_(options), chinese_(std::move(chinese)), english_(std::move(english)),
        expected_english_(std::move(expected_english)), chinese_chance_(flat_chance(chinese_)),
        english_chance_(flat_chance(english_)), grouped_(!grouped.chinese_group_at.empty()),
        chinese_group_at_(std::move(grouped.chinese_group_at)), english_group_at_(std::move(grouped.english_group_at)) {
    chinese_sentence_count_ = grouped_ ? chinese_group_at_.size() - 1 : chinese_.size();
    english_sentence_count_ = grouped_ ? english_group_at_.size() - 1 : english_.size();
    memo_type_.fill(-1);
    // The paragraph stage's memo keeps doubles (group_memo_cell).
    memo_on_ = (chinese_.size() + 1) * memo_row_size() * (grouped_ ? sizeof(std::uint64_t) : sizeof(std::uint32_t)) <=
               options_.memo_max_bytes;
    if (grouped_) {
      map_groups();
    } else {
      lay_out_windows();
    }
  }

  std::unique_ptr<LinkEvidence> for_groups(std::span<const std::size_t> first_group_begin,
                                           std::span<const std::size_t> second_group_begin) const override {
    if (grouped_) return nullptr;
    const auto chinese_begin = options_.first_is_chinese ? first_group_begin : second_group_begin;
    const auto english_begin = options_.first_is_chinese ? second_group_begin : first_group_begin;
    if (!valid_groups(chinese_begin, chinese_.size()) || !valid_groups(english_begin, english_.size())) return nullptr;
    return std::make_unique<LexicalEvidence>(lexicon_, options_, merge_groups(chinese_, chinese_begin),
                                             merge_groups(english_, english_begin), expected_english_,
                                             Grouped{group_at_sentences(chinese_begin), group_at_sentences(english_begin)});
  }

  std::string_view name() const override { return "lexical"; }

  // Re-centres the lexical band on the aligner's expected path, before the
  // first cost (after it the windows and memo are laid out: ignored).
  void expect_path(std::span<const std::size_t> second_at_first) override {
    if (priced_) return;
    const std::size_t first_size = options_.first_is_chinese ? chinese_sentence_count_ : english_sentence_count_;
    if (second_at_first.size() != first_size + 1) return;
    if (options_.first_is_chinese) {
      expected_english_.assign(second_at_first.begin(), second_at_first.end());
    } else {
      // The path is monotone: the English sentence expected for Chinese c is
      // the first one whose path position reaches c.
      std::size_t english = 0;
      for (std::size_t chinese = 0; chinese <= chinese_sentence_count_; ++chinese) {
        while (english < english_sentence_count_ && second_at_first[english] < chinese) ++english;
        expected_english_[chinese] = english;
      }
    }
    if (!grouped_) lay_out_windows();
  }

  double cost(std::size_t first_begin, std::size_t first_count, std::size_t second_begin,
              std::size_t second_count) const override {
    if (options_.first_is_chinese) return lexical_cost(first_begin, first_count, second_begin, second_count);
    return lexical_cost(second_begin, second_count, first_begin, first_count);
  }

  // cost() of every link of the cell, read from the memo cell they share
  // (their remembered costs side by side, where the search is), computed and
  // remembered where missing.
  void add_cell_costs(std::size_t first_end, std::size_t second_end, const std::size_t* first_begins,
                      const std::size_t* second_begins, std::uint32_t wanted, double* totals) const override {
    const std::size_t chinese_end = options_.first_is_chinese ? first_end : second_end;
    const std::size_t english_end = options_.first_is_chinese ? second_end : first_end;
    const std::size_t* chinese_begins = options_.first_is_chinese ? first_begins : second_begins;
    const std::size_t* english_begins = options_.first_is_chinese ? second_begins : first_begins;
    if (!memo_on_ || chinese_end > chinese_sentence_count_ || english_end > english_sentence_count_) {
      LinkEvidence::add_cell_costs(first_end, second_end, first_begins, second_begins, wanted, totals);
      return;
    }
    if (grouped_) {
      add_group_cell_costs(chinese_end, english_end, chinese_begins, english_begins, wanted, totals);
      return;
    }
    std::uint32_t* const cell = memo_cell(0, chinese_end, english_end);
    // The links priced: cost() is 0 for the others; and as in cost(), a
    // link outside the band takes no memo slot (the slots go to link types
    // in the order they are priced). Their rows are gathered once, when the
    // first cost is computed (CellRows).
    std::uint32_t priced = 0;
    CellRows cell_rows;
    for (std::uint32_t left = wanted; left != 0; left &= left - 1) {
      const int t = std::countr_zero(left);
      if (chinese_begins[t] == chinese_end || english_begins[t] == english_end ||
          !within_band(chinese_begins[t], english_begins[t]))
        continue;
      priced |= std::uint32_t{1} << t;
      cell_rows.chinese_count = std::max(cell_rows.chinese_count, chinese_end - chinese_begins[t]);
      cell_rows.english_count = std::max(cell_rows.english_count, english_end - english_begins[t]);
    }
    for (std::uint32_t left = priced; left != 0; left &= left - 1) {
      const int t = std::countr_zero(left);
      const std::size_t chinese_begin = chinese_begins[t], english_begin = english_begins[t];
      const std::size_t chinese_count = chinese_end - chinese_begin, english_count = english_end - english_begin;
      const int type = memo_type(chinese_count, english_count);
      if (cell == nullptr || type < 0 || type >= static_cast<int>(kMemoTypes)) {
        totals[t] += lexical_cost(chinese_begin, chinese_count, english_begin, english_count);
        cell_rows.state = CellRows::State::not_gathered;  // the pools may have grown
        continue;
      }
      priced_ = true;
      std::uint32_t& remembered = cell[type];
      if (remembered != 0) {
        totals[t] += from_memo(remembered);
        continue;
      }
      if (cell_rows.state == CellRows::State::not_gathered) gather_cell_rows(chinese_end, english_end, cell_rows);
      double cost;
      if (cell_rows.state == CellRows::State::gathered) {
        for (std::size_t row = 0; row < chinese_count; ++row) {
          const RowView& view = cell_rows_[cell_rows.chinese_count - chinese_count + row];
          rows_[row] = {view.pairs + (cell_rows.english_count - english_count), view.pool, false};
        }
        active_cell_ = {true, chinese_end, english_end, cell_rows.chinese_count, cell_rows.english_count};
        cost = cost_of_rows(chinese_begin, chinese_count, english_begin, english_count, chinese_count, english_count);
        active_cell_.on = false;
      } else {
        cost = compute_cost(chinese_begin, chinese_count, english_begin, english_count, chinese_count,
                            english_count);
      }
      remembered = to_memo(cost);
      totals[t] += cost;
    }
  }

 private:
  // Far from the expected path (the length diagonal, or the aligner's
  // placed path: expect_path) the term says nothing (its expectation for
  // unrelated sentences is 0, so this favours no path).
  bool within_band(std::size_t chinese_begin, std::size_t english_begin) const {
    const std::size_t expected = expected_english_[chinese_begin];
    const std::size_t distance = english_begin > expected ? english_begin - expected : expected - english_begin;
    return distance <= options_.band_half_width;
  }

  double lexical_cost(std::size_t chinese_begin, std::size_t chinese_count, std::size_t english_begin,
                      std::size_t english_count) const {
    if (chinese_count == 0 || english_count == 0) return 0.0;
    if (chinese_begin + chinese_count > chinese_sentence_count_ ||
        english_begin + english_count > english_sentence_count_)
      return 0.0;
    if (!within_band(chinese_begin, english_begin)) return 0.0;
    priced_ = true;
    if (grouped_) return group_cost(chinese_begin, chinese_count, english_begin, english_count);
    // The aligner prices the same candidates again in each of its passes
    // (EM over link-type priors, then the final one): remember them.
    std::uint32_t* memo = memo_slot(chinese_begin, chinese_count, english_begin, english_count);
    if (memo != nullptr && *memo != 0) return from_memo(*memo);
    if (memo == nullptr && memo_on_)
      return remembered_large_cost(chinese_begin, chinese_count, english_begin, english_count, chinese_count,
                                   english_count);
    const double cost = compute_cost(chinese_begin, chinese_count, english_begin, english_count, chinese_count,
                                     english_count);
    if (memo != nullptr) *memo = to_memo(cost);
    return cost;
  }

  // cost() at the paragraph stage: the link's groups, their pairs paired
  // once (group_pairs_), and every link's cost remembered: in the group memo
  // (group_memo_cell), or else apart (remembered_large_cost).
  double group_cost(std::size_t chinese_begin, std::size_t chinese_count, std::size_t english_begin,
                    std::size_t english_count) const {
    const Groups groups = link_groups(chinese_begin, chinese_count, english_begin, english_count);
    if (!memo_on_)
      return compute_cost(groups.chinese_begin, groups.chinese_end - groups.chinese_begin, groups.english_begin,
                          groups.english_end - groups.english_begin, chinese_count, english_count);
    std::uint64_t* const cell = group_memo_cell(groups.chinese_end, groups.english_end);
    return remembered_group_cost(cell, groups, chinese_count, english_count);
  }

  // What group_memo_cell() finds its cells by: the group holding each
  // English sentence, and the first sentence of each Chinese group.
  void map_groups() {
    english_group_of_.assign(english_sentence_count_ + 1, 0);
    std::uint32_t group = 0;
    for (std::size_t sentence = 0; sentence <= english_sentence_count_; ++sentence) {
      if (english_group_at_[sentence] != kNoGroup) group = english_group_at_[sentence];
      english_group_of_[sentence] = group;
    }
    chinese_group_begin_.assign(chinese_.size() + 1, 0);
    for (std::size_t sentence = 0; sentence <= chinese_sentence_count_; ++sentence)
      if (chinese_group_at_[sentence] != kNoGroup) chinese_group_begin_[chinese_group_at_[sentence]] = sentence;
  }

  // The groups a paragraph-stage link begins and ends at.
  struct Groups {
    std::uint32_t chinese_begin, chinese_end, english_begin, english_end;
  };
  Groups link_groups(std::size_t chinese_begin, std::size_t chinese_count, std::size_t english_begin,
                     std::size_t english_count) const {
    const Groups groups{chinese_group_at_[chinese_begin], chinese_group_at_[chinese_begin + chinese_count],
                        english_group_at_[english_begin], english_group_at_[english_begin + english_count]};
    if (groups.chinese_begin == kNoGroup || groups.chinese_end == kNoGroup || groups.english_begin == kNoGroup ||
        groups.english_end == kNoGroup)
      throw std::logic_error("lexical evidence: a paragraph-stage link that does not begin and end at paragraphs");
    return groups;
  }

  // A group link's cost from `cell` (its end's group memo cell, or nullptr),
  // computed and remembered there when missing; links the memo has no slot
  // for are remembered apart.
  double remembered_group_cost(std::uint64_t* cell, const Groups& groups, std::size_t chinese_sentences,
                               std::size_t english_sentences) const {
    const std::size_t chinese_groups = groups.chinese_end - groups.chinese_begin;
    const std::size_t english_groups = groups.english_end - groups.english_begin;
    const int type = memo_type(chinese_groups, english_groups);
    if (cell == nullptr || type < 0 || type >= static_cast<int>(kMemoTypes))
      return remembered_large_cost(groups.chinese_begin, chinese_groups, groups.english_begin, english_groups,
                                   chinese_sentences, english_sentences);
    std::uint64_t& remembered = cell[type];
    if (remembered != 0) return std::bit_cast<double>(~remembered);
    const double cost = compute_cost(groups.chinese_begin, chinese_groups, groups.english_begin, english_groups,
                                     chinese_sentences, english_sentences);
    remembered = ~std::bit_cast<std::uint64_t>(cost);
    return cost;
  }

  // add_cell_costs() at the paragraph stage: the cell's links share their
  // end groups, hence one group memo cell.
  void add_group_cell_costs(std::size_t chinese_end, std::size_t english_end, const std::size_t* chinese_begins,
                            const std::size_t* english_begins, std::uint32_t wanted, double* totals) const {
    const std::uint32_t chinese_group_end = chinese_group_at_[chinese_end];
    const std::uint32_t english_group_end = english_group_at_[english_end];
    // An end inside a paragraph: link_groups() throws for the first link
    // priced (inside the band, with both sides).
    std::uint64_t* const cell = chinese_group_end == kNoGroup || english_group_end == kNoGroup
                                    ? nullptr
                                    : group_memo_cell(chinese_group_end, english_group_end);
    for (std::uint32_t left = wanted; left != 0; left &= left - 1) {
      const int t = std::countr_zero(left);
      const std::size_t chinese_begin = chinese_begins[t], english_begin = english_begins[t];
      const std::size_t chinese_count = chinese_end - chinese_begin, english_count = english_end - english_begin;
      if (chinese_count == 0 || english_count == 0 || !within_band(chinese_begin, english_begin)) continue;  // 0
      priced_ = true;
      const Groups groups = link_groups(chinese_begin, chinese_count, english_begin, english_count);
      totals[t] += remembered_group_cost(cell, groups, chinese_count, english_count);
    }
  }

  // The cost of a link of chinese_count Chinese units (sentences, or groups
  // at the paragraph stage) and english_count English ones, of
  // chinese_sentences and english_sentences sentences: the chance coverage
  // goes by sentences.
  double compute_cost(std::size_t chinese_begin, std::size_t chinese_count, std::size_t english_begin,
                      std::size_t english_count, std::size_t chinese_sentences, std::size_t english_sentences) const {
    if (grouped_) {
      gather_group_rows(chinese_begin, chinese_count, english_begin, english_count);
    } else {
      gather_rows(chinese_begin, chinese_count, english_begin, english_count);
    }
    return cost_of_rows(chinese_begin, chinese_count, english_begin, english_count, chinese_sentences,
                        english_sentences);
  }

  // compute_cost() once rows_ holds the link's pairs.
  double cost_of_rows(std::size_t chinese_begin, std::size_t chinese_count, std::size_t english_begin,
                      std::size_t english_count, std::size_t chinese_sentences, std::size_t english_sentences) const {
    // Covered mass minus the mass the group would cover by chance, summed
    // over the sentences of both sides. cover(e, Z) is the max over the
    // sentences of Z; when one sentence pair alone covers a sentence's words
    // (the usual case) the pair's precomputed sum is exact, and only
    // sentences covered by several pairs need the word-by-word max.
    double covered = 0.0;
    if (chinese_count <= 64 && english_count <= 64) {
      // Which sentences several pairs cover, as bits in registers (the
      // links of sentences, and most paragraph links).
      std::uint64_t chinese_several = 0;
      std::uint64_t english_once = 0;
      std::uint64_t english_several = 0;
      for (std::size_t chinese = 0; chinese < chinese_count; ++chinese) {
        const PairCoverage* pairs = rows_[chinese].pairs;
        std::uint64_t row = 0;  // the English sentences this one covers
        // Without branches (whether a pair covers anything is a coin toss
        // to the predictor): a pair that covers nothing has masses 0, and
        // adding +0 to the positive sum leaves it as it was.
        for (std::size_t english = 0; english < english_count; ++english) {
          covered += pairs[english].chinese_mass + pairs[english].english_mass;
          row |= std::uint64_t{pairs[english].offset != kNothingCovered} << english;
        }
        chinese_several |= std::uint64_t{(row & (row - 1)) != 0} << chinese;
        english_several |= english_once & row;
        english_once |= row;
      }
      return finish_cost(covered, chinese_begin, chinese_count, english_begin, english_count, chinese_sentences,
                         english_sentences, [&](std::size_t chinese) { return (chinese_several >> chinese & 1) != 0; },
                         [&](std::size_t english) { return (english_several >> english & 1) != 0; });
    }
    coverers_.assign(chinese_count + english_count, 0u);
    std::uint32_t* chinese_coverers = coverers_.data();
    std::uint32_t* english_coverers = chinese_coverers + chinese_count;
    for (std::size_t chinese = 0; chinese < chinese_count; ++chinese) {
      const PairCoverage* pairs = rows_[chinese].pairs;
      for (std::size_t english = 0; english < english_count; ++english) {
        if (pairs[english].offset == kNothingCovered) continue;
        covered += pairs[english].chinese_mass + pairs[english].english_mass;
        ++chinese_coverers[chinese];
        ++english_coverers[english];
      }
    }
    return finish_cost(covered, chinese_begin, chinese_count, english_begin, english_count, chinese_sentences,
                       english_sentences, [&](std::size_t chinese) { return chinese_coverers[chinese] > 1; },
                       [&](std::size_t english) { return english_coverers[english] > 1; });
  }

  // Adds the overlap corrections of the sentences several pairs cover, less
  // the chance coverage of every sentence, to the pairs' summed masses.
  template <typename ChineseSeveral, typename EnglishSeveral>
  double finish_cost(double covered, std::size_t chinese_begin, std::size_t chinese_count, std::size_t english_begin,
                     std::size_t english_count, std::size_t chinese_sentences, std::size_t english_sentences,
                     const ChineseSeveral& chinese_several, const EnglishSeveral& english_several) const {
    for (std::size_t chinese = 0; chinese < chinese_count; ++chinese) {
      if (chinese_several(chinese))
        covered += cached_overlap_correction(chinese_begin, chinese_count, english_begin, english_count, chinese, true);
      covered -= chance_coverage(chinese_chance_, chinese_, chinese_begin + chinese, english_sentences);
    }
    for (std::size_t english = 0; english < english_count; ++english) {
      if (english_several(english))
        covered += cached_overlap_correction(chinese_begin, chinese_count, english_begin, english_count, english, false);
      covered -= chance_coverage(english_chance_, english_, english_begin + english, chinese_sentences);
    }
    return -options_.weight * covered;
  }

  // SentenceWords::chance_coverage, the precomputed sizes read from one flat
  // array per side (every cost reads them: no pointer to follow).
  static double chance_coverage(const std::vector<double>& flat, const std::vector<SentenceWords>& side,
                                std::size_t sentence, std::size_t group_size) {
    if (group_size <= kPrecomputedGroupSizes) return flat[sentence * kPrecomputedGroupSizes + group_size - 1];
    return side[sentence].chance_coverage(group_size);
  }
  static std::vector<double> flat_chance(const std::vector<SentenceWords>& side) {
    std::vector<double> flat;
    flat.reserve(side.size() * kPrecomputedGroupSizes);
    for (const SentenceWords& sentence : side)
      flat.insert(flat.end(), sentence.expected_coverage.begin(), sentence.expected_coverage.end());
    return flat;
  }

  // The pairs of one Chinese sentence of a candidate link with its English
  // sentences, and the pool their covered words are in.
  struct RowView {
    const PairCoverage* pairs = nullptr;
    const CoveredWord* pool = nullptr;
    bool spilled = false;
  };

  // Fills rows_ with the pairs of a link: from the rows' windows (filled on
  // first use), or computed on the spot when the link reaches past them.
  void gather_rows(std::size_t chinese_begin, std::size_t chinese_count, std::size_t english_begin,
                   std::size_t english_count) const {
    if (rows_.size() < chinese_count) rows_.resize(chinese_count);
    bool any_spilled = false;
    // A link of more rows than the ring of windows holds would evict its
    // own rows: its pairs are computed on the spot.
    const bool too_tall = chinese_count > window_slot_count();
    for (std::size_t row = 0; row < chinese_count; ++row) {
      const std::size_t chinese = chinese_begin + row;
      const std::size_t window_begin = window_begin_[chinese];
      rows_[row].spilled = too_tall || english_begin < window_begin ||
                           english_begin + english_count > window_begin + window_width(chinese);
      any_spilled |= rows_[row].spilled;
      if (!rows_[row].spilled) cover_columns(chinese, english_begin - window_begin, english_count);
    }
    if (any_spilled) spill(chinese_begin, chinese_count, english_begin, english_count);
    // Pointers last: the pools may have moved while growing.
    for (std::size_t row = 0; row < chinese_count; ++row) {
      RowView& view = rows_[row];
      if (view.spilled) {
        view.pairs = spilled_pairs_.data() + row * english_count;
        view.pool = spilled_words_.data();
      } else {
        const std::size_t chinese = chinese_begin + row;
        view.pairs = pairs_.data() + window_offset(chinese) + (english_begin - window_begin_[chinese]);
        view.pool = row_words_[window_slot(chinese)].data();
      }
    }
  }

  // The rows of all the links of one cell that add_cell_costs() computes:
  // the links of a cell end at the same sentences, so the rows and columns
  // of the largest counts hold every link's pairs. Gathered once, where
  // gather_rows() for each link walked the same rows again (26 row views
  // per cell of the default's 12 link types instead of 5). A link's rows
  // are then the last ones, each from its own column on.
  struct CellRows {
    enum class State { not_gathered, gathered, per_link };
    State state = State::not_gathered;
    std::size_t chinese_count = 0, english_count = 0;  // the largest of the links'
  };
  // Fills cell_rows_ with the pairs of the cell's largest counts from the
  // rows' windows; `rows.state` per_link (and nothing filled) when a row's
  // window does not hold them all: each link is then gathered on its own
  // (gather_rows(), which computes what a window lacks on the spot).
  void gather_cell_rows(std::size_t chinese_end, std::size_t english_end, CellRows& rows) const {
    rows.state = CellRows::State::per_link;
    const std::size_t chinese_begin = chinese_end - rows.chinese_count;
    const std::size_t english_begin = english_end - rows.english_count;
    if (rows.chinese_count > window_slot_count()) return;
    for (std::size_t chinese = chinese_begin; chinese < chinese_end; ++chinese) {
      const std::size_t window_begin = window_begin_[chinese];
      if (english_begin < window_begin || english_end > window_begin + window_width(chinese)) return;
    }
    if (rows_.size() < rows.chinese_count) rows_.resize(rows.chinese_count);
    if (cell_rows_.size() < rows.chinese_count) cell_rows_.resize(rows.chinese_count);
    for (std::size_t chinese = chinese_begin; chinese < chinese_end; ++chinese)
      cover_columns(chinese, english_begin - window_begin_[chinese], rows.english_count);
    // Pointers last: the pools may have moved while growing.
    for (std::size_t row = 0; row < rows.chinese_count; ++row) {
      const std::size_t chinese = chinese_begin + row;
      cell_rows_[row] = {pairs_.data() + window_offset(chinese) + (english_begin - window_begin_[chinese]),
                         row_words_[window_slot(chinese)].data(), false};
    }
    rows.state = CellRows::State::gathered;
  }

  // Fills rows_ at the paragraph stage: the pairs of groups, each computed
  // once.
  void gather_group_rows(std::size_t chinese_begin, std::size_t chinese_count, std::size_t english_begin,
                         std::size_t english_count) const {
    if (rows_.size() < chinese_count) rows_.resize(chinese_count);
    group_row_pairs_.resize(chinese_count * english_count);
    for (std::size_t row = 0; row < chinese_count; ++row) {
      const std::size_t chinese = chinese_begin + row;
      for (std::size_t column = 0; column < english_count; ++column) {
        const std::size_t english = english_begin + column;
        const auto [found, added] = group_pairs_.try_emplace(std::uint64_t{chinese} << 32 | english);
        if (added) {
          build_closure(chinese);
          found->second = compute_pair_coverage(chinese, english, group_words_);
        }
        group_row_pairs_[row * english_count + column] = found->second;
      }
    }
    // Pointers last: the pool may have moved while growing.
    for (std::size_t row = 0; row < chinese_count; ++row)
      rows_[row] = {group_row_pairs_.data() + row * english_count, group_words_.data(), false};
  }

  // The pairs of the rows outside their windows, into spilled_pairs_ (a
  // full group's room, row by row).
  void spill(std::size_t chinese_begin, std::size_t chinese_count, std::size_t english_begin,
             std::size_t english_count) const {
    spilled_pairs_.assign(chinese_count * english_count, PairCoverage{});
    spilled_words_.clear();
    for (std::size_t row = 0; row < chinese_count; ++row) {
      if (!rows_[row].spilled) continue;
      const std::size_t chinese = chinese_begin + row;
      build_closure(chinese);
      for (std::size_t column = 0; column < english_count; ++column)
        spilled_pairs_[row * english_count + column] =
            compute_pair_coverage(chinese, english_begin + column, spilled_words_);
    }
  }

  // overlap_correction for the sentence `index` of one side of a link
  // against the other side's group, remembered: the same sentence against
  // the same group comes back in several link types of a cell and of the
  // next rows (a Chinese sentence against two English ones in 1-2, 2-2 and
  // 3-2 links, six times in all), so a small cache keyed by the sentence
  // and the group, over the few rows the search is at, serves most of them.
  // The value depends on nothing else: the same double is returned.
  double cached_overlap_correction(std::size_t chinese_begin, std::size_t chinese_count, std::size_t english_begin,
                                   std::size_t english_count, std::size_t index, bool sentence_is_chinese) const {
    const SentenceWords& sentence =
        sentence_is_chinese ? chinese_[chinese_begin + index] : english_[english_begin + index];
    const std::size_t group_size = sentence_is_chinese ? english_count : chinese_count;
    // The Chinese end (a sentence or a group's first sentence) and the
    // English end of the key: the search is at a few Chinese rows at a time
    // and across at most a band of English ones.
    const auto chinese_key = static_cast<std::uint32_t>(sentence_is_chinese ? chinese_begin + index : chinese_begin);
    const auto english_key = static_cast<std::uint32_t>(sentence_is_chinese ? english_begin : english_begin + index);
    const auto size_key = static_cast<std::uint32_t>(group_size << 1 | (sentence_is_chinese ? 1u : 0u));
    if (corrections_.empty()) corrections_.resize(kLargeGroupSlotBegin + kLargeGroupSlots);
    CachedCorrection* slot;
    if (group_size <= kCachedGroupSizes + 1) {
      slot = &correction_slot(chinese_key, english_key, group_size, sentence_is_chinese);
    } else {
      // Paragraph links: groups of any size, each sentence against the whole
      // other side; the aligner comes back to them in each of its passes.
      if (memo_on_)  // the memo's bound on memory
        return remembered_large_correction(chinese_key, english_key, group_size, index, sentence_is_chinese,
                                           chinese_count, english_count);
      slot = &corrections_[kLargeGroupSlotBegin +
                           (CachedCorrection::hash(chinese_key, english_key, size_key) & (kLargeGroupSlots - 1))];
    }
    if (slot->chinese_key != chinese_key || slot->english_key != english_key || slot->size_key != size_key) {
      if (group_size <= kCachedGroupSizes + 1 &&
          cell_corrections(sentence, sentence_is_chinese ? chinese_key : english_key, sentence_is_chinese)) {
        return slot->value;  // filled with the other sizes
      }
      *slot = {chinese_key, english_key, size_key,
               overlap_correction(sentence, index, sentence_is_chinese, chinese_count, english_count)};
    }
    return slot->value;
  }

  // The best strength of each word of one sentence over the pairs taken in,
  // for an overlap correction: in a dense array by position that is all zero
  // between uses (best_; merging the pairs' sorted lists branched too much),
  // with the covered positions as bits (a sentence of at most 64 words) and
  // as a range (any sentence).
  class BestStrengths {
   public:
    BestStrengths(std::vector<float>& best, const SentenceWords& sentence) : sentence_(sentence) {
      if (best.size() < sentence.words.size()) best.resize(sentence.words.size(), 0.0f);
      best_ = best.data();
    }
    // Takes in the sentence's covered words of one pair (sorted by position).
    void take(const CoveredWord* words, std::size_t count) {
      if (count == 0) return;
      low_ = std::min(low_, words[0].position);
      high_ = std::max(high_, words[count - 1].position);
      for (std::size_t word = 0; word < count; ++word) {
        best_[words[word].position] = std::max(best_[words[word].position], words[word].strength);
        covered_ |= std::uint64_t{1} << (words[word].position & 63);
      }
    }
    // The best strengths times the words' weights, summed by position: the
    // covered positions alone for a short sentence, every position of the
    // range otherwise (no branch: which words are covered is hard to
    // predict); the positions no pair covers would add +0, which leaves the
    // sum as it was. With `clear`, sets them back to 0 on the way.
    double mass(bool clear) {
      double total = 0.0;
      if (sentence_.words.size() <= 64) {
        for (std::uint64_t left = covered_; left != 0; left &= left - 1) {
          const int position = std::countr_zero(left);
          total += best_[position] * sentence_.weights[position];
          if (clear) best_[position] = 0.0f;
        }
      } else {
        for (std::uint32_t position = low_; position <= high_; ++position) {  // none when no word is covered
          total += best_[position] * sentence_.weights[position];
          if (clear) best_[position] = 0.0f;
        }
      }
      return total;
    }
    void clear() {
      if (sentence_.words.size() <= 64) {
        for (std::uint64_t left = covered_; left != 0; left &= left - 1) best_[std::countr_zero(left)] = 0.0f;
      } else {
        for (std::uint32_t position = low_; position <= high_; ++position) best_[position] = 0.0f;
      }
    }

   private:
    const SentenceWords& sentence_;
    float* best_ = nullptr;
    std::uint64_t covered_ = 0;
    std::uint32_t low_ = UINT32_MAX, high_ = 0;
  };
  // The sentence's covered words in `pair` (its side's), and their count.
  static std::pair<const CoveredWord*, std::size_t> sentence_words(const PairCoverage& pair, const CoveredWord* pool,
                                                                   bool sentence_is_chinese) {
    if (sentence_is_chinese) return {pool + pair.offset, pair.chinese_covered};
    return {pool + pair.offset + pair.chinese_covered, pair.english_covered};
  }

  // The overlap corrections of `sentence` (Chinese sentence or English one
  // `sentence_index`, a row or a column of the cell add_cell_costs() is at:
  // active_cell_) against the other side's groups ending at the cell, of
  // every size from 2 to what the cell's rows hold, into the cache; false
  // (nothing done) when the sentence is not in the cell's rows. The links
  // of a cell ask for the same sentence against groups of 2, 3, 4 and 5
  // sentences, and the groups grow by one sentence each: the pairs of the
  // largest are gone through once, where overlap_correction() went through
  // each group's anew. Each size's correction is the double
  // overlap_correction() gives: the masses summed in group order, the best
  // strengths summed by position, the same ones.
  bool cell_corrections(const SentenceWords& sentence, std::size_t sentence_index, bool sentence_is_chinese) const {
    const ActiveCell& cell = active_cell_;
    if (!cell.on) return false;
    const std::size_t chinese_first = cell.chinese_end - cell.chinese_count;
    const std::size_t english_first = cell.english_end - cell.english_count;
    if (sentence_is_chinese ? sentence_index < chinese_first || sentence_index >= cell.chinese_end
                            : sentence_index < english_first || sentence_index >= cell.english_end)
      return false;
    const std::size_t largest =
        std::min(sentence_is_chinese ? cell.english_count : cell.chinese_count, kCachedGroupSizes + 1);
    // The pair of the sentence with the k-th other sentence back from the
    // cell's end (k = 0: the last one), and the pool of its covered words.
    const auto pair_at = [&](std::size_t k) -> std::pair<const PairCoverage*, const CoveredWord*> {
      if (sentence_is_chinese) {
        const RowView& row = cell_rows_[sentence_index - chinese_first];
        return {&row.pairs[cell.english_count - 1 - k], row.pool};
      }
      const RowView& row = cell_rows_[cell.chinese_count - 1 - k];
      return {&row.pairs[sentence_index - english_first], row.pool};
    };
    BestStrengths best(best_, sentence);
    double summed = 0.0, best_mass = 0.0;
    for (std::size_t k = 0; k < largest; ++k) {
      const auto [pair, pool] = pair_at(k);
      // A pair that covers nothing leaves both sums as they were (a pair's
      // mass is skipped, and the best strengths stay): no new sums.
      const bool changed = pair->offset != kNothingCovered;
      if (changed) {
        const auto [words, count] = sentence_words(*pair, pool, sentence_is_chinese);
        best.take(words, count);
      }
      const std::size_t size = k + 1;
      if (size < 2) continue;
      if (changed || k == 1) {
        summed = 0.0;  // in group order: from its first sentence to the cell's
        for (std::size_t back = size; back-- > 0;) {
          const PairCoverage* other = pair_at(back).first;
          if (other->offset != kNothingCovered) summed += sentence_is_chinese ? other->chinese_mass : other->english_mass;
        }
        best_mass = best.mass(false);
      }
      const auto chinese_key =
          static_cast<std::uint32_t>(sentence_is_chinese ? sentence_index : cell.chinese_end - size);
      const auto english_key =
          static_cast<std::uint32_t>(sentence_is_chinese ? cell.english_end - size : sentence_index);
      const auto size_key = static_cast<std::uint32_t>(size << 1 | (sentence_is_chinese ? 1u : 0u));
      correction_slot(chinese_key, english_key, size, sentence_is_chinese) = {chinese_key, english_key, size_key,
                                                                              best_mass - summed};
    }
    best.clear();
    return largest >= 2;
  }

  // The overlap corrections of paragraph links, all of them: an open
  // addressing table, grown by doubling to stay at most half full.
  double remembered_large_correction(std::uint32_t chinese_key, std::uint32_t english_key, std::size_t group_size,
                                     std::size_t index, bool sentence_is_chinese, std::size_t chinese_count,
                                     std::size_t english_count) const {
    const auto size_key = static_cast<std::uint32_t>(group_size << 1 | (sentence_is_chinese ? 1u : 0u));
    if (large_corrections_.empty()) large_corrections_.resize(4096);
    std::size_t mask = large_corrections_.size() - 1;
    std::size_t slot = CachedCorrection::hash(chinese_key, english_key, size_key) & mask;
    for (; large_corrections_[slot].size_key != 0; slot = (slot + 1) & mask) {
      const CachedCorrection& entry = large_corrections_[slot];
      if (entry.chinese_key == chinese_key && entry.english_key == english_key && entry.size_key == size_key)
        return entry.value;
    }
    const CachedCorrection entry{chinese_key, english_key, size_key,
                                 overlap_correction(sentence_is_chinese ? chinese_[chinese_key] : english_[english_key],
                                                    index, sentence_is_chinese, chinese_count, english_count)};
    if (2 * (++large_correction_count_) > large_corrections_.size()) {
      std::vector<CachedCorrection> old(2 * large_corrections_.size());
      old.swap(large_corrections_);
      mask = large_corrections_.size() - 1;
      for (const CachedCorrection& kept : old)
        if (kept.size_key != 0) large_corrections_[free_slot(kept.chinese_key, kept.english_key, kept.size_key, mask)] = kept;
      slot = free_slot(chinese_key, english_key, size_key, mask);
    }
    large_corrections_[slot] = entry;
    return entry.value;
  }
  std::size_t free_slot(std::uint32_t chinese_key, std::uint32_t english_key, std::uint32_t size_key,
                        std::size_t mask) const {
    std::size_t slot = CachedCorrection::hash(chinese_key, english_key, size_key) & mask;
    while (large_corrections_[slot].size_key != 0) slot = (slot + 1) & mask;
    return slot;
  }

  // The costs of links the memos have no slot or cell for: link types past
  // the memos' (counts of 8 or more, paragraph links of unusual counts), and
  // links ending beyond the memos' columns (where a band following its
  // frontier strays from the expected path; 70 k of the K=7 block's 3.6 M).
  // The aligner prices each again in each of its passes. Kept whole, as
  // doubles, so the same double comes back; at most kMaxLargeCosts of them,
  // the first ones. chinese_begin and chinese_count (and the English ones)
  // are in units: sentences, or paragraphs at the paragraph stage.
  double remembered_large_cost(std::size_t chinese_begin, std::size_t chinese_count, std::size_t english_begin,
                               std::size_t english_count, std::size_t chinese_sentences,
                               std::size_t english_sentences) const {
    const LargeLink key{static_cast<std::uint32_t>(chinese_begin), static_cast<std::uint32_t>(chinese_count),
                        static_cast<std::uint32_t>(english_begin), static_cast<std::uint32_t>(english_count)};
    if (large_costs_.empty()) large_costs_.resize(kFirstLargeCostSlots);
    std::size_t mask = large_costs_.size() - 1;
    std::size_t slot = key.hash() & mask;
    for (; large_costs_[slot].link.chinese_count != 0; slot = (slot + 1) & mask) {
      if (large_costs_[slot].link == key) return large_costs_[slot].cost;
    }
    const double cost =
        compute_cost(chinese_begin, chinese_count, english_begin, english_count, chinese_sentences, english_sentences);
    if (large_cost_count_ == kMaxLargeCosts) return cost;
    if (2 * (++large_cost_count_) > large_costs_.size()) {
      std::vector<LargeCost> old(2 * large_costs_.size());
      old.swap(large_costs_);
      mask = large_costs_.size() - 1;
      for (const LargeCost& kept : old) {
        if (kept.link.chinese_count == 0) continue;
        std::size_t free = kept.link.hash() & mask;
        while (large_costs_[free].link.chinese_count != 0) free = (free + 1) & mask;
        large_costs_[free] = kept;
      }
      slot = key.hash() & mask;
      while (large_costs_[slot].link.chinese_count != 0) slot = (slot + 1) & mask;
    }
    large_costs_[slot] = {key, cost};
    return cost;
  }

  // When several sentences of the group cover words of `sentence`, the sum
  // of their masses counts a word covered twice; replaces it by the max.
  // `index` is the sentence's row (Chinese) or column (English) in rows_.
  double overlap_correction(const SentenceWords& sentence, std::size_t index, bool sentence_is_chinese,
                            std::size_t chinese_count, std::size_t english_count) const {
    const std::size_t others = sentence_is_chinese ? english_count : chinese_count;
    BestStrengths best(best_, sentence);
    double summed = 0.0;
    for (std::size_t other = 0; other < others; ++other) {
      const RowView& row = rows_[sentence_is_chinese ? index : other];
      const PairCoverage& pair = row.pairs[sentence_is_chinese ? other : index];
      if (pair.offset == kNothingCovered) continue;
      summed += sentence_is_chinese ? pair.chinese_mass : pair.english_mass;
      const auto [words, count] = sentence_words(pair, row.pool, sentence_is_chinese);
      best.take(words, count);
    }
    return best.mass(true) - summed;
  }

  // Each Chinese sentence has a window of English sentences: every pair a
  // link of up to kWindowLinkCount sentences inside the lexical band can
  // reach. Without the memo the windows lie back to back in pairs_, so the
  // cache grows with the band, not with the square of the document. With
  // it, the searches after the first find nearly every cost in the memo
  // (on the K=7 block, 80 k of pass 2's 10 M later costs are not), so only
  // the rows the search is at are kept, in a ring of kRingRows slots of
  // kMaxWindow pairs each; a row the search comes back to is filled again.
  // Without the ring the windows and their covered words took 39 MB on the
  // block, as much as the memo takes.
  void lay_out_windows() {
    const std::size_t half_width = options_.band_half_width;
    window_begin_.resize(chinese_.size());
    row_offset_.assign(chinese_.size() + 1, 0);
    for (std::size_t chinese = 0; chinese < chinese_.size(); ++chinese) {
      std::size_t begin = english_.size();
      std::size_t end = 0;
      const std::size_t first_start = chinese + 1 > kWindowLinkCount ? chinese + 1 - kWindowLinkCount : 0;
      for (std::size_t start = first_start; start <= chinese; ++start) {
        const std::size_t expected = expected_english_[start];
        begin = std::min(begin, expected > half_width ? expected - half_width : 0);
        end = std::max(end, expected + half_width + kWindowLinkCount);
      }
      end = std::min({end, english_.size(), begin + kMaxWindow});
      window_begin_[chinese] = begin;
      row_offset_[chinese + 1] = row_offset_[chinese] + (end > begin ? end - begin : 0);
    }
    ring_ = memo_on_ && chinese_.size() > std::max(kRingRows, options_.ring_min_rows);
    pairs_.resize(ring_ ? kRingRows * kMaxWindow : row_offset_.back());
    slot_row_.assign(window_slot_count(), SIZE_MAX);
    slot_columns_.assign(window_slot_count(), {0, 0});
    row_words_.resize(window_slot_count());
  }
  static constexpr std::size_t kRunGrowth = 8;
  std::size_t window_width(std::size_t chinese) const { return row_offset_[chinese + 1] - row_offset_[chinese]; }
  std::size_t window_slot_count() const { return ring_ ? kRingRows : chinese_.size(); }
  std::size_t window_slot(std::size_t chinese) const { return ring_ ? chinese % kRingRows : chinese; }
  // Where the row's window is in pairs_.
  std::size_t window_offset(std::size_t chinese) const {
    return ring_ ? window_slot(chinese) * kMaxWindow : row_offset_[chinese];
  }

  // Makes sure a row's window holds the pairs of columns [from, from +
  // count) (window-relative): each row keeps one run of computed columns,
  // grown to take in the ones asked for. The search asks for a few columns
  // of a row at a time, next to the ones before (in a batch's paragraph
  // blocks, a handful of the window's ~70), so the run grows by a column or
  // two and the row's closure is built about once per run.
  void cover_columns(std::size_t chinese, std::size_t from, std::size_t count) const {
    const std::size_t slot = window_slot(chinese);
    auto& [low, high] = slot_columns_[slot];
    if (slot_row_[slot] != chinese) {
      slot_row_[slot] = chinese;
      row_words_[slot].clear();
      low = high = from;
    }
    if (from >= low && from + count <= high) return;
    // In a long document's ring, a run grows kRunGrowth columns past the
    // ones asked for: the next cells ask for the next columns, and each
    // growth builds the row's closure again, as the cells' links take turns
    // among their rows (on the K=7 block, growing one column at a time built
    // 57 k closures for 12.5 k rows, 1% of the default's instructions). The
    // pairs are the same. Short documents' blocks are narrow: the extra
    // columns would mostly go unused (+0.1% on a batch).
    const std::size_t growth = ring_ ? kRunGrowth : 0;
    const std::size_t to =
        from + count > high ? std::min(from + count + growth, window_width(chinese)) : from + count;
    build_closure(chinese);
    PairCoverage* pairs = pairs_.data() + window_offset(chinese);
    const std::size_t begin = window_begin_[chinese];
    std::vector<CoveredWord>& pool = row_words_[slot];
    for (std::size_t column = std::min(from, low); column < low; ++column)
      pairs[column] = compute_pair_coverage(chinese, begin + column, pool);
    for (std::size_t column = high; column < std::max(to, high); ++column)
      pairs[column] = compute_pair_coverage(chinese, begin + column, pool);
    low = std::min(from, low);
    high = std::max(to, high);
  }

  // Builds closure_ for a Chinese sentence, unless it holds it already.
  void build_closure(std::size_t chinese_index) const {
    if (closure_row_ == chinese_index) return;
    closure_.build(*lexicon_, chinese_[chinese_index].words);
    closure_row_ = chinese_index;
  }

  // The coverage of one sentence pair; its covered words go to `pool`.
  // closure_ must hold the Chinese sentence's closure.
  // Calls visit(English position, entry) for every closure entry of every
  // word of `english_sentence`: each English word is looked up among the
  // translations of the Chinese sentence's words (closure_).
  template <typename Visit>
  void for_each_translation(const SentenceWords& english_sentence, Visit&& visit) const {
    for (std::size_t english = 0; english < english_sentence.words.size(); ++english) {
      for (std::uint32_t index = closure_.first(english_sentence.words[english]); index != kEndOfChain;) {
        const ClosureEntry& found = closure_.entry(index);
        visit(english, found);
        index = found.next;
      }
    }
  }

  // compute_pair_coverage() for sentences of at most 64 words each (nearly
  // all): the covered positions are kept as bits while the chains are
  // walked, so that the covered words are taken from them in position
  // order, instead of every word of both sentences being zeroed first and
  // scanned after (a pair covers a few of its fifty-odd words). The same
  // strengths, the same masses summed in the same order.
  PairCoverage compute_short_pair_coverage(const SentenceWords& chinese_sentence, const SentenceWords& english_sentence,
                                           std::vector<CoveredWord>& pool) const {
    // All zero between calls: only the covered positions are written, and
    // set back to zero when taken.
    float* const chinese_coverage = short_coverage_.data();
    float* const english_coverage = chinese_coverage + 64;
    std::uint64_t chinese_covered = 0, english_covered = 0;
    for_each_translation(english_sentence, [&](std::size_t english, const ClosureEntry& found) {
      chinese_coverage[found.chinese_position] = std::max(chinese_coverage[found.chinese_position], found.strength);
      english_coverage[english] = std::max(english_coverage[english], found.strength);
      chinese_covered |= std::uint64_t{1} << found.chinese_position;
      english_covered |= std::uint64_t{1} << english;
    });
    if (english_covered == 0) return PairCoverage{};
    PairCoverage pair{static_cast<std::uint32_t>(pool.size()), 0, 0, 0.0f, 0.0f};
    pair.chinese_covered = take_covered(chinese_coverage, chinese_covered, chinese_sentence.weights, pool,
                                        pair.chinese_mass);
    pair.english_covered = take_covered(english_coverage, english_covered, english_sentence.weights, pool,
                                        pair.english_mass);
    return pair;
  }
  // keep_covered() for the positions set in `positions`, in order; sets
  // their coverage back to 0.
  static std::uint32_t take_covered(float* coverage, std::uint64_t positions, const std::vector<float>& weights,
                                    std::vector<CoveredWord>& pool, float& mass) {
    std::uint32_t kept = 0;
    for (; positions != 0; positions &= positions - 1) {
      const auto position = static_cast<std::uint32_t>(std::countr_zero(positions));
      const float strength = coverage[position];
      coverage[position] = 0.0f;
      if (strength == 0.0f) continue;  // as keep_covered(): covered by a strength of 0 is not covered
      pool.push_back({position, strength});
      mass += strength * weights[position];
      ++kept;
    }
    return kept;
  }

  PairCoverage compute_pair_coverage(std::size_t chinese_index, std::size_t english_index,
                                     std::vector<CoveredWord>& pool) const {
    const SentenceWords& chinese_sentence = chinese_[chinese_index];
    const SentenceWords& english_sentence = english_[english_index];
    const std::size_t chinese_words = chinese_sentence.words.size();
    if (chinese_words <= 64 && english_sentence.words.size() <= 64)
      return compute_short_pair_coverage(chinese_sentence, english_sentence, pool);
    dense_.assign(chinese_words + english_sentence.words.size(), 0.0f);
    float* chinese_coverage = dense_.data();
    float* english_coverage = chinese_coverage + chinese_words;
    bool any = false;
    for_each_translation(english_sentence, [&](std::size_t english, const ClosureEntry& found) {
      chinese_coverage[found.chinese_position] = std::max(chinese_coverage[found.chinese_position], found.strength);
      english_coverage[english] = std::max(english_coverage[english], found.strength);
      any = true;
    });
    if (!any) return PairCoverage{};
    // Uncovered words add 0 to the sums, so skipping them leaves the same
    // float sums (the covered words are added in the same order).
    PairCoverage pair{static_cast<std::uint32_t>(pool.size()), 0, 0, 0.0f, 0.0f};
    pair.chinese_covered = keep_covered(chinese_coverage, chinese_sentence.weights, pool, pair.chinese_mass);
    pair.english_covered = keep_covered(english_coverage, english_sentence.weights, pool, pair.english_mass);
    return pair;
  }

  static std::uint32_t keep_covered(const float* coverage, const std::vector<float>& weights,
                                    std::vector<CoveredWord>& pool, float& mass) {
    // Without branches: every word is written at the end of the pool, and
    // the end moves past the covered ones only. The mass is then summed over
    // the covered words alone, in the same order: an uncovered word adds +0,
    // which leaves a float sum as it was (summing every word waited on a
    // float addition per word of the sentence, most of them +0).
    const std::size_t start = pool.size();
    pool.resize(start + weights.size());
    CoveredWord* const kept_begin = pool.data() + start;
    CoveredWord* kept = kept_begin;
    for (std::size_t word = 0; word < weights.size(); ++word) {
      *kept = {static_cast<std::uint32_t>(word), coverage[word]};
      kept += coverage[word] != 0.0f;
    }
    for (const CoveredWord* word = kept_begin; word != kept; ++word) mass += word->strength * weights[word->position];
    pool.resize(start + static_cast<std::size_t>(kept - kept_begin));
    return static_cast<std::uint32_t>(kept - kept_begin);
  }

  // Remembered costs, by where a link ends: for each Chinese end c, the
  // English ends within (memo_columns() - 1) / 2 of the English end
  // expected there (expected_english_[c]), one cell each of kMemoTypes
  // slots, one per link type in the order the types are first seen (see
  // to_memo; 0: not yet computed). The links the search prices at one of
  // its cells are one memo cell, and the cells of a row follow each other.
  // It holds the links near the expected path the searches follow
  // (LexicalEvidenceOptions::memo_columns), LexicalEvidenceOptions::kMemoReach
  // more for a path that climbs over a link's Chinese sentences; others are
  // remembered apart (remembered_large_cost).
  // Off for documents so long that the table would take more than
  // options_.memo_max_bytes (the costs are then recomputed from the pair
  // windows). Types past the first kMemoTypes (sentence links of other
  // counts than the default's) go to a second table of kExtraMemoTypes, made
  // only if they come; the paragraph stage has its own (group_memo_cell).
  static constexpr std::size_t kMemoTypes = LexicalEvidenceOptions::kMemoTypes;
  static constexpr std::size_t kExtraMemoTypes = 4;
  std::size_t memo_columns() const { return LexicalEvidenceOptions::memo_columns(options_.band_half_width); }
  std::size_t memo_row_size() const { return memo_columns() * kMemoTypes; }
  // The memo slot of links of these counts: the first kMemoTypes count pairs
  // seen in the first table, the next kExtraMemoTypes in the second; -1:
  // none (counts of 8 or more, or every slot taken).
  int memo_type(std::size_t chinese_count, std::size_t english_count) const {
    if (chinese_count >= 8 || english_count >= 8) return -1;
    std::int8_t& type = memo_type_[chinese_count * 8 + english_count];
    if (type < 0 && memo_types_used_ < kMemoTypes + kExtraMemoTypes)
      type = static_cast<std::int8_t>(memo_types_used_++);
    return type;
  }
  // The slots of the links ending at (chinese_end, english_end) in table
  // `part`; nullptr where the memo has no cell.
  std::uint32_t* memo_cell(std::size_t part, std::size_t chinese_end, std::size_t english_end) const {
    const std::size_t types = part == 0 ? kMemoTypes : kExtraMemoTypes;
    MemoTable& table = memo_[part];
    if (table.empty()) table = MemoTable((chinese_.size() + 1) * memo_columns() * types);
    const std::size_t cell = memo_cell_index(chinese_end, expected_english_[chinese_end], english_end);
    return cell == kNoMemoCell ? nullptr : table.get() + cell * types;
  }
  // The index of the cell of row `row` and column `column` in a memo laid
  // out around `expected`, the column expected in that row; kNoMemoCell
  // outside it.
  static constexpr std::size_t kNoMemoCell = SIZE_MAX;
  std::size_t memo_cell_index(std::size_t row, std::size_t expected, std::size_t column) const {
    const std::size_t reach = (memo_columns() - 1) / 2;
    const std::size_t base = expected > reach ? expected - reach : 0;
    if (column < base || column - base >= memo_columns()) return kNoMemoCell;
    return row * memo_columns() + (column - base);
  }
  std::uint32_t* memo_slot(std::size_t chinese_begin, std::size_t chinese_count, std::size_t english_begin,
                           std::size_t english_count) const {
    if (!memo_on_) return nullptr;
    const int type = memo_type(chinese_count, english_count);
    if (type < 0) return nullptr;
    const std::size_t part = static_cast<std::size_t>(type) >= kMemoTypes ? 1 : 0;
    std::uint32_t* const cell = memo_cell(part, chinese_begin + chinese_count, english_begin + english_count);
    return cell == nullptr ? nullptr : cell + (static_cast<std::size_t>(type) - part * kMemoTypes);
  }

  // The paragraph stage's memo: the same layout in groups (the English end
  // expected at a Chinese group end is the group holding the English
  // sentence expected at its first sentence), one table of kMemoTypes
  // slots a cell, made on the first cell asked. Doubles, as the links
  // remembered apart keep them: every answer of the paragraph stage is the
  // computed double.
  std::uint64_t* group_memo_cell(std::size_t chinese_group_end, std::size_t english_group_end) const {
    if (group_memo_.empty()) group_memo_ = GroupMemoTable((chinese_.size() + 1) * memo_columns() * kMemoTypes);
    const std::size_t expected_sentence =
        std::min(expected_english_[chinese_group_begin_[chinese_group_end]], english_sentence_count_);
    const std::size_t cell =
        memo_cell_index(chinese_group_end, english_group_of_[expected_sentence], english_group_end);
    return cell == kNoMemoCell ? nullptr : group_memo_.get() + cell * kMemoTypes;
  }

  std::shared_ptr<const DocumentLexicon> lexicon_;
  LexicalEvidenceOptions options_;
  std::vector<SentenceWords> chinese_;
  std::vector<SentenceWords> english_;
  // For each Chinese sentence, the English sentence its link is expected
  // near: at the same fraction of the text (the length diagonal), or on the
  // aligner's placed path once expect_path gave it.
  std::vector<std::size_t> expected_english_;
  std::vector<double> chinese_chance_;
  std::vector<double> english_chance_;
  std::size_t chinese_sentence_count_ = 0;
  std::size_t english_sentence_count_ = 0;
  // The paragraph stage's term: chinese_ and english_ are groups, and each
  // sentence that begins one maps to it (kNoGroup: inside one).
  bool grouped_ = false;
  std::vector<std::uint32_t> chinese_group_at_;
  std::vector<std::uint32_t> english_group_at_;
  mutable std::unordered_map<std::uint64_t, PairCoverage> group_pairs_;
  mutable std::vector<CoveredWord> group_words_;  // the covered words of group_pairs_
  mutable std::vector<PairCoverage> group_row_pairs_;  // one link's pairs, row by row
  // Row windows: Chinese sentence c pairs with English sentences
  // [window_begin_[c], + window_width(c)) at pairs_[window_offset(c) ...].
  std::vector<std::size_t> window_begin_;
  std::vector<std::size_t> row_offset_;
  // Whether the windows are a ring of kRingRows rows (lay_out_windows).
  static constexpr std::size_t kRingRows = 64;
  bool ring_ = false;
  // Filled lazily during the search (the aligner asks for the same sentence
  // pairs many times): not thread-safe, one evidence per thread.
  mutable std::vector<PairCoverage> pairs_;
  mutable std::vector<std::size_t> slot_row_;  // the row each window slot holds; SIZE_MAX: none
  // The run of columns computed in each slot: [first, second), window-relative.
  mutable std::vector<std::pair<std::size_t, std::size_t>> slot_columns_;
  mutable std::vector<std::vector<CoveredWord>> row_words_;  // the covered words of each slot's pairs
  // Scratch space of one cost.
  mutable std::vector<RowView> rows_;
  mutable std::vector<RowView> cell_rows_;  // gather_cell_rows()
  // The cell add_cell_costs() prices from cell_rows_, while it computes a
  // link's cost there: cell_corrections() reads the cell's rows.
  struct ActiveCell {
    bool on = false;
    std::size_t chinese_end = 0, english_end = 0;
    std::size_t chinese_count = 0, english_count = 0;  // CellRows'
  };
  mutable ActiveCell active_cell_;
  mutable std::vector<PairCoverage> spilled_pairs_;
  mutable std::vector<CoveredWord> spilled_words_;
  mutable Closure closure_;
  mutable std::size_t closure_row_ = SIZE_MAX;  // whose closure closure_ holds
  mutable std::vector<float> dense_;
  mutable std::array<float, 128> short_coverage_{};  // compute_short_pair_coverage(): 64 Chinese, 64 English
  mutable std::vector<float> best_;  // all zero between costs
  // Overlap corrections of groups of 2 to kCachedGroupSizes + 1 sentences,
  // direct-mapped: [side][group size - 2][Chinese key % rows][English key % columns].
  static constexpr std::size_t kCachedGroupSizes = 4;
  static constexpr std::size_t kCorrectionRows = 8;       // > the largest Chinese count of a default link
  static constexpr std::size_t kCorrectionColumns = 256;  // > the widest search band across the lexical band
  static constexpr std::size_t kLargeGroupSlotBegin = 2 * kCachedGroupSizes * kCorrectionRows * kCorrectionColumns;
  static constexpr std::size_t kLargeGroupSlots = 8192;  // a power of two
  struct CachedCorrection {
    std::uint32_t chinese_key = UINT32_MAX;  // none
    std::uint32_t english_key = UINT32_MAX;
    std::uint32_t size_key = 0;  // group size * 2 + 1 if the sentence is Chinese; 0: none
    double value = 0.0;
    static std::size_t hash(std::uint32_t chinese_key, std::uint32_t english_key, std::uint32_t size_key) {
      std::uint64_t mixed = (std::uint64_t{chinese_key} << 32 | english_key) ^ std::uint64_t{size_key} << 20;
      mixed = (mixed ^ (mixed >> 33)) * 0xFF51AFD7ED558CCDull;  // MurmurHash3's finalizer
      mixed = (mixed ^ (mixed >> 33)) * 0xC4CEB9FE1A85EC53ull;
      return static_cast<std::size_t>(mixed ^ (mixed >> 33));
    }
  };
  // The slot of cached_overlap_correction()'s cache for a group of 2 to
  // kCachedGroupSizes + 1 sentences.
  CachedCorrection& correction_slot(std::uint32_t chinese_key, std::uint32_t english_key, std::size_t group_size,
                                    bool sentence_is_chinese) const {
    return corrections_[(((sentence_is_chinese ? 0 : kCachedGroupSizes) + group_size - 2) * kCorrectionRows +
                         chinese_key % kCorrectionRows) * kCorrectionColumns + english_key % kCorrectionColumns];
  }
  // A link remembered_large_cost() keeps; chinese_count 0 marks an empty
  // slot (cost() keeps no link with an empty side).
  struct LargeLink {
    std::uint32_t chinese_begin = 0, chinese_count = 0, english_begin = 0, english_count = 0;
    bool operator==(const LargeLink&) const = default;
    std::size_t hash() const {
      return CachedCorrection::hash(chinese_begin ^ chinese_count << 24, english_begin, english_count << 1 | 1u);
    }
  };
  struct LargeCost {
    LargeLink link;
    double cost = 0.0;
  };
  // Open addressing, a power of two at most half full (a node map's lookups
  // were a tenth of a batch's time): 24 bytes a slot, at most 12 MB.
  static constexpr std::size_t kMaxLargeCosts = std::size_t{1} << 18;
  static constexpr std::size_t kFirstLargeCostSlots = 1024;
  mutable std::vector<LargeCost> large_costs_;
  mutable std::size_t large_cost_count_ = 0;
  mutable std::vector<CachedCorrection> large_corrections_;  // a power of two, at most half full
  mutable std::size_t large_correction_count_ = 0;
  mutable std::vector<CachedCorrection> corrections_;
  mutable std::vector<std::uint32_t> coverers_;
  bool memo_on_ = false;
  mutable bool priced_ = false;  // a cost was asked: the band is laid out for good
  mutable std::array<MemoTable, 2> memo_;  // the first kMemoTypes types, then the next kExtraMemoTypes
  // The paragraph stage's (group_memo_cell), and what it finds the cells by
  // (map_groups).
  mutable GroupMemoTable group_memo_;
  std::vector<std::uint32_t> english_group_of_;
  std::vector<std::size_t> chinese_group_begin_;
  mutable std::array<std::int8_t, 64> memo_type_;
  mutable std::size_t memo_types_used_ = 0;
};

// For each Chinese sentence (and one past the end), the English sentence
// where a link from it is expected: the aligner's length diagonal, over the
// same lengths (visible code points).
std::vector<std::size_t> expected_english_sentences(std::span<const std::string> chinese,
                                                    std::span<const std::string> english) {
  const auto lengths = [](std::span<const std::string> sentences) {
    std::vector<double> out;
    out.reserve(sentences.size());
    for (const auto& sentence : sentences) out.push_back(static_cast<double>(count_visible_code_points(sentence)));
    return out;
  };
  return length_diagonal(lengths(chinese), lengths(english));
}

}  // namespace

LexicalEvidenceFactory::LexicalEvidenceFactory(std::shared_ptr<const LexicalModel> model, LexicalEvidenceOptions options)
    : model_(std::move(model)), options_(options) {}

std::unique_ptr<LinkEvidence> LexicalEvidenceFactory::make(std::span<const std::string> first_sentences,
                                                           std::span<const std::string> second_sentences) const {
  const auto chinese_sentences = options_.first_is_chinese ? first_sentences : second_sentences;
  const auto english_sentences = options_.first_is_chinese ? second_sentences : first_sentences;
  std::vector<std::vector<std::uint32_t>> chinese_words;
  chinese_words.reserve(chinese_sentences.size());
  for (const auto& sentence : chinese_sentences) chinese_words.push_back(model_->chinese_words(sentence));
  std::vector<std::vector<std::uint32_t>> english_words;
  english_words.reserve(english_sentences.size());
  for (const auto& sentence : english_sentences) english_words.push_back(model_->english_words(sentence));
  std::vector<std::uint32_t> chinese_local, english_local;
  const std::vector<std::uint32_t> chinese_vocabulary =
      renumber_side(chinese_words, model_->chinese_word_count(), chinese_local);
  const std::vector<std::uint32_t> english_vocabulary =
      renumber_side(english_words, model_->english_word_count(), english_local);
  auto lexicon = std::make_shared<DocumentLexicon>();
  lexicon->english_of_chinese = document_lists(chinese_vocabulary, english_local, [&](std::uint32_t word) {
    return model_->english_translations(word);
  });
  lexicon->chinese_of_english = document_lists(english_vocabulary, chinese_local, [&](std::uint32_t word) {
    return model_->chinese_translations(word);
  });
  std::vector<SentenceWords> chinese = weigh_side(std::move(chinese_words), chinese_vocabulary.size());
  std::vector<SentenceWords> english = weigh_side(std::move(english_words), english_vocabulary.size());
  estimate_chance(chinese, english, chinese_vocabulary.size(),
                  [&](std::uint32_t word) { return lexicon->chinese_of_english.of(word); });
  estimate_chance(english, chinese, english_vocabulary.size(),
                  [&](std::uint32_t word) { return lexicon->english_of_chinese.of(word); });
  return std::make_unique<LexicalEvidence>(std::move(lexicon), options_, std::move(chinese), std::move(english),
                                           expected_english_sentences(chinese_sentences, english_sentences));
}

}  // namespace untm::lexicon
