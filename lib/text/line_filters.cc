#include "text/line_filters.h"

#include <unicode/uchar.h>

#include <cstddef>
#include <string_view>

#include "core/utf8.h"

namespace untm {

namespace {

constexpr LinePattern kFurniturePieces[] = {
    {R"((?:https?://|www\.)\S+)", "link line (undocs.org at page ends)"},
    {R"((?:GE\.)?\d{2}-\d{4,6}(?:\s*\([A-Z]\))?(?:\s+\d{6})?)", "job number: 13-44467 (E), GE.13-12345"},
    {R"(\*\d{6,9}\*)", "bar code text: *1344467*"},
    {R"(\d{1,4}\s*/\s*\d{1,4})", "page counter: 3/12"},
    {R"((?:Page|页)\s*\d{1,4}|-\s*\d{1,4}\s*-|\d{1,4})", "page number"},
};

constexpr LinePattern kEnumeratorStarts[] = {
    {R"(\d{1,3}\.(?:\s|\p{Han}))", "1. / 12.注意到"},
    {R"(\((?:\d{1,3}|[a-z]{1,2}|[ivxl]{1,5})\)\s)", "(a) / (12) / (iv)"},
    {R"([A-Z]\.\s|[IVXL]{1,5}\.\s)", "A. / IV."},
    {R"([一二三四五六七八九十]{1,3}[、.．]|（[一二三四五六七八九十]{1,3}）)", "一、 / （三）"},
};

bool is_ascii_digit(char byte) { return byte >= '0' && byte <= '9'; }
bool is_ascii_lower(char byte) { return byte >= 'a' && byte <= 'z'; }

// ICU's regex \d (general category Nd) and \s (White_Space).
bool is_regex_digit(char32_t code_point) {
  return u_charType(static_cast<UChar32>(code_point)) == U_DECIMAL_DIGIT_NUMBER;
}
bool is_regex_space(char32_t code_point) { return u_isUWhiteSpace(static_cast<UChar32>(code_point)) != 0; }

// The leading run of ASCII digits of `text` and the code point after it (0
// at the end).
struct DigitRun {
  std::size_t length = 0;
  char32_t next = 0;
};

DigitRun leading_digits(std::string_view text) {
  DigitRun run;
  while (run.length < text.size() && is_ascii_digit(text[run.length])) ++run.length;
  if (run.length < text.size()) run.next = decode_code_point(text, run.length).code_point;
  return run;
}

// `$` matches at the end and before a line terminator that ends the text:
// the line's last character other than those is a digit.
bool ends_in_digit(std::string_view line) {
  std::size_t end = line.size();
  while (end > 0) {
    const std::size_t start = previous_code_point_start(line, end);
    const char32_t code_point = decode_code_point(line, start).code_point;
    if (code_point == '\n' || code_point == '\v' || code_point == '\f' || code_point == '\r' || code_point == 0x85 ||
        code_point == 0x2028 || code_point == 0x2029) {
      end = start;
      continue;
    }
    return is_regex_digit(code_point);
  }
  return false;
}

// [.)] right after a lower-case letter and right before a digit, as the
// look-behind [a-z]{3}[.)]\d asks.
bool has_word_stop_digit(std::string_view line) {
  for (std::size_t at = 1; at + 1 < line.size(); ++at) {
    if ((line[at] != '.' && line[at] != ')') || !is_ascii_lower(line[at - 1])) continue;
    if (is_ascii_digit(line[at + 1])) return true;
    if (static_cast<unsigned char>(line[at + 1]) >= 0x80 && is_regex_digit(decode_code_point(line, at + 1).code_point)) {
      return true;
    }
  }
  return false;
}

// The length of the digit (\d) at `offset`, 0 if none is there.
std::size_t digit_length(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return 0;
  if (is_ascii_digit(text[offset])) return 1;
  if (static_cast<unsigned char>(text[offset]) < 0x80) return 0;
  const DecodedCodePoint decoded = decode_code_point(text, offset);
  return is_regex_digit(decoded.code_point) ? decoded.length : 0;
}

// [-–](?:19|20)\d\d\d: a dash, then 19 or 20 and at least three more digits
// (two of the year, one glued on).
bool has_dash_century(std::string_view line) {
  for (const std::string_view literal : {"-19", "-20", "\u201319", "\u201320"}) {
    for (std::size_t at = line.find(literal); at != std::string_view::npos; at = line.find(literal, at + 1)) {
      std::size_t offset = at + literal.size();
      int digits = 0;
      while (digits < 3) {
        const std::size_t length = digit_length(line, offset);
        if (length == 0) break;
        offset += length;
        ++digits;
      }
      if (digits == 3) return true;
    }
  }
  return false;
}

// Only patterns where the digits cannot be part of the text are listed; see
// README ("Footnote digits").
constexpr FootnotePattern kChineseFootnotes[] = {
    // 报告；6 / 行动纲领》2 / 科托努战略》，7 at the end of a line: Chinese
    // text never ends a line with a bare number straight after punctuation.
    {R"([。；，、：！？》」』）”’](\d{1,2})$)", "digits after punctuation at line end", "。；，、：！？》」』）”’",
     ends_in_digit},
    // ...的报告；6 注意到: the same in the middle of a line, when Chinese follows.
    {R"([。；》」』”’](\d{1,2})(?=\p{Han}))", "digits after punctuation before Chinese text", "。；》」』”’"},
};
constexpr FootnotePattern kEnglishFootnotes[] = {
    // Secretary-General;6 / 2001-2010,2 including: a clause mark followed
    // by one or two digits and a space is no number (thousands take three).
    {R"([;,:](\d{1,2})(?=\s|$))", "digits after ; , :", ";,:"},
    // countries.6 The: a lower-case word, full stop, digits.
    {R"([.)](\d{1,2})(?=\s|$)(?<=[a-z]{3}[.)]\d{1,2}))", "digits after a word's full stop or bracket", ".)",
     has_word_stop_digit},
    // Declaration8 adopted: a word of three or more lower-case letters with
    // digits glued on.
    {R"((\d{1,2})(?=[\s,;:.)]|$)(?<=[a-z]{3}\d{1,2}))", "digits glued to a word", "abcdefghijklmnopqrstuvwxyz"},
    // 2001-20107: a year range whose second year has extra digits.
    {R"((?:19|20)\d\d[-–](?:19|20)\d\d(\d{1,2})\b)", "digits glued to a year range", "90", has_dash_century},
};

}  // namespace

std::span<const FootnotePattern> footnote_patterns(Language language) {
  if (language == Language::zh) return kChineseFootnotes;
  return kEnglishFootnotes;
}

std::span<const LinePattern> furniture_piece_patterns() { return kFurniturePieces; }
std::span<const LinePattern> enumerator_start_patterns() { return kEnumeratorStarts; }

// A piece starting with an ASCII digit can only be a job number (\d{2}-), a
// page counter (\d{1,4}\s*/) or a page number (\d{1,4} and nothing more):
// after at most four leading digits comes the end, '-', '/', white space or
// another (non-ASCII) digit. Other pieces must start the way some pattern
// starts: a link, GE., *, Page, 页, - or a digit.
bool may_be_furniture(std::string_view piece) {
  const auto first = static_cast<unsigned char>(piece.front());
  if (is_ascii_digit(static_cast<char>(first))) {
    const DigitRun run = leading_digits(piece);
    if (run.length > 4) return false;
    return run.length == piece.size() || run.next == '-' || run.next == '/' || is_regex_space(run.next) ||
           (run.next >= 0x80 && is_regex_digit(run.next));
  }
  if (first < 0x80) return std::string_view("hwG*P-").find(static_cast<char>(first)) != std::string_view::npos;
  const char32_t code_point = first_code_point(piece);
  return code_point == U'页' || is_regex_digit(code_point);
}

// After a leading ASCII digit run only `\d{1,3}\.` can match: at most three
// digits, then '.' or another (non-ASCII) digit. A capital letter must be
// followed by '.' (`[A-Z]\.`) or be the first of at most five of IVXL that
// are (`[IVXL]{1,5}\.`). Otherwise the first character must be one some
// pattern starts with: a digit, a bracket or a Chinese numeral.
bool may_start_enumerator(std::string_view text) {
  if (text.empty()) return false;
  const char first = text.front();
  if (is_ascii_digit(first)) {
    const DigitRun run = leading_digits(text);
    return run.length <= 3 && (run.next == '.' || (run.next >= 0x80 && is_regex_digit(run.next)));
  }
  if (first >= 'A' && first <= 'Z') {
    if (text.size() > 1 && text[1] == '.') return true;
    std::size_t roman = 0;
    while (roman < text.size() && std::string_view("IVXL").find(text[roman]) != std::string_view::npos) ++roman;
    return roman >= 1 && roman <= 5 && roman < text.size() && text[roman] == '.';
  }
  const char32_t code_point = first_code_point(text);
  return is_regex_digit(code_point) || code_point == '(' || code_point == U'（' ||
         std::u32string_view(U"一二三四五六七八九十").find(code_point) != std::u32string_view::npos;
}

}  // namespace untm
