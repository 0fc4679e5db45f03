#pragma once
// Line tests that cleaning and paragraph rebuilding run as ICU regular
// expressions on many lines: whether a piece of a line is page furniture,
// whether a line starts with a paragraph number, and where footnote digits
// are glued to the text. Each comes with a cheap filter that is true of every
// text the patterns match, so that most lines are turned away without
// running them. tests/text/
// line_filters_test.cc runs the patterns beside the filters over generated
// lines: a pattern changed here must keep its filter true of its matches.

#include <span>
#include <string_view>

#include "core/types.h"

namespace untm {

struct LinePattern {
  std::string_view pattern;  // ICU regular expression
  std::string_view reason;
};

// A line is page furniture when every piece of it (pieces are separated by
// two or more spaces, as pdftotext lays out a footer) matches one of these
// whole.
std::span<const LinePattern> furniture_piece_patterns();
// False only for a (non-empty) piece no furniture pattern matches whole.
bool may_be_furniture(std::string_view piece);

// Numbered paragraphs and list items that start a new paragraph when the
// line before ended a sentence or a clause: `1. `, `(a) `, `(iv) `, `一、`,
// `（三）`. They match at the start of a line.
std::span<const LinePattern> enumerator_start_patterns();
// False only for a text no enumerator pattern matches a prefix of.
bool may_start_enumerator(std::string_view text);

// Footnote reference digits that PDF extraction glues onto the text; each
// pattern's first capture group is removed.
struct FootnotePattern {
  std::string_view pattern;  // ICU regular expression
  std::string_view reason;
  // Characters one of which stands right before a digit (\d) in every match.
  std::string_view before_digit;
  // Null, or false only for a line the pattern finds no match in.
  bool (*may_match)(std::string_view line) = nullptr;
};
std::span<const FootnotePattern> footnote_patterns(Language language);

}  // namespace untm
