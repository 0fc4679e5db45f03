#pragma once
// A Lexicon compiled for matching sentences: Chinese words in a trie, English
// words as ids, translations as sorted id lists in both directions.
// Immutable once built; shared by all documents (and threads) of a run.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/chinese_matcher.h"
#include "lexicon/lexicon.h"

namespace untm::lexicon {

struct Translation {
  std::uint32_t word = 0;  // id on the other side
  float strength = 0.0f;
};

// Translation lists of all words of one side, back to back: word w's are
// translations[offsets[w] .. offsets[w + 1]); none for a word past the end.
struct TranslationLists {
  std::vector<std::uint32_t> offsets{0};
  std::vector<Translation> translations;
  std::span<const Translation> of(std::uint32_t word) const {
    if (word + 1 >= offsets.size()) return {};
    return std::span(translations).subspan(offsets[word], offsets[word + 1] - offsets[word]);
  }
};

class LexicalModel {
 public:
  explicit LexicalModel(const Lexicon& lexicon);

  // A model made in steps, for a caller that matches Chinese words of a
  // lexicon before the lexicon grows (learning tokenizes its training pairs
  // with the dictionary's words, then adds the entries it learned): the
  // matcher is built once. A model built from a lexicon's entries in steps
  // is the one LexicalModel(lexicon) makes.
  class Builder {
   public:
    // Takes in the entries of `lexicon` past those taken before. `lexicon`
    // is the one taken before with entries appended and none changed (as
    // Lexicon::add_all() of new pairs leaves it): the same first entries,
    // the same word ids.
    void add(const Lexicon& lexicon);
    // The Chinese words taken in so far.
    const ChineseMatcher& matcher() const noexcept { return matcher_; }
    LexicalModel build() &&;

   private:
    struct WordPair {
      std::uint32_t word = 0;
      std::uint32_t translation = 0;
      float strength = 0.0f;
    };
    ChineseMatcher matcher_;
    WordTable english_words_;
    // This model's id of each lexicon word, kUnseen before its first entry.
    std::vector<std::uint32_t> chinese_ids_, english_ids_;
    std::vector<WordPair> chinese_to_english_;
    std::size_t entries_taken_ = 0;
  };

  // The distinct lexicon words of a sentence, as sorted ids. Words the
  // lexicon has no translation for are left out: they can never be covered.
  std::vector<std::uint32_t> chinese_words(std::string_view sentence) const;
  std::vector<std::uint32_t> english_words(std::string_view sentence) const;

  // Translations of one word, sorted by the other side's id.
  std::span<const Translation> english_translations(std::uint32_t chinese_word) const {
    return english_of_chinese_.of(chinese_word);
  }
  std::span<const Translation> chinese_translations(std::uint32_t english_word) const {
    return chinese_of_english_.of(english_word);
  }
  std::size_t entry_count() const noexcept { return entry_count_; }
  std::size_t chinese_word_count() const noexcept { return matcher_.word_count(); }
  std::size_t english_word_count() const noexcept { return english_words_.size(); }

 private:
  LexicalModel() = default;

  ChineseMatcher matcher_;
  // English word ids, in order of first entry: open addressing over the
  // words' text (lexicon.h), where a node map allocated each word and
  // found it by a modulo and a pointer chase, in building and in every
  // sentence's look-ups.
  WordTable english_words_;
  TranslationLists english_of_chinese_;
  TranslationLists chinese_of_english_;
  std::size_t entry_count_ = 0;
};

// True when the word holds a Han character: lexicon entries without one
// ("A", "3C") would match Latin text inside Chinese sentences.
bool has_han(std::string_view word);

}  // namespace untm::lexicon
