#include "text/clean.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <bitset>
#include <cstring>
#include <map>
#include <span>
#include <string>
#include <utility>

#include "core/utf8.h"
#include "text/line_filters.h"
#include "text/spaces.h"
#include "text/utf16.h"
#include "text/utf8_regex.h"

namespace untm {

namespace {

// Page headers and footers are short; longer lines are never tested.
constexpr std::size_t kLongestFurnitureLine = 200;

// A document symbol alone on a line (A/68/155, S/2013/123, E/CN.4/2005/L.10)
// is page furniture when it repeats: the symbol heads every page.
constexpr std::string_view kDocumentSymbolLine = R"([A-Z]{1,5}(?:/[A-Z0-9][A-Za-z0-9.()\-]*)+)";

// Splits a line into the pieces pdftotext separated by runs of spaces.
std::vector<std::string_view> layout_pieces(std::string_view line) {
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  while (start < line.size()) {
    std::size_t gap = line.find("  ", start);
    if (gap == std::string_view::npos) gap = line.size();
    if (gap > start) pieces.push_back(line.substr(start, gap - start));
    start = gap;
    while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) ++start;
  }
  return pieces;
}

// The footnotes at the foot of a page: a rule line of underscores, then the
// footnote texts ("6 A/61/82.") down to the page break. They are removed
// with the rule when page furniture or a form feed follows within
// kLongestFootnoteBlock lines; otherwise the rule counts as a blank line,
// so that a stray rule never swallows body text.
constexpr std::size_t kLongestFootnoteBlock = 16;

void remove_footnote_blocks(std::string_view decoded, std::vector<TextLine>& lines) {
  for (std::size_t index = 0; index < lines.size(); ++index) {
    auto& rule = lines[index];
    if (rule.kind != LineKind::text) continue;
    const std::string_view text = decoded.substr(rule.begin, rule.end - rule.begin);
    if (text.size() < 5 || text.find_first_not_of('_') != std::string_view::npos) continue;
    std::size_t end = index + 1;
    while (end < lines.size() && end - index <= kLongestFootnoteBlock && lines[end].kind != LineKind::page_furniture) ++end;
    // No page break close enough (the last page has its footer too): not a
    // page foot but a rule between two parts of the text.
    if (end == lines.size() || end - index > kLongestFootnoteBlock) {
      rule.kind = LineKind::blank;
      continue;
    }
    rule.kind = LineKind::page_furniture;
    for (std::size_t footnote = index + 1; footnote < end; ++footnote) {
      if (lines[footnote].kind == LineKind::text) lines[footnote].kind = LineKind::page_furniture;
    }
    index = end;
  }
}

}  // namespace

namespace {

// A property of every BMP code point, looked up once from ICU: the hot loops
// ask it per character.
class BmpTable {
 public:
  explicit BmpTable(bool (*has)(char32_t)) {
    for (char32_t code_point = 0; code_point < 0x10000; ++code_point) bits_[code_point] = has(code_point);
  }
  bool operator[](char32_t code_point) const { return bits_[code_point]; }

 private:
  std::bitset<0x10000> bits_;
};

// East Asian Wide or Fullwidth. ICU's property lookup per character was most
// of display_width on Chinese punctuation and full-width forms.
bool icu_wide(char32_t code_point) {
  const auto east_asian = u_getIntPropertyValue(static_cast<UChar32>(code_point), UCHAR_EAST_ASIAN_WIDTH);
  return east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH;
}

const BmpTable& wide_bmp() {
  static const BmpTable table(icu_wide);
  return table;
}

bool is_wide(char32_t code_point) { return code_point < 0x10000 ? wide_bmp()[code_point] : icu_wide(code_point); }

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  std::size_t offset = 0;
  while (offset < text.size()) {
    // Eight ASCII bytes at a time, one column each.
    while (offset + 8 <= text.size()) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + offset, 8);
      if ((word & 0x8080808080808080) != 0) break;
      width += 8;
      offset += 8;
    }
    if (offset >= text.size()) break;
    const auto lead = static_cast<unsigned char>(text[offset]);
    if (lead < 0x80) {
      ++width;
      ++offset;
      continue;
    }
    // A three-byte sequence, then more two from one load (most of Chinese
    // text), looked up in the table in place.
    char16_t first, second;
    if (three_byte_unit_at(text, offset, first)) {
      const BmpTable& wide = wide_bmp();
      width += wide[first] ? 2 : 1;
      for (offset += 3; two_three_byte_units_at(text, offset, first, second); offset += 6) {
        width += 2 + static_cast<std::size_t>(wide[first]) + static_cast<std::size_t>(wide[second]);
      }
      continue;
    }
    const DecodedCodePoint decoded = decode_code_point(text, offset);
    width += is_wide(decoded.code_point) ? 2 : 1;
    offset += decoded.length;
  }
  return width;
}

