#include "text/paragraphs.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/characters.h"
#include "core/utf8.h"
#include "text/layout.h"
#include "text/line_filters.h"
#include "text/utf8_regex.h"

namespace untm {

namespace {

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
  return static_cast<UChar32>(decode_code_point(text, 0).code_point);
}

UChar32 last_code_point(std::string_view text) {
  if (text.empty()) return 0;
  return static_cast<UChar32>(decode_code_point(text, previous_code_point_start(text, text.size())).code_point);
}

// Text without its trailing closing quotes and brackets (。” ends a sentence).
std::string_view without_closers(std::string_view text) {
  while (!text.empty()) {
    const UChar32 last = last_code_point(text);
    const auto category = u_charType(last);
    const bool closer = category == U_END_PUNCTUATION || category == U_FINAL_PUNCTUATION || last == '"' || last == '\'';
    if (!closer) break;
    text.remove_suffix(text.size() - previous_code_point_start(text, text.size()));
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

bool is_chinese_script(UChar32 code_point) { return is_cjk_script(static_cast<char32_t>(code_point)); }

bool is_latin_or_digit(UChar32 code_point) { return u_isalnum(code_point) && !is_chinese_script(code_point); }

// `[原件：英文]`, `[30 August 2013]`: editorial lines that stand alone.
bool is_bracketed(std::string_view text) {
  const UChar32 first = first_code_point(text);
  const UChar32 last = last_code_point(text);
  return (first == '[' && last == ']') || (first == U'【' && last == U'】') ||
         (first == U'［' && last == U'］');
}

// Kept for every text line of the document at once: 32-bit counts (the input
// limit keeps them far below 2^32) and the flags together keep it small.
struct LineFacts {
  std::uint32_t line_index = 0;
  std::uint32_t gap_before = 0;     // blank lines between it and the previous text line
  // The line without footnote digits, white-space runs collapsed: a view of
  // the decoded line when that is what it is (most lines), else (`altered`)
  // of a copy kept in DocumentLines, so that the text is not held twice.
  std::string_view text;
  bool altered = false;
  bool short_line = false;
  bool indented = false;
  bool enumerated = false;
  bool bracketed = false;
  bool page_break_before = false;   // page furniture between them
};

bool is_line_space(char byte) { return byte == ' ' || byte == '\t' || byte == '\v'; }

MappedText line_text(std::string_view decoded, const TextLine& line) {
  MappedText text;
  text.text.reserve(line.end - line.begin);
  auto removed = line.removed.begin();
  bool previous_space = false;
  std::size_t offset = line.begin;
  while (offset < line.end) {
    const std::size_t stop = removed != line.removed.end() ? std::min(removed->first, line.end) : line.end;
    if (offset >= stop) {
      offset = std::max(offset, removed->second);
      ++removed;
      continue;
    }
    if (is_line_space(decoded[offset])) {
      if (!previous_space) text.append_inserted(" ", offset);
      previous_space = true;
      ++offset;
      continue;
    }
    // A run of other bytes is copied at once.
    std::size_t end = offset + 1;
    while (end < stop && !is_line_space(decoded[end])) ++end;
    text.append_source(decoded, offset, end);
    previous_space = false;
    offset = end;
  }
  while (!text.text.empty() && text.text.back() == ' ') text.pop_back();
  return text;
}

// Whether `text` holds a tab, a vertical tab or two spaces in a row: sixteen
// bytes at a time where SSE2 has them (this test visits every byte of the
// document).
bool has_space_to_collapse(std::string_view text) {
  std::size_t offset = 0;
  bool previous_space = false;
#if defined(__SSE2__)
  for (; offset + 16 <= text.size(); offset += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + offset));
    const int spaces = _mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(' ')));
    const int tabs = _mm_movemask_epi8(
        _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\t')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\v'))));
    if (tabs != 0 || (spaces & (spaces >> 1)) != 0 || (previous_space && (spaces & 1) != 0)) return true;
    previous_space = (spaces & 0x8000) != 0;
  }
#endif
  for (; offset < text.size(); ++offset) {
    const char byte = text[offset];
    if (byte == '\t' || byte == '\v' || (byte == ' ' && previous_space)) return true;
    previous_space = byte == ' ';
  }
  return false;
}

// Whether line_text would differ from the line as it stands: footnote digits
// to remove, or white space other than single spaces (the line is trimmed).
bool may_alter(std::string_view decoded, const TextLine& line) {
  return !line.removed.empty() || has_space_to_collapse(decoded.substr(line.begin, line.end - line.begin));
}

