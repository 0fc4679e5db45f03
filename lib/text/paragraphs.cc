#include "text/paragraphs.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <unordered_set>

#include "text/layout.h"
#include "text/utf8_regex.h"

namespace untm {

namespace {

// Numbered paragraphs and list items that start a new paragraph when the line
// before ended a sentence or a clause: `1. `, `(a) `, `(iv) `, `一、`, `（三）`.
constexpr std::string_view kEnumeratorStarts[] = {
    R"(\d{1,3}\.(?:\s|\p{Han}))",
    R"(\((?:\d{1,3}|[a-z]{1,2}|[ivxl]{1,5})\)\s)",
    R"([A-Z]\.\s|[IVXL]{1,5}\.\s)",
    R"([一二三四五六七八九十]{1,3}[、.．]|（[一二三四五六七八九十]{1,3}）)",
};

// English prefixes written with a hyphen in UN style (co-operation,
// non-proliferation, self-determination) that ordinary hyphenation does not
// split off a word: a line-end hyphen after them is kept when the document
// gives no other evidence. (Prefixes such as "re", "pre" or "semi" are left
// out: "re-/port", "semi-/nar" are wraps.)
constexpr std::string_view kHyphenatedPrefixes[] = {"co", "non", "self", "cross", "socio", "quasi", "well"};

// When the full lines of a document are wider than this, it is not wrapped
// at a page width: each line is a whole paragraph (text exported one
// paragraph per line).
constexpr std::size_t kUnwrappedLineColumns = 160;
// A line narrower than this share of the document's full lines ends early.
constexpr double kShortLineShare = 0.8;

UChar32 first_code_point(std::string_view text) {
  if (text.empty()) return 0;
  std::int32_t offset = 0;
  UChar32 code_point = 0;
  U8_NEXT(text.data(), offset, static_cast<std::int32_t>(text.size()), code_point);
  return code_point;
}

UChar32 last_code_point(std::string_view text) {
  if (text.empty()) return 0;
  auto offset = static_cast<std::int32_t>(text.size());
  UChar32 code_point = 0;
  U8_PREV(text.data(), 0, offset, code_point);
  return code_point;
}

// Text without its trailing closing quotes and brackets (。” ends a sentence).
std::string_view without_closers(std::string_view text) {
  while (!text.empty()) {
    const UChar32 last = last_code_point(text);
    const auto category = u_charType(last);
    const bool closer = category == U_END_PUNCTUATION || category == U_FINAL_PUNCTUATION || last == '"' || last == '\'';
    if (!closer) break;
    text.remove_suffix(U8_LENGTH(last));
  }
  return text;
}

bool ends_sentence(std::string_view text) {
  const UChar32 last = last_code_point(without_closers(text));
  return last == U'。' || last == U'！' || last == U'？' || last == '.' || last == '!' || last == '?' ||
         last == U'…' || last == U'．';
}

bool ends_clause(std::string_view text) {
  const UChar32 last = last_code_point(text);
  return last == U'；' || last == ';' || last == U'：' || last == ':';
}

// Ends in a letter, digit or closing bracket: nothing says the text goes on.
bool ends_without_punctuation(std::string_view text) {
  const UChar32 last = last_code_point(text);
  return u_isalnum(last) || u_charType(last) == U_END_PUNCTUATION;
}

bool is_chinese_script(UChar32 code_point) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(code_point, &status);
  return script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
         script == USCRIPT_BOPOMOFO;
}

bool is_latin_or_digit(UChar32 code_point) { return u_isalnum(code_point) && !is_chinese_script(code_point); }

// `[原件：英文]`, `[30 August 2013]`: editorial lines that stand alone.
bool is_bracketed(std::string_view text) {
  const UChar32 first = first_code_point(text);
  const UChar32 last = last_code_point(text);
  return (first == '[' && last == ']') || (first == U'【' && last == U'】') ||
         (first == U'［' && last == U'］');
}

struct LineFacts {
  std::size_t line_index = 0;
  MappedText text;  // the line without footnote digits, white-space runs collapsed
  bool short_line = false;
  bool indented = false;
  bool enumerated = false;
  bool bracketed = false;
  std::size_t gap_before = 0;       // blank lines between it and the previous text line
  bool page_break_before = false;   // page furniture between them
};

MappedText line_text(std::string_view decoded, const TextLine& line) {
  MappedText text;
  auto removed = line.removed.begin();
  bool previous_space = false;
  for (std::size_t offset = line.begin; offset < line.end; ++offset) {
    if (removed != line.removed.end() && offset >= removed->first) {
      offset = removed->second - 1;
      ++removed;
      continue;
    }
    const char byte = decoded[offset];
    const bool space = byte == ' ' || byte == '\t' || byte == '\v';
    if (space && previous_space) continue;
    if (space) text.append_inserted(" ", offset);
    else text.append_source(decoded, offset, offset + 1);
    previous_space = space;
  }
  while (!text.text.empty() && text.text.back() == ' ') {
    text.text.pop_back();
    text.source_offset.pop_back();
  }
  return text;
}

std::size_t most_common(const std::vector<std::size_t>& values) {
  std::map<std::size_t, std::size_t> counts;
  for (auto value : values) ++counts[value];
  std::size_t best = 0, best_count = 0;
  for (const auto& [value, count] : counts) {
    if (count > best_count) best = value, best_count = count;
  }
  return best;
}

// Words of the document, lower-cased, to tell a wrapped word (the joined
// form appears elsewhere) from a hyphenated one.
std::unordered_set<std::string> english_words(const std::vector<LineFacts>& lines) {
  std::unordered_set<std::string> words;
  for (const auto& line : lines) {
    std::string word;
    for (char byte : line.text.text + " ") {
      if (std::isalpha(static_cast<unsigned char>(byte)) || (byte == '-' && !word.empty())) {
        word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(byte))));
      } else if (!word.empty()) {
        while (!word.empty() && word.back() == '-') word.pop_back();
        if (!word.empty()) words.insert(word);
        word.clear();
      }
    }
  }
  return words;
}

