#include "format/filter.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "core/utf8.h"

namespace untm::format {

namespace {

bool is_null(const Link& link) { return link.first.size() == 0 || link.second.size() == 0; }

bool within_length_ratio(const AlignedPair& pair, double max_ratio) {
  if (max_ratio == 0 || is_null(pair.link)) return true;
  const double first = static_cast<double>(count_code_points(pair.first.text));
  const double second = static_cast<double>(count_code_points(pair.second.text));
  // Defensive: a linked side always has text, but an empty one would have no
  // ratio to speak of, so any text on the other side counts as too long.
  const double shorter = std::min(first, second);
  const double longer = std::max(first, second);
  if (shorter == 0) return longer == 0;
  return longer / shorter <= max_ratio;
}

bool passes(const PairFilter& filter, const AlignedPair& pair) {
  if (pair.link.confidence < filter.min_confidence) return false;
  if (filter.drop_null && is_null(pair.link)) return false;
  if (!filter.link_types.empty() &&
      std::find(filter.link_types.begin(), filter.link_types.end(), pair.link.type()) == filter.link_types.end()) {
    return false;
  }
  return within_length_ratio(pair, filter.max_length_ratio);
}

}  // namespace

std::vector<LinkType> parse_link_types(std::string_view list, std::string_view option) {
  std::vector<LinkType> types;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = list.find(',', start);
    const std::string_view item = list.substr(start, comma == std::string_view::npos ? list.npos : comma - start);
    const std::optional<LinkType> type = parse_link_type(item);
    if (!type) {
      throw UsageError(fmt::format("{}: '{}' is not a link type such as 1-1 or 2-1 (in '{}')", option, item, list));
    }
    types.push_back(*type);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return types;
}

void check_filter(const PairFilter& filter) {
  if (!(filter.min_confidence >= 0 && filter.min_confidence <= 1)) {
    throw UsageError(fmt::format("minimum confidence {} is not between 0 and 1", filter.min_confidence));
  }
  if (filter.max_length_ratio != 0 && !(filter.max_length_ratio >= 1 && std::isfinite(filter.max_length_ratio))) {
    throw UsageError(fmt::format("length ratio {} is below 1", filter.max_length_ratio));
  }
}

std::string describe(const PairFilter& filter) {
  std::vector<std::string> parts;
  if (filter.min_confidence > 0) parts.push_back(fmt::format("min-confidence={}", filter.min_confidence));
  if (!filter.link_types.empty()) {
    std::vector<std::string> names;
    for (const LinkType& type : filter.link_types) names.push_back(to_string(type));
    parts.push_back(fmt::format("link-types={}", fmt::join(names, ",")));
  }
  if (filter.drop_null) parts.emplace_back("drop-null");
  if (filter.max_length_ratio != 0) parts.push_back(fmt::format("max-length-ratio={}", filter.max_length_ratio));
  if (filter.dedup) parts.emplace_back("dedup");
  return fmt::format("{}", fmt::join(parts, " "));
}

PairSelection::PairSelection(PairFilter filter) : filter_(std::move(filter)) {}

bool PairSelection::keeps(const AlignedPair& pair) const {
  ++state_->seen;
  if (!passes(filter_, pair)) return false;
  if (filter_.dedup) {
    std::string key = pair.first.text;
    key += '\0';
    key += pair.second.text;
    if (!state_->texts.insert(std::move(key)).second) return false;
  }
  ++state_->kept;
  return true;
}

AlignedDocument selected_pairs(const AlignedDocument& document, const PairSelection& selection) {
  AlignedDocument kept = document;
  std::erase_if(kept.pairs, [&](const AlignedPair& pair) { return !selection.keeps(pair); });
  return kept;
}

}  // namespace untm::format
