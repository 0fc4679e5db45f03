#include "lexicon/lexical_model.h"

#include <algorithm>

#include "core/characters.h"
#include "core/utf8.h"
#include "lexicon/english_words.h"

namespace untm::lexicon {

bool has_han(std::string_view word) {
  std::size_t position = 0;
  while (position < word.size()) {
    if (is_han(next_code_point(word, position))) return true;
  }
  return false;
}

namespace {
void sort_and_deduplicate(std::vector<std::uint32_t>& ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

// Lays the pairs out as one list per word, each sorted by translation: the
// pairs go to their word's place by counting (sorting them all was a tenth
// of loading CC-CEDICT), then each short list is sorted. No two pairs have
// the same word and translation, so the order is the one sort would give.
template <typename Pair>
void fill_lists(const std::vector<Pair>& pairs, std::size_t word_count, TranslationLists& lists) {
  lists.offsets.assign(word_count + 1, 0);
  for (const Pair& pair : pairs) ++lists.offsets[pair.word + 1];
  for (std::size_t word = 0; word < word_count; ++word) lists.offsets[word + 1] += lists.offsets[word];
  lists.translations.resize(pairs.size());
  std::vector<std::uint32_t> next(lists.offsets.begin(), lists.offsets.end() - 1);
  for (const Pair& pair : pairs) lists.translations[next[pair.word]++] = {pair.translation, pair.strength};
  for (std::size_t word = 0; word < word_count; ++word) {
    std::sort(lists.translations.begin() + lists.offsets[word], lists.translations.begin() + lists.offsets[word + 1],
              [](const Translation& left, const Translation& right) { return left.word < right.word; });
  }
}

constexpr std::uint32_t kUnseen = UINT32_MAX, kNotHan = UINT32_MAX - 1;
}  // namespace

LexicalModel::LexicalModel(const Lexicon& lexicon) {
  Builder builder;
  builder.add(lexicon);
  *this = std::move(builder).build();
}

void LexicalModel::Builder::add(const Lexicon& lexicon) {
  chinese_to_english_.reserve(lexicon.size());
  if (entries_taken_ == 0) {
    english_words_.reserve(lexicon.size() / 4);
    // A dictionary's words share all but their last characters with shorter
    // ones: about one trie edge a word (CC-CEDICT: 171 k edges for 121 k
    // Chinese words among 170 k), so the table is made once instead of
    // doubled ten times on the way.
    matcher_.reserve(lexicon.word_count());
  }
  // This model's id of each lexicon word, found on the word's first entry:
  // a dictionary names most words in several entries, and hashing their
  // text once per entry was a fifth of loading CC-CEDICT. Ids are given in
  // order of first entry, as the words' texts would give them.
  chinese_ids_.resize(lexicon.word_count(), kUnseen);
  english_ids_.resize(lexicon.word_count(), kUnseen);
  for (std::size_t index = entries_taken_; index < lexicon.size(); ++index) {
    const Lexicon::EntryIds entry = lexicon.entry_ids(index);
    if (lexicon.word(entry.english).empty()) continue;
    std::uint32_t& chinese = chinese_ids_[entry.chinese];
    if (chinese == kUnseen) {
      const std::string_view word = lexicon.word(entry.chinese);
      chinese = has_han(word) ? matcher_.add(word) : kNotHan;
    }
    if (chinese == kNotHan) continue;
    std::uint32_t& english = english_ids_[entry.english];
    if (english == kUnseen) english = english_words_.intern(lexicon.word(entry.english));
    chinese_to_english_.push_back({chinese, english, static_cast<float>(entry.strength)});
  }
  entries_taken_ = lexicon.size();
}

LexicalModel LexicalModel::Builder::build() && {
  LexicalModel model;
  model.entry_count_ = chinese_to_english_.size();
  std::vector<WordPair> english_to_chinese;
  english_to_chinese.reserve(chinese_to_english_.size());
  for (const WordPair& pair : chinese_to_english_) english_to_chinese.push_back({pair.translation, pair.word, pair.strength});
  fill_lists(chinese_to_english_, matcher_.word_count(), model.english_of_chinese_);
  fill_lists(english_to_chinese, english_words_.size(), model.chinese_of_english_);
  model.matcher_ = std::move(matcher_);
  model.english_words_ = std::move(english_words_);
  return model;
}

std::vector<std::uint32_t> LexicalModel::chinese_words(std::string_view sentence) const {
  std::vector<std::uint32_t> ids;
  for (const auto& token : matcher_.tokenize(sentence)) {
    if (token.word) ids.push_back(*token.word);
  }
  sort_and_deduplicate(ids);
  return ids;
}

std::vector<std::uint32_t> LexicalModel::english_words(std::string_view sentence) const {
  // english_content_words() word by word, each normalized into one string's
  // room instead of a new string in a new list.
  thread_local std::vector<std::string_view> tokens;
  thread_local std::string normal;
  english_tokens(sentence, tokens);
  std::vector<std::uint32_t> ids;
  for (const std::string_view token : tokens) {
    if (!normalize_english_word(token, normal)) continue;
    if (const std::uint32_t id = english_words_.find(normal); id != IdIndex::kAbsent) ids.push_back(id);
  }
  sort_and_deduplicate(ids);
  return ids;
}

}  // namespace untm::lexicon
