#include "split/chinese_break_search.h"

#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/utf16.h>

#include <stdexcept>

namespace untm {

namespace {

// ICU's \s: White_Space, all of it in the BMP (so a surrogate unit is none).
bool is_space(char16_t unit) {
  if (unit < 0x80) return unit == ' ' || (unit >= 0x09 && unit <= 0x0D);
  return u_isUWhiteSpace(unit) != 0;
}

bool is_sentence_end(char16_t unit) {
  return unit == u'。' || unit == u'！' || unit == u'？' || unit == u'!' || unit == u'?';
}

// [”’」』]: the closing quotes of the opening-quote rules.
bool is_closing_quote(char16_t unit) { return unit == u'”' || unit == u'’' || unit == u'」' || unit == u'』'; }

// [”’」』）)]: the closers of the closing-quote rule.
bool is_closer(char16_t unit) { return is_closing_quote(unit) || unit == u'）' || unit == u')'; }

bool is_opening_quote(char16_t unit) { return unit == u'“' || unit == u'‘' || unit == u'「' || unit == u'『'; }

bool is_title_mark(char16_t unit) { return unit == u'《' || unit == u'》'; }

// ICU's `.`: any character but a line terminator (all in the BMP).
bool is_line_terminator(char16_t unit) {
  return (unit >= 0x0A && unit <= 0x0D) || unit == 0x85 || unit == 0x2028 || unit == 0x2029;
}

bool any_character_at(std::u16string_view text, std::size_t position) {
  return position < text.size() && !is_line_terminator(text[position]);
}

// The length of the run of units that `test` accepts ending at `end`
// (walking back), counting at most `most` + 1.
template <typename Test>
std::size_t run_before(std::u16string_view text, std::size_t end, std::size_t most, Test test) {
  std::size_t length = 0;
  while (length <= most && length < end && test(text[end - 1 - length])) ++length;
  return length;
}

// E = (?:[。！？!?]|……|——) ends at `end`. None of its characters is white
// space or a quote, so it is whatever stands before a run of those.
bool end_mark_ends_at(std::u16string_view text, std::size_t end) {
  if (end == 0) return false;
  if (is_sentence_end(text[end - 1])) return true;
  return end >= 2 && text[end - 1] == text[end - 2] && (text[end - 1] == u'…' || text[end - 1] == u'—');
}

// E S{0,3}[”’」』]{0,2}S{0,2} ends at `end`. The classes do not overlap, so
// each run found walking back is whole: the spaces before `end`, then the
// closing quotes, then the spaces before them (with no quotes, the two runs
// of spaces are one of up to five).
bool end_and_closing_quotes_end_at(std::u16string_view text, std::size_t end) {
  const std::size_t trailing = run_before(text, end, 5, is_space);
  std::size_t at = end - trailing;
  const std::size_t quotes = run_before(text, at, 2, is_closing_quote);
  if (quotes == 0) return trailing <= 5 && end_mark_ends_at(text, at);
  if (quotes > 2 || trailing > 2) return false;
  at -= quotes;
  const std::size_t leading = run_before(text, at, 3, is_space);
  return leading <= 3 && end_mark_ends_at(text, at - leading);
}

// ICU UnicodeSets built from the rules' own classes, for the tests made
// once per candidate (the hot loops test single units by hand).
class RuleSet {
 public:
  explicit RuleSet(const char16_t* pattern) {
    UErrorCode status = U_ZERO_ERROR;
    set_.applyPattern(icu::UnicodeString(pattern), status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU: a Chinese rule's character class");
    set_.freeze();
  }
  bool contains(UChar32 code_point) const { return set_.contains(code_point) != 0; }

 private:
  icu::UnicodeSet set_;
};

UChar32 code_point_at(std::u16string_view text, std::size_t position) {
  UChar32 code_point;
  auto at = static_cast<std::int32_t>(position);
  U16_NEXT(text.data(), at, static_cast<std::int32_t>(text.size()), code_point);
  return code_point;
}

// Code points (a surrogate pair is one, a lone surrogate one) walked over
// from `position` in direction `step` until 《 or 》: whether the first one
// met is `mark` and no more than 60 code points come before it.
bool title_mark_within_60(std::u16string_view text, std::size_t position, char16_t mark, bool forward) {
  const auto length = static_cast<std::int32_t>(text.size());
  auto at = static_cast<std::int32_t>(position);
  for (int count = 0;; ++count) {
    if (forward ? at >= length : at <= 0) return false;
    const char16_t unit = forward ? text[static_cast<std::size_t>(at)] : text[static_cast<std::size_t>(at - 1)];
    if (is_title_mark(unit)) return unit == mark && count <= 60;
    if (count == 60) return false;
    UChar32 code_point;
    if (forward) {
      U16_NEXT(text.data(), at, length, code_point);
    } else {
      U16_PREV(text.data(), 0, at, code_point);
    }
  }
}

}  // namespace

bool inside_title_at(std::u16string_view text, std::size_t position) {
  return title_mark_within_60(text, position, u'《', false) && title_mark_within_60(text, position, u'》', true);
}

bool after_title_ending_sentence_at(std::u16string_view text, std::size_t position) {
  return position >= 2 && text[position - 1] == u'》' && is_sentence_end(text[position - 2]) &&
         any_character_at(text, position);
}

bool closer_after_spaces_at(std::u16string_view text, std::size_t position) {
  if (position >= text.size()) return false;
  const char16_t next = text[position];
  if (!(is_closer(next) || next == u'》' || next == u'〉' || next == u'】')) return false;
  const std::size_t spaces = run_before(text, position, 3, is_space);
  return spaces >= 1 && spaces <= 3 && position > spaces && is_sentence_end(text[position - spaces - 1]);
}

bool after_closing_quote_at(std::u16string_view text, std::size_t position) {
  // after: S{0,3} then a character outside the class (not white space, so
  // the run of spaces is whole).
  static const RuleSet kExcluded(u"[\\s　”’」』）)，,。、；：？！]");
  std::size_t next = position;
  while (next < text.size() && next - position <= 3 && is_space(text[next])) ++next;
  if (next - position > 3 || next >= text.size() || kExcluded.contains(code_point_at(text, next))) return false;
  // before: E S{0,3} then one or two closers, the whole run before `position`.
  const std::size_t closers = run_before(text, position, 2, is_closer);
  if (closers == 0 || closers > 2) return false;
  const std::size_t spaces = run_before(text, position - closers, 3, is_space);
  return spaces <= 3 && end_mark_ends_at(text, position - closers - spaces);
}

bool after_opening_quote_at(std::u16string_view text, std::size_t position) {
  return position >= 1 && is_opening_quote(text[position - 1]) && any_character_at(text, position) &&
         end_and_closing_quotes_end_at(text, position - 1);
}

bool before_opening_quote_at(std::u16string_view text, std::size_t position) {
  return position < text.size() && is_opening_quote(text[position]) && end_and_closing_quotes_end_at(text, position);
}

bool after_ellipsis_at(std::u16string_view text, std::size_t position) {
  static const RuleSet kNext(u"[“‘「『\\p{Han}]");
  return position >= 2 && position < text.size() && text[position - 1] == u'…' && text[position - 2] == u'…' &&
         kNext.contains(code_point_at(text, position));
}

// The searches. A match of each rule's `before` holds only white space,
// quotes and an end mark, none of which its `after` starts with, so two
// matches never overlap and the search finds every position the position
// test accepts: each search tries the positions next to the character its
// rule cannot do without.

void find_after_closing_quote_breaks(std::u16string_view text, std::vector<std::size_t>& positions) {
  for (std::size_t at = 1; at < text.size(); ++at) {
    if (is_closer(text[at - 1]) && after_closing_quote_at(text, at)) positions.push_back(at);
  }
}

void find_before_opening_quote_breaks(std::u16string_view text, std::vector<std::size_t>& positions) {
  for (std::size_t at = 1; at < text.size(); ++at) {
    if (is_opening_quote(text[at]) && before_opening_quote_at(text, at)) positions.push_back(at);
  }
}

void find_after_ellipsis_breaks(std::u16string_view text, std::vector<std::size_t>& positions) {
  for (std::size_t at = text.find(u"……"); at != std::u16string_view::npos; at = text.find(u"……", at + 1)) {
    if (after_ellipsis_at(text, at + 2)) positions.push_back(at + 2);
  }
}

}  // namespace untm
