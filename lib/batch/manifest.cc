#include "batch/manifest.h"

#include <fmt/format.h>

#include <array>
#include <unordered_map>

#include "core/error.h"

namespace untm::batch {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool is_blank_or_comment(std::string_view line) {
  const auto first = line.find_first_not_of(" \t");
  return first == std::string_view::npos || line[first] == '#';
}

}  // namespace

std::vector<DocumentPair> parse_manifest(std::string_view text, const std::string& source_name) {
  std::vector<DocumentPair> pairs;
  std::unordered_map<std::string, std::size_t> line_of_id;
  std::size_t offset = text.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
  for (std::size_t line_number = 1; offset < text.size(); ++line_number) {
    const auto line_end = std::min(text.find('\n', offset), text.size());
    const std::size_t line_offset = offset;
    std::string_view line = text.substr(offset, line_end - offset);
    offset = line_end + 1;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (is_blank_or_comment(line)) continue;

    std::array<std::string_view, 3> fields;
    std::size_t field_count = 0;
    for (std::size_t begin = 0;; ++field_count) {
      const auto tab = line.find('\t', begin);
      if (field_count < fields.size()) fields[field_count] = line.substr(begin, tab - begin);
      if (tab == std::string_view::npos) break;
      begin = tab + 1;
    }
    ++field_count;
    if (field_count != fields.size()) {
      throw InputError(source_name,
                       fmt::format("line {}: expected 3 tab-separated fields (id, zh path, en path), found {}",
                                   line_number, field_count),
                       line_offset);
    }
    constexpr std::array<std::string_view, 3> kFieldNames = {"id", "zh path", "en path"};
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (fields[i].empty()) {
        throw InputError(source_name, fmt::format("line {}: the {} is empty", line_number, kFieldNames[i]),
                         line_offset);
      }
    }
    DocumentPair pair{std::string(fields[0]), std::string(fields[1]), std::string(fields[2])};
    const auto [previous, inserted] = line_of_id.emplace(pair.id, line_number);
    if (!inserted) {
      throw InputError(source_name,
                       fmt::format("line {}: id '{}' is already used on line {}; ids name documents in "
                                   "the bundle and must be unique",
                                   line_number, pair.id, previous->second),
                       line_offset);
    }
    pairs.push_back(std::move(pair));
  }
  return pairs;
}

}  // namespace untm::batch
