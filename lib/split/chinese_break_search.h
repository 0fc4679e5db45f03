#pragma once
// Hand-written stand-ins for the Chinese quote and title rules of
// segmentation_rules.cc, as split/break_search.h has them for the others:
// each answers exactly as its ICU regular expression does (the position
// tests: `before` as a look-behind ending at the position, `after` as a
// look-ahead; the searches: the ends of the matches of `before` followed by
// `after`, left to right). tests/split/chinese_break_search_test.cc runs the
// regular expressions beside them over generated text and the UN samples.
//
// In the rules: E = (?:[。！？!?]|……|——), S = [\s　] (ICU's \s is White_Space,
// which U+3000 is), `.` any character but a line end.

#include <cstddef>
#include <string_view>
#include <vector>

namespace untm {

// before 《[^《》]{0,60}   after [^《》]{0,60}》   (counted in code points)
bool inside_title_at(std::u16string_view text, std::size_t position);

// before [。！？!?]》   after .
bool after_title_ending_sentence_at(std::u16string_view text, std::size_t position);

// before [。！？!?]S{1,3}   after [”’」』）)》〉】]
bool closer_after_spaces_at(std::u16string_view text, std::size_t position);

// before E S{0,3}[”’」』）)]{1,2}   after S{0,3}[^\s　”’」』）)，,。、；：？！]
bool after_closing_quote_at(std::u16string_view text, std::size_t position);
void find_after_closing_quote_breaks(std::u16string_view text, std::vector<std::size_t>& positions);

// before E S{0,3}[”’」』]{0,2}S{0,2}[“‘「『]   after .
bool after_opening_quote_at(std::u16string_view text, std::size_t position);

// before E S{0,3}[”’」』]{0,2}S{0,2}   after [“‘「『]
bool before_opening_quote_at(std::u16string_view text, std::size_t position);
void find_before_opening_quote_breaks(std::u16string_view text, std::vector<std::size_t>& positions);

// before ……   after [“‘「『\p{Han}]
bool after_ellipsis_at(std::u16string_view text, std::size_t position);
void find_after_ellipsis_breaks(std::u16string_view text, std::vector<std::size_t>& positions);

}  // namespace untm
