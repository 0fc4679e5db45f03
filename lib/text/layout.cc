#include "text/layout.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <map>

#include "core/utf8.h"
#include "text/clean.h"

namespace untm {

namespace {

// Headings that number the parts of a treaty, declaration or report. The
// whole line is the heading, or the heading and a title after white space.
constexpr std::string_view kEnglishStructuralHeadings[] = {
    R"((?:Article|Chapter|Part|Section|Annex|Appendix|Title)(?:\s+(?:\d{1,3}|[IVXLC]{1,7}|[A-Z]))?(?:\s*[.:])?)"
    R"((?:\s+[A-Z(“"][^.;:!?]*)?)",
};
constexpr std::string_view kChineseStructuralHeadings[] = {
    R"(第[一二三四五六七八九十百零〇\d]{1,6}[条章节编部分款](?:\s+\S.*)?)",
    R"(附件(?:[一二三四五六七八九十\dIVX]{1,4})?(?:\s+\S.*)?)",
};

// The words that open a preambular clause of a UN resolution or declaration
// (the UN editorial manual's list, in both languages): after a line that
// ends with a comma they start a paragraph of their own.
constexpr std::string_view kEnglishPreambularOpening =
    R"((?:(?:Also|Further|Deeply|Fully|Gravely|Seriously|Strongly|Firmly|Profoundly)\s+)"
    R"((?:[a-z]+(?:ing|ed)|aware|mindful|conscious|convinced)\b)"
    R"(|(?:[A-Z][a-z]+(?:ing|ed)|Aware|Mindful|Conscious|Cognizant|Convinced|Determined|Desirous)\b))";
constexpr std::string_view kChinesePreambularOpening =
    R"((?:又|还|并|也|再次|进一步)?)"
    R"((?:回顾|重申|深为关切|严重关切|关切|确认|认识到|注意到|赞赏地注意到|满意地注意到|关切地注意到|铭记|深信|相信|欢迎)"
    R"(|强调|申明|意识到|考虑到|认为|承认|忆及|念及|深感|震惊|决心|希望|遵循|赞扬|鼓励|着重指出|痛惜|谴责|审议了|收到))";

// A line ends early when the next line's first word would have fitted on it,
// with this much of a full line to spare: room for the indentation that
// plain `pdftotext` drops and for proportional fonts (a full line of capitals
// holds fewer characters). A line without punctuation needs more.
constexpr double kPunctuatedSlack = 0.15;
// English: a punctuated line followed by a capital needs less (a sentence or
// clause starts; mid-sentence capitals are rarer).
constexpr double kCapitalSlack = 0.08;
constexpr double kBareSlack = 0.25;
// A line that continues a paragraph is never this short unless it ends it
// (English: the next line starts a new sentence or heading in capitals).
constexpr double kHalfLine = 0.5;
// A centred line leaves at least this part of a full line (1/N) free on each side.
constexpr std::size_t kCentredMarginShare = 6;

UChar32 first_character(std::string_view text) { return static_cast<UChar32>(first_code_point(text)); }

bool starts_upper(std::string_view text) { return u_isupper(first_character(text)) != 0; }
bool starts_lower(std::string_view text) { return u_islower(first_character(text)) != 0; }

// Display columns of the first word: one character of Chinese script, or up
// to the first space.
std::size_t first_word_columns(std::string_view text) {
  if (text.empty()) return 0;
  const auto east_asian = u_getIntPropertyValue(first_character(text), UCHAR_EAST_ASIAN_WIDTH);
  if (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH) return 2;
  return display_width(text.substr(0, std::min(text.find(' '), text.size())));
}

// Whether `next`'s first word would have fitted on `line`, leaving `slack`
// of a full line free.
bool next_word_fits(const LineCues& line, const LineCues& next, const LayoutShape& shape, double slack) {
  const double needed = static_cast<double>(line.right_edge + 1 + first_word_columns(next.text));
  return needed + slack * static_cast<double>(shape.full_right_edge) <= static_cast<double>(shape.full_right_edge);
}

bool punctuated(LineEnding ending) {
  return ending == LineEnding::sentence || ending == LineEnding::clause || ending == LineEnding::comma;
}

std::vector<Utf8Regex> compile(std::span<const std::string_view> patterns) {
  std::vector<Utf8Regex> compiled;
  for (auto pattern : patterns) compiled.emplace_back(pattern);
  return compiled;
}

}  // namespace

LayoutShape measure_shape(std::span<const LineCues> lines) {
  LayoutShape shape;
  if (lines.empty()) return shape;
  std::vector<std::size_t> edges;
  std::map<std::size_t, std::size_t> indents;
  std::size_t trailing = 0;
  for (const auto& line : lines) {
    edges.push_back(line.right_edge);
    ++indents[line.indent];
    if (line.trailing_spaces >= 2) ++trailing;
  }
  std::sort(edges.begin(), edges.end());
  shape.full_right_edge = edges[edges.size() * 9 / 10];
  shape.normal_indent = std::max_element(indents.begin(), indents.end(), [](const auto& a, const auto& b) {
                          return a.second < b.second;
                        })->first;
  shape.trailing_spaces_end_paragraphs = trailing >= 2 && trailing * 2 < lines.size();
  return shape;
}

