#pragma once
// A lexicon as bytes, for a dictionary compiled once and read back fast:
// reading CC-CEDICT's text (splitting ~400,000 senses, normalizing their
// words) is most of aligning one document, and the same file is read on
// every run. The bytes are a cache, never an input a user gives: any that
// are not a whole, intact image of the expected source read as none, and
// the caller compiles the source again.
//
// Layout, little-endian: the magic "untm-lexicon-image", a format version
// (u32), the source key (u64, chosen by the caller), the word count and the
// text size (u32 each), the words' begins (u32 each, word count + 1), their
// text, the entry count (u32), the entries (Chinese id u32, English id u32,
// strength f64 bits u64), then checksum64 (core/hash.h) of everything before
// (u64).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "lexicon/lexicon.h"

namespace untm::lexicon {

// The layout's version (2: checksum64 instead of FNV-1a). A caller that
// names images by their source mixes it in, so that untm versions of other
// layouts keep images of their own instead of compiling over each other's.
inline constexpr std::uint32_t kLexiconImageVersion = 2;

std::string write_lexicon_image(const Lexicon& lexicon, std::uint64_t source_key);

// The lexicon `bytes` hold if they are an intact image for `source_key`:
// the same entries in the same order, the same words with the same ids.
// Images of layout version 1 (checked by fnv1a64) are read too.
std::optional<Lexicon> read_lexicon_image(std::string_view bytes, std::uint64_t source_key);

}  // namespace untm::lexicon