// The text lines with what is known of each, built before any paragraph.
struct DocumentLines {
  std::vector<LineFacts> facts;
  std::deque<std::string> altered;  // the altered lines' texts; a deque keeps each in place
};

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
  std::string word;
  const auto end_word = [&] {
    while (!word.empty() && word.back() == '-') word.pop_back();
    if (!word.empty()) words.insert(word);
    word.clear();
  };
  for (const auto& line : lines) {
    for (char byte : line.text) {
      if (std::isalpha(static_cast<unsigned char>(byte)) || (byte == '-' && !word.empty())) {
        word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(byte))));
      } else {
        end_word();
      }
    }
    end_word();
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
  ParagraphBuilder(Language language, std::string_view decoded, std::span<const TextLine> text_lines,
                   const std::vector<LineFacts>& lines)
      : language_(language), decoded_(decoded), text_lines_(text_lines), lines_(lines) {}

  void join(RebuiltParagraph& paragraph, const LineFacts& next) {
    const TextLine& line = text_lines_[next.line_index];
    if (!next.altered) {
      // The line as it stands, mapped as line_text would map it: one run.
      join(paragraph, next.text, line.begin);
      paragraph.text.append_source(decoded_, line.begin, line.end);
      return;
    }
    const MappedText text = line_text(decoded_, line);
    join(paragraph, next.text, text.source_offset(0));
    paragraph.text.append(text);
  }

 private:
  // What goes between the paragraph and a next line of `next` (at `at` in
  // the decoded text).
  void join(RebuiltParagraph& paragraph, std::string_view next, std::size_t at) {
    auto& text = paragraph.text;
    if (text.text.empty()) return;
    const UChar32 before = last_code_point(text.text);
    const UChar32 after = first_code_point(next);
    if (language_ == Language::zh) {
      // Chinese joins with nothing, but a Latin word or number keeps the
      // space UN Chinese puts between it and Chinese (第 67/61 号).
      const bool needs_space = (is_latin_or_digit(before) && (is_chinese_script(after) || is_latin_or_digit(after))) ||
                               (is_chinese_script(before) && is_latin_or_digit(after));
      if (needs_space) text.append_inserted(" ", at);
    } else if (before == '-' && text.text.size() >= 2 && std::isalpha(static_cast<unsigned char>(text.text[text.text.size() - 2]))) {
      if (std::islower(static_cast<unsigned char>(after)) != 0 && wrapped_hyphen(text.text, next)) {
        text.pop_back();
      }
      // Otherwise a real hyphen (Secretary-General, co-operation): no space.
    } else if (before != U'—' && before != U'–' && before != '/') {
      text.append_inserted(" ", at);
    }
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
  std::string_view decoded_;
  std::span<const TextLine> text_lines_;
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
  cues.reserve(facts.size());
  for (const auto& fact : facts) {
    const auto& line = lines[fact.line_index];
    cues.push_back({fact.text, line.indent, line.indent + line.width, trailing_spaces(decoded, line.end),
                    fact.enumerated, line_ending(fact.text),
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

// The text lines with the blank lines and page furniture before each.
DocumentLines collect_line_facts(std::string_view decoded, std::span<const TextLine> lines) {
  DocumentLines document;
  auto& facts = document.facts;
  facts.reserve(static_cast<std::size_t>(
      std::count_if(lines.begin(), lines.end(), [](const TextLine& line) { return line.kind == LineKind::text; })));
  std::size_t blank_run = 0;
  bool furniture_seen = false;
  for (std::size_t index = 0; index < lines.size(); ++index) {
    const auto& line = lines[index];
    if (line.kind == LineKind::blank) ++blank_run;
    if (line.kind == LineKind::page_furniture) furniture_seen = true;
    if (line.kind != LineKind::text) continue;
    LineFacts fact;
    fact.line_index = static_cast<std::uint32_t>(index);
    fact.text = decoded.substr(line.begin, line.end - line.begin);
    if (may_alter(decoded, line)) {
      std::string text = line_text(decoded, line).text;
      if (text.empty()) continue;
      if (text != fact.text) {
        fact.text = document.altered.emplace_back(std::move(text));
        fact.altered = true;
      }
    }
    if (fact.text.empty()) continue;
    fact.gap_before = facts.empty() ? 0 : static_cast<std::uint32_t>(blank_run);
    fact.page_break_before = furniture_seen && !facts.empty();
    facts.push_back(std::move(fact));
    blank_run = 0;
    furniture_seen = false;
  }
  return document;
}

// The document's layout: how wide a full line is, how many blank lines
// separate wrapped lines, how far continuation lines are indented.
struct Layout {
  std::size_t full_width = 0;
  bool unwrapped = false;
  std::size_t normal_gap = 0;
  std::size_t normal_indent = 0;
};

Layout measure_layout(const std::vector<LineFacts>& facts, std::span<const TextLine> lines) {
  std::vector<std::size_t> widths, gaps, indents;
  widths.reserve(facts.size());
  indents.reserve(facts.size());
  for (const auto& fact : facts) {
    widths.push_back(lines[fact.line_index].width);
    indents.push_back(lines[fact.line_index].indent);
  }
  // The gap inside a paragraph: measured after lines that stop mid-sentence,
  // so that a blank line after every line (PDF extractions) is told from
  // blank lines between paragraphs.
  for (std::size_t index = 1; index < facts.size(); ++index) {
    if (!facts[index].page_break_before && !ends_sentence(facts[index - 1].text)) gaps.push_back(facts[index].gap_before);
  }
  std::sort(widths.begin(), widths.end());
  Layout layout;
  layout.full_width = widths[widths.size() * 9 / 10];
  layout.unwrapped = layout.full_width > kUnwrappedLineColumns;
  layout.normal_gap = gaps.empty() ? 0 : most_common(gaps);
  layout.normal_indent = most_common(indents);
  return layout;
}

// Short, indented, bracketed, enumerated: each line against the layout.
void mark_line_shapes(std::vector<LineFacts>& facts, std::span<const TextLine> lines, const Layout& layout) {
  std::vector<Utf8Regex> enumerators;
  for (const auto& start : enumerator_start_patterns()) enumerators.emplace_back(start.pattern);
  for (auto& fact : facts) {
    const auto& line = lines[fact.line_index];
    fact.short_line = static_cast<double>(line.width) < kShortLineShare * static_cast<double>(layout.full_width);
    fact.indented = line.indent > layout.normal_indent;
    fact.bracketed = fact.short_line && is_bracketed(fact.text);
    if (!may_start_enumerator(fact.text)) continue;
    for (auto& enumerator : enumerators) fact.enumerated = fact.enumerated || enumerator.matches_prefix(fact.text);
  }
}

// Whether `line` starts a new paragraph after `previous`. `started_block`:
// the previous line started a paragraph, which then has `current_lines` lines.
bool breaks_before(const LineFacts& previous, const LineFacts& line, const Layout& layout, bool started_block,
                   std::size_t current_lines) {
  const std::string_view previous_text = previous.text;
  const bool big_gap = !line.page_break_before && line.gap_before > layout.normal_gap;
  const bool starts_block = line.indented || line.enumerated || line.bracketed || big_gap;
  const bool heading_line = started_block && previous.short_line && ends_without_punctuation(previous_text) &&
                            current_lines == 1 && starts_block;
  return layout.unwrapped || big_gap || previous.bracketed || line.bracketed ||
         (ends_sentence(previous_text) && (previous.short_line || line.indented || line.enumerated)) ||
         (ends_clause(previous_text) && line.enumerated) || heading_line;
}

}  // namespace

std::vector<RebuiltParagraph> rebuild_paragraphs(std::string_view decoded, std::span<const TextLine> lines,
                                                 Language language) {
  std::vector<RebuiltParagraph> paragraphs;
  rebuild_paragraphs(decoded, lines, language,
                     [&paragraphs](RebuiltParagraph&& paragraph) { paragraphs.push_back(std::move(paragraph)); });
  return paragraphs;
}

void rebuild_paragraphs(std::string_view decoded, std::span<const TextLine> lines, Language language,
                        const std::function<void(RebuiltParagraph&&)>& take) {
  DocumentLines document = collect_line_facts(decoded, lines);
  std::vector<LineFacts>& facts = document.facts;
  if (facts.empty()) return;
  const Layout layout = measure_layout(facts, lines);
  mark_line_shapes(facts, lines, layout);

  const auto cues = layout_cues(decoded, lines, facts);
  const LayoutShape shape = measure_shape(cues);
  LayoutRules layout_rules(language);
  ParagraphBuilder builder(language, decoded, lines, facts);
  RebuiltParagraph current;
  std::size_t current_lines = 0;
  const LineFacts* first_line = nullptr;
  bool started_block = true;
  const auto finish = [&] {
    if (current_lines == 0) return;
    current.heading = is_heading(current, current_lines, first_line->short_line) ||
                      (current_lines == 1 && layout_rules.structural_heading(current.text.text));
    take(std::move(current));
    current = {};
    current_lines = 0;
  };
  for (std::size_t index = 0; index < facts.size(); ++index) {
    const auto& line = facts[index];
    if (index > 0) {
      // A title wrapped onto a centred line is no heading line followed by text.
      const bool title_goes_on = layout_rules.title_goes_on(cues[index - 1], cues[index], shape);
      const bool paragraph_break =
          breaks_before(facts[index - 1], line, layout, started_block && !title_goes_on, current_lines) ||
          layout_rules.paragraph_ends(cues[index - 1], cues[index], current_lines == 1, shape);
      if (paragraph_break) finish();
      started_block = paragraph_break;
    }
    if (current_lines == 0) first_line = &line;
    builder.join(current, line);
    ++current_lines;
  }
  finish();
}

std::uint32_t RebuiltParagraph::page_at(std::size_t at) const {
  std::uint32_t page = 0;
  for (const auto& start : pages) {
    if (start.at > at) break;
    page = start.page;
  }
  return page;
}

}  // namespace untm