std::size_t trailing_spaces(std::string_view decoded, std::size_t end) {
  std::size_t count = 0;
  while (end + count < decoded.size() && (decoded[end + count] == ' ' || decoded[end + count] == '\t')) ++count;
  return count;
}

LayoutRules::LayoutRules(Language language)
    : language_(language),
      structural_headings_(language == Language::zh ? compile(kChineseStructuralHeadings)
                                                    : compile(kEnglishStructuralHeadings)),
      preambular_openings_(language == Language::zh ? kChinesePreambularOpening : kEnglishPreambularOpening) {}

bool LayoutRules::structural_heading(std::string_view text) {
  // Every heading pattern starts with one of these: most lines fail here,
  // which spares the regular expressions.
  const bool may_be_heading = language_ == Language::zh
                                  ? text.starts_with("第") || text.starts_with("附件")
                                  : !text.empty() && std::string_view("ACPST").find(text.front()) != std::string_view::npos;
  if (!may_be_heading) return false;
  return std::any_of(structural_headings_.begin(), structural_headings_.end(),
                     [&](Utf8Regex& heading) { return heading.matches(text); });
}

bool LayoutRules::preambular_opening(std::string_view text) { return preambular_openings_.matches_prefix(text); }

bool LayoutRules::centred(const LineCues& line, const LayoutShape& shape) {
  // Both margins wide: an indented first line reaches the right margin, and
  // layouts without indentation (plain pdftotext, the seed's style) centre
  // nothing.
  const std::size_t wide_margin = shape.full_right_edge / kCentredMarginShare;
  if (line.indent < shape.normal_indent + wide_margin || line.right_edge + wide_margin > shape.full_right_edge) {
    return false;
  }
  const std::size_t left = line.indent - shape.normal_indent;
  const std::size_t right = shape.full_right_edge - line.right_edge;
  // Loose: pdftotext -layout places larger type (titles) on a coarse grid.
  const std::size_t tolerance = 3 + shape.full_right_edge / 4;
  return (left > right ? left - right : right - left) <= tolerance;
}

bool LayoutRules::title_goes_on(const LineCues& previous, const LineCues& line, const LayoutShape& shape) {
  return previous.ending == LineEnding::bare && centred(line, shape) && !centred(previous, shape) &&
         !structural_heading(previous.text);
}

bool LayoutRules::paragraph_ends(const LineCues& previous, const LineCues& line, bool previous_opens,
                                 const LayoutShape& shape) {
  if (structural_heading(previous.text) || structural_heading(line.text)) return true;
  if (previous.ends_at_footnote_mark) return false;
  if (shape.trailing_spaces_end_paragraphs && previous.trailing_spaces >= 2) return true;
  // English paragraphs, headings and list items never start in lower case
  // (enumerators start with a bracket or digit): the line goes on.
  if (language_ == Language::en && starts_lower(line.text)) return false;
  // A centred block (a title, a heading) ends, or starts after a line that
  // does not go on; centred lines in a row are one title.
  const bool previous_centred = centred(previous, shape);
  if (previous_centred && !centred(line, shape)) return true;
  // A centred line that opens with an enumerator (I., 一、) is a heading of
  // its own, also right under a centred title.
  if (previous_centred && line.enumerated && centred(line, shape)) return true;
  if (!previous_centred && centred(line, shape) && previous.ending != LineEnding::bare &&
      previous.ending != LineEnding::other) {
    return true;
  }
  if (punctuated(previous.ending)) {
    const bool capital = language_ == Language::en && starts_upper(line.text);
    if (next_word_fits(previous, line, shape, capital ? kCapitalSlack : kPunctuatedSlack) || line.enumerated) {
      return true;
    }
    // Deeper than the line before: a first-line indent (a hanging indent's
    // continuation lines are shallower than its first line).
    if (line.indent > previous.indent && line.indent > shape.normal_indent) return true;
    return previous.ending == LineEnding::comma && preambular_opening(line.text);
  }
  if (previous.ending != LineEnding::bare) return false;
  // A short line alone, without punctuation: a heading (a phrase: no
  // clause inside it, unlike a sentence the extraction cut short).
  const bool clauses = previous.text.find("，") != std::string_view::npos ||
                       previous.text.find("；") != std::string_view::npos || previous.text.find(';') != std::string_view::npos;
  if (previous_opens && !clauses && next_word_fits(previous, line, shape, kBareSlack)) return true;
  return language_ == Language::en && starts_upper(line.text) &&
         next_word_fits(previous, line, shape, kHalfLine);
}

}  // namespace untm
