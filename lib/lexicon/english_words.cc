#include "lexicon/english_words.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>

namespace untm::lexicon {

namespace {

// Function words that every sentence has: they say nothing about which
// sentence translates which. Sorted, for binary search.
constexpr std::string_view kStopWords[] = {
    "a",       "about",   "above",  "after",   "again",   "against", "all",     "also",
    "am",      "an",      "and",    "any",     "are",     "as",      "at",      "be",
    "been",    "before",  "being",  "below",   "between", "both",    "but",     "by",
    "can",     "could",   "did",    "do",      "does",    "doing",   "down",    "during",
    "each",    "etc",     "few",    "for",     "from",    "further", "had",     "has",
    "have",    "having",  "he",     "her",     "here",    "hers",    "herself", "him",
    "himself", "his",     "how",    "i",       "if",      "in",      "into",    "is",
    "it",      "its",     "itself", "just",    "me",      "more",    "most",    "my",
    "myself",  "no",      "nor",    "not",     "now",     "of",      "off",     "on",
    "once",    "only",    "or",     "other",   "our",     "ours",    "out",     "over",
    "own",     "s",       "same",   "she",     "should",  "so",      "some",    "such",
    "than",    "that",    "the",    "their",   "them",    "then",    "there",   "these",
    "they",    "this",    "those",  "through", "to",      "too",     "under",   "until",
    "up",      "very",    "was",    "we",      "were",    "what",    "when",    "where",
    "which",   "while",   "who",    "whom",    "why",     "will",    "with",    "would",
    "you",     "your",
};

// A word of at most 8 bytes as one number, its bytes in order from the most
// significant down and zeros after them: numbers compare as the words do.
constexpr std::uint64_t packed(std::string_view word) {
  std::uint64_t key = 0;
  for (std::size_t k = 0; k < 8; ++k) key = key << 8 | (k < word.size() ? static_cast<unsigned char>(word[k]) : 0u);
  return key;
}

constexpr std::size_t kLongestStopWord = std::ranges::max(kStopWords, {}, &std::string_view::size).size();
static_assert(kLongestStopWord <= 8);

// kStopWords packed, in the same (sorted) order: a stop-word check is then a
// binary search over numbers (over strings, its comparisons were a quarter
// of loading CC-CEDICT, which checks every word of every sense).
constexpr auto kPackedStopWords = [] {
  std::array<std::uint64_t, std::size(kStopWords)> keys{};
  for (std::size_t k = 0; k < keys.size(); ++k) keys[k] = packed(kStopWords[k]);
  return keys;
}();
static_assert(std::ranges::is_sorted(kPackedStopWords));

bool is_stop_word(std::string_view word) {
  return word.size() <= kLongestStopWord &&
         std::binary_search(kPackedStopWords.begin(), kPackedStopWords.end(), packed(word));
}

bool ends_with(std::string_view word, std::string_view suffix) {
  return word.size() >= suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
}

// Suffix folding rules, tried in order; the first that applies wins. Each maps
// the word's end to a shorter end when the word is at least `min_length` long
// (so that "is", "bus", "red" stay whole).
struct SuffixRule {
  std::string_view suffix;
  std::string_view replacement;
  std::size_t min_length;
};
constexpr SuffixRule kSuffixRules[] = {
    {"'s", "", 3},    {"ies", "y", 5},  {"sses", "ss", 5}, {"ss", "ss", 2}, {"us", "us", 2},
    {"is", "is", 2},  {"es", "e", 5},   {"s", "", 4},      {"ied", "y", 5}, {"ing", "", 6},
    {"ed", "", 5},    {"ly", "", 6},
};

// Letters that end a word without telling anything: "develop"/"developed",
// "cooperate"/"cooperated" ("cooperat").
void fold_inflection(std::string& word) {
  if (word.empty()) return;
  const char last = word.back();
  for (const auto& rule : kSuffixRules) {
    // Only a rule whose suffix ends in the word's last letter can apply.
    if (rule.suffix.back() == last && word.size() >= rule.min_length && ends_with(word, rule.suffix)) {
      word.resize(word.size() - rule.suffix.size());
      word += rule.replacement;
      break;
    }
  }
  if (word.size() >= 4 && word.back() == 'e') word.pop_back();
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
// A byte that belongs to a word: ASCII letters and digits, the apostrophe of
// "country's", and every byte of a non-ASCII UTF-8 sequence ("Côte").
bool is_word_byte(char c) {
  return is_ascii_letter(c) || is_ascii_digit(c) || c == '\'' ||
         (static_cast<unsigned char>(c) & 0x80) != 0;
}

}  // namespace

bool normalize_english_word(std::string_view word, std::string& normal) {
  normal.clear();
  while (!word.empty() && word.front() == '\'') word.remove_prefix(1);
  while (!word.empty() && word.back() == '\'') word.remove_suffix(1);
  if (word.size() < 2) return false;  // one letter or none: nothing a lexicon pairs
  normal.assign(word);
  bool any_letter = false;
  for (char& c : normal) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    any_letter = any_letter || (c >= 'a' && c <= 'z');
  }
  if (!any_letter || is_stop_word(normal)) {
    normal.clear();
    return false;
  }
  fold_inflection(normal);
  return !normal.empty();
}

std::string normalize_english_word(std::string_view word) {
  std::string normal;
  normalize_english_word(word, normal);
  return normal;
}

std::vector<std::string> english_content_words(std::string_view text) {
  std::vector<std::string> words;
  english_content_words(text, words);
  return words;
}

void english_tokens(std::string_view text, std::vector<std::string_view>& tokens) {
  tokens.clear();
  std::size_t position = 0;
  while (position < text.size()) {
    while (position < text.size() && !is_word_byte(text[position])) ++position;
    const std::size_t begin = position;
    while (position < text.size() && is_word_byte(text[position])) ++position;
    if (position > begin) tokens.push_back(text.substr(begin, position - begin));
  }
}

void english_content_words(std::string_view text, std::vector<std::string>& words) {
  words.clear();
  thread_local std::vector<std::string_view> tokens;
  english_tokens(text, tokens);
  for (const std::string_view token : tokens) {
    std::string word = normalize_english_word(token);
    if (!word.empty()) words.push_back(std::move(word));
  }
}

}  // namespace untm::lexicon
