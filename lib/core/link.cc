#include "core/link.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <iterator>
#include <utility>

#include "core/error.h"

namespace untm {
namespace {

void skip_spaces(std::string_view& rest) {
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
}

// Parses "[1,2]" (or "[]") at the front of `rest`, advancing it. False when
// the text is not a bracketed list of non-negative integers.
bool parse_index_list(std::string_view& rest, std::vector<std::size_t>& indices) {
  skip_spaces(rest);
  if (rest.empty() || rest.front() != '[') return false;
  rest.remove_prefix(1);
  skip_spaces(rest);
  if (!rest.empty() && rest.front() == ']') {
    rest.remove_prefix(1);
    return true;
  }
  while (true) {
    skip_spaces(rest);
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), value);
    if (error != std::errc{}) return false;
    rest.remove_prefix(static_cast<std::size_t>(end - rest.data()));
    indices.push_back(value);
    skip_spaces(rest);
    if (rest.empty()) return false;
    if (rest.front() == ']') {
      rest.remove_prefix(1);
      return true;
    }
    if (rest.front() != ',') return false;
    rest.remove_prefix(1);
  }
}

std::optional<LinkIndices> parse_link_line(std::string_view line) {
  LinkIndices link;
  if (!parse_index_list(line, link.first)) return std::nullopt;
  skip_spaces(line);
  if (line.empty() || line.front() != ':') return std::nullopt;
  line.remove_prefix(1);
  if (!parse_index_list(line, link.second)) return std::nullopt;
  skip_spaces(line);
  // Vecalign and Bertalign write the link's cost after it ("[0]:[0]:0.0712"):
  // read, and ignored, so that their outputs score as they are.
  if (!line.empty() && line.front() == ':') {
    line.remove_prefix(1);
    double cost = 0;
    const auto [end, error] = std::from_chars(line.data(), line.data() + line.size(), cost);
    if (error != std::errc() || end == line.data()) return std::nullopt;
    line.remove_prefix(static_cast<std::size_t>(end - line.data()));
    skip_spaces(line);
  }
  if (!line.empty()) return std::nullopt;
  return link;
}

// The range holding exactly `indices`; nullopt when they are not consecutive
// and increasing. An empty list gives an empty range at 0: the notation does
// not say where a missing side would stand.
std::optional<SentenceRange> range_of(const std::vector<std::size_t>& indices) {
  if (indices.empty()) return SentenceRange{};
  if (indices.front() > SIZE_MAX - indices.size()) return std::nullopt;
  for (std::size_t k = 1; k < indices.size(); ++k) {
    if (indices[k] != indices[0] + k) return std::nullopt;
  }
  return SentenceRange{indices.front(), indices.front() + indices.size()};
}

// The words of a link line's comment that untm knows; others are notes for people.
LinkMarks marks_of(std::string_view comment) {
  LinkMarks marks;
  while (!comment.empty()) {
    skip_spaces(comment);
    const std::size_t end = std::min(comment.find_first_of(" \t"), comment.size());
    const std::string_view word = comment.substr(0, end);
    marks.checked = marks.checked || word == "checked";
    marks.edited = marks.edited || word == "edited";
    comment.remove_prefix(end);
  }
  return marks;
}

// Calls `take(link, marks, line_number, line_offset)` for every line that
// holds a link (not blank, not only a comment).
template <typename Take>
void for_each_link_line(std::string_view text, const std::string& source_name, Take take) {
  std::size_t line_start = 0;
  for (std::size_t line_number = 1; line_start < text.size(); ++line_number) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(line_start, line_end - line_start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    std::string_view comment;
    if (const std::size_t hash = line.find('#'); hash != std::string_view::npos) {
      comment = line.substr(hash + 1);
      line = line.substr(0, hash);
    }
    if (line.find_first_not_of(" \t") != std::string_view::npos) {
      std::optional<LinkIndices> link = parse_link_line(line);
      if (!link) {
        throw InputError(source_name,
                         fmt::format("line {}: not a link of the form [i,j]:[k]: '{}'", line_number,
                                     line.substr(0, 80)),
                         line_start);
      }
      take(std::move(*link), marks_of(comment), line_number, line_start);
    }
    line_start = line_end + 1;
  }
}

// "A-B" as two unsigned numbers (link types "2-1", TMX ranges "3-4").
std::optional<std::pair<std::size_t, std::size_t>> parse_number_pair(std::string_view text) {
  const std::size_t dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  std::pair<std::size_t, std::size_t> numbers;
  const char* middle = text.data() + dash;
  const char* end = text.data() + text.size();
  if (std::from_chars(text.data(), middle, numbers.first).ptr != middle ||
      std::from_chars(middle + 1, end, numbers.second).ptr != end) {
    return std::nullopt;
  }
  return numbers;
}

