#include "lexicon/lexicon.h"

#include <fmt/format.h>
#include <iterator>
#include <unordered_map>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <tuple>

#include "core/characters.h"
#include "core/error.h"
#include "core/utf8.h"
#include "lexicon/english_words.h"

namespace untm::lexicon {

std::uint32_t WordTable::intern(std::string_view word) {
  const auto id = static_cast<std::uint32_t>(begins_.size() - 1);
  const std::uint32_t found = index_.insert_unique(
      std::hash<std::string_view>{}(word), id, [&](std::uint32_t other) { return this->word(other) == word; },
      [this](std::uint32_t other) { return hash_of(other); });
  if (found != IdIndex::kAbsent) return found;
  text_.append(word);
  begins_.push_back(static_cast<std::uint32_t>(text_.size()));
  return id;
}

bool WordTable::assign(std::string text, std::vector<std::uint32_t> begins) {
  text_ = std::move(text);
  begins_ = std::move(begins);
  index_ = IdIndex();
  index_.reserve(size(), [this](std::uint32_t id) { return hash_of(id); });
  for (std::uint32_t id = 0; id < size(); ++id) {
    if (index_.insert_unique(
            hash_of(id), id, [&](std::uint32_t other) { return word(other) == word(id); },
            [this](std::uint32_t other) { return hash_of(other); }) != IdIndex::kAbsent)
      return false;
  }
  return true;
}

void WordTable::reserve(std::size_t words) {
  begins_.reserve(words + 1);
  index_.reserve(words, [this](std::uint32_t id) { return hash_of(id); });
}

std::uint32_t WordTable::find(std::string_view word) const {
  return index_.find(std::hash<std::string_view>{}(word), [&](std::uint32_t id) { return this->word(id) == word; });
}

std::uint32_t Lexicon::find(std::uint32_t chinese, std::uint32_t english) const {
  return index_.find(pair_hash(chinese, english),
                     [&](std::uint32_t id) { return pairs_[id].chinese == chinese && pairs_[id].english == english; });
}

void Lexicon::add(std::string_view chinese, std::string_view english, double strength) {
  add(words_.intern(chinese), english, strength);
}

void Lexicon::add(std::uint32_t chinese_id, std::string_view english, double strength) {
  add_ids(chinese_id, words_.intern(english), strength);
}

void Lexicon::add_ids(std::uint32_t chinese_id, std::uint32_t english_id, double strength) {
  const std::uint32_t found = add_new_ids(chinese_id, english_id, strength);
  if (found != IdIndex::kAbsent) pairs_[found].strength = std::max(pairs_[found].strength, strength);
}

std::uint32_t Lexicon::add_new_ids(std::uint32_t chinese_id, std::uint32_t english_id, double strength) {
  const std::uint32_t found = index_.insert_unique(
      pair_hash(chinese_id, english_id), static_cast<std::uint32_t>(pairs_.size()),
      [&](std::uint32_t id) { return pairs_[id].chinese == chinese_id && pairs_[id].english == english_id; },
      [this](std::uint32_t id) { return pair_hash(pairs_[id].chinese, pairs_[id].english); });
  if (found == IdIndex::kAbsent) pairs_.push_back({chinese_id, english_id, strength});
  return found;
}

std::optional<Lexicon> Lexicon::from_parts(std::string text, std::vector<std::uint32_t> begins,
                                           std::span<const EntryIds> entries) {
  if (begins.empty() || begins.front() != 0 || begins.back() != text.size()) return std::nullopt;
  if (!std::is_sorted(begins.begin(), begins.end())) return std::nullopt;
  const std::size_t words = begins.size() - 1;
  Lexicon lexicon;
  if (!lexicon.words_.assign(std::move(text), std::move(begins))) return std::nullopt;
  lexicon.reserve(entries.size());
  for (const EntryIds& entry : entries) {
    if (entry.chinese >= words || entry.english >= words || !(entry.strength > 0.0 && entry.strength <= 1.0))
      return std::nullopt;
    if (lexicon.add_new_ids(entry.chinese, entry.english, entry.strength) != IdIndex::kAbsent) return std::nullopt;
  }
  return lexicon;
}

void Lexicon::reserve(std::size_t entries) {
  pairs_.reserve(entries);
  index_.reserve(entries, [this](std::uint32_t id) { return pair_hash(pairs_[id].chinese, pairs_[id].english); });
}

std::size_t Lexicon::add_all(const Lexicon& other) {
  reserve(size() + other.size());
  std::size_t strengthened = 0;
  for (std::size_t index = 0; index < other.size(); ++index) {
    const LexiconEntry entry = other.entry(index);
    const std::uint32_t chinese = words_.intern(entry.chinese);
    const std::uint32_t found = add_new_ids(chinese, words_.intern(entry.english), entry.strength);
    if (found != IdIndex::kAbsent && entry.strength > pairs_[found].strength) {
      pairs_[found].strength = entry.strength;
      ++strengthened;
    }
  }
  return strengthened;
}

double Lexicon::strength(std::string_view chinese, std::string_view english) const {
  const std::uint32_t chinese_id = words_.find(chinese);
  const std::uint32_t english_id = words_.find(english);
  if (chinese_id == IdIndex::kAbsent || english_id == IdIndex::kAbsent) return 0.0;
  const std::uint32_t found = find(chinese_id, english_id);
  return found == IdIndex::kAbsent ? 0.0 : pairs_[found].strength;
}

namespace {

// One line of a text file, with what an error message needs to point at it.
struct Line {
  std::string_view text;
  std::size_t number = 0;  // 1-based
  std::size_t offset = 0;  // byte offset of its first byte
};

std::string_view trim(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// Calls `handle(line)` for every line that is neither blank nor a '#' comment.
template <typename Handler>
void for_each_entry_line(std::string_view text, Handler&& handle) {
  std::size_t offset = 0;
  std::size_t number = 0;
  // A UTF-8 byte order mark is not part of the first entry.
  if (text.starts_with("\xEF\xBB\xBF")) offset = 3;
  while (offset < text.size()) {
    const std::size_t end = std::min(text.find('\n', offset), text.size());
    ++number;
    const std::string_view content = trim(text.substr(offset, end - offset));
    if (!content.empty() && content.front() != '#') handle(Line{content, number, offset});
    offset = end + 1;
  }
}

[[noreturn]] void fail(std::string_view source, const Line& line, std::string_view what) {
  throw InputError(std::string(source), fmt::format("line {}: {}", line.number, what), line.offset);
}

// Chinese in a sense makes it a cross-reference, not an English gloss.
bool has_cjk(std::string_view text) {
  // CJK code points are never ASCII, and most senses are ASCII throughout:
  // decoding from the first other byte was a sixth of loading CC-CEDICT.
  std::size_t offset = 0;
  while (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0x80) == 0) ++offset;
  while (offset < text.size()) {
    const char32_t code_point = next_code_point(text, offset);
    if (is_cjk_script(code_point) || is_cjk_punctuation(code_point)) return true;
  }
  return false;
}

// Senses that only refer to other entries: their words are not translations.
bool is_reference_sense(std::string_view sense) {
  constexpr std::string_view kPrefixes[] = {"CL:", "variant of", "old variant of", "see ",
                                            "see also", "surname ", "abbr. for", "used in"};
  return std::any_of(std::begin(kPrefixes), std::end(kPrefixes),
                     [&](std::string_view prefix) { return sense.starts_with(prefix); }) ||
         has_cjk(sense);
}

// "(of a person) kind" -> " kind": glosses in parentheses are explanations.
// `kept` is scratch space, returned.
std::string_view without_parentheses(std::string_view sense, std::string& kept) {
  if (sense.find('(') == std::string_view::npos) return sense;  // a lone ')' is kept
  kept.clear();
  int depth = 0;
  for (char c : sense) {
    if (c == '(') ++depth;
    else if (c == ')' && depth > 0) --depth;
    else if (depth == 0) kept.push_back(c);
  }
  return kept;
}

// Pairs `headword` with the words of a sense's translations. A sense lists
// alternatives separated by ';' ("country; nation; state"). An alternative of
// one or two content words is a translation ("development", "to develop"); a
// longer one explains ("classifier for people or objects in general"), and
// pairing the headword with each of its words covers unrelated sentences by
// chance. Leaving those out lifted per-document strict F1 on both gold sets
// (README, "Lexical evidence").
// `headword_id` is interned on the first pair (IdIndex::kAbsent before);
// `words` is scratch space.
// The lexicon ids of English words as CC-CEDICT writes them: its ~400,000
// senses repeat a few tens of thousands of words, and normalizing and
// interning each occurrence was half of reading the dictionary.
class EnglishIds {
 public:
  static constexpr std::uint32_t kNoWord = IdIndex::kAbsent;  // a stop word, or no letters
  std::uint32_t operator()(Lexicon& lexicon, std::string_view token) {
    const auto found = ids_.find(token);
    if (found != ids_.end()) return found->second;
    const std::string word = normalize_english_word(token);
    const std::uint32_t id = word.empty() ? kNoWord : lexicon.intern(word);
    ids_.emplace(std::string(token), id);
    return id;
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> ids_;
};

void add_translations(Lexicon& lexicon, std::string_view headword, std::uint32_t& headword_id, std::string_view sense,
                      EnglishIds& english_ids, std::vector<std::string_view>& tokens, std::vector<std::uint32_t>& words) {
  constexpr std::size_t kMaxTranslationWords = 2;
  while (!sense.empty()) {
    const std::size_t end = std::min(sense.find(';'), sense.size());
    english_tokens(sense.substr(0, end), tokens);
    words.clear();
    for (const std::string_view token : tokens) {
      const std::uint32_t id = english_ids(lexicon, token);
      if (id != EnglishIds::kNoWord) words.push_back(id);
    }
    if (words.size() <= kMaxTranslationWords) {
      for (const std::uint32_t word : words) {
        if (headword_id == IdIndex::kAbsent) headword_id = lexicon.intern(headword);
        lexicon.add_ids(headword_id, word);
      }
    }
    sense.remove_prefix(std::min(end + 1, sense.size()));
  }
}

}  // namespace

Lexicon read_cc_cedict(std::string_view text, std::string_view source) {
  Lexicon lexicon;
  // CC-CEDICT gives about three content words per entry line.
  lexicon.reserve(3 * static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
  std::string kept;  // scratch space of without_parentheses
  EnglishIds english_ids;
  std::vector<std::string_view> tokens;  // scratch space of add_translations
  std::vector<std::uint32_t> words;
  for_each_entry_line(text, [&](const Line& line) {
    const std::size_t traditional_end = line.text.find(' ');
    if (traditional_end == std::string_view::npos) fail(source, line, "expected 'traditional simplified [pinyin] /sense/'");
    const std::size_t simplified_end = line.text.find(' ', traditional_end + 1);
    if (simplified_end == std::string_view::npos || simplified_end == traditional_end + 1)
      fail(source, line, "expected a simplified headword after the traditional one");
    const std::string_view simplified = line.text.substr(traditional_end + 1, simplified_end - traditional_end - 1);
    const std::size_t pinyin_begin = line.text.find('[', simplified_end);
    const std::size_t pinyin_end = line.text.find(']', simplified_end);
    if (pinyin_begin != simplified_end + 1 || pinyin_end == std::string_view::npos)
      fail(source, line, "expected '[pinyin]' after the headwords");
    const std::string_view senses = trim(line.text.substr(pinyin_end + 1));
    if (senses.size() < 2 || senses.front() != '/' || senses.back() != '/')
      fail(source, line, "expected senses between slashes: /sense/sense/");
    std::size_t sense_begin = 1;
    std::uint32_t headword_id = IdIndex::kAbsent;
    while (sense_begin < senses.size()) {
      const std::size_t sense_end = senses.find('/', sense_begin);
      const std::string_view sense = trim(senses.substr(sense_begin, sense_end - sense_begin));
      sense_begin = sense_end + 1;
      if (is_reference_sense(sense)) continue;
      add_translations(lexicon, simplified, headword_id, without_parentheses(sense, kept), english_ids, tokens, words);
    }
  });
  return lexicon;
}

Lexicon read_hunalign_dictionary(std::string_view text, std::string_view source) {
  Lexicon lexicon;
  for_each_entry_line(text, [&](const Line& line) {
    const std::size_t separator = line.text.find(" @ ");
    if (separator == std::string_view::npos) fail(source, line, "expected 'english words @ chinese'");
    const std::string_view english = trim(line.text.substr(0, separator));
    const std::string_view chinese = trim(line.text.substr(separator + 3));
    if (english.empty() || chinese.empty()) fail(source, line, "empty side in 'english words @ chinese'");
    if (!has_cjk(chinese)) fail(source, line, "the right of '@' holds no Chinese");
    for (const auto& word : english_content_words(english)) lexicon.add(chinese, word);
  });
  return lexicon;
}

Lexicon read_dictionary(std::string_view text, std::string_view source) {
  // The first entry line decides the format for the whole file.
  std::string_view rest = text;
  while (!rest.empty()) {
    const std::size_t end = std::min(rest.find('\n'), rest.size());
    const std::string_view content = trim(rest.substr(0, end));
    rest.remove_prefix(std::min(end + 1, rest.size()));
    if (content.empty() || content.front() == '#' || content == "\xEF\xBB\xBF") continue;
    return content.find(" @ ") != std::string_view::npos ? read_hunalign_dictionary(text, source)
                                                         : read_cc_cedict(text, source);
  }
  throw InputError(std::string(source), "the dictionary has no entries");
}

namespace {
constexpr std::string_view kLexiconHeader = "# untm lexicon 1";
}

Lexicon read_lexicon(std::string_view text, std::string_view source) {
  if (!text.starts_with(kLexiconHeader))
    throw InputError(std::string(source), fmt::format("not an untm lexicon: the first line must be '{}'", kLexiconHeader), 0);
  Lexicon lexicon;
  for_each_entry_line(text, [&](const Line& line) {
    const std::size_t first_tab = line.text.find('\t');
    const std::size_t second_tab = line.text.find('\t', first_tab == std::string_view::npos ? 0 : first_tab + 1);
    if (first_tab == std::string_view::npos || second_tab == std::string_view::npos)
      fail(source, line, "expected 'chinese<TAB>english<TAB>strength'");
    const std::string_view chinese = line.text.substr(0, first_tab);
    const std::string_view english = line.text.substr(first_tab + 1, second_tab - first_tab - 1);
    const std::string_view strength_text = line.text.substr(second_tab + 1);
    double strength = 0.0;
    const auto [end, error] = std::from_chars(strength_text.data(), strength_text.data() + strength_text.size(), strength);
    if (error != std::errc() || end != strength_text.data() + strength_text.size() || !(strength > 0.0 && strength <= 1.0))
      fail(source, line, fmt::format("strength '{}' is not a number in (0, 1]", strength_text));
    if (chinese.empty() || english.empty()) fail(source, line, "empty word");
    lexicon.add(chinese, english, strength);
  });
  return lexicon;
}

std::string write_lexicon(const Lexicon& lexicon) {
  std::string text(kLexiconHeader);
  text += "\n# chinese<TAB>english (normal form)<TAB>strength in (0, 1]\n";
  std::vector<LexiconEntry> entries;
  entries.reserve(lexicon.size());
  for (std::size_t index = 0; index < lexicon.size(); ++index) entries.push_back(lexicon.entry(index));
  std::sort(entries.begin(), entries.end(), [](const LexiconEntry& left, const LexiconEntry& right) {
    return std::tie(left.chinese, left.english) < std::tie(right.chinese, right.english);
  });
  auto out = std::back_inserter(text);
  for (const LexiconEntry& entry : entries) {
    text.append(entry.chinese).append(1, '\t').append(entry.english).append(1, '\t');
    // A dictionary's entries have strength 1, which {:.6g} writes "1":
    // formatting it was most of writing a dictionary out.
    if (entry.strength == 1.0) {
      text += '1';
    } else {
      fmt::format_to(out, "{:.6g}", entry.strength);
    }
    text += '\n';
  }
  return text;
}

}  // namespace untm::lexicon
