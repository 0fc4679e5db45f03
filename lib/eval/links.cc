#include "eval/links.h"

#include <charconv>
#include <fmt/format.h>

#include "core/error.h"

namespace untm {
namespace {

// Parses "[1,2]" (or "[]") at the front of `rest`, advancing it. Returns false
// when the text is not a bracketed list of non-negative integers.
bool parse_index_list(std::string_view& rest, std::vector<std::size_t>& indices) {
  auto skip_spaces = [&rest] {
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
  };
  skip_spaces();
  if (rest.empty() || rest.front() != '[') return false;
  rest.remove_prefix(1);
  skip_spaces();
  if (!rest.empty() && rest.front() == ']') {
    rest.remove_prefix(1);
    return true;
  }
  while (true) {
    skip_spaces();
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), value);
    if (error != std::errc{}) return false;
    rest.remove_prefix(static_cast<std::size_t>(end - rest.data()));
    indices.push_back(value);
    skip_spaces();
    if (rest.empty()) return false;
    if (rest.front() == ']') {
      rest.remove_prefix(1);
      return true;
    }
    if (rest.front() != ',') return false;
    rest.remove_prefix(1);
  }
}

void append_index_list(std::string& out, const std::vector<std::size_t>& indices) {
  out += '[';
  for (std::size_t k = 0; k < indices.size(); ++k) {
    if (k > 0) out += ',';
    out += fmt::format("{}", indices[k]);
  }
  out += ']';
}

}  // namespace

std::vector<SentenceLink> parse_links(std::string_view text, const std::string& source_name) {
  std::vector<SentenceLink> links;
  std::size_t line_start = 0;
  while (line_start < text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(line_start, line_end - line_start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") != std::string_view::npos) {
      SentenceLink link;
      std::string_view rest = line;
      bool valid = parse_index_list(rest, link.first);
      if (valid) {
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        valid = !rest.empty() && rest.front() == ':';
        if (valid) rest.remove_prefix(1);
      }
      valid = valid && parse_index_list(rest, link.second) &&
              rest.find_first_not_of(" \t") == std::string_view::npos;
      if (!valid) {
        throw InputError(source_name,
                         fmt::format("not a link of the form [i,j]:[k]: '{}'",
                                     line.substr(0, 80)),
                         line_start);
      }
      links.push_back(std::move(link));
    }
    line_start = line_end + 1;
  }
  return links;
}

std::string format_links(std::span<const SentenceLink> links) {
  std::string out;
  for (const SentenceLink& link : links) {
    append_index_list(out, link.first);
    out += ':';
    append_index_list(out, link.second);
    out += '\n';
  }
  return out;
}

std::vector<SentenceLink> sentence_links(const AlignedDocument& document) {
  std::vector<SentenceLink> links;
  links.reserve(document.pairs.size());
  for (const AlignedPair& pair : document.pairs) {
    SentenceLink link;
    for (std::uint32_t k = 0; k < pair.first.sentence_count; ++k) link.first.push_back(pair.first.first_sentence + k);
    for (std::uint32_t k = 0; k < pair.second.sentence_count; ++k) link.second.push_back(pair.second.first_sentence + k);
    links.push_back(std::move(link));
  }
  return links;
}

}  // namespace untm
