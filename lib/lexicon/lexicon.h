#pragma once
// A bilingual lexicon: pairs (Chinese word, English word in normal form) with
// a strength in (0, 1] — 1 for a dictionary entry, a translation probability
// for a learned one. Where the pairs come from (a dictionary file, IBM Model 1
// over the texts, a saved lexicon) does not matter to whoever uses it.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace untm::lexicon {

struct LexiconEntry {
  std::string chinese;
  std::string english;  // normal form (english_words.h)
  double strength = 1.0;
  friend bool operator==(const LexiconEntry&, const LexiconEntry&) = default;
};

class Lexicon {
 public:
  // Adds a pair; a pair already present keeps the larger strength.
  void add(std::string_view chinese, std::string_view english, double strength = 1.0);
  void add_all(const Lexicon& other);
  void reserve(std::size_t entries);

  const std::vector<LexiconEntry>& entries() const noexcept { return entries_; }
  std::size_t size() const noexcept { return entries_.size(); }
  bool empty() const noexcept { return entries_.empty(); }
  // The strength of a pair, 0 when absent.
  double strength(std::string_view chinese, std::string_view english) const;

 private:
  static std::string key(std::string_view chinese, std::string_view english);

  std::vector<LexiconEntry> entries_;
  std::unordered_map<std::string, std::size_t> index_;
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
std::string write_lexicon(const Lexicon& lexicon);

}  // namespace untm::lexicon
