#include "read/pdf_layout.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_set>

#include "core/utf8.h"

namespace untm::read {

namespace {

// Shares of the page height: headers and footers sit in the margin band;
// a line in the wider band goes when it repeats on another page.
constexpr double kMarginBand = 0.07;
constexpr double kRepeatBand = 0.15;
// Type sizes relative to the body's: footnotes are smaller, headings larger.
constexpr double kFootnoteSize = 0.9;
constexpr double kHeadingSize = 1.1;
// A centred line leaves this share of the column free on either side, and
// its middle is this close to the column's.
constexpr double kCentredMargin = 0.2;
constexpr double kCentredTolerance = 0.03;

// English prefixes kept with their hyphen at a line end when the document
// gives no other evidence (co-operation, non-discrimination, self-determination).
constexpr std::string_view kHyphenatedPrefixes[] = {"co", "non", "self", "cross", "socio", "quasi", "well"};

enum class Role { body, heading, footnote, furniture };

struct Column {
  double left = 0, right = 0;
  double line_gap = 0;  // between the lines of a body paragraph
  double body_size = 0;
};

// The body's size: the size most of the text is set in.
double body_size(const std::vector<PdfPage>& pages) {
  std::map<long, std::size_t> characters;
  for (const auto& page : pages) {
    for (const auto& line : page.lines) characters[std::lround(line.size * 2)] += line.text.size();
  }
  const auto best = std::max_element(characters.begin(), characters.end(),
                                     [](const auto& a, const auto& b) { return a.second < b.second; });
  return best == characters.end() ? 0 : static_cast<double>(best->first) / 2;
}

// A running header or footer's identity: its text with digits masked (page
// numbers change) and its height on the page.
std::string repeat_key(const PdfLine& line) {
  std::string key = std::to_string(std::lround(line.top / 4)) + ":";
  for (char byte : line.text) key += std::isdigit(static_cast<unsigned char>(byte)) != 0 ? '#' : byte;
  return key;
}

bool in_band(const PdfLine& line, const PdfPage& page, double share) {
  return line.bottom <= page.height * share || line.top >= page.height * (1 - share);
}

// Lines of `page` by their height on it, top first.
std::vector<std::size_t> top_down(const PdfPage& page) {
  std::vector<std::size_t> order(page.lines.size());
  for (std::size_t index = 0; index < order.size(); ++index) order[index] = index;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return page.lines[a].top < page.lines[b].top; });
  return order;
}

// A repeated line goes when it stands a line's height or more apart from the
// next line toward the middle of the page, or when that line goes too (a
// header of two lines). Inner lines are decided first.
void drop_repeated(const PdfPage& page, const std::vector<bool>& repeated, std::vector<Role>& roles) {
  const auto order = top_down(page);
  const auto decide = [&](std::size_t line, std::optional<std::size_t> inner, double gap) {
    const double height = page.lines[line].bottom - page.lines[line].top;
    const bool apart = !inner || gap >= height || (repeated[*inner] && roles[*inner] == Role::furniture);
    if (apart) roles[line] = Role::furniture;
  };
  std::optional<std::size_t> below;  // the nearest line below that is not in the margin band
  for (std::size_t k = order.size(); k-- > 0;) {
    const std::size_t line = order[k];
    if (roles[line] == Role::furniture) continue;
    const bool top_band = page.lines[line].bottom <= page.height * kRepeatBand;
    if (repeated[line] && top_band) decide(line, below, below ? page.lines[*below].top - page.lines[line].bottom : 0);
    below = line;
  }
  std::optional<std::size_t> above;
  for (const std::size_t line : order) {
    if (roles[line] == Role::furniture) continue;
    const bool bottom_band = page.lines[line].top >= page.height * (1 - kRepeatBand);
    if (repeated[line] && bottom_band) decide(line, above, above ? page.lines[line].top - page.lines[*above].bottom : 0);
    // A footer decided to go is no text to measure the next one from.
    if (roles[line] != Role::furniture) above = line;
  }
}

// Running headers and footers: lines in the margin band, and lines in the
// wider band that repeat on other pages at the same height (digits aside)
// and stand apart from the page's text (an article heading that opens two
// pages at the same height is text).
std::vector<std::vector<Role>> furniture_roles(const std::vector<PdfPage>& pages) {
  std::map<std::string, std::set<std::size_t>> pages_of_key;
  for (std::size_t number = 0; number < pages.size(); ++number) {
    for (const auto& line : pages[number].lines) {
      if (in_band(line, pages[number], kRepeatBand)) pages_of_key[repeat_key(line)].insert(number);
    }
  }
  std::vector<std::vector<Role>> roles(pages.size());
  for (std::size_t number = 0; number < pages.size(); ++number) {
    std::vector<bool> repeated;
    for (const auto& line : pages[number].lines) {
      roles[number].push_back(in_band(line, pages[number], kMarginBand) ? Role::furniture : Role::body);
      repeated.push_back(in_band(line, pages[number], kRepeatBand) && pages_of_key[repeat_key(line)].size() > 1);
    }
    drop_repeated(pages[number], repeated, roles[number]);
  }
  return roles;
}

