#pragma once
// Hand-written stand-ins for segmentation rules whose ICU regular
// expressions were hot spots: searches for break rules (`before` then a
// look-ahead for `after`, over the whole paragraph) and tests at a candidate
// position (`before` as a look-behind, `after` as a look-ahead). Each gives
// exactly what its regular expression gives. tests/split/break_search_test.cc
// runs the regular expressions beside them over generated text and asserts the
// same answers; keep them in step with the rules they stand for.

#include <cstddef>
#include <string_view>
#include <vector>

namespace untm {

// Appends, in increasing order, the UTF-16 indexes of `text` that end a match
// of the search for the English enumerator rule
//   before [.!?][’”'")]{0,2}\s{1,3}   after \((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s
// (ICU's \s: White_Space; \d: a decimal digit, general category Nd).
void find_enumerator_breaks(std::u16string_view text, std::vector<std::size_t>& positions);

// Whether the rule matches at UTF-16 index `position` of `text`, for the
// English abbreviation rules
//   before \b(?:Mr|Mrs|...|H\.E)\.\s{0,3}     after .
//   before \b(?:e\.g|i\.e|...|U\.N)\.\s{0,3}  after .
//   before \b(?:No|Nos|...|annex)\.\s{0,3}    after [\dIVXLivxl(]
// (ICU's \b between a word character and another character, skipping back
// over combining and format characters; `.` any character but a line end).
bool title_before_name_at(std::u16string_view text, std::size_t position);
bool latin_abbreviation_at(std::u16string_view text, std::size_t position);
bool number_abbreviation_at(std::u16string_view text, std::size_t position);

// Whether the rule matches at UTF-16 index `position` of `text`, for the
// paragraph-number rules (1. Takes note... / 1. 注意到...)
//   en before ^\s{0,4}(?:\d{1,3}|[a-zA-Z]|[ivxlIVXL]{1,5})\.\s{0,4}                after .
//   zh before (?:^|[。！？!?])[\s　]{0,4}(?:\d{1,3}|[a-zA-Z]|[ivxlIVXL]{1,5})\.[\s　]{0,4}  after .
// (`^` the start of the paragraph; U+3000 is White_Space, so [\s　] is \s).
bool english_paragraph_number_at(std::u16string_view text, std::size_t position);
bool chinese_paragraph_number_at(std::u16string_view text, std::size_t position);

// Whether the rule matches at UTF-16 index `position` of `text`, for the
// English rule "the sentence goes on after a date inside it"
//   before (?:\b[a-z][A-Za-z’']{0,25}|\b(?:In|On|...|The)|[^A-Za-z’'\s])\s{1,2}MONTH\s\d{1,2},\s\d{4}\s{0,2}
//   after  .
bool date_inside_sentence_at(std::u16string_view text, std::size_t position);

}  // namespace untm
