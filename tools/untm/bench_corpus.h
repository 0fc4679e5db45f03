#pragma once
// Presplit benchmark inputs made of the gold documents (`untm bench align`,
// `untm bench speed`): whole document pairs, so both sides stay translations.

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace untm::cli {

struct Corpus {
  std::vector<std::string> first, second;
};

// The gold documents of shared/gold/<set>/{zh,en}, sets and documents in name
// order, as (zh, en) pairs of non-empty lines. Throws InputError when none.
std::vector<Corpus> read_gold(const std::filesystem::path& shared);

// Whole document pairs, cycling through `documents`, until the first side has
// at least `size` sentences.
Corpus concatenate(const std::vector<Corpus>& documents, std::size_t size);

}  // namespace untm::cli