// The text column, measured on body lines set in the body size.
Column measure_column(const std::vector<PdfPage>& pages, const std::vector<std::vector<Role>>& roles) {
  Column column;
  column.body_size = body_size(pages);
  std::vector<double> lefts, rights, gaps;
  for (std::size_t number = 0; number < pages.size(); ++number) {
    const PdfLine* previous = nullptr;
    for (std::size_t index = 0; index < pages[number].lines.size(); ++index) {
      const auto& line = pages[number].lines[index];
      if (roles[number][index] != Role::body || std::abs(line.size - column.body_size) > 0.5) continue;
      lefts.push_back(line.left);
      rights.push_back(line.right);
      if (previous != nullptr && line.top > previous->bottom - 1) gaps.push_back(line.top - previous->bottom);
      previous = &line;
    }
  }
  if (lefts.empty()) return column;
  // Most lines start at the margin or at a first-line indent (most lines,
  // when paragraphs are short): the margin is among the leftmost.
  std::sort(rights.begin(), rights.end());
  std::sort(lefts.begin(), lefts.end());
  column.left = lefts[lefts.size() / 10];
  column.right = rights[rights.size() * 9 / 10];
  // The smallest gap is the one between the lines of a paragraph, even where
  // most paragraphs are one line long (and the gap between them is the most
  // common one).
  column.line_gap = gaps.empty() ? 0 : std::max(0.0, *std::min_element(gaps.begin(), gaps.end()));
  return column;
}

// A short line centred in the column; a clause that ends in a comma or
// semicolon is no heading, wherever it sits.
bool centred(const PdfLine& line, const Column& column) {
  const double width = column.right - column.left;
  const double middle = (line.left + line.right) / 2;
  const char last = line.text.empty() ? ' ' : line.text.back();
  const bool clause = last == ',' || last == ';' || line.text.ends_with("，") || line.text.ends_with("；");
  return !clause && line.left - column.left >= kCentredMargin * width &&
         column.right - line.right >= kCentredMargin * width &&
         std::abs(middle - (column.left + column.right) / 2) <= kCentredTolerance * width;
}

// Footnotes: lines set smaller than the body below the page's last body line.
void mark_footnotes(const PdfPage& page, std::vector<Role>& roles, const Column& column) {
  double last_body = -1;
  for (std::size_t index = 0; index < page.lines.size(); ++index) {
    if (roles[index] == Role::body && page.lines[index].size >= kFootnoteSize * column.body_size) {
      last_body = std::max(last_body, page.lines[index].bottom);
    }
  }
  for (std::size_t index = 0; index < page.lines.size(); ++index) {
    const auto& line = page.lines[index];
    if (roles[index] == Role::body && line.size < kFootnoteSize * column.body_size && line.top >= last_body) {
      roles[index] = Role::footnote;
    }
  }
}

void mark_headings(const PdfPage& page, std::vector<Role>& roles, const Column& column) {
  for (std::size_t index = 0; index < page.lines.size(); ++index) {
    const auto& line = page.lines[index];
    if (roles[index] != Role::body) continue;
    if (line.size > kHeadingSize * column.body_size || line.bold || centred(line, column)) roles[index] = Role::heading;
  }
}

UChar32 first_character(std::string_view text) { return static_cast<UChar32>(first_code_point(text)); }

UChar32 last_character(std::string_view text) { return static_cast<UChar32>(last_code_point(text)); }

