#pragma once
// Sentence links in the gold-set format of the Vecalign/Bertalign evaluations:
// one link per line, `[i,j]:[k]` = first-side sentences i and j translate
// second-side sentence k; `[]:[k]` and `[i]:[]` are null links. Indices are
// 0-based positions of lines in the presplit inputs.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace untm {

struct SentenceLink {
  std::vector<std::size_t> first;
  std::vector<std::size_t> second;
  friend bool operator==(const SentenceLink&, const SentenceLink&) = default;
  friend auto operator<=>(const SentenceLink&, const SentenceLink&) = default;
};

// Parses a whole link file. Blank lines are skipped. Throws InputError naming
// `source_name` and the byte offset of the first malformed line.
std::vector<SentenceLink> parse_links(std::string_view text, const std::string& source_name);

// One `[i,j]:[k]` line per link, each ending in '\n'.
std::string format_links(std::span<const SentenceLink> links);

// The links of an aligned document, by sentence index (each pair's
// first_sentence and sentence_count on either side).
std::vector<SentenceLink> sentence_links(const AlignedDocument& document);

}  // namespace untm
