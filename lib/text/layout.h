#pragma once
// Layout cues that tell where a paragraph ends in any PDF-to-text layout:
// plain `pdftotext` (no indentation, no blank lines), `pdftotext -layout`
// (indentation and centring kept) and the seed's style (a blank line after
// every line, paragraphs led by a space and ended by two). A reader uses the
// same cues: a line that stops where the next word would have fitted, a line
// indented deeper than the one before, trailing spaces, centred lines,
// article and chapter headings, and the opening words of preambular clauses
// (which end in commas, each its own paragraph). rebuild_paragraphs
// (paragraphs.h) combines them with its punctuation and gap rules.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "text/utf8_regex.h"

namespace untm {

// How a line's text ends: what the punctuation says about what follows.
enum class LineEnding : std::uint8_t {
  bare,      // a letter, digit or closing bracket: a heading, or text that goes on
  sentence,  // 。 . ! ? …
  clause,    // ； ; ： :
  comma,     // ， , (a preambular clause ends so)
  other,     // hyphen, dash, slash, 、: the text goes on
};

// What the layout rules know about one text line.
struct LineCues {
  std::string_view text;            // white space collapsed, footnote digits removed
  std::size_t indent = 0;           // leading columns
  std::size_t right_edge = 0;       // indent + display width
  std::size_t trailing_spaces = 0;  // spaces after the text, before the line end
  bool enumerated = false;          // starts `1.`, `(a)`, `一、`
  LineEnding ending = LineEnding::bare;
  // The line ends with footnote digits that cleaning removed: extraction
  // broke the line at the superscript, so its length says nothing.
  bool ends_at_footnote_mark = false;
};

// The document's layout, measured over all its text lines.
struct LayoutShape {
  std::size_t full_right_edge = 0;  // where full (wrapped) lines end
  std::size_t normal_indent = 0;    // the most common indentation
  // The seed's style: two trailing spaces end a paragraph. Only when some
  // lines, and not most, carry them (a layout that pads every line says
  // nothing by it).
  bool trailing_spaces_end_paragraphs = false;
};

LayoutShape measure_shape(std::span<const LineCues> lines);

// Spaces and tabs after decoded[end], up to the line end.
std::size_t trailing_spaces(std::string_view decoded, std::size_t end);

class LayoutRules {
 public:
  explicit LayoutRules(Language language);

  // Article, chapter, part, section and annex headings alone on their line,
  // with or without a title after them: `Article 12`, `Chapter IV General
  // provisions`, `第十二条`, `第四章 总则`.
  bool structural_heading(std::string_view text);

  // A line centred between the margins, in layouts that keep indentation.
  static bool centred(const LineCues& line, const LayoutShape& shape);

  // A title wrapped onto a centred line: `previous` has no punctuation and
  // `line` is centred below it (pdftotext -layout centres a wrapped title's
  // first line badly), so the indentation of `line` starts nothing.
  bool title_goes_on(const LineCues& previous, const LineCues& line, const LayoutShape& shape);

  // Whether the layout says a paragraph ends between `previous` and `line`;
  // `previous_opens`: `previous` is the first line of its paragraph.
  bool paragraph_ends(const LineCues& previous, const LineCues& line, bool previous_opens,
                      const LayoutShape& shape);

 private:
  bool preambular_opening(std::string_view text);

  Language language_;
  std::vector<Utf8Regex> structural_headings_;
  Utf8Regex preambular_openings_;
};

}  // namespace untm
