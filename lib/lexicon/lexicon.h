#pragma once
// A bilingual lexicon: pairs (Chinese word, English word in normal form) with
// a strength in (0, 1] — 1 for a dictionary entry, a translation probability
// for a learned one. Where the pairs come from (a dictionary file, IBM Model 1
// over the texts, a saved lexicon) does not matter to whoever uses it.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace untm::lexicon {

// One pair as the lexicon holds it: the words point into the lexicon, valid
// until it next changes.
struct LexiconEntry {
  std::string_view chinese;
  std::string_view english;  // normal form (english_words.h)
  double strength = 1.0;
  friend bool operator==(const LexiconEntry&, const LexiconEntry&) = default;
};

// Open addressing over ids 0, 1, 2, ... of items kept elsewhere: each slot
// holds id + 1 (0 is empty), the table at most half full. 4 bytes a slot,
// where a node map spends some 60 bytes an item and a key copy.
class IdIndex {
 public:
  static constexpr std::uint32_t kAbsent = UINT32_MAX;
  // The id for which matches(id) holds among those with this hash, or kAbsent.
  template <typename Matches>
  std::uint32_t find(std::size_t hash, Matches&& matches) const {
    if (slots_.empty()) return kAbsent;
    for (std::size_t slot = hash & (slots_.size() - 1);; slot = (slot + 1) & (slots_.size() - 1)) {
      if (slots_[slot] == 0) return kAbsent;
      if (matches(slots_[slot] - 1)) return slots_[slot] - 1;
    }
  }
  // Records `id` under `hash`, unless an id for which matches(id) holds is
  // there already: that id then, else kAbsent (`id` recorded). hash_of(id)
  // rehashes the ids already in when the table grows. One probe sequence
  // where a find() and then an insertion walked it twice.
  template <typename Matches, typename HashOf>
  std::uint32_t insert_unique(std::size_t hash, std::uint32_t id, Matches&& matches, HashOf&& hash_of) {
    if (2 * (count_ + 1) > slots_.size()) grow(std::max<std::size_t>(16, 2 * slots_.size()), hash_of);
    std::size_t slot = hash & (slots_.size() - 1);
    for (; slots_[slot] != 0; slot = (slot + 1) & (slots_.size() - 1)) {
      if (matches(slots_[slot] - 1)) return slots_[slot] - 1;
    }
    slots_[slot] = id + 1;
    ++count_;
    return kAbsent;
  }
  template <typename HashOf>
  void reserve(std::size_t items, HashOf&& hash_of) {
    std::size_t size = 16;
    while (size < 2 * items) size *= 2;
    if (size > slots_.size()) grow(size, hash_of);
  }

 private:
  void place(std::size_t hash, std::uint32_t id) {
    std::size_t slot = hash & (slots_.size() - 1);
    while (slots_[slot] != 0) slot = (slot + 1) & (slots_.size() - 1);
    slots_[slot] = id + 1;
  }
  template <typename HashOf>
  void grow(std::size_t size, HashOf&& hash_of) {
    std::vector<std::uint32_t> old(size, 0);
    old.swap(slots_);
    for (const std::uint32_t entry : old)
      if (entry != 0) place(hash_of(entry - 1), entry - 1);
  }

  std::vector<std::uint32_t> slots_;
  std::size_t count_ = 0;
};

// Words of both languages, each stored once, back to back in one string.
class WordTable {
 public:
  // A table of the words of `text` split at `begins` (Lexicon::from_parts
  // checks them); false if a word is there twice.
  bool assign(std::string text, std::vector<std::uint32_t> begins);
  std::uint32_t intern(std::string_view word);
  std::uint32_t find(std::string_view word) const;  // IdIndex::kAbsent when absent
  std::string_view word(std::uint32_t id) const {
    return std::string_view(text_).substr(begins_[id], begins_[id + 1] - begins_[id]);
  }
  std::size_t size() const noexcept { return begins_.size() - 1; }
  void reserve(std::size_t words);

 private:
  std::size_t hash_of(std::uint32_t id) const { return std::hash<std::string_view>{}(word(id)); }
  std::string text_;
  std::vector<std::uint32_t> begins_{0};  // word id's text is [begins_[id], begins_[id + 1])
  IdIndex index_;
};

