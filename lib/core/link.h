#pragma once
// Which sentences a link joins, and the one notation that writes it down
// (docs/links.md). The aligner makes links, the formats and the bundle store
// them, eval scores them: all of them speak of the same Link.
//
// The notation is the gold-set format of the Vecalign and Bertalign
// evaluations, one link per line:
//   [1,2]:[3]    first-side sentences 1 and 2 translate second-side sentence 3
//   []:[4]       second-side sentence 4 has no counterpart (a null link)
// Indices are 0-based sentence positions in each document. Outputs that show
// sentence positions inside a larger record render the same range with the
// functions below (TMX x-sentences "1-2", JSONL "[1,2]" as first and count).

#include <compare>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/range.h"

namespace untm {

// The sentences [begin, end) of one side. An empty range is the missing side
// of a null link; its begin says where the counterpart would stand.
using SentenceRange = Range;

// The shape of a link: how many sentences on the first side, how many on the
// second. Written "2-1" (TMX x-link, JSONL "link", untm bench).
struct LinkType {
  std::size_t first_count = 0;
  std::size_t second_count = 0;
  friend bool operator==(const LinkType&, const LinkType&) = default;
};

std::string to_string(const LinkType& type);
// "2-1" back to a type; nullopt for anything else.
std::optional<LinkType> parse_link_type(std::string_view text);

// Sentences of the first document linked to sentences of the second. Cost and
// confidence are the aligner's (links read from a file have 0 for both).
struct Link {
  SentenceRange first;
  SentenceRange second;
  double cost = 0.0;        // alignment cost: lower is better
  double confidence = 0.0;  // in [0, 1]: how likely the link is right; users filter on it

  LinkType type() const noexcept { return {first.size(), second.size()}; }
  friend bool operator==(const Link&, const Link&) = default;
};

// "[1,2]:[3]" (no line end).
std::string format_link(const Link& link);
// One format_link line per link, each ending in '\n'.
std::string format_links(std::span<const Link> links);

// A whole link file. Blank lines and CRLF line ends are accepted. Throws
// InputError naming `source_name`, the line number and its byte offset for a
// line that is not a link, and for one whose indices are not consecutive
// (see parse_link_indices for gold sets, which may hold such lines).
std::vector<Link> parse_links(std::string_view text, const std::string& source_name);

// A line of the notation as written, index by index. Links that untm makes
// are consecutive on both sides; a gold set drawn by people can skip a
// sentence (mac-dev 002: [71,73]:[117,118,119,120] beside [72]:[]), which
// no range holds. Scoring reads link files this way, so that gold links are
// taken exactly as written.
struct LinkIndices {
  std::vector<std::size_t> first;
  std::vector<std::size_t> second;
  friend bool operator==(const LinkIndices&, const LinkIndices&) = default;
  friend auto operator<=>(const LinkIndices&, const LinkIndices&) = default;
};

LinkIndices indices_of(const Link& link);
std::vector<LinkIndices> indices_of(std::span<const Link> links);
// Throws InputError as parse_links does, but takes any indices.
std::vector<LinkIndices> parse_link_indices(std::string_view text, const std::string& source_name);

// The range as TMX's x-sentences prop writes it: first and last index,
// inclusive ("3-4"); empty ranges have no such prop.
std::string format_first_last(SentenceRange range);
// "3-4" back to [3, 5); nullopt when it is not two numbers with first <= last.
std::optional<SentenceRange> parse_first_last(std::string_view text);

// The range as JSONL's *_sentences field writes it: "[first,count]".
std::string format_first_count(SentenceRange range);

}  // namespace untm
