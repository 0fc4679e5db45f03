#pragma once
// Sentence segmentation rules as data, in the manner of SRX (Segmentation
// Rules eXchange, LISA 2008): each rule says whether a position is a sentence
// break, given a regular expression for the text before it and one for the
// text after it. Rules are tried in order; the first one whose both sides
// match decides. Positions no rule covers keep ICU's decision.

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace untm {

struct SegmentationRule {
  bool is_break;
  // ICU regular expressions. `before` must match text ending at the position
  // and may not be unbounded (it becomes an ICU look-behind: use {0,n}, not *
  // or +); empty, it matches anywhere. `after` must match text starting at
  // the position.
  std::string_view before;
  std::string_view after;
  // Why the rule exists, shown by tests and debugging tools.
  std::string_view reason;
  // Literals ('|' between them) one of which every match holds, in `before`
  // or `after`: a paragraph with none of them skips the rule, which spares
  // its regular expressions. Empty: no paragraph skips it.
  std::string_view needs_any = {};
  // For a break rule: a hand-written search that finds exactly the positions
  // the regular expression search does (split/break_search.h), used instead
  // of it. Null: the regular expression searches.
  void (*search)(std::u16string_view text, std::vector<std::size_t>& positions) = nullptr;
  // A hand-written test that answers exactly as the regular expressions do
  // at a candidate position (split/break_search.h), used instead of them.
  // Null: the regular expressions decide.
  bool (*at_position)(std::u16string_view text, std::size_t position) = nullptr;
};

// The rules for `language`, most specific first.
std::span<const SegmentationRule> segmentation_rules(Language language);

}  // namespace untm
