#include "split/break_search.h"

#include <unicode/uchar.h>
#include <unicode/utf16.h>

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

}  // namespace

void find_enumerator_breaks(std::u16string_view text, std::vector<std::size_t>& positions) {
  for (std::size_t open = text.find(u'('); open != std::u16string_view::npos; open = text.find(u'(', open + 1)) {
    if (sentence_end_precedes(text, open) && enumerator_follows(text, open)) positions.push_back(open);
  }
}

}  // namespace untm
