#pragma once
// Hand-written searches for segmentation break rules whose ICU regular
// expression search (`before` then a look-ahead for `after`) was a hot spot:
// each finds exactly the positions the search regex finds, without running
// the regex over the whole paragraph. tests/split/break_search_test.cc runs
// the regex beside each one over generated text and asserts the same
// positions; keep them in step with the rule they stand for.

#include <cstddef>
#include <string_view>
#include <vector>

namespace untm {

// Appends, in increasing order, the UTF-16 indexes of `text` that end a match
// of the search for the English enumerator rule
//   before [.!?][’”'")]{0,2}\s{1,3}   after \((?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s
// (ICU's \s: White_Space; \d: a decimal digit, general category Nd).
void find_enumerator_breaks(std::u16string_view text, std::vector<std::size_t>& positions);

}  // namespace untm