std::string lower_ascii(std::string_view text) {
  std::string lower(text);
  for (auto& byte : lower) byte = static_cast<char>(std::tolower(static_cast<unsigned char>(byte)));
  return lower;
}

class ParagraphBuilder {
 public:
  ParagraphBuilder(Language language, const std::vector<LineFacts>& lines) : language_(language), lines_(lines) {}

  void join(RebuiltParagraph& paragraph, const LineFacts& next) {
    auto& text = paragraph.text;
    if (text.text.empty()) {
      append(text, next.text);
      return;
    }
    const UChar32 before = last_code_point(text.text);
    const UChar32 after = first_code_point(next.text.text);
    const std::size_t at = next.text.source_offset.front();
    if (language_ == Language::zh) {
      // Chinese joins with nothing, but a Latin word or number keeps the
      // space UN Chinese puts between it and Chinese (第 67/61 号).
      const bool needs_space = (is_latin_or_digit(before) && (is_chinese_script(after) || is_latin_or_digit(after))) ||
                               (is_chinese_script(before) && is_latin_or_digit(after));
      if (needs_space) text.append_inserted(" ", at);
    } else if (before == '-' && text.text.size() >= 2 && std::isalpha(static_cast<unsigned char>(text.text[text.text.size() - 2]))) {
      if (std::islower(static_cast<unsigned char>(after)) != 0 && wrapped_hyphen(text.text, next.text.text)) {
        text.text.pop_back();
        text.source_offset.pop_back();
      }
      // Otherwise a real hyphen (Secretary-General, co-operation): no space.
    } else if (before != U'—' && before != U'–' && before != '/') {
      text.append_inserted(" ", at);
    }
    append(text, next.text);
  }

 private:
  static void append(MappedText& text, const MappedText& piece) {
    text.text += piece.text;
    text.source_offset.insert(text.source_offset.end(), piece.source_offset.begin(), piece.source_offset.end());
  }

  // `head` ends with "letters-", `tail` starts with a lower-case letter.
  bool wrapped_hyphen(std::string_view head, std::string_view tail) {
    std::size_t start = head.size() - 1;
    while (start > 0 && (std::isalpha(static_cast<unsigned char>(head[start - 1])) != 0 || head[start - 1] == '-')) --start;
    const std::string first = lower_ascii(head.substr(start, head.size() - 1 - start));
    std::size_t length = 0;
    while (length < tail.size() && std::isalpha(static_cast<unsigned char>(tail[length])) != 0) ++length;
    const std::string second = lower_ascii(tail.substr(0, length));
    if (!words_) words_ = english_words(lines_);
    if (words_->contains(first + "-" + second)) return false;
    if (words_->contains(first + second)) return true;
    const auto last_part = first.substr(first.rfind('-') == std::string::npos ? 0 : first.rfind('-') + 1);
    return std::find(std::begin(kHyphenatedPrefixes), std::end(kHyphenatedPrefixes), last_part) ==
           std::end(kHyphenatedPrefixes);
  }

  Language language_;
  const std::vector<LineFacts>& lines_;
  std::optional<std::unordered_set<std::string>> words_;
};

LineEnding line_ending(std::string_view text) {
  if (ends_sentence(text)) return LineEnding::sentence;
  if (ends_clause(text)) return LineEnding::clause;
  const UChar32 last = last_code_point(text);
  // 、 (the enumeration comma) never ends a clause: it is `other`.
  if (last == ',' || last == U'，') return LineEnding::comma;
  return ends_without_punctuation(text) ? LineEnding::bare : LineEnding::other;
}

std::vector<LineCues> layout_cues(std::string_view decoded, std::span<const TextLine> lines,
                                  const std::vector<LineFacts>& facts) {
  std::vector<LineCues> cues;
  for (const auto& fact : facts) {
    const auto& line = lines[fact.line_index];
    cues.push_back({fact.text.text, line.indent, line.indent + line.width, trailing_spaces(decoded, line.end),
                    fact.enumerated, line_ending(fact.text.text),
                    !line.removed.empty() && line.removed.back().second == line.end});
  }
  return cues;
}