namespace {

// One line per '\n' or '\f' (each form feed also becomes a furniture line of
// its own), trimmed, with its indent and width in columns.
std::vector<TextLine> split_lines(std::string_view decoded) {
  std::vector<TextLine> lines;
  // Sized up front: a growing vector of a large document's lines briefly
  // holds it twice, which was the peak of the text pipeline's memory.
  lines.reserve(1 + static_cast<std::size_t>(std::count(decoded.begin(), decoded.end(), '\n')) +
                2 * static_cast<std::size_t>(std::count(decoded.begin(), decoded.end(), '\f')));
  std::size_t line_start = 0;
  std::size_t next_newline = 0;
  if (!decoded.empty()) next_newline = std::min(decoded.find('\n'), decoded.size());
  while (line_start <= decoded.size()) {
    // The next '\n' (kept until passed: form feeds may come first), then a
    // '\f' before it: memchr twice, where a loop over the bytes testing both
    // was a tenth of cleaning.
    if (next_newline < line_start) next_newline = std::min(decoded.find('\n', line_start), decoded.size());
    const std::size_t line_end = std::min(decoded.substr(0, next_newline).find('\f', line_start), next_newline);
    const bool form_feed = line_end < decoded.size() && decoded[line_end] == '\f';
    const Range content = trim_spaces(decoded, {line_start, line_end});
    TextLine line;
    line.begin = content.begin;
    line.end = content.end;
    line.kind = content.end > content.begin ? LineKind::text : LineKind::blank;
    line.indent = static_cast<std::uint32_t>(display_width(decoded.substr(line_start, content.begin - line_start)));
    line.width = static_cast<std::uint32_t>(display_width(decoded.substr(content.begin, content.end - content.begin)));
    lines.push_back(std::move(line));
    if (form_feed) lines.push_back({LineKind::page_furniture, line_end, line_end, 0, 0, {}});
    if (line_end == decoded.size()) break;
    line_start = line_end + 1;
  }
  return lines;
}

bool all_pieces_are_furniture(std::string_view text, std::vector<Utf8Regex>& furniture) {
  if (!may_be_furniture(text)) return false;  // the first piece starts the text
  const auto pieces = layout_pieces(text);
  return !pieces.empty() && std::all_of(pieces.begin(), pieces.end(), [&](std::string_view piece) {
           return may_be_furniture(piece) && std::any_of(furniture.begin(), furniture.end(), [&](Utf8Regex& matcher) {
                    return matcher.matches(piece);
                  });
         });
}

// kDocumentSymbolLine needs a capital first and a slash.
bool may_be_symbol(std::string_view text) {
  return text.front() >= 'A' && text.front() <= 'Z' && text.find('/') != std::string_view::npos;
}

// Page headers and footers: lines made of furniture pieces, and the document
// symbol that heads every page.
void mark_page_furniture(std::string_view decoded, std::vector<TextLine>& lines) {
  std::vector<Utf8Regex> furniture;
  for (const auto& rule : furniture_piece_patterns()) furniture.emplace_back(rule.pattern);
  Utf8Regex symbol_line(kDocumentSymbolLine);
  std::map<std::string_view, std::vector<std::size_t>> symbol_lines;
  bool text_seen = false;
  for (std::size_t index = 0; index < lines.size(); ++index) {
    auto& line = lines[index];
    if (line.kind != LineKind::text) continue;
    const std::string_view text = decoded.substr(line.begin, line.end - line.begin);
    if (text.size() > kLongestFurnitureLine) continue;
    const bool seen_text = std::exchange(text_seen, true);
    if (all_pieces_are_furniture(text, furniture)) {
      line.kind = LineKind::page_furniture;
    } else if (may_be_symbol(text) && symbol_line.matches(text)) {
      // The symbol heads the page: alone on the first line of the document or
      // after a form feed, or on a line of its own that repeats.
      if (!seen_text || (index > 0 && lines[index - 1].kind == LineKind::page_furniture && lines[index - 1].begin == lines[index - 1].end)) {
        line.kind = LineKind::page_furniture;
      }
      symbol_lines[text].push_back(index);
    }
  }
  for (const auto& [symbol, indexes] : symbol_lines) {
    if (indexes.size() < 2) continue;
    for (auto index : indexes) lines[index].kind = LineKind::page_furniture;
  }
}

// ICU's \d (general category Nd) for a code point from 0x80 on; the BMP
// looked up once, as most characters of a Chinese line with numbers are
// tested.
bool icu_decimal_digit(char32_t code_point) {
  return code_point >= 0x80 && u_charType(static_cast<UChar32>(code_point)) == U_DECIMAL_DIGIT_NUMBER;
}

bool is_decimal_digit(char32_t code_point) {
  static const BmpTable digits_bmp(icu_decimal_digit);
  return code_point < 0x10000 ? digits_bmp[code_point] : icu_decimal_digit(code_point);
}

// The characters that stand right before a digit as ICU's \d sees one (any
// decimal digit, not only ASCII) in a line: ASCII ones as bits, so that a
// line with many numbers is a few bit tests per rule.
class CharactersBeforeDigits {
 public:
  void collect(std::string_view text) {
    ascii_.reset();
    other_.clear();
    char32_t previous = 0;
    std::size_t offset = 0;
    while (offset < text.size()) {
      const auto lead = static_cast<unsigned char>(text[offset]);
      if (lead < 0x80) {
        if (lead >= '0' && lead <= '9' && previous != 0) record(previous);
        previous = lead;
        ++offset;
        continue;
      }
      char32_t code_point;
      bool digit;
      if (((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) && offset + 2 < text.size() &&
          (static_cast<unsigned char>(text[offset + 1]) & 0xC0) == 0x80 &&
          (static_cast<unsigned char>(text[offset + 2]) & 0xC0) == 0x80) {
        // Most of Chinese text: a valid three-byte sequence, decoded in place.
        code_point = (static_cast<char32_t>(lead & 0x0F) << 12) |
                     (static_cast<char32_t>(static_cast<unsigned char>(text[offset + 1]) & 0x3F) << 6) |
                     (static_cast<unsigned char>(text[offset + 2]) & 0x3F);
        digit = is_decimal_digit(code_point);
        offset += 3;
      } else {
        const DecodedCodePoint decoded = decode_code_point(text, offset);
        code_point = decoded.code_point;
        digit = is_decimal_digit(code_point);
        offset += decoded.length;
      }
      if (digit && previous != 0) record(previous);
      previous = code_point;
    }
  }
  // Whether one of `set` stands right before a digit.
  bool any_of(std::u32string_view set) const {
    return std::any_of(set.begin(), set.end(), [this](char32_t character) {
      return character < 0x80 ? ascii_.test(character) : other_.find(character) != std::u32string::npos;
    });
  }

 private:
  void record(char32_t before_digit) {
    if (before_digit < 0x80) ascii_.set(before_digit);
    else other_.push_back(before_digit);
  }

  std::bitset<0x80> ascii_;
  std::u32string other_;
};

std::u32string code_points(std::string_view text) {
  std::u32string result;
  for_each_code_point(text, [&result](char32_t code_point) { result.push_back(code_point); });
  return result;
}

// Footnote digits glued to the text, as byte ranges each line removes.
void mark_glued_footnotes(std::string_view decoded, std::vector<TextLine>& lines, Language language) {
  const auto footnote_rules = footnote_patterns(language);
  std::vector<Utf8Regex> footnotes;
  std::vector<std::u32string> before_digits;
  for (const auto& rule : footnote_rules) {
    footnotes.emplace_back(rule.pattern);
    before_digits.push_back(code_points(rule.before_digit));
  }
  CharactersBeforeDigits before_digit;
  Utf16Text utf16;
  for (auto& line : lines) {
    if (line.kind != LineKind::text) continue;
    const std::string_view text = decoded.substr(line.begin, line.end - line.begin);
    // Every rule removes ASCII digits (a plain test: find_first_of calls memchr per byte).
    if (std::none_of(text.begin(), text.end(), [](char byte) { return byte >= '0' && byte <= '9'; })) continue;
    before_digit.collect(text);
    bool converted = false;  // once per line, for all the rules that search it
    for (std::size_t rule = 0; rule < footnotes.size(); ++rule) {
      if (!before_digit.any_of(before_digits[rule])) continue;
      if (footnote_rules[rule].may_match != nullptr && !footnote_rules[rule].may_match(text)) continue;
      if (!std::exchange(converted, true)) utf16.assign(text);
      footnotes[rule].for_each_match(utf16, 1, [&](std::size_t begin, std::size_t end) {
        line.removed.emplace_back(line.begin + begin, line.begin + end);
      });
    }
    std::sort(line.removed.begin(), line.removed.end());
    // Two rules may claim the same digits: keep each byte once.
    std::vector<std::pair<std::size_t, std::size_t>> merged;
    for (const auto& range : line.removed) {
      if (!merged.empty() && range.first < merged.back().second) merged.back().second = std::max(merged.back().second, range.second);
      else merged.push_back(range);
    }
    line.removed = std::move(merged);
  }
}

}  // namespace

std::vector<TextLine> clean_lines(std::string_view decoded, Language language) {
  std::vector<TextLine> lines = split_lines(decoded);
  mark_page_furniture(decoded, lines);
  remove_footnote_blocks(decoded, lines);
  mark_glued_footnotes(decoded, lines, language);
  return lines;
}

}  // namespace untm