class Lexicon {
 public:
  // Adds a pair; a pair already present keeps the larger strength.
  void add(std::string_view chinese, std::string_view english, double strength = 1.0);
  // The same in two steps, for readers that pair one headword with many
  // words: the headword is then hashed and looked up once.
  std::uint32_t intern(std::string_view word) { return words_.intern(word); }
  void add(std::uint32_t chinese_id, std::string_view english, double strength = 1.0);
  // By two interned ids (intern()).
  void add_ids(std::uint32_t chinese_id, std::uint32_t english_id, double strength = 1.0);
  // Adds every pair of `other`; returns how many of the pairs already here
  // got a larger strength (0: the entries before are as they were, the new
  // ones appended).
  std::size_t add_all(const Lexicon& other);
  void reserve(std::size_t entries);

  // Entries in the order first added, index < size().
  LexiconEntry entry(std::size_t index) const {
    const Pair& pair = pairs_[index];
    return {words_.word(pair.chinese), words_.word(pair.english), pair.strength};
  }
  std::size_t size() const noexcept { return pairs_.size(); }
  bool empty() const noexcept { return pairs_.empty(); }
  // Entry `index` by word ids: one table for the words of both languages,
  // ids below word_count(), word(id) their text. For a reader that meets
  // each word many times (LexicalModel) and so looks it up once.
  struct EntryIds {
    std::uint32_t chinese = 0, english = 0;
    double strength = 1.0;
  };
  EntryIds entry_ids(std::size_t index) const {
    const Pair& pair = pairs_[index];
    return {pair.chinese, pair.english, pair.strength};
  }
  std::size_t word_count() const noexcept { return words_.size(); }
  // A lexicon from the parts word_count(), word() and entry_ids() give:
  // word id's text is text[begins[id], begins[id + 1]), the entries by word
  // ids in order. Empty when the parts do not make a lexicon (begins out of
  // order or past the text, a word or pair twice, an id past the words, a
  // strength outside (0, 1]): read_lexicon_image checks bytes with it.
  static std::optional<Lexicon> from_parts(std::string text, std::vector<std::uint32_t> begins,
                                           std::span<const EntryIds> entries);
  std::string_view word(std::uint32_t id) const { return words_.word(id); }
  // The strength of a pair, 0 when absent.
  double strength(std::string_view chinese, std::string_view english) const;

 private:
  // Word ids, not strings: CC-CEDICT's 200,000 pairs took ~45 MB as string
  // pairs in a node map, ~10 MB so.
  struct Pair {
    std::uint32_t chinese = 0;
    std::uint32_t english = 0;
    double strength = 1.0;
  };
  // IdIndex takes the low bits, so every bit of both ids must move them
  // (MurmurHash3's finalizer). A product shifted by 17 took the Chinese id in
  // from bit 32 only: a 2^19-slot index of CC-CEDICT put the pairs of one
  // English word in at most 16 runs of slots.
  static std::size_t pair_hash(std::uint32_t chinese, std::uint32_t english) {
    std::uint64_t mixed = (std::uint64_t{chinese} << 32) | english;
    mixed = (mixed ^ (mixed >> 33)) * 0xFF51AFD7ED558CCDull;
    mixed = (mixed ^ (mixed >> 33)) * 0xC4CEB9FE1A85EC53ull;
    return static_cast<std::size_t>(mixed ^ (mixed >> 33));
  }
  std::uint32_t find(std::uint32_t chinese, std::uint32_t english) const;
  // Adds the pair if absent (IdIndex::kAbsent); else the index of the pair
  // there, left as it was.
  std::uint32_t add_new_ids(std::uint32_t chinese_id, std::uint32_t english_id, double strength);

  WordTable words_;
  std::vector<Pair> pairs_;
  IdIndex index_;  // over pairs_
};

// Readers of outside files. `source` names the file in errors; a malformed
// line throws InputError with the line's byte offset and "line N: ..." in the
// message. Lines starting with '#' and blank lines are skipped.

// CC-CEDICT: `傳統 传统 [chuan2 tong3] /tradition/traditional/`. The
// simplified headword is paired with the content words of every sense (each
// of its ';' alternatives) of at most two content words; senses that only
// point elsewhere (CL:, variant of, see, surname) and longer ones
// (explanations) are skipped.
Lexicon read_cc_cedict(std::string_view text, std::string_view source);

// hunalign: `english words @ 中文`; every content word pairs with the Chinese.
Lexicon read_hunalign_dictionary(std::string_view text, std::string_view source);

// Either dictionary format, told apart by the first entry line.
Lexicon read_dictionary(std::string_view text, std::string_view source);

// untm's own lexicon file (--save-lexicon / --lexicon): a header line
// `# untm lexicon 1`, then `chinese<TAB>english<TAB>strength` lines.
Lexicon read_lexicon(std::string_view text, std::string_view source);
// Sorted by Chinese then English, so that the same lexicon always makes the
// same file.
std::string write_lexicon(const Lexicon& lexicon);

}  // namespace untm::lexicon
