#include "split/break_search.h"

#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/utf16.h>

#include <array>
#include <stdexcept>
#include <string_view>

namespace untm {

namespace {

// ICU's regex \s is the White_Space property, \d general category Nd.
bool is_regex_space(UChar32 code_point) { return u_isUWhiteSpace(code_point) != 0; }
bool is_regex_digit(UChar32 code_point) { return u_charType(code_point) == U_DECIMAL_DIGIT_NUMBER; }

bool is_closer(char16_t unit) { return unit == u'’' || unit == u'”' || unit == u'\'' || unit == u'"' || unit == u')'; }
bool is_sentence_end(char16_t unit) { return unit == u'.' || unit == u'!' || unit == u'?'; }
bool is_roman_letter(UChar32 code_point) { return code_point == 'i' || code_point == 'v' || code_point == 'x'; }

// `after` at `open` (text[open] == '('): "(" then a single [a-z], one to four
// of [ivx] or one or two digits, then ")" and white space. None of those
// characters is ')', so the enumerator is everything up to the first ')'.
bool enumerator_follows(std::u16string_view text, std::size_t open) {
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t index = static_cast<std::int32_t>(open) + 1;
  int count = 0;
  bool all_lower = true, all_roman = true, all_digits = true;
  while (index < length && text[static_cast<std::size_t>(index)] != u')') {
    if (++count > 4) return false;
    UChar32 code_point;
    U16_NEXT(text.data(), index, length, code_point);
    all_lower = all_lower && code_point >= 'a' && code_point <= 'z';
    all_roman = all_roman && is_roman_letter(code_point);
    all_digits = all_digits && is_regex_digit(code_point);
  }
  if (index >= length || count == 0) return false;  // no ')' or nothing inside
  if (!((count == 1 && all_lower) || all_roman || (count <= 2 && all_digits))) return false;
  ++index;  // the ')'
  if (index >= length) return false;
  UChar32 next;
  U16_NEXT(text.data(), index, length, next);
  return is_regex_space(next);
}

// `before` ends at `open`: one to three white-space characters, at most two
// closers, then one of .!? (each class excludes the others' characters, so
// the runs are maximal). White space is all in the BMP, and a surrogate unit
// is none of these characters.
bool sentence_end_precedes(std::u16string_view text, std::size_t open) {
  std::size_t at = open;
  std::size_t spaces = 0;
  while (at > 0 && is_regex_space(text[at - 1])) {
    --at;
    if (++spaces > 3) return false;
  }
  if (spaces == 0) return false;
  std::size_t closers = 0;
  while (at > 0 && is_closer(text[at - 1])) {
    --at;
    if (++closers > 2) return false;
  }
  return at > 0 && is_sentence_end(text[at - 1]);
}

// ICU's regex \w (regexst.cpp), for \b.
class WordCharacters {
 public:
  WordCharacters() {
    UErrorCode status = U_ZERO_ERROR;
    set_.applyPattern(u"[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\u200c\\u200d]", status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU: the word character set");
    set_.freeze();
  }
  bool contains(UChar32 code_point) const { return set_.contains(code_point) != 0; }

 private:
  icu::UnicodeSet set_;
};

bool is_word_character(UChar32 code_point) {
  static const WordCharacters word_characters;
  return word_characters.contains(code_point);
}

// Characters \b looks through (ICU's isWordBoundary).
bool is_combining_or_format(UChar32 code_point) {
  return u_hasBinaryProperty(code_point, UCHAR_GRAPHEME_EXTEND) != 0 || u_charType(code_point) == U_FORMAT_CHAR;
}

// \b before a word character at `index`: the character before it, past any
// combining or format characters, is no word character (or there is none).
bool word_starts_at(std::u16string_view text, std::size_t index) {
  auto at = static_cast<std::int32_t>(index);
  while (at > 0) {
    UChar32 previous;
    U16_PREV(text.data(), 0, at, previous);
    if (!is_combining_or_format(previous)) return !is_word_character(previous);
  }
  return true;
}

// ICU's `.`: any character but a line terminator.
bool is_line_terminator(UChar32 code_point) {
  return (code_point >= 0x0A && code_point <= 0x0D) || code_point == 0x85 || code_point == 0x2028 ||
         code_point == 0x2029;
}

UChar32 code_point_at(std::u16string_view text, std::size_t position) {
  UChar32 code_point;
  auto at = static_cast<std::int32_t>(position);
  U16_NEXT(text.data(), at, static_cast<std::int32_t>(text.size()), code_point);
  return code_point;
}

// \b(?:words)\.\s{0,3} ends at `position`. White space is all in the BMP
// and '.' is no white space, so the spaces are the whole run before
// `position`; any word that ends at the full stop and starts a word will do.
template <std::size_t N>
bool abbreviation_ends_at(std::u16string_view text, std::size_t position, const std::array<std::u16string_view, N>& words) {
  std::size_t at = position;
  std::size_t spaces = 0;
  while (at > 0 && is_regex_space(text[at - 1])) {
    --at;
    if (++spaces > 3) return false;
  }
  if (at == 0 || text[at - 1] != u'.') return false;
  const std::u16string_view head = text.substr(0, at - 1);
  for (const auto word : words) {
    if (head.ends_with(word) && word_starts_at(text, head.size() - word.size())) return true;
  }
  return false;
}

constexpr std::array<std::u16string_view, 15> kTitles = {u"Mr",  u"Mrs",  u"Ms",  u"Messrs", u"Mmes",
                                                          u"Dr",  u"Prof", u"St",  u"Sr",     u"Jr",
                                                          u"Gen", u"Col",  u"Capt", u"Amb",   u"H.E"};
constexpr std::array<std::u16string_view, 7> kLatinAbbreviations = {u"e.g", u"i.e", u"cf", u"viz",
                                                                    u"vs",  u"approx", u"U.N"};
constexpr std::array<std::u16string_view, 26> kNumberAbbreviations = {
    u"No",  u"Nos",  u"no",  u"nos",  u"para", u"paras", u"Art",  u"Arts",  u"art",  u"arts", u"Vol",  u"vol",  u"p",
    u"pp",  u"Add",  u"Corr", u"Rev", u"Suppl", u"chap", u"Chap", u"sect", u"Sect", u"fig",  u"Fig",  u"Annex", u"annex"};

bool is_chinese_sentence_end(char16_t unit) {
  return unit == u'。' || unit == u'！' || unit == u'？' || unit == u'!' || unit == u'?';
}

// The number of a paragraph-number rule: one to three digits, one ASCII
// letter, or one to five of ivxlIVXL, counted in code points.
bool is_paragraph_number(std::u16string_view number) {
  const auto length = static_cast<std::int32_t>(number.size());
  int count = 0;
  bool all_digits = true, all_roman = true, ascii_letter = false;
  for (std::int32_t index = 0; index < length;) {
    UChar32 code_point;
    U16_NEXT(number.data(), index, length, code_point);
    ++count;
    all_digits = all_digits && is_regex_digit(code_point);
    all_roman = all_roman && code_point < 0x80 && std::u16string_view(u"ivxlIVXL").find(static_cast<char16_t>(code_point)) != std::u16string_view::npos;
    ascii_letter = (code_point >= 'a' && code_point <= 'z') || (code_point >= 'A' && code_point <= 'Z');
  }
  return (count >= 1 && count <= 3 && all_digits) || (count == 1 && ascii_letter) || (count >= 1 && count <= 5 && all_roman);
}

// lead \s{0,4} number \. \s{0,4} ends at `position`, where lead is the
// start of the text or, when `after_sentence_end`, one of 。！？!?. No
// character of the number is white space, '.' or a sentence end, and those
// classes do not overlap, so each part is the whole run found walking back:
// the spaces before `position`, the '.', the characters back to a space, a
// sentence end or the start, then the spaces before them. White space and
// the sentence ends are all single BMP units; a surrogate unit is none.
bool paragraph_number_ends_at(std::u16string_view text, std::size_t position, bool after_sentence_end) {
  if (position >= text.size() || is_line_terminator(code_point_at(text, position))) return false;  // after: .
  std::size_t at = position;
  for (std::size_t spaces = 0; at > 0 && is_regex_space(text[at - 1]); --at) {
    if (++spaces > 4) return false;
  }
  if (at == 0 || text[at - 1] != u'.') return false;
  const std::size_t number_end = --at;
  while (at > 0 && !is_regex_space(text[at - 1]) && !is_chinese_sentence_end(text[at - 1])) --at;
  if (!is_paragraph_number(text.substr(at, number_end - at))) return false;
  for (std::size_t spaces = 0; at > 0 && is_regex_space(text[at - 1]); --at) {
    if (++spaces > 4) return false;
  }
  return at == 0 || (after_sentence_end && is_chinese_sentence_end(text[at - 1]));
}

constexpr std::array<std::u16string_view, 12> kMonths = {u"January", u"February", u"March",     u"April",
                                                         u"May",     u"June",     u"July",      u"August",
                                                         u"September", u"October", u"November", u"December"};
constexpr std::array<std::u16string_view, 14> kGoverningWords = {u"In",    u"On",     u"Of",    u"Since", u"Until",
                                                                 u"By",    u"From",   u"Before", u"After", u"To",
                                                                 u"During", u"Dated", u"And",   u"The"};

bool is_ascii_letter(UChar32 code_point) {
  return (code_point >= 'a' && code_point <= 'z') || (code_point >= 'A' && code_point <= 'Z');
}
bool is_word_piece(UChar32 code_point) { return is_ascii_letter(code_point) || code_point == u'’' || code_point == '\''; }

// Moves `at` back over one code point that `test` accepts.
template <typename Test>
bool back_over(std::u16string_view text, std::size_t& at, Test test) {
  if (at == 0) return false;
  auto index = static_cast<std::int32_t>(at);
  UChar32 code_point;
  U16_PREV(text.data(), 0, index, code_point);
  if (!test(code_point)) return false;
  at = static_cast<std::size_t>(index);
  return true;
}

// The lead of the date rules ends at `end`: a word of [A-Za-z’'] whose first
// letter is lower case and starts a word (\b) and which has at most 26
// characters, a governing word that starts a word, or one character that is
// neither such a letter nor white space.
bool date_lead_ends_at(std::u16string_view text, std::size_t end) {
  if (end == 0) return false;
  std::size_t at = end;
  if (back_over(text, at, [](UChar32 c) { return !is_word_piece(c) && !is_regex_space(c); })) return true;
  for (std::size_t start = end; start > 0 && end - start < 26 && is_word_piece(text[start - 1]);) {
    --start;
    if (text[start] >= u'a' && text[start] <= u'z' && word_starts_at(text, start)) return true;
  }
  const std::u16string_view head = text.substr(0, end);
  for (const auto word : kGoverningWords) {
    if (head.ends_with(word) && word_starts_at(text, end - word.size())) return true;
  }
  return false;
}

}  // namespace

bool date_inside_sentence_at(std::u16string_view text, std::size_t position) {
  if (position >= text.size() || is_line_terminator(code_point_at(text, position))) return false;  // after: .
  // Walking back: \s{0,2}, \d{4}, \s, ',', \d{1,2}, \s, the month, \s{1,2},
  // the lead. Digits, ',', the month's letters and the lead's last
  // character are no white space, so each run of white space is whole.
  std::size_t at = position;
  for (std::size_t spaces = 0; at > 0 && is_regex_space(text[at - 1]); --at) {
    if (++spaces > 2) return false;
  }
  for (int digit = 0; digit < 4; ++digit) {
    if (!back_over(text, at, is_regex_digit)) return false;
  }
  if (!back_over(text, at, is_regex_space) || !back_over(text, at, [](UChar32 c) { return c == ','; })) return false;
  if (!back_over(text, at, is_regex_digit)) return false;
  back_over(text, at, is_regex_digit);
  if (!back_over(text, at, is_regex_space)) return false;
  const std::u16string_view head = text.substr(0, at);
  std::size_t month_start = std::u16string_view::npos;
  for (const auto month : kMonths) {
    if (head.ends_with(month)) month_start = at - month.size();
  }
  if (month_start == std::u16string_view::npos) return false;
  at = month_start;
  std::size_t spaces = 0;
  for (; at > 0 && is_regex_space(text[at - 1]); --at) {
    if (++spaces > 2) return false;
  }
  return spaces > 0 && date_lead_ends_at(text, at);
}

bool english_paragraph_number_at(std::u16string_view text, std::size_t position) {
  return paragraph_number_ends_at(text, position, false);
}

bool chinese_paragraph_number_at(std::u16string_view text, std::size_t position) {
  return paragraph_number_ends_at(text, position, true);
}

bool title_before_name_at(std::u16string_view text, std::size_t position) {
  return position < text.size() && !is_line_terminator(code_point_at(text, position)) &&
         abbreviation_ends_at(text, position, kTitles);
}

bool latin_abbreviation_at(std::u16string_view text, std::size_t position) {
  return position < text.size() && !is_line_terminator(code_point_at(text, position)) &&
         abbreviation_ends_at(text, position, kLatinAbbreviations);
}

bool number_abbreviation_at(std::u16string_view text, std::size_t position) {
  if (position >= text.size()) return false;
  const UChar32 next = code_point_at(text, position);
  const bool number_follows = is_regex_digit(next) || next == 'I' || next == 'V' || next == 'X' || next == 'L' ||
                              next == 'i' || next == 'v' || next == 'x' || next == 'l' || next == '(';
  return number_follows && abbreviation_ends_at(text, position, kNumberAbbreviations);
}

void find_enumerator_breaks(std::u16string_view text, std::vector<std::size_t>& positions) {
  for (std::size_t open = text.find(u'('); open != std::u16string_view::npos; open = text.find(u'(', open + 1)) {
    if (sentence_end_precedes(text, open) && enumerator_follows(text, open)) positions.push_back(open);
  }
}

}  // namespace untm