void append_range(std::string& out, SentenceRange range) {
  out += '[';
  for (std::size_t index = range.begin; index < range.end; ++index) {
    if (index > range.begin) out += ',';
    fmt::format_to(std::back_inserter(out), "{}", index);
  }
  out += ']';
}

}  // namespace

std::string to_string(const LinkType& type) { return fmt::format("{}-{}", type.first_count, type.second_count); }

std::optional<LinkType> parse_link_type(std::string_view text) {
  const auto numbers = parse_number_pair(text);
  if (!numbers) return std::nullopt;
  return LinkType{numbers->first, numbers->second};
}

std::string format_link(const Link& link) {
  std::string out;
  append_range(out, link.first);
  out += ':';
  append_range(out, link.second);
  return out;
}

std::string format_links(std::span<const Link> links) {
  std::string out;
  for (const Link& link : links) {
    out += format_link(link);
    out += '\n';
  }
  return out;
}

std::vector<Link> parse_links(std::string_view text, const std::string& source_name) {
  std::vector<Link> links;
  for (const FileLink& link : parse_link_file(text, source_name)) links.push_back(link.link);
  return links;
}

std::vector<FileLink> parse_link_file(std::string_view text, const std::string& source_name) {
  std::vector<FileLink> links;
  for_each_link_line(text, source_name,
                     [&](LinkIndices indices, LinkMarks marks, std::size_t line_number, std::size_t offset) {
                       const std::optional<SentenceRange> first = range_of(indices.first);
                       const std::optional<SentenceRange> second = range_of(indices.second);
                       if (!first || !second) {
                         throw InputError(source_name,
                                          fmt::format("line {}: the sentences of a link must be consecutive",
                                                      line_number),
                                          offset);
                       }
                       links.push_back(FileLink{Link{*first, *second}, marks, line_number, offset});
                     });
  return links;
}

std::string format_marked_link(const Link& link, const LinkMarks& marks) {
  std::string line = format_link(link);
  if (marks.manual()) line += "  #";
  if (marks.checked) line += " checked";
  if (marks.edited) line += " edited";
  return line;
}

std::vector<Link> fit_links(std::span<const FileLink> links, std::size_t first_count, std::size_t second_count,
                            const std::string& source_name) {
  std::vector<Link> fitted;
  fitted.reserve(links.size());
  std::size_t first_end = 0, second_end = 0;  // where the previous link ends on each side
  for (const FileLink& file_link : links) {
    Link link = file_link.link;
    const auto refuse = [&](const std::string& why) {
      throw InputError(source_name, fmt::format("line {}: {}: {}", file_link.line_number, format_link(link), why),
                       file_link.offset);
    };
    // A link of no sentence on either side pairs nothing: in TMX it would be a
    // <tu> without a <tuv>, which TMX 1.4b does not allow.
    if (link.first.empty() && link.second.empty()) refuse("links no sentence on either side");
    if (link.first.end > first_count) {
      refuse(fmt::format("out of range: the first document has {} sentences", first_count));
    }
    if (link.second.end > second_count) {
      refuse(fmt::format("out of range: the second document has {} sentences", second_count));
    }
    if (link.first.empty()) link.first = SentenceRange{first_end, first_end};
    if (link.second.empty()) link.second = SentenceRange{second_end, second_end};
    if (link.first.begin < first_end || link.second.begin < second_end) {
      refuse(fmt::format("overlaps or comes before the previous link, which ends before [{}]:[{}]", first_end,
                         second_end));
    }
    first_end = link.first.end;
    second_end = link.second.end;
    fitted.push_back(link);
  }
  return fitted;
}

LinkIndices indices_of(const Link& link) {
  LinkIndices indices;
  for (std::size_t index = link.first.begin; index < link.first.end; ++index) indices.first.push_back(index);
  for (std::size_t index = link.second.begin; index < link.second.end; ++index) indices.second.push_back(index);
  return indices;
}

std::vector<LinkIndices> indices_of(std::span<const Link> links) {
  std::vector<LinkIndices> result;
  result.reserve(links.size());
  for (const Link& link : links) result.push_back(indices_of(link));
  return result;
}

std::vector<LinkIndices> parse_link_indices(std::string_view text, const std::string& source_name) {
  std::vector<LinkIndices> links;
  for_each_link_line(text, source_name, [&](LinkIndices indices, LinkMarks, std::size_t, std::size_t) {
    links.push_back(std::move(indices));
  });
  return links;
}

std::string format_first_last(SentenceRange range) {
  return range.empty() ? std::string() : fmt::format("{}-{}", range.begin, range.end - 1);
}

std::optional<SentenceRange> parse_first_last(std::string_view text) {
  const auto numbers = parse_number_pair(text);
  if (!numbers || numbers->second < numbers->first || numbers->second == SIZE_MAX) return std::nullopt;
  return SentenceRange{numbers->first, numbers->second + 1};
}

std::string format_first_count(SentenceRange range) { return fmt::format("[{},{}]", range.begin, range.size()); }

}  // namespace untm