// Chinese characters and full-width punctuation: lines of them join with nothing.
bool wide(UChar32 code_point) {
  const auto width = u_getIntPropertyValue(code_point, UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH;
}

std::string lower_ascii(std::string_view text) {
  std::string lower(text);
  for (auto& byte : lower) byte = static_cast<char>(std::tolower(static_cast<unsigned char>(byte)));
  return lower;
}

class LineJoiner {
 public:
  explicit LineJoiner(const std::vector<PdfPage>& pages) : pages_(pages) {}

  void join(std::string& text, std::string_view next) {
    const UChar32 before = last_character(text);
    const UChar32 after = first_character(next);
    if (wide(before) && wide(after)) {
      text += next;
      return;
    }
    const bool hyphen = before == '-' && text.size() >= 2 && std::isalpha(static_cast<unsigned char>(text[text.size() - 2]));
    if (hyphen && std::islower(static_cast<unsigned char>(after)) != 0) {
      if (wrapped_hyphen(text, next)) text.pop_back();
    } else if (before != U'\u2014' && before != U'\u2013' && before != '/') {
      text += ' ';
    }
    text += next;
  }

 private:
  // `head` ends with "letters-", `tail` starts with a lower-case letter: a
  // wrap when the document writes the word whole elsewhere, a real hyphen when
  // it writes it hyphenated; otherwise a wrap except after co-, non-, self-.
  bool wrapped_hyphen(std::string_view head, std::string_view tail) {
    std::size_t start = head.size() - 1;
    while (start > 0 && std::isalpha(static_cast<unsigned char>(head[start - 1])) != 0) --start;
    const std::string first = lower_ascii(head.substr(start, head.size() - 1 - start));
    std::size_t length = 0;
    while (length < tail.size() && std::isalpha(static_cast<unsigned char>(tail[length])) != 0) ++length;
    const std::string second = lower_ascii(tail.substr(0, length));
    if (!words_) words_ = document_words();
    if (words_->contains(first + "-" + second)) return false;
    if (words_->contains(first + second)) return true;
    return std::find(std::begin(kHyphenatedPrefixes), std::end(kHyphenatedPrefixes), first) ==
           std::end(kHyphenatedPrefixes);
  }

  std::unordered_set<std::string> document_words() const {
    std::unordered_set<std::string> words;
    for (const auto& page : pages_) {
      for (const auto& line : page.lines) {
        std::string word;
        for (char byte : line.text + " ") {
          if (std::isalpha(static_cast<unsigned char>(byte)) != 0 || (byte == '-' && !word.empty())) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(byte)));
          } else if (!word.empty()) {
            // A word that ends with a hyphen is a line's last: no evidence.
            if (word.back() != '-') words.insert(word);
            word.clear();
          }
        }
      }
    }
    return words;
  }

  const std::vector<PdfPage>& pages_;
  std::optional<std::unordered_set<std::string>> words_;
};

bool starts_paragraph(const PdfLine& previous, Role previous_role, const PdfLine& line, Role role,
                      const Column& column) {
  if (previous_role != role || (previous.page != line.page && role == Role::heading)) return true;
  const bool same_page = previous.page == line.page;
  const double gap = line.top - previous.bottom;
  // Back up the page: a new column or a text box placed apart.
  if (same_page && line.bottom < previous.top) return true;
  if (role == Role::heading) return gap > 0.5 * line.size;
  if (same_page && gap > column.line_gap + 0.35 * line.size) return true;
  // Deeper than the line before: a first-line indent (a hanging indent's
  // continuation lines are shallower than its first line).
  if (line.left > previous.left + 0.5 * line.size) return true;
  // The line before stopped where this line's first word would have fitted.
  const double space = 0.25 * line.size;
  return previous.right + space + line.first_word_width < column.right - 0.5 * line.size;
}

// Footnote lines: a footnote starts with its number; the lines after it join.
void add_footnote_line(std::vector<Block>& notes, const PdfLine& line, LineJoiner& joiner) {
  if (notes.empty() || std::isdigit(static_cast<unsigned char>(line.text.front())) != 0) {
    notes.push_back({line.text, BlockKind::footnote, line.page, 0, {}});
  } else {
    joiner.join(notes.back().text, line.text);
  }
}

// A body line joins the paragraph it continues; past a page break, the
// block notes where the new page begins.
void join_line(Block& block, const PdfLine& line, LineJoiner& joiner) {
  joiner.join(block.text, line.text);
  const std::uint32_t current = block.page_starts.empty() ? block.page : block.page_starts.back().page;
  if (line.page != current) block.page_starts.push_back({block.text.size() - line.text.size(), line.page});
}

}  // namespace

std::vector<Block> blocks_from_pages(const std::vector<PdfPage>& pages) {
  auto roles = furniture_roles(pages);
  const Column column = measure_column(pages, roles);
  for (std::size_t number = 0; number < pages.size(); ++number) {
    mark_footnotes(pages[number], roles[number], column);
    mark_headings(pages[number], roles[number], column);
  }
  LineJoiner joiner(pages);
  std::vector<Block> blocks, notes;
  const PdfLine* previous = nullptr;
  Role previous_role = Role::body;
  for (std::size_t number = 0; number < pages.size(); ++number) {
    for (std::size_t index = 0; index < pages[number].lines.size(); ++index) {
      const auto& line = pages[number].lines[index];
      const Role role = roles[number][index];
      if (role == Role::furniture || line.text.empty()) continue;
      if (role == Role::footnote) {
        add_footnote_line(notes, line, joiner);
        continue;
      }
      if (previous == nullptr || starts_paragraph(*previous, previous_role, line, role, column)) {
        blocks.push_back({line.text, role == Role::heading ? BlockKind::heading : BlockKind::body, line.page, 0, {}});
      } else {
        join_line(blocks.back(), line, joiner);
      }
      previous = &line;
      previous_role = role;
    }
  }
  blocks.insert(blocks.end(), notes.begin(), notes.end());
  for (std::size_t index = 0; index < blocks.size(); ++index) blocks[index].index = static_cast<std::uint32_t>(index);
  return blocks;
}

}  // namespace untm::read
