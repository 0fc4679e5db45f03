#pragma once
// Presplit benchmark inputs made of the gold documents (`untm bench align`,
// `untm bench speed`): whole document pairs, so both sides stay translations.

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "core/link.h"

namespace untm::cli {

struct Corpus {
  std::vector<std::string> first, second;
  // The gold links of the pair, indexing its lines; empty when it has none.
  std::vector<LinkIndices> gold;
};

// The gold documents of shared/gold/<set>/{zh,en}, sets and documents in name
// order, as (zh, en) pairs of non-empty lines, each with its gold links
// (shared/gold/<set>/gold/NAME.align) when there are any. Throws InputError
// when there is no document, or a gold file cannot be read.
std::vector<Corpus> read_gold(const std::filesystem::path& shared);

// Whole document pairs, cycling through `documents`, until the first side has
// at least `size` sentences. The gold links of each copy are moved on by the
// sentences before it; the result has gold only when every document has.
Corpus concatenate(const std::vector<Corpus>& documents, std::size_t size);

}  // namespace untm::cli