bool is_heading(const RebuiltParagraph& paragraph, std::size_t line_count, bool short_line) {
  const std::string_view text = paragraph.text.text;
  if (line_count != 1 || text.empty()) return false;
  if (is_bracketed(text)) return true;
  return short_line && ends_without_punctuation(text);
}

}  // namespace

std::vector<RebuiltParagraph> rebuild_paragraphs(std::string_view decoded, std::span<const TextLine> lines,
                                                 Language language) {
  std::vector<LineFacts> facts;
  std::size_t blank_run = 0;
  bool furniture_seen = false;
  for (std::size_t index = 0; index < lines.size(); ++index) {
    const auto& line = lines[index];
    if (line.kind == LineKind::blank) ++blank_run;
    if (line.kind == LineKind::page_furniture) furniture_seen = true;
    if (line.kind != LineKind::text) continue;
    LineFacts fact;
    fact.line_index = index;
    fact.text = line_text(decoded, line);
    if (fact.text.text.empty()) continue;
    fact.gap_before = facts.empty() ? 0 : blank_run;
    fact.page_break_before = furniture_seen && !facts.empty();
    facts.push_back(std::move(fact));
    blank_run = 0;
    furniture_seen = false;
  }
  std::vector<RebuiltParagraph> paragraphs;
  if (facts.empty()) return paragraphs;

  // The document's layout: how wide a full line is, how many blank lines
  // separate wrapped lines, how far continuation lines are indented.
  std::vector<std::size_t> widths, gaps, indents;
  for (const auto& fact : facts) {
    widths.push_back(lines[fact.line_index].width);
    indents.push_back(lines[fact.line_index].indent);
  }
  // The gap inside a paragraph: measured after lines that stop mid-sentence,
  // so that a blank line after every line (PDF extractions) is told from
  // blank lines between paragraphs.
  for (std::size_t index = 1; index < facts.size(); ++index) {
    if (!facts[index].page_break_before && !ends_sentence(facts[index - 1].text.text)) gaps.push_back(facts[index].gap_before);
  }
  std::vector<std::size_t> sorted_widths = widths;
  std::sort(sorted_widths.begin(), sorted_widths.end());
  const std::size_t full_width = sorted_widths[sorted_widths.size() * 9 / 10];
  const bool unwrapped = full_width > kUnwrappedLineColumns;
  const std::size_t normal_gap = gaps.empty() ? 0 : most_common(gaps);
  const std::size_t normal_indent = most_common(indents);

  std::vector<Utf8Regex> enumerators;
  for (auto pattern : kEnumeratorStarts) enumerators.emplace_back(pattern);
  for (std::size_t index = 0; index < facts.size(); ++index) {
    auto& fact = facts[index];
    const auto& line = lines[fact.line_index];
    fact.short_line = static_cast<double>(line.width) < kShortLineShare * static_cast<double>(full_width);
    fact.indented = line.indent > normal_indent;
    fact.bracketed = fact.short_line && is_bracketed(fact.text.text);
    for (auto& enumerator : enumerators) fact.enumerated = fact.enumerated || enumerator.matches_prefix(fact.text.text);
  }

  const auto cues = layout_cues(decoded, lines, facts);
  const LayoutShape shape = measure_layout(cues);
  LayoutRules layout(language);
  ParagraphBuilder builder(language, facts);
  RebuiltParagraph current;
  std::size_t current_lines = 0;
  const LineFacts* first_line = nullptr;
  bool started_block = true;
  const auto finish = [&] {
    if (current_lines == 0) return;
    current.heading = is_heading(current, current_lines, first_line->short_line) ||
                      (current_lines == 1 && layout.structural_heading(current.text.text));
    paragraphs.push_back(std::move(current));
    current = {};
    current_lines = 0;
  };
  for (std::size_t index = 0; index < facts.size(); ++index) {
    const auto& line = facts[index];
    if (index > 0) {
      const auto& previous = facts[index - 1];
      const std::string_view previous_text = previous.text.text;
      const bool big_gap = !line.page_break_before && line.gap_before > normal_gap;
      const bool starts_block = line.indented || line.enumerated || line.bracketed || big_gap;
      const bool heading_line = started_block && previous.short_line && ends_without_punctuation(previous_text) &&
                                current_lines == 1 && starts_block &&
                                !layout.title_goes_on(cues[index - 1], cues[index], shape);
      const bool paragraph_break =
          unwrapped || big_gap || previous.bracketed || line.bracketed ||
          (ends_sentence(previous_text) && (previous.short_line || line.indented || line.enumerated)) ||
          (ends_clause(previous_text) && line.enumerated) || heading_line ||
          layout.paragraph_ends(cues[index - 1], cues[index], current_lines == 1, shape);
      if (paragraph_break) finish();
      started_block = paragraph_break;
    }
    if (current_lines == 0) first_line = &line;
    builder.join(current, line);
    ++current_lines;
  }
  finish();
  return paragraphs;
}

}  // namespace untm
